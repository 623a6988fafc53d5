"""Questions about a list of (start, end, ...) spans answered in O(log n) instead of by scanning the list.

A report repeats its names, settings and dates on every page: a rule that asked `any(...)` of every span
found, once for each span found, took minutes on a 300-page report (thousands of spans each way)."""

from bisect import bisect_left, bisect_right
from itertools import accumulate


class SpanIndex:
    def __init__(self, spans):
        ordered = sorted((span[0], span[1]) for span in spans)
        self.starts = [s for s, _ in ordered]
        self.max_end = list(accumulate((e for _, e in ordered), max))

    def _max_end_before(self, count):
        return self.max_end[count - 1] if count else None

    def overlaps(self, start, end):
        """any(s < end and start < e for s, e in spans)"""
        furthest = self._max_end_before(bisect_left(self.starts, end))
        return furthest is not None and furthest > start

    def contains(self, position):
        """any(s <= position < e for s, e in spans)"""
        furthest = self._max_end_before(bisect_right(self.starts, position))
        return furthest is not None and furthest > position

    def starts_within(self, start, end):
        """any(start <= s < end for s, e in spans)"""
        i = bisect_left(self.starts, start)
        return i < len(self.starts) and self.starts[i] < end
