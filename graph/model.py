"""The domain model: closed vocabularies, frozen records, stable ids.

This module is the single source of truth for the vocabularies of aigov. Neo4j labels and
relationship types (``graph/cypher.py``), RDF classes and predicates (``graph/vocab.py``) and
the extraction contract's enums all derive from :class:`EntityType`, :class:`EventType` and
:class:`Modality`. Nothing here imports a store, Click, rdflib or networkx.

Examples
--------
>>> EventType("BLOCKED_ACCESS") is EventType.BLOCKED_ACCESS
True
>>> EventType.parse("blocked_access")
<EventType.BLOCKED_ACCESS: 'BLOCKED_ACCESS'>
>>> article_id("  Hello\\n world ") == article_id("Hello world")
True
>>> date_bounds("2026-01")
(datetime.date(2026, 1, 1), datetime.date(2026, 1, 31))
"""

from __future__ import annotations

import calendar
import datetime as dt
import hashlib
import json
import re
import unicodedata
from dataclasses import dataclass, field, fields
from enum import Enum
from typing import Any, Iterable, Self

from graph.errors import ExtractionError, SchemaError

__all__ = [
    "EntityType",
    "EventType",
    "Modality",
    "RejectReason",
    "Article",
    "Entity",
    "Event",
    "Rejected",
    "Extraction",
    "article_id",
    "entity_id",
    "event_id",
    "fact_id",
    "direct_pairs",
    "normalise_text",
    "fold",
    "slug",
    "date_bounds",
    "DATE_RE",
]


class _ClosedEnum(str, Enum):
    """A str-valued enum whose :meth:`parse` refuses unknown terms with a clear message."""

    @classmethod
    def parse(cls, value: Any) -> Self:
        if isinstance(value, cls):
            return value
        text = str(value).strip()
        for member in cls:
            if str(member.value) == text or str(member.value).lower() == text.lower():
                return member
        allowed = ", ".join(m.value for m in cls)
        raise SchemaError(f"{text!r} is not a {cls.__name__}; expected one of: {allowed}")

    def __str__(self) -> str:  # "Person", not "EntityType.PERSON"
        return str(self.value)


class EntityType(_ClosedEnum):
    """Kinds of entity; each is also a Neo4j label beside ``Entity``."""

    PERSON = "Person"
    COMPANY = "Company"
    GOVERNMENT = "Government"
    COUNTRY = "Country"
    REGULATOR = "Regulator"
    LEGISLATURE = "Legislature"
    COURT = "Court"
    PRODUCT = "Product"
    ORGANIZATION = "Organization"
    LAW = "Law"


class EventType(_ClosedEnum):
    """Kinds of event; each is a Neo4j label beside ``Event`` and a direct relationship type."""

    BANNED = "BANNED"
    BLOCKED_ACCESS = "BLOCKED_ACCESS"
    DEMANDED = "DEMANDED"
    STATED = "STATED"
    SUED = "SUED"
    INVESTIGATED = "INVESTIGATED"
    FINED = "FINED"
    RESTRICTED = "RESTRICTED"
    REGULATED = "REGULATED"
    CRIMINALISED = "CRIMINALISED"
    ALLOWED = "ALLOWED"
    ANNOUNCED = "ANNOUNCED"
    COMPLIED = "COMPLIED"
    SETTLED = "SETTLED"


class Modality(_ClosedEnum):
    """How the text presents an event. Only ``asserted`` events happened as stated."""

    ASSERTED = "asserted"
    PLANNED = "planned"
    REPORTED = "reported"
    NEGATED = "negated"
    HYPOTHETICAL = "hypothetical"


class RejectReason(_ClosedEnum):
    """Why the coder did not turn a candidate into an event (loaders never drop silently)."""

    NO_ACTOR = "no_actor"
    NO_TARGET = "no_target"
    TYPE_CONSTRAINT = "type_constraint"
    THREAT_OR_POSSIBILITY = "threat_or_possibility"
    NEGATED = "negated"
    BACKGROUND = "background"
    DUPLICATE = "duplicate"
    LOW_CONFIDENCE = "low_confidence"


DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?(/\d{4}-\d{2}-\d{2})?$")
_QID_RE = re.compile(r"^Q\d+$")


# ---------------------------------------------------------------------------------------------
# text helpers and ids


def normalise_text(text: str) -> str:
    """NFC-normalise and collapse all runs of white space to one space.

    >>> normalise_text("a\\u00a0 b\\n\\nc ")
    'a b c'
    """
    return " ".join(unicodedata.normalize("NFC", text).split())


def fold(text: str) -> str:
    """Lower-case and strip accents, for case- and accent-insensitive search keys.

    >>> fold("Royaume-Uni Élysée")
    'royaume-uni elysee'
    """
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def slug(text: str) -> str:
    """A readable ASCII slug: ``"Keir Starmer"`` -> ``"keir-starmer"``.

    >>> slug("Commission nationale de l'informatique et des libertés")
    'commission-nationale-de-l-informatique-et-des-libertes'
    """
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-") or "x"


def _digest(payload: Any, size: int = 24) -> str:
    blob = json.dumps(payload, separators=(",", ":"), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:size]


def article_id(body: str) -> str:
    """The article's id: the sha256 (hex) of its normalised body."""
    return hashlib.sha256(normalise_text(body).encode("utf-8")).hexdigest()


def entity_id(name: str, type: "EntityType | str", wikidata: str | None = None) -> str:
    """An entity's id: its Wikidata QID where known, else ``<type>:<slug of name>``.

    >>> entity_id("Elon Musk", EntityType.PERSON, "Q317521")
    'Q317521'
    >>> entity_id("Three US Democratic senators", "Person")
    'person:three-us-democratic-senators'
    """
    if wikidata:
        return wikidata
    return f"{EntityType.parse(type).value.lower()}:{slug(name)}"


def event_id(
    article: str, type: "EventType | str", actors: Iterable[str], targets: Iterable[str], offset: int
) -> str:
    """The contract's event id: a stable hash of (article id, type, actors, targets, offset)."""
    return _digest([article, EventType.parse(type).value, sorted(actors), sorted(targets), offset])


def fact_id(
    type: "EventType | str",
    actors: Iterable[str],
    targets: Iterable[str],
    modality: "Modality | str",
    date: str | None,
    quote: str | None = None,
    evidence: str | None = None,
) -> str:
    """The id of the Event node in the store: the same fact reported by several articles.

    Two reports are the same fact when type, actors, targets, modality and the year of the
    date agree (and, for statements, the quote -- or the evidence when there is no quote).
    Reports keep their own date and evidence on their REPORTS edge.

    >>> a = fact_id("BLOCKED_ACCESS", ["Q833"], ["grok"], "asserted", "2026-01-10")
    >>> a == fact_id("BLOCKED_ACCESS", ["Q833"], ["grok"], "asserted", "2026-01")
    True
    >>> a == fact_id("BLOCKED_ACCESS", ["Q833"], ["grok"], "asserted", "2027-03")
    False
    """
    etype = EventType.parse(type)
    key: list[Any] = [
        etype.value,
        sorted(actors),
        sorted(targets),
        Modality.parse(modality).value,
        date[:4] if date else None,
    ]
    if etype is EventType.STATED:
        key.append(normalise_text(quote) if quote else normalise_text(evidence or ""))
    return "ev:" + _digest(key, 20)


def direct_pairs(actors: Iterable[str], targets: Iterable[str]) -> list[tuple[str, str]]:
    """The direct ``actor -[TYPE]-> target`` relationships an event stands for: one per actor and
    target, never from an entity to itself; in the order given, each pair once. The one rule the
    store's writers and the exports share.

    >>> direct_pairs(["fr", "it"], ["grok", "fr"])
    [('fr', 'grok'), ('it', 'grok'), ('it', 'fr')]
    """
    out: dict[tuple[str, str], None] = {}
    for a in actors:
        for t in targets:
            if a != t:
                out.setdefault((a, t), None)
    return list(out)


def date_bounds(value: str | None) -> tuple[dt.date, dt.date] | None:
    """First and last day covered by a contract date (day, month, year or interval).

    >>> date_bounds("2026-01-05/2026-01-11")
    (datetime.date(2026, 1, 5), datetime.date(2026, 1, 11))
    >>> date_bounds(None) is None
    True
    """
    if not value:
        return None
    if not DATE_RE.match(value):
        raise SchemaError(f"{value!r} is not a date (YYYY, YYYY-MM, YYYY-MM-DD or an interval)")
    if "/" in value:
        first, last = value.split("/")
        return dt.date.fromisoformat(first), dt.date.fromisoformat(last)
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 3:
        day = dt.date(*parts)
        return day, day
    if len(parts) == 2:
        y, m = parts
        return dt.date(y, m, 1), dt.date(y, m, calendar.monthrange(y, m)[1])
    return dt.date(parts[0], 1, 1), dt.date(parts[0], 12, 31)


# ---------------------------------------------------------------------------------------------
# records


@dataclass(frozen=True)
class Article:
    """One news article, as read by a loader.

    ``published`` is an ISO date string (``YYYY-MM-DD``, or coarser) or None.
    """

    id: str
    body: str
    title: str | None = None
    published: str | None = None
    language: str = "und"
    source: str | None = None
    url: str | None = None

    @classmethod
    def from_text(cls, body: str, **meta: Any) -> "Article":
        """Build an article whose id is computed from its body.

        >>> Article.from_text("Texte.", language="fr").language
        'fr'
        """
        return cls(id=article_id(body), body=body, **meta)

    def to_dict(self) -> dict[str, Any]:
        """The contract's ``article`` object (without the body)."""
        return {
            "id": self.id,
            "title": self.title,
            "published": self.published,
            "language": self.language,
            "source": self.source,
            "url": self.url,
        }


@dataclass(frozen=True)
class Entity:
    """A named actor or target: a person, company, country, law..."""

    id: str
    name: str
    type: EntityType
    aliases: tuple[str, ...] = ()
    wikidata: str | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "type", EntityType.parse(self.type))
        object.__setattr__(self, "aliases", tuple(self.aliases))
        if self.wikidata is not None and not _QID_RE.match(self.wikidata):
            raise SchemaError(f"entity {self.name!r}: wikidata {self.wikidata!r} is not a QID")
        if not self.name.strip():
            raise SchemaError(f"entity {self.id!r} has an empty name")

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "type": self.type.value,
            "aliases": list(self.aliases),
            "wikidata": self.wikidata,
        }


@dataclass(frozen=True)
class Event:
    """One coded event, with the exact sentence that states it.

    ``evidence_start`` is the character offset of ``evidence`` in the article body.
    """

    id: str
    type: EventType
    actors: tuple[str, ...]
    targets: tuple[str, ...]
    evidence: str
    evidence_start: int = 0
    date: str | None = None
    date_text: str | None = None
    quote: str | None = None
    detail: str | None = None
    confidence: float = 0.5
    modality: Modality = Modality.ASSERTED
    #: the id of the coder rule that produced the event (``loaders/data/triggers.lex``)
    rule: str | None = field(default=None, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "type", EventType.parse(self.type))
        object.__setattr__(self, "modality", Modality.parse(self.modality))
        object.__setattr__(self, "actors", tuple(self.actors))
        object.__setattr__(self, "targets", tuple(self.targets))
        if not self.actors:
            raise SchemaError(f"event {self.type.value} has no actor: {self.evidence[:80]!r}")
        if not self.evidence:
            raise SchemaError(f"event {self.type.value} has no evidence")
        if self.date is not None:
            date_bounds(self.date)  # validates
        if not 0.0 <= float(self.confidence) <= 1.0:
            raise SchemaError(f"confidence {self.confidence} is outside 0..1")

    @property
    def fact_id(self) -> str:
        """The store's Event node id (see :func:`fact_id`)."""
        return fact_id(self.type, self.actors, self.targets, self.modality, self.date, self.quote, self.evidence)

    def to_dict(self) -> dict[str, Any]:
        """The contract's event object."""
        out = {
            "id": self.id,
            "type": self.type.value,
            "actors": list(self.actors),
            "targets": list(self.targets),
            "date": self.date,
            "date_text": self.date_text,
            "evidence": self.evidence,
            "quote": self.quote,
            "confidence": round(float(self.confidence), 3),
            "modality": self.modality.value,
        }
        if self.detail is not None:
            out["detail"] = self.detail
        if self.rule is not None:
            out["rule"] = self.rule
        return out


@dataclass(frozen=True)
class Rejected:
    """A candidate the coder saw and did not keep, with the reason."""

    reason: RejectReason
    evidence: str
    detail: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "reason", RejectReason.parse(self.reason))


@dataclass(frozen=True)
class Extraction:
    """Everything the coder found in one article."""

    article: Article
    entities: tuple[Entity, ...] = ()
    events: tuple[Event, ...] = ()
    rejected: tuple[Rejected, ...] = field(default=(), compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "entities", tuple(self.entities))
        object.__setattr__(self, "events", tuple(self.events))
        object.__setattr__(self, "rejected", tuple(self.rejected))
        self.validate()

    def validate(self) -> None:
        """Check referential integrity and that every evidence is in the body."""
        ids = [e.id for e in self.entities]
        if len(ids) != len(set(ids)):
            raise ExtractionError(f"{self.article.source}: duplicate entity ids")
        known = set(ids)
        for ev in self.events:
            missing = [x for x in ev.actors + ev.targets if x not in known]
            if missing:
                raise ExtractionError(
                    f"{self.article.source}: event {ev.type.value} names unknown entities {missing}"
                )
            if self.article.body[ev.evidence_start : ev.evidence_start + len(ev.evidence)] != ev.evidence:
                raise ExtractionError(
                    f"{self.article.source}: evidence of {ev.type.value} is not at offset "
                    f"{ev.evidence_start} of the body"
                )

    def entity(self, id: str) -> Entity:
        for e in self.entities:
            if e.id == id:
                return e
        raise KeyError(id)

    def to_dict(self) -> dict[str, Any]:
        """The JSON object of ``../shared/contracts/extraction.md``."""
        return {
            "article": self.article.to_dict(),
            "entities": [e.to_dict() for e in self.entities],
            "events": [e.to_dict() for e in self.events],
        }


def field_names(cls: type) -> list[str]:
    """Names of a record's fields (used by tests and exporters)."""
    return [f.name for f in fields(cls)]
