"""The export as rdflib objects: a Dataset, an iterator of quads, and SHACL validation."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterable, Iterator

from rdflib import Literal, Dataset, Graph, URIRef

from graph import vocab
from graph.export.emit import Quad, iter_pages
from graph.export.reader import DEFAULT_PAGE_SIZE
from graph.export.summary import ExportError, ExportSummary
from graph.export.terms import RdfTerms

__all__ = [
    "iter_quads",
    "to_dataset",
    "validate",
    "new_dataset",
    "fill",
    "union",
    "default_graph",
    "count_triples",
    "add_description",
]


def iter_quads(store: Any, *, page_size: int = DEFAULT_PAGE_SIZE, aligned: bool = True) -> Iterator[Quad]:
    """Every quad of the export, page by page (``graph`` is None for the default graph).

    A quad can repeat across pages (a direct triple supported by two events); rdflib
    graphs and N-Quads readers treat the output as a set. The dataset's description
    (:mod:`graph.export.describe`) is not among them: it counts the whole export.
    """
    counts = ExportSummary(format="quads")
    for quads, _, _ in iter_pages(store, page_size, aligned, counts):
        yield from dict.fromkeys(quads)


def to_dataset(
    store: Any,
    *,
    page_size: int = DEFAULT_PAGE_SIZE,
    aligned: bool = True,
    include_ontology: bool = False,
    describe: bool = True,
) -> Dataset:
    """The whole export as an rdflib :class:`~rdflib.Dataset` (one named graph per article),
    with the dataset's VoID/DCAT description unless ``describe`` is False."""
    from graph.export.describe import DatasetFacts, description

    ds = new_dataset()
    counts = ExportSummary(format="dataset")
    facts = DatasetFacts(aligned)
    fill(ds, iter_pages(store, page_size, aligned, counts, facts=facts))
    if include_ontology:
        for triple in vocab.ontology():
            default_graph(ds).add(triple)
    if describe:
        add_description(ds, description(RdfTerms, facts, counts, count_triples(ds)))
    return ds


def count_triples(ds: Dataset) -> int:
    """The distinct triples of the union of the graphs of ``ds``."""
    return len({(s, p, o) for s, p, o, _ in ds.quads((None, None, None, None))})


def add_description(ds: Dataset, triples: list[tuple]) -> None:
    """Add the dataset's description (triples) to the default graph of ``ds``."""
    graph = default_graph(ds)
    for triple in triples:
        graph.add(triple)


def new_dataset() -> Dataset:
    """An empty Dataset with the export's prefixes bound."""
    ds = Dataset()
    for prefix, ns in vocab.PREFIXES.items():
        ds.bind(prefix, ns)
    return ds


def fill(ds: Dataset, pages: Iterable[tuple[list[Quad], list, list]]) -> None:
    """Add the quads of the emitter's pages to ``ds`` (``None`` names the default graph)."""
    graphs: dict[URIRef | None, Graph] = {None: default_graph(ds)}
    for quads, _, _ in pages:
        for s, p, o, g in quads:
            target = graphs.get(g)
            if target is None:
                target = graphs[g] = ds.graph(g)
            target.add((s, p, o))


def union(ds: Dataset) -> Graph:
    """Every triple of every graph of ``ds`` in one Graph, with the export's prefixes."""
    g = Graph()
    for prefix, ns in vocab.PREFIXES.items():
        g.bind(prefix, ns)
    for s, p, o, _ in ds.quads((None, None, None, None)):
        g.add((s, p, o))
    return g


def default_graph(ds: Dataset) -> Graph:
    """The default graph (``default_graph`` from rdflib 7.1; ``default_context`` before)."""
    graph = getattr(ds, "default_graph", None)
    return graph if graph is not None else ds.default_context


def validate(graph: Graph, *, shapes: str | Path | Graph | None = None, ontology: bool = True) -> tuple[bool, str]:
    """Check a graph (or the union of a dataset's graphs) against the SHACL shapes.

    Returns ``(conforms, report_text)``. The aigov ontology is mixed in so that class targets
    reach sub-classes (an ``aigov:BannedEvent`` is an ``aigov:Event``).
    """
    try:
        from pyshacl import validate as shacl
    except ImportError as exc:  # pragma: no cover - depends on the install
        raise ExportError("validation needs the 'pyshacl' package (pip install pyshacl)") from exc
    data = union(graph) if isinstance(graph, Dataset) else graph
    # a literal its datatype refuses ("2025-02-30"^^xsd:date) does not conform; pyshacl would
    # crash comparing it (TypeError), so it is reported here instead
    bad = sorted(
        {
            f"{o.n3()} (object of {p.n3()})"
            for _, p, o in data
            if isinstance(o, Literal) and getattr(o, "ill_typed", False)
        }
    )
    if bad:
        return False, "Validation Report\nConforms: False\nIll-typed literals:\n" + "\n".join(
            "  " + b for b in bad[:20]
        ) + (f"\n  ... and {len(bad) - 20} more" if len(bad) > 20 else "")
    if shapes is None or isinstance(shapes, (str, Path)):
        shapes_graph = Graph().parse(str(shapes or vocab.SHAPES_PATH), format="turtle")
    else:
        shapes_graph = shapes
    conforms, _, text = shacl(
        data,
        shacl_graph=shapes_graph,
        ont_graph=vocab.ontology() if ontology else None,
        inference="none",
        abort_on_first=False,
        allow_warnings=True,
    )
    return bool(conforms), str(text)
