"""The trigger lexicon's own examples and counter-examples run as tests (issue 12).

Each rule of ``loaders/data/triggers.lex`` carries sentences written for it: an example must
give an event of the rule's type with the named actor (and target), coded by that very rule;
a counter-example must give no event of the rule's type.
"""

from __future__ import annotations

import re

import pytest

from graph.model import Article, fold
from loaders.coder import code
from loaders.lexicon import compile_match, inflect, load_rules, parse

RULES = load_rules()


def _names(ex, ids):
    ents = {e.id: e for e in ex.entities}
    return {fold(n) for i in ids for n in (ents[i].name, *ents[i].aliases)}


def _code(sentence: str, lang: str):
    return code(
        Article(
            id="x" * 64,
            title="t",
            published="2025-06-04",
            language=lang,
            source="lexicon",
            url=None,
            body=sentence,
        )
    )


def _cases():
    for r in RULES:
        for i, ex in enumerate(r.examples):
            yield pytest.param(r, ex, id=f"{r.id}#{i + 1}")


def _counter_cases():
    for r in RULES:
        for i, s in enumerate(r.counter):
            yield pytest.param(r, s, id=f"{r.id}!{i + 1}")


def test_the_lexicon_is_at_least_five_times_the_first_trigger_table():
    from loaders.patterns import TRIGGERS

    assert len(RULES) >= 60
    assert len([t for t in TRIGGERS if ".core" in t.id]) < len(RULES)
    assert {r.lang for r in RULES} == {"en", "fr"}
    assert all(r.examples for r in RULES), [r.id for r in RULES if not r.examples]


@pytest.mark.parametrize("rule,ex", list(_cases()))
def test_every_example_is_coded_by_its_rule(rule, ex):
    # the rule itself matches the sentence (an older rule of the same type may be the one
    # recorded when both match the same words), and the coder codes the event
    assert re.search(rule.regex, ex.sentence, re.I), f"{rule.id} does not match {ex.sentence!r}"
    out = _code(ex.sentence, rule.lang)
    hits = [e for e in out.events if e.type is rule.type]
    assert hits, (
        f"{rule.id}: no {rule.type.value} in {ex.sentence!r}; got "
        f"{[(e.type.value, e.rule) for e in out.events]}, rejected {out.rejected}"
    )
    if ex.actor and ex.actor != "-":
        want = fold(ex.actor)
        assert any(want in _names(out, e.actors) for e in hits), (
            f"{rule.id}: actor {ex.actor!r} not found: {[_names(out, e.actors) for e in hits]}"
        )
    if ex.target and ex.target != "-":
        want = fold(ex.target)
        assert any(want in _names(out, e.targets) for e in hits), (
            f"{rule.id}: target {ex.target!r} not found: {[_names(out, e.targets) for e in hits]}"
        )


@pytest.mark.parametrize("rule,sentence", list(_counter_cases()))
def test_no_counter_example_gives_the_rules_type(rule, sentence):
    out = _code(sentence, rule.lang)
    assert not [e for e in out.events if e.type is rule.type], [e.to_dict() for e in out.events]


def test_macros_and_inflection():
    assert inflect("probe") == ["probe", "probes", "probed", "probing"]
    assert inflect("take") == ["take", "takes", "took", "taken", "taking"]
    assert "shut down" in inflect("shut down") and "shutting down" in inflect("shut down")
    rx = re.compile(compile_match("{V:open} {A}(?:{DET} )?{ADJ}investigation"), re.I)
    assert rx.search("opened on Thursday a formal antitrust investigation")
    assert rx.search("has opened an investigation")
    assert not rx.search("opened the door to an investigation")


def test_a_bad_lexicon_is_refused_with_its_line():
    with pytest.raises(ValueError, match=r"<lexicon>:1: rule X has no type"):
        parse("rule X\nlang en\nmatch x\n")
    with pytest.raises(ValueError, match="unknown option"):
        parse("rule X\ntype BANNED\nlang en\nopts sideways\nmatch x\n")
    with pytest.raises(ValueError, match="duplicate rule ids"):
        parse("rule X\ntype BANNED\nlang en\nmatch x\n\nrule X\ntype BANNED\nlang en\nmatch y\n")
