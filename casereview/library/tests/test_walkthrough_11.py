"""Walkthrough 11, finding 15 (docs/walkthrough-11.md): a month is no reason for two reviews to be similar."""

from casereview.library.similarity import Candidate, most_similar


def test_a_shared_month_neither_ranks_nor_is_given_as_a_reason():
    text = "Child S was placed with foster carers in December and attended a new school."
    candidates = [
        Candidate(key="dated", title="BDS12", text="The incident happened in December, on a Monday."),
        Candidate(key="placed", title="Child R", text="Child R was placed with foster carers and attended school."),
        *[Candidate(key=f"other{n}", title=f"Other {n}", text="Neglect at home was missed.") for n in range(4)],
    ]
    matches = most_similar(text, candidates)
    assert "dated" not in [m.candidate.key for m in matches]
    assert all("december" not in m.shared_words for m in matches)
