"""The RDF syntaxes of the export and :func:`export_rdf`, which writes one of them."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import IO, Any, Callable, Iterator

from rdflib import Dataset, Graph

from graph import vocab
from graph.export.emit import QUAD_SHAPES, iter_pages
from graph.export.output import binary_out
from graph.export.reader import DEFAULT_PAGE_SIZE
from graph.export.rdf import default_graph, fill, new_dataset, union
from graph.export.rdf import validate as shacl_validate
from graph.export.summary import ExportError, ExportSummary
from graph.export.terms import NTTerms, nt, nt_line

__all__ = ["FORMATS", "STREAMING_FORMATS", "export_rdf"]


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
        line = QUAD_SHAPES["nquads" if quads_out else "nt"]
        pages = iter_pages(store, page_size, aligned, summary, NTTerms,
                           "nquads" if quads_out else "nt")
    else:
        pages = iter_pages(store, page_size, aligned, summary)
    if progress:
        pages = _with_progress(pages, progress)
    keep: Graph | None = (Graph() if streamed else new_dataset()) if validate else None
    if streamed:
        summary.streamed = True
        with binary_out(out) as fh:
            seen_direct: set[tuple] = set()
            if include_ontology:
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
        ds = new_dataset()
        star_rows: list[tuple] = []
        for quads, star, direct in pages:
            fill(ds, [(quads, star, direct)])
            star_rows.extend(star)
        if include_ontology:
            for triple in vocab.ontology():
                default_graph(ds).add(triple)
        keep = ds if validate else None
        if named:
            target: Graph = ds
            summary.triples = sum(1 for _ in ds.quads((None, None, None, None)))
        else:
            target = union(ds)
            summary.triples = len(target)
        if fmt == "json-ld":
            data = _jsonld(ds, _shipped_context())
        else:
            data = target.serialize(format=serializer, encoding="utf-8")
        with binary_out(out) as fh:
            fh.write(data)
            if fmt == "turtle-star" and star_rows:
                fh.write(b"\n# RDF 1.2: each direct relation is reified by its event (s p o ~ event).\n")
                fh.write("".join(f"{nt(s)} {nt(p)} {nt(o)} ~ {nt(e)} .\n"
                                 for s, p, o, e in star_rows).encode("utf-8"))
                summary.reifications = len(star_rows)
    summary.seconds = round(time.perf_counter() - started, 3)
    if keep is not None:
        summary.conforms, summary.validation_report = shacl_validate(keep)
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

    out = nodes(default_graph(ds))
    for g in sorted((g for g in ds.graphs() if g.identifier != default_graph(ds).identifier and len(g)),
                    key=lambda g: str(g.identifier)):
        out.append({"@id": compact(str(g.identifier)), "@graph": nodes(g)})
    return json.dumps({"@context": context, "@graph": out}, indent=2, ensure_ascii=False).encode("utf-8")


def _shipped_context() -> dict[str, Any]:
    """The JSON-LD context shipped beside the shapes (``graph/context.jsonld``)."""
    return json.loads(vocab.CONTEXT_PATH.read_text(encoding="utf-8"))["@context"]

