"""The terms of the export, on two backends that give the same graph.

The quad emitter (:mod:`graph.export.emit`) is written once and runs on one of two term sets:
rdflib terms (:class:`RdfTerms`: the in-memory formats, ``to_dataset``, ``iter_quads``) or
N-Triples text (:class:`NTTerms`: the streamed formats, which then never build an rdflib
term). Each N-Triples term is derived from the rdflib one -- constants by serialising it,
the few distinct values (classes, dates, confidences, entity and article IRIs) by a cache in
front of the rdflib path -- so both give the same graph (tests/test_export.py checks it).
"""

from __future__ import annotations

import functools
import re
from decimal import Decimal
from typing import Any, Callable

from rdflib import OWL, RDF, RDFS, XSD, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, SDO

from graph import vocab
from graph.export.summary import ExportError
from graph.model import EntityType, EventType, Modality
from graph.vocab import AIGOV, OA

__all__ = ["RdfTerms", "NTTerms", "language_tag", "nt", "nt_line"]


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


def language_tag(language: Any) -> str | None:
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
_ESCAPES = {
    **{c: f"\\u{c:04X}" for c in (*range(0x20), 0x7F)},
    ord("\\"): "\\\\",
    ord('"'): '\\"',
    ord("\b"): "\\b",
    ord("\t"): "\\t",
    ord("\n"): "\\n",
    ord("\f"): "\\f",
    ord("\r"): "\\r",
}
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


def nt(term: Any) -> str:
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


def nt_line(s: Any, p: Any, o: Any, g: Any = None) -> str:
    """One N-Triples line (N-Quads with ``g``) of rdflib terms."""
    if g is None:
        return f"{nt(s)} {nt(p)} {nt(o)} .\n"
    return f"{nt(s)} {nt(p)} {nt(o)} {nt(g)} .\n"


# ---------------------------------------------------------------------------------------------
# the two backends


class RdfTerms:
    """The emitter's vocabulary as rdflib terms."""

    # classes and predicates (the closed vocabulary)
    TYPE = RDF.type
    ARTICLE = AIGOV.Article
    REPORT = AIGOV.Report
    ACTOR = AIGOV.actor
    CONFIDENCE = AIGOV.confidence
    DATE = AIGOV.date
    DATETEXT = AIGOV.dateText
    DATEPRECISION = AIGOV.datePrecision
    DETAIL = AIGOV.detail
    END = AIGOV.end
    EVENTCOUNT = AIGOV.eventCount
    EVIDENCESTART = AIGOV.evidenceStart
    EVIDENCEEND = AIGOV.evidenceEnd
    EXTRACTION = AIGOV.Extraction
    MACHINETRANSLATED = AIGOV.machineTranslated
    TRANSLATIONNOTICE = AIGOV.translationNotice
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
    ASSERTED_MODALITY = AIGOV.Asserted
    SAMEAS = OWL.sameAs
    VALUE = PROV.value
    WASDERIVEDFROM = PROV.wasDerivedFrom
    WASGENERATEDBY = PROV.wasGeneratedBy
    WASASSOCIATEDWITH = PROV.wasAssociatedWith
    USED = PROV.used
    ENDEDATTIME = PROV.endedAtTime
    SOFTWAREAGENT = PROV.SoftwareAgent
    LABEL = RDFS.label
    # W3C Web Annotation: a report's evidence in its article
    HASTARGET = OA.hasTarget
    HASSOURCE = OA.hasSource
    HASSELECTOR = OA.hasSelector
    SPECIFICRESOURCE = OA.SpecificResource
    TEXTPOSITIONSELECTOR = OA.TextPositionSelector
    TEXTQUOTESELECTOR = OA.TextQuoteSelector
    OASTART = OA.start
    OAEND = OA.end
    EXACT = OA.exact
    ORGANIZATION = SDO.Organization
    # the dataset's description (VoID, DCAT, Dublin Core)
    VOID_DATASET = vocab.VOID.Dataset
    VOID_TRIPLES = vocab.VOID.triples
    VOID_URISPACE = vocab.VOID.uriSpace
    VOID_VOCABULARY = vocab.VOID.vocabulary
    VOID_CLASSPARTITION = vocab.VOID.classPartition
    VOID_CLASS = vocab.VOID["class"]
    VOID_ENTITIES = vocab.VOID.entities
    DCAT_DATASET = vocab.DCAT.Dataset
    DCAT_VERSION = vocab.DCAT.version
    TITLE = DCTERMS.title
    DESCRIPTION = DCTERMS.description
    LICENSE = DCTERMS.license
    CONFORMSTO = DCTERMS.conformsTo
    ISVERSIONOF = DCTERMS.isVersionOf
    MODIFIED = DCTERMS.modified
    LANGUAGE = DCTERMS.language
    WASATTRIBUTEDTO = PROV.wasAttributedTo
    PUBLISHER = SDO.publisher
    SOFTWAREVERSION = SDO.softwareVersion
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
    report_part = staticmethod(vocab.report_part_iri)
    extraction = staticmethod(vocab.extraction_iri)
    agent = staticmethod(vocab.agent_iri)
    publisher = staticmethod(vocab.publisher_iri)
    dataset = staticmethod(vocab.dataset_iri)
    iri = staticmethod(URIRef)

    @staticmethod
    def dataset_part(name: str, part: str) -> URIRef:
        return vocab.dataset_iri(name, part)

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

    @staticmethod
    def precision(start: Any, end: Any) -> URIRef:
        return vocab.date_precision(start, end)

    # literals
    plain = staticmethod(Literal)  #: a stored value as it is (a str is an xsd:string)
    text = staticmethod(_text)  #: ``(value, lang)``: a string, language-tagged if lang
    date = staticmethod(_date)  #: a contract date at its precision
    decimal = staticmethod(_decimal)

    @staticmethod
    def day(value: Any) -> Literal:
        return Literal(str(value), datatype=XSD.date)

    @staticmethod
    def integer(value: Any) -> Literal:
        return Literal(int(value))

    @staticmethod
    def boolean(value: Any) -> Literal:
        return Literal(bool(value))

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
    return functools.lru_cache(maxsize=_TERM_CACHE)(lambda *args: nt(fn(*args)))


@functools.lru_cache(maxsize=256)
def _nt_lang_suffix(lang: str) -> str:
    return "@" + Literal("", lang=lang).language


_NT_INTEGER = nt(XSD.integer)
_NT_ANYURI = nt(XSD.anyURI)


class NTTerms:
    """The emitter's vocabulary as N-Triples text: ``<iri>``, ``"lexical"``,
    ``"lexical"@lang``, ``"lexical"^^<datatype>``."""

    SUPERS: dict = {}  # filled below from RdfTerms

    entity = staticmethod(functools.lru_cache(maxsize=_ENTITY_CACHE)(_nt_minter(vocab.ENTITY, vocab.entity_iri)))
    event = staticmethod(_nt_minter(vocab.EVENT, vocab.event_iri))
    report = staticmethod(_nt_minter(vocab.REPORT, vocab.report_iri))
    article = staticmethod(_nt_minter(vocab.ARTICLE, vocab.article_iri))
    graph = staticmethod(_nt_minter(vocab.GRAPH, vocab.graph_iri))
    wikidata = staticmethod(_nt_cached(vocab.wikidata_iri))
    extraction = staticmethod(_nt_minter(vocab.EXTRACTION, vocab.extraction_iri))
    agent = staticmethod(_nt_cached(vocab.agent_iri))
    publisher = staticmethod(_nt_cached(vocab.publisher_iri))
    dataset = staticmethod(_nt_cached(vocab.dataset_iri))
    dataset_part = staticmethod(_nt_cached(vocab.dataset_iri))
    iri = staticmethod(_nt_cached(URIRef))

    @staticmethod
    def report_part(id: Any, part: str) -> str:
        return NTTerms.report(id)[:-1] + "#" + part + ">"

    entity_class = staticmethod(_nt_cached(RdfTerms.entity_class))
    event_class = staticmethod(_nt_cached(RdfTerms.event_class))
    event_predicate = staticmethod(_nt_cached(RdfTerms.event_predicate))
    modality = staticmethod(_nt_cached(RdfTerms.modality))
    precision = staticmethod(_nt_cached(RdfTerms.precision))

    @staticmethod
    def plain(value: Any) -> str:
        if type(value) is str:
            return '"' + _nt_escape(value) + '"'
        return nt(Literal(value))  # rdflib types a number, a boolean...

    @staticmethod
    def text(value: Any, lang: str | None) -> str:
        quoted = '"' + _nt_escape(str(value)) + '"'
        if not lang:
            return quoted
        return quoted + _nt_lang_suffix(lang)

    # the date and number literals go through rdflib (its lexical normalisation included),
    # cached on the value they are built from
    _cached_date = staticmethod(_nt_cached(_date))
    _cached_day = staticmethod(_nt_cached(RdfTerms.day))
    _cached_decimal = staticmethod(_nt_cached(_decimal))

    @staticmethod
    def date(value: Any) -> str:
        return NTTerms._cached_date(str(value))

    @staticmethod
    def day(value: Any) -> str:
        return NTTerms._cached_day(str(value))

    @staticmethod
    def decimal(value: Any) -> str:
        return NTTerms._cached_decimal(float(value))

    @staticmethod
    def integer(value: Any) -> str:
        return f'"{int(value)}"^^{_NT_INTEGER}'

    @staticmethod
    def boolean(value: Any) -> str:
        return nt(Literal(bool(value)))

    @staticmethod
    def any_uri(value: Any) -> str:
        if type(value) is str:  # rdflib keeps an anyURI's lexical form as it is
            return '"' + _nt_escape(value) + '"^^' + _NT_ANYURI
        return nt(Literal(value, datatype=XSD.anyURI))


for _name, _term in vars(RdfTerms).items():
    if _name.isupper() and _name != "SUPERS":
        setattr(NTTerms, _name, nt(_term))
NTTerms.SUPERS = {nt(k): tuple(nt(s) for s in v) for k, v in vocab.SUPERS.items()}
del _name, _term
