"""The coder's fast paths find exactly what the plain scans find (issue 8: extraction speed).

Speed itself is measured by ``python -m bench --only extract``, never here. These tests check
behaviour: the prefilter (``loaders.patterns.Prefilter``: each regex only scans the sentences
that can hold one of its matches) and the gazetteer's alias prefix tree give the same matches
as scanning every text with the plain regexes, on the real corpus, synthetic articles, and
texts written to hit the corner cases of the argument (matches across a line break, letters
the regex engine equates beyond lower case, non-ASCII digits, texts whose length changes
when lower-cased).
"""

from __future__ import annotations

import datetime as dt
import re

import pytest

from loaders import coder
from loaders.dates import find_dates
from loaders.gazetteer import _alt, _trie, default_gazetteer
from loaders.patterns import PREFILTER, Plan, can_read, fold, required_keys
from tests.corpus_paths import corpus_dir

# sentences built to straddle or almost straddle sentence ends, or to fold in unusual ways
TRICKY = [
    "The Italian regulator has\nbanned ChatGPT. It was fined\nby the Garante! The ban. Of X.",
    "Meta was banned in 2023 by the EU. Meta was banned\nby the EU? « Ils ont interdit\nl'usage de Grok »",
    'He said:\n"OpenAI sued\nGoogle." The firm issued a\nfine. Rome, Jan.\n5, 2025: le 3\njanvier 2024.',
    "On Monday,\nJanuary 5 the AI Act came\ninto force. En\n2023, la CNIL a sanctionné Clearview. In\n2024...",
    "CRıMıNALıSED deepfakes; the ſtate ſued. The regulator fıned X. İstanbul banned Y last week.",
    "La loi a été adoptée le 12 ٣ mars; in ٢٠٢٣ the company was fined. in 20٢٣ X banned Y.",
    "L'enquête, ouverte par la CNIL, vise X.\nL’enquête, initiée lundi, vise Y.",
    "The spokesperson of Inc. spokesperson said. Mr. A. Spokesman B said it. Dec.\n2024 was cold.",
    "Σ ΣΑΣ σας: the bill was signed. μ µ. no match here at all",
]


def _texts(n_synthetic: int) -> list[str]:
    from bench import corpus

    out = [a.body for a in corpus.articles(n_synthetic, seed=5)]
    root = corpus_dir()
    if root is not None:
        out += [p.read_text(encoding="utf-8") for p in sorted(root.glob("*/*.txt"))]
    return out + TRICKY


@pytest.fixture(scope="module")
def texts() -> list[str]:
    return _texts(300)


def _plan(text: str) -> Plan:
    return PREFILTER.plan(text, [e for _, e in coder.split_sentences(text)])


def test_prefilter_gives_the_matches_of_a_whole_text_scan(texts):
    assert len(PREFILTER._rx) >= 60  # triggers, descriptions, date patterns
    skipped = 0
    for text in texts:
        plan = _plan(text)
        for i, rx in enumerate(PREFILTER._rx):
            fast = [(m.span(), m.groupdict()) for m in plan.finditer(i)]
            assert fast == [(m.span(), m.groupdict()) for m in rx.finditer(text)], (rx.pattern, text[:80])
            if plan.bounds is not None:
                skipped += sum(1 for _, _, bits in plan._segments_for(i) if not bits >> i & 1)
    assert skipped > 0  # the prefilter does skip segments (it is not the plain path in disguise)


def test_prefilter_cuts_anywhere(texts):
    """Any cut offsets (not only sentence ends), even inside words: still the same matches."""
    for text in texts[:60] + TRICKY:
        ends = sorted({min(len(text), k) for k in range(0, len(text) + 7, 7)} | {len(text) // 2})
        plan = PREFILTER.plan(text, ends)
        for i, rx in enumerate(PREFILTER._rx):
            assert [m.span() for m in plan.finditer(i)] == [m.span() for m in rx.finditer(text)], rx.pattern


def test_cuts_after_a_full_stop_that_a_date_reads():
    """ "Jan." reads its "." as part of a date: a cut there must not split the date."""
    from loaders.patterns import read_contexts

    assert "jan" in read_contexts(PREFILTER._rx[_date_index("mdy")], ".")
    assert "0" in read_contexts(PREFILTER._rx[_date_index("the_nth")], ".")  # (?=[\s,.]) after a day
    text = (
        "It began on Jan. 5, 2025 in Rome. On Sept. 3 2024 and Dec. 2023, too. The Japan. 5 "
        "cases in jan. 2022. Le 3 févr. 2021. Oct.\n12 was the day; nov. 4. Puis le 3. Le 14. "
        "On the 2nd. In 2023. X"
    )
    for cut in [k + 1 for k, c in enumerate(text) if c == "."]:
        plan = PREFILTER.plan(text, [cut])
        for i, rx in enumerate(PREFILTER._rx):
            assert [m.span() for m in plan.finditer(i)] == [m.span() for m in rx.finditer(text)], (
                rx.pattern,
                text[:cut],
            )


def _date_index(kind: str) -> int:
    from loaders import dates

    return dates._SCAN[[k for k, _ in dates._COMPILED].index(kind)]


def test_sentence_check_of_anchored_triggers(texts):
    anchored = [t for t in coder.TRIGGERS if t.rx.pattern.startswith("^")]
    assert anchored
    for text in texts:
        plan = _plan(text)
        for t in anchored:
            idx = coder._TRIGGER_SCAN[id(t)]
            for ss, se in coder.split_sentences(text):
                if not plan.may_match(idx, ss, se):
                    assert t.rx.search(text[ss:se]) is None, (t.rx.pattern, text[ss:se])


def test_required_fragments_and_unreadable_characters_hold_on_every_match(texts):
    """The two facts the prefilter rests on, checked on every match found."""
    ends = set(".!?\"”»)’'\n,;:")
    facts = [(rx, required_keys(rx), {c for c in ends if not can_read(rx, c)}) for rx in PREFILTER._rx]
    for text in texts:
        foldable = fold(text) is not None
        for rx, keys, unreadable in facts:
            for m in rx.finditer(text):
                if keys is not None and foldable:
                    f = fold(m.group(0))
                    assert any(k in f for k in keys), (rx.pattern, m.group(0), sorted(keys))
                assert not unreadable & set(m.group(0)), (rx.pattern, m.group(0))


def test_required_fragments_of_triggers():
    for t in coder.TRIGGERS:
        assert required_keys(t.rx), t.rx.pattern  # every trigger is prefiltered
    assert required_keys(re.compile(r"\b(?:sued|sues|suing)\b", re.I)) == {"sued", "sues", "suing"}
    assert required_keys(re.compile(r"enqu[êe]te")) == {"enquête", "enquete"}
    assert required_keys(re.compile(r"a|bcd")) == {"a", "bcd"}  # weak, but sound
    assert required_keys(re.compile(r"(?:abc)?d*")) is None
    assert not can_read(re.compile(r"\bfined\b[^.]{0,60}?\bby\b", re.I), ".")
    assert can_read(re.compile(r"x(?=\s*\.)"), ".")  # a lookahead reads too
    assert can_read(re.compile(r"x$"), "y")  # "$" depends on the end of the text


def test_find_dates_with_a_plan(texts):
    for text in texts:
        plan = _plan(text)
        for anchor in (None, dt.date(2026, 1, 14)):
            assert find_dates(text, anchor, plan) == find_dates(text, anchor)
    with pytest.raises(ValueError):
        find_dates("le 3 mars", None, _plan("le 4 mars"))


def test_coder_output_is_the_plain_scans_output(texts, monkeypatch):
    """End to end: ``code`` with the prefilter == ``code`` with every regex over the whole body."""
    from graph.model import Article

    arts = [Article.from_text(t, language=lang) for t in texts[::3] + TRICKY for lang in ("fr", "en")]
    fast = [coder.code(a) for a in arts]
    monkeypatch.setattr(Plan, "finditer", lambda self, i: self.pf._rx[i].finditer(self.text))
    monkeypatch.setattr(Plan, "may_match", lambda self, i, start, end: True)
    plain = [coder.code(a) for a in arts]
    assert sum(len(x.events) for x in plain) > 100
    for f, p in zip(fast, plain):
        assert f == p, f.article.body[:80]


def test_alias_prefix_tree_matches_like_the_alternation(texts):
    g = default_gazetteer()
    tree = g._alias_rx
    plain = re.compile(r"(?<![\w@#.-])(?:" + _alt(g._alias) + r")(?![\w]|-\w|\.\w)")
    assert tree.pattern != plain.pattern
    for text in texts[::4] + TRICKY + ["Meta AI, Meta, Meta-AI, Meta.AI and Mistral AI's Le Chat."]:
        assert [m.span() for m in tree.finditer(text)] == [m.span() for m in plain.finditer(text)]
    words = ["Meta", "Meta AI", "Meta AI Labs", "M", "Mistral", "Mistral AI", "X", "x.ai", "xAI"]
    both = [re.compile("(?:" + f(words) + r")(?![\w])") for f in (_trie, _alt)]
    for text in ["Meta AI Lab", "Meta AI Labs", "Meta AIx", "Mistral AIs", "xAI x.ai X", "M Me Met"]:
        assert [m.span() for m in both[0].finditer(text)] == [m.span() for m in both[1].finditer(text)]
