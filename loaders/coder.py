"""The offline French + English event coder: Article -> Extraction.

Pure, deterministic, thread-safe (no shared mutable state after import but the memo of the
regex prefilter, ``loaders/patterns.py``, which never changes a result), no network. No model
by default; with ``ner=True`` or ``AIGOV_NER=1`` the optional spaCy extra (``loaders/ner.py``,
``pip install aigov[nlp]``) proposes French person and organisation names the dictionary lacks.

Pipeline for one article:
  1. split the body into sentences with exact offsets (never inside a quotation);
  2. find actor mentions (gazetteer aliases and patterns), then resolve descriptions and
     pronouns ("the regulator", "l'entreprise", "a-t-il ajouté") to the last compatible actor;
  3. for every event trigger (``patterns.py``) pick the actors (nearest compatible mention on
     the subject side, extended over coordinations "X et Y", "X, Y and Z") and the targets
     (object side), swapping sides for passives ("was fined by X");
  4. modality: threats, possibilities, denials -> rejected; future measures -> ``planned``;
  5. date: the date expression of the sentence nearest the trigger (``dates.py``), else the
     reporting date for the lead paragraph, else None;
  6. statements: speaker, direct quote, topic entity.
Candidates that are not kept go to ``Extraction.rejected`` with their reason.
"""

from __future__ import annotations

import bisect
import datetime as dt
import os
import re
import time
from bisect import bisect_right
from dataclasses import dataclass, field

from graph.model import (
    Article,
    Entity,
    EntityType as T,
    Event,
    EventType as E,
    Extraction,
    Modality,
    Rejected,
    RejectReason,
    date_bounds,
    event_id,
    fold,
)
from loaders.dates import DateMention, find_dates
from loaders.gazetteer import Actor, Mention, default_gazetteer
from graph.errors import ExtractionError
from loaders.spans import SpanSet
from loaders.lang import detect_language
from loaders.patterns import _keys as _trigger_keys
from loaders.patterns import (
    ACTOR_TYPES,
    FUTURE_DATE_CONTEXT,
    HYPOTHETICAL,
    NEGATION,
    PLANNED,
    PREFILTER,
    TARGET_REQUIRED,
    TARGET_TYPES,
    TRIGGERS,
    Plan,
    Trigger,
)

__all__ = ["CODER_VERSION", "code", "split_sentences"]

CODER_VERSION = "1.13.2"

# ---------------------------------------------------------------------------------------------
# sentences

_ABBREV = re.compile(
    r"(?:\b(?:[A-Z]|Mr|Mrs|Ms|Dr|St|Jr|Sr|Inc|Corp|Co|Ltd|Gov|Sen|Sens|Rep|Reps|Gen|Lt|Col|No|vs|"
    r"etc|approx|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec|M|Mme|Mlle|Me|av|cf|p|pp|"
    r"[A-Z]-[A-Z][a-z]{1,4}|[A-Z]\.[A-Z])\.$)"
)
_OPENERS = {"«": "»", "“": "”"}
_INTERESTING = re.compile(r'[\n«»“”".!?]')


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of the sentences of ``text``; never splits inside a quotation."""
    spans: list[tuple[int, int]] = []
    start = 0
    depth = 0
    ascii_open = False
    n = len(text)
    i = 0
    while i < n:
        nxt_m = _INTERESTING.search(text, i)
        if nxt_m is None:
            break
        i = nxt_m.start()
        c = text[i]
        if c == "\n":
            if text[start:i].strip():
                spans.append((start, i))
            start = i + 1
            depth = 0
            ascii_open = False
        elif c in _OPENERS:
            depth += 1
        elif c in ("»", "”"):
            depth = max(0, depth - 1)
            # a sentence can end inside the quotation: «... fin. » Suivante / "... end.” Next
            k = i - 1
            while k > start and text[k] == " ":
                k -= 1
            if (
                depth == 0
                and not ascii_open
                and text[k] in ".!?"
                and i + 2 < n
                and text[i + 1] == " "
                and (text[i + 2].isupper() or text[i + 2] in '“«"')
            ):
                spans.append((start, i + 1))
                start = i + 2
                i += 2
                continue
        elif c == '"':
            ascii_open = not ascii_open
            k = i - 1
            if (
                not ascii_open
                and depth == 0
                and k > start
                and text[k] in ".!?"
                and i + 2 < n
                and text[i + 1] == " "
                and (text[i + 2].isupper() or text[i + 2] in '“«"')
            ):
                spans.append((start, i + 1))  # ... end." Next sentence
                start = i + 2
                i += 2
                continue
        elif c in ".!?" and depth == 0 and not ascii_open:
            j = i + 1
            while j < n and text[j] in "\"”»)’'":
                j += 1
            if j < n and text[j] in " \t" and j + 1 < n:
                k = j
                while k < n and text[k] in " \t":
                    k += 1
                nxt = text[k] if k < n else ""
                if (nxt.isupper() or nxt.isdigit() or nxt in '"“«(•') and not (
                    c == "." and _ABBREV.search(text[max(start, i - 12) : i + 1])
                ):
                    spans.append((start, j))
                    start = k
                    i = k
                    continue
        i += 1
    if text[start:].strip():
        spans.append((start, n))
    out = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            out.append((s, e))
    return out


# ---------------------------------------------------------------------------------------------
# coreference

_DESC = [
    # (regex, allowed types, role)
    (
        r"\b(?:the|The)\s+(?:(?:\w+\s+)?(?:data\s+|privacy\s+)?(?:[Rr]egulator|[Ww]atchdog|[Aa]uthority|[Aa]gency)|"
        r"data\s+agency|[Cc]ommission)\b",
        {T.REGULATOR},
    ),
    (
        r"\b(?:[Ll]e|[Ll]a|[Ll]['’])\s*(?:[Rr][ée]gulateur|[Aa]utorit[ée]|gendarme|[Cc]ommission|[Aa]gence|CNIL|"
        r"antitrust)\b(?:\s+(?:italien|irlandais|fran[çc]ais|européen|américain|britannique)\w*)?",
        {T.REGULATOR},
    ),
    (r"\b(?:[Tt]he\s+feds|[Ff]ederal\s+(?:regulators|authorities|officials))\b", {T.REGULATOR, T.GOVERNMENT}),
    (
        r"\b(?:the|The|[Hh]is|[Hh]er|[Tt]heir)\s+(?:[\w-]+\s+)?(?:company|companies|startup|start-up|firm|"
        r"tech\s+giant|search\s+giant|group|developer|platform)\b",
        {T.COMPANY},
    ),
    (
        r"\b(?:[Ll]['’]|[Ll]a\s+|[Ll]e\s+)(?:entreprise|soci[ée]t[ée]|compagnie|firme|start-up|startup|groupe|"
        r"plateforme|géant)\b(?:\s+(?:chinoise?|américaine?|française?))?",
        {T.COMPANY},
    ),
    (
        r"\b(?:[Ll]e\s+groupe|[Ll]a\s+soci[ée]t[ée]|"
        r"[Ll]['’]entreprise)\s+de\s+[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?",
        {T.COMPANY},
    ),
    (
        r"\b(?:the|The)\s+(?:(?:popular|Chinese|AI)\s+)?(?:chatbot|app)\b|\b(?:[Ll]e\s+chatbot|"
        r"[Ll]['’]application)\b",
        {T.PRODUCT, T.COMPANY},
    ),
    (r"\b(?:the|The)\s+(?:government|state)\b|\b(?:[Ll]e\s+)gouvernement\b", {T.GOVERNMENT, T.COUNTRY}),
    (
        r"\b(?:the|The)\s+(?:senators|lawyers|lawmakers|attorneys\s+general|officials)\b|\b(?:[Ll]es\s+)(?:sénateurs|"
        r"élus|procureurs)\b",
        {T.GOVERNMENT, T.LEGISLATURE, T.ORGANIZATION, T.PERSON, "@plural"},
    ),
    # plural descriptions name the last group the text coordinated: "OpenAI and Microsoft ... The
    # companies", "Kathy Roe and Rob Doe ... the two state officials", "les deux sociétés"
    (
        r"\b(?:[Tt]he|[Bb]oth)\s+(?:(?:two|three|four|five|several)\s+)?(?:companies|firms|startups|tech\s+giants|"
        r"developers)\b|"
        r"\b(?:[Ll]es)\s+(?:deux\s+|trois\s+)?(?:entreprises|sociétés|firmes|start-ups|"
        r"géants)\b",
        {T.COMPANY, "@plural", "@only_group"},
    ),
    (
        r"\b(?:[Tt]he|[Bb]oth)\s+(?:(?:two|three|four|five|several)\s+)?(?:(?:state\s+)?officials|prosecutors|"
        r"regulators|authorities|watchdogs)\b|"
        r"\b[Ll]es\s+(?:deux\s+|trois\s+)?(?:procureurs|régulateurs|autorités)\b(?!\s+(?:de|du|des|d['’]|"
        r"[a-zé]+(?:aises?|aines?|iennes?|ises?|ques?|andes?|oises?)\b))",
        {T.PERSON, T.REGULATOR, T.GOVERNMENT, "@plural", "@only_group"},
    ),
    (
        r"\b(?:[Tt]he|[Bb]oth)\s+(?:(?:two|three|four|five|several)\s+)?(?:plaintiffs|parties)\b|"
        r"\b[Ll]es\s+(?:deux\s+|trois\s+)?(?:plaignants|parties)\b",
        {T.PERSON, T.ORGANIZATION, T.COMPANY, "@plural", "@only_group"},
    ),
    # people ("the authors") and businesses ("the publishers") are named back by groups of their kind
    (
        r"\b(?:[Tt]he|[Bb]oth)\s+(?:(?:two|three|four|five|several)\s+)?(?:authors|artists|families|parents|writers|"
        r"actors|musicians)\b|"
        r"\b[Ll]es\s+(?:deux\s+|trois\s+)?(?:auteurs|autrices|artistes|familles|parents|écrivains|comédiens|"
        r"musiciens)\b",
        {T.PERSON, "@plural", "@only_group"},
    ),
    (
        r"\b(?:[Tt]he|[Bb]oth)\s+(?:(?:two|three|four|five|several)\s+)?(?:labels|publishers|newspapers|outlets|"
        r"studios)\b|"
        r"\b[Ll]es\s+(?:deux\s+|trois\s+)?(?:éditeurs|maisons\s+de\s+disques|médias|journaux|studios)\b",
        {T.ORGANIZATION, T.COMPANY, "@plural", "@only_group"},
    ),
    (
        r"\b(?:the|The)\s+(?:organi[sz]ation|association|coalition|group)\b|\b(?:[Ll]['’]association|[Ll]['’]ONG|"
        r"[Ll]['’]organisation)\b",
        {T.ORGANIZATION},
    ),
    (
        r"\b(?:the|The|this|This)\s+(?:new\s+|final\s+|interim\s+)?(?:bill|law|legislation|act|measures?|order|"
        r"executive\s+order|decree|rules|regulations?|guidelines)\b|"
        r"\b(?:these|These|those|Those)\s+(?:new\s+|two\s+)?(?:bills|laws)\b|"
        r"\b(?:[Ll]a|[Cc]ette)\s+(?:nouvelle\s+)?(?:loi|législation|réglementation|proposition\s+de\s+loi|directive|"
        r"circulaire|ordonnance)\b|"
        r"\b(?:[Ll]e|[Cc]e)\s+(?:nouveau\s+)?(?:texte|règlement|projet\s+de\s+loi|décret)\b|\b(?:[Ll]es|"
        r"[Cc]es)\s+(?:nouvelles\s+)?(?:règles|mesures)\b",
        {T.LAW},
    ),
    (r"\b(?:(?:the|The)\s+(?:judge|court)|(?:[Ll]e|[Ll]a)\s+(?:juge|tribunal|cour))\b", {T.PERSON, T.COURT}),
    # a person named again by the office the text gave them ("the minister", "la sénatrice",
    # "the billionaire"): the last person the text tied to that office word, else the last person
    (
        r"\b(?:[Tt]he|[Ll]e|[Ll]a|[Ll]['’])\s*(?:(?:former|then-|new|ancien(?:ne)?|nouvel(?:le)?)\s*)?"
        r"(?:(?:US|U\.S\.|state|federal|Democratic|Republican|French|British|EU|European|Irish|privacy|information|"
        r"data|competition|digital|justice|health|trade|interior|finance|foreign|economy|technology|tech)\s+)?"
        r"(?:[Mm]inist(?:er|re)|[Ss]enator|[Ss][ée]nat(?:eur|rice)|[Cc]ommissioner|[Cc]ommissaire|[Ss]ecretary|"
        r"[Ss]ecr[ée]taire\s+d['’][ÉE]tat|[Pp]resident|[Pp]r[ée]sidente?|[Cc]hair(?:man|woman)?|CEO|"
        r"[Cc]hief\s+executive|PDG|"
        r"[Pp]atron(?:ne)?|[Ff]ounder|[Ff]ondat(?:eur|rice)|[Bb]illionaire|[Mm]illiardaire|[Ll]awmaker|"
        r"[Cc]ongress(?:man|woman)|"
        r"[Dd][ée]put[ée]e?|[Ee]urod[ée]put[ée]e?|[Gg]overnor|[Gg]ouverneure?|[Aa]ttorney\s+[Gg]eneral|[Pp]rosecutor|"
        r"[Pp]rocureure?|[Ll]awyer|[Aa]vocate?|[Mm]ayor|[Mm]aire|[Pp]remier\s+ministre|[Pp]rime\s+[Mm]inister|"
        r"[Cc]hancell(?:or|ière)|[Dd]irect(?:eur|rice)|[Dd]irector)\b(?![-’'])",
        {T.PERSON, "@title"},
    ),
    (
        r"\b(?:[Tt]he\s+(?:institution|ministry|department)|[Ll]['’](?:institution|organisme|instance)|"
        r"[Ll]e\s+minist[èe]re)\b"
        r"(?!\s+(?:of|de|du|des|d['’])\b)",
        {T.REGULATOR, T.GOVERNMENT, "@institution"},
    ),
    (
        r"\b(?:[Tt]he\s+(?:newspaper|paper|daily|publisher|broadcaster)|[Ll]e\s+(?:journal|quotidien|média)|"
        r"[Ll]['’](?:éditeur|hebdomadaire))\b",
        {T.ORGANIZATION, T.COMPANY, "@media"},
    ),
    (r"\b(?:The|the)\s+(?:letter|statement)\b", {"@last_actor"}),
    (
        r"\b(?:[A-Z][\w.]+\s+)?(?:spokesperson|spokesman|spokeswoman)\b|"
        r"\b(?:une?\s+)?porte-parole\s+de\s+la\s+soci[ée]t[ée]\b",
        {"@spokesperson"},
    ),
    # "un porte-parole de WhatsApp", "a spokesperson for Meta": the body named right after
    (
        r"\b(?:[Uu]ne?|[Ll]e|[Ll]a|[Aa]n?|[Tt]he)\s+(?:porte-parole|spokesperson|spokesman|spokeswoman|"
        r"représentant\w*)\s+(?:de|du|d['’]|for|of)\s*(?=[A-Z])",
        {"@spokes_after"},
    ),
]
# (regex, types, keys, index in the prefilter: only the sentences that can hold a match are scanned)
_DESC_RX = [
    (rx, types, tuple(k for k in _trigger_keys(p) if k not in ("the", "une")), PREFILTER.add(rx))
    for p, types in _DESC
    for rx in [re.compile(p)]
]
_OVERRIDE = re.compile(
    r"\b(?:[Ll]e\s+groupe|[Ll]a\s+soci[ée]t[ée]|"
    r"[Ll]['’]entreprise)\s+de\s+[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?"
)
_PRONOUN = re.compile(
    r"(?<![\w-])(?:(?P<he>[Hh]e|[Ss]he)|(?P<they>[Tt]hey)|(?P<il>[Ii]l|[Ee]lle)|(?P<ils>[Ii]ls|"
    r"[Ee]lles)|(?P<it>[Ii]t))(?![\w'’-])|-(?:t-)?(?P<il2>il|elle)\b|-(?P<ils2>ils|elles)\b"
)

_MEDIA_ROLE = "media"


@dataclass
class _Doc:
    article: Article
    body: str
    lang: str
    anchor: dt.date | None
    report_date: str | None
    mentions: list[Mention] = field(default_factory=list)
    freq: dict[str, int] = field(default_factory=dict)
    actors: dict[str, Actor] = field(default_factory=dict)
    surfaces: dict[str, list[str]] = field(default_factory=dict)
    last_subject: Actor | None = None
    last_event_actors: list[Actor] = field(default_factory=list)
    last_suit_actors: list[Actor] = field(default_factory=list)  # the plaintiffs of the last suit
    last_letter_actors: list[Actor] = field(default_factory=list)  # the authors of the last demand
    last_speaker: Actor | None = None
    main_country: Actor | None = None
    demands: list = field(default_factory=list)
    last_event_targets: list[Actor] = field(default_factory=list)
    focus: list[Actor] = field(default_factory=list)
    # a pronoun's other antecedents, most recent first (by its start): the one a role's types
    # rule out gives way to the next that fits ("elle a infligé une amende": the authority)
    pron_alts: dict[int, list[Actor]] = field(default_factory=dict)
    ner: bool = False  # optional NER hook (loaders/ner.py)
    scan: Plan | None = None  # the body cut at its sentence ends: regexes scan what can match
    deadline: float | None = None  # time.monotonic() past which the article is given up

    def check_budget(self) -> None:
        if self.deadline is not None and time.monotonic() > self.deadline:
            raise ExtractionTimeout(
                f"not coded within its time budget ({budget_seconds():g} s, AIGOV_ARTICLE_BUDGET) "
                f"-- {len(self.body):,} characters"
            )


def _anchor(published: str | None) -> dt.date | None:
    if not published:
        return None
    try:
        return dt.date.fromisoformat(published[:10])
    except ValueError:
        return None


# "BERLIN, March 3 (Reuters) –", "OSLO, May 2 (AP)--", "PARIS, 27 juin (AFP) -"
_DATELINE = re.compile(
    r"\s*[A-ZÀ-Ö][\w .'’/-]{1,40},\s+(?P<date>[^,()\n]{3,30}?)\s*(?:\((?:[A-Z][\w "
    r".&-]{1,30})\)\s*)?[-–—]"
)


def _report_date(body: str, anchor: dt.date | None) -> str | None:
    """A date line at the top of the body ("Thursday, September 18, 2025") or the dateline."""
    head = body[:300].split("\n")
    first = next((ln for ln in head if ln.strip()), "")
    dl = _DATELINE.match(first)
    if dl:
        ds = find_dates(dl.group("date"), anchor)
        if ds and ds[0].value and len(ds[0].value) == 10:
            return ds[0].value
    for line in head[:6]:
        line = line.strip()
        if line and len(line) <= 40:
            ds = find_dates(line, anchor)
            if ds and len(ds[0].value) == 10 and ds[0].end - ds[0].start >= len(line) - 3:
                return ds[0].value
    return anchor.isoformat() if anchor else None


# ---------------------------------------------------------------------------------------------
# mentions + coreference


#: the office words of a description and the words that tie a named person to that office
_TITLE_CUES = [
    (re.compile(p, re.I), re.compile(c, re.I))
    for p, c in [
        (r"premier\s+ministre|prime\s+minister", r"premier\s+ministre|prime\s+minister|\bPM\b"),
        (r"minist", r"minist"),
        (r"s[ée]nat|senator", r"\bsen(?:ator|\.)|s[ée]nat"),
        (r"commissi", r"commissi"),
        (r"secr[ée]ta", r"secr[ée]ta"),
        (r"pr[ée]sident", r"pr[ée]sident"),
        (r"chair", r"chair"),
        (
            r"CEO|chief\s+exec|PDG|patron",
            r"\bCEO\b|chief\s+exec|\bPDG\b|patron|directeur\s+g[ée]n[ée]ral|dirigeant",
        ),
        (r"found|fondat", r"found|fondat"),
        (r"lawmaker|congress|d[ée]put", r"lawmaker|congress|\brep\.|representative|d[ée]put|\bMP\b|\bMEP\b"),
        (r"gov|gouvern", r"\bgov(?:ernor|\.)|gouverneur"),
        (r"attorney|prosecut|procureur", r"attorney|prosecut|procureur|\bAG\b"),
        (r"lawyer|avocat", r"lawyer|attorney|avocat|counsel"),
        (r"mayor|maire", r"mayor|\bmaire"),
        (r"chancel", r"chancel"),
        (r"direct", r"direct"),
    ]
]


def _titled_person(body: str, out: list, surface: str) -> Actor | None:
    """The person a title description names: the last person mentioned near that office word
    ("Senator Jane Roe ... the senator"), else the last person mentioned (within the last
    forty mentions)."""
    cue = next((c for p, c in _TITLE_CUES if p.search(surface)), None)
    recent = [m for m in out[-40:] if m.actor.type is T.PERSON and m.how != "pron"]
    if cue is not None:
        for m in reversed(recent):
            # the office in the name's own words ("Senator Jane Roe"), just before it in its
            # clause ("la ministre du Numérique Anne Roux"), or in an apposition after it
            # ("Jane Roe, the senator from Ohio,")
            before = re.split(r"[.;!?]\s|\s(?:and|et)\s", body[max(0, m.start - 110) : m.start])[-1]
            after = re.match(r",([^,.;]{0,70})", body[m.end : m.end + 72])
            if cue.search(m.surface) or cue.search(before) or (after and cue.search(after.group(1))):
                return m.actor
    if cue is not None and cue.pattern in ("chancel", "direct"):
        return None  # a vague office: only a person the text tied to it
    return recent[-1].actor if recent else None


_APPOSED_NAME = re.compile(
    r"(?:\s+[a-zé]+(?:aise?|ique|ienne?|aine?|ande?|oise?|ale?|ral|rale))?"
    r"(?:\s+(?:de|du|des|d['’]|of|for|in\s+charge\s+of|chargée?\s+d[eu]|"
    r"à)\b[^.;:!?«»\"“”()]{0,90}?)?"
    r"[\s,]*(?:[A-ZÉ][\w.-]*\s+){0,2}$"
)


def _appositive_name(body: str, end: int, base: list, bi: int) -> bool:
    """Whether a title description is the apposition of a name that follows it ("the
    minister, Jane Roe, said", "la ministre du Numérique Anne Roux"): then it names nobody."""
    for m in base[bi : bi + 3]:
        if m.start < end:
            continue
        if m.start - end > 110:
            break
        if m.actor.type is T.PERSON and _APPOSED_NAME.fullmatch(body[end : m.start]):
            return True
    return False


def _resolve_history(history: list[Actor], types: set, pos_country: str | None = None) -> Actor | None:
    for act in reversed(history):
        if act.type in types and act.role != _MEDIA_ROLE:
            return act
    return None


def _sent_start(sents: list[tuple[int, int]], pos: int) -> int:
    lo, hi = 0, len(sents) - 1
    best = 0
    while lo <= hi:
        mid = (lo + hi) // 2
        if sents[mid][0] <= pos:
            best = sents[mid][0]
            lo = mid + 1
        else:
            hi = mid - 1
    return best


def _sent_index(sents: list[tuple[int, int]], pos: int) -> int:
    """The sentence holding ``pos`` (or the next one), by bisection: the first that ends after it."""
    i = bisect_right(sents, pos, key=lambda s: s[1])
    return min(i, len(sents) - 1)


_MAKER = r"(?:developer|maker|creator|owner|operator|parent\s+company|publisher|company\s+behind)"
_MAKER_FR = (
    r"(?:[ée]diteur|d[ée]veloppeur|cr[ée]ateur|concepteur|propri[ée]taire|maison\s+m[èe]re|"
    r"soci[ée]t[ée]\s+m[èe]re|entreprise\s+(?:à\s+l['’]origine|derri[èe]re)|"
    r"start-up\s+(?:à\s+l['’]origine))"
)
# "the developer of (AI chatbot company) Replika", "l'éditeur de ChatGPT": the phrase names the owner
_OWNER_BEFORE = re.compile(
    r"(?:\b(?:[Tt]he|[Ii]ts|[Tt]heir)\s+" + _MAKER + r"\s+of\s+|"
    r"(?:\b[Ll]['’]|\b[Ll][ae]\s+|\b[Ss]on\s+|"
    r"\b[Ss]a\s+)" + _MAKER_FR + r"\s+(?:de\s+|du\s+|d['’]))"
    r"(?:[\w()’'-]+\s+){0,5}?$"
)
# "Replika's developer", "ChatGPT maker OpenAI" (a modifier before the owner's own name)
_OWNER_AFTER = re.compile(r"['’]s?\s+" + _MAKER + r"\b|[\s-]+" + _MAKER + r"\b")


def _owner_phrases(gaz, body: str, base: list[Mention]) -> list[Mention]:
    """Product mentions that stand for their maker ("Replika's developer" -> Luka Inc.).

    "ChatGPT maker OpenAI": the product is only a modifier of the owner's name, so its mention
    is dropped (it is not a separate participant of the sentence).
    """
    out: list[Mention] = []
    n = len(base)
    base_starts = [b.start for b in base]
    for i, m in enumerate(base):
        if m.actor.type is not T.PRODUCT or not m.actor.owner:
            out.append(m)
            continue
        owner = gaz.owner_of(m.actor)
        if owner is None:
            out.append(m)
            continue
        after = _OWNER_AFTER.match(body, m.end)
        if after:
            nxt = base[i + 1] if i + 1 < n else None
            if (
                nxt is not None
                and nxt.start - after.end() <= 2
                and re.match(r"\s*$", body[after.end() : nxt.start])
            ):
                # "ChatGPT maker OpenAI": kept for coreference ("the chatbot"), not a participant
                out.append(Mention(m.start, m.end, m.surface, m.actor, "mod"))
                continue
            out.append(Mention(m.start, after.end(), body[m.start : after.end()], owner, "dict"))
            continue
        before = _OWNER_BEFORE.search(body, max(0, m.start - 90), m.start)
        if (
            before
            and before.end() == m.start
            and not any(
                b.end <= m.start
                for b in base[
                    bisect.bisect_left(base_starts, before.start()) : bisect.bisect_left(base_starts, m.start)
                ]
            )
        ):
            out.append(Mention(before.start(), m.end, body[before.start() : m.end], owner, "dict"))
            continue
        out.append(m)
    return out


def _inside(spans: list[Mention], m: Mention) -> bool:
    """Whether ``m`` lies within one of ``spans`` (sorted by start, not overlapping)."""
    i = bisect.bisect_right(spans, m.start, key=lambda x: x.start) - 1
    return i >= 0 and spans[i].start <= m.start and m.end <= spans[i].end


_GENERIC = re.compile(
    r"^(?:(?:the|la|le|l['’])\s*)?(?P<head>commission|commissioner|authority|autorité|agency|"
    r"agence|"
    r"court|cour|tribunal|parliament|parlement|government|gouvernement)$",
    re.I,
)


_CAP_BEFORE_GENERIC = re.compile(
    r"(?<![.!?]\s)(?<![.!?])\b"
    r"(?!(?:The|La|Le|Les|L['’]|Cette|This|Its|Their|Sa|Son)\s)"
    r"[A-Z][\w&-]*(?<!['’]s)\s+$"
)


_FIRST_BEFORE = re.compile(r"(?<![\w'’.-])(?P<w>[A-ZÀ-Ö][a-zà-ÿ]+(?:-[A-ZÀ-Ö][a-zà-ÿ]+)?)\s+$")


def _other_persons_surname(body: str, m: Mention) -> bool:
    """A dictionary person matched by the surname alone right after another first name: "Hélène
    Vautrin" is not the dictionary's Catherine Vautrin."""
    if m.how != "dict" or m.actor.type is not T.PERSON or " " in m.surface.strip():
        return False
    fb = _FIRST_BEFORE.search(body, max(0, m.start - 30), m.start)
    from loaders.openworld import _known_first_name

    if fb is None or not _known_first_name(fb.group("w")):
        return False
    return fold(fb.group("w")) not in fold(m.actor.name).split()


def _tail_of_a_longer_name(body: str, ms: list[Mention]) -> list[Mention]:
    """A generic dictionary alias ("Commission", "Court", "Authority") right after capitalised
    words is the tail of a longer name the dictionary lacks ("the Fair Trade Commission", "the
    Kerala High Court"): not the dictionary's body of that name (the European Commission)."""
    out = []
    for m in ms:
        if _other_persons_surname(body, m):
            continue
        if (
            m.how == "dict"
            and _GENERIC.match(m.surface.strip())
            and not re.match(r"(?i)the\s|la\s|le\s|l['’]", m.surface)
            and _CAP_BEFORE_GENERIC.search(body, max(0, m.start - 40), m.start)
        ):
            continue
        out.append(m)
    return out


def _generic_aliases(ms: list[Mention]) -> list[Mention]:
    """ "The Commission" is the European Commission in the dictionary -- unless the article named
    another commission before ("The Federal Communications Commission fined X. The Commission
    reached a settlement"): a generic alias names the last body of its kind the text named."""
    out: list[Mention] = []
    last: dict[str, Actor] = {}
    for m in ms:
        g = _GENERIC.match(m.surface.strip())
        if g and m.how == "dict":
            head = fold(g.group("head"))
            prev = last.get(head)
            if prev is not None and prev.id != m.actor.id and prev.type is m.actor.type:
                m = Mention(m.start, m.end, m.surface, prev, "coref")
        else:
            words = fold(m.actor.name).split()
            for w in words:
                if _GENERIC.match("the " + w):
                    last[w] = m.actor
        out.append(m)
    return out


# a chamber named without its country: "the Senate", "le Sénat", "the House", "l'Assemblée
# nationale", "la chambre des conseillers" -- the chamber of the country the article is about
_CHAMBER = re.compile(
    r"(?<![\w-])(?:(?:[Tt]he|[Ll]e|[Ll]a|[Ll]['’])\s*)?(?P<h>Senate|S[ée]nat|House\s+of\s+Representatives|House|"
    r"Assembl[ée]e\s+[Nn]ationale|National\s+Assembly|[Cc]hambre\s+des\s+(?:d[ée]put[ée]s|repr[ée]sentants|"
    r"conseillers)|"
    r"House\s+of\s+Councill?ors|Parliament|Parlement)(?![\w-])(?!\s+(?:of|de|du|des|d['’])\s)"
)
_CHAMBER_NAME = {
    "senate": "Senate",
    "senat": "Senate",
    "house": "House of Representatives",
    "house of representatives": "House of Representatives",
    "assemblee nationale": "National Assembly",
    "national assembly": "National Assembly",
    "chambre des deputes": "Chamber of Deputies",
    "chambre des representants": "House of Representatives",
    "chambre des conseillers": "House of Councillors",
    "house of councillors": "House of Councillors",
    "house of councilors": "House of Councillors",
    "parliament": "Parliament",
    "parlement": "Parliament",
}


def _national_chambers(gaz, body: str, base: list[Mention], code: str) -> list[Mention]:
    """Chambers named without their country are the chambers of the article's country: in an
    article about Australia "the Senate" is the Australian Senate, not the dictionary's US one;
    "le Sénat" in an article about France is the French Senate."""
    country = gaz.country.get(code)
    if country is None:
        return base
    adj = gaz.country_adj_en.get(code)
    taken = SpanSet((m.start, m.end) for m in base)
    out = list(base)
    for cm in _CHAMBER.finditer(body):
        kind = _CHAMBER_NAME.get(re.sub(r"\s+", " ", fold(cm.group("h"))))
        if kind is None:
            continue
        s, e = cm.span()
        hs = cm.start("h")
        known = next((m for m in base if m.start <= hs and m.end >= cm.end("h")), None)
        if known is not None and (
            known.actor.type is not T.LEGISLATURE
            or known.actor.country == code
            or known.surface.strip() != body[known.start : known.end].strip()
            or len(known.surface.split()) > len(body[s:e].split())
        ):
            continue
        if known is None and not taken.free(s, e):
            continue
        if code == "US":
            act = gaz.lookup(kind if kind in ("Senate", "House of Representatives") else "Congress")
        else:
            name = f"{adj} {kind}" if adj and kind in ("Senate", "Parliament") else f"{kind} of {country.name}"
            # the dictionary's own entry for that chamber when it has one ("Senate of Mexico")
            act = next(
                (
                    a
                    for a in (gaz.lookup(name), gaz.lookup(f"{kind} of {country.name}"))
                    if a is not None and a.type is T.LEGISLATURE and a.country == code
                ),
                None,
            ) or Actor.make(name, "Legislature", None, (body[s:e],), code)
        if act is None:
            continue
        if known is not None:
            out.remove(known)
        out.append(Mention(s, e, body[s:e], act, "pattern"))
        taken.add(s, e)
    out.sort(key=lambda m: m.start)
    return out


# a national body named by its kind alone ("the Fair Trade Commission", "the federal cabinet",
# "la Cour suprême", "the central bank") -- in an article about one country, that country's body
# of that kind when the dictionary holds exactly one
_NB_END = r"(?![\w-])(?!\s+(?:of|de|du|des)\s|\s+d['’])"  # not "the Supreme Court of X", "cabinet d'avocats"
_NATIONAL_BODY = [
    (role, re.compile(r"(?<![\w-])(?:" + rx + r")" + _NB_END))
    for role, rx in (
        (
            "competition",
            r"Fair\s+Trade\s+Commission|Competition\s+(?:Commission|Authority|Bureau|Council)|"
            r"[Cc]ompetition\s+(?:regulator|watchdog)|[Aa]ntitrust\s+(?:regulator|authority|watchdog)|"
            r"[Aa]utorit[ée]\s+de\s+(?:la\s+)?concurrence|[Cc]ommission\s+de\s+(?:la\s+)?concurrence",
        ),
        ("central_bank", r"[Cc]entral\s+[Bb]ank|[Bb]anque\s+centrale"),
        (
            "cabinet",
            r"[Ff]ederal\s+[Cc]abinet|Cabinet|(?<=['’]s\s)cabinet|Council\s+of\s+Ministers|"
            r"[Cc]onseil\s+des\s+ministres",
        ),
        ("supreme_court", r"Supreme\s+Court|[Cc]our\s+supr[êe]me"),
        ("constitutional_court", r"Constitutional\s+Court|[Cc]our\s+constitutionnelle"),
        ("federal_court", r"Federal\s+Court|[Cc]our\s+f[ée]d[ée]rale"),
        # "the police", "la police" of the country the article is about (not "la police municipale")
        (
            "police",
            r"(?<=[Tt]he\s)[Pp]olice(?:\s+[Ss]ervice)?(?!\s+(?:officers?|station|chief))|Police\s+Service|"
            r"(?<=[Ll]a\s)police(?!\s+(?:municipale|judiciaire|aux\s+fronti[èe]res))",
        ),
        (
            "election_commission",
            r"(?:National\s+|Independent\s+|Central\s+)?(?:Election|Electoral)\s+Commission|"
            r"[Cc]ommission\s+(?:électorale|electorale)(?:\s+nationale)?",
        ),
    )
]


_OWNER_COUNTRY = re.compile(
    r"(?<![\w-])(?P<c>[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2})(?:['’]s\s+|\s+)"
    r"(?:(?:new|national|federal|top|central)\s+)?$"
)


def _national_bodies(gaz, body: str, base: list[Mention], code: str) -> list[Mention]:
    """A body named by its kind alone is the article's country's body of that kind: in an article
    about Korea "the Fair Trade Commission" is the Korea Fair Trade Commission, in one about
    Nepal "the Cabinet" is Nepal's Council of Ministers (when the dictionary holds exactly one of
    that kind for the country; a dictionary entry of another country under that bare name, like
    the US Supreme Court, gives way)."""
    taken = SpanSet((m.start, m.end) for m in base)
    out = list(base)
    for role, rx in _NATIONAL_BODY:
        cands = gaz.by_role.get((code, role), [])
        if len(cands) != 1:
            continue
        act = cands[0]
        for bm in rx.finditer(body):
            s, e = bm.span()
            own = _OWNER_COUNTRY.search(body, max(0, s - 40), s)
            owner = own and gaz.country_named(own.group("c"))
            if own is not None and not owner:
                own = None  # "The Cabinet", "Monday's Cabinet": no country before it
            if own is not None:
                if owner != code:
                    continue  # "Japan's Fair Trade Commission" in an article about Korea: not ours
                s = own.start()  # "Bangladesh's Election Commission": the country's name is part of it
            inner = [m for m in out if own is not None and m.start >= s and m.end <= own.end()]
            known = next((m for m in out if m.start <= s and m.end >= e), None)
            if known is not None:
                same_words = body[known.start : known.end].strip() == body[s:e].strip()
                open_world = known.how == "open" and same_words  # "Fair Trade Commission" taken as a new name
                if not open_world and (
                    known.actor.country in (code, None) or known.actor.id == act.id or not same_words
                ):
                    continue  # a name of its own ("the US Supreme Court"), or the body itself
                out.remove(known)
            elif not taken.free(bm.start(), e):
                continue
            out = [m for m in out if m not in inner]
            out.append(Mention(s, e, body[s:e], act, "pattern"))
            taken.add(s, e)
    out.sort(key=lambda m: m.start)
    return out


def _mentions(doc: _Doc, sents: list[tuple[int, int]]) -> list[Mention]:
    gaz = default_gazetteer()
    body = doc.body
    # (not the dictionary's body or person when the match is the tail of a longer name the
    # dictionary lacks: "the Zorbland Fair Trade Commission", "Hélène Vautrin")
    base = _tail_of_a_longer_name(body, gaz.find(body))
    # names the dictionary lacks, typed by their own words ("Iowa Department of Management")
    from loaders import openworld

    opened = openworld.find(body, base)
    base = sorted([m for m in base if not _inside(opened, m)] + opened, key=lambda m: m.start)
    # unknown names listed beside known ones ("Torstar, Postmedia and CBC"), typed like them
    base = sorted(base + openworld.list_members(body, base), key=lambda m: m.start)
    # bills named by their number ("HB 2094", "projet de loi 64") take the place of what overlaps them
    bills = openworld.numbered_bills(body, base)
    if bills:
        bspans = SpanSet((b.start, b.end) for b in bills)
        base = sorted([m for m in base if bspans.free(m.start, m.end)] + bills, key=lambda m: m.start)
    # laws named by a description ("a new executive order", "une loi pour criminaliser ...")
    # (they take the place of the dictionary's cruder law descriptions: "a law that requires ...")
    firm = [m for m in base if m.how != "law_desc"]
    described = openworld.described_laws(body, firm)
    described += openworld.described_products(body, firm + described)
    dspans = SpanSet((m.start, m.end) for m in described)
    base = sorted(
        [m for m in base if m.how != "law_desc" or dspans.free(m.start, m.end)] + described, key=lambda m: m.start
    )
    # --- optional NER hook (loaders/ner.py; off by default): names the dictionary lacks ---
    if doc.ner:
        from loaders import ner as _ner

        base = _ner.mentions(body, doc.lang, base)
    # --- end of the NER hook ---
    # descriptive laws ("sweeping AI legislation") name the law the article names elsewhere
    named_laws = [
        m
        for m in base
        if m.actor.type is T.LAW
        and m.how in ("dict", "open")
        and m.actor.role != "described"
        and m.actor.country != "EU"
    ]
    law_sents = [(n, _sent_index(sents, n.start)) for n in named_laws]
    fixed = []
    for m in base:
        if m.how == "law_desc":
            si = _sent_index(sents, m.start)
            cands = [n for n, nsi in law_sents if nsi != si]
            if cands:
                near = min(cands, key=lambda n: abs(n.start - m.start))
                m = Mention(m.start, m.end, m.surface, near.actor, "coref")
            else:
                m = Mention(m.start, m.end, m.surface, m.actor, "pattern")
        fixed.append(m)
    base = _owner_phrases(gaz, body, _generic_aliases(fixed))
    country_freq: dict[str, int] = {}
    for m in base:
        if m.actor.type is T.COUNTRY:
            country_freq[m.actor.country or m.actor.id] = country_freq.get(m.actor.country or m.actor.id, 0) + 1

    def first_seen(k: str) -> int:
        return min(x.start for x in base if (x.actor.country or x.actor.id) == k)

    main_country = max(country_freq, key=lambda k: (country_freq[k], -first_seen(k))) if country_freq else None
    doc.main_country = gaz.country.get(main_country) if main_country else None
    if doc.main_country is not None:
        base = _national_chambers(gaz, body, base, main_country)
        base = _national_bodies(gaz, body, base, main_country)
    occupied = SpanSet((m.start, m.end) for m in base)
    free = occupied.free

    for m in _OVERRIDE.finditer(body):
        base = [b for b in base if b.end <= m.start() or b.start >= m.end()]
    occupied = SpanSet((m.start, m.end) for m in base)
    free = occupied.free
    extra: list[tuple[int, int, str, object]] = []
    low = body.lower()
    for rx, types, keys, scan in _DESC_RX:
        if keys and not any(k in low for k in keys):
            continue
        for m in doc.scan.finditer(scan) if doc.scan is not None else rx.finditer(body):
            if free(*m.span()):
                extra.append((m.start(), m.end(), m.group(0), types))
    for m in _PRONOUN.finditer(body):
        if free(*m.span()):
            kind = next(k for k, v in m.groupdict().items() if v)
            extra.append((m.start(), m.end(), m.group(0), "pron:" + kind))
    extra.sort(key=lambda x: x[0])
    # walk in order, resolving descriptions against the history of mentions
    out: list[Mention] = []
    history: list[Actor] = []
    subjects: list[Actor] = []
    coord_groups: list[list[Actor]] = []  # coordinated mentions ("A and B"), in text order
    cur_group: list[Actor] = []

    def at_start(pos: int) -> bool:
        # the subject position: near the start of its sentence, and no earlier mention of the
        # sentence other than a coordinated one ("Garante is one of the EU's regulators": the
        # EU is not a subject)
        st = _sent_start(sents, pos)
        head = body[st:pos]
        if len(head) > 45 or re.search(r"[«“\"]", head):
            return False
        if out and out[-1].start >= st and out[-1].end <= pos:
            return bool(re.match(r"^[\s,]*(?:and|et|&|or|ou)?[\s,]*$", body[out[-1].end : pos]))
        return True

    bi = 0
    events_spans = sorted(extra, key=lambda x: x[0])
    ei = 0
    steps = 0
    while bi < len(base) or ei < len(events_spans):
        steps += 1
        if not steps % 512:
            doc.check_budget()
        if ei >= len(events_spans) or (bi < len(base) and base[bi].start <= events_spans[ei][0]):
            men = base[bi]
            bi += 1
            subj = at_start(men.start)
            prev_b = out[-1] if out else None
            if (
                prev_b is not None
                and prev_b.how != "coref"
                and _sent_start(sents, prev_b.start) == _sent_start(sents, men.start)
                and _COORD.match(body[prev_b.end : men.start])
                and prev_b.actor.id != men.actor.id
            ):
                if not cur_group or cur_group[-1].id != prev_b.actor.id:
                    cur_group = [prev_b.actor]
                cur_group.append(men.actor)
                if len(cur_group) == 2:
                    coord_groups.append(cur_group)
            else:
                cur_group = []
            out.append(men)
            history.append(men.actor)
            if subj and men.actor.role != _MEDIA_ROLE:
                subjects.append(men.actor)
            continue
        s, e, surface, types = events_spans[ei]
        ei += 1
        act = None
        if isinstance(types, str):  # pronoun
            kind = types[5:]
            if kind == "he":
                ptypes = {T.PERSON}
            elif kind in ("they", "ils", "ils2"):
                ptypes = {T.GOVERNMENT, T.ORGANIZATION, T.LEGISLATURE, T.COMPANY, T.REGULATOR}
            elif kind in ("il", "il2"):
                ptypes = {
                    T.PERSON,
                    T.COMPANY,
                    T.REGULATOR,
                    T.GOVERNMENT,
                    T.ORGANIZATION,
                    T.COUNTRY,
                    T.LEGISLATURE,
                    T.COURT,
                }
            else:
                ptypes = {T.COMPANY, T.REGULATOR, T.GOVERNMENT, T.COURT}
            plural = kind in ("they", "ils", "ils2")
            groups = ptypes & {T.GOVERNMENT, T.LEGISLATURE, T.ORGANIZATION} if plural else set()
            act = (
                (_resolve_history(subjects, groups) if groups else None)
                or _resolve_history(subjects, ptypes)
                or _resolve_history(history, ptypes)
            )
            if act is None:
                continue
            alts: list[Actor] = []
            for a in list(reversed(subjects[-12:])) + list(reversed(history[-24:])):
                if a.type in ptypes and a.role != _MEDIA_ROLE and a.id != act.id and a not in alts:
                    alts.append(a)
            doc.pron_alts[s] = alts
            out.append(Mention(s, e, surface, act, "pron"))
            continue
        if "@last_actor" in types:
            continue  # resolved at event time (the letter's author)
        if "@spokes_after" in types:
            nxt = next((b for b in base if s <= b.start <= e + 1), None)
            if nxt is not None and nxt.actor.type in (
                T.COMPANY,
                T.PRODUCT,
                T.REGULATOR,
                T.GOVERNMENT,
                T.ORGANIZATION,
            ):
                # the spokesperson speaks for the body: one mention over both
                base = [b for b in base if b is not nxt]
                bi = sum(1 for b in base if b.start < s)
                out.append(Mention(s, nxt.end, body[s : nxt.end], nxt.actor, "dict"))
                history.append(nxt.actor)
                if at_start(s):
                    subjects.append(nxt.actor)
            continue
        if "@spokesperson" in types:
            # "A Meta spokesperson", "a Google spokesperson" -> the company named just before
            prev = [m for m in out if m.end <= s and s - m.end <= 3]
            if prev:
                out[-1] = Mention(prev[-1].start, e, body[prev[-1].start : e], prev[-1].actor, "dict")
            else:
                act = _resolve_history(history, {T.COMPANY, T.REGULATOR, T.GOVERNMENT})
                if act:
                    out.append(Mention(s, e, surface, act, "coref"))
            continue
        if "@title" in types or "@media" in types:
            if "@title" in types and _appositive_name(body, e, base, bi):
                continue  # "la ministre du Numérique, Anne Roux, a ...": the name that follows
            if (
                "@title" in types
                and out
                and out[-1].actor.type is T.PERSON
                and re.fullmatch(r"\s*,\s*", body[out[-1].end : s])
            ):
                act = out[-1].actor  # "Jane Roe, the minister for ...": the name it follows
            else:
                act = (
                    _titled_person(body, out, surface)
                    if "@title" in types
                    else next((m.actor for m in reversed(out) if m.actor.role == _MEDIA_ROLE), None)
                )
            if act is not None:
                out.append(Mention(s, e, surface, act, "coref"))
                history.append(act)
                if at_start(s):
                    subjects.append(act)
            continue
        if "@institution" in types:
            types = {T.REGULATOR, T.GOVERNMENT}
        if "@plural" in types:
            grp = next((g for g in reversed(coord_groups) if all(a.type in types for a in g)), None)
            if grp is not None:
                for a in grp:
                    out.append(Mention(s, e, surface, a, "coref"))
                continue
            if "@only_group" in types:
                continue
            # no group: a body that stands for them ("the senators" = the group of senators),
            # never one person
            types = {t for t in types if not isinstance(t, str) and t is not T.PERSON}
        first = at_start(s)
        act = _resolve_history(subjects, types) if first else None
        if act is None and T.PRODUCT in types:
            # "the chatbot", "l'application": a product before its maker
            act = _resolve_history(history[-12:], {T.PRODUCT})
        act = act or _resolve_history(history, types)
        mc = doc.main_country
        if (
            act is not None
            and types == {T.GOVERNMENT, T.COUNTRY}
            and mc is not None
            and (act.country or "") != mc.country
            and country_freq.get(mc.country or mc.id, 0) > 2 * country_freq.get(act.country or act.id, 0)
        ):
            # "the government" in an article about China that mentions the US once: China's
            act = None
        if act is not None and act.role == "cabinet" and act.country and types == {T.GOVERNMENT, T.COUNTRY}:
            # "Japan's cabinet met ... The government will": the government, not the cabinet
            act = gaz.country.get(act.country) or act
        if act is not None and act.type is T.COUNTRY and types == {T.GOVERNMENT, T.COUNTRY}:
            # "the government", "le gouvernement" of a country the text named: its government
            act = Actor.make(f"Government of {act.name}", "Government", None, (), act.country, "government")
        if act is None and T.GOVERNMENT in types and T.COMPANY not in types and doc.main_country is not None:
            c = doc.main_country
            act = Actor.make(f"Government of {c.name}", "Government", None, (), c.country, "government")
        if act is not None:
            out.append(Mention(s, e, surface, act, "coref"))
            history.append(act)
            if first:
                subjects.append(act)
    out.sort(key=lambda m: m.start)
    return out


# ---------------------------------------------------------------------------------------------
# role filling

_COORD = re.compile(
    r"^(?=.*[,(&]|.*\b(?:et|and|ou|or|ainsi|as\s+well)\b)[\s,;()]*(?:(?:et|and|&|ou|or|ainsi\s+que|"
    r"as\s+well\s+as)[\s,]*)?"
    r"(?:(?:l['’]|la\s+|le\s+|les\s+|the\s+|à\s+|a\s+|au\s+|aux\s+|contre\s+|against\s+|"
    r"de\s+|d['’]|des\s+|du\s+|sur\s+|on\s+|to\s+|into\s+)\s*)?"
    # "et à une autre société d'IA appelée Zuno", "and another AI company called Zorn"
    r"(?:(?:une?\s+|an?\s+)?(?:autre\s+|other\s+|another\s+)?(?:AI\s+|IA\s+)?(?:startup|start-up|company|firm|"
    r"société|"
    r"entreprise|groupe|group|application|app)\s+(?:d['’](?:IA|intelligence\s+artificielle)\s+)?"
    r"(?:appelée?\s+|called\s+|named\s+|nommée?\s+|baptisée?\s+)?)?"
    r"(?:(?:AI|IA|startup|start-up|company|firm|société|entreprise)\s+){0,2}"
    # "OpenAI and its chief executive Sam Altman", "X et ses cofondateurs A et B"
    r"(?:(?:its|their|ses|son|sa|leurs?)\s+(?:[\w-]+\s+){0,2}?(?:CEO|chief\s+executive|co-?founders?|"
    r"cofondat(?:eur|rice)s?|fondat(?:eur|rice)s?|founders?|dirigeants?|patron|boss|executives?|"
    r"directeurs?(?:\s+général)?|président(?:-directeur\s+général)?|chairman|owner|propriétaire)\s*,?\s*)?"
    r"[\s()]*$",
    re.I,
)
ACTOR_TYPES_COMPLIED_WITH = {
    T.REGULATOR,
    T.GOVERNMENT,
    T.COUNTRY,
    T.COURT,
    T.LEGISLATURE,
    T.PERSON,
    T.ORGANIZATION,
}
_LIST_INTRO = re.compile(
    r"\b(?:companies|firms|startups|start-ups|developers|platforms|apps|outlets|publishers|"
    r"newspapers|groups|organi[sz]ations|entreprises|sociétés|plateformes|médias|"
    r"éditeurs)\s*$",
    re.I,
)
_ITS_USE = re.compile(
    r"\s*(?:l['’](?:usage|utilisation|accès)\s+(?:à|de)\s+)?(?:son|sa|ses|leur|leurs|its|"
    r"their)\s+"
    r"(?:usage|utilisation|accès|use|access|application|app|service|téléchargement|"
    r"download)",
    re.I,
)
_SUIT_SPEAKS = re.compile(
    r"\b(?:[Tt]he|[Tt]his|[Tt]heir|[Ii]ts|[Ll]a|[Ll]e|[Cc]ette|[Ll]eur|[Ss]a|[Ss]on|"
    r"[Ll]['’])\s*"
    r"(?:(?:class[- ]action|copyright|federal|civil|amended)\s+)?(?:lawsuit|suit|complaint|"
    r"filing|petition|"
    r"plainte|assignation|requête|poursuite|recours|action\s+en\s+justice|"
    # the parties who brought it: "The plaintiffs argue", "Les plaignants estiment"
    r"plaintiffs|complainants|petitioners|plaignant(?:e)?s|requérant(?:e)?s|"
    r"demandeurs)\b[^.;«“\"]{0,40}$"
)
_LETTER_SPEAKS = re.compile(
    r"\b(?:[Tt]he|[Tt]his|[Tt]heir|[Ll]a|[Cc]ette|[Ll]eur)\s+(?:(?:open|"
    r"joint)\s+)?(?:letter|lettre|"
    r"missive|courrier)\b[^.;«“\"]{0,40}$"
)
# "Laura Roe, la ministre britannique en charge de ..., affirme", "Jane Roe, expert en droit
# numérique à l'université de X, a expliqué": a person, then her role
_ROLE_APPOSITION = re.compile(
    r",\s*(?:(?:the|a|an|l['’]|la|le|un|une)\s+)?(?:[\w'’-]+\s+){0,2}?(?:expert\w*|professeur\w*|professor|"
    r"analyst\w*|lawyer|"
    r"avocat\w*|directeur|directrice|director|ministre|minister|secretary|secrétaire|chef|cheffe|head|president|"
    r"présidente?|porte-parole|spokes\w+|fondat\w+|founder|co-founder|CEO|PDG|chercheu\w+|researcher|juriste|"
    r"commissaire|commissioner|député\w*|sénat\w+|senator|conseill\w+|adviser|advisor|responsable|dirigeant\w*|"
    r"chair\w*|ranking\s+member|member|membre|governor|gouverneur\w*|mayor|maire|judge|juge|attorney)"
    r"\b[^,«»“”\"]{0,120},\s*(?:(?:a|avait|has|had|also|aussi|également)\s+)?$",
    re.I,
)
# between a name and its apposition: a party and state tag or a parenthesis ("Mark Roe, D-Va.,")
_PARTY_TAG = re.compile(r"\s{0,2}|(?:,\s*(?:[DRI]|Dem|Rep|Ind)-[A-Z][\w.]*(?:\s*\d+)?|\s*\([^()]{1,25}\))\s*")
_LAW_THAT = re.compile(r"\s*,?\s*(?:that|which|qui|to|pour|visant\s+à|afin\s+de)\s+(?:would\s+|will\s+)?", re.I)
# ", the main US consumer watchdog, " / ", l'équivalent de la CNIL en France, " right before the verb
_APPOSITION = re.compile(
    r",\s+(?:the|a|an|its|one\s+of|l['’]un\w*\s+d|l['’]|le|la|les|un|une|son|sa|qui|who|"
    r"which|"
    r"surnommée?s?|dite?s?|known\s+as|nicknamed|connue?s?\s+(?:sous|"
    r"comme))\b[^,;()]{2,90},\s*"
    r"(?:(?:has|have|had|a|ont|avait|also|aussi|also|[a-zé]+ly|[a-zé]+ment)\s+){0,2}$",
    re.I,
)
_CLAUSE_BREAK = re.compile(
    r"[;]|\s[–—]\s|,\s+(?:but|mais|while|alors|tandis|which|who|qui|où|after|après|before|"
    r"avant|because|car)\b",
    re.I,
)


# a news organisation is a source, not an actor -- except as a party to a lawsuit
_MEDIA_PARTY = {E.SUED, E.SETTLED}


def _ok_actor(m: Mention, etype: E | None = None) -> bool:
    return m.actor.role != _MEDIA_ROLE or etype in _MEDIA_PARTY


# not the subject: a part of the named body ("one body of the US government") or a mention in
# a comparison adjunct (", following the European Union (EU), to enact")
_NOT_SUBJECT = re.compile(
    r"(?:\b(?:body|bodies|branch|branches|arm|unit|division|agency|agencies|department|departments|"
    r"organe|organes|branche|service|services)\s+(?:of|de|du|des|d['’])\s*(?:the\s+|la\s+|l['’])?|"
    r"(?:^|,)\s*(?:following|like|unlike|after|such\s+as|including|comme|à\s+l['’]instar\s+d[eu]|après|suivant|"
    r"notamment|contrairement\s+(?:à|au))\s+(?:the\s+|la\s+|le\s+|l['’]|les\s+)?)$",
    re.I,
)


def _subject_ok(sent: str, ms: list[Mention], i: int, etype: E | None = None) -> bool:
    m = ms[i]
    if not _ok_actor(m, etype):
        return False
    start = m.start
    # "the European Union (EU)": the parenthesised short name stands where the full name stands
    if i > 0 and ms[i - 1].actor.id == m.actor.id and re.match(r"^\s*\(\s*$", sent[ms[i - 1].end : m.start]):
        start = ms[i - 1].start
    return not _NOT_SUBJECT.search(sent, max(0, start - 40), start)


def _extend(
    ms: list[Mention], idx: int, body: str, direction: int, types: set, etype: E | None = None
) -> list[Mention]:
    """Extend a role from ms[idx] over coordinated mentions (X et Y, X, Y and Z); a news
    organisation joins only the roles it can hold (``etype``: a party to a suit)."""
    group = [ms[idx]]
    last = ms[idx]  # the last mention passed, kept or not
    j = idx + direction
    while 0 <= j < len(ms):
        a, b = (ms[j], last) if direction < 0 else (last, ms[j])
        gap = body[a.end : b.start]
        same = (a.start, a.end) == (b.start, b.end)  # one plural description naming a group
        if ms[j].actor.id == last.actor.id and re.fullmatch(r"[\s()]*", gap):
            # "Apple AAPL.O et Google", "Alphabet (Google)": one party named twice
            last = ms[j]
            j += direction
            continue
        if (
            (not same and not _COORD.match(gap) and not _INCLUDING.fullmatch(gap))
            or ms[j].actor.type not in types
            or not _ok_actor(ms[j], etype)
        ):
            break
        if direction < 0 and not same and _PLACE_PREP.search(body, max(0, ms[j].start - 12), ms[j].start):
            break  # "Dans des messages sur X, OpenAI déplore": a place or medium, not a co-subject
        if direction < 0 and len(group) == 1 and re.fullmatch(r"\s*,\s*", gap):
            break  # "the attorney general of Texas, Ken Paxton, said": an apposition, not a list
        group.append(ms[j])
        last = ms[j]
        j += direction
    return group


_PLACE_PREP = re.compile(r"\b(?:sur|on|in|dans|via|from|depuis|en)\s+(?:the\s+|le\s+|la\s+|l['’])?$")

# "The Writers Union and 12 novelists, including Jane Roe, ...": the members listed after
# "including" act with the group named before them
_INCLUDING = re.compile(
    r"\s*,?\s*(?:(?:and|et)\s+)?(?:\d+|[a-z]+)?\s*(?:[a-zé]+s\s*)?,?\s*"
    r"(?:including|among\s+them|notamment|dont|parmi\s+lesquels|parmi\s+eux)\s+",
    re.I,
)
_MODIFIER_GAP = re.compile(r"(?:[\s-]+(?:[a-z][\w-]*|AI|A\.I\.|IA|tech))*\s+")


def _place_modifier(sent: str, ms: list[Mention], i: int) -> bool:
    """A place that only qualifies the next name: "U.S. artificial intelligence-powered search
    engine Perplexity", "la start-up chinoise" is not a party; the name after it is."""
    m = ms[i]
    if m.actor.type is not T.COUNTRY and m.actor.role != "us_state":
        return False
    nxt = ms[i + 1] if i + 1 < len(ms) else None
    return (
        nxt is not None
        and nxt.actor.type in (T.COMPANY, T.PRODUCT)
        and _MODIFIER_GAP.fullmatch(sent, m.end, nxt.start) is not None
    )


_FORUM = re.compile(
    r"(?:\bauprès\s+(?:de\s+la|de\s+l['’]|du|des|de)|\b(?:with|before)\s+(?:the|a|an)?)\s*"
    r"(?:(?!(?:against|contre|visant|over|to)\b)[\w'’-]+\s+){0,4}$",
    re.I,
)


def _forum(sent: str, m: Mention) -> bool:
    """A body a complaint is lodged with is not its target: "une plainte auprès de la CNIL
    contre Meta", "a complaint with the Austrian authority against OpenAI"."""
    return _FORUM.search(sent, max(0, m.start - 60), m.start) is not None


def _uniq(acts: list[Actor]) -> list[Actor]:
    seen, out = set(), []
    for a in acts:
        if a.id not in seen:
            seen.add(a.id)
            out.append(a)
    return out


_AMOUNT = re.compile(
    r"(?:[$€£]\s?\d[\d.,]*\s*(?:millions?|billions?|milliards?|m|bn)?|"
    r"\d[\d.,\s]*\s*(?:millions?|milliards?|billions?)?\s*(?:d['’])?\s*(?:euros?|dollars?|€|\$|pounds?|"
    r"livres))",
    re.I,
)


@dataclass
class _Cand:
    type: E
    actors: list[Actor]
    targets: list[Actor]
    sent: tuple[int, int]
    trig: tuple[int, int]
    modality: Modality = Modality.ASSERTED
    quote: str | None = None
    detail: str | None = None
    confidence: float = 0.8
    date: str | None = None
    date_text: str | None = None
    quoted: bool = False  # the trigger is inside a direct quotation
    rule: str | None = None  # the id of the trigger rule


_LAW_CONTENT = re.compile(
    r"\b(?:bills?|legislation|laws?|measures?|proposals?|amendments?|resolutions?|motions?|projets?\s+de\s+loi|"
    r"propositions?\s+de\s+loi|textes?|amendements?)\s+(?:(?:that|which)\s+would\s+|(?:qui|visant\s+à|pour)\s+|"
    r"to\s+)"
    r"(?:\w+\s+){0,2}$",
    re.I,
)


_INVERTED_IF = re.compile(
    r"(?:^|[.;:!?]\s+)(?:Had|Were|Should)\s+(?:the\s+|a\s+|an\s+|its\s+|his\s+|her\s+)?"
    r"[\w'’.-]+(?:\s+[A-Z][\w'’.-]*){0,3}\s+(?:\w+\s+){0,2}$"
)


def _modality(sent_text: str, ts: int, te: int, trig: Trigger) -> tuple[str, str]:
    """('hypothetical'|'negated'|'planned'|'asserted', cue) from the clause before the trigger."""
    left = sent_text[max(0, ts - 60) : ts]
    # only the current clause
    cut = max(left.rfind(","), left.rfind(";"), left.rfind("«"), left.rfind("“"))
    clause = left[cut + 1 :] if cut >= 0 else left
    tword = sent_text[ts:te]
    near = clause[-35:]
    if trig.type is not E.CRIMINALISED or "passible" not in tword:
        m = HYPOTHETICAL.search(near + " " + tword)
        if m:
            return "hypothetical", m.group(0)
    m = _LAW_CONTENT.search(near)
    if m and trig.type is not E.REGULATED:
        # "introduced legislation to ban DeepSeek", "un projet de loi visant à interdire": what a
        # bill would do is its content, not an act (the bill itself is coded REGULATED)
        return "hypothetical", m.group(0)
    if re.search(r"\b(?:pourrai(?:en)?t|aurai(?:en)?t)\b", tword, re.I):
        return "hypothetical", tword
    m = _INVERTED_IF.search(clause)
    if m:
        # "Had the governor signed the bill, ...": an inverted condition, a thing that did not happen
        return "hypothetical", m.group(0)
    m = NEGATION.search(clause[-25:] + ("" if trig.negative else " " + tword))
    if m and not (
        m.group(0).lower() in ("ne", "n'", "n’")
        and not re.search(
            r"\b(?:pas|jamais|plus|"
            r"aucun)\b",
            sent_text[ts : te + 25],
        )
    ):
        if m.group(0).lower() != "sans":
            return "negated", m.group(0)
    if trig.planned or PLANNED.search(clause[-45:]):
        # (the trigger matched the body with its dates blanked out: the real words may not match
        # it again -- "a présenté ce jeudi 3 avril un projet de loi")
        cue = PLANNED.search(clause[-45:]) or trig.rx.search(tword)
        return "planned", cue.group(0) if cue else tword
    if re.search(r"(?:erait|eraient)\b", tword):
        return "planned", tword
    if trig.type is not E.STATED:
        m = _REPORTED.search(sent_text[:ts])
        if m:
            return "reported", m.group(0)
    return "asserted", ""


_ALREADY = re.compile(r"\b(?:déjà|already)\b", re.I)
_RECENT = re.compile(
    r"\b(?:has|have)\s+(?:now\s+|also\s+|formally\s+|officially\s+)?[a-z]+ed\b|"
    r"\bvien(?:t|nent)\s+d['’e]|\b(?:a|ont)\s+(?:[a-zé]+ment\s+|aussi\s+|également\s+)?"
    r"[a-zéèê]+(?:é|i|is|it|u|ert)e?s?\b",
    re.I,
)


def _lead_day(date: str | None, report: str | None) -> bool:
    """``date`` is a day 1 to 7 days before the report's day."""
    if not date or not report or len(date) != 10 or len(report) < 10:
        return False
    try:
        gap = (dt.date.fromisoformat(report[:10]) - dt.date.fromisoformat(date)).days
    except ValueError:
        return False
    return 1 <= gap <= 7


# a trigger in the present tense of news: an English third person "-s" or a French present
_PRESENT = re.compile(
    r"\b(?:[a-z]+(?<![aeiou]s)(?<!ss)s|annonce|annoncent|demande|demandent|lance|lancent|dépose|"
    r"déposent|exige|exigent|réclame|réclament|interdit|interdisent|ouvre|ouvrent|saisit|"
    r"porte|portent|publie|publient|présente|présentent|adopte|adoptent|suspend|suspendent|"
    r"bloque|bloquent|sanctionne|sanctionnent|appelle|appellent|poursuit|poursuivent)\b"
)
_BACKGROUND = re.compile(
    r"\b(?:had|avait|avaient|previously|earlier|last\s+(?:year|month)|in\s+(?:19|20)\d\d|"
    r"en\s+(?:19|20)\d\d|l['’]an\s+dernier|l['’]année\s+dernière|since|depuis)\b",
    re.I,
)

# "Starmer a déclaré que X s'efforçait de se conformer", "the minister said that X complied":
# an act told inside someone's reported speech is what they say, not what the paper asserts.
_REPORTED = re.compile(
    r"\b(?:a|ont|avait|avaient)\s+(?:déclaré|affirmé|indiqué|dit|assuré|estimé|expliqué|soutenu)"
    r"\b[^.;«»“”\"]{0,80}?\b(?:que|qu['’])[^.;«»“”\"]*$"
    r"|\b(?:said|says|told\s+\w+|claimed|claims|stated|insisted)\s+(?:on\s+\w+\s+)?that\b[^.;“”\"]*$",
    re.I,
)


_QUOTE_RX = re.compile(
    r"«\s*(?P<a>[^»]{3,})\s*»|“(?P<b>[^”]{3,})”|\"(?P<c>[^\"]{3,})\"|“(?P<d>[^”\"]{3,})\"|"
    r"\"(?P<e>[^\"“”]{3,})”|“(?P<f>[^”]{3,})''|(?P<g>^[^“”\"]{3,})”"
)


def _quotes(text: str) -> list[tuple[int, int, str]]:
    out = []
    for m in _QUOTE_RX.finditer(text):
        for k in "abcdefg":
            if m.group(k):
                q = m.group(k).strip().rstrip(",").strip()
                out.append((m.start(k), m.end(k), q))
                break
    return out


def _past_if_done(d: DateMention, anchor: dt.date | None, modality: str) -> str | None:
    """A month or day named without its year is inferred near the dateline, possibly just after
    it (a deadline); an act told as done cannot be after the dateline: it is last year's
    ("Début février, le ministère a interdit…" in a January article)."""
    if (
        modality != "asserted"
        or anchor is None
        or not d.value
        or re.search(r"\b\d{4}\b", d.text)
        or d.kind not in ("month_only", "mdy", "dmy")
    ):
        return d.value
    try:
        start, _ = date_bounds(d.value)
    except ValueError:
        return d.value
    if start <= anchor + dt.timedelta(days=3):
        return d.value  # a few days after the dateline: a time zone, an article dated the eve
    if len(d.value) == 10 and _WEEKDAY_RX.search(d.text):
        return d.value  # "Mercredi 29 octobre": the weekday fixed the year
    return f"{int(d.value[:4]) - 1:04d}{d.value[4:]}" if d.value[5:] != "02-29" else d.value


_WEEKDAY_RX = re.compile(
    r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|lundi|mardi|mercredi|"
    r"jeudi|vendredi|samedi|dimanche)\b",
    re.I,
)


def _pick_date(dates: list[DateMention], sent: str, ts: int, te: int, modality: str) -> DateMention | None:
    best, bd = None, None
    for d in dates:
        before = sent[max(0, d.start - 30) : d.start]
        future = bool(FUTURE_DATE_CONTEXT.search(before))
        if future and modality != "planned":
            continue
        if re.match(r"\s*(?:ans|years|millions?|milliards?)", sent[d.end : d.end + 12]):
            continue
        dist = d.start - te if d.start >= te else max(0, ts - d.end)
        if modality == "planned" and future:
            dist -= 1000
        if bd is None or dist < bd:
            best, bd = d, dist
    return best


# each trigger's index in the prefilter (id: two triggers may be equal as values)
_TRIGGER_SCAN = {id(t): PREFILTER.add(t.rx) for t in TRIGGERS}


# "announced the ban", "a annoncé la convocation": the speech verb's object is an event noun
_NOUN_OBJECT = re.compile(r"\s*(?:the|a|an|its|his|her|their|la|le|les|une?|son|sa|ses|leur|l['’])\s", re.I)
# what may stand before a date and goes with it: "on Monday", "le 3 mars", "en mars 2024",
# "début avril", "earlier this month"
# (not English prepositions: "announced the ban on Tuesday" must keep its "on", which tells the
# noun from the verb; English triggers read "on Tuesday" through their {A} slot)
_DATE_LEAD = re.compile(
    r"(?:\b(?:early|late|mid|this|last|next|"
    r"le|en|ce|cette|depuis|dès|début|fin|mi|courant|au\s+mois\s+de|au\s+début\s+de|"
    r"à\s+la\s+fin\s+de)[\s-]+)+$",
    re.I,
)
_PAREN = re.compile(r"\s\([^()\n\"«»“”]{1,60}\)")


def mask_fillers(body: str, dates) -> str:
    """``body`` with its date expressions (and the preposition leading them) and its short
    parentheticals blanked out, offsets unchanged: what trigger patterns read, so that "a
    ouvert en mars une enquête approfondie" reads as "a ouvert une enquête approfondie".

    >>> import datetime
    >>> from loaders.dates import find_dates
    >>> b = "La CNIL a ouvert, le 3 mars, une enquête (formelle) sur Meta."
    >>> m = mask_fillers(b, find_dates(b, datetime.date(2025, 6, 4)))
    >>> len(m) == len(b), " ".join(m.split())
    (True, 'La CNIL a ouvert une enquête sur Meta.')
    """
    chars = None
    spans = []
    for d in dates:
        s, e = d.start, d.end
        kept = re.match(r"(?:on|in|at|by|since|from|during)\s+", body[s:e], re.I)
        if kept and re.match(r"\s*(?:[,.;:)]|$)", body[e : e + 3]):
            # "announced the ban on Tuesday, ...": the preposition stays, it tells the noun
            # "ban" from the verb; "opened on Thursday a formal investigation" loses it all
            s += kept.end()
        lead = _DATE_LEAD.search(body, max(0, s - 40), s)
        if lead is not None:
            s = lead.start()
        # ", le 3 mars," between commas: the commas go with it
        if body[max(0, s - 2) : s] == ", " and body[e : e + 1] == ",":
            s, e = s - 2, e + 1
        spans.append((s, e))
    spans.extend(m.span() for m in _PAREN.finditer(body))
    for s, e in spans:
        if chars is None:
            chars = list(body)
        for i in range(s, e):
            if chars[i] != "\n":
                chars[i] = " "
    return body if chars is None else "".join(chars)


_OWN_RESTRICTION = re.compile(
    r"\b(?:(?:has|have|had)\s+)?(?:paused|suspended|stopped|halted|ceased|changed|updated|modified|removed|"
    r"disabled|"
    r"withdrawn|withdrew|limited|restricted|blocklisted|blocked|deleted)\b|"
    r"\b(?:(?:a|ont|avait|avaient)\s+)?(?:\w+ment\s+)?(?:suspendu|cessé|arrêté|modifié|retiré|limité|bloqué|"
    r"mis\s+en\s+pause|"
    r"désactivé|mis\s+fin|supprimé|changé)\b",
    re.I,
)
_IN_RESPONSE = re.compile(
    r"\b(?:after|following|in\s+response\s+to|at\s+the\s+request\s+of|"
    r"under\s+pressure\s+from|"
    r"à\s+la\s+demande\s+d[eu]|suite\s+(?:à|aux?)|après|en\s+réponse\s+(?:à|aux?)|"
    r"sous\s+la\s+pression\s+d[eu])\b",
    re.I,
)


def _complied_in_response(sent: str, ms: list[Mention]) -> "_Cand | None":
    """A company restricting its own product or practice in answer to a body: COMPLIED with
    that body ("X has paused Y after engaging with the regulator"). The company is the
    sentence's subject (before the verb), the body the first authority named after the cue."""
    rv = _OWN_RESTRICTION.search(sent)
    if rv is None:
        return None
    cue = _IN_RESPONSE.search(sent, rv.end())
    if cue is None or cue.start() - rv.end() > 160:
        return None
    subj = [m for m in ms if m.end <= rv.start() and m.actor.type in (T.COMPANY, T.ORGANIZATION)]
    body = [
        m
        for m in ms
        if m.start >= cue.end() and m.start - cue.end() <= 80 and m.actor.type in ACTOR_TYPES_COMPLIED_WITH
    ]
    if not subj or not body or subj[0].actor.id == body[0].actor.id:
        return None
    return _Cand(
        E.COMPLIED,
        [subj[0].actor],
        [body[0].actor],
        (0, 0),
        (cue.start(), cue.end()),
        confidence=0.6,
        rule="COMPLIED.discourse.in-response",
    )


def _find_events(doc: _Doc, sents: list[tuple[int, int]]) -> tuple[list[_Cand], list[Rejected]]:
    body = doc.body
    cands: list[_Cand] = []
    rejected: list[Rejected] = []
    langs = {doc.lang} if doc.lang in ("fr", "en") else {"fr", "en"}
    triggers = [t for t in TRIGGERS if t.lang in langs]
    ms_all = doc.mentions
    mi = 0
    first_para_end = body.find("\n\n") if "\n\n" in body else len(body)
    prev_stated: _Cand | None = None
    last_stated: _Cand | None = None
    prev_sent_date: str | None = None
    # the day the lead's own act happened, when the lead dates it ("on Tuesday", "hier") a few
    # days before the report: the undated statements that follow were made then
    lead_date: str | None = None
    # one pass over the body per trigger / for dates, then bucketed by sentence; the plan only
    # scans the sentences that can hold a match (the same matches as a scan of the whole body)
    scan = doc.scan if doc.scan is not None else PREFILTER.plan(body, [se for _, se in sents])
    all_dates = find_dates(body, doc.anchor, scan)
    date_starts = [d.start for d in all_dates]
    lowered = body.lower()
    triggers = [t for t in triggers if t.may_fire(lowered)]
    # triggers read the body with its dates and short parentheticals blanked out ("a ouvert
    # en mars une enquête", "Authority (ANPD) has decided"): same offsets, so every hit
    # points into the real sentence
    tbody = mask_fillers(body, all_dates)
    tscan = scan if tbody == body else PREFILTER.plan(tbody, [se for _, se in sents])
    # the hits of each sentence, in trigger order then text order
    sent_hits: list[list[tuple[int, int, Trigger]]] = [[] for _ in sents]
    starts = [ss for ss, _ in sents]
    for trig in triggers:
        idx = _TRIGGER_SCAN[id(trig)]
        if trig.rx.pattern.startswith("^"):  # anchored at the start of the sentence
            for si, (ss, se) in enumerate(sents):
                if tscan.may_match(idx, ss, se):
                    sent_hits[si].extend((m.start(), m.end(), trig) for m in trig.rx.finditer(tbody[ss:se]))
            continue
        for m in tscan.finditer(idx):
            a, b = m.span()
            si = bisect.bisect_right(starts, a) - 1
            if si >= 0 and b <= sents[si][1]:  # (a hit across two sentences is no hit)
                sent_hits[si].append((a - starts[si], b - starts[si], trig))
    history: list[Actor] = []
    for si, (ss, se) in enumerate(sents):
        if not si % 64:
            doc.check_budget()
        sent = body[ss:se]
        while mi < len(ms_all) and ms_all[mi].start < ss:
            history.append(ms_all[mi].actor)
            mi += 1
        ms = []
        for m in ms_all[mi:]:
            if m.start >= se:
                break
            if m.end <= se:
                ms.append(m)
        lo, hi = bisect.bisect_left(date_starts, ss), bisect.bisect_left(date_starts, se)
        dates = [
            DateMention(d.start - ss, d.end - ss, d.text, d.value, d.kind) for d in all_dates[lo:hi] if d.end <= se
        ]
        quotes = _quotes(sent)

        def in_quote(pos: int, quotes=quotes) -> bool:
            return any(a <= pos < b for a, b, _ in quotes)

        hits = [
            h
            for h in sent_hits[si]
            if not (in_quote(h[0]) and h[2].type in (E.STATED, E.DEMANDED, E.ANNOUNCED, E.ALLOWED))
        ]
        hits.sort(key=lambda h: (h[0], -(h[1] - h[0])))
        # one event type per trigger span; drop a hit overlapping an earlier longer hit of a
        # different type (announced an investigation -> INVESTIGATED only)
        chosen: list[tuple[int, int, Trigger]] = []
        has_quote = bool(quotes)
        hits.sort(key=lambda h: (h[0], -(h[1] - h[0]), 0 if (h[2].type is E.STATED) == has_quote else 1))
        for h in hits:
            if any(h[0] < c[1] and c[0] < h[1] for c in chosen):
                continue
            chosen.append(h)
        sent_cands: list[_Cand] = []
        continuing = False
        local = [Mention(m.start - ss, m.end - ss, m.surface, m.actor, m.how) for m in ms if m.how != "mod"]
        for ts, te, trig in chosen:
            gm = _group_subject(sent, ts, te, trig, local)
            if gm is not None:
                # "a coalition of 12 U.S. states wrote": the group acts, not the
                # country named inside its description
                inner = [m for m in local if not (m.start >= gm.start and m.end <= gm.end)]
                roles = sorted(inner + [gm], key=lambda m: m.start)
            else:
                roles = _fit_pronouns(doc, local, ss, ts, trig)
            c = _code_trigger(doc, sent, roles, ts, te, trig, quotes, history, prev_stated)
            if isinstance(c, Rejected) and c.reason is RejectReason.NO_ACTOR:
                # "Les parents d'un adolescent ont porté plainte", "Two Texas mothers sued": the
                # subject is a group the text describes, not names
                dm = _described_subject(sent, ts, te, trig, local)
                if dm is not None:
                    c2 = _code_trigger(
                        doc,
                        sent,
                        sorted(local + [dm], key=lambda m: m.start),
                        ts,
                        te,
                        trig,
                        quotes,
                        history,
                        prev_stated,
                    )
                    if c2 is not None and not isinstance(c2, Rejected):
                        c = c2
            if c is None:
                continue
            if isinstance(c, Rejected):
                rejected.append(Rejected(c.reason, sent, c.detail))
                continue
            c.sent = (ss, se)
            c.rule = trig.id
            c.quoted = in_quote(ts)
            mod, cue = _modality(sent, ts, te, trig)
            if trig.type is E.STATED and mod != "negated":
                mod = "asserted"
            if mod in ("hypothetical", "negated"):
                rejected.append(
                    Rejected(RejectReason.THREAT_OR_POSSIBILITY, sent, f"{trig.type.value} {mod} ({cue!r})")
                )
                continue
            c.modality = Modality(mod)
            tq = in_quote(ts)
            usable = [x for x in dates if tq or not in_quote(x.start)]
            d = _pick_date(usable, sent, ts, te, mod)
            if d is not None:
                c.date, c.date_text = _past_if_done(d, doc.anchor, mod), d.text
                if (
                    lead_date is None
                    and (ss < first_para_end or si == 0)
                    and mod == "asserted"
                    and _lead_day(c.date, doc.report_date)
                ):
                    lead_date = c.date
            elif re.search(r"\b(?:same\s+day|même\s+jour)\b", sent, re.I) and prev_sent_date:
                c.date, c.date_text = prev_sent_date, re.search(r"(?:same\s+day|même\s+jour)", sent, re.I).group(0)
            elif ss < first_para_end or si == 0:
                if doc.report_date and mod == "asserted":
                    c.date, c.date_text = lead_date or doc.report_date, None
            elif (
                mod == "asserted"
                and doc.report_date
                and trig.type is not E.STATED
                and (already := _ALREADY.search(sent))
            ):
                # "ont déjà bloqué", "have already banned": done by the reporting date; the
                # month is the precision the text supports (the contract's own example)
                c.date, c.date_text = doc.report_date[:7], already.group(0)
            elif (
                mod == "asserted"
                and doc.report_date
                and trig.type is not E.STATED
                and _RECENT.search(sent, max(0, ts - 25), te)
                and not _BACKGROUND.search(sent)
            ):
                # "has banned", "vient d'interdire": the present perfect of news tells what has
                # just happened, on the reporting date
                c.date, c.date_text = doc.report_date, None
            elif (
                trig.type is E.STATED
                and doc.report_date
                and not re.search(
                    r"\b(?:had|avait|avaient|previously|earlier|plus\s+t[ôo]t|"
                    r"auparavant)\b",
                    sent[max(0, ts - 40) : te + 20],
                    re.I,
                )
            ):
                # news convention (and the gold's): a statement reported without a date was
                # made on the reporting date -- or on the day of the act the lead dates
                c.date, c.date_text = lead_date or doc.report_date, None
            elif (
                mod == "asserted"
                and doc.report_date
                and _PRESENT.search(sent, max(0, ts - 3), te + 3)
                and not _BACKGROUND.search(sent)
            ):
                # "annonce", "demande", "announces", "launches": the news present tells what
                # happens on the reporting date
                c.date, c.date_text = lead_date or doc.report_date, None
            if c.type is E.FINED:
                am = _AMOUNT.search(sent, te) or _AMOUNT.search(sent)
                if am:
                    c.detail = am.group(0).strip()
            sent_cands.append(c)
        # "les associations ont annoncé porter plainte", "the FTC said it had opened an
        # investigation": the announcement or statement reports the event told in its
        # complement, by the same actor; the event is what is coded
        told = [c for c in sent_cands if c.type not in (E.STATED, E.ANNOUNCED)]
        if told:
            keep = []
            for c in sent_cands:
                ids = {a.id for a in c.actors}
                if (
                    c.type in (E.STATED, E.ANNOUNCED)
                    and c.quote is None
                    and any(
                        o.trig[0] >= c.trig[1]
                        and ids & {a.id for a in o.actors}
                        and o.modality is Modality.ASSERTED
                        and not _NOUN_OBJECT.match(sent, c.trig[1])
                        for o in told
                    )
                ):
                    rejected.append(
                        Rejected(RejectReason.DUPLICATE, sent, f"{c.type.value}: reports the event told after it")
                    )
                    continue
                keep.append(c)
            sent_cands = keep
        # "X fined Y, the authority said": a trailing speech verb without a quotation only
        # attributes the event told before it; it is not a statement of its own
        if len(sent_cands) > 1:
            firsts = [c.trig[0] for c in sent_cands if c.type is not E.STATED]
            if firsts:
                keep = []
                for c in sent_cands:
                    if (
                        c.type is E.STATED
                        and c.quote is None
                        and c.trig[0] > min(firsts)
                        and "," in sent[min(firsts) : c.trig[0]]
                        and not re.search(r"\b(?:et|and)\s*$", sent[: c.trig[0]])
                        and not re.match(
                            r"\s*(?:[\w-]+\s+){0,3}?(?:que|qu['’]|"
                            r"that)\b",
                            sent[c.trig[1] : c.trig[1] + 40],
                        )
                    ):
                        rejected.append(
                            Rejected(RejectReason.DUPLICATE, sent, "STATED: attribution of the event told before")
                        )
                        continue
                    keep.append(c)
                sent_cands = keep
        # "He continued, "…"", "…," they went on: the same statement goes on
        keep = []
        for c in sent_cands:
            if (
                c.type is E.STATED
                and last_stated is not None
                and c.actors == last_stated.actors
                and _CONTINUED.search(sent, c.trig[0], c.trig[1] + 1)
            ):
                rejected.append(Rejected(RejectReason.DUPLICATE, sent, "STATED: continues the previous statement"))
                continuing = True
                continue
            keep.append(c)
        sent_cands = keep
        # a sentence that is only a quotation continues the previous speaker's statement
        if (
            not sent_cands
            and prev_stated is not None
            and len(sent.split()) >= 6
            and re.match(r"^\s*[«“\"]", sent)
            and re.search(r"[»”\"]\s*$", sent)
        ):
            q = _quotes(sent)
            c = _Cand(
                E.STATED,
                list(prev_stated.actors),
                list(prev_stated.targets),
                (ss, se),
                (0, 0),
                quote=q[0][2] if q else sent.strip(' «»“”"'),
                confidence=0.6,
                date=prev_stated.date,
                rule="STATED.discourse.quote-goes-on",
            )
            sent_cands.append(c)
        # "the ban went into effect on Friday, January 24" dates the event it refers to
        # "the ban went into effect on Friday, January 24", "Cette décision, annoncée le 20
        # décembre": a sentence that only dates an event told before (named by a definite
        # event noun) dates that event, in place of the reporting date it fell back on
        own = [c for c in sent_cands if c.type is not E.STATED]
        eff = re.search(r"\b(?:went|came)\s+into\s+effect|\btook\s+effect|\bentr[ée]e?\s+en\s+vigueur", sent, re.I)
        ana = None if eff or own else _EVENT_ANAPHOR.search(sent)
        if (eff or ana) and dates and cands and not own:
            pos = (eff or ana).start()
            exact = [x for x in dates if len(x.value) == 10 and not in_quote(x.start)]
            if exact:
                d = min(exact, key=lambda x: abs(x.start - pos))
                noun = (eff or ana).group("noun") if ana else "ban"
                want = _ANAPHOR_TYPE.get(fold(noun).split()[0]) if ana else None
                for c in reversed(cands):
                    if c.type is E.STATED or c.modality is not Modality.ASSERTED:
                        continue
                    if want is not None and c.type is not want:
                        continue
                    if (
                        c.date is None
                        or c.date_text is None
                        or _within(d.value, c.date)
                        or (eff and len(c.date) != 10)
                    ):
                        c.date, c.date_text = d.value, d.text
                        for c2 in cands:  # the same event told earlier (a headline)
                            if (
                                c2 is not c
                                and c2.type is c.type
                                and c2.actors == c.actors
                                and c2.date_text is None
                                and c2.modality is Modality.ASSERTED
                            ):
                                c2.date, c2.date_text = d.value, d.text
                    break
        # "LinkedIn has paused training ... after engaging with the UK's regulator", "OpenAI a
        # suspendu ... à la demande de la famille": a company's own restriction made in answer
        # to a body complies with that body (beside the restriction itself)
        if not any(c.type is E.COMPLIED for c in sent_cands):
            comp = _complied_in_response(sent, local)
            if comp is not None:
                comp.sent = (ss, se)
                comp.modality = Modality.ASSERTED
                if doc.report_date and (ss < first_para_end or si == 0):
                    comp.date = doc.report_date
                sent_cands.append(comp)
        # a company "blocking access" to its own product restricts it; an authority that
        # "suspended the service" of a company blocks access to it
        for c in sent_cands:
            if c.type is E.BLOCKED_ACCESS and all(a.type is T.COMPANY for a in c.actors):
                c.type = E.RESTRICTED
            elif (
                c.type is E.RESTRICTED
                and c.actors
                and c.targets
                and all(a.type in (T.COUNTRY, T.REGULATOR, T.GOVERNMENT, T.COURT) for a in c.actors)
                and re.match(r"(?i)(?:suspen|block|bloqu|coup)", (sent[c.trig[0] : c.trig[1]].split() or [""])[-1])
            ):
                c.type = E.BLOCKED_ACCESS
        # a sentence with a quote and an ANNOUNCED speech act is a statement
        cands.extend(sent_cands)
        stated = [c for c in sent_cands if c.type is E.STATED]
        if stated:
            last_stated = stated[-1]
        prev_stated = stated[-1] if stated else (last_stated if continuing else None)
        if dates:
            prev_sent_date = dates[0].value
        for c in sent_cands:
            if c.type in (E.DEMANDED, E.INVESTIGATED, E.FINED, E.BANNED, E.BLOCKED_ACCESS, E.RESTRICTED):
                doc.demands.append(c)
            doc.last_event_actors = c.actors
            if c.type is E.SUED:
                doc.last_suit_actors = list(c.actors)
            elif c.type is E.DEMANDED:
                doc.last_letter_actors = list(c.actors)
            if c.targets:
                doc.last_event_targets = c.targets
        for m in ms:
            history.append(m.actor)
        mi += len(ms)
    return cands, rejected


_GROUP_HEADS = {
    T.PERSON: r"man|woman|mother|father|parents?|teenager|teen|student|lawyer|author|writer|artist|actor|actress|"
    r"musician|journalist|victim|plaintiff|resident|citizen|creator|consumer|widow|"
    r"homme|femme|mère|père|parents|adolescente?|étudiante?|avocate?|auteure?|autrice|écrivaine?|"
    r"artiste|comédienne?|journaliste|victime|plaignante?|habitante?|citoyenne?|créat(?:eur|rice)|veuve",
    T.ORGANIZATION: r"famil(?:y|ies)|familles?|groups?|coalition|associations?|unions?|NGOs?|publishers|"
    r"newspapers|"
    r"outlets|media|organi[sz]ations|campaigners|activists|advocates|authors|writers|artists|"
    r"actors|"
    r"musicians|journalists|victims|plaintiffs|residents|citizens|creators|mothers|fathers|"
    r"students|"
    r"teenagers|collectifs?|syndicats?|éditeurs|médias|journaux|ONG|militants|auteurs|écrivains|"
    r"artistes|comédiens|journalistes|victimes|plaignants|habitants|citoyens|créateurs|mères|"
    r"étudiants|adolescents|signataires|signatories",
    T.LEGISLATURE: r"lawmakers|legislators|MPs|senators|députés|sénateurs|élus|parlementaires|législateurs",
    T.GOVERNMENT: r"officials|authorities|agencies|prosecutors|autorités|procureurs|responsables|ministries|"
    r"ministères",
    T.REGULATOR: r"regulators|watchdogs|régulateurs",
    T.COURT: r"court|judge|tribunal|juge|cour",
}
_GROUP_RX = [(t, re.compile(r"(?i:\b(?:" + rx + r"))\b")) for t, rx in _GROUP_HEADS.items()]
_DESC_NP = re.compile(
    r"(?:^|(?<=[,;:(]\s)|(?<=\s[-–—]\s))\s*(?P<np>(?:[Tt]he|[Aa]n?|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]everal|"
    r"[Ss]ome|[Mm]any|[Dd]ozens\s+of|\d+|"
    r"[Ll]es|[Dd]es|[Uu]ne?|[Dd]eux|[Tt]rois|[Qq]uatre|[Pp]lusieurs|[Cc]ertain(?:e?s)?|[Dd]e\s+nombreu(?:x|"
    r"ses))\s+"
    r"[^,;:.!?«»“”\"()]{2,90}?)\s+(?:(?:have|has|had|also|recently|now|jointly|already|then|on\s+\w+day|"
    r"ont|a|avaient|avait|aussi|également|récemment|déjà|ensuite|lundi|mardi|mercredi|jeudi|vendredi|samedi|"
    r"dimanche|"
    r"ce\s+\w+|mardi\s+dernier)\s+)*$"
)


_PASSIVE_END = re.compile(r"\b(?:was|were|is|are|been|being|got|gets|a\s+été|ont\s+été|est|sont|fut|furent)$")
_BY_AFTER = re.compile(r"\s+(?:by|par)\b")


def _described_subject(sent: str, ts: int, te: int, trig: Trigger, ms: list[Mention]) -> Mention | None:
    """A subject the text describes ("Two Texas mothers", "Les parents d'un adolescent
    californien", "des auteurs québécois") before an active trigger: a determiner or a number,
    a head noun naming people or a body, a few words; typed by its head noun."""
    if trig.passive or trig.speaker_after or trig.type is E.STATED:
        return None
    m = _DESC_NP.search(sent[:ts])
    if m is None:
        return None
    a, b = m.span("np")
    np_ = sent[a:b]
    if _PASSIVE_END.search(np_) or _BY_AFTER.match(sent, te):
        return None  # "the lawyer was ordered to pay", "a list requested by the judge": the one acted on
    if (clitic := re.search(r"\s+(?:en|y)$", np_)) is not None:  # "Les comédiens en appellent"
        b -= len(clitic.group(0))
        np_ = sent[a:b]
    if len(np_.split()) > 9 or any(
        x.start < b and x.end > a and x.how not in ("coref", "pron") for x in ms if x.start >= a
    ):
        return None  # a name inside: the coder had its chance
    allowed = ACTOR_TYPES[trig.type]
    for t, rx in _GROUP_RX:
        hm = rx.search(np_)
        if hm and t in allowed and hm.start() < 40:
            bare = re.sub(r"^(?:[Tt]he|[Aa]n?|[Ll]es|[Dd]es|[Uu]ne?)\s+", "", np_)
            act = Actor.make(np_[:1].upper() + np_[1:], t.value, None, (np_, bare), role="described")
            return Mention(a, b, np_, act, "desc")
    return None


_GROUP_NP = re.compile(
    r"(?:^|(?<=[,;:]\s))\s*(?P<np>(?:[Aa]n?|[Tt]he|[Uu]ne?|[Ll]e|[Ll]a)\s+(?:[\w-]+\s+){0,2}?"
    r"(?P<head>coalition|group|groupe|collectif|alliance|consortium)\s+(?:of|de|d['’])\s*"
    r"(?:[^,;:.!?«»“”\"()]|(?<=\b[A-Z])\.){2,90}?)\s+(?:(?:have|has|had|also|recently|now|jointly|already|then|"
    r"on\s+\w+day|ont|a|avaient|avait|aussi|également|récemment|déjà|ensuite)\s+)*$"
)


def _group_subject(sent: str, ts: int, te: int, trig: Trigger, ms: list[Mention]) -> Mention | None:
    """A group the text describes by what it gathers ("A coalition of 12 U.S. state
    attorneys general", "un collectif de comédiens") as the subject of an active trigger, names
    inside it or not: the group is the actor, not a country or a member named in its description.
    In "A coalition of 12 U.S. states sued Zibbo." the actor is the Organization "A coalition of
    12 U.S. states" (alias "coalition of 12 U.S. states"), not the United States.
    """
    if trig.passive or trig.speaker_after or trig.type is E.STATED or _BY_AFTER.match(sent, te):
        return None
    m = _GROUP_NP.search(sent[:ts])
    if m is None or _PASSIVE_END.search(m.group("np")) or T.ORGANIZATION not in ACTOR_TYPES[trig.type]:
        return None
    a, b = m.span("np")
    if any(x.start < a < x.end or x.start < b < x.end or (x.start <= a + 4 and x.end >= b - 1) for x in ms):
        return None  # the description cuts a name in two, or is one already
    np_ = sent[a:b]
    from_head = sent[m.start("head") : b]
    allowed = ACTOR_TYPES[trig.type]
    # typed as _described_subject types it ("A group of senators" is a legislature's), so that both
    # paths make one entity of one description
    kind = next(
        (t for t, rx in _GROUP_RX if t in allowed and (hm := rx.search(np_)) and hm.start() < 40), T.ORGANIZATION
    )
    act = Actor.make(np_[:1].upper() + np_[1:], kind.value, None, (np_, from_head), role="described")
    return Mention(a, b, np_, act, "desc")


def _fit_pronouns(doc: _Doc, ms: list[Mention], ss: int, ts: int, trig: Trigger) -> list[Mention]:
    """The sentence's mentions, where a pronoun before an active trigger (its subject) stands
    for an actor the event type rules out, with the pronoun's next antecedent that fits: in
    "L'Autorité surveille Google. Google conteste. Jeudi, elle lui a imposé une amende" the "elle"
    resolved to the last subject (Google) is the authority that can fine."""
    if trig.passive or not doc.pron_alts:
        return ms
    allowed = ACTOR_TYPES[trig.type]
    out = ms
    for i, m in enumerate(ms):
        if m.how != "pron" or m.start >= ts or m.actor.type in allowed:
            continue
        alt = next((a for a in doc.pron_alts.get(m.start + ss, ()) if a.type in allowed), None)
        if alt is not None:
            if out is ms:
                out = list(ms)
            out[i] = Mention(m.start, m.end, m.surface, alt, "pron")
    return out


def _code_trigger(
    doc: _Doc,
    sent: str,
    ms: list[Mention],
    ts: int,
    te: int,
    trig: Trigger,
    quotes,
    history: list[Actor],
    prev_stated,
) -> _Cand | Rejected | None:
    etype = trig.type
    atypes, ttypes = ACTOR_TYPES[etype], TARGET_TYPES[etype]
    # an intergovernmental body adopts and issues instruments ("the G7 adopted a code of
    # conduct", "le Conseil de l'Europe a adopté la convention")

    def acts(a: Actor) -> bool:
        return a.type in atypes or (etype is E.REGULATED and a.role == "intergov")

    head_end = ts + len(sent[ts:te].split()[0]) if sent[ts:te].split() else te
    if trig.passive:
        head_end = te
    left = [i for i, m in enumerate(ms) if m.end <= ts]
    right = [i for i, m in enumerate(ms) if m.start >= head_end]
    # "Elon Musk's social media platform X": the possessor is not the object
    right = [
        i
        for i in right
        if not (
            re.match(r"['’]s?\s", sent[ms[i].end : ms[i].end + 3])
            and any(j > i and ms[j].start - ms[i].end < 45 for j in right)
        )
    ]
    # clause limits
    lcut = 0
    for m in _CLAUSE_BREAK.finditer(sent[:ts]):
        lcut = m.end()
    rcut = len(sent)
    mm = _CLAUSE_BREAK.search(sent, te)
    if mm and re.match(r"\s[–—]\s", mm.group(0)) and _LIST_INTRO.search(sent, te, mm.start()):
        # "sued three ecommerce companies — Acme, Brightline and Corvo": the dash opens the list
        mm = _CLAUSE_BREAK.search(sent, mm.end())
    if mm:
        rcut = mm.start()
    if etype is E.STATED:
        return _code_statement(doc, sent, ms, ts, te, trig, quotes, history, prev_stated)
    actors: list[Actor] = []
    targets: list[Actor] = []
    conf = 0.85
    if trig.passive:
        a_idx = next(
            (i for i in right if acts(ms[i].actor) and _ok_actor(ms[i], etype) and ms[i].start - te < 60), None
        )
        t_idx = next((i for i in reversed(left) if ms[i].actor.type in ttypes), None)
        fronted = not sent[:ts].strip(" \n.;:")
        if a_idx is not None:
            # "Sued by Getty Images, Stability AI ...": a fronted agent is not extended over the
            # comma (the name after it is the subject, the target)
            actors = (
                [ms[a_idx].actor] if fronted else [m.actor for m in _extend(ms, a_idx, sent, +1, atypes, etype)]
            )
        if t_idx is None and a_idx is not None:
            # "a lawsuit filed by Getty Images against Stability AI": the target follows the agent
            aid = {a.id for a in actors}
            t_idx = next(
                (
                    i
                    for i in right
                    if i > a_idx
                    and ms[i].actor.type in ttypes
                    and ms[i].actor.id not in aid
                    and ms[i].start < rcut
                ),
                None,
            )
            if t_idx is not None:
                targets = [m.actor for m in _extend(ms, t_idx, sent, +1, ttypes, etype) if m.actor.id not in aid]
                t_idx = None
        if t_idx is not None:
            targets = [m.actor for m in _extend(ms, t_idx, sent, -1, ttypes, etype)]
    else:
        rel = _RELATIVE.search(sent, 0, ts)
        if rel is not None:
            # "noyb, bête noire des géants, qui avait demandé": the subject of a relative clause
            # is its antecedent, the mention just before the pronoun
            ante = [i for i in left if ms[i].end <= rel.start() and rel.start() - ms[i].end <= 60]
            fits = bool(ante) and acts(ms[ante[-1]].actor) and _ok_actor(ms[ante[-1]], etype)
            a_idx = ante[-1] if fits else None
        else:
            a_idx = next(
                (
                    i
                    for i in reversed(left)
                    if acts(ms[i].actor)
                    and _subject_ok(sent, ms, i, etype)
                    and (ms[i].start >= lcut or etype in (E.CRIMINALISED, E.REGULATED))
                ),
                None,
            )
            ap = _APPOSITION.search(sent, 0, ts) or _ROLE_APPOSITION.search(sent, 0, ts)
            if ap is not None and (a_idx is None or ms[a_idx].start >= ap.start()):
                # "The FTC, the main US consumer watchdog, opened", "Senator Jane Roe, chair of the
                # Senate Commerce Committee, sent": the subject stands before the apposition; a
                # name inside it only describes the subject
                before = [
                    i
                    for i in left
                    if ms[i].end <= ap.start()
                    and re.fullmatch(_PARTY_TAG, sent[ms[i].end : ap.start()])
                    and acts(ms[i].actor)
                    and _ok_actor(ms[i], etype)
                ]
                if before:
                    a_idx = before[-1]
        if (
            a_idx is None
            and re.search(
                r"\b(?:[Tt]he|[Ll]a|[Ll]e)\s+(?:letter|lettre|request|"
                r"demande)\b",
                sent[:te],
            )
            and doc.last_event_actors
        ):
            actors = list(doc.last_event_actors)
            conf = 0.6
        elif a_idx is not None:
            actors = [m.actor for m in _extend(ms, a_idx, sent, -1, atypes, etype)]
        reach = 45 if etype is E.DEMANDED and not trig.nominal else 10_000
        if etype is E.DEMANDED and sent[ts:te].lower().startswith("warn"):
            reach = 3
        t_idx = next(
            (
                i
                for i in right
                if ms[i].actor.type in ttypes
                and ms[i].start < rcut
                and ms[i].start - te <= reach
                and not _place_modifier(sent, ms, i)
                and not (etype is E.SUED and _forum(sent, ms[i]))
                # (a newspaper told something is the source, not what was announced or
                # demanded: "announced the breakthrough ..., telling CGTN")
                and (ms[i].actor.role != _MEDIA_ROLE or etype in _MEDIA_PARTY)
                and ms[i].actor.id not in {a.id for a in actors}
            ),
            None,
        )
        if t_idx is None and a_idx is not None:
            # object placed between the actor and a nominal trigger ("issued X with a fine")
            t_idx = next(
                (
                    i
                    for i in left
                    if i > a_idx and ms[i].actor.type in ttypes and ms[i].actor.id not in {a.id for a in actors}
                ),
                None,
            )
        if t_idx is not None:
            targets = [
                m.actor
                for m in _extend(ms, t_idx, sent, +1, ttypes, etype)
                if m.actor.id not in {a.id for a in actors}
            ]
    if not targets and etype in (E.CRIMINALISED, E.REGULATED):
        # "une loi pour criminaliser ...", "a bill that criminalises ...": the law the trigger
        # describes is what is adopted
        law = next(
            (
                m
                for m in reversed(ms)
                if m.actor.type is T.LAW and m.start < ts and (m.end >= ts or _LAW_THAT.fullmatch(sent, m.end, ts))
            ),
            None,
        )
        if law is not None:
            targets = [law.actor]
    if (
        targets
        and trig.nominal
        and doc.focus
        and t_idx is not None
        and re.search(r"\b(?:également|aussi|also|as\s+well)\s*$", sent[te : ms[t_idx].start])
    ):
        # "une enquête sur X, visant également OpenAI et Meta": also = besides the article's subject
        tid = {t.id for t in targets} | {a.id for a in actors}
        extra = next((f for f in doc.focus if f.type in ttypes and f.id not in tid), None)
        if extra is not None:
            targets.append(extra)
    if (
        not targets
        and etype is E.DEMANDED
        and doc.last_event_targets
        and re.match(
            r"\s*(?:(?:les|the)\s+(?:g[ée]ants|giants|tech\s+companies|companies|"
            r"entreprises))",
            sent[te : te + 40],
            re.I,
        )
    ):
        targets = list(doc.last_event_targets)
        conf = 0.6
    if not actors and trig.agentless and etype in (E.CRIMINALISED, E.REGULATED) and doc.main_country:
        actors = [doc.main_country]
        conf = 0.5
    if not actors and trig.agentless and etype is E.DEMANDED and doc.last_letter_actors:
        # "Six of the recipients include Apple, ...": the authors of the last letter wrote to them
        actors = list(doc.last_letter_actors)
        conf = 0.6
    if not actors and trig.agentless:
        pool = history + [m.actor for m in ms if m.end <= ts]
        act = (
            _resolve_history(pool, {T.REGULATOR} & atypes) if etype is E.INVESTIGATED else None
        ) or _resolve_history(pool, atypes)
        if act is not None:
            actors = [act]
            conf = 0.55
    if not targets and etype in (E.BANNED, E.BLOCKED_ACCESS, E.RESTRICTED) and _ITS_USE.match(sent, te):
        # "les Pays-Bas ont interdit son usage", "banned its use": the product named before
        aid = {a.id for a in actors}
        prev = [m.actor for m in ms if m.end <= ts and m.actor.type in ttypes and m.actor.id not in aid]
        prev = prev or [a for a in reversed(history) if a.type in ttypes and a.id not in aid][:1]
        if prev:
            targets = [prev[-1]]
            conf = min(conf, 0.6)
    if not actors:
        wanted = "/".join(sorted(t.value for t in atypes))
        return Rejected(RejectReason.NO_ACTOR, sent, f"{etype.value}: no {wanted} actor")
    if (
        not targets
        and etype is E.BLOCKED_ACCESS
        and actors
        and all(a.type is T.COMPANY for a in actors)
        and not re.search(r"(?:\b(?:de|to|had|that)\s|d['’])\s*$", sent[max(0, ts - 12) : ts], re.I)
    ):
        # "X blocked searches for ...": a company blocking something on its own service restricts
        # it (no product named is needed)
        etype = E.RESTRICTED
    if (
        not targets
        and etype in TARGET_REQUIRED
        and not (etype is E.RESTRICTED and all(a.type is T.COMPANY for a in actors))
    ):
        # (a company restricting its own service needs no product named; an authority's
        # restriction of nothing named is no event)
        if trig.agentless or trig.nominal:
            # "an investigation into the matter": what the last events were about, else the
            # last company named
            act = (
                next((t for t in doc.last_event_targets if t.type in ttypes), None)
                or _resolve_history(history, {T.COMPANY} & ttypes)
                or _resolve_history(history, ttypes)
            )
            if act is not None and act.id not in {a.id for a in actors}:
                targets = [act]
                conf = min(conf, 0.55)
        if not targets:
            return Rejected(RejectReason.NO_TARGET, sent, f"{etype.value}: no target")
    if etype is E.REGULATED and not targets:
        return Rejected(RejectReason.NO_TARGET, sent, "REGULATED: no law named")
    src = _SOURCE_ADJUNCT.match(sent) if etype is E.COMPLIED else None
    src_auth = [m.actor for m in ms if src and m.end <= src.end() and m.actor.type in AUTH_TYPES]
    if src_auth:
        # "D'après la PIPC, la firme a nommé des représentants": the authority that reports
        # the compliance is the one complied with
        targets = src_auth[:1]
    elif etype is E.COMPLIED and doc.demands:
        aid = {a.id for a in actors}
        for d in reversed(doc.demands):
            if aid & {t.id for t in d.targets}:
                targets = list(d.actors)
                break
    targets = [t for t in _uniq(targets) if t.id not in {a.id for a in actors}]
    actors = _uniq(actors)
    if etype is E.SETTLED and not targets and len(actors) > 1:
        # "Getty Images and Stability AI settled": the parties settle with each other
        # (the group was extended leftwards from the verb: the first named is the last)
        actors, targets = actors[-1:], actors[:-1]
    return _Cand(etype, actors, targets, (0, 0), (ts, te), confidence=conf)


# the trigger is the verb of a relative clause: ", qui avait demandé", "which had compelled"
_RELATIVE = re.compile(
    r"(?:,\s*|\s)(?:qui|who|which)\s+(?:(?:a|ont|avait|avaient|has|have|had|is|are|was|were|"
    r"will|would|"
    r"est|sont|était|étaient|va|vont|also|already|previously|"
    r"d[ée]j[àa]|aussi|[ée]galement|then|later|ensuite)\s+){0,4}$"
)
_CONTINUED = re.compile(r"\b(?:continued|concluded|went\s+on|a\s+poursuivi|a\s+conclu|poursuit)\b", re.I)


def _within(day: str, coarse: str | None) -> bool:
    """``day`` refines ``coarse`` ("2025-01-24" inside the week or month "this week")."""
    if not coarse or len(coarse) == 10:
        return False
    b = date_bounds(coarse)
    return b is not None and b[0] <= dt.date.fromisoformat(day) <= b[1]


_EVENT_ANAPHOR = re.compile(
    r"\b(?:[Tt]he|[Tt]his|[Tt]hat|[Cc]ette|[Cc]e|[Cc]et|[Ll]a|[Ll]e|[Ll]['’])\s*(?P<noun>ban|fine|penalty|"
    r"decision|"
    r"move|order|ruling|sanction|décision|decision|mesure|amende|interdiction|suspension|blocage|sanction)\b"
)
_ANAPHOR_TYPE = {
    "ban": E.BANNED,
    "interdiction": E.BANNED,
    "fine": E.FINED,
    "penalty": E.FINED,
    "amende": E.FINED,
    "blocage": E.BLOCKED_ACCESS,
}
AUTH_TYPES = {T.REGULATOR, T.GOVERNMENT, T.COUNTRY, T.COURT, T.LEGISLATURE}
_SOURCE_ADJUNCT = re.compile(r"^\s*(?:D['’]apr[èe]s|Selon|According\s+to|Pour|For)\s+[^,]{2,60},\s*", re.I)
_INVERTED = re.compile(r"[\"”»'’]\s*,?\s*$")
# a French verb inverted with its pronoun: "a-t-il ajouté", "écrit-elle", "ont-ils dit"
_INVERTED_PRONOUN = re.compile(r"-(?:t-)?(?:il|elle)\b|-ils|-elles")


# between an inverted speech verb and its subject: a title, an article, a qualifier
# English speech verbs that put their subject after them ("..., said the agency"), unlike
# "Jane Roe, a professor, slammed OpenAI"
_INVERTING = re.compile(
    r"(?i:said|says|added|adds|wrote|writes|noted|notes|argued|argues|explained|explains|"
    r"insisted|insists|stressed|stresses|warned|warns|told|continued|concluded)"
)
_SPEAKER_GAP = re.compile(
    r"\s*(?:(?:d['’]emblée|encore|aussi|also|again|ainsi|alors|pour\s+sa\s+part|"
    r"(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|hier)(?:\s+(?:soir|matin))?|"
    r"on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|yesterday|today|"
    r"l['’]|le|la|les|the|a|an|Me|Mme|M\.|Mr\.?|Ms\.?|Dr\.?)\s*|"
    r"(?:avocat\w*|ministre|juge|président\w*|directeur|directrice|porte-parole|lawyer|"
    r"judge|minister|"
    r"spokes\w+|chair\w*|director|professor|professeur\w*|expert\w*)\s+)*\s*"
)


def _code_statement(doc, sent, ms, ts, te, trig, quotes, history, prev_stated):
    speaker: Actor | None = None
    co: list[Actor] = []
    conf = 0.8
    before = sent[:ts]
    atypes = ACTOR_TYPES[E.STATED]
    # inverted: «...», a déclaré X / "...," said X / said X after the quote
    inverted = bool(_INVERTED.search(before)) or _INVERTED_PRONOUN.search(sent[ts:te])
    right = [m for m in ms if m.start >= te and m.start - te <= 40 and m.actor.type in atypes and _ok_actor(m)]
    left = [m for m in ms if m.end <= ts and m.actor.type in atypes and _ok_actor(m)]
    if trig.speaker_after:
        # "according to the company, ...", "selon la CNIL": the speaker is the phrase after
        after = [m for m in ms if m.start >= te and m.start - te <= 60]
        gap0 = sent[te : after[0].start] if after else ""
        after = (
            after[:1]
            if after
            and (
                (re.fullmatch(r"[\s,]*(?:[\w'’.-]+\s+){0,3}", gap0) and "," not in gap0)
                or (
                    after[0].actor.type is T.PERSON
                    and re.fullmatch(
                        r"\s*(?:l['’]|la\s+|le\s+|"
                        r"the\s+)?(?:[\w'’.-]+\s+){0,7}[\w'’.-]+,\s*",
                        gap0,
                    )
                )
            )
            else []
        )
        after = [m for m in after if m.actor.type in atypes and _ok_actor(m)]
        if not after:
            return Rejected(RejectReason.NO_ACTOR, sent, "STATED: no source after 'according to'")
        speaker = after[0].actor
    if speaker is None and doc.last_suit_actors and _SUIT_SPEAKS.search(sent, max(0, ts - 60), ts):
        # "The suit argues that ...", "La plainte affirme ...": the plaintiffs speak through it
        speaker, co = doc.last_suit_actors[0], list(doc.last_suit_actors[1:])
        conf = 0.6
    elif speaker is None and doc.last_letter_actors and _LETTER_SPEAKS.search(sent, max(0, ts - 60), ts):
        # "The letter said ...": its authors speak through it
        speaker, co = doc.last_letter_actors[0], list(doc.last_letter_actors[1:])
        conf = 0.6
    if speaker is None and _INVERTED_PRONOUN.search(sent[ts:te]):
        pr = [m for m in ms if m.start >= ts and m.end <= te + 8 and m.how == "pron"]
        if inverted and prev_stated is not None:
            # «...», a-t-il ajouté: the speaker of the previous statement goes on
            speaker = prev_stated.actors[0]
        elif pr:
            speaker = pr[0].actor
        elif prev_stated is not None:
            speaker = prev_stated.actors[0]
    if speaker is None and inverted and right and right[0].how == "pron" and prev_stated is not None:
        speaker = prev_stated.actors[0]
    if speaker is None and inverted and right:
        persons = [m for m in right[:2] if m.actor.type is T.PERSON]
        speaker = (persons[0] if persons else right[0]).actor
    if (
        speaker is None
        and right
        and len(before.split()) >= 4
        and re.search(r",\s*$", before)
        and (doc.lang == "fr" or _INVERTING.fullmatch(sent[ts:te]))
        and re.fullmatch(_SPEAKER_GAP, sent[te : right[0].start])
        and re.match(r"\s*(?:[,.;:(]|$|\s(?:dans|in|on|lors|during|à|au|en|to|at)\b)", sent[right[0].end :])
    ):
        # "Le texte est trop faible, estime Jean Roux.", "The rules are weak, argues the
        # agency": a speech verb after a comma, its subject after it (no quotation marks)
        speaker = right[0].actor
    if speaker is None and left and re.search(r"\b(?:et|and)\s*$", before):
        # "la firme a nommé des représentants et a reconnu ...": a coordinated verb shares
        # the subject of the clause (not the nearest noun, nor a source "D'après la PIPC,")
        adj = _SOURCE_ADJUNCT.match(sent)
        lo = adj.end() if adj else 0
        subj = [m for m in left if m.start >= lo and not any(a <= m.start < b for a, b, _ in quotes)]
        if subj:
            speaker = subj[0].actor
    if speaker is None and left:
        # "The DPC, which acts on behalf of the EU, said": the subject is before the relative
        rel = re.search(
            r",\s*(?:which|who|qui|dont|lequel|laquelle)\b[^,«»“”\"]*,\s*$", before
        ) or _ROLE_APPOSITION.search(before)
        if rel:
            head = [m for m in left if m.end <= rel.start()]
            if head and len(sent[head[-1].end : rel.start()].split()) <= 3:
                speaker = head[-1].actor
    if speaker is None and left:
        # the subject of the verb: the nearest mention on the left, outside quotations and
        # close to the verb (a few words, no quotation mark between)
        for m in reversed(left):
            if any(a <= m.start < b for a, b, _ in quotes):
                continue
            if m.actor.type is T.COUNTRY and _GROUP_NOUN_AFTER.match(sent, m.end):
                break  # "some U.S. lawmakers criticized": a group the text does not name speaks
            # "restored in Italy", "la vice-présidente du Bénin", "the UK's watchdog": a place or a
            # complement, which speaks only through an apposition naming someone before it
            place = (
                m.actor.type in (T.COUNTRY, T.GOVERNMENT)
                and _PLACE_NOT_SPEAKER.search(sent, max(0, m.start - 14), m.start) is not None
                or m.actor.type is T.COUNTRY
                and re.match(r"['’]s?\b", sent[m.end : m.end + 3]) is not None
            )
            gap = sent[m.end : ts]
            if (
                len(gap.split()) <= 8
                and not re.search(r"[«»“”\"]", gap)
                and not re.search(
                    r"\b(?:which|that|who|qui|que|statement|letter|report|rapport|communiqué|"
                    r"language)\b",
                    gap,
                    re.I,
                )
            ):
                speaker = m.actor
                # "Maia Roe, déléguée générale du SNAC, a déclaré": the body named in the
                # apposition is the speaker's employer; the person before it speaks
                if re.fullmatch(r"[^,«»“”\"]{0,40},\s*(?:also\s+|aussi\s+|then\s+|later\s+|[a-z]+ly\s+)?", gap):
                    # "Anthropic, backed by tech giants including Amazon, denied": the subject
                    # opens the sentence, the apposition names others
                    pers = [
                        p
                        for p in left
                        if p.end <= m.start
                        and p.actor.id != m.actor.id
                        and (p.actor.type is T.PERSON or m.actor.type is not T.PERSON)
                        and re.fullmatch(r"\s*,[^,«»“”\"]{1,90}(?:,[^,«»“”\"]{1,60})?", sent[p.end : m.start])
                        and (p.actor.type is T.PERSON or len(sent[: p.start].split()) <= 2)
                    ]
                    if pers:
                        speaker = pers[0].actor if pers[0].actor.type is not T.PERSON else pers[-1].actor
                if place and speaker is m.actor:
                    speaker = None
            break
    if (
        speaker is None
        and right
        and re.match(r"^\W*$", sent[:ts].strip(" ,") or "") is None
        and re.search(r"\b(?:said|told|a\s+déclaré|a\s+indiqué|a\s+annoncé)\s*$", sent[:te])
    ):
        speaker = right[0].actor
    if speaker is None:
        return Rejected(RejectReason.NO_ACTOR, sent, "STATED: no speaker")
    own = [i for i, m in enumerate(ms) if m.end <= ts and m.actor.id == speaker.id]
    if own:
        # "Acme and Brightline said": coordinated subjects speak together
        co = [x.actor for x in _extend(ms, own[-1], sent, -1, atypes)[1:]]
    quote = None
    if quotes:
        quote = max(quotes, key=lambda q: len(q[2]))[2]
    topic = _topic(doc, sent, ms, speaker, quotes, frozenset(a.id for a in co))
    speakers = _uniq([speaker] + co)
    return _Cand(
        E.STATED,
        speakers,
        [topic] if topic else [],
        (0, 0),
        (ts, te),
        quote=quote,
        confidence=conf if quote else 0.7,
    )


# before a country or government that is a place or a complement, not the subject of a speech verb
_PLACE_NOT_SPEAKER = re.compile(
    r"\b(?:in|at|from|across|into|inside|outside|throughout|dans|en|au|aux|à|"
    r"of|de|du|des|d['’])\s+(?:the\s+|la\s+|le\s+|l['’])?$",
    re.I,
)
_GROUP_NOUN_AFTER = re.compile(
    r"\s+(?:[a-z-]+\s+){0,2}(?:lawmakers|officials|legislators|regulators|senators|"
    r"critics|"
    r"users|companies|firms|groups|researchers|experts|authorities|élus|autorités|"
    r"responsables|experts|chercheurs|entreprises)\b"
)

_TOPIC_PREF = {
    T.LAW: 0,
    T.COMPANY: 1,
    T.PRODUCT: 1,
    T.REGULATOR: 2,
    T.GOVERNMENT: 2,
    T.PERSON: 3,
    T.ORGANIZATION: 3,
    T.LEGISLATURE: 3,
    T.COURT: 3,
    T.COUNTRY: 4,
}


_NORM_REF = re.compile(
    r"(?:breach(?:es|ing)?\s+of|violation\s+of|violat\w+|under|in\s+line\s+with|comply\s+with|"
    r"compliance\s+with|"
    r"conform[ée]ment\s+(?:à|au)|en\s+vertu\s+d[eu]|violation\s+d[eu]|au\s+titre\s+d[eu]|"
    r"respect\s+d[eu])\s+(?:the\s+|la\s+|le\s+|l['’]|du\s+|des\s+)?(?:[\w’']+\s+){0,3}$",
    re.I,
)
#: the offices that tie a person to a body ("chief executive of", "porte-parole de", "Acme CEO")
_OFFICE_ALT = (
    r"(?:responsable|pr[ée]sident\w*|vice-pr[ée]sident\w*|vice-president|directeur|directrice|director|"
    r"dirigeant\w*|head|chief|CEO|PDG|patron\w*|boss|leader|founder|co-?founder|fondat\w+|spokes\w+|"
    r"porte-parole|chair\w*|member|membre|lawyer|avocat\w*|counsel|officer|executive|manager|"
    r"secretary|secr[ée]taire\w*|d[ée]l[ée]gu[ée]\w*|expert\w*|conseill\w+|researcher|chercheu\w+|"
    r"professor|professeur\w*|commissioner|commissaire|représentant\w*|representative)"
)
_AFFILIATION = re.compile(
    _OFFICE_ALT + r"(?:\s+[a-zé]+){0,2}?\s+"
    r"(?:de\s+l['’]|de\s+la\s+|de\s+|du\s+|des\s+|d['’]|of\s+(?:the\s+)?|at\s+|for\s+)"
    r"(?:(?:association|ONG|organisation|NGO|group|groupe|company|soci[ée]t[ée]|"
    r"entreprise)\s+)?$",
    re.I,
)
_OFFICE_WORD = re.compile(r"\b" + _OFFICE_ALT + r"\b", re.I)
_OFFICE_AFTER = re.compile(
    r",?\s*(?:the\s+|its\s+|l['’]|le\s+|la\s+|un\s+|une\s+|a\s+|"
    r"an\s+)?(?:[\w'’-]+\s+){0,5}?"
    r"(?:of|at|for|de|du|des|d['’]|chez|with)\s*(?:the\s+|l['’]|la\s+|le\s+)?",
    re.I,
)
_OFFICE_BEFORE = re.compile(r"(?:['’]s?)?\s+(?:[\w-]+\s+){0,3}", re.I)


def _affiliations(sent: str, ms: list[Mention], speaker: Actor) -> frozenset:
    """The bodies a speaker's office ties them to in the sentence, which a statement is not
    about: "Jane Roe, chief executive of Acme, said", "Acme CEO Jane Roe said"."""
    out = set()
    own = [m for m in ms if m.actor.id == speaker.id and m.how != "pron"]
    for sm in own:
        for m in ms:
            if m.actor.id == speaker.id or m.actor.type not in (
                T.COMPANY,
                T.ORGANIZATION,
                T.REGULATOR,
                T.GOVERNMENT,
                T.LEGISLATURE,
                T.COURT,
            ):
                continue
            if 0 <= m.start - sm.end <= 80:
                gap = sent[sm.end : m.start]
                if _OFFICE_AFTER.fullmatch(gap) and _OFFICE_WORD.search(gap):
                    out.add(m.actor.id)
            elif 0 <= sm.start - m.end <= 40:
                gap = sent[m.end : sm.start]
                if _OFFICE_BEFORE.fullmatch(gap) and _OFFICE_WORD.search(gap):
                    out.add(m.actor.id)
    return frozenset(out)


def _topic(
    doc: _Doc, sent: str, ms: list[Mention], speaker: Actor, quotes, exclude: frozenset = frozenset()
) -> Actor | None:
    """What a statement is about: the most topical entity of the sentence, else the article's focus.

    Not topics: the speaker, the media, a pronoun, the speaker's own organisation ("the head of
    the NGO noyb, Max Schrems"), a law cited only as the yardstick ("breaches of the GDPR",
    "conformément à la loi").
    """
    best, key = None, None
    exclude = exclude | _affiliations(sent, ms, speaker)
    for m in ms:
        a = m.actor
        if a.id == speaker.id or a.id in exclude or a.role == _MEDIA_ROLE or m.how == "pron":
            continue
        if a.role == "indef" or m.how == "group":
            continue
        before = sent[max(0, m.start - 60) : m.start]
        if a.type is T.LAW and _NORM_REF.search(before):
            continue
        if _AFFILIATION.search(before[-50:]):
            continue
        k = (_TOPIC_PREF.get(a.type, 5), -doc.freq.get(a.id, 0), m.start)
        if key is None or k < key:
            best, key = a, k
    if best is None and doc.focus:
        # a statement with no topic in its sentence is about what the article is about
        for a in doc.focus:
            if a.id != speaker.id and a.id not in exclude:
                return a
    return best


# ---------------------------------------------------------------------------------------------


def code(article: Article, *, ner: bool | None = None) -> Extraction:
    """Code one article into an :class:`Extraction` (entities, events, rejected candidates).

    ``ner``: also take person / organisation names proposed by the optional spaCy pipeline
    (``loaders/ner.py``, the ``nlp`` extra; French only); None means the environment variable
    ``AIGOV_NER=1``. Off by default: the output is then the dictionary coder's alone.
    """
    return trace(article, ner=ner)[0]


def budget_seconds() -> float:
    """The time one article may take to code: ``AIGOV_ARTICLE_BUDGET`` seconds (default 300;
    0 = no limit). A runaway article becomes its own error line, not a hang (issue 17)."""
    try:
        return max(0.0, float(os.environ.get("AIGOV_ARTICLE_BUDGET", "300")))
    except ValueError:
        return 300.0


class ExtractionTimeout(ExtractionError):
    """An article took longer than its time budget to code."""


def trace(article: Article, *, ner: bool | None = None) -> tuple[Extraction, tuple[Mention, ...]]:
    """:func:`code`, with every name the coder recognised in the body (for diagnosis: ``aigov
    eval`` tells a gold actor never recognised from one recognised but not coded)."""
    body = article.body
    lang = article.language if article.language in ("fr", "en") else detect_language(body)
    anchor = _anchor(article.published)
    doc = _Doc(article, body, lang, anchor, _report_date(body, anchor))
    budget = budget_seconds()
    doc.deadline = time.monotonic() + budget if budget else None
    # --- optional NER hook ---
    doc.ner = (os.environ.get("AIGOV_NER", "") == "1") if ner is None else bool(ner)
    # --- end of the NER hook ---
    sents = split_sentences(body)
    doc.scan = PREFILTER.plan(body, [se for _, se in sents])
    doc.mentions = _mentions(doc, sents)
    doc.check_budget()
    # --- optional NER hook: actors known only from NER lower the confidence of their events ---
    ner_only = {m.actor.id for m in doc.mentions if m.how == "ner"} - {
        m.actor.id for m in doc.mentions if m.how in ("dict", "pattern", "group", "open")
    }
    # --- end of the NER hook ---
    for m in doc.mentions:
        doc.freq[m.actor.id] = doc.freq.get(m.actor.id, 0) + 1
        doc.actors.setdefault(m.actor.id, m.actor)
        if m.how in ("dict", "pattern", "group", "ner", "open"):
            doc.surfaces.setdefault(m.actor.id, [])
            if m.surface not in doc.surfaces[m.actor.id]:
                doc.surfaces[m.actor.id].append(m.surface)
    # the article's focus: its most mentioned companies, products and laws
    focus = [
        doc.actors[k]
        for k in sorted(doc.freq, key=lambda k: -doc.freq[k])
        if doc.actors[k].type in (T.COMPANY, T.PRODUCT, T.LAW) and doc.actors[k].role not in (_MEDIA_ROLE, "indef")
    ]
    doc.focus = focus[:2]
    cands, rejected = _find_events(doc, sents)
    # de-duplicate: the same (type, actors, targets) told twice is one event
    events: list[Event] = []
    seen: dict[tuple, int] = {}
    used: dict[str, Actor] = {}
    for c in cands:
        if not c.actors:
            continue
        a_ids = tuple(sorted(a.id for a in c.actors))
        t_ids = tuple(sorted(t.id for t in c.targets))
        key = (
            c.type,
            a_ids,
            t_ids,
            c.quote if c.type is E.STATED else None,
            c.sent if c.type is E.STATED else None,
        )
        if key not in seen and c.type is not E.STATED and (not t_ids or c.quoted):
            # an event without target, or one told again inside a quotation ("« Meta suspend
            # son projet »"), is the event already coded for the same actors
            for k2 in seen:
                if k2[0] is c.type and k2[1] == a_ids:
                    key = k2
                    break
        if key in seen:
            k = seen[key]
            if events[k].date is None and c.date:
                ev = events[k]
                events[k] = Event(
                    ev.id,
                    ev.type,
                    ev.actors,
                    ev.targets,
                    ev.evidence,
                    ev.evidence_start,
                    c.date,
                    c.date_text,
                    ev.quote,
                    ev.detail,
                    ev.confidence,
                    ev.modality,
                    ev.rule,
                )
            rejected.append(
                Rejected(RejectReason.DUPLICATE, body[c.sent[0] : c.sent[1]], f"{c.type.value} already coded")
            )
            continue
        ss, se = c.sent
        evidence = body[ss:se]
        conf = c.confidence
        if ner_only and ner_only & set(a_ids + t_ids):  # NER hook
            from loaders.ner import CONFIDENCE as _NER_CONF

            conf = min(conf, _NER_CONF)
        ev = Event(
            event_id(article.id, c.type, a_ids, t_ids, ss),
            c.type,
            a_ids,
            t_ids,
            evidence,
            ss,
            c.date,
            c.date_text,
            c.quote,
            c.detail,
            round(conf, 3),
            c.modality,
            c.rule,
        )
        seen[key] = len(events)
        events.append(ev)
        for a in c.actors + c.targets:
            used[a.id] = a
    entities = []
    for aid, a in used.items():
        aliases = tuple(s for s in doc.surfaces.get(aid, []) if s != a.name)
        entities.append(Entity(aid, a.name, a.type, aliases, a.wikidata))
    return Extraction(article, tuple(entities), tuple(events), tuple(rejected)), tuple(doc.mentions)
