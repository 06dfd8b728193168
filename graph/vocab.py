"""The RDF vocabulary of aigov, generated from the closed enums of :mod:`graph.model`.

Every class, predicate and individual here derives from :class:`~graph.model.EntityType`,
:class:`~graph.model.EventType` and :class:`~graph.model.Modality`; nothing is typed twice.

* ``https://w3id.org/aigov/ont/`` (prefix ``aigov:``) holds the terms: one class per entity
  type (``aigov:Country``), one class per event type (``aigov:BlockedAccessEvent``) and one
  predicate per event type for the direct relation (``aigov:BLOCKED_ACCESS``), the modality
  individuals (``aigov:Asserted``...) and the properties of events, reports and articles.
* Resources live under ``entity/``, ``event/``, ``article/``, ``report/`` (one per REPORTS edge,
  i.e. one mention of an event in one article) and ``graph/`` (one named graph per article).
* Terms are aligned (``rdfs:subClassOf`` / ``rdfs:subPropertyOf``) with schema.org, W3C PROV-O
  and SEM; event types carry PLOVER and CAMEO codes where one fits (``aigov:ploverCode``,
  ``aigov:cameoCode``, both sub-properties of ``skos:notation``).

:class:`AIGOV` is a closed namespace: an unknown term raises, it never mints a new IRI.

Examples
--------
>>> from graph.model import EventType
>>> str(AIGOV.BLOCKED_ACCESS)
'https://w3id.org/aigov/ont/BLOCKED_ACCESS'
>>> event_class(EventType.BLOCKED_ACCESS) == AIGOV.BlockedAccessEvent
True
>>> AIGOV.NOT_A_TERM
Traceback (most recent call last):
...
AttributeError: term 'NOT_A_TERM' not in namespace 'https://w3id.org/aigov/ont/'
>>> str(entity_iri('person:o-brien/"x"'))
'https://w3id.org/aigov/entity/person:o-brien%2F%22x%22'
>>> str(wikidata_iri("Q833"))
'http://www.wikidata.org/entity/Q833'
"""

from __future__ import annotations

import datetime as _dt
import json
from pathlib import Path
from typing import IO, Any
from urllib.parse import quote

from rdflib import OWL, RDF, RDFS, SKOS, XSD, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, PROV, SDO, DefinedNamespace

from graph.errors import SchemaError
from graph.model import EntityType, EventType, Modality

__all__ = [
    "BASE",
    "ONT",
    "AIGOV",
    "SDO",
    "PROV",
    "SEM",
    "WD",
    "OA",
    "ENTITY",
    "EVENT",
    "ARTICLE",
    "REPORT",
    "GRAPH",
    "EXTRACTION",
    "AGENT",
    "PUBLISHER",
    "entity_class",
    "event_class",
    "event_predicate",
    "modality_iri",
    "date_precision",
    "entity_iri",
    "event_iri",
    "article_iri",
    "report_iri",
    "graph_iri",
    "wikidata_iri",
    "report_part_iri",
    "extraction_iri",
    "agent_iri",
    "publisher_iri",
    "dataset_iri",
    "DATASET",
    "VOID",
    "DCAT",
    "VERSION",
    "PREFIXES",
    "PLOVER",
    "CAMEO",
    "SUPERS",
    "ontology",
    "write_ontology",
    "jsonld_context",
    "CONTEXT_PATH",
    "SHAPES_PATH",
]

BASE = "https://w3id.org/aigov/"


def _version() -> str:
    try:
        from importlib.metadata import version

        return version("aigov")
    except Exception:  # pragma: no cover - not installed
        return "0.0.0"


#: the ontology's version (the package's); ``owl:versionIRI`` is ``<BASE>ont/<VERSION>``
VERSION = _version()
ONT = Namespace(BASE + "ont/")
ENTITY = Namespace(BASE + "entity/")
EVENT = Namespace(BASE + "event/")
ARTICLE = Namespace(BASE + "article/")
REPORT = Namespace(BASE + "report/")
GRAPH = Namespace(BASE + "graph/")
EXTRACTION = Namespace(BASE + "extraction/")
AGENT = Namespace(BASE + "agent/")
PUBLISHER = Namespace(BASE + "publisher/")
DATASET = Namespace(BASE + "dataset/")
VOID = Namespace("http://rdfs.org/ns/void#")
#: DCAT 3 (rdflib's DCAT constant is DCAT 2, without dcat:version)
DCAT = Namespace("http://www.w3.org/ns/dcat#")
SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
#: W3C Web Annotation vocabulary (rdflib 7 has no constant for it)
OA = Namespace("http://www.w3.org/ns/oa#")
WD = Namespace("http://www.wikidata.org/entity/")

CONTEXT_PATH = Path(__file__).with_name("context.jsonld")
SHAPES_PATH = Path(__file__).with_name("shapes.ttl")

PREFIXES: dict[str, Namespace] = {
    "aigov": ONT,
    "entity": ENTITY,
    "event": EVENT,
    "article": ARTICLE,
    "report": REPORT,
    "graph": GRAPH,
    "extraction": EXTRACTION,
    "agent": AGENT,
    "publisher": PUBLISHER,
    "dataset": DATASET,
    "void": VOID,
    "dcat": DCAT,
    "schema": Namespace(str(SDO)),
    "prov": Namespace(str(PROV)),
    "sem": SEM,
    "oa": OA,
    "wd": WD,
    "owl": Namespace(str(OWL)),
    "rdfs": Namespace(str(RDFS)),
    "xsd": Namespace(str(XSD)),
    "skos": Namespace(str(SKOS)),
    "dcterms": Namespace(str(DCTERMS)),
}


def _camel(value: str) -> str:
    """``"BLOCKED_ACCESS"`` -> ``"BlockedAccess"``; ``"asserted"`` -> ``"Asserted"``."""
    return "".join(part.capitalize() for part in value.split("_"))


# ---------------------------------------------------------------------------------------------
# labels (en, fr) and codes. A member missing here still gets a term (labelled from its name);
# tests/test_export.py fails until it is labelled.

ENTITY_LABELS: dict[EntityType, tuple[str, str]] = {
    EntityType.PERSON: ("person", "personne"),
    EntityType.COMPANY: ("company", "entreprise"),
    EntityType.GOVERNMENT: ("government", "gouvernement"),
    EntityType.COUNTRY: ("country", "pays"),
    EntityType.REGULATOR: ("regulator", "autorité de régulation"),
    EntityType.LEGISLATURE: ("legislature", "parlement"),
    EntityType.COURT: ("court", "juridiction"),
    EntityType.PRODUCT: ("product", "produit"),
    EntityType.ORGANIZATION: ("organization", "organisation"),
    EntityType.LAW: ("law", "loi"),
}

#: event type -> ((class label en, fr), (predicate label en, fr))
EVENT_LABELS: dict[EventType, tuple[tuple[str, str], tuple[str, str]]] = {
    EventType.BANNED: (("ban", "interdiction"), ("banned", "a interdit")),
    EventType.BLOCKED_ACCESS: (("access block", "blocage d'accès"), ("blocked access to", "a bloqué l'accès à")),
    EventType.DEMANDED: (("demand", "exigence"), ("demanded of", "a exigé de")),
    EventType.STATED: (("statement", "déclaration"), ("made a statement about", "s'est exprimé sur")),
    EventType.SUED: (("lawsuit", "poursuite en justice"), ("sued", "a poursuivi en justice")),
    EventType.INVESTIGATED: (("investigation", "enquête"), ("investigated", "a enquêté sur")),
    EventType.FINED: (("fine", "amende"), ("fined", "a infligé une amende à")),
    EventType.RESTRICTED: (("restriction", "restriction"), ("restricted", "a restreint")),
    EventType.REGULATED: (("regulation", "réglementation"), ("regulated", "a réglementé")),
    EventType.CRIMINALISED: (("criminalisation", "pénalisation"), ("criminalised", "a pénalisé")),
    EventType.ALLOWED: (("authorisation", "autorisation"), ("allowed", "a autorisé")),
    EventType.ANNOUNCED: (("announcement", "annonce"), ("announced", "a annoncé")),
    EventType.COMPLIED: (("compliance", "mise en conformité"), ("complied with", "s'est conformé à")),
    EventType.SETTLED: (("settlement", "transaction"), ("settled with", "a transigé avec")),
}

MODALITY_LABELS: dict[Modality, tuple[str, str]] = {
    Modality.ASSERTED: ("asserted", "affirmé"),
    Modality.PLANNED: ("planned", "prévu"),
    Modality.REPORTED: ("reported", "rapporté"),
    Modality.NEGATED: ("negated", "démenti"),
    Modality.HYPOTHETICAL: ("hypothetical", "hypothétique"),
}

#: definitions (en, fr) of the base classes and modalities; entity and event classes and the
#: properties are defined from their labels (see :func:`_definition`)
BASE_COMMENTS: dict[str, tuple[str, str]] = {
    "Entity": (
        "Someone or something named in the news that acts in or is the target of an AI-governance event.",
        "Personne ou chose nommée dans la presse qui agit dans un événement de gouvernance de l'IA ou en "
        "est la cible.",
    ),
    "Event": (
        "An AI-governance act (a ban, a fine, a lawsuit...) by one or more actors on targets, as the news "
        "reports it.",
        "Un acte de gouvernance de l'IA (interdiction, amende, procès...) d'un ou plusieurs acteurs envers "
        "des cibles, tel que la presse le rapporte.",
    ),
    "Article": (
        "A news article from which events were extracted.",
        "Un article de presse dont des événements ont été extraits.",
    ),
    "Report": (
        "One mention of an event in one article, with that article's evidence, date and confidence: "
        "a Web Annotation whose body is the event (aigov:reportOf) and whose target is the evidence "
        "sentence in the article (oa:hasTarget, with a text position and a text quote selector).",
        "Une mention d'un événement dans un article, avec la preuve, la date et la confiance propres à cet "
        "article : une annotation (Web Annotation) dont le corps est l'événement (aigov:reportOf) et la "
        "cible la phrase de preuve dans l'article (oa:hasTarget, avec sélecteurs de position et de "
        "citation).",
    ),
    "Extraction": (
        "The run of the event coder over one article (a PROV activity): it used the article, "
        "was associated with the coder of a given version, and generated the article's reports.",
        "L'exécution du codeur d'événements sur un article (activité PROV) : elle a utilisé l'article, "
        "est associée au codeur d'une version donnée et a produit les mentions de l'article.",
    ),
    "DatePrecision": (
        "How precise an event's start..end is: a day, a week, a month, a year or another interval.",
        "La précision du début et de la fin d'un événement : jour, semaine, mois, année ou autre intervalle.",
    ),
    "Modality": (
        "How an article presents an event: as a fact, a plan, hearsay, a denial or a hypothesis.",
        "La façon dont un article présente un événement : fait, projet, ouï-dire, démenti ou hypothèse.",
    ),
}

MODALITY_COMMENTS: dict[Modality, tuple[str, str]] = {
    Modality.ASSERTED: (
        "The article states that the act took place; only asserted events give a direct triple.",
        "L'article affirme que l'acte a eu lieu ; seuls les événements affirmés donnent un triplet direct.",
    ),
    Modality.PLANNED: (
        "The act is announced or planned, not (yet) done.",
        "L'acte est annoncé ou prévu, pas (encore) accompli.",
    ),
    Modality.REPORTED: (
        "The article reports the act as someone else's claim or a rumour.",
        "L'article rapporte l'acte comme l'affirmation d'un tiers ou une rumeur.",
    ),
    Modality.NEGATED: (
        "The article says the act did not take place.",
        "L'article dit que l'acte n'a pas eu lieu.",
    ),
    Modality.HYPOTHETICAL: (
        "The act is considered as a possibility only.",
        "L'acte n'est envisagé que comme une possibilité.",
    ),
}


#: definitions (en, fr) of the properties whose label does not say enough
PROP_COMMENTS: dict[str, tuple[str, str]] = {
    "start": (
        "The first day the event's date can mean (xsd:date), whatever the precision it was written with.",
        "Le premier jour que la date de l'événement peut désigner (xsd:date), quelle que soit sa précision.",
    ),
    "end": (
        "The last day the event's date can mean (xsd:date).",
        "Le dernier jour que la date de l'événement peut désigner (xsd:date).",
    ),
    "date": (
        "The date as the article gives it, at its own precision (day, month, year or interval).",
        "La date telle que l'article la donne, à sa précision (jour, mois, année ou intervalle).",
    ),
    "modality": (
        "Whether the event is asserted, planned, reported, negated or hypothetical.",
        "Si l'événement est affirmé, prévu, rapporté, démenti ou hypothétique.",
    ),
    "confidence": (
        "How sure the extractor is, a decimal in [0, 1].",
        "La confiance de l'extracteur, un décimal dans [0, 1].",
    ),
    "datePrecision": (
        "How precise aigov:start..aigov:end is; every dated event has one, with a start and an end.",
        "La précision de aigov:start..aigov:end ; tout événement daté en a une, avec un début et une fin.",
    ),
    "evidenceStart": (
        "Where the evidence starts in the article's body as ingested (after its header), "
        "in Unicode code points from 0, as oa:start counts.",
        "Le début de la preuve dans le corps de l'article tel qu'il a été lu (après son en-tête), "
        "en points de code Unicode depuis 0, comme oa:start.",
    ),
    "evidenceEnd": (
        "Where the evidence ends in the article's body (exclusive), in Unicode code points, as oa:end counts.",
        "La fin de la preuve dans le corps de l'article (exclue), en points de code Unicode, comme oa:end.",
    ),
    "machineTranslated": (
        "True when the article says it was machine-translated (the input format has no such "
        "flag: the notice is read from the article's text, see aigov:translationNotice).",
        "Vrai quand l'article dit avoir été traduit automatiquement (le format d'entrée n'a pas "
        "d'indicateur : la mention est lue dans le texte, voir aigov:translationNotice).",
    ),
    "translationNotice": (
        "The article's own words saying it was machine-translated.",
        "Les mots de l'article qui disent qu'il a été traduit automatiquement.",
    ),
    "firstSeen": (
        "When the resource first appeared in the graph.",
        "Quand la ressource est apparue pour la première fois dans le graphe.",
    ),
}


#: PLOVER event categories (closest fit; None where none fits, e.g. public statements,
#: which PLOVER does not code).
PLOVER: dict[EventType, str | None] = {
    EventType.BANNED: "COERCE",
    EventType.BLOCKED_ACCESS: "COERCE",
    EventType.DEMANDED: "REQUEST",
    EventType.STATED: None,
    EventType.SUED: "ACCUSE",
    EventType.INVESTIGATED: "ACCUSE",
    EventType.FINED: "SANCTION",
    EventType.RESTRICTED: "COERCE",
    EventType.REGULATED: None,
    EventType.CRIMINALISED: None,
    EventType.ALLOWED: "CONCEDE",
    EventType.ANNOUNCED: None,
    EventType.COMPLIED: "CONCEDE",
    EventType.SETTLED: "AGREE",
}

#: CAMEO codes (closest fit): 010 make statement, 057 sign formal agreement, 080 yield,
#: 081 ease administrative sanctions, 090 investigate, 100 demand, 115 bring lawsuit,
#: 172 impose administrative sanctions.
CAMEO: dict[EventType, str | None] = {
    EventType.BANNED: "172",
    EventType.BLOCKED_ACCESS: "172",
    EventType.DEMANDED: "100",
    EventType.STATED: "010",
    EventType.SUED: "115",
    EventType.INVESTIGATED: "090",
    EventType.FINED: "172",
    EventType.RESTRICTED: "172",
    EventType.REGULATED: None,
    EventType.CRIMINALISED: None,
    EventType.ALLOWED: "081",
    EventType.ANNOUNCED: "010",
    EventType.COMPLIED: "080",
    EventType.SETTLED: "057",
}

#: schema.org classes each entity type specialises.
ENTITY_SCHEMA: dict[EntityType, tuple[URIRef, ...]] = {
    EntityType.PERSON: (SDO.Person,),
    EntityType.COMPANY: (SDO.Corporation,),
    EntityType.GOVERNMENT: (SDO.GovernmentOrganization,),
    EntityType.COUNTRY: (SDO.Country,),
    EntityType.REGULATOR: (SDO.GovernmentOrganization,),
    EntityType.LEGISLATURE: (SDO.GovernmentOrganization,),
    EntityType.COURT: (SDO.GovernmentOrganization,),
    EntityType.PRODUCT: (SDO.Product, SDO.SoftwareApplication),
    EntityType.ORGANIZATION: (SDO.Organization,),
    EntityType.LAW: (SDO.Legislation,),
}

# Properties of the data: name -> (kind, label en, label fr, domain, range, super-properties)
_OBJECT, _DATA = OWL.ObjectProperty, OWL.DatatypeProperty
_PROPS: dict[str, tuple[URIRef, str, str, str | None, URIRef | str | None, tuple[URIRef, ...]]] = {
    "id": (_DATA, "identifier", "identifiant", None, XSD.string, (DCTERMS.identifier,)),
    "searchKey": (_DATA, "search key", "clé de recherche", "Entity", XSD.string, ()),
    "firstSeen": (_DATA, "first seen", "vu pour la première fois", None, None, ()),
    "actor": (_OBJECT, "actor", "acteur", "Event", "Entity", (SDO.agent, SEM.hasActor)),
    "target": (_OBJECT, "target", "cible", "Event", "Entity", (SDO.object,)),
    "modality": (_OBJECT, "modality", "modalité", "Event", "Modality", ()),
    "date": (_DATA, "date", "date", None, None, (SEM.hasTimeStamp,)),
    "start": (_DATA, "first day", "premier jour", "Event", XSD.date, (SDO.startTime, SEM.hasBeginTimeStamp)),
    "end": (_DATA, "last day", "dernier jour", "Event", XSD.date, (SDO.endTime, SEM.hasEndTimeStamp)),
    "dateText": (_DATA, "date as written", "date telle qu'écrite", None, None, ()),
    "quote": (_DATA, "quote", "citation", None, None, ()),
    "detail": (_DATA, "detail", "précision", "Event", XSD.string, ()),
    "confidence": (_DATA, "confidence", "confiance", None, XSD.decimal, ()),
    "evidenceStart": (_DATA, "evidence offset", "position de la preuve", "Report", XSD.integer, ()),
    "evidenceEnd": (_DATA, "evidence end offset", "fin de la preuve", "Report", XSD.integer, ()),
    "reportOf": (_OBJECT, "report of", "mention de", "Report", "Event", (OA.hasBody,)),
    "machineTranslated": (_DATA, "machine-translated", "traduit automatiquement", "Article", XSD.boolean, ()),
    "translationNotice": (_DATA, "translation notice", "mention de traduction", "Article", None, ()),
    "inArticle": (_OBJECT, "in article", "dans l'article", "Report", "Article", (PROV.wasDerivedFrom,)),
    "source": (_DATA, "source", "source", "Article", XSD.string, ()),
    "extractor": (_DATA, "extractor", "extracteur", "Article", XSD.string, ()),
    "ingestedAt": (_DATA, "ingested at", "intégré le", "Article", XSD.dateTime, ()),
    "datePrecision": (_OBJECT, "date precision", "précision de la date", "Event", "DatePrecision", ()),
    "eventCount": (_DATA, "event count", "nombre d'événements", "Article", XSD.integer, ()),
    "ploverCode": (OWL.AnnotationProperty, "PLOVER code", "code PLOVER", None, None, (SKOS.notation,)),
    "cameoCode": (OWL.AnnotationProperty, "CAMEO code", "code CAMEO", None, None, (SKOS.notation,)),
}

_BASE_CLASSES: dict[str, tuple[str, str, tuple[URIRef, ...]]] = {
    "Entity": ("entity", "entité", (SDO.Thing,)),
    "Event": ("event", "événement", (SDO.Action, SEM.Event)),
    "Article": ("news article", "article de presse", (SDO.NewsArticle, PROV.Entity)),
    "Report": (
        "report of an event in an article",
        "mention d'un événement dans un article",
        (PROV.Entity, OA.Annotation),
    ),
    "Extraction": ("extraction", "extraction", (PROV.Activity,)),
    "Modality": ("modality", "modalité", (SKOS.Concept,)),
    "DatePrecision": ("date precision", "précision de date", (SKOS.Concept,)),
}

#: the precisions of an event's start..end: name -> (label en, fr, definition en, fr)
PRECISIONS: dict[str, tuple[str, str, str, str]] = {
    "Day": ("day", "jour", "start and end are the same day", "le début et la fin sont le même jour"),
    "Week": ("week", "semaine", "start..end spans seven days", "le début et la fin couvrent sept jours"),
    "Month": ("month", "mois", "start..end is one calendar month", "le début et la fin couvrent un mois civil"),
    "Year": ("year", "année", "start..end is one calendar year", "le début et la fin couvrent une année civile"),
    "Interval": (
        "interval",
        "intervalle",
        "start..end is any other span of days",
        "le début et la fin couvrent une autre période",
    ),
}


def _terms() -> list[str]:
    names = list(_BASE_CLASSES) + list(_PROPS)
    names += [t.value for t in EntityType]
    names += [_camel(t.value) + "Event" for t in EventType]
    names += [t.value for t in EventType]
    names += [_camel(m.value) for m in Modality] + ["modalities"]
    names += list(PRECISIONS) + ["precisions"]
    if len(names) != len(set(names)):
        dup = sorted({n for n in names if names.count(n) > 1})
        raise SchemaError(f"vocabulary terms collide: {dup}")
    return names


AIGOV: type[DefinedNamespace] = type(
    "AIGOV",
    (DefinedNamespace,),
    {
        "__doc__": "The closed aigov ontology namespace (generated from graph.model's enums).",
        "__annotations__": {name: URIRef for name in _terms()},
        "_NS": ONT,
        "_fail": True,
    },
)


def entity_class(t: EntityType | str) -> URIRef:
    """``EntityType.COUNTRY`` -> ``aigov:Country``."""
    return AIGOV[EntityType.parse(t).value]


def event_class(t: EventType | str) -> URIRef:
    """``EventType.BLOCKED_ACCESS`` -> ``aigov:BlockedAccessEvent``."""
    return AIGOV[_camel(EventType.parse(t).value) + "Event"]


def event_predicate(t: EventType | str) -> URIRef:
    """``EventType.BLOCKED_ACCESS`` -> ``aigov:BLOCKED_ACCESS`` (the direct actor->target triple)."""
    return AIGOV[EventType.parse(t).value]


def modality_iri(m: Modality | str) -> URIRef:
    """``Modality.ASSERTED`` -> ``aigov:Asserted``."""
    return AIGOV[_camel(Modality.parse(m).value)]


def _local(value: str) -> str:
    """Percent-encode an id into one IRI path segment (injective: ``%`` itself is encoded)."""
    if not value:
        raise SchemaError("an empty id cannot name a resource")
    return quote(value, safe="-_~:")


def date_precision(start: str | None, end: str | None) -> URIRef | None:
    """The precision of an event's first..last day (ISO days), None when undated.

    >>> [str(date_precision(*d)).rsplit("/", 1)[1] for d in (("2026-01-14", None),
    ...     ("2026-01-01", "2026-01-31"), ("2025-01-01", "2025-12-31"), ("2026-01-05", "2026-01-11"),
    ...     ("2026-02-01", "2026-02-15"))]
    ['Day', 'Month', 'Year', 'Week', 'Interval']
    """
    if not start:
        return None
    first = _dt.date.fromisoformat(str(start)[:10])
    last = _dt.date.fromisoformat(str(end or start)[:10])
    days = (last - first).days + 1
    if days == 1:
        name = "Day"
    elif days == 7:
        name = "Week"
    elif (
        first.day == 1
        and (last + _dt.timedelta(days=1)).day == 1
        and first.month == last.month
        and first.year == last.year
    ):
        name = "Month"
    elif (first.month, first.day, last.month, last.day) == (1, 1, 12, 31) and first.year == last.year:
        name = "Year"
    else:
        name = "Interval"
    return AIGOV[name]


def entity_iri(id: str) -> URIRef:
    return ENTITY[_local(id)]


def event_iri(id: str) -> URIRef:
    return EVENT[_local(id)]


def article_iri(id: str) -> URIRef:
    return ARTICLE[_local(id)]


def report_iri(id: str) -> URIRef:
    return REPORT[_local(id)]


def graph_iri(article: str) -> URIRef:
    """The named graph holding what one article says."""
    return GRAPH[_local(article)]


def report_part_iri(id: str, part: str) -> URIRef:
    """A part of a report's annotation: ``#evidence`` (the evidence in its article), ``#position``
    and ``#quote`` (its selectors)."""
    return URIRef(f"{report_iri(id)}#{part}")


def extraction_iri(article: str) -> URIRef:
    """The run of the coder over one article (a ``prov:Activity``)."""
    return EXTRACTION[_local(article)]


def agent_iri(version: str) -> URIRef:
    """The event coder of one version (a ``prov:SoftwareAgent``): ``agent/coder/1.5.1``."""
    return AGENT["coder/" + _local(version)]


def publisher_iri(host: str) -> URIRef:
    """The publisher of articles from one web host (``www.`` dropped): ``publisher/reuters.com``."""
    return PUBLISHER[_local(host)]


def dataset_iri(name: str, part: str | None = None) -> URIRef:
    """One exported dataset (:mod:`graph.export.describe`), or a part of its description
    (``#Event``: its class partition of events)."""
    iri = DATASET[_local(name)]
    return URIRef(f"{iri}#{part}") if part else iri


def wikidata_iri(qid: str) -> URIRef:
    if not qid or not qid[0] == "Q" or not qid[1:].isdigit():
        raise SchemaError(f"{qid!r} is not a Wikidata QID")
    return WD[qid]


def _supers() -> dict[URIRef, tuple[URIRef, ...]]:
    """Every aigov class/property -> its (transitive) super-classes/properties outside itself."""
    out: dict[URIRef, tuple[URIRef, ...]] = {}
    for name, (_, _, sup) in _BASE_CLASSES.items():
        out[AIGOV[name]] = sup
    for t in EntityType:
        out[entity_class(t)] = (AIGOV.Entity, *ENTITY_SCHEMA.get(t, ()), *out[AIGOV.Entity])
    for t in EventType:
        out[event_class(t)] = (AIGOV.Event, *out[AIGOV.Event])
    for name, (*_, sup) in _PROPS.items():
        if sup:
            out[AIGOV[name]] = sup
    # schema:Thing says nothing a consumer can use: not materialised
    return {k: tuple(s for s in v if s != SDO.Thing) for k, v in out.items()}


#: Terms to materialise on export (``aligned=True``): what RDFS entailment over the
#: ontology's subClassOf/subPropertyOf axioms adds, so schema.org/PROV/SEM queries work
#: without a reasoner.
SUPERS: dict[URIRef, tuple[URIRef, ...]] = _supers()


def ontology() -> Graph:
    """The aigov ontology (classes, properties, individuals; labels in en and fr) as a Graph."""
    g = Graph()
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns)
    onto = URIRef(BASE + "ont")
    g.add((onto, RDF.type, OWL.Ontology))
    g.add((onto, OWL.versionIRI, URIRef(f"{BASE}ont/{VERSION}")))
    g.add((onto, OWL.versionInfo, Literal(VERSION)))
    g.add((onto, DCTERMS.license, URIRef("https://creativecommons.org/licenses/by/4.0/")))
    g.add((onto, RDFS.label, Literal("aigov: AI governance events from the news", lang="en")))
    g.add((onto, RDFS.label, Literal("aigov : événements de gouvernance de l'IA dans la presse", lang="fr")))
    g.add(
        (
            onto,
            RDFS.comment,
            Literal(
                "Generated from the closed enums of graph/model.py. Events are reified: an event "
                "resource has actors, targets, a modality and dated evidence; an asserted event is also "
                "the direct triple actor aigov:<TYPE> target (a planned, reported, negated or "
                "hypothetical one never is). Event cores and entities sit in the default graph; "
                "each article's reports sit in their own named graph.",
                lang="en",
            ),
        )
    )
    g.add(
        (
            onto,
            RDFS.comment,
            Literal(
                "Généré à partir des énumérations fermées de graph/model.py. Les événements sont "
                "réifiés : une ressource événement a des acteurs, des cibles, une modalité et des "
                "preuves datées ; un événement affirmé est aussi le triplet direct acteur "
                "aigov:<TYPE> cible (jamais un événement prévu, rapporté, démenti ou hypothétique).",
                lang="fr",
            ),
        )
    )

    def label(term: URIRef, en: str, fr: str) -> None:
        g.add((term, RDFS.label, Literal(en, lang="en")))
        g.add((term, RDFS.label, Literal(fr, lang="fr")))
        g.add((term, RDFS.isDefinedBy, onto))

    def comment(term: URIRef, en: str, fr: str) -> None:
        g.add((term, RDFS.comment, Literal(en, lang="en")))
        g.add((term, RDFS.comment, Literal(fr, lang="fr")))

    for name, (en, fr, sup) in _BASE_CLASSES.items():
        g.add((AIGOV[name], RDF.type, OWL.Class))
        label(AIGOV[name], en, fr)
        comment(AIGOV[name], *BASE_COMMENTS[name])
        for s in sup:
            g.add((AIGOV[name], RDFS.subClassOf, s))
    for t in EntityType:
        c = entity_class(t)
        g.add((c, RDF.type, OWL.Class))
        en, fr = ENTITY_LABELS.get(t, (t.value.lower(), t.value.lower()))
        label(c, en, fr)
        comment(
            c,
            f"An entity of type {en}, named in the news.",
            f"Une entité de type « {fr} », nommée dans la presse.",
        )
        g.add((c, RDFS.subClassOf, AIGOV.Entity))
        for s in ENTITY_SCHEMA.get(t, ()):
            g.add((c, RDFS.subClassOf, s))
    for t in EventType:
        c, p = event_class(t), event_predicate(t)
        default = t.value.lower().replace("_", " ")
        (cen, cfr), (pen, pfr) = EVENT_LABELS.get(t, ((default, default), (default, default)))
        g.add((c, RDF.type, OWL.Class))
        label(c, cen, cfr)
        comment(
            c,
            f"An event of type {t.value} ({cen}): its actors {pen} its targets.",
            f"Un événement de type {t.value} ({cfr}) : ses acteurs ({pfr}) ses cibles.",
        )
        g.add((c, RDFS.subClassOf, AIGOV.Event))
        g.add((c, SKOS.notation, Literal(t.value)))
        g.add((p, RDF.type, OWL.ObjectProperty))
        label(p, pen, pfr)
        g.add((p, RDFS.domain, AIGOV.Entity))
        g.add((p, RDFS.range, AIGOV.Entity))
        g.add(
            (
                p,
                RDFS.comment,
                Literal(
                    f"Direct form of an asserted event of class {c.n3(g.namespace_manager)}: actor "
                    f"{t.value} target. Only asserted events give one. In the RDF 1.2 exports the event "
                    "reifies the triple.",
                    lang="en",
                ),
            )
        )
        g.add(
            (
                p,
                RDFS.comment,
                Literal(
                    f"Forme directe d'un événement affirmé de la classe {c.n3(g.namespace_manager)} : "
                    f"acteur {t.value} cible. Seuls les événements affirmés en donnent une. Dans les "
                    "exports RDF 1.2, l'événement réifie le triplet.",
                    lang="fr",
                ),
            )
        )
        for code_prop, table in ((AIGOV.ploverCode, PLOVER), (AIGOV.cameoCode, CAMEO)):
            code = table.get(t)
            if code:
                g.add((c, code_prop, Literal(code)))
                g.add((p, code_prop, Literal(code)))
    scheme = AIGOV.modalities
    g.add((scheme, RDF.type, SKOS.ConceptScheme))
    comment(scheme, "The closed list of modalities.", "La liste fermée des modalités.")
    g.add((scheme, RDFS.label, Literal("modalities", lang="en")))
    g.add((scheme, RDFS.label, Literal("modalités", lang="fr")))
    for m in Modality:
        i = modality_iri(m)
        g.add((i, RDF.type, AIGOV.Modality))
        g.add((i, RDF.type, OWL.NamedIndividual))
        g.add((i, RDF.type, SKOS.Concept))
        g.add((i, SKOS.inScheme, scheme))
        g.add((i, SKOS.notation, Literal(m.value)))
        en, fr = MODALITY_LABELS.get(m, (m.value, m.value))
        label(i, en, fr)
        comment(i, *MODALITY_COMMENTS[m])
        g.add((i, SKOS.prefLabel, Literal(en, lang="en")))
        g.add((i, SKOS.prefLabel, Literal(fr, lang="fr")))
    precisions = AIGOV.precisions
    g.add((precisions, RDF.type, SKOS.ConceptScheme))
    g.add((precisions, RDFS.label, Literal("date precisions", lang="en")))
    g.add((precisions, RDFS.label, Literal("précisions de date", lang="fr")))
    comment(precisions, "The closed list of date precisions.", "La liste fermée des précisions de date.")
    for name, (en, fr, den, dfr) in PRECISIONS.items():
        i = AIGOV[name]
        g.add((i, RDF.type, AIGOV.DatePrecision))
        g.add((i, RDF.type, OWL.NamedIndividual))
        g.add((i, RDF.type, SKOS.Concept))
        g.add((i, SKOS.inScheme, precisions))
        label(i, en, fr)
        comment(i, den[0].upper() + den[1:] + ".", dfr[0].upper() + dfr[1:] + ".")
    for name, (kind, en, fr, domain, rng, sup) in _PROPS.items():
        p = AIGOV[name]
        g.add((p, RDF.type, kind))
        label(p, en, fr)
        den, dfr = _BASE_CLASSES[domain][:2] if domain else ("resource", "ressource")
        article = "an" if den[0] in "aeiou" else "a"
        comment(
            p,
            *PROP_COMMENTS.get(
                name, (f"The {en} of {article} {den}.", f"{fr[0].upper() + fr[1:]} : propriété d'un(e) {dfr}.")
            ),
        )
        if domain:
            g.add((p, RDFS.domain, AIGOV[domain]))
        if isinstance(rng, URIRef):
            g.add((p, RDFS.range, rng))
        elif rng is not None:
            g.add((p, RDFS.range, AIGOV[rng]))
        for s in sup:
            g.add((p, RDFS.subPropertyOf, s))
    _declare_external_terms(g)
    return g


def _declare_external_terms(g: Graph) -> None:
    """Declare the schema.org, PROV, SEM, Web Annotation, SKOS and Dublin Core terms the
    ontology refers to, each as what it is used as here (OWL 2 DL asks every entity to be
    declared: without these the OWL API, Protégé's parser, finds the ontology outside OWL 2
    DL). Only what the ontology uses is declared; nothing is said of these terms beyond it."""
    own = str(ONT)
    builtin = (str(RDF), str(RDFS), str(OWL))

    def external(term: Any) -> bool:
        return isinstance(term, URIRef) and not str(term).startswith((own, *builtin))

    declared: dict[Any, Any] = {}  # (rdflib's Node: URIRefs here, see external())
    for s, p, o in list(g):
        if p in (RDFS.subClassOf, RDF.type) and external(o):  # schema:Country, skos:Concept...
            declared[o] = OWL.Class
        elif p == RDFS.subPropertyOf and external(o):
            declared[o] = next(iter(g.objects(s, RDF.type)))  # the kind of its sub-property
        elif p == RDFS.range and isinstance(o, URIRef) and str(o).startswith(str(XSD)):
            declared[o] = RDFS.Datatype
        elif external(p) and p not in declared:
            declared[p] = OWL.AnnotationProperty  # skos:notation, skos:prefLabel, dcterms:license...
    for term, kind in declared.items():
        if (term, RDF.type, None) not in g or kind == RDFS.Datatype:
            g.add((term, RDF.type, kind))


def write_ontology(out: str | Path | IO[bytes], format: str = "turtle") -> int:
    """Write the ontology (Turtle by default) to a path or binary file; return its triple count."""
    g = ontology()
    data = g.serialize(format=format, encoding="utf-8")
    if isinstance(out, (str, Path)):
        Path(out).write_bytes(data)
    else:
        out.write(data)
    return len(g)


def jsonld_context() -> dict[str, Any]:
    """The JSON-LD ``@context`` the exporter compacts with (shipped as graph/context.jsonld).

    Terms are plain (no type coercion) so that every value keeps its exact datatype or
    language when compacted and expanded again.
    """
    ctx: dict[str, Any] = {prefix: str(ns) for prefix, ns in PREFIXES.items()}
    ctx.update(
        {
            "name": "schema:name",
            "alternateName": "schema:alternateName",
            "sameAs": {"@id": "owl:sameAs", "@type": "@id"},
            "wasDerivedFrom": {"@id": "prov:wasDerivedFrom", "@type": "@id"},
            "evidence": "prov:value",
            "headline": "schema:headline",
            "datePublished": "schema:datePublished",
            "inLanguage": "schema:inLanguage",
            "url": "schema:url",
        }
    )
    for name in _PROPS:
        if name in ("id",):
            continue
        kind = _PROPS[name][0]
        ctx[name] = {"@id": f"aigov:{name}", "@type": "@id"} if kind == _OBJECT else f"aigov:{name}"
    ctx["identifier"] = "aigov:id"
    for t in EventType:
        ctx[t.value] = {"@id": f"aigov:{t.value}", "@type": "@id"}
    return {"@context": ctx}


def _write_context(path: Path = CONTEXT_PATH) -> None:  # pragma: no cover - maintenance helper
    """Regenerate the shipped graph/context.jsonld from the enums."""
    path.write_text(json.dumps(jsonld_context(), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
