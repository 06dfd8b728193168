"""The RDF syntaxes of the export, one writer class each, and :func:`export_rdf`.

Each syntax is a subclass of :class:`RdfWriter` registered under its name and aliases (as
rdflib's serializer plugins are): its quirks stay in its class, and :func:`export_rdf`
resolves the name, runs the writer and reports. Two families:

* :class:`InMemoryWriter` (turtle, xml, trig, json-ld, turtle12): the whole graph is read
  into an rdflib Dataset and serialised by rdflib before the target is opened.
* :class:`StreamedWriter` (nt, nquads, ntriples12): N-Triples text is written page by
  page as the store is read, and never held whole.
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import IO, Any, Callable, ClassVar, ContextManager, Iterator

from rdflib import Dataset, Graph

from graph import vocab
from graph.export.describe import DatasetFacts, description
from graph.export.emit import QUAD_SHAPES, iter_pages
from graph.export.output import binary_out
from graph.export.rdf import add_description, count_triples, default_graph, fill, new_dataset, union
from graph.export.rdf import validate as shacl_validate
from graph.export.reader import DEFAULT_PAGE_SIZE
from graph.export.summary import ExportError, ExportSummary
from graph.export.terms import NTTerms, RdfTerms, nt, nt_line

__all__ = [
    "FORMATS",
    "STREAMING_FORMATS",
    "WRITERS",
    "RdfWriter",
    "InMemoryWriter",
    "StreamedWriter",
    "register",
    "writer_for",
    "export_rdf",
]

#: what the emitter yields per page: quads (or lines), RDF 1.2 reifications, direct quads
Pages = Iterator[tuple[list[Any], list[tuple], list[tuple]]]
#: opens the export's target (only when the writer is ready to write)
Target = Callable[[], ContextManager[IO[bytes]]]


class RdfWriter:
    """One RDF syntax: how the emitter's pages become the bytes of the target.

    Subclasses set the class attributes and implement :meth:`write`.
    """

    name: ClassVar[str]  #: the format's name (``aigov export rdf -f NAME``)
    aliases: ClassVar[tuple[str, ...]] = ()
    serializer: ClassVar[str | None] = None  #: rdflib's serializer, None when written by hand
    named_graphs: ClassVar[bool] = False  #: keeps one named graph per article
    streamed: ClassVar[bool] = False  #: written page by page, never held whole
    terms: ClassVar[type] = RdfTerms  #: the emitter's term backend
    lines: ClassVar[str | None] = None  #: the emitter's quad shape (see ``emit.QUAD_SHAPES``)

    def __init__(
        self, *, include_ontology: bool = False, validate: bool = False, facts: DatasetFacts | None = None
    ):
        self.include_ontology = include_ontology
        self.validate = validate
        self.facts = facts  #: filled by the emitter; the dataset is described when given
        self.kept: Graph | None = None  #: what was written, for SHACL, when ``validate``

    def description(self, summary: ExportSummary, triples: int) -> list[tuple]:
        """The dataset's description (none when ``facts`` is None), as the writer's terms."""
        if self.facts is None:
            return []
        return description(self.terms, self.facts, summary, triples)

    def write(self, pages: Pages, target: Target, summary: ExportSummary) -> None:
        """Write ``pages`` to ``target()``, counting statements into ``summary``."""
        raise NotImplementedError


#: format name -> its writer, in the order ``export rdf --help`` lists them
WRITERS: dict[str, type[RdfWriter]] = {}
_ALIASES: dict[str, str] = {}


def register(cls: type[RdfWriter]) -> type[RdfWriter]:
    """Class decorator: make ``cls`` the writer of its name and aliases."""
    for key in (cls.name, *cls.aliases):
        if key in WRITERS or key in _ALIASES:
            raise ValueError(f"two RDF writers are named {key!r}")
    WRITERS[cls.name] = cls
    _ALIASES.update(dict.fromkeys(cls.aliases, cls.name))
    return cls


def writer_for(name: str) -> type[RdfWriter]:
    """The writer of a format name or alias (any case).

    >>> writer_for(" TTL ").name
    'turtle'
    """
    key = str(name).strip().lower()
    key = _ALIASES.get(key, key)
    if key not in WRITERS:
        raise ExportError(f"unknown RDF format {name!r}; use one of: {', '.join(WRITERS)}")
    return WRITERS[key]


# ---------------------------------------------------------------------------------------------
# the two families


class InMemoryWriter(RdfWriter):
    """The graph read whole into a Dataset and serialised by rdflib; the target is opened
    only once the bytes are ready, so a failed read leaves it untouched."""

    def write(self, pages: Pages, target: Target, summary: ExportSummary) -> None:
        ds = new_dataset()
        star_rows: list[tuple] = []
        for quads, star, direct in pages:
            fill(ds, [(quads, star, direct)])
            star_rows.extend(star)
        if self.include_ontology:
            for triple in vocab.ontology():
                default_graph(ds).add(triple)
        add_description(ds, self.description(summary, count_triples(ds)))
        if self.validate:
            self.kept = ds
        if self.named_graphs:
            graph: Graph = ds
            summary.triples = sum(1 for _ in ds.quads((None, None, None, None)))
        else:
            graph = union(ds)
            summary.triples = len(graph)
        data = self.serialize(ds, graph)
        with target() as fh:
            fh.write(data)
            self.write_reifications(fh, star_rows, summary)

    def serialize(self, ds: Dataset, graph: Graph) -> bytes:
        """The bytes of ``graph``: the Dataset itself when the syntax keeps named graphs,
        else the union of its graphs."""
        return graph.serialize(format=self.serializer, encoding="utf-8")

    def write_reifications(self, fh: IO[bytes], star_rows: list[tuple], summary: ExportSummary) -> None:
        """What follows the serialised graph: nothing, but in the RDF 1.2 syntax."""


class StreamedWriter(RdfWriter):
    """N-Triples text written page by page as the store is read (the emitter's lines, never an
    rdflib term per triple); memory stays flat whatever the size of the graph."""

    streamed = True
    terms = NTTerms
    lines = "nt"

    def write(self, pages: Pages, target: Target, summary: ExportSummary) -> None:
        quads_out = self.lines == "nquads"
        line = QUAD_SHAPES[self.lines]
        if self.validate:
            self.kept = Graph()
        with target() as fh:
            seen_direct: set[tuple] = set()
            # a direct triple in an article's graph is also in the default graph: the union of
            # the graphs has one triple fewer for each (N-Quads; N-Triples writes it once)
            repeated = 0
            if self.include_ontology:
                for s, p, o in vocab.ontology():
                    fh.write(nt_line(s, p, o).encode("utf-8"))
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
                        lines.pop(line(s, p, o, g), None)
                    else:
                        seen_direct.add(key)
                        fresh.add(key)
                        repeated += quads_out and g is not None
                if self.kept is not None and lines:  # validate what was written
                    _parse_into(self.kept, "".join(lines), quads_out)
                summary.triples += len(lines)
                out_lines = list(lines)
                if star:
                    reifications = self.reifications(star)
                    out_lines += reifications
                    summary.reifications += len(reifications)
                # written in slices, so that a page is never also held as one big string and bytes
                for i in range(0, len(out_lines), _WRITE_LINES):
                    fh.write("".join(out_lines[i : i + _WRITE_LINES]).encode("utf-8"))
            about = [f"{s} {p} {o} .\n" for s, p, o in self.description(summary, summary.triples - repeated)]
            if about:
                if self.kept is not None:
                    _parse_into(self.kept, "".join(about), False)
                fh.write("".join(about).encode("utf-8"))
                summary.triples += len(about)

    def reifications(self, star: list[tuple]) -> list[str]:
        """The lines that reify a page's direct triples: none, but in the RDF 1.2 syntax."""
        return []


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


# ---------------------------------------------------------------------------------------------
# the eight syntaxes, registered in the order the CLI lists them


@register
class Turtle(InMemoryWriter):
    name, aliases, serializer = "turtle", ("ttl",), "turtle"


@register
class NTriples(StreamedWriter):
    name, aliases = "nt", ("ntriples", "n-triples")


@register
class JsonLd(InMemoryWriter):
    """Compact JSON-LD: the default graph's nodes at the top level and one
    ``{"@id": graph, "@graph": [...]}`` per article, in the shipped context.

    (rdflib's own Dataset output nests the default graph in an ``@graph`` without ``@id``,
    which standard processors read as a blank-node-named graph.)
    """

    name, aliases, serializer, named_graphs = "json-ld", ("jsonld",), "json-ld", True

    def serialize(self, ds: Dataset, graph: Graph) -> bytes:
        context = json.loads(vocab.CONTEXT_PATH.read_text(encoding="utf-8"))["@context"]

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

        prefixes = sorted(
            ((v, k) for k, v in context.items() if isinstance(v, str) and v.endswith(("/", "#"))),
            key=lambda kv: -len(kv[0]),
        )

        def compact(iri: str) -> str:
            for ns, prefix in prefixes:
                if iri.startswith(ns) and len(iri) > len(ns):
                    return f"{prefix}:{iri[len(ns) :]}"
            return iri

        out = nodes(default_graph(ds))
        for g in sorted(
            (g for g in ds.graphs() if g.identifier != default_graph(ds).identifier and len(g)),
            key=lambda g: str(g.identifier),
        ):
            out.append({"@id": compact(str(g.identifier)), "@graph": nodes(g)})
        return json.dumps({"@context": context, "@graph": out}, indent=2, ensure_ascii=False).encode("utf-8")


@register
class RdfXml(InMemoryWriter):
    name, aliases, serializer = "xml", ("rdfxml", "rdf/xml", "rdf"), "xml"


@register
class TriG(InMemoryWriter):
    name, serializer, named_graphs = "trig", "trig", True


@register
class NQuads(StreamedWriter):
    name, aliases, named_graphs, lines = "nquads", ("n-quads", "nq"), True, "nquads"


@register
class Turtle12(Turtle):
    """Turtle, then each direct triple reified by its event: ``s p o ~ event`` -- RDF 1.2
    Turtle (the reifier syntax), which an RDF 1.1 or RDF-star (Community Group) reader
    refuses. Formerly ``turtle-star``, kept as an alias."""

    name, aliases = "turtle12", ("ttl12", "turtle-1.2", "turtle-star", "ttl-star", "turtlestar")

    def write_reifications(self, fh: IO[bytes], star_rows: list[tuple], summary: ExportSummary) -> None:
        if not star_rows:
            return
        fh.write(b"\n# RDF 1.2: each direct relation is reified by its event (s p o ~ event).\n")
        fh.write("".join(f"{nt(s)} {nt(p)} {nt(o)} ~ {nt(e)} .\n" for s, p, o, e in star_rows).encode("utf-8"))
        summary.reifications = len(star_rows)


@register
class NTriples12(NTriples):
    """N-Triples, then each direct triple reified by its event:
    ``event rdf:reifies <<( s p o )>>`` -- RDF 1.2 N-Triples (a triple term), which an RDF
    1.1 or RDF-star (Community Group) reader refuses. Formerly ``ntriples-star``, kept as an
    alias."""

    name, aliases = "ntriples12", ("nt12", "n-triples-1.2", "ntriples-star", "nt-star", "n-triples-star")

    def reifications(self, star: list[tuple]) -> list[str]:
        return [f"{e} {_NT_REIFIES} <<( {s} {p} {o} )>> .\n" for s, p, o, e in star]


#: format name -> (rdflib serializer or None when written by hand, keeps named graphs)
FORMATS: dict[str, tuple[str | None, bool]] = {
    name: (cls.serializer, cls.named_graphs) for name, cls in WRITERS.items()
}
STREAMING_FORMATS = frozenset(name for name, cls in WRITERS.items() if cls.streamed)


# ---------------------------------------------------------------------------------------------
# the entry point


def export_rdf(
    store: Any,
    out: str | Path | IO[bytes],
    format: str = "turtle",
    *,
    validate: bool = False,
    aligned: bool = True,
    include_ontology: bool = False,
    describe: bool = True,
    page_size: int = DEFAULT_PAGE_SIZE,
    progress: Callable[[int], None] | None = None,
) -> ExportSummary:
    """Export the store as RDF to a path or a binary file.

    Parameters
    ----------
    store : GraphStore
        Any store with ``read(cypher, params)`` (embedded or Neo4j).
    out : path or binary file
    format : str
        ``turtle``, ``nt``, ``json-ld``, ``xml``, ``trig``, ``nquads``, ``turtle12`` or
        ``ntriples12`` (aliases: ttl, ntriples, jsonld, rdfxml, nq, and the old names of the
        RDF 1.2 formats, turtle-star and ntriples-star).
    validate : bool
        Also check the exported graph against ``graph/shapes.ttl`` (pyshacl); the result is in
        ``summary.conforms`` / ``summary.validation_report``. For streamed formats this keeps a
        copy of the graph in memory.
    aligned : bool
        Materialise schema.org / PROV-O / SEM super-classes and super-properties.
    include_ontology : bool
        Also write the aigov ontology (default graph).
    describe : bool
        End with a VoID/DCAT description of the dataset (default graph; see
        :mod:`graph.export.describe`).
    page_size : int
        Nodes read per query.
    progress : callable
        Called with the number of records of each page written.

    Returns
    -------
    ExportSummary
    """
    facts = DatasetFacts(aligned) if describe else None
    writer = writer_for(format)(include_ontology=include_ontology, validate=validate, facts=facts)
    summary = ExportSummary(format=writer.name, streamed=writer.streamed)
    started = time.perf_counter()
    pages: Pages = iter_pages(store, page_size, aligned, summary, writer.terms, writer.lines, facts)
    if progress:
        pages = _with_progress(pages, progress)
    writer.write(pages, lambda: binary_out(out), summary)
    summary.seconds = round(time.perf_counter() - started, 3)
    if writer.kept is not None:
        summary.conforms, summary.validation_report = shacl_validate(writer.kept)
    if isinstance(out, (str, Path)):
        summary.files.append(str(out))
    return summary


def _with_progress(pages: Pages, progress: Callable[[int], None]) -> Pages:
    for page in pages:
        progress(len(page[0]))
        yield page
