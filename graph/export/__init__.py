"""Export the graph: RDF (seven syntaxes, validated with SHACL), JSON Lines and CSV.

The RDF keeps every event, entity, article and report of the store, with their ids as
``aigov:id`` literals beside the IRIs minted from them. It is not a byte-for-byte image of the
store: a direct ``actor aigov:TYPE target`` triple is written only for an asserted event (a
planned or reported act is recoverable from its event and modality), an article's local file
path is reduced to its file name (or left out when the article has a URL), an alias made of
sentence debris is left out (:mod:`graph.export.labels`), and the article bodies are not
exported (each report's evidence is, with its position in the body). Its shape (terms in
:mod:`graph.vocab`):

* **Entities** (default graph): ``entity:Q833 a aigov:Country ; schema:name "Malaysia" ;
  owl:sameAs wd:Q833``, aliases as ``schema:alternateName``.
* **Events** (default graph): the core of each event -- class, ``aigov:actor``,
  ``aigov:target``, ``aigov:modality`` -- and what the store keeps on the Event node across
  all reports: date (``xsd:date``/``xsd:gYearMonth``/``xsd:gYear``, or an interval string),
  ``aigov:start``/``aigov:end`` (``xsd:date``, on every dated event) with
  ``aigov:datePrecision`` (``aigov:Day``/``Week``/``Month``/``Year``/``Interval``), quote and
  evidence (language-tagged with the language of the article they come from), detail,
  confidence (``xsd:decimal``), first seen.
  The default graph alone, with the entities, answers "who did what to whom".
* **Direct triples** ``actor aigov:BLOCKED_ACCESS target``: only for *asserted* events (a
  planned, reported, negated or hypothetical act stays an event with its modality, never a
  fact); in the default graph and in the graph of each article that reports the event.
  ``graph/shapes.ttl`` checks (SHACL-SPARQL) that each has a supporting asserted event.
* **Labels**: names and aliases tagged with their language (:mod:`graph.export.labels`);
  an alias that is sentence debris is refused.
* **Provenance** (:mod:`graph.export.provenance`): per article graph the coder's run as a
  ``prov:Activity`` associated with the coder version (a ``prov:SoftwareAgent``), each
  report's evidence anchored by Web Annotation selectors (position and quote), the publisher
  (the URL's host) and the article's own machine-translation notice.
* **The dataset** (:mod:`graph.export.describe`): a VoID/DCAT description at the end of every
  export (licence, version, counts).
* **Articles**, one named graph each (``graph:<article id>``, itself ``prov:wasDerivedFrom``
  the article in the default graph). An article's graph holds the article's description,
  ``event prov:wasDerivedFrom article`` for the events it reports, one ``aigov:Report`` per
  REPORTS edge (that article's evidence as ``prov:value``, date, date text, quote,
  confidence, offset) and the direct triples the article supports. With the default graph
  it answers the same questions and passes the shapes.

Triple formats (turtle, nt, xml) carry the union of the graphs; quad formats (trig, nquads,
json-ld) keep one named graph per article. ``nt``, ``nquads`` and ``ntriples12`` stream:
they are written page by page and never hold the whole graph, as text built straight from the
store rows (no rdflib term per triple; the same graph, byte for byte, as before). ``turtle12`` and
``ntriples12`` (formerly ``turtle-star``/``ntriples-star``, still accepted) are RDF 1.2 syntax (the
W3C successor of RDF-star; the other six formats are plain RDF 1.1): each direct triple is also
reified by its event (``s p o ~ event`` in Turtle, ``event rdf:reifies <<( s p o )>>`` in
N-Triples). rdflib 7 cannot read RDF 1.2; pyoxigraph (>= 0.5) can.

With ``aligned=True`` (the default) the export also materialises what the ontology's
subClassOf/subPropertyOf axioms entail towards schema.org, PROV-O and SEM (``schema:Country``,
``schema:agent``, ``sem:hasActor``, ``schema:startTime``...), so those vocabularies can be
queried without a reasoner.

The package, one module per job: :mod:`~graph.export.reader` reads the store page by page
(one page ahead), :mod:`~graph.export.terms` holds the two term backends (rdflib terms,
N-Triples text), :mod:`~graph.export.emit` turns store rows into quads,
:mod:`~graph.export.formats` writes one RDF syntax per writer class (a registry, as rdflib's
serializer plugins are), :mod:`~graph.export.rdf` gives the export as rdflib objects and
validates it, :mod:`~graph.export.tables` writes JSON Lines and CSV, and
:mod:`~graph.export.output` writes a path atomically (a file beside it, renamed into place when
complete; only a regular file is replaced). Every export returns an :class:`ExportSummary`;
every error it raises on purpose is an :class:`ExportError` (or another
:class:`~graph.errors.AigovError`).
"""

from __future__ import annotations

from graph.export.formats import FORMATS, STREAMING_FORMATS, export_rdf
from graph.export.rdf import iter_quads, to_dataset, validate
from graph.export.reader import (
    ARTICLES_PAGE,
    DEFAULT_PAGE_SIZE,
    DIRECT_OF_EVENTS,
    ENTITIES_PAGE,
    EVENTS_PAGE,
    REPORTS_OF_EVENTS,
)
from graph.export.reader import read_ahead as _read_ahead  # noqa: F401 (tested on its own)
from graph.export.summary import ExportError, ExportSummary
from graph.export.tables import NODE_COLUMNS, RELATIONSHIP_COLUMNS, export_csv, export_jsonl

# the term backends, checked against each other by tests/test_export.py
from graph.export.terms import NTTerms as _NTTerms  # noqa: F401 (tests)
from graph.export.terms import RdfTerms as _RdfTerms  # noqa: F401 (tests)
from graph.export.terms import nt as _nt  # noqa: F401 (tests)

__all__ = [
    "FORMATS",
    "STREAMING_FORMATS",
    "ExportSummary",
    "ExportError",
    "NODE_COLUMNS",
    "RELATIONSHIP_COLUMNS",
    "export_rdf",
    "export_jsonl",
    "export_csv",
    "to_dataset",
    "iter_quads",
    "validate",
    "ENTITIES_PAGE",
    "ARTICLES_PAGE",
    "EVENTS_PAGE",
    "REPORTS_OF_EVENTS",
    "DIRECT_OF_EVENTS",
    "DEFAULT_PAGE_SIZE",
]
