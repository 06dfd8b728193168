"""The VoID/DCAT description of the dataset that ``aigov export rdf`` writes (issue 13, item 6);
``aigov export ontology`` stays the vocabulary alone."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import RDF, XSD, Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV

from graph import vocab
from graph.embedded import EmbeddedStore
from graph.export import export_rdf, to_dataset, validate
from graph.export.rdf import union
from graph.export.describe import LICENSE
from graph.export.formats import WRITERS
from graph.vocab import AIGOV, DCAT, VOID
from tests.test_export_trust import extractions


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    s = EmbeddedStore(tmp_path_factory.mktemp("describe-home"))
    s.ensure_schema()
    assert s.write(extractions(), extractor="test").added == 2
    yield s
    s.close()


def _parse(path: Path, fmt: str) -> Graph:
    """The union of the graphs of an export, parsed by rdflib (pyoxigraph for RDF 1.2)."""
    g = Graph()
    if fmt in ("turtle12", "ntriples12"):
        ox = pytest.importorskip("pyoxigraph", minversion="0.5")
        oxfmt = ox.RdfFormat.TURTLE if fmt == "turtle12" else ox.RdfFormat.N_TRIPLES
        for q in ox.parse(path=str(path), format=oxfmt):
            if not isinstance(q.subject, ox.NamedNode) or isinstance(q.object, ox.Triple):
                continue  # the reifier triples are RDF 1.2 only
            o = q.object
            term = (
                URIRef(o.value)
                if isinstance(o, ox.NamedNode)
                else Literal(o.value, lang=o.language)
                if o.language
                else Literal(o.value)
                if o.datatype.value == str(XSD.string)
                else Literal(o.value, datatype=URIRef(o.datatype.value))
            )
            g.add((URIRef(q.subject.value), URIRef(q.predicate.value), term))
        return g
    ds = Dataset()
    ds.parse(str(path), format=fmt if fmt not in ("nquads",) else "nquads")
    return union(ds)


def _description(g: Graph) -> tuple[URIRef, set[tuple]]:
    """The dataset and the triples of its description (its own and its class partitions')."""
    (d,) = set(g.subjects(RDF.type, VOID.Dataset))
    parts = set(g.objects(d, VOID.classPartition))
    return d, {t for t in g if t[0] == d or t[0] in parts}


@pytest.mark.parametrize("fmt", list(WRITERS))
def test_every_format_describes_the_dataset_with_counts_that_hold(store, tmp_path, fmt):
    path = tmp_path / f"d.{fmt}"
    summary = export_rdf(store, path, fmt)
    g = _parse(path, fmt)
    d, about = _description(g)
    assert (d, RDF.type, DCAT.Dataset) in g
    # the counts are the data's: triples of the union of the graphs, but the description's own
    assert g.value(d, VOID.triples) == Literal(len(g) - len(about), datatype=XSD.integer)
    partitions = {
        g.value(p, VOID["class"]): g.value(p, VOID.entities).toPython() for p in g.objects(d, VOID.classPartition)
    }
    assert partitions == {
        AIGOV.Entity: summary.entities,
        AIGOV.Event: summary.events,
        AIGOV.Article: summary.articles,
        AIGOV.Report: summary.reports,
    }
    assert partitions[AIGOV.Event] == len(set(g.subjects(AIGOV.modality, None))) == 3
    assert partitions[AIGOV.Report] == len(set(g.subjects(RDF.type, AIGOV.Report))) == 4
    # licence, version, the ontology it conforms to, when it was last changed, by what
    assert g.value(d, DCTERMS.license) == URIRef(LICENSE) == URIRef("https://www.apache.org/licenses/LICENSE-2.0")
    assert g.value(d, DCAT.version) == Literal(vocab.VERSION)
    assert g.value(d, DCTERMS.conformsTo) == URIRef(f"{vocab.ONT}{vocab.VERSION}")
    assert g.value(d, DCTERMS.modified).datatype == XSD.dateTime
    assert set(g.objects(d, DCTERMS.language)) == {
        URIRef("http://id.loc.gov/vocabulary/iso639-1/en"),
        URIRef("http://id.loc.gov/vocabulary/iso639-1/fr"),
    }
    assert set(g.objects(d, PROV.wasAttributedTo)) == {vocab.agent_iri("test")}
    assert {lit.language for lit in g.objects(d, DCTERMS.title)} == {"en", "fr"}


def test_the_description_is_the_same_in_every_format_and_export(store, tmp_path):
    seen = set()
    for fmt in ("nt", "nquads", "trig", "turtle"):
        path = tmp_path / f"same.{fmt}"
        export_rdf(store, path, fmt)
        seen.add(frozenset(_description(_parse(path, fmt))[1]))
    seen.add(frozenset(_description(Graph() + to_dataset(store).default_graph)[1]))
    assert len(seen) == 1


def test_another_dataset_has_another_iri_and_no_aligned_another_count(store, tmp_path):
    aligned = Graph() + to_dataset(store).default_graph
    plain = Graph() + to_dataset(store, aligned=False).default_graph
    d1, d2 = _description(aligned)[0], _description(plain)[0]
    assert d1 != d2 and str(d1).startswith(str(vocab.DATASET))
    assert plain.value(d2, VOID.triples).toPython() < aligned.value(d1, VOID.triples).toPython()
    assert (d2, DCTERMS.isVersionOf, URIRef(vocab.BASE + "dataset")) in plain
    with EmbeddedStore(tmp_path / "other") as other:
        other.ensure_schema()
        other.write(extractions()[:1], extractor="test")
        d3, _ = _description(Graph() + to_dataset(other).default_graph)
    assert d3 not in (d1, d2)


def test_describe_false_and_an_empty_store_write_no_description(store, tmp_path):
    g = Graph() + to_dataset(store, describe=False).default_graph
    assert not set(g.subjects(RDF.type, VOID.Dataset))
    summary = export_rdf(store, tmp_path / "x.nt", "nt", describe=False)
    assert "void#" not in (tmp_path / "x.nt").read_text(encoding="utf-8")
    with_it = export_rdf(store, tmp_path / "y.nt", "nt")
    assert with_it.triples > summary.triples


def test_the_shapes_check_the_description(store):
    ds = to_dataset(store)
    ok, text = validate(ds)
    assert ok, text
    g = union(ds)
    d = next(g.subjects(RDF.type, VOID.Dataset))
    g.remove((d, DCTERMS.license, None))
    ok, text = validate(g)
    assert not ok and "one licence" in text


def test_the_ontology_export_stays_the_vocabulary(tmp_path):
    from click.testing import CliRunner

    from cli import cli

    out = tmp_path / "aigov.ttl"
    result = CliRunner().invoke(cli, ["--home", str(tmp_path / "home"), "export", "ontology", "-o", str(out)])
    assert result.exit_code == 0, result.output
    g = Graph().parse(out, format="turtle")
    assert not set(g.subjects(RDF.type, VOID.Dataset))
    assert (URIRef(vocab.BASE + "ont"), RDF.type, URIRef("http://www.w3.org/2002/07/owl#Ontology")) in g


def test_the_cli_export_carries_the_description(tmp_path):
    from click.testing import CliRunner

    from cli import cli

    home = tmp_path / "home"
    with EmbeddedStore(home) as s:
        s.ensure_schema()
        s.write(extractions(), extractor="test")
    result = CliRunner().invoke(cli, ["--home", str(home), "export", "rdf", "-f", "nt"])
    assert result.exit_code == 0, result.output
    g = Graph().parse(data=result.stdout, format="nt")
    d, about = _description(g)
    assert g.value(d, VOID.triples).toPython() == len(g) - len(about)
