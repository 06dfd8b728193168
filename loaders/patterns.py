"""Event triggers per event type and language, with the type constraints on their roles.

A trigger is a regular expression over one sentence. Options:
  * ``passive`` -- the actor follows the trigger ("was fined by X", "initiées par X"), the
    target precedes it;
  * ``nominal`` -- a nominalisation ("a probe into", "l'ouverture d'une enquête visant");
  * ``speech``  -- a verb of saying (STATED, and the speaker may follow the verb after a quote);
  * ``agentless`` -- the actor may be absent from the sentence: it is then taken from the
    discourse (the last compatible actor), with lower confidence;
  * ``planned`` -- the trigger itself announces a future measure.

Role types: which entity types may be actors / targets of each event type (a Law cannot be
investigated, a Country is not fined by a company...).

:data:`PREFILTER` (end of the module) runs the coder's regexes -- these triggers, its
descriptions and the date patterns -- only over the sentences that can hold a match, with the
same matches as a scan of the whole body.
"""

from __future__ import annotations

import bisect
import re
import threading
from dataclasses import dataclass
from typing import Iterator

from graph.model import EntityType as T
from graph.model import EventType as E

__all__ = [
    "Trigger",
    "TRIGGERS",
    "ACTOR_TYPES",
    "TARGET_TYPES",
    "TARGET_REQUIRED",
    "HYPOTHETICAL",
    "NEGATION",
    "PLANNED",
    "FUTURE_DATE_CONTEXT",
    "PREFILTER",
    "Prefilter",
    "Plan",
    "fold",
    "required_keys",
    "can_read",
    "read_contexts",
]

AUTH = {T.COUNTRY, T.GOVERNMENT, T.REGULATOR, T.LEGISLATURE, T.COURT}
PARTY = {T.PERSON, T.COMPANY, T.GOVERNMENT, T.COUNTRY, T.REGULATOR, T.LEGISLATURE, T.COURT, T.ORGANIZATION}

ACTOR_TYPES: dict[E, set] = {
    E.BANNED: AUTH | {T.PERSON},
    E.BLOCKED_ACCESS: AUTH | {T.COMPANY},
    E.DEMANDED: PARTY,
    E.STATED: PARTY,
    E.SUED: PARTY - {T.COURT},  # a court hears a suit, it does not bring one
    E.INVESTIGATED: AUTH | {T.PERSON},
    E.FINED: AUTH,
    E.RESTRICTED: AUTH | {T.COMPANY},
    E.REGULATED: AUTH | {T.PERSON},
    E.CRIMINALISED: AUTH,
    E.ALLOWED: AUTH | {T.PERSON},
    E.ANNOUNCED: PARTY,
    E.COMPLIED: {T.COMPANY, T.ORGANIZATION},
    E.SETTLED: {T.COMPANY, T.PERSON, T.ORGANIZATION, T.REGULATOR, T.GOVERNMENT},  # the FTC settles too
}
TARGET_TYPES: dict[E, set] = {
    E.BANNED: {T.COMPANY, T.PRODUCT},
    E.BLOCKED_ACCESS: {T.PRODUCT, T.COMPANY},
    E.DEMANDED: PARTY | {T.PRODUCT},
    E.STATED: PARTY | {T.PRODUCT, T.LAW},
    E.SUED: (PARTY - {T.COURT}) | {T.PRODUCT},  # a court is where a suit is heard, not its target
    E.INVESTIGATED: {T.COMPANY, T.PRODUCT, T.PERSON, T.ORGANIZATION},
    E.FINED: {T.COMPANY, T.PERSON, T.ORGANIZATION, T.PRODUCT},
    E.RESTRICTED: {T.PRODUCT, T.COMPANY},
    E.REGULATED: {T.LAW},
    E.CRIMINALISED: {T.LAW},
    E.ALLOWED: {T.PRODUCT, T.COMPANY, T.LAW},
    E.ANNOUNCED: {T.LAW, T.PRODUCT, T.COMPANY},
    E.COMPLIED: {T.REGULATOR, T.GOVERNMENT, T.COUNTRY, T.LAW, T.COURT},
    E.SETTLED: PARTY,
}
#: Event types that are not coded without a target in the sentence.
TARGET_REQUIRED = {E.BANNED, E.BLOCKED_ACCESS, E.SUED, E.INVESTIGATED, E.FINED, E.RESTRICTED}


@dataclass(frozen=True)
class Trigger:
    type: E
    lang: str
    rx: re.Pattern
    passive: bool = False
    nominal: bool = False
    speech: bool = False
    agentless: bool = False
    planned: bool = False
    keys: tuple[str, ...] = ()  # literal fragments: the trigger can only fire if one is present
    id: str = ""  # the rule id (``TYPE.lang.name``), recorded on every event it codes
    speaker_after: bool = False  # the speaker follows ("according to X", "selon X")
    negative: bool = False  # a negation inside the trigger is its meaning ("told staff not to use")

    def may_fire(self, lowered: str) -> bool:
        return not self.keys or any(k in lowered for k in self.keys)


_STOP = set(
    "has have had also officially the and les des une aux par pour que qui est sont was were "
    "been with into against contre sur ont avait avaient été également aussi".split()
)


def _keys(pattern: str) -> tuple[str, ...]:
    """Literal fragments of every alternative (a cheap prefilter before the regex runs)."""
    src = re.sub(r"\\[a-zA-Z]", " ", pattern.lower())
    src = re.sub(r"\(\?<?[=!][^)]*\)", " ", src)  # lookarounds say nothing about presence
    src = re.sub(r"[a-zà-ÿ](?=[?*]|\{0,)", " ", src)  # "measures?": the optional letter may be absent
    frags = {f for f in re.findall(r"[a-zà-ÿ]{3,}", src) if f not in _STOP}
    return tuple(sorted(frags))


_L: list[Trigger] = []


_SEEN: dict[tuple[str, str], int] = {}


def _t(type: E, lang: str, pattern: str, **opts) -> None:
    n = _SEEN[type.value, lang] = _SEEN.get((type.value, lang), 0) + 1
    _L.append(
        Trigger(
            type, lang, re.compile(pattern, re.I), keys=_keys(pattern), id=f"{type.value}.{lang}.core{n}", **opts
        )
    )


# --- BANNED ------------------------------------------------------------------------------------
_t(
    E.BANNED,
    "en",
    r"(?<!was\s)(?<!were\s)(?<!been\s)(?<!been\s)(?<!\bis\s)(?<!\bbe\s)\b(?:has\s+|have\s+|"
    r"had\s+)?(?:officially\s+|also\s+)?(?:banned|bans|banning|ban)\b(?!\s+(?:of|"
    r"on)\b)(?!\s+(?:went|applies|was|is))",
)
_t(E.BANNED, "en", r"\b(?:prohibited|prohibits|barred|bars)\b")
_t(E.BANNED, "en", r"\bis\s+(?:also\s+)?banned\b", agentless=True)
_t(E.BANNED, "en", r"\b(?:was|were|been|be)\s+banned\b[^.]{0,60}?\bby\b", passive=True)
_t(
    E.BANNED,
    "fr",
    r"\b(?:a|ont|avait)\s+(?:officiellement\s+)?(?:interdit|banni)\b|\binterdit\s+(?:l['’]usage|"
    r"l['’]utilisation)|\binterdiction\s+d[e']",
)
# --- BLOCKED_ACCESS ----------------------------------------------------------------------------
_t(E.BLOCKED_ACCESS, "en", r"\b(?:blocked|blocking|blocks|block)\b(?:\s+access\s+to)?")
_t(E.BLOCKED_ACCESS, "en", r"\b(?:suspended|cut\s+off)\s+access\s+to\b")
_t(
    E.BLOCKED_ACCESS,
    "fr",
    r"\b(?:bloqu[ée]s?|bloquent|bloque|bloquer)\s+l['’]acc[èe]s\s+(?:à|a|au|aux)\b|"
    r"\bbloqu[ée]\s+(?=[A-Z])",
)
# --- DEMANDED ----------------------------------------------------------------------------------
# not a passive ("was ordered to pay", "has been asked to stop": the one ordered is the subject),
# nor a participle naming a thing ("the requested information")
_t(
    E.DEMANDED,
    "en",
    r"(?<!\bwas\s)(?<!\bwere\s)(?<!\bbeen\s)(?<!\bbe\s)(?<!\bis\s)(?<!\bare\s)(?<!\bbeing\s)"
    r"(?<!\bthe\s)(?<!\bwas\salso\s)(?<!\bwere\salso\s)"
    r"\b(?:urged|urges|urge|called\s+on|calls\s+on|pressed|presses|demanded|demands|ordered|"
    r"orders|compelled|asked|asks|requested|warned|warns)\b",
)
_t(
    E.DEMANDED,
    "en",
    r"\b(?:sent|issued)\s+(?:a\s+|an\s+)?(?:veto\s+|open\s+)?(?:letters?|document\s+requests?|"
    r"demands?)\s+to\b",
)
_t(E.DEMANDED, "en", r"\b(?:letter|request)\s+is\s+(?:directed|addressed|sent)\s+(?:at|to)\b")
_t(
    E.DEMANDED,
    "fr",
    r"\b(?:ont|a|avait|avaient)\s+(?:également\s+|aussi\s+)?(?:demandé|appelé|exhorté|ordonné|"
    r"enjoint|sommé|exigé|réclamé)\b|\b(?:demandent|appellent|exhortent|exige|exigent|réclament|"
    r"réclame)\b",
)
_t(E.DEMANDED, "fr", r"\ben\s+imposant\s+(?:à|a)\b|\bmis(?:e)?\s+en\s+demeure\b|\bpour\s+exiger\b")
# --- STATED ------------------------------------------------------------------------------------
_t(
    E.STATED,
    "en",
    r"\b(?:said|says|say|told|stated|wrote|argued|argues|added|noted|emphasi[sz]ed|stressed|"
    r"clarified|claimed|declared|explained|insisted|acknowledged|admitted|concluded|continued|"
    r"went\s+on|spoke\s+out|raised\s+concerns)\b",
    speech=True,
)
_t(
    E.STATED,
    "fr",
    r"\b(?:a|ont|avait|avaient)\s+(?:également\s+|aussi\s+)?(?:déclaré|dit|indiqué|affirmé|ajouté|"
    r"expliqué|précisé|souligné|estimé|réagi|rappelé|assuré|admis|reconnu|écrit|fait\s+savoir|"
    r"annoncé)\b",
    speech=True,
)
_t(
    E.STATED,
    "fr",
    r"\ba-t-(?:il|elle)\s+(?:ajouté|déclaré|dit|indiqué|précisé|affirmé|expliqué|souligné|estimé|"
    r"assuré)\b|\bont-ils\s+(?:ajouté|déclaré|dit)\b",
    speech=True,
)
_t(
    E.STATED,
    "fr",
    r"\b(?:déclare|affirme|affirmait|précise|estime|souligne|dénonce|"
    r"pointe\s+(?:également\s+)?du\s+doigt|indique|explique|assure|reconnaît)\b",
    speech=True,
)
# --- SUED --------------------------------------------------------------------------------------
_t(E.SUED, "en", r"\b(?:sued|sues|suing)\b")
_t(
    E.SUED,
    "en",
    r"\bfiled\s+(?:a\s+|an\s+)?(?:class[- ]action\s+)?(?:lawsuit|suit|complaint|"
    r"legal\s+action)s?\s+against\b|\btaking\s+legal\s+action\s+against\b|\b(?:lawsuit|"
    r"suit)s?\s+against\b",
)
_t(E.SUED, "en", r"\b(?:lawsuit|suit|complaint)s?,?\s+(?:was\s+)?filed\s+by\b", passive=True)
_t(
    E.SUED,
    "fr",
    r"\b(?:a|ont|avait|avaient)\s+(?:poursuivi|assigné)\b|\bpoursuit\b|\b(?:intentent|intente|"
    r"ont\s+intenté|a\s+intenté)\s+(?:des\s+|une\s+)?actions?\s+en\s+justice\s+contre\b|\b(?:déposé|"
    r"porté)\s+(?:un\s+|une\s+)?(?:recours(?:\s+collectif)?|plainte)\s+contre\b",
)
_t(
    E.SUED,
    "fr",
    r"\bpoursuites?\s+judiciaires?\s+(?:initiées?|intentées?|engagées?|lancées?)\s+par\b|"
    r"\bplaintes?\s+(?:déposées?\s+)?par\b",
    passive=True,
)
# --- INVESTIGATED ------------------------------------------------------------------------------
_t(
    E.INVESTIGATED,
    "en",
    r"\b(?:launched|opened|announced|initiated|began|started|opening|launching)\s+(?:a\s+|"
    r"an\s+)?(?:separate\s+|new\s+|formal\s+|antitrust\s+)?(?:inquiry|investigation|"
    r"probe)\b",
    nominal=True,
)
_t(
    E.INVESTIGATED,
    "en",
    r"\b(?:to\s+probe|probing|probes|investigating|investigates|investigated|raided|"
    r"summoned)\b",
)
_t(E.INVESTIGATED, "en", r"\b[Ff]ollowing\s+an\s+investigation\b", nominal=True, agentless=True)
_t(
    E.INVESTIGATED,
    "fr",
    r"\b(?:ouvert|ouvre|lancé|lance|annonce|annoncé|"
    r"initié)\s+(?:l['’]ouverture\s+d['’])?une\s+enqu[êe]te\b|"
    r"\bl['’]ouverture\s+d['’]une\s+enqu[êe]te\b|\benqu[êe]te\s+(?:visant|sur|"
    r"contre)\b",
    nominal=True,
)
_t(E.INVESTIGATED, "fr", r"^\s*L['’]enqu[êe]te,?\s+(?:initiée|ouverte|lancée)\b", nominal=True, agentless=True)
_t(E.INVESTIGATED, "fr", r"\b(?:enquête\s+sur|perquisitionné|a\s+convoqué)\b")
# --- FINED -------------------------------------------------------------------------------------
_t(
    E.FINED,
    "en",
    r"\b(?:fined|fines|fining)\b(?!\s+(?:of|totall?ing)\b)|\b(?:could|would|might|may|not|to|"
    r"will)\s+fine\b",
)
_t(E.FINED, "en", r"\b(?:issued|imposed|slapped|handed)\b[^.]{0,80}?\b(?:fine|penalty)\b")
_t(E.FINED, "en", r"\b(?:was|were|been|be)\s+fined\b[^.]{0,60}?\bby\b", passive=True)
_t(
    E.FINED,
    "fr",
    r"\b(?:infligé|inflige|infliger|imposé|imposer)\s+une\s+amende\b|\b(?:condamn\w*|"
    r"sanctionn\w*)\b[^.]{0,60}?\bamende\b|\bsanctionne\b|\ba\s+sanctionné\b",
)
# --- RESTRICTED --------------------------------------------------------------------------------
_t(
    E.RESTRICTED,
    "en",
    r"\b(?:restricted|restricts|limited|limits|curbed|curbs|paused|suspended|"
    r"suspends)\b(?!\s+access\s+to)",
)
_t(
    E.RESTRICTED,
    "fr",
    r"\b(?:a|ont)\s+(?:réduit|restreint|limité|suspendu)\b|\bsuspend\s+les\s+téléchargements\b|"
    r"\brestreint\b|\bbloquerait\s+l['’]accès\b",
)
# --- REGULATED ---------------------------------------------------------------------------------
_t(
    E.REGULATED,
    "en",
    r"\b(?:signed|passed|enacted|adopted|approved|enacts|passes|"
    r"signs)\b(?!\s+(?:an?\s+)?(?:agreement|deal|letter))|\bto\s+enact\b|"
    r"\bwent\s+into\s+effect\b",
)
_t(E.REGULATED, "fr", r"\b(?:a|ont)\s+(?:adopté|promulgué|voté|approuvé)\b|\bpromulguer\b|\badopte\b")
# --- CRIMINALISED ------------------------------------------------------------------------------
_t(
    E.CRIMINALISED,
    "en",
    r"\b(?:criminali[sz]e[sd]?|criminali[sz]ing|make\s+it\s+a\s+crime|made\s+it\s+a\s+crime|"
    r"punishable\s+by)\b",
    agentless=True,
)
_t(
    E.CRIMINALISED,
    "fr",
    r"\b(?:criminaliser|criminalise|criminalisé|pénaliser|pénalise)\b|"
    r"\b(?:peut\s+être\s+)?passible\s+d['’]une\s+peine\b",
    agentless=True,
)
# --- ALLOWED -----------------------------------------------------------------------------------
_t(
    E.ALLOWED,
    "en",
    r"\brejected\s+(?:the\s+)?(?:\w+['’]\s+)?motion\s+to\s+dismiss\b|\blifted\s+(?:the|its|"
    r"a)\s+ban\b|\b(?:let|allowed)\s+(?:the\s+)?(?:case|lawsuit)\s+(?:to\s+)?proceed\b|"
    r"\bauthori[sz]ed\b",
)
_t(
    E.ALLOWED,
    "fr",
    r"\blevé\s+l['’]interdiction\b|\ba\s+autorisé\b|\brétabli\s+l['’]accès\b|"
    r"\brejeté\s+la\s+(?:requête|demande)\s+de\s+rejet\b",
)
# --- ANNOUNCED ---------------------------------------------------------------------------------
_t(
    E.ANNOUNCED,
    "en",
    r"\b(?:announced|announces|unveiled|unveils)\b(?!\s+(?:a\s+|an\s+)?(?:separate\s+|new\s+|"
    r"formal\s+)?(?:investigation|inquiry|probe))",
)
_t(
    E.ANNOUNCED,
    "fr",
    r"\b(?:a|ont)\s+(?:officiellement\s+)?(?:annoncé|dévoilé|"
    r"présenté)\b(?!\s+l['’]ouverture)(?!\s+une\s+enquête)|\ben\s+officialisant\b|"
    r"(?<![lL]['’])(?<!\bune\s)(?<!\bcette\s)(?<!\bson\s)(?<!\bsa\s)(?<!\bleur\s)(?<![dD]['’])(?<!\bl['’])\bannonce\b(?!\s+l['’]ouverture)(?!\s+(?:de|du)\s)",
)
# --- COMPLIED ----------------------------------------------------------------------------------
_t(
    E.COMPLIED,
    "en",
    r"\b(?:agreed|agrees)\s+to\s+(?:temporarily\s+)?(?:suspend|stop|pause|comply|remove|halt|"
    r"delete)\b|\bcomplied\s+with\b|\bworking\s+to\s+comply\b",
)
_t(
    E.COMPLIED,
    "fr",
    r"\bsuspend\s+son\s+projet\b|\bs['’]efforçait\s+de\s+se\s+conformer\b|"
    r"\bs['’]est\s+conformé\w*\b|\ba\s+accepté\s+de\s+(?:suspendre|retirer|cesser)\b|"
    r"\ba\s+nommé\b[^.]{0,30}\breprésentants?\s+légaux\b",
)
# --- SETTLED -----------------------------------------------------------------------------------
_t(E.SETTLED, "en", r"\b(?:settled|settles|agreed\s+to\s+pay)\b|\breached\s+a\s+settlement\b")
_t(
    E.SETTLED,
    "fr",
    r"\bafin\s+de\s+régler\s+un\s+litige\b|\ba\s+accepté\s+de\s+verser\b|"
    r"\bconclu\s+un\s+accord\s+(?:à\s+l['’]amiable|transactionnel)\b",
)


def _lexicon_triggers() -> list[Trigger]:
    """The rules of the data lexicon (``loaders/data/triggers.lex``) as triggers."""
    from loaders.lexicon import load_rules

    out = []
    for r in load_rules():
        rx = r.regex
        opts = {o: True for o in r.opts}
        # no literal keys: _keys reads "poursuivie?s?" as needing "poursuivie"; the prefilter's
        # required fragments (derived from the parsed regex) skip the sentences instead
        out.append(Trigger(r.type, r.lang, re.compile(rx, re.I), id=r.id, **opts))
    return out


TRIGGERS: tuple[Trigger, ...] = tuple(_L + _lexicon_triggers())

# --- modality cues (searched in the clause before the trigger, ~60 characters) ------------------
HYPOTHETICAL = re.compile(
    r"\b(?:could|might|may|would|threat(?:en)?s?|threatened|if|whether|unless|potential(?:ly)?|"
    r"pourrai(?:en)?t|pourraient|pourra|risque(?:nt)?|menace(?:nt)?|menacé|si|peut-être|"
    r"éventuel(?:le)?(?:ment)?|aurait\s+pu)\b",
    re.I,
)
NEGATION = re.compile(
    r"\b(?:not|n['’]t|never|no\s+longer|refused\s+to|declined\s+to|did\s+not|ne|n['’]|refus\w*|sans)\b", re.I
)
PLANNED = re.compile(
    r"\b(?:will|shall|plans?\s+to|planned|planning\s+to|intends?\s+to|is\s+set\s+to|are\s+set\s+to|"
    r"expected\s+to|seeks?\s+to|proposed|prévoit\s+d['’e]|devrait|devraient|va|vont|envisage\w*|"
    r"s['’]apprête\w*|compte|intention\s+de|proposition\s+de\s+loi|projet\s+de\s+loi)\b",
    re.I,
)
FUTURE_DATE_CONTEXT = re.compile(
    r"(?:until|no\s+later\s+than|before|by|jusqu['’]au|avant\s+le|d['’]ici|prévue?\s+le|à\s+compter\s+du|"
    r"take\s+effect|go\s+into\s+effect|entrée\s+en\s+application)\s*$",
    re.I,
)


# ---------------------------------------------------------------------------------------------
# Prefilter: run a regular expression only over the sentences that can hold one of its matches
#
# The coder's regexes (triggers, descriptions, dates) used to be run over the whole body of every
# article, although most sentences cannot hold a match (no "fine" in the sentence, no month
# name, no digit...). :class:`Prefilter` skips those sentences and still returns *exactly* the
# matches of ``rx.finditer(text)``, by two facts derived from the parsed regex (never written
# by hand, so they stay true when a pattern is edited):
#
# * required fragments (:func:`required_keys`): a set of literal fragments one of which every
#   match contains ("fined" | "fines" | "fining" | "fine" ...); fragments are compared on the
#   *folded* text (:func:`fold`), so case-insensitive matches are covered;
# * read contexts (:func:`read_contexts`): a match cannot straddle the end of a sentence whose
#   last character the regex cannot read there -- no trigger ever matches a "."; a date
#   pattern reads a "." only right after "jan", "sept"... (the abbreviation "Jan.").
#
# See :meth:`Plan.finditer` for why no match is ever dropped.

try:  # the standard library's own regex parser (private, stable since 3.11); else no prefilter
    from re import _constants as _sc
    from re import _parser as _sp
except ImportError:  # pragma: no cover
    _sc = _sp = None


def _case_classes() -> list[set[str]]:
    """The letters ``re.IGNORECASE`` equates beyond lower case (dotless i and i, long s and s...)."""
    try:
        from re._casefix import _EXTRA_CASES
    except ImportError:  # pragma: no cover
        _EXTRA_CASES = {0x69: (0x131,), 0x73: (0x17F,), 0xB5: (0x3BC,)}
    return [{chr(k), *map(chr, v)} for k, v in _EXTRA_CASES.items()]


#: folding: every digit -> "0"; each class of letters the regex engine equates -> one letter
_FOLD: dict[int, str] = {ord(d): "0" for d in "123456789"}
#: characters that never start a fragment (their class holds a non-alphanumeric character)
_UNFOLDABLE: set[str] = set()
for _cls in _case_classes():
    for _c in _cls:
        if _c != min(_cls):
            _FOLD[ord(_c)] = min(_cls)
    if not all(c.isalnum() for c in _cls):
        _UNFOLDABLE |= _cls
_TOKEN = re.compile(r"[^\W_]+")  # runs of letters and digits


def fold(text: str) -> str | None:
    """``text`` lower-cased, every digit as "0", same length; None when the length changes.

    A character that a regex literal matches (even under ``re.IGNORECASE``) folds to the
    literal's own fold: the regex engine compares simple lower cases, and ``str.lower`` gives
    the same single character except for "İ" (two characters: the length changes, so None)
    and the final sigma (equated with sigma, below); the letters the engine equates beyond
    lower case (dotless i and i, long s and s, final sigma and sigma...: ``re._casefix``) fold
    to one of them. ``\\d`` matches any Unicode decimal digit: all of them fold to "0".
    """
    low = text.lower()
    if len(low) != len(text):
        return None
    low = low.translate(_FOLD)
    if not low.isascii():
        low = "".join("0" if c.isdecimal() else c for c in low)
    return low


def _symbols(op, av, alnum: bool = True) -> set[str] | None:
    """The folded characters a one-character atom can match, when they are few letters or
    digits ("[ée]" -> {"é", "e"}, "[Ll]" -> {"l"}, "\\d" -> {"0"}), else None. ``alnum=False``:
    any few characters ("\\." -> {"."})."""
    if op is _sc.LITERAL:
        f = fold(chr(av))
        return {f} if f is not None and (f.isalnum() or not alnum) and f not in _UNFOLDABLE else None
    if op is _sc.IN:
        syms: set[str] = set()
        for iop, iav in av:
            if iop is _sc.LITERAL:
                one = _symbols(iop, iav, alnum)
                if one is None:
                    return None
                syms |= one
            elif (iop is _sc.RANGE and 0x30 <= iav[0] <= iav[1] <= 0x39) or (
                iop is _sc.CATEGORY and iav is _sc.CATEGORY_DIGIT
            ):
                syms.add("0")
            else:
                return None  # NEGATE, other ranges and categories
        return syms if 0 < len(syms) <= 4 else None
    return None


_MAX_KEYS = 64
#: fragments too common to select anything (the penalty only chooses between valid options)
_WEAK = set("the this that and les des une aux par pour que qui est sur les".split()) | {
    "le",
    "la",
    "de",
    "du",
    "et",
    "en",
    "in",
    "on",
    "of",
    "to",
    "au",
    "a",
}


def _quality(keys: frozenset[str]) -> float:
    """How selective a set of fragments is: its weakest (shortest) fragment; digits and very
    common words count less."""
    return min(sum(1.0 if ch != "0" else 0.75 for ch in k) * (0.5 if k in _WEAK else 1.0) for k in keys)


def _cross(a: set[str], b: set[str]) -> set[str] | None:
    out = {x + y for x in a for y in b}
    return out if len(out) <= _MAX_KEYS else None


def _lead(items) -> set[str]:
    """Strings one of which every match of ``items`` starts with (maybe only "")."""
    run = {""}
    for op, av in items:
        syms = _symbols(op, av)
        if syms is not None:
            nxt = _cross(run, syms)
            if nxt is None:
                return run
            run = nxt
            continue
        if op in (_sc.AT, _sc.ASSERT, _sc.ASSERT_NOT):
            continue
        sub = None
        if op is _sc.SUBPATTERN:
            sub = _lead(av[3])
        elif op is _sc.BRANCH:
            sub = set().union(*(_lead(alt) for alt in av[1]))
        if sub is not None:
            nxt = _cross(run, sub)
            return nxt if nxt is not None else run
        return run
    return run


def _required(items) -> frozenset[str] | None:
    """Fragments one of which every match of the parsed sequence ``items`` contains."""
    options: list[frozenset[str]] = []
    run = {""}

    def flush():
        if run != {""}:
            options.append(frozenset(run))

    for op, av in items:
        syms = _symbols(op, av)
        if syms is not None:
            nxt = _cross(run, syms)
            if nxt is None:  # too many spellings: close the run, start another
                flush()
                nxt = syms
            run = nxt
            continue
        if op in (_sc.AT, _sc.ASSERT, _sc.ASSERT_NOT):
            continue  # consumes nothing: the characters around it stay adjacent in the match
        if run != {""} and op in (_sc.SUBPATTERN, _sc.BRANCH):
            # "su" + (ed|es|ing): the run goes on into the start of the group
            lead = _lead([(op, av)])
            longer = _cross(run, lead) if lead != {""} else None
            if longer:
                options.append(frozenset(longer))
        flush()
        run = {""}
        sub = None
        if op is _sc.SUBPATTERN:
            sub = _required(av[3])
        elif op is _sc.ATOMIC_GROUP:
            sub = _required(av)
        elif op in (_sc.MAX_REPEAT, _sc.MIN_REPEAT, _sc.POSSESSIVE_REPEAT) and av[0] >= 1:
            sub = _required(av[2])
        elif op is _sc.BRANCH:
            alts = [_required(alt) for alt in av[1]]
            if all(alts):
                sub = frozenset().union(*alts)
        if sub:
            options.append(sub)
    flush()
    return max(options, key=_quality) if options else None


def required_keys(rx: re.Pattern) -> frozenset[str] | None:
    """Folded fragments one of which every match of ``rx`` contains, or None if none is known.

    From the parsed regex: a run of literal characters in a sequence (``\\b`` and lookarounds
    consume nothing, so they do not break a run), a group repeated at least once, a group, or
    an alternation whose every branch has required fragments (their union). Of the options of
    a sequence, the most selective is kept.

    >>> sorted(required_keys(re.compile(r"\\b(?:fined|fines)\\b(?!\\s+of)|\\bto\\s+fine\\b", re.I)))
    ['fine', 'fined', 'fines']
    >>> sorted(required_keys(re.compile(r"\\bin\\s+(?P<year>19[5-9]\\d|20\\d\\d)\\b")))
    ['0000']
    """
    if _sp is None:
        return None
    try:
        keys = _required(_sp.parse(rx.pattern, rx.flags).data)
    except Exception:  # pragma: no cover - unknown regex construct: no prefilter
        return None
    return keys or None


def _accepts(op, av, ch: str) -> bool:
    """Can the one-character atom match ``ch``? (Over-approximated: True when unsure.)

    Literals and ranges are tested by the regex engine itself, case-insensitively (a superset
    of the case-sensitive answer); inside a negated set, case-sensitively (a subset, so its
    complement is again a superset).
    """
    if op is _sc.LITERAL:
        return re.fullmatch(re.escape(chr(av)), ch, re.I) is not None
    if op is _sc.NOT_LITERAL:
        return chr(av) != ch
    if op is _sc.IN:
        negate = bool(av) and av[0][0] is _sc.NEGATE
        flags = 0 if negate else re.I
        hit = False
        for iop, iav in av[1:] if negate else av:
            if iop is _sc.LITERAL:
                hit = re.fullmatch(re.escape(chr(iav)), ch, flags) is not None
            elif iop is _sc.RANGE:
                rng = "[" + re.escape(chr(iav[0])) + "-" + re.escape(chr(iav[1])) + "]"
                hit = re.fullmatch(rng, ch, flags) is not None
            elif iop is _sc.CATEGORY:
                rx = _CATEGORY.get(iav)
                hit = (rx.fullmatch(ch) is not None) if rx is not None else not negate
            else:
                hit = not negate  # unknown item: assume the worst
            if hit:
                break
        return not hit if negate else hit
    return True  # ANY and anything unknown


_TAIL = 8  # characters of context kept before a read
_MAX_WORDS = 50_000  # words in the prefilter's memo
_NOTHING_KNOWN = frozenset(("",))


class _Reads:
    """Where a regex reads characters, whatever the character: for each one-character atom,
    the endings that the text consumed just before it may have (see :func:`read_contexts`)."""

    __slots__ = ("atoms", "always")

    def __init__(self, items) -> None:
        self.atoms: dict[tuple, tuple[object, object, set[str]]] = {}
        self.always = False  # reads anything anywhere ("$", constructs not analysed)
        self._walk(items, _NOTHING_KNOWN)

    def _walk(self, items, tails: frozenset[str]) -> frozenset[str]:
        """``tails``: what the match may have consumed just before this point, as known endings
        (folded, at most ``_TAIL`` characters; "" = nothing known). Returns those after."""
        for op, av in items:
            if op is _sc.AT:
                if av in (_sc.AT_END, _sc.AT_END_LINE, _sc.AT_END_STRING):
                    self.always = True  # "$" looks at the end of the text: never cut it short
                continue
            if op in (_sc.ASSERT, _sc.ASSERT_NOT):
                if av[0] == 1:  # a lookahead reads on from here, like the match (then backs off)
                    self._walk(av[1], tails)
                continue  # a lookbehind only reads what is before its position
            if op is _sc.SUBPATTERN:
                tails = self._walk(av[3], tails)
            elif op is _sc.ATOMIC_GROUP:
                tails = self._walk(av, tails)
            elif op is _sc.BRANCH:
                tails = frozenset().union(*(self._walk(alt, tails) for alt in av[1]))
            elif op in (_sc.MAX_REPEAT, _sc.MIN_REPEAT, _sc.POSSESSIVE_REPEAT):
                lo, hi, sub = av
                if hi == 0:
                    continue
                after = self._walk(sub, tails)
                if hi > 1:
                    # later rounds follow the previous round: their known endings are those of
                    # one round alone (shorter endings only weaken the check: still sound)
                    after |= self._walk(sub, _NOTHING_KNOWN)
                tails = after | tails if lo == 0 else after
            elif op in (_sc.LITERAL, _sc.NOT_LITERAL, _sc.IN, _sc.ANY):
                key = (op, tuple(av) if isinstance(av, list) else av)
                entry = self.atoms.get(key)
                if entry is None:
                    entry = self.atoms[key] = (op, av, set())
                entry[2].update(tails)
                syms = _symbols(op, av, alnum=False)
                tails = frozenset((t + c)[-_TAIL:] for t in tails for c in syms) if syms else _NOTHING_KNOWN
            else:  # group references, conditionals...: assume the worst
                self.always = True
                tails = _NOTHING_KNOWN
            if len(tails) > 256:
                tails = _NOTHING_KNOWN
        return tails

    def contexts(self, ch: str, accepts=None) -> frozenset[str] | None:
        if self.always:
            return _NOTHING_KNOWN
        ctx: set[str] = set()
        for key, (op, av, tails) in self.atoms.items():
            if accepts(key, op, av, ch) if accepts else _accepts(op, av, ch):
                ctx |= tails
        return frozenset(ctx) if ctx else None


def read_contexts(rx: re.Pattern, ch: str) -> frozenset[str] | None:
    """Where ``rx`` may read the character ``ch``: None if nowhere, else the endings (folded)
    that the text just before ``ch`` must have for the regex to read it there; "" among them:
    after anything. To read is to contain ``ch`` in a match, or to consume it in a lookahead.

    A match contains ``ch`` only right after the literal text its regex consumed before it:
    ``Jan\\.?`` reads a "." only after "jan", so a sentence ending in "regulation." can be cut
    for it, and one ending in "Jan." cannot.

    >>> sorted(read_contexts(re.compile(r"\\b(?:Jan|Sept?)\\.?\\s+\\d"), "."))
    ['jan', 'sep', 'sept']
    >>> read_contexts(re.compile(r"[^.]+"), "."), sorted(read_contexts(re.compile(r"\\w+(?=[.])"), "."))
    (None, [''])
    """
    if _sp is None:
        return _NOTHING_KNOWN
    try:
        return _Reads(_sp.parse(rx.pattern, rx.flags).data).contexts(ch)
    except Exception:  # pragma: no cover - unknown regex construct
        return _NOTHING_KNOWN


def can_read(rx: re.Pattern, ch: str) -> bool:
    """Can ``rx`` read the character ``ch`` anywhere (:func:`read_contexts`)? If not, a match
    can neither contain ``ch`` nor depend on what follows it.

    >>> can_read(re.compile(r"\\bfined\\b[^.]{0,60}?\\bby\\b(?!\\s+the)", re.I), ".")
    False
    >>> can_read(re.compile(r"Jan\\.?\\s+\\d"), "."), can_read(re.compile(r"\\d(?=[\\s.])"), ".")
    (True, True)
    """
    return read_contexts(rx, ch) is not None


if _sc is not None:
    _CATEGORY = {
        _sc.CATEGORY_DIGIT: re.compile(r"\d"),
        _sc.CATEGORY_NOT_DIGIT: re.compile(r"\D"),
        _sc.CATEGORY_SPACE: re.compile(r"\s"),
        _sc.CATEGORY_NOT_SPACE: re.compile(r"\S"),
        _sc.CATEGORY_WORD: re.compile(r"\w"),
        _sc.CATEGORY_NOT_WORD: re.compile(r"\W"),
    }


class Prefilter:
    """A registry of regexes that :meth:`plan` runs over the sentences of one text.

    Each regex added gets a bit. Its analysis (fragments, read contexts) is done once, at the
    first plan. A memo maps each word of the texts seen (a run of letters and digits) to the
    bits of the regexes one of whose required fragments its fold contains: a fragment is made
    of letters and digits, so it always lies inside one word. The memos are the only state
    that changes after the analysis (bounded; losing them only costs time).
    """

    def __init__(self) -> None:
        self._rx: list[re.Pattern] = []
        self._ready = 0  # regexes analysed so far
        self._lock = threading.Lock()
        self._by_key: dict[str, int] = {}  # fragment -> bits of the regexes that require it
        self._key_lens: list[int] = []
        self._always = 0  # bits of the regexes without required fragments
        self._reads: list[_Reads | None] = []
        self._words: dict[str, int] = {}  # memo: lower-cased word -> bits
        # memo: character -> (bits of the regexes that may read it after anything, ending ->
        # bits of the regexes that may read it after that ending)
        self._readers: dict[str, tuple[int, dict[str, int]]] = {}
        self._accepted: dict[tuple, bool] = {}  # memo: (atom, character) -> _accepts

    def add(self, rx: re.Pattern) -> int:
        """Register ``rx`` (at import); returns its index for :meth:`Plan.finditer`."""
        self._rx.append(rx)
        return len(self._rx) - 1

    def _prepare(self) -> None:
        """Analyse the regexes added since the last plan (each parsed once)."""
        if self._ready == len(self._rx):
            return
        with self._lock:
            for i in range(self._ready, len(self._rx)):
                rx = self._rx[i]
                try:
                    items = _sp.parse(rx.pattern, rx.flags).data
                    keys = _required(items) or None
                    reads = _Reads(items)
                except Exception:  # (no parser, unknown construct): scanned everywhere
                    keys = reads = None
                if keys is None:
                    self._always |= 1 << i
                else:
                    for k in keys:
                        self._by_key[k] = self._by_key.get(k, 0) | 1 << i
                self._reads.append(reads)
            self._key_lens = sorted({len(k) for k in self._by_key})
            self._words.clear()
            self._readers.clear()
            self._ready = len(self._rx)

    def _word_bits(self, w: str) -> int:
        bits = self._words.get(w)
        if bits is None:
            f = fold(w)
            if f is None:  # (cannot happen to a lower-cased word; then assume every fragment)
                bits = (1 << len(self._rx)) - 1
            else:
                bits, by_key, n = 0, self._by_key, len(f)
                for ln in self._key_lens:
                    if ln > n:
                        break
                    for i in range(n - ln + 1):
                        bits |= by_key.get(f[i : i + ln], 0)
            if len(self._words) >= _MAX_WORDS:  # (a few MB at most; cleared, not evicted)
                self._words.clear()
            self._words[w] = bits
        return bits

    def _accepts(self, key: tuple, op, av, ch: str) -> bool:
        k = (key, ch)
        r = self._accepted.get(k)
        if r is None:
            if len(self._accepted) >= _MAX_WORDS:
                self._accepted.clear()
            r = self._accepted[k] = _accepts(op, av, ch)
        return r

    def _reader_bits(self, ch: str, before: str | None) -> int:
        """Bits of the regexes that may read ``ch`` after the (folded) text ``before`` (None:
        unknown, so after anything)."""
        memo = self._readers.get(ch)
        if memo is None:
            always, after = 0, {}
            for i, reads in enumerate(self._reads):
                ctx = _NOTHING_KNOWN if reads is None else reads.contexts(ch, self._accepts)
                if ctx is None:
                    continue
                if "" in ctx:
                    always |= 1 << i
                else:
                    for t in ctx:
                        after[t] = after.get(t, 0) | 1 << i
            if len(self._readers) > 10_000:
                self._readers.clear()
            memo = self._readers[ch] = (always, after)
        bits, after = memo
        if before is None:
            for b in after.values():
                bits |= b
        elif after:
            for k in range(1, min(len(before), _TAIL) + 1):
                bits |= after.get(before[-k:], 0)
        return bits

    def plan(self, text: str, ends: list[int]) -> "Plan":
        """A plan for ``text`` cut after each offset of ``ends`` (e.g. the sentence ends)."""
        self._prepare()
        return Plan(self, text, ends)


class Plan:
    """One text cut into pieces (e.g. sentences), and the regexes each piece may hold a match of.

    ``finditer(i)`` gives exactly ``rx.finditer(text)`` for the regex ``i`` of the prefilter,
    scanning only the segments that can hold a match.
    """

    def __init__(self, pf: Prefilter, text: str, ends: list[int]) -> None:
        self.pf, self.text = pf, text
        self._known = pf._ready  # regexes added later are not in the masks: they scan it all
        self._segments: dict[int, list[tuple[int, int, int]]] = {}
        low = text.lower()  # words are folded once each, in the prefilter's memo
        if len(low) != len(text):
            self.bounds = None  # no prefilter for this text: every regex scans all of it
            return
        n = len(text)
        bounds = [0]
        for e in ends:
            # a cut must not split a word (a fragment would be lost in the cut)
            if bounds[-1] < e < n and not (low[e - 1].isalnum() and low[e].isalnum()):
                bounds.append(e)
        bounds.append(n)
        self.bounds = bounds
        self.masks: list[int] = []
        self.any = 0
        # cut k (after piece k) is unsafe for the regexes that may read the character before it
        self.unsafe = [
            pf._reader_bits(text[e - 1], fold(low[max(0, e - 1 - _TAIL) : e - 1])) for e in bounds[1:-1]
        ]
        known, word_bits, findall = pf._words.get, pf._word_bits, _TOKEN.findall
        for a, b in zip(bounds, bounds[1:]):
            m = 0
            for w in set(findall(low, a, b)):
                bits = known(w)
                m |= word_bits(w) if bits is None else bits
            self.masks.append(m)
            self.any |= m

    def may_match(self, i: int, start: int, end: int) -> bool:
        """Can ``text[start:end]`` (e.g. one sentence) hold a match of regex ``i``? False only if
        it lies in one piece and that piece has none of the regex's fragments."""
        if self.bounds is None or self.pf._always >> i & 1 or i >= self._known:
            return True
        k = bisect.bisect_right(self.bounds, start) - 1
        if end > self.bounds[k + 1]:
            return True  # not inside one piece: no claim
        return bool(self.masks[k] >> i & 1)

    def _segments_for(self, i: int) -> list[tuple[int, int, int]]:
        """(start, end, bits) of the runs of pieces that no match of regex ``i`` straddles: a
        cut is kept only where the regex cannot read the character just before it."""
        bit = 1 << i
        key = 0
        for k, u in enumerate(self.unsafe):
            if u & bit:
                key |= 1 << k
        segs = self._segments.get(key)
        if segs is None:
            segs = []
            start, bits, bounds = 0, 0, self.bounds
            for k, m in enumerate(self.masks):
                bits |= m
                if key >> k & 1:
                    continue  # a match may run on into the next piece
                segs.append((start, bounds[k + 1], bits))
                start, bits = bounds[k + 1], 0
            self._segments[key] = segs
        return segs

    def finditer(self, i: int) -> Iterator[re.Match]:
        """Exactly the matches of ``rx.finditer(text)`` for the regex ``i``, in order.

        Why no match is dropped or changed. A cut is kept for this regex only where it cannot
        read the character just before the cut, given the text before that character
        (:func:`read_contexts`: no match contains it there, no lookahead consumes it). The
        pieces between kept cuts form segments, and no match straddles a kept cut. Every match
        contains one of the regex's required fragments (:func:`required_keys`), so its segment
        has that fragment in one of its pieces: segments without any are skipped. In the
        others, ``rx.finditer(text, start, end)`` finds the same matches as a scan of the whole
        text: no match straddles ``start``, so a whole-text scan searches afresh from ``start``
        too, and whether the regex matches at a position depends only on the text, not on
        where the scan began (``pos`` is not a slice: ``\\b``, ``^`` and lookbehinds see the
        whole text); and ``endpos=end`` changes nothing: no path of the regex can step over the
        character before ``end``, so nothing at or after ``end`` is ever read.
        """
        rx = self.pf._rx[i]
        if self.bounds is None or self.pf._always >> i & 1 or i >= self._known:
            yield from rx.finditer(self.text)
            return
        if not self.any >> i & 1:
            return
        segs = self._segments_for(i)
        if len(segs) == 1:
            yield from rx.finditer(self.text)
            return
        text = self.text
        for start, end, bits in segs:
            if bits >> i & 1:
                yield from rx.finditer(text, start, end)


#: the prefilter of the regexes the coder runs over whole bodies (triggers, descriptions, dates)
PREFILTER = Prefilter()
