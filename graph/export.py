"""Export the graph: RDF (seven syntaxes, validated with SHACL), JSON Lines and CSV.

The RDF is lossless: every node and relationship property of the store has a triple, and ids
are kept as ``aigov:id`` literals beside the IRIs minted from them. Its shape (terms in
:mod:`graph.vocab`):

* **Entities** (default graph): ``entity:Q833 a aigov:Country ; schema:name "Malaysia" ;
  owl:sameAs wd:Q833``, aliases as ``schema:alternateName``.
* **Articles**, one named graph each (``graph:<article id>``, itself ``prov:wasDerivedFrom``
  the article in the default graph). An article's graph holds the article's description,
  the events it reports (class, ``aigov:actor``, ``aigov:target``, ``aigov:modality``,
  ``prov:wasDerivedFrom`` the article), one ``aigov:Report`` per REPORTS edge (that
  article's evidence as ``prov:value``, date, quote, confidence, offset) and the direct
  triples ``actor aigov:BLOCKED_ACCESS target`` the article supports.
* **Event records** (default graph): what the store keeps on the Event node across all
  reports -- date (``xsd:date``/``xsd:gYearMonth``/``xsd:gYear``, or an interval string),
  ``aigov:start``/``aigov:end`` (``xsd:date``), quote and evidence (language-tagged with the
  language of the article they come from), detail, confidence (``xsd:decimal``), first seen.

Triple formats (turtle, nt, xml) carry the union of the graphs; quad formats (trig, nquads,
json-ld) keep one named graph per article. ``nt``, ``nquads`` and ``ntriples-star`` stream:
they are written page by page and never hold the whole graph, as text built straight from the
store rows (no rdflib term per triple; the same graph, byte for byte, as before). ``turtle-star`` and
``ntriples-star`` are RDF 1.2 (the W3C successor of RDF-star): each direct triple is also
reified by its event (``s p o ~ event`` in Turtle, ``event rdf:reifies <<( s p o )>>`` in
N-Triples). rdflib 7 cannot read RDF 1.2; pyoxigraph (>= 0.5) can.

With ``aligned=True`` (the default) the export also materialises what the ontology's
subClassOf/subPropertyOf axioms entail towards schema.org, PROV-O and SEM (``schema:Country``,
``schema:agent``, ``sem:hasActor``, ``schema:startTime``...), so those vocabularies can be
queried without a reasoner.
"""

from __future__ import annotations

import contextlib
import functools
import csv
import io
import json
import os
import queue
import re
import threading
import time
from dataclasses import asdict, dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import IO, Any, Callable, Iterable, Iterator, TypeVar

from rdflib import OWL, RDF, XSD, Dataset, Graph, Literal, URIRef
from rdflib.namespace import PROV, SDO

from graph import vocab
from graph.errors import AigovError
from graph.model import EntityType, EventType, Modality
from graph.vocab import AIGOV

__all__ = [
    "FORMATS", "STREAMING_FORMATS", "ExportSummary", "ExportError",
    "export_rdf", "export_jsonl", "export_csv", "to_dataset", "iter_quads", "validate",
    "ENTITIES_PAGE", "ARTICLES_PAGE", "EVENTS_PAGE", "REPORTS_OF_EVENTS", "DIRECT_OF_EVENTS",
    "DEFAULT_PAGE_SIZE",
]

DEFAULT_PAGE_SIZE = 1000


class ExportError(AigovError):
    """The export cannot be written (unknown format, unwritable target, bad stored value)."""


# ---------------------------------------------------------------------------------------------
# Cypher (both stores; values only as parameters)
#
# Every id of a kind is read once, in order; pages are then fetched by id, each an index
# lookup. Keyset pagination (``WHERE x.id > $after ORDER BY x.id LIMIT n``) cannot be served by
# FalkorDB 4.22's range index, which answered string range predicates wrongly (``n.id > 'Q1'``
# returned nothing although 'Q833' is stored), so every page scanned and sorted every node:
# quadratic, 751 s for a 1M-event export, of which the exporter's own work was 132 s. The id
# lists cost ~100 bytes per node (about 60 MB for 1M events), against that.

#: Every id of one kind of node, in order.
IDS = """\
MATCH (n:{label})
WITH n.id AS id
ORDER BY id
RETURN collect(id) AS ids
"""

#: A page of entities, by id.
ENTITIES_PAGE = """\
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN n.id AS id, properties(n) AS props
ORDER BY id
"""

#: A page of articles, by id.
ARTICLES_PAGE = """\
UNWIND $ids AS id
MATCH (a:Article {id: id})
RETURN a.id AS id, properties(a) AS props
ORDER BY id
"""

#: A page of events, by id, with the ids of their actors and targets.
EVENTS_PAGE = """\
UNWIND $ids AS id
MATCH (e:Event {id: id})
OPTIONAL MATCH (x:Entity)-[ra:ACTOR]->(e)
WITH e, collect(DISTINCT x.id) AS actors
OPTIONAL MATCH (e)-[rt:TARGET]->(y:Entity)
WITH e, actors, collect(DISTINCT y.id) AS targets
RETURN e.id AS id, properties(e) AS props, actors, targets
ORDER BY id
"""

#: The REPORTS edges of a page of events, with the reporting article's language.
REPORTS_OF_EVENTS = """\
UNWIND $ids AS id
MATCH (a:Article)-[r:REPORTS]->(e:Event {id: id})
RETURN id AS event, a.id AS article, a.language AS language, properties(r) AS props
"""

#: The direct typed relationships (actor)-[:<TYPE> {event_id}]->(target) of a page of events.
# Both endpoints are bound through the event first: expanding every outgoing edge of an
# actor cost 1.5 s per 1,000-event page for actors with thousands of edges (bench/README.md).
DIRECT_OF_EVENTS = """\
UNWIND $ids AS id
MATCH (s:Entity)-[ra:ACTOR]->(e:Event {id: id})-[rt:TARGET]->(t:Entity)
MATCH (s)-[r]->(t)
WHERE r.event_id = id
RETURN id AS event, s.id AS src, type(r) AS type, t.id AS dst, properties(r) AS props
"""



_ID_QUERIES = {q: IDS.format(label=label) for q, label in
               ((ENTITIES_PAGE, "Entity"), (ARTICLES_PAGE, "Article"), (EVENTS_PAGE, "Event"))}


def _pages(store: Any, query: str, page_size: int) -> Iterator[list[dict]]:
    """Pages of rows in id order, read one page ahead (:func:`_read_ahead`); raises if a node
    went missing between the two reads."""
    return _read_ahead(_read_pages(store, query, page_size))


def _read_pages(store: Any, query: str, page_size: int) -> Iterator[list[dict]]:
    """:func:`_pages`, each page read when asked for."""
    if page_size < 1:
        raise ExportError(f"page size must be at least 1, not {page_size}")
    # one row holding the list: a row (a dict) per id cost ~230 bytes each at the peak
    rows = store.read(_ID_QUERIES[query])
    ids = rows[0]["ids"] if rows else []
    del rows
    for start in range(0, len(ids), page_size):
        wanted = ids[start:start + page_size]
        rows = store.read(query, {"ids": wanted})
        if [r["id"] for r in rows] != wanted:
            raise ExportError(f"read {len(rows)} of {len(wanted)} nodes of a page: the store "
                              "changed during the export: export again")
        yield rows


_T = TypeVar("_T")


def _read_ahead(pages: Iterator[_T]) -> Iterator[_T]:
    """Yield ``pages`` while a thread already reads the next one from the store.

    Writing a page costs this process CPU while the store's server works on the next query
    on the other core; reading one page ahead overlaps the two (the thread waits on a
    socket, which releases the GIL). At most one page waits, so memory stays flat. An error
    in a read is raised here, in the consumer; closing the consumer stops the thread.

    >>> list(_read_ahead(iter([1, 2, 3])))
    [1, 2, 3]
    """
    slot: queue.Queue = queue.Queue(maxsize=1)
    stop = threading.Event()
    end = object()

    def put(item: tuple) -> bool:
        while not stop.is_set():
            try:
                slot.put(item, timeout=0.1)
                return True
            except queue.Full:
                continue
        return False

    def work() -> None:
        try:
            for page in pages:
                if not put((page, None)):
                    return
        except BaseException as exc:  # handed to the consumer, raised there
            put((end, exc))
            return
        put((end, None))

    thread = threading.Thread(target=work, name="aigov-export-read-ahead", daemon=True)
    thread.start()
    try:
        while True:
            page, exc = slot.get()
            if page is end:
                if exc is not None:
                    raise exc
                return
            yield page
    finally:
        stop.set()
        thread.join()
        close = getattr(pages, "close", None)
        if close is not None:
            close()


@dataclass
class _EventPage:
    events: list[dict]
    reports: dict[str, list[dict]]
    direct: dict[str, list[dict]]


def _event_pages(store: Any, page_size: int, direct_props: bool = True) -> Iterator[_EventPage]:
    """Pages of events with their reports and direct relations, read one page ahead
    (:func:`_read_ahead`); see :func:`_read_event_pages`."""
    return _read_ahead(_read_event_pages(store, page_size, direct_props))


def _read_event_pages(store: Any, page_size: int, direct_props: bool = True) -> Iterator[_EventPage]:
    """Pages of events with their reports and direct relations, each read when asked for.

    ``direct_props=False`` (the RDF export, which needs only who did what to whom) does not
    read the direct relationships: the writer makes exactly one per actor and target of the
    event (actor and target differ) with the event's type, so they follow from the event's
    actors and targets. Reading them cost a scan of every edge between the two entities,
    thousands between two busy ones.
    """
    for rows in _read_pages(store, EVENTS_PAGE, page_size):
        ids = [r["id"] for r in rows]
        reports: dict[str, list[dict]] = {i: [] for i in ids}
        for r in store.read(REPORTS_OF_EVENTS, {"ids": ids}):
            reports[r["event"]].append(r)
        for lst in reports.values():
            lst.sort(key=lambda r: (r["article"], str(r["props"].get("mention_id"))))
        direct: dict[str, list[dict]] = {i: [] for i in ids}
        if direct_props:
            for r in store.read(DIRECT_OF_EVENTS, {"ids": ids}):
                direct[r["event"]].append(r)
        else:
            for row in rows:
                etype = row["props"]["type"]
                direct[row["id"]] = [{"event": row["id"], "src": a, "type": etype, "dst": t}
                                     for a in set(row["actors"]) for t in set(row["targets"]) if a != t]
        for lst in direct.values():
            lst.sort(key=lambda r: (r["type"], r["src"], r["dst"]))
        yield _EventPage(rows, reports, direct)


# ---------------------------------------------------------------------------------------------
# literals

_LANG_RE = re.compile(r"^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$")
_DAY_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_MONTH_RE = re.compile(r"^\d{4}-\d{2}$")
_YEAR_RE = re.compile(r"^\d{4}$")
_DATETIME_RE = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$")


def _date(value: Any) -> Literal:
    """A contract date as the literal of its precision: day ``xsd:date``, month
    ``xsd:gYearMonth``, year ``xsd:gYear``, timestamp ``xsd:dateTime``; anything else (an
    interval ``YYYY-MM-DD/YYYY-MM-DD``) a plain string.

    >>> _date("2026-01").n3()
    '"2026-01"^^<http://www.w3.org/2001/XMLSchema#gYearMonth>'
    >>> _date("2026-01-05/2026-01-11").n3()
    '"2026-01-05/2026-01-11"'
    """
    text = str(value)
    if _DAY_RE.match(text):
        return Literal(text, datatype=XSD.date)
    if _MONTH_RE.match(text):
        return Literal(text, datatype=XSD.gYearMonth)
    if _YEAR_RE.match(text):
        return Literal(text, datatype=XSD.gYear)
    if _DATETIME_RE.match(text):
        return Literal(text, datatype=XSD.dateTime)
    return Literal(text)


def _decimal(value: Any) -> Literal:
    """A float as an exact ``xsd:decimal`` of its shortest repr (0.9 -> "0.9")."""
    return Literal(format(Decimal(repr(float(value))), "f"), datatype=XSD.decimal)


def _lang(language: Any) -> str | None:
    """A language tag for literals, or None (none, ``und`` or not a well-formed tag)."""
    if not language or not isinstance(language, str):
        return None
    return _lang_tag(language)


@functools.lru_cache(maxsize=1024)
def _lang_tag(language: str) -> str | None:
    if language.lower() == "und":
        return None
    return language if _LANG_RE.match(language) else None


def _text(value: Any, lang: str | None) -> Literal:
    return Literal(str(value), lang=lang) if lang else Literal(str(value))


# ---------------------------------------------------------------------------------------------
# N-Triples / N-Quads terms, written by hand so that they stream

# Canonical N-Triples escaping (as in RDF 1.2 / RDF Dataset Canonicalization): backslash,
# quote, \b \t \n \f \r as ECHAR, the other control characters (U+0000-U+001F, U+007F) as
# \u00XX; everything else, non-ASCII included, as itself (the output is UTF-8).
_ESCAPES = {**{c: f"\\u{c:04X}" for c in (*range(0x20), 0x7F)},
            ord("\\"): "\\\\", ord('"'): '\\"', ord("\b"): "\\b", ord("\t"): "\\t",
            ord("\n"): "\\n", ord("\f"): "\\f", ord("\r"): "\\r"}
_NEEDS_ESCAPE = re.compile(r'[\x00-\x1f\x7f"\\]').search
_IRI_BAD = re.compile(r'[\x00-\x20<>"{}|^`\\]')


def _nt_escape(text: str) -> str:
    r"""The body of an N-Triples string literal.

    >>> print(_nt_escape('a "b"\\c\n\x01'))
    a \"b\"\\c\n\u0001
    """
    return text.translate(_ESCAPES) if _NEEDS_ESCAPE(text) else text


@functools.lru_cache(maxsize=1 << 12)
def _nt_iri(term: str) -> str:
    if _IRI_BAD.search(term):
        raise ExportError(f"not a valid IRI: {term!r}")
    return f"<{term}>"


_XSD_STRING = str(XSD.string)


def _nt(term: Any) -> str:
    """An rdflib term in N-Triples."""
    if isinstance(term, URIRef):
        return _nt_iri(str(term))
    if isinstance(term, Literal):
        text = '"' + _nt_escape(str(term)) + '"'
        if term.language:
            return f"{text}@{term.language}"
        datatype = term.datatype
        if datatype is not None and str(datatype) != _XSD_STRING:
            return f"{text}^^{_nt_iri(str(datatype))}"
        return text
    raise ExportError(f"cannot write {term!r} in N-Triples")  # no blank nodes in this model


def _nt_line(s: Any, p: Any, o: Any, g: Any = None) -> str:
    if g is None:
        return f"{_nt(s)} {_nt(p)} {_nt(o)} .\n"
    return f"{_nt(s)} {_nt(p)} {_nt(o)} {_nt(g)} .\n"


# ---------------------------------------------------------------------------------------------
# the quads

Quad = tuple  # (subject, predicate, object, graph IRI or None for the default graph)


# The emitter below is written once and runs on one of two term sets: rdflib terms
# (:class:`_RdfTerms`: the in-memory formats, :func:`to_dataset`, :func:`iter_quads`) or
# N-Triples text (:class:`_NTTerms`: the streamed formats, which then never build an rdflib
# term). Each N-Triples term is derived from the rdflib one -- constants by serialising it,
# the few distinct values (classes, dates, confidences, entity and article IRIs) by a cache in
# front of the rdflib path -- so both give the same graph (tests/test_export.py checks it).


class _RdfTerms:
    """The emitter's vocabulary as rdflib terms."""

    # classes and predicates (the closed vocabulary)
    TYPE = RDF.type
    ARTICLE = AIGOV.Article
    REPORT = AIGOV.Report
    ACTOR = AIGOV.actor
    CONFIDENCE = AIGOV.confidence
    DATE = AIGOV.date
    DATETEXT = AIGOV.dateText
    DETAIL = AIGOV.detail
    END = AIGOV.end
    EVENTCOUNT = AIGOV.eventCount
    EVIDENCESTART = AIGOV.evidenceStart
    EXTRACTOR = AIGOV.extractor
    FIRSTSEEN = AIGOV.firstSeen
    ID = AIGOV.id
    INARTICLE = AIGOV.inArticle
    INGESTEDAT = AIGOV.ingestedAt
    MODALITY = AIGOV.modality
    QUOTE = AIGOV.quote
    REPORTOF = AIGOV.reportOf
    SEARCHKEY = AIGOV.searchKey
    SOURCE = AIGOV.source
    START = AIGOV.start
    TARGET = AIGOV.target
    SAMEAS = OWL.sameAs
    VALUE = PROV.value
    WASDERIVEDFROM = PROV.wasDerivedFrom
    ALTERNATENAME = SDO.alternateName
    DATEPUBLISHED = SDO.datePublished
    HEADLINE = SDO.headline
    INLANGUAGE = SDO.inLanguage
    NAME = SDO.name
    URL = SDO.url

    #: class/property -> the super-classes/properties ``aligned`` materialises
    SUPERS: dict = vocab.SUPERS

    # resources minted from ids
    entity = staticmethod(vocab.entity_iri)
    event = staticmethod(vocab.event_iri)
    article = staticmethod(vocab.article_iri)
    report = staticmethod(vocab.report_iri)
    graph = staticmethod(vocab.graph_iri)
    wikidata = staticmethod(vocab.wikidata_iri)

    # closed vocabulary, from the stored (unparsed) values; unknown values raise
    @staticmethod
    def entity_class(value: Any) -> URIRef:
        return vocab.entity_class(EntityType.parse(value))

    @staticmethod
    def event_class(value: Any) -> URIRef:
        return vocab.event_class(EventType.parse(value))

    @staticmethod
    def event_predicate(value: Any) -> URIRef:
        return vocab.event_predicate(EventType.parse(value))

    @staticmethod
    def modality(value: Any) -> URIRef:
        return vocab.modality_iri(Modality.parse(value or Modality.ASSERTED))

    # literals
    plain = staticmethod(Literal)      #: a stored value as it is (a str is an xsd:string)
    text = staticmethod(_text)         #: ``(value, lang)``: a string, language-tagged if lang
    date = staticmethod(_date)         #: a contract date at its precision
    decimal = staticmethod(_decimal)

    @staticmethod
    def day(value: Any) -> Literal:
        return Literal(str(value), datatype=XSD.date)

    @staticmethod
    def integer(value: Any) -> Literal:
        return Literal(int(value))

    @staticmethod
    def any_uri(value: Any) -> Literal:
        return Literal(value, datatype=XSD.anyURI)


_TERM_CACHE = 1 << 12  # entries per literal/class cache: bounded, so that memory stays flat
_ENTITY_CACHE = 1 << 14  # entity IRIs recur (actors, targets, direct triples): cached
_SAFE_LOCAL = re.compile(r"[A-Za-z0-9_.~:-]+").fullmatch  # what vocab._local leaves unchanged


def _nt_minter(namespace: Any, mint: Callable[[Any], URIRef]) -> Callable[[Any], str]:
    """``id -> "<namespace + local>"`` as :func:`vocab._local` encodes it; an id quote() would
    change (or an empty one, which raises) goes through the rdflib path."""
    prefix = "<" + str(namespace)

    def make(id: Any) -> str:
        if type(id) is str and _SAFE_LOCAL(id):
            return prefix + id + ">"
        return _nt_iri(str(mint(id)))
    return make


def _nt_cached(fn: Callable[..., Any]) -> Callable[..., str]:
    """The N-Triples text of ``fn``'s rdflib term, cached on the arguments."""
    return functools.lru_cache(maxsize=_TERM_CACHE)(lambda *args: _nt(fn(*args)))


@functools.lru_cache(maxsize=256)
def _nt_lang_suffix(lang: str) -> str:
    return "@" + Literal("", lang=lang).language


_NT_INTEGER = _nt(XSD.integer)
_NT_ANYURI = _nt(XSD.anyURI)


class _NTTerms:
    """The emitter's vocabulary as N-Triples text: ``<iri>``, ``"lexical"``,
    ``"lexical"@lang``, ``"lexical"^^<datatype>``."""

    SUPERS: dict = {}  # filled below from _RdfTerms

    entity = staticmethod(functools.lru_cache(maxsize=_ENTITY_CACHE)(
        _nt_minter(vocab.ENTITY, vocab.entity_iri)))
    event = staticmethod(_nt_minter(vocab.EVENT, vocab.event_iri))
    report = staticmethod(_nt_minter(vocab.REPORT, vocab.report_iri))
    article = staticmethod(_nt_minter(vocab.ARTICLE, vocab.article_iri))
    graph = staticmethod(_nt_minter(vocab.GRAPH, vocab.graph_iri))
    wikidata = staticmethod(_nt_cached(vocab.wikidata_iri))

    entity_class = staticmethod(_nt_cached(_RdfTerms.entity_class))
    event_class = staticmethod(_nt_cached(_RdfTerms.event_class))
    event_predicate = staticmethod(_nt_cached(_RdfTerms.event_predicate))
    modality = staticmethod(_nt_cached(_RdfTerms.modality))

    @staticmethod
    def plain(value: Any) -> str:
        if type(value) is str:
            return '"' + _nt_escape(value) + '"'
        return _nt(Literal(value))  # rdflib types a number, a boolean...

    @staticmethod
    def text(value: Any, lang: str | None) -> str:
        quoted = '"' + _nt_escape(str(value)) + '"'
        if not lang:
            return quoted
        return quoted + _nt_lang_suffix(lang)

    # the date and number literals go through rdflib (its lexical normalisation included),
    # cached on the value they are built from
    _cached_date = staticmethod(_nt_cached(_date))
    _cached_day = staticmethod(_nt_cached(_RdfTerms.day))
    _cached_decimal = staticmethod(_nt_cached(_decimal))

    @staticmethod
    def date(value: Any) -> str:
        return _NTTerms._cached_date(str(value))

    @staticmethod
    def day(value: Any) -> str:
        return _NTTerms._cached_day(str(value))

    @staticmethod
    def decimal(value: Any) -> str:
        return _NTTerms._cached_decimal(float(value))

    @staticmethod
    def integer(value: Any) -> str:
        return f'"{int(value)}"^^{_NT_INTEGER}'

    @staticmethod
    def any_uri(value: Any) -> str:
        if type(value) is str:  # rdflib keeps an anyURI's lexical form as it is
            return '"' + _nt_escape(value) + '"^^' + _NT_ANYURI
        return _nt(Literal(value, datatype=XSD.anyURI))


for _name, _term in vars(_RdfTerms).items():
    if _name.isupper() and _name != "SUPERS":
        setattr(_NTTerms, _name, _nt(_term))
_NTTerms.SUPERS = {_nt(k): tuple(_nt(s) for s in v) for k, v in vocab.SUPERS.items()}
del _name, _term


class _Emitter:
    """Turns store rows into quads of ``terms`` (:class:`_RdfTerms` or :class:`_NTTerms`);
    ``aligned`` adds the schema.org/PROV/SEM entailments."""

    def __init__(self, aligned: bool, terms: type = _RdfTerms, lines: str | None = None):
        """``lines`` ("nt" or "nquads", with :class:`_NTTerms`) makes ``quads`` hold the output
        lines rather than quad tuples: the streamed formats then never build a tuple per triple."""
        self.aligned = aligned
        self.t = terms
        self.quads: list[Any] = []
        self.star: list[tuple[Any, Any, Any, Any]] = []  #: (s, p, o, event) per direct triple
        self.direct: list[Quad] = []  #: the direct quads among ``quads``, as tuples
        self.add = self._adder(self.quads.append, aligned, terms, lines)

    @staticmethod
    def _adder(append: Callable[[Any], None], aligned: bool, terms: type,
               lines: str | None) -> Callable[..., None]:
        """``add(s, p, o, g)``, the hottest call of the export: a closure per case."""
        if lines not in (None, "nt", "nquads"):
            raise ValueError(f"lines must be None, 'nt' or 'nquads', not {lines!r}")
        rdf_type, supers = terms.TYPE, terms.SUPERS.get
        # (the three variants differ only in what they append)
        if lines is None:
            def add(s: Any, p: Any, o: Any, g: Any) -> None:
                append((s, p, o, g))
                if not aligned:
                    return
                if p is rdf_type or p == rdf_type:
                    for sup in supers(o, ()):
                        append((s, p, sup, g))
                else:
                    for sup in supers(p, ()):
                        append((s, sup, o, g))
        elif lines == "nt":
            def add(s: Any, p: Any, o: Any, g: Any) -> None:
                append(f"{s} {p} {o} .\n")
                if not aligned:
                    return
                if p is rdf_type or p == rdf_type:
                    for sup in supers(o, ()):
                        append(f"{s} {p} {sup} .\n")
                else:
                    for sup in supers(p, ()):
                        append(f"{s} {sup} {o} .\n")
        else:
            def add(s: Any, p: Any, o: Any, g: Any) -> None:
                end = " .\n" if g is None else f" {g} .\n"
                append(f"{s} {p} {o}{end}")
                if not aligned:
                    return
                if p is rdf_type or p == rdf_type:
                    for sup in supers(o, ()):
                        append(f"{s} {p} {sup}{end}")
                else:
                    for sup in supers(p, ()):
                        append(f"{s} {sup} {o}{end}")
        return add

    def take(self) -> tuple[list[Quad], list[tuple], list[Quad]]:
        """The quads, reifications and direct quads emitted since the last call."""
        out = (self.quads.copy(), self.star, self.direct)
        self.quads.clear()
        self.star, self.direct = [], []
        return out

    # -- records ------------------------------------------------------------------------------
    def entity(self, props: dict[str, Any]) -> None:
        t, add = self.t, self.add
        s = t.entity(props["id"])
        add(s, t.TYPE, t.entity_class(props["type"]), None)
        add(s, t.ID, t.plain(props["id"]), None)
        add(s, t.NAME, t.plain(props["name"]), None)
        for alias in props.get("aliases") or ():
            add(s, t.ALTERNATENAME, t.plain(alias), None)
        for key in props.get("keys") or ():
            add(s, t.SEARCHKEY, t.plain(key), None)
        if props.get("wikidata"):
            add(s, t.SAMEAS, t.wikidata(props["wikidata"]), None)
        if props.get("first_seen"):
            add(s, t.FIRSTSEEN, t.date(props["first_seen"]), None)

    def article(self, props: dict[str, Any]) -> None:
        t, add = self.t, self.add
        a, g = t.article(props["id"]), t.graph(props["id"])
        lang = _lang(props.get("language"))
        add(g, t.WASDERIVEDFROM, a, None)
        add(a, t.TYPE, t.ARTICLE, g)
        add(a, t.ID, t.plain(props["id"]), g)
        if props.get("title"):
            add(a, t.HEADLINE, t.text(props["title"], lang), g)
        if props.get("published"):
            add(a, t.DATEPUBLISHED, t.date(props["published"]), g)
        if props.get("language"):
            add(a, t.INLANGUAGE, t.plain(props["language"]), g)
        if props.get("source"):
            add(a, t.SOURCE, t.plain(props["source"]), g)
        if props.get("url"):
            add(a, t.URL, t.any_uri(props["url"]), g)
        if props.get("extractor"):
            add(a, t.EXTRACTOR, t.plain(props["extractor"]), g)
        if props.get("ingested_at"):
            add(a, t.INGESTEDAT, t.date(props["ingested_at"]), g)
        if props.get("events") is not None:
            add(a, t.EVENTCOUNT, t.integer(props["events"]), g)

    def event(self, row: dict[str, Any], reports: list[dict], direct: list[dict]) -> None:
        t, add = self.t, self.add
        props = row["props"]
        e = t.event(row["id"])
        eclass = t.event_class(props["type"])
        modality = t.modality(props.get("modality"))
        actors = [t.entity(x) for x in sorted(row.get("actors") or ())]
        targets = [t.entity(y) for y in sorted(row.get("targets") or ())]

        def core(g: Any) -> None:
            add(e, t.TYPE, eclass, g)
            for x in actors:
                add(e, t.ACTOR, x, g)
            for y in targets:
                add(e, t.TARGET, y, g)
            add(e, t.MODALITY, modality, g)

        graphs: list[Any] = []
        for rep in reports:
            g = t.graph(rep["article"])
            a = t.article(rep["article"])
            lang = _lang(rep.get("language"))
            rp = rep["props"]
            if g not in graphs:
                graphs.append(g)
                core(g)
                add(e, t.WASDERIVEDFROM, a, g)
            mention = rp.get("mention_id")
            r = t.report(str(mention or f"{rep['article']}/{row['id']}"))
            add(r, t.TYPE, t.REPORT, g)
            if mention:
                add(r, t.ID, t.plain(mention), g)
            add(r, t.REPORTOF, e, g)
            add(r, t.INARTICLE, a, g)
            if (value := rp.get("evidence")) is not None:
                add(r, t.VALUE, t.text(value, lang), g)
            if (value := rp.get("evidence_start")) is not None:
                add(r, t.EVIDENCESTART, t.integer(value), g)
            if value := rp.get("date"):
                add(r, t.DATE, t.date(value), g)
            if value := rp.get("date_text"):
                add(r, t.DATETEXT, t.text(value, lang), g)
            if value := rp.get("quote"):
                add(r, t.QUOTE, t.text(value, lang), g)
            if (value := rp.get("confidence")) is not None:
                add(r, t.CONFIDENCE, t.decimal(value), g)
        if not graphs:  # an event no article reports (should not happen): keep it, unsourced
            graphs.append(None)
            core(None)

        # the Event node's own values (merged across reports) sit in the default graph
        lang = None
        evidence = props.get("evidence")
        if reports:
            same = [r for r in reports if r["props"].get("evidence") == evidence]
            lang = _lang((same or reports)[0].get("language"))
        add(e, t.ID, t.plain(row["id"]), None)
        if value := props.get("date"):
            add(e, t.DATE, t.date(value), None)
        if value := props.get("start"):
            add(e, t.START, t.day(value), None)
        if value := props.get("end"):
            add(e, t.END, t.day(value), None)
        if value := props.get("date_text"):
            add(e, t.DATETEXT, t.text(value, lang), None)
        if value := props.get("quote"):
            add(e, t.QUOTE, t.text(value, lang), None)
        if value := props.get("detail"):
            add(e, t.DETAIL, t.plain(value), None)
        if evidence is not None:
            add(e, t.VALUE, t.text(evidence, lang), None)
        if (value := props.get("confidence")) is not None:
            add(e, t.CONFIDENCE, t.decimal(value), None)
        if value := props.get("first_seen"):
            add(e, t.FIRSTSEEN, t.date(value), None)

        for d in direct:
            s, o = t.entity(d["src"]), t.entity(d["dst"])
            p = t.event_predicate(d["type"])
            for g in graphs:
                add(s, p, o, g)
                self.direct.append((s, p, o, g))
            self.star.append((s, p, o, e))


def _iter_pages(store: Any, page_size: int, aligned: bool, counts: "ExportSummary",
                terms: type = _RdfTerms, lines: str | None = None,
                ) -> Iterator[tuple[list[Any], list[tuple], list[Quad]]]:
    """Pages of quads (with repeats; or lines, see :class:`_Emitter`), their RDF 1.2
    reifications and direct quads, as ``terms``."""
    em = _Emitter(aligned, terms, lines)
    for rows in _pages(store, ENTITIES_PAGE, page_size):
        for r in rows:
            em.entity(r["props"])
        counts.entities += len(rows)
        yield em.take()
    for rows in _pages(store, ARTICLES_PAGE, page_size):
        for r in rows:
            em.article(r["props"])
        counts.articles += len(rows)
        counts.graphs += len(rows)
        yield em.take()
    for page in _event_pages(store, page_size, direct_props=False):
        for row in page.events:
            em.event(row, page.reports[row["id"]], page.direct[row["id"]])
            counts.reports += len(page.reports[row["id"]])
            counts.direct += len(page.direct[row["id"]])
        counts.events += len(page.events)
        yield em.take()


def iter_quads(store: Any, *, page_size: int = DEFAULT_PAGE_SIZE, aligned: bool = True) -> Iterator[Quad]:
    """Every quad of the export, page by page (``graph`` is None for the default graph).

    A quad can repeat across pages (a direct triple supported by two events); rdflib
    graphs and N-Quads readers treat the output as a set.
    """
    counts = ExportSummary(format="quads")
    for quads, _, _ in _iter_pages(store, page_size, aligned, counts):
        yield from dict.fromkeys(quads)


def to_dataset(store: Any, *, page_size: int = DEFAULT_PAGE_SIZE, aligned: bool = True,
               include_ontology: bool = False) -> Dataset:
    """The whole export as an rdflib :class:`~rdflib.Dataset` (one named graph per article)."""
    ds = _new_dataset()
    _fill(ds, _iter_pages(store, page_size, aligned, ExportSummary(format="dataset")))
    if include_ontology:
        for triple in vocab.ontology():
            _default(ds).add(triple)
    return ds


def _new_dataset() -> Dataset:
    ds = Dataset()
    for prefix, ns in vocab.PREFIXES.items():
        ds.bind(prefix, ns)
    return ds


def _fill(ds: Dataset, pages: Iterable[tuple[list[Quad], list, list]]) -> None:
    graphs: dict[URIRef | None, Graph] = {None: _default(ds)}
    for quads, _, _ in pages:
        for s, p, o, g in quads:
            target = graphs.get(g)
            if target is None:
                target = graphs[g] = ds.graph(g)
            target.add((s, p, o))


# ---------------------------------------------------------------------------------------------
# the public API

#: format name -> (rdflib serializer or None when written by hand, keeps named graphs)
FORMATS: dict[str, tuple[str | None, bool]] = {
    "turtle": ("turtle", False),
    "nt": (None, False),
    "json-ld": ("json-ld", True),
    "xml": ("xml", False),
    "trig": ("trig", True),
    "nquads": (None, True),
    "turtle-star": ("turtle", False),
    "ntriples-star": (None, False),
}
STREAMING_FORMATS = frozenset({"nt", "nquads", "ntriples-star"})
_ALIASES = {"ttl": "turtle", "ntriples": "nt", "n-triples": "nt", "jsonld": "json-ld",
            "rdfxml": "xml", "rdf/xml": "xml", "rdf": "xml", "n-quads": "nquads", "nq": "nquads",
            "ttl-star": "turtle-star", "turtlestar": "turtle-star", "nt-star": "ntriples-star",
            "n-triples-star": "ntriples-star"}


def _format(name: str) -> str:
    key = str(name).strip().lower()
    key = _ALIASES.get(key, key)
    if key not in FORMATS:
        raise ExportError(f"unknown RDF format {name!r}; use one of: {', '.join(FORMATS)}")
    return key


@dataclass
class ExportSummary:
    """What an export wrote."""

    format: str
    triples: int = 0  #: statements written (triples, or quads for trig/nquads/json-ld)
    reifications: int = 0  #: RDF 1.2 reifier statements (star formats)
    entities: int = 0
    articles: int = 0
    events: int = 0
    reports: int = 0
    direct: int = 0
    graphs: int = 0  #: named graphs (one per article)
    streamed: bool = False
    seconds: float = 0.0
    conforms: bool | None = None  #: SHACL result when ``validate=True``
    validation_report: str | None = None
    files: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        if out["validation_report"] and self.conforms:
            out["validation_report"] = None
        return out


@contextlib.contextmanager
def _binary_out(out: str | Path | IO[bytes]) -> Iterator[IO[bytes]]:
    """A binary writer; a path is written to ``<path>.part`` and renamed when complete, so a
    failed export never leaves a truncated file under the real name."""
    if isinstance(out, (str, Path)):
        path = Path(out)
        part = path.with_name(path.name + ".part")
        try:
            fh = open(part, "wb")
        except OSError as exc:
            raise ExportError(f"{out}: cannot write: {exc.strerror or exc}") from exc
        try:
            with fh:
                yield fh
            os.replace(part, path)
        finally:
            if part.exists():
                part.unlink()
    elif isinstance(out, io.TextIOBase):
        yield out.buffer if hasattr(out, "buffer") else _TextAsBinary(out)
    else:
        yield out


class _TextAsBinary(io.RawIOBase):
    def __init__(self, text: IO[str]):
        self._text = text

    def writable(self) -> bool:
        return True

    def write(self, b: bytes) -> int:  # type: ignore[override]
        self._text.write(bytes(b).decode("utf-8"))
        return len(b)


def export_rdf(store: Any, out: str | Path | IO[bytes], format: str = "turtle", *,
               validate: bool = False, aligned: bool = True, include_ontology: bool = False,
               page_size: int = DEFAULT_PAGE_SIZE,
               progress: Callable[[int], None] | None = None) -> ExportSummary:
    """Export the store as RDF to a path or a binary file.

    Parameters
    ----------
    store : GraphStore
        Any store with ``read(cypher, params)`` (embedded or Neo4j).
    out : path or binary file
    format : str
        ``turtle``, ``nt``, ``json-ld``, ``xml``, ``trig``, ``nquads``, ``turtle-star`` or
        ``ntriples-star`` (aliases: ttl, ntriples, jsonld, rdfxml, nq, nt-star...).
    validate : bool
        Also check the exported graph against ``graph/shapes.ttl`` (pyshacl); the result is in
        ``summary.conforms`` / ``summary.validation_report``. For streamed formats this keeps a
        copy of the graph in memory.
    aligned : bool
        Materialise schema.org / PROV-O / SEM super-classes and super-properties.
    include_ontology : bool
        Also write the aigov ontology (default graph).
    page_size : int
        Nodes read per query.
    progress : callable
        Called with the number of records of each page written.

    Returns
    -------
    ExportSummary
    """
    fmt = _format(format)
    summary = ExportSummary(format=fmt)
    started = time.perf_counter()
    streamed = fmt in STREAMING_FORMATS
    quads_out = fmt == "nquads"
    if streamed:
        pages = _iter_pages(store, page_size, aligned, summary, _NTTerms,
                            "nquads" if quads_out else "nt")
    else:
        pages = _iter_pages(store, page_size, aligned, summary)
    if progress:
        pages = _with_progress(pages, progress)
    keep: Graph | None = (Graph() if streamed else _new_dataset()) if validate else None
    if streamed:
        summary.streamed = True
        with _binary_out(out) as fh:
            seen_direct: set[tuple] = set()
            if include_ontology:
                for s, p, o in vocab.ontology():
                    fh.write(_nt_line(s, p, o).encode("utf-8"))
                    summary.triples += 1
            for page_lines, star, direct in pages:
                lines = dict.fromkeys(page_lines)
                # a direct triple recurs when several events support it: written the first time
                fresh: set[tuple] = set()
                for s, p, o, g in direct:
                    key = (s, p, o, g) if quads_out else (s, p, o)
                    if key in fresh:
                        continue
                    if key in seen_direct:
                        lines.pop(f"{s} {p} {o} .\n" if not quads_out or g is None
                                  else f"{s} {p} {o} {g} .\n", None)
                    else:
                        seen_direct.add(key)
                        fresh.add(key)
                if keep is not None and lines:  # validate what was written
                    _parse_into(keep, "".join(lines), quads_out)
                summary.triples += len(lines)
                out_lines = list(lines)
                if fmt == "ntriples-star" and star:
                    out_lines += [f"{e} {_NT_REIFIES} <<( {s} {p} {o} )>> .\n" for s, p, o, e in star]
                    summary.reifications += len(star)
                # written in slices, so that a page is never also held as one big string and bytes
                for i in range(0, len(out_lines), _WRITE_LINES):
                    fh.write("".join(out_lines[i:i + _WRITE_LINES]).encode("utf-8"))
    else:
        serializer, named = FORMATS[fmt]
        ds = _new_dataset()
        star_rows: list[tuple] = []
        for quads, star, direct in pages:
            _fill(ds, [(quads, star, direct)])
            star_rows.extend(star)
        if include_ontology:
            for triple in vocab.ontology():
                _default(ds).add(triple)
        keep = ds if validate else None
        if named:
            target: Graph = ds
            summary.triples = sum(1 for _ in ds.quads((None, None, None, None)))
        else:
            target = _union(ds)
            summary.triples = len(target)
        if fmt == "json-ld":
            data = _jsonld(ds, _shipped_context())
        else:
            data = target.serialize(format=serializer, encoding="utf-8")
        with _binary_out(out) as fh:
            fh.write(data)
            if fmt == "turtle-star" and star_rows:
                fh.write(b"\n# RDF 1.2: each direct relation is reified by its event (s p o ~ event).\n")
                fh.write("".join(f"{_nt(s)} {_nt(p)} {_nt(o)} ~ {_nt(e)} .\n"
                                 for s, p, o, e in star_rows).encode("utf-8"))
                summary.reifications = len(star_rows)
    summary.seconds = round(time.perf_counter() - started, 3)
    if keep is not None:
        summary.conforms, summary.validation_report = _shacl(keep)
    if isinstance(out, (str, Path)):
        summary.files.append(str(out))
    return summary


_REIFIES = "http://www.w3.org/1999/02/22-rdf-syntax-ns#reifies"
_NT_REIFIES = f"<{_REIFIES}>"
_WRITE_LINES = 4096  # lines per write of the streamed formats


def _parse_into(graph: Graph, text: str, quads: bool) -> None:
    """Add the triples of N-Triples (or, dropping graph names, N-Quads) text to ``graph``.

    (Each N-Quads page goes through a fresh Dataset: parsing twice into one replaces its
    default graph, which would lose the first page's default-graph triples.)
    """
    if not quads:
        graph.parse(data=text, format="nt")
        return
    for s, p, o, _ in Dataset().parse(data=text, format="nquads").quads((None, None, None, None)):
        graph.add((s, p, o))


def _with_progress(pages: Iterator, progress: Callable[[int], None]) -> Iterator:
    for page in pages:
        progress(len(page[0]))
        yield page


def _union(ds: Dataset) -> Graph:
    g = Graph()
    for prefix, ns in vocab.PREFIXES.items():
        g.bind(prefix, ns)
    for s, p, o, _ in ds.quads((None, None, None, None)):
        g.add((s, p, o))
    return g


def _jsonld(ds: Dataset, context: dict[str, Any]) -> bytes:
    """Compact JSON-LD: the default graph's nodes at the top level and one
    ``{"@id": graph, "@graph": [...]}`` per article.

    (rdflib's own Dataset output nests the default graph in an ``@graph`` without ``@id``,
    which standard processors read as a blank-node-named graph.)
    """
    def nodes(graph: Graph) -> list[Any]:
        g = Graph()
        for triple in graph:
            g.add(triple)
        doc = json.loads(g.serialize(format="json-ld", context=context, auto_compact=True))
        if isinstance(doc, list):
            return doc
        if "@graph" in doc:
            return doc["@graph"]
        doc.pop("@context", None)
        return [doc] if doc else []

    prefixes = sorted(((v, k) for k, v in context.items() if isinstance(v, str) and v.endswith(("/", "#"))),
                      key=lambda kv: -len(kv[0]))

    def compact(iri: str) -> str:
        for ns, prefix in prefixes:
            if iri.startswith(ns) and len(iri) > len(ns):
                return f"{prefix}:{iri[len(ns):]}"
        return iri

    out = nodes(_default(ds))
    for g in sorted((g for g in ds.graphs() if g.identifier != _default(ds).identifier and len(g)),
                    key=lambda g: str(g.identifier)):
        out.append({"@id": compact(str(g.identifier)), "@graph": nodes(g)})
    return json.dumps({"@context": context, "@graph": out}, indent=2, ensure_ascii=False).encode("utf-8")


def _default(ds: Dataset) -> Graph:
    """The default graph (``default_graph`` from rdflib 7.1; ``default_context`` before)."""
    graph = getattr(ds, "default_graph", None)
    return graph if graph is not None else ds.default_context


def _shipped_context() -> dict[str, Any]:
    return json.loads(vocab.CONTEXT_PATH.read_text(encoding="utf-8"))["@context"]


def validate(graph: Graph, *, shapes: str | Path | Graph | None = None,
             ontology: bool = True) -> tuple[bool, str]:
    """Check a graph (or the union of a dataset's graphs) against the SHACL shapes.

    Returns ``(conforms, report_text)``. The aigov ontology is mixed in so that class targets
    reach sub-classes (an ``aigov:BannedEvent`` is an ``aigov:Event``).
    """
    return _shacl(graph, shapes=shapes, ontology=ontology)


def _shacl(graph: Graph, *, shapes: str | Path | Graph | None = None,
           ontology: bool = True) -> tuple[bool, str]:
    try:
        from pyshacl import validate as shacl
    except ImportError as exc:  # pragma: no cover - depends on the install
        raise ExportError("validation needs the 'pyshacl' package (pip install pyshacl)") from exc
    data = _union(graph) if isinstance(graph, Dataset) else graph
    if shapes is None or isinstance(shapes, (str, Path)):
        shapes_graph = Graph().parse(str(shapes or vocab.SHAPES_PATH), format="turtle")
    else:
        shapes_graph = shapes
    conforms, _, text = shacl(data, shacl_graph=shapes_graph,
                              ont_graph=vocab.ontology() if ontology else None,
                              inference="none", abort_on_first=False, allow_warnings=True)
    return bool(conforms), str(text)


# ---------------------------------------------------------------------------------------------
# JSON Lines and CSV (for pandas)

@contextlib.contextmanager
def _text_out(out: str | Path | IO) -> Iterator[IO[str]]:
    if isinstance(out, (str, Path)):
        try:
            fh = open(out, "w", encoding="utf-8", newline="")
        except OSError as exc:
            raise ExportError(f"{out}: cannot write: {exc.strerror or exc}") from exc
        with fh:
            yield fh
    elif isinstance(out, io.TextIOBase):
        yield out
    else:
        wrapper = io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=True)
        try:
            yield wrapper
        finally:
            wrapper.detach()


def _clean(props: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in sorted(props.items()) if not k.startswith("_")}


def export_jsonl(store: Any, out: str | Path | IO, *, page_size: int = DEFAULT_PAGE_SIZE) -> dict[str, int]:
    """One JSON object per line: entities, then articles, then events with their actors,
    targets, reports and direct relationships (``"kind"`` tells which).

    ``pandas.read_json(path, lines=True)`` reads it; filter on ``kind``.
    """
    counts = {"entities": 0, "articles": 0, "events": 0}
    with _text_out(out) as fh:
        for rows in _pages(store, ENTITIES_PAGE, page_size):
            fh.write("".join(json.dumps({"kind": "entity", **_clean(r["props"])}, ensure_ascii=False) + "\n"
                             for r in rows))
            counts["entities"] += len(rows)
        for rows in _pages(store, ARTICLES_PAGE, page_size):
            fh.write("".join(json.dumps({"kind": "article", **_clean(r["props"])}, ensure_ascii=False) + "\n"
                             for r in rows))
            counts["articles"] += len(rows)
        for page in _event_pages(store, page_size):
            lines = []
            for row in page.events:
                obj = {"kind": "event", **_clean(row["props"]),
                       "actors": sorted(row["actors"]), "targets": sorted(row["targets"]),
                       "reports": [{"article": r["article"], **_clean(r["props"])}
                                   for r in page.reports[row["id"]]],
                       "direct": [{"source": d["src"], "type": d["type"], "target": d["dst"],
                                   **_clean(d["props"])} for d in page.direct[row["id"]]]}
                lines.append(json.dumps(obj, ensure_ascii=False) + "\n")
            fh.write("".join(lines))
            counts["events"] += len(page.events)
    return counts


NODE_COLUMNS = ["id", "label", "type", "name", "aliases", "keys", "wikidata", "title", "published",
                "language", "source", "url", "extractor", "ingested_at", "events", "date", "start",
                "end", "date_text", "modality", "quote", "detail", "evidence", "confidence",
                "first_seen"]
RELATIONSHIP_COLUMNS = ["source", "type", "target", "event_id", "mention_id", "evidence",
                        "evidence_start", "date", "date_text", "quote", "confidence", "modality"]


def _cell(value: Any) -> Any:
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return "" if value is None else value


def export_csv(store: Any, out_dir: str | Path, *, page_size: int = DEFAULT_PAGE_SIZE) -> dict[str, Any]:
    """Write ``nodes.csv`` and ``relationships.csv`` (UTF-8, header row) into ``out_dir``.

    ``label`` is Entity, Article or Event; list values (aliases, keys) are JSON arrays.
    Relationship ``type`` is ACTOR, TARGET, REPORTS or an event type (direct relation).
    """
    folder = Path(out_dir)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ExportError(f"{folder}: cannot create: {exc.strerror or exc}") from exc
    nodes_path, rels_path = folder / "nodes.csv", folder / "relationships.csv"
    n_nodes = n_rels = 0
    with _text_out(nodes_path) as nf, _text_out(rels_path) as rf:
        nodes = csv.DictWriter(nf, NODE_COLUMNS, extrasaction="ignore")
        rels = csv.DictWriter(rf, RELATIONSHIP_COLUMNS, extrasaction="ignore")
        nodes.writeheader()
        rels.writeheader()

        def node(label: str, props: dict[str, Any]) -> None:
            nodes.writerow({k: _cell(v) for k, v in {**props, "label": label}.items()})

        for label, query in (("Entity", ENTITIES_PAGE), ("Article", ARTICLES_PAGE)):
            for rows in _pages(store, query, page_size):
                for r in rows:
                    node(label, r["props"])
                n_nodes += len(rows)
        for page in _event_pages(store, page_size):
            for row in page.events:
                node("Event", row["props"])
                n_nodes += 1
                eid = row["id"]
                for x in sorted(row["actors"]):
                    rels.writerow({"source": x, "type": "ACTOR", "target": eid})
                for y in sorted(row["targets"]):
                    rels.writerow({"source": eid, "type": "TARGET", "target": y})
                for r in page.reports[eid]:
                    rels.writerow({**{k: _cell(v) for k, v in r["props"].items()},
                                   "source": r["article"], "type": "REPORTS", "target": eid,
                                   "event_id": eid})
                for d in page.direct[eid]:
                    rels.writerow({**{k: _cell(v) for k, v in d["props"].items()},
                                   "source": d["src"], "type": d["type"], "target": d["dst"]})
                n_rels += (len(row["actors"]) + len(row["targets"]) + len(page.reports[eid])
                           + len(page.direct[eid]))
    return {"nodes": n_nodes, "relationships": n_rels,
            "files": [str(nodes_path), str(rels_path)]}
