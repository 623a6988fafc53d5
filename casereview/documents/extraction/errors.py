"""One exception for every way a file can be unreadable, carrying what is wrong and what to do about it."""


class ExtractionError(Exception):
    def __init__(self, problem, remedy):
        super().__init__(f"{problem} {remedy}")
        self.problem = problem
        self.remedy = remedy
