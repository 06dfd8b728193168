"""Evaluate the coder against gold-annotated articles (``dNN.txt`` + ``dNN.gold.json``).

Matching (``shared/corpus/README.md``): a gold relation matches an extracted (actor, target)
pair of an event when the gold subject maps to the actor, the gold object maps to the target
(a null gold object matches any target, or none), and the predicate equals the event type.
A gold entity maps to an extracted entity when their names or aliases are equal after case and
accent folding, or when they share a Wikidata QID.

Counting is per pair: an event with actors {A, B} and targets {X, Y} makes four claims
(A-X, A-Y, B-X, B-Y), each a true or a false positive; an event without targets makes one claim
per actor. Gold relations and claims are matched one-to-one (claims from the gold relation's
evidence sentence first). Date accuracy counts matched relations whose gold date is not null:
right when the extracted date equals it, or lies inside the gold day/month/interval.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from graph.errors import InputError
from graph.model import date_bounds, fold
from loaders.coder import CODER_VERSION, trace
from loaders.read import read_file

__all__ = ["EvalReport", "TypeScore", "combine", "evaluate", "evaluate_pair", "summary_row"]


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class TypeScore:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        return _f1(self.precision, self.recall)

    def to_dict(self) -> dict[str, Any]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


@dataclass
class EvalReport:
    per_type: dict[str, TypeScore] = field(default_factory=dict)
    dates_checked: int = 0
    dates_right: int = 0
    false_positives: list[dict] = field(default_factory=list)
    misses: list[dict] = field(default_factory=list)
    date_errors: list[dict] = field(default_factory=list)
    files: int = 0
    #: per trigger rule id: its events that matched gold (tp) and those that did not (fp)
    per_rule: dict[str, TypeScore] = field(default_factory=dict)
    #: files the coder failed on ({"file", "error"}): their gold relations count as misses
    errors: list[dict] = field(default_factory=list)

    @property
    def overall(self) -> TypeScore:
        """All event types together."""
        return TypeScore(
            tp=sum(s.tp for s in self.per_type.values()),
            fp=sum(s.fp for s in self.per_type.values()),
            fn=sum(s.fn for s in self.per_type.values()),
        )

    @property
    def tp(self) -> int:
        return self.overall.tp

    @property
    def fp(self) -> int:
        return self.overall.fp

    @property
    def fn(self) -> int:
        return self.overall.fn

    @property
    def precision(self) -> float:
        return self.overall.precision

    @property
    def recall(self) -> float:
        return self.overall.recall

    @property
    def f1(self) -> float:
        return self.overall.f1

    @property
    def date_accuracy(self) -> float:
        return self.dates_right / self.dates_checked if self.dates_checked else 1.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "coder_version": CODER_VERSION,
            "files": self.files,
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "date_accuracy": round(self.date_accuracy, 4),
            "dates_checked": self.dates_checked,
            "dates_right": self.dates_right,
            "per_type": {k: v.to_dict() for k, v in sorted(self.per_type.items())},
            "per_rule": {k: v.to_dict() for k, v in sorted(self.per_rule.items())},
            "miss_causes": self.miss_causes(),
            "false_positives": self.false_positives,
            "misses": self.misses,
            "date_errors": self.date_errors,
            "errors": self.errors,
        }

    def miss_causes(self) -> dict[str, int]:
        """How many misses each cause explains, most first (see :data:`MISS_CAUSES`)."""
        counts: dict[str, int] = defaultdict(int)
        for x in self.misses:
            counts[x.get("cause", "unknown")] += 1
        return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))

    def to_text(self) -> str:
        lines = [
            f"coder {CODER_VERSION} on {self.files} gold file(s)",
            f"overall  P={self.precision:.3f}  R={self.recall:.3f}  F1={self.f1:.3f}  "
            f"(tp={self.tp} fp={self.fp} fn={self.fn})",
            f"dates    {self.dates_right}/{self.dates_checked} = {self.date_accuracy:.3f}",
            "",
            f"{'type':<16}{'P':>7}{'R':>7}{'F1':>7}{'tp':>5}{'fp':>5}{'fn':>5}",
        ]
        for k, s in sorted(self.per_type.items()):
            lines.append(f"{k:<16}{s.precision:>7.3f}{s.recall:>7.3f}{s.f1:>7.3f}{s.tp:>5}{s.fp:>5}{s.fn:>5}")
        if self.errors:
            lines += ["", "coder errors (their gold relations count as misses):"]
            lines += [f"  [{x['file']}] {x['error']}" for x in self.errors]
        if self.per_rule:
            lines += ["", f"{'rule':<34}{'tp':>5}{'fp':>5}{'P':>7}"]
            for k, s in sorted(self.per_rule.items(), key=lambda kv: (-(kv[1].tp + kv[1].fp), kv[0])):
                lines.append(f"{k:<34}{s.tp:>5}{s.fp:>5}{s.precision:>7.3f}")
        if self.misses:
            lines += ["", "misses by cause:"]
            for k, n in self.miss_causes().items():
                lines.append(f"  {n:>4}  {k}")
        if self.false_positives:
            lines += ["", "false positives:"]
            for x in self.false_positives:
                lines.append(
                    f"  [{x['file']}] {x['actor']} {x['type']} {x['target']}  ({x.get('rule')})"
                    f"  | {x['evidence'][:160]}"
                )
        if self.misses:
            lines += ["", "misses:"]
            for x in self.misses:
                lines.append(
                    f"  [{x['file']}] {x['subject']} {x['predicate']} {x['object']}  ({x.get('cause')})"
                    f"  | {x['evidence'][:160]}"
                )
        if self.date_errors:
            lines += ["", "date errors:"]
            for x in self.date_errors:
                lines.append(
                    f"  [{x['file']}] {x['predicate']} gold={x['gold']} got={x['got']} ({x['date_text']})"
                )
        return "\n".join(lines)


_DETERMINER = re.compile(r"^(?:the|le|la|les|l'|un|une|a|an)\s*(?<=\s|')")


def _keys(name: str, aliases, qid) -> set[str]:
    """The forms a name is matched by: folded, without a leading article ("the FTC" = "FTC")."""
    out = {fold(name).strip()}
    out |= {fold(a).strip() for a in aliases or ()}
    out = {k.replace("’", "'") for k in out if k}
    out = {_DETERMINER.sub("", k) or k for k in out}
    if qid:
        out.add("qid:" + qid)
    return out


def _date_ok(got: str | None, gold: str) -> bool:
    if not got:
        return False
    if got == gold:
        return True
    try:
        gold_bounds, got_bounds = date_bounds(gold), date_bounds(got)
    except Exception:
        return False
    if gold_bounds is None or got_bounds is None:
        return False
    return gold_bounds[0] <= got_bounds[0] and got_bounds[1] <= gold_bounds[1]


def _same_sentence(gold_evidence: str, evidence: str) -> bool:
    """Whether a gold relation's evidence and a coded sentence are the same sentence (either
    may be cut or extended: their first 60 characters are compared)."""
    return gold_evidence[:60] in evidence or evidence[:60] in gold_evidence


def evaluate_pair(txt: Path, gold_path: Path, report: EvalReport) -> None:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    art = next(read_file(txt))
    if isinstance(art, InputError):
        raise art
    try:
        ex, mentions = trace(art)
    except Exception as exc:  # a coder bug on one article is that article's error, not the run's
        fname = gold.get("file", txt.name)
        report.errors.append({"file": fname, "error": f"{type(exc).__name__}: {exc}"})
        for r in gold["relations"]:
            report.per_type.setdefault(r["predicate"], TypeScore()).fn += 1
            report.misses.append(
                {
                    "file": fname,
                    "subject": r["subject"],
                    "predicate": r["predicate"],
                    "object": r.get("object"),
                    "evidence": r["evidence"],
                    "cause": "coder error",
                }
            )
        report.files += 1
        return
    ents = {e.id: e for e in ex.entities}
    ekeys = {e.id: _keys(e.name, e.aliases, e.wikidata) for e in ex.entities}
    gmap: dict[str, set[str]] = {}
    for ge in gold["entities"]:
        gk = _keys(ge["name"], ge.get("aliases"), ge.get("wikidata"))
        gmap[ge["name"]] = {eid for eid, k in ekeys.items() if k & gk}
    claims = []  # (event, actor, target)
    for ev in ex.events:
        for a in ev.actors:
            for t in ev.targets or (None,):
                claims.append((ev, a, t))
    used = [False] * len(claims)
    rels = gold["relations"]
    matched: list[tuple[dict, Any] | None] = [None] * len(rels)
    for pass_ in (0, 1):
        for ri, r in enumerate(rels):
            if matched[ri] is not None:
                continue
            subj = gmap.get(r["subject"], set())
            obj = gmap.get(r["object"], set()) if r.get("object") else None
            best = None
            for ci, (ev, a, t) in enumerate(claims):
                if used[ci] or ev.type.value != r["predicate"] or a not in subj:
                    continue
                if obj is not None and t not in obj:
                    continue
                same_sent = _same_sentence(r["evidence"], ev.evidence)
                if pass_ == 0 and not same_sent:
                    continue
                # prefer a claim without target for a null gold object
                if best is None or (obj is None and t is None and claims[best][2] is not None):
                    best = ci
            if best is not None:
                used[best] = True
                matched[ri] = (r, claims[best][0])
    fname = gold.get("file", txt.name)
    # the names recognised anywhere in the body, by gold entity (a miss's first suspect)
    mkeys: dict[str, set[str]] = {}
    for m in mentions:
        mkeys.setdefault(m.actor.id, set()).update(_keys(m.actor.name, (m.surface,), m.actor.wikidata))
    seen = {
        ge["name"]: any(k & _keys(ge["name"], ge.get("aliases"), ge.get("wikidata")) for k in mkeys.values())
        for ge in gold["entities"]
    }
    for ri, r in enumerate(rels):
        s = report.per_type.setdefault(r["predicate"], TypeScore())
        match = matched[ri]
        if match is None:
            s.fn += 1
            report.misses.append(
                {
                    "file": fname,
                    "subject": r["subject"],
                    "predicate": r["predicate"],
                    "object": r.get("object"),
                    "evidence": r["evidence"],
                    "cause": _miss_cause(r, ex, seen),
                }
            )
            continue
        s.tp += 1
        rule = match[1].rule or "(no rule id)"
        report.per_rule.setdefault(rule, TypeScore()).tp += 1
        if r.get("date"):
            ev = match[1]
            report.dates_checked += 1
            if _date_ok(ev.date, r["date"]):
                report.dates_right += 1
            else:
                report.date_errors.append(
                    {
                        "file": fname,
                        "predicate": r["predicate"],
                        "gold": r["date"],
                        "got": ev.date,
                        "date_text": ev.date_text,
                        "evidence": ev.evidence,
                    }
                )
    for ci, (ev, a, t) in enumerate(claims):
        if used[ci]:
            continue
        report.per_type.setdefault(ev.type.value, TypeScore()).fp += 1
        report.per_rule.setdefault(ev.rule or "(no rule id)", TypeScore()).fp += 1
        report.false_positives.append(
            {
                "file": fname,
                "type": ev.type.value,
                "actor": ents[a].name,
                "target": ents[t].name if t else None,
                "rule": ev.rule,
                "evidence": ev.evidence,
            }
        )
    report.files += 1


#: Why a gold relation was missed, in the order they are tested.
MISS_CAUSES = (
    "actor never recognised",  # no mention anywhere in the body names the gold subject
    "target never recognised",  # ... nor the gold object
    "rejected",  # a candidate in the sentence was rejected ("rejected: no_actor")
    "coded with other arguments",  # an event of the type in the sentence, other actor or target
    "coded as another type",  # the sentence gave an event of another type
    "no trigger in the sentence",  # both names known, nothing fired in the evidence sentence
)


def _miss_cause(r: dict, ex, seen: dict[str, bool]) -> str:
    if not seen.get(r["subject"]):
        return MISS_CAUSES[0]
    if r.get("object") and not seen.get(r["object"]):
        return MISS_CAUSES[1]
    in_sent = [ev for ev in ex.events if _same_sentence(r["evidence"], ev.evidence)]
    rejected = sorted({x.reason.value for x in ex.rejected if _same_sentence(r["evidence"], x.evidence)})
    if any(ev.type.value == r["predicate"] for ev in in_sent):
        return MISS_CAUSES[3]
    if rejected:
        return f"{MISS_CAUSES[2]}: {', '.join(rejected)}"
    if in_sent:
        return MISS_CAUSES[4]
    return MISS_CAUSES[5]


def _pairs(paths: list[Path]) -> list[tuple[Path, Path]]:
    out = []
    for p in paths:
        p = Path(p)
        if p.is_dir():
            for g in sorted(p.glob("*.gold.json")):
                out.append((g.with_name(g.name[: -len(".gold.json")] + ".txt"), g))
        elif p.name.endswith(".gold.json"):
            out.append((p.with_name(p.name[: -len(".gold.json")] + ".txt"), p))
        elif p.suffix == ".txt":
            out.append((p, p.with_name(p.stem + ".gold.json")))
    return out


def evaluate(paths: list[Path]) -> EvalReport:
    """Score the coder on gold files or directories of ``dNN.txt`` + ``dNN.gold.json`` pairs."""
    report = EvalReport()
    for txt, gold in _pairs(paths):
        evaluate_pair(txt, gold, report)
    return report


def combine(reports: list[EvalReport]) -> EvalReport:
    """One report for several sets scored apart (the same as scoring them together)."""
    out = EvalReport()
    for r in reports:
        for k, v in r.per_type.items():
            s = out.per_type.setdefault(k, TypeScore())
            s.tp, s.fp, s.fn = s.tp + v.tp, s.fp + v.fp, s.fn + v.fn
        out.dates_checked += r.dates_checked
        out.dates_right += r.dates_right
        out.false_positives += r.false_positives
        out.misses += r.misses
        out.date_errors += r.date_errors
        out.errors += r.errors
        out.files += r.files
        for k, v in r.per_rule.items():
            s = out.per_rule.setdefault(k, TypeScore())
            s.tp, s.fp = s.tp + v.tp, s.fp + v.fp
    return out


def summary_row(name: str, report: EvalReport) -> dict[str, Any]:
    """One line of a side-by-side comparison of gold sets (``aigov eval corpus/dev corpus/blind``)."""
    return {
        "set": name,
        "files": report.files,
        "P": round(report.precision, 3),
        "R": round(report.recall, 3),
        "F1": round(report.f1, 3),
        "tp": report.tp,
        "fp": report.fp,
        "fn": report.fn,
        "dates": f"{report.dates_right}/{report.dates_checked}",
    }


if __name__ == "__main__":  # python3 -m loaders.evaluate DIR...
    import sys

    print(evaluate([Path(a) for a in sys.argv[1:]]).to_text())
