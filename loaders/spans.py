"""Sets of text spans with an overlap test in logarithmic time.

The coder asks "is this stretch of text already taken by a name?" once per candidate; with a
list that is linear in the names found so far, and a 1 MB article (tens of thousands of names)
took minutes (issue 17). :class:`SpanSet` keeps the spans sorted by start and answers from the
neighbours of the query::

    >>> taken = SpanSet([(0, 5), (10, 20)])
    >>> taken.free(5, 10), taken.free(4, 6), taken.free(12, 13), taken.free(20, 30)
    (True, False, False, True)
    >>> taken.add(30, 40); taken.remove((10, 20)); taken.free(12, 13)
    True

Spans may nest (a long name holding a short one): the test then looks back past the nearest
start, as far as the longest span requires.
"""

from __future__ import annotations

from bisect import bisect_left, insort
from typing import Iterable, cast

__all__ = ["SpanSet"]


class SpanSet:
    """Half-open ``[start, end)`` spans; ``free(s, e)`` is true when none overlaps ``[s, e)``."""

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        self._spans: list[tuple[int, int]] = sorted(spans)
        self._longest = max((b - a for a, b in self._spans), default=0)

    def __len__(self) -> int:
        return len(self._spans)

    def add(self, start: int, end: int) -> None:
        insort(self._spans, (start, end))
        self._longest = max(self._longest, end - start)

    def append(self, span: tuple[int, int]) -> None:
        """``add`` for code written against a list of spans."""
        self.add(*span)

    def remove(self, span: tuple[int, int]) -> None:
        i = bisect_left(self._spans, span)
        if i < len(self._spans) and self._spans[i] == span:
            del self._spans[i]
        else:
            raise ValueError(f"{span} not in the set")

    def __contains__(self, span: object) -> bool:
        i = bisect_left(self._spans, cast("tuple[int, int]", span))
        return i < len(self._spans) and self._spans[i] == span

    def free(self, start: int, end: int) -> bool:
        spans = self._spans
        i = bisect_left(spans, (end, -1))  # spans starting at or after ``end`` cannot overlap
        # every span that starts before ``end`` and ends after ``start`` overlaps; the ones that
        # can still reach ``start`` start no earlier than ``start - longest``
        lo = start - self._longest
        j = i - 1
        while j >= 0 and spans[j][0] >= lo:
            if spans[j][1] > start and spans[j][0] < end:
                return False
            j -= 1
        return True
