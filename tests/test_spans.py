"""SpanSet (loaders/spans.py): the overlap test the coder asks once per candidate name gives
the same answers as the list scan it replaced (issue 17: that scan made the coder quadratic)."""

from __future__ import annotations

import random

import pytest

from loaders.spans import SpanSet


def _naive_free(spans, s, e):
    return all(e <= a or s >= b for a, b in spans)


@pytest.mark.parametrize("seed", range(20))
def test_spanset_answers_like_a_list_scan(seed):
    rnd = random.Random(seed)
    spans: list[tuple[int, int]] = []
    taken = SpanSet()
    for _ in range(300):
        s = rnd.randrange(0, 2000)
        e = s + rnd.randrange(1, 60 if rnd.random() < 0.9 else 400)  # a few long, nesting spans
        assert taken.free(s, e) == _naive_free(spans, s, e), (s, e)
        op = rnd.random()
        if op < 0.6:
            spans.append((s, e))
            taken.add(s, e)
        elif op < 0.7 and spans:
            victim = rnd.choice(spans)
            spans.remove(victim)
            taken.remove(victim)
        assert ((s, e) in taken) == ((s, e) in spans)
    assert len(taken) == len(spans)


def test_removing_a_span_that_is_not_there_is_an_error():
    with pytest.raises(ValueError):
        SpanSet([(0, 3)]).remove((1, 3))
