"""The trigger lexicon: event triggers as versioned data (``loaders/data/triggers.lex``).

Each rule of the data file has an id, an event type, a language, options and one regular
expression written with a few macros, plus example sentences (with the actor and target they
must give) and counter-examples (which must give no event of the rule's type). The examples
run as tests (``tests/test_lexicon.py``), and every event the coder keeps records the id of
the rule that fired (``Event.rule``, shown by ``aigov extract``; ``aigov eval`` counts hits,
misses and false positives per rule).

File format (a blank line between rules; ``#`` starts a comment line)::

    rule FINED.en.impose-fine
    type FINED
    lang en
    opts nominal
    match {V:impose|levy|hand|slap} {A}(?:{DET} )?{ADJ}(?:fines?|penalt(?:y|ies))
    ex Garante > OpenAI | The Garante imposed a record fine on OpenAI.
    not | OpenAI said the fine was unfair.

``match`` is a regular expression (case-insensitive) where a single space stands for any run
of white space. Macros:

* ``{V:ban|sue}``: the English verb forms of each base (ban bans banned banning, sue sues
  sued suing); ``{VS:press}``: only the forms that cannot be nouns (presses pressed);
  ``{PP:ban|sue}``: the past participles only;
* ``{A}`` / ``{AFR}``: up to three optional adverbials (formally, on Thursday, last week /
  également, jeudi, la semaine dernière), each followed by a space;
* ``{DET}`` / ``{DETFR}``: a determiner; ``{ADJ}`` / ``{ADJFR}``: up to three optional
  adjectives or amounts (formal, record, €15 million / formelle, pécuniaire), each followed
  by a space in English and preceded by one in French;
* ``{AUX}``: a French auxiliary (a, ont, avait, avaient, vient de, ...).

``opts`` are the :class:`loaders.patterns.Trigger` options: ``passive`` (the actor follows,
after "by"/"par"), ``nominal``, ``speech``, ``agentless``, ``planned``, ``speaker_after``,
``negative`` (a negation inside the match is the trigger's meaning, not a negated event)
(the speaker follows: "according to X", "selon X").

>>> [r.id for r in load_rules() if r.id == "FINED.en.impose-fine"]
['FINED.en.impose-fine']
>>> inflect("ban"), inflect("sue"), inflect("levy")
(['ban', 'bans', 'banned', 'banning'], ['sue', 'sues', 'sued', 'suing'], ['levy', 'levies', 'levied', 'levying'])
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from graph.model import EventType

__all__ = ["Rule", "load_rules", "inflect", "compile_match", "LEXICON_PATH"]

LEXICON_PATH = Path(__file__).resolve().parent / "data" / "triggers.lex"

_IRREGULAR = {
    "bring": ["bring", "brings", "brought", "bringing"],
    "take": ["take", "takes", "took", "taken", "taking"],
    "begin": ["begin", "begins", "began", "begun", "beginning"],
    "send": ["send", "sends", "sent", "sending"],
    "hit": ["hit", "hits", "hitting"],
    "seek": ["seek", "seeks", "sought", "seeking"],
    "write": ["write", "writes", "wrote", "written", "writing"],
    "forbid": ["forbid", "forbids", "forbade", "forbidden", "forbidding"],
    "freeze": ["freeze", "freezes", "froze", "frozen", "freezing"],
    "shut": ["shut", "shuts", "shutting"],
    "cut": ["cut", "cuts", "cutting"],
    "tell": ["tell", "tells", "told", "telling"],
    "say": ["say", "says", "said", "saying"],
    "make": ["make", "makes", "made", "making"],
    "set": ["set", "sets", "setting"],
    "put": ["put", "puts", "putting"],
    "give": ["give", "gives", "gave", "given", "giving"],
    "hold": ["hold", "holds", "held", "holding"],
    "lead": ["lead", "leads", "led", "leading"],
    "draw": ["draw", "draws", "drew", "drawn", "drawing"],
    "withdraw": ["withdraw", "withdraws", "withdrew", "withdrawn", "withdrawing"],
    "strike": ["strike", "strikes", "struck", "striking"],
    "win": ["win", "wins", "won", "winning"],
    "lay": ["lay", "lays", "laid", "laying"],
    "pay": ["pay", "pays", "paid", "paying"],
    "speak": ["speak", "speaks", "spoke", "spoken", "speaking"],
    "undertake": ["undertake", "undertakes", "undertook", "undertaken", "undertaking"],
}
# stress on the last syllable: the final consonant doubles ("submitted", "compelled")
_DOUBLE = {
    "submit",
    "permit",
    "commit",
    "admit",
    "omit",
    "refer",
    "compel",
    "propel",
    "control",
    "patrol",
    "regret",
    "rebut",
    "abet",
    "allot",
    "acquit",
    "expel",
    "outstrip",
    "deter",
}


def _doubles(base: str) -> bool:
    """One syllable ending consonant-vowel-consonant doubles its consonant: ban -> banned,
    slam -> slammed, stop -> stopped (not curb, fix, view, tweet)."""
    if base in _DOUBLE:
        return True
    return re.fullmatch(r"[^aeiou]*[aeiou][b-df-hj-np-tvz]", base) is not None and not base.endswith(
        ("w", "x", "y")
    )


def inflect(base: str) -> list[str]:
    """English verb forms of ``base`` (a base may hold spaces: "shut down")."""
    if " " in base:
        head, rest = base.split(" ", 1)
        return [f"{f} {rest}" for f in inflect(head)]
    if base in _IRREGULAR:
        return list(_IRREGULAR[base])
    if _doubles(base):
        return [base, base + "s", base + base[-1] + "ed", base + base[-1] + "ing"]
    if base.endswith("e"):
        return [base, base + "s", base + "d", base[:-1] + "ing"]
    if base.endswith("y") and base[-2:-1] not in "aeiou":
        return [base, base[:-1] + "ies", base[:-1] + "ied", base + "ing"]
    if base.endswith(("s", "sh", "ch", "x", "z")):
        return [base, base + "es", base + "ed", base + "ing"]
    return [base, base + "s", base + "ed", base + "ing"]


def _participle(base: str) -> list[str]:
    forms = inflect(base)
    if base.split(" ")[0] in _IRREGULAR:
        return [f for f in forms if f not in (forms[0], forms[1]) and not f.split(" ")[0].endswith("ing")]
    return [forms[2]]


def _finite(base: str) -> list[str]:
    """The forms that cannot be a noun: -s and the past ("presses", "pressed"; not "press",
    "pressing")."""
    forms = inflect(base)
    head = base.split(" ")[0]
    return [f for f in forms[1:] if not f.split(" ")[0].endswith("ing") and f.split(" ")[0] != head]


def _alt(words: list[str]) -> str:
    words = sorted(set(words), key=lambda w: (-len(w), w))
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", " ") for w in words) + ")"


_DAYS_EN = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_DAYS_FR = "lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche"
_MONEY = (
    r"(?:[$€£]\s?\d[\d.,]*(?:\s?(?:million|billion|bn|m|k)\b)?(?:-(?:euro|dollar|pound))?|"
    r"\d[\d.,]*(?:\s?(?:million|billion|bn))?[\s-](?:euros?|dollars?|pounds?|yuan|won|rupees?|reais|rand|naira)|"
    r"(?:multi-?)?(?:million|billion)-(?:euro|dollar|pound))"
)
_ADV_EN = (
    r"(?:[a-z]{3,}ly(?<!\bonly)(?<!\bearly)(?<!\bfamily)(?<!\bitaly)|"
    r"formally|officially|also|now|today|yesterday|jointly|separately|recently|publicly|"
    r"finally|already|quietly|swiftly|immediately|subsequently|then|later|earlier|again|"
    r"temporarily|effectively|reportedly|allegedly|eventually|ultimately|previously|"
    r"unanimously|overwhelmingly|initially|first|just|since|not\s+only|last\s+(?:week|month|year)|"
    r"this\s+(?:week|month|year)|earlier\s+this\s+(?:week|month|year)|on\s+(?:" + _DAYS_EN + r")|"
    r"(?:" + _DAYS_EN + r"))"
)
_ADV_FR = (
    r"(?:[a-zéèêàùûôîç]{3,}ement|[a-zéèêàùûôîç]{2,}amment|[a-zéèêàùûôîç]{2,}emment|"
    r"également|aussi|déjà|officiellement|formellement|finalement|récemment|désormais|"
    r"conjointement|provisoirement|temporairement|définitivement|notamment|ensuite|alors|"
    r"hier|aujourd['’]hui|enfin|ainsi|pourtant|donc|lui-même|elle-même|unanimement|"
    r"(?:ce\s+)?(?:" + _DAYS_FR + r")(?:\s+dernier)?|cette\s+semaine|la\s+semaine\s+(?:dernière|passée)|"
    r"le\s+mois\s+dernier|à\s+son\s+tour|de\s+nouveau|à\s+nouveau|lui\s+aussi|elle\s+aussi|"
    r"en\s+effet|mardi\s+soir|jeudi\s+soir|à\s+l['’]unanimité)"
)
_ADJ_EN = (
    r"(?:formal|new|fresh|separate|preliminary|full|full-scale|in-depth|comprehensive|antitrust|"
    r"competition|criminal|civil|administrative|privacy|data|data-protection|official|joint|"
    r"major|wide-ranging|sweeping|broad|initial|further|second|first|landmark|record|hefty|"
    r"heavy|massive|huge|large|multimillion|multi-million|temporary|permanent|total|"
    r"nationwide|blanket|immediate|federal|copyright|class-action|class\s+action|legal|own|"
    r"formal\s+antitrust|lawsuit|court|urgent|emergency|wrongful-death|wrongful\s+death|"
    r"consumer|regulatory|public|proposed|draft|final|detailed|partial|outright|total|"
    r"expansive|extensive|thorough|sprawling|closer|fuller|enforcement|demand|warning|information|"
    r"investigative|compliance|cease-and-desist|takedown|removal|disclosure|stop-processing|"
    r"" + _MONEY + r")"
)
_ADJ_FR = (
    r"(?:formelle|formel|officielle|officiel|préliminaire|approfondie|pénale|pénal|"
    r"administrative|administratif|judiciaire|civile|collective|collectif|pécuniaire|"
    r"financière|record|nouvelle|nouveau|lourde|historique|conjointe|européenne|antitrust|"
    r"temporaire|provisoire|totale|partielle|immédiate|d['’]urgence|en\s+référé|"
    r"de\s+grande\s+ampleur|en\s+bonne\s+et\s+due\s+forme)"
)
_DET_EN = r"(?:a|an|the|its|their|his|her|this|that|one|two|three|several|new)"
_DET_FR = r"(?:une?|les?|la|des|son|sa|ses|leurs?|cette|ce|cet|l['’]|d['’])"
_AUX_FR = (
    r"(?:a|ont|avait|avaient|aura|auront|aurait|auraient|vient\s+d['’]|viennent\s+d['’]|"
    r"venait\s+d['’]|va|vont|s['’]est|se\s+sont)"
)

_MACROS = {
    "A": r"(?:" + _ADV_EN + r",?\s+){0,3}",
    "AFR": r"(?:" + _ADV_FR + r",?\s+){0,3}",
    "DET": _DET_EN,
    "DETFR": _DET_FR,
    "ADJ": r"(?:" + _ADJ_EN + r"\s+){0,3}",
    "ADJFR": r"(?:\s+" + _ADJ_FR + r"){0,3}",
    "AUX": _AUX_FR,
    "MONEY": _MONEY,
}
_MACRO = re.compile(r"\{(V|VS|PP):([^}]+)\}|\{([A-Z]+)\}")


def compile_match(src: str) -> str:
    """The regular expression of a ``match`` line (macros expanded, spaces as ``\\s+``).

    >>> re.search(compile_match("{V:open} {A}(?:an )?inquiry"), "opened on Monday an inquiry", re.I) is not None
    True
    """
    # a literal space of the source is any run of white space; macros are expanded after,
    # so the spaces inside them are theirs
    parts: list[str] = []
    pos = 0
    for m in _MACRO.finditer(src):
        parts.append(_spaces(src[pos : m.start()]))
        if m.group(1):
            bases = [b.strip().replace("_", " ") for b in m.group(2).split("|")]
            forms = [
                f
                for b in bases
                for f in (
                    inflect(b) if m.group(1) == "V" else _finite(b) if m.group(1) == "VS" else _participle(b)
                )
            ]
            parts.append(r"\b" + _alt(forms).replace(" ", r"\s+") + r"\b")
        else:
            name = m.group(3)
            if name not in _MACROS:
                raise ValueError(f"unknown macro {{{name}}} in {src!r}")
            parts.append(_MACROS[name])
        pos = m.end()
    parts.append(_spaces(src[pos:]))
    return "".join(parts)


_LOOKBEHIND = re.compile(r"\(\?<[!=][^)]*\)")


def _spaces(text: str) -> str:
    """Spaces as ``\\s+``, except inside lookbehinds (which must keep a fixed width)."""
    out, pos = [], 0
    for m in _LOOKBEHIND.finditer(text):
        out.append(text[pos : m.start()].replace(" ", r"\s+"))
        out.append(m.group(0))
        pos = m.end()
    out.append(text[pos:].replace(" ", r"\s+"))
    return "".join(out)


@dataclass(frozen=True)
class Example:
    """A sentence the rule must code (``actor``/``target`` names; target None: any or none)."""

    sentence: str
    actor: str | None = None
    target: str | None = None


@dataclass(frozen=True)
class Rule:
    id: str
    type: EventType
    lang: str
    pattern: str
    opts: frozenset[str] = frozenset()
    examples: tuple[Example, ...] = ()
    counter: tuple[str, ...] = ()
    line: int = 0

    @property
    def regex(self) -> str:
        return compile_match(self.pattern)


_OPTS = {"passive", "nominal", "speech", "agentless", "planned", "speaker_after", "negative"}


def parse(text: str, source: str = "<lexicon>") -> list[Rule]:
    """The rules of a lexicon text (see the module docstring for the format)."""
    rules: list[Rule] = []
    cur: dict | None = None

    def close():
        nonlocal cur
        if cur is None:
            return
        for k in ("type", "lang", "match"):
            if k not in cur:
                raise ValueError(f"{source}:{cur['line']}: rule {cur['id']} has no {k}")
        rules.append(
            Rule(
                cur["id"],
                EventType.parse(cur["type"]),
                cur["lang"],
                cur["match"],
                frozenset(cur.get("opts", ())),
                tuple(cur.get("ex", ())),
                tuple(cur.get("not", ())),
                cur["line"],
            )
        )
        cur = None

    for n, raw in enumerate(text.splitlines(), 1):
        line = raw.rstrip()
        if not line.strip():
            close()
            continue
        if line.lstrip().startswith("#"):
            continue
        key, _, val = line.partition(" ")
        if key == "rule":
            close()
            cur = {"id": val.strip(), "line": n}
            continue
        if cur is None:
            raise ValueError(f"{source}:{n}: {key!r} outside a rule")
        if key in ("type", "lang", "match"):
            cur[key] = val.strip() if key != "match" else val
        elif key == "opts":
            opts = set(val.split())
            if opts - _OPTS:
                raise ValueError(f"{source}:{n}: unknown option(s) {sorted(opts - _OPTS)}")
            cur["opts"] = opts
        elif key == "ex":
            roles, _, sentence = val.partition(" | ")
            actor, _, target = roles.partition(">")
            cur.setdefault("ex", []).append(
                Example(sentence.strip(), actor.strip() or None, target.strip() or None)
            )
        elif key == "not":
            cur.setdefault("not", []).append(val.partition("| ")[2].strip())
        else:
            raise ValueError(f"{source}:{n}: unknown key {key!r}")
    close()
    ids = [r.id for r in rules]
    dup = {i for i in ids if ids.count(i) > 1}
    if dup:
        raise ValueError(f"{source}: duplicate rule ids {sorted(dup)}")
    return rules


@lru_cache(maxsize=1)
def load_rules() -> tuple[Rule, ...]:
    """The rules of the shipped lexicon (parsed once per process)."""
    return tuple(parse(LEXICON_PATH.read_text(encoding="utf-8"), str(LEXICON_PATH)))
