"""The evaluator: known counts on a hand-made gold pair; a floor on the dev set."""

import json

import pytest

from loaders.evaluate import evaluate
from tests.corpus_paths import corpus_dir

CORPUS = corpus_dir()

TXT = """date 2025-03-12 Test
source: test
language: en

The Dutch data protection watchdog fined Clearview AI 30 million euros on Monday.
Two writers sued Apple on Friday.
“We disagree with the decision,” said Sam Altman.
"""

GOLD = {
    "file": "t01.txt",
    "language": "en",
    "dateline": "2025-03-12",
    "entities": [
        {
            "name": "Autoriteit Persoonsgegevens",
            "type": "Regulator",
            "aliases": ["The Dutch data protection watchdog"],
        },  # maps by alias
        {"name": "Clearview", "type": "Company", "aliases": ["Clearview AI"]},
        {"name": "Two writers", "type": "Organization", "aliases": ["Two writers"]},
        {"name": "Apple Inc.", "type": "Company", "aliases": [], "wikidata": "Q312"},  # maps by QID
        {"name": "Sam Altman", "type": "Person", "aliases": []},
        {"name": "Meta", "type": "Company", "aliases": []},
    ],
    "relations": [
        {
            "subject": "Autoriteit Persoonsgegevens",
            "predicate": "FINED",
            "object": "Clearview",
            "date": "2025-03",
            "evidence": "x",
        },  # date inside the month: right
        {
            "subject": "Two writers",
            "predicate": "SUED",
            "object": "Apple Inc.",
            "date": "2025-03-10",
            "evidence": "x",
        },  # Friday is 03-07: wrong
        {
            "subject": "Sam Altman",
            "predicate": "STATED",
            "object": None,
            "date": None,
            "evidence": "x",
        },  # null object: any target
        {"subject": "Meta", "predicate": "BANNED", "object": "Clearview", "date": None, "evidence": "x"},  # a miss
    ],
}


def test_known_counts(tmp_path):
    (tmp_path / "t01.txt").write_text(TXT, encoding="utf-8")
    (tmp_path / "t01.gold.json").write_text(json.dumps(GOLD), encoding="utf-8")
    rep = evaluate([tmp_path])
    assert (rep.tp, rep.fn) == (3, 1)
    assert rep.fp == 0
    assert rep.precision == 1.0 and rep.recall == 0.75
    assert abs(rep.f1 - 2 * 0.75 / 1.75) < 1e-9
    assert (rep.dates_right, rep.dates_checked) == (1, 2) and rep.date_accuracy == 0.5
    assert rep.per_type["BANNED"].fn == 1 and rep.per_type["FINED"].tp == 1
    text = rep.to_text()
    assert "misses:" in text and "Meta BANNED Clearview" in text
    d = rep.to_dict()
    assert d["tp"] == 3 and d["per_type"]["SUED"]["tp"] == 1


def test_events_are_counted_per_rule_and_misses_per_cause(tmp_path):
    (tmp_path / "t01.txt").write_text(TXT, encoding="utf-8")
    (tmp_path / "t01.gold.json").write_text(json.dumps(GOLD), encoding="utf-8")
    rep = evaluate([tmp_path])
    # every matched or unmatched event is counted under the rule that produced it
    assert sum(s.tp for s in rep.per_rule.values()) == rep.tp
    assert sum(s.fp for s in rep.per_rule.values()) == rep.fp
    assert all(k != "(no rule id)" for k in rep.per_rule)
    fined = [k for k, s in rep.per_rule.items() if k.startswith("FINED.") and s.tp == 1]
    assert fined, rep.per_rule
    # Meta is never named in the text: the miss is an actor never recognised
    [miss] = rep.misses
    assert miss["cause"] == "actor never recognised"
    assert rep.miss_causes() == {"actor never recognised": 1}
    assert "misses by cause:" in rep.to_text() and fined[0] in rep.to_text()
    d = rep.to_dict()
    assert d["miss_causes"] == {"actor never recognised": 1} and fined[0] in d["per_rule"]


def test_a_named_actor_without_an_event_is_told_apart_from_an_unknown_one(tmp_path):
    txt = TXT.replace("Two writers sued Apple on Friday.", "Two writers sued Apple on Friday. Meta is big.")
    (tmp_path / "t01.txt").write_text(txt, encoding="utf-8")
    (tmp_path / "t01.gold.json").write_text(json.dumps(GOLD), encoding="utf-8")
    [miss] = evaluate([tmp_path]).misses
    assert miss["cause"] != "actor never recognised"  # Meta is named now, just not coded


def test_extra_event_is_a_false_positive(tmp_path):
    gold = dict(GOLD, relations=GOLD["relations"][:1])
    (tmp_path / "t01.txt").write_text(TXT, encoding="utf-8")
    (tmp_path / "t01.gold.json").write_text(json.dumps(gold), encoding="utf-8")
    rep = evaluate([tmp_path / "t01.gold.json"])
    assert rep.tp == 1 and rep.fp == 2 and rep.fn == 0  # SUED and STATED are unannotated
    assert {x["type"] for x in rep.false_positives} == {"SUED", "STATED"}


def test_a_leading_article_does_not_decide_a_match(tmp_path):
    # gold says "The Dutch data protection watchdog"-style names with or without their article;
    # "the Autoriteit" and "Autoriteit" are one name, "Autoriteit Persoonsgegevens" is another
    from loaders.evaluate import _keys

    assert _keys("The Autoriteit", ["la Commission"], None) == {"autoriteit", "commission"}
    assert "autoriteit persoonsgegevens" not in _keys("The Autoriteit", [], None)
    assert _keys("L'Oréal", [], None) == {"oreal"} and _keys("Théa", [], None) == {"thea"}
    assert _keys("The", [], None) == {"the"}  # an article alone is kept, not emptied


@pytest.mark.skipif(CORPUS is None, reason="shared corpus not found")
def test_dev_floor():
    rep = evaluate([CORPUS / "dev"])
    assert rep.files == 23
    # coder 1.1.0 reached F1 0.895 (P 0.927, R 0.865) on the set its rules were written from.
    # Issue 12 trades some of that fit for rules that generalise, with the dev floor it sets:
    # F1 >= 0.85 (the blind set, corpus/blind, is what measures the coder now)
    assert rep.f1 >= 0.85, rep.to_text()
    assert rep.precision >= 0.85 and rep.recall >= 0.84
    assert rep.date_accuracy >= 0.95
    # no event type with 3+ gold cases below 0.6 F1
    weak = {k: round(s.f1, 3) for k, s in rep.per_type.items() if s.tp + s.fn >= 3 and s.f1 < 0.6}
    assert not weak, weak


@pytest.mark.skipif(CORPUS is None, reason="shared corpus not found")
def test_seed_required_facts_all_found():
    from loaders.coder import code
    from loaders.read import read_file

    ex = code(next(read_file(CORPUS / "seed" / "000_a26acc091d010e43.txt")))
    names = {e.id: e.name for e in ex.entities}
    got = {
        (names[a], ev.type.value, names[t] if t else None)
        for ev in ex.events
        for a in ev.actors
        for t in (ev.targets or (None,))
    }
    required = {
        ("Malaysia", "BLOCKED_ACCESS", "Grok"),
        ("Indonesia", "BLOCKED_ACCESS", "Grok"),
        ("Malaysia", "SUED", "X"),
        ("Malaysia", "SUED", "xAI"),
        ("Indonesia", "SUED", "X"),
        ("Indonesia", "SUED", "xAI"),
        ("Three US Democratic senators", "DEMANDED", "Apple"),
        ("Three US Democratic senators", "DEMANDED", "Google"),
        ("United Kingdom", "CRIMINALISED", None),
        ("X", "RESTRICTED", "Grok"),
    }
    assert required <= got
    assert any(a == "Elon Musk" and p == "STATED" for a, p, _ in got)
    assert any(a == "Keir Starmer" and p == "STATED" for a, p, _ in got)


def test_seed_gold_every_required_fact_found_with_its_date():
    from loaders.evaluate import evaluate
    from tests.conftest import SEED

    report = evaluate([SEED])
    assert report.recall == 1.0
    assert report.date_accuracy == 1.0
    assert report.precision >= 0.9


@pytest.mark.skipif(CORPUS is None or not (CORPUS / "blind").is_dir(), reason="blind corpus not found")
def test_blind_floor():
    """Issue 12: CI fails if a blind batch's F1 falls below its recorded floor (README):
    batch 2's first contact (coder 1.4.0, 2026-12-07: F1 0.273, P 0.346, R 0.225 on 44
    articles), and batch 1 -- measured first with coder 1.2.0 (0.194), development material
    since -- batch 3's first contact (coder 1.4.0, 2026-12-07: F1 0.256, P 0.300, R 0.224) and
    batch 4's (coder 1.5.0, 2026-12-07: F1 0.296, P 0.415, R 0.230), batch 5's (coder 1.6.0,
    2026-12-07: F1 0.205, P 0.294, R 0.157), batch 6's (coder 1.7.0, 2026-12-07: F1 0.241,
    P 0.344, R 0.186), batch 7's (coder 1.8.1, 2026-12-07: F1 0.269, P 0.378, R 0.209), batch
    8's (coder 1.9.0, 2026-12-07: F1 0.342, P 0.443, R 0.278), batch 9's (coder 1.10.0,
    2026-12-07: F1 0.302, P 0.410, R 0.239), batch 10's (coder 1.11.0, 2026-12-07: F1 0.210,
    P 0.242, R 0.186), batch 11's (coder 1.11.6, 2026-12-07: F1 0.272, P 0.338, R 0.228), batch
    12's (the same coder, 2026-12-07: F1 0.160, P 0.195, R 0.136), batch 13's (coder 1.11.9,
    2026-12-08: F1 0.258, P 0.279, R 0.241), batch 14's French half (the same coder, 2026-12-08:
    F1 0.222, P 0.379, R 0.157; 22 articles, its English half rejected as not blind), batch 15's
    (coder 1.12.3, 2026-12-08: F1 0.280, P 0.345, R 0.236), batch 16's (coder 1.13.0, 2026-12-08:
    F1 0.241, P 0.305, R 0.199), batch 17's (coder 1.13.2, 2026-12-08: F1 0.221, P 0.281, R 0.182;
    43 articles). Batches 8-17 are held at their first contact less a margin;
    batches 1-7 at what coder 1.9.0 gives them less about 0.02. Blind texts are never copied into
    patterns or tests; this only scores them."""
    floors = {
        "blind17": 0.20,
        "blind16": 0.22,
        "blind15": 0.26,
        "blind14": 0.20,
        "blind13": 0.24,
        "blind12": 0.15,
        "blind11": 0.26,
        "blind10": 0.20,
        "blind9": 0.29,
        "blind8": 0.33,
        "blind7": 0.28,
        "blind6": 0.32,
        "blind5": 0.29,
        "blind4": 0.42,
        "blind3": 0.36,
        "blind2": 0.45,
        "blind": 0.44,
    }
    for name, floor in floors.items():
        rep = evaluate([CORPUS / name])
        assert rep.files == {"blind14": 22, "blind17": 43}.get(name, 44), name
        assert rep.f1 >= floor, (name, rep.to_text().split("false positives")[0])


@pytest.mark.skipif(CORPUS is None, reason="shared corpus not found")
def test_eval_shows_sets_side_by_side_and_their_combined_report():
    from click.testing import CliRunner

    from cli import cli

    out = CliRunner().invoke(cli, ["eval", str(CORPUS / "dev"), str(CORPUS / "seed"), "--json"])
    assert out.exit_code == 0, out.output
    data = json.loads(out.stdout)
    dev, seed = evaluate([CORPUS / "dev"]), evaluate([CORPUS / "seed"])
    assert [(r["files"], r["tp"], r["fp"], r["fn"]) for r in data["sets"]] == [
        (23, dev.tp, dev.fp, dev.fn),
        (1, seed.tp, seed.fp, seed.fn),
    ]
    both = evaluate([CORPUS / "dev", CORPUS / "seed"])
    assert (data["tp"], data["fp"], data["fn"], data["files"]) == (both.tp, both.fp, both.fn, 24)
    table = CliRunner().invoke(cli, ["eval", str(CORPUS / "dev"), str(CORPUS / "seed")]).stdout
    assert table.splitlines()[0].split()[:4] == ["set", "files", "P", "R"]


def test_a_coder_error_on_one_file_is_that_files_misses_not_the_runs_end(tmp_path, monkeypatch):
    import loaders.evaluate as ev

    for n, body in (("d01", "The FTC fined Rytr on Monday."), ("d02", "Ofcom fined Zibbo Labs on Monday.")):
        (tmp_path / f"{n}.txt").write_text(
            f"date 2025-03-04 t\nsource: x\nlanguage: en\n\n{body}\n", encoding="utf-8"
        )
        subj = "Federal Trade Commission" if n == "d01" else "Ofcom"
        obj = "Rytr" if n == "d01" else "Zibbo Labs"
        (tmp_path / f"{n}.gold.json").write_text(
            json.dumps(
                {
                    "file": f"{n}.txt",
                    "language": "en",
                    "dateline": "2025-03-04",
                    "entities": [
                        {"name": subj, "type": "Regulator", "aliases": [subj]},
                        {"name": obj, "type": "Company", "aliases": [obj]},
                    ],
                    "relations": [
                        {
                            "subject": subj,
                            "predicate": "FINED",
                            "object": obj,
                            "date": "2025-03-03",
                            "evidence": body,
                        }
                    ],
                }
            ),
            encoding="utf-8",
        )
    real = ev.trace

    def flaky(art, **kw):
        if "Ofcom" in art.body:
            raise AttributeError("boom")
        return real(art, **kw)

    monkeypatch.setattr(ev, "trace", flaky)
    rep = ev.evaluate([tmp_path])
    assert rep.files == 2 and rep.tp == 1 and rep.fn == 1
    assert rep.errors == [{"file": "d02.txt", "error": "AttributeError: boom"}]
    assert "coder errors" in rep.to_text() and "[d02.txt] AttributeError: boom" in rep.to_text()
