"""What the RDF export *says*, read as a Linked Data user would (issue 13).

A small embedded store: an English article in which Italy *plans* to ban Grok and the Garante
*banned* DeepSeek, and a French article reporting the same ban again and an investigation
that is only *reported*. Every format must keep the planned and reported acts as events with
their modality, never as direct triples; the default graph alone, and each article's graph
with the default graph, must answer "who banned what".
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import RDF, Dataset, Graph, URIRef
from rdflib.namespace import PROV

from graph import vocab
from graph.embedded import EmbeddedStore
from graph.export import export_rdf, to_dataset, validate
from graph.export.formats import WRITERS
from graph.model import Article, Entity, Event, Extraction, event_id
from graph.vocab import AIGOV

EN_BODY = "Italy plans to ban Grok, the minister said. Italy's Garante banned DeepSeek on 30 January 2025."
FR_BODY = "Le Garante a interdit DeepSeek le 30 janvier 2025. La Commission enquêterait sur xAI, selon la presse."

ENTS = {
    "it": Entity("Q38", "Italy", "Country", ("Italia",), "Q38"),
    "garante": Entity("regulator:garante", "Garante", "Regulator"),
    "deepseek": Entity("product:deepseek", "DeepSeek", "Product"),
    "grok": Entity("product:grok", "Grok", "Product"),
    "ec": Entity("regulator:european-commission", "European Commission", "Regulator"),
    "xai": Entity("company:xai", "xAI", "Company"),
}

IT, GARANTE, DEEPSEEK, GROK = (vocab.entity_iri(ENTS[k].id) for k in ("it", "garante", "deepseek", "grok"))


def _event(art: Article, type_: str, actor: str, target: str, sentence: str, **kw) -> Event:
    start = art.body.index(sentence)
    a, t = [ENTS[actor].id], [ENTS[target].id]
    return Event(
        id=event_id(art.id, type_, a, t, start),
        type=type_,
        actors=a,
        targets=t,
        evidence=sentence,
        evidence_start=start,
        **kw,
    )


def _extraction(art: Article, events: list[Event]) -> Extraction:
    used = {x for ev in events for x in ev.actors + ev.targets}
    return Extraction(art, [e for e in ENTS.values() if e.id in used], events)


def extractions() -> list[Extraction]:
    en = Article.from_text(
        EN_BODY,
        title="Italy and AI",
        published="2025-01-31",
        language="en",
        source="en.txt",
        url="https://example.org/it-en",
    )
    fr = Article.from_text(
        FR_BODY,
        title="L'Italie et l'IA",
        published="2025-02-01",
        language="fr",
        source="fr.txt",
        url="https://example.org/it-fr",
    )
    return [
        _extraction(
            en,
            [
                _event(
                    en,
                    "BANNED",
                    "it",
                    "grok",
                    "Italy plans to ban Grok, the minister said.",
                    modality="planned",
                    confidence=0.6,
                ),
                _event(
                    en,
                    "BANNED",
                    "garante",
                    "deepseek",
                    "Italy's Garante banned DeepSeek on 30 January 2025.",
                    date="2025-01-30",
                    confidence=0.9,
                ),
            ],
        ),
        _extraction(
            fr,
            [
                _event(
                    fr,
                    "BANNED",
                    "garante",
                    "deepseek",
                    "Le Garante a interdit DeepSeek le 30 janvier 2025.",
                    date="2025-01-30",
                    confidence=0.8,
                ),
                _event(
                    fr,
                    "INVESTIGATED",
                    "ec",
                    "xai",
                    "La Commission enquêterait sur xAI, selon la presse.",
                    modality="reported",
                    confidence=0.5,
                ),
            ],
        ),
    ]


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    s = EmbeddedStore(tmp_path_factory.mktemp("trust-home"))
    s.ensure_schema()
    summary = s.write(extractions(), extractor="test")
    assert summary.added == 2 and not summary.errors
    yield s
    s.close()


@pytest.fixture(scope="module")
def dataset(store) -> Dataset:
    return to_dataset(store)


def _default(ds: Dataset) -> Graph:
    return ds.default_graph


def _article_graphs(ds: Dataset) -> list[Graph]:
    default = ds.default_graph.identifier
    return [g for g in ds.graphs() if g.identifier != default and len(g)]


def _triples_of(path: Path, fmt: str) -> set[tuple]:
    """The triples of an export (every graph), parsed by rdflib, or pyoxigraph for RDF 1.2."""
    if fmt in ("turtle12", "ntriples12"):
        ox = pytest.importorskip("pyoxigraph", minversion="0.5")
        oxfmt = ox.RdfFormat.TURTLE if fmt == "turtle12" else ox.RdfFormat.N_TRIPLES
        return {
            (q.subject.value, q.predicate.value, q.object.value)
            for q in ox.parse(path=str(path), format=oxfmt)
            if isinstance(q.subject, ox.NamedNode) and isinstance(q.object, (ox.NamedNode, ox.Literal))
        }
    rdflib_fmt = {
        "json-ld": "json-ld",
        "xml": "xml",
        "trig": "trig",
        "nquads": "nquads",
        "nt": "nt",
        "turtle": "turtle",
    }[fmt]
    ds = Dataset()
    ds.parse(str(path), format=rdflib_fmt)
    return {(str(s), str(p), str(o)) for s, p, o, _ in ds.quads((None, None, None, None))}


# ---------------------------------------------------------------------------------------------
# 1. planned and reported acts are not facts


@pytest.mark.parametrize("fmt", list(WRITERS))
def test_a_planned_or_reported_act_is_never_a_direct_triple(store, tmp_path, fmt):
    path = tmp_path / f"out.{fmt}"
    export_rdf(store, path, fmt)
    triples = _triples_of(path, fmt)
    banned, investigated = str(AIGOV.BANNED), str(AIGOV.INVESTIGATED)
    # "Italy plans to ban Grok" is no fact about Wikidata's Italy
    assert (str(IT), banned, str(GROK)) not in triples
    assert not any(p == investigated for _, p, _ in triples)
    # the asserted ban is one
    assert (str(GARANTE), banned, str(DEEPSEEK)) in triples
    # the planned ban stays an event, with its modality
    planned = [s for s, p, o in triples if p == str(AIGOV.modality) and o == str(AIGOV.Planned)]
    assert len(planned) == 1
    assert (planned[0], str(AIGOV.actor), str(IT)) in triples
    assert (planned[0], str(RDF.type), str(AIGOV.BannedEvent)) in triples


def test_the_star_formats_reify_only_asserted_direct_triples(store, tmp_path):
    summary = export_rdf(store, tmp_path / "x.nt", "ntriples12")
    assert summary.reifications == 1


def test_shacl_catches_a_direct_triple_without_an_asserted_event(dataset):
    ok, text = validate(dataset)
    assert ok, text
    g = Graph()
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        g.add((s, p, o))
    g.add((IT, AIGOV.BANNED, GROK))  # only planned
    ok, text = validate(g)
    assert not ok
    assert "no supporting asserted event" in text
    g.remove((IT, AIGOV.BANNED, GROK))
    g.add((GARANTE, AIGOV.BANNED, GROK))  # no event at all
    ok, text = validate(g)
    assert not ok and "no supporting asserted event" in text


# ---------------------------------------------------------------------------------------------
# 2. graphs that stand alone

WHO_BANNED_WHAT = """
    PREFIX aigov: <https://w3id.org/aigov/ont/>
    PREFIX schema: <https://schema.org/>
    SELECT DISTINCT ?actor ?target WHERE {
      ?event a aigov:BannedEvent ; aigov:actor ?a ; aigov:target ?t ;
             aigov:modality aigov:Asserted .
      ?a schema:name ?actor . ?t schema:name ?target .
    }"""

WHO_BANNED_WHAT_DIRECT = """
    PREFIX aigov: <https://w3id.org/aigov/ont/>
    PREFIX schema: <https://schema.org/>
    SELECT DISTINCT ?actor ?target WHERE {
      ?a aigov:BANNED ?t . ?a schema:name ?actor . ?t schema:name ?target .
    }"""

ANSWER = {("Garante", "DeepSeek")}


def _rows(g: Graph, query: str) -> set[tuple]:
    return {tuple(str(v) for v in row) for row in g.query(query)}


@pytest.mark.parametrize("query", [WHO_BANNED_WHAT, WHO_BANNED_WHAT_DIRECT])
def test_the_default_graph_alone_answers_who_banned_what(dataset, query):
    default = Graph()
    for triple in _default(dataset):
        default.add(triple)
    assert _rows(default, query) == ANSWER


def test_the_default_graph_alone_conforms_to_the_shapes(dataset):
    default = Graph()
    for triple in _default(dataset):
        default.add(triple)
    ok, text = validate(default)
    assert ok, text


def test_each_article_graph_with_the_default_graph_answers_and_conforms(dataset):
    graphs = _article_graphs(dataset)
    assert len(graphs) == 2
    for article in graphs:
        g = Graph()
        for triple in _default(dataset):
            g.add(triple)
        for triple in article:
            g.add(triple)
        assert _rows(g, WHO_BANNED_WHAT) == ANSWER
        assert _rows(g, WHO_BANNED_WHAT_DIRECT) == ANSWER
        ok, text = validate(g)
        assert ok, text
        # the article's graph keeps its own report of the ban, with its evidence
        evidence = {o for s, p, o in article if p == PROV.value}
        assert any("DeepSeek" in str(e) for e in evidence)


def test_an_article_graph_keeps_its_reports_not_the_event_core(dataset):
    for article in _article_graphs(dataset):
        assert not list(article.triples((None, AIGOV.actor, None)))
        assert not list(article.triples((None, AIGOV.modality, None)))
        assert list(article.triples((None, AIGOV.reportOf, None)))


def test_oxigraph_answers_from_the_default_graph_and_from_each_article_graph(store, tmp_path):
    ox = pytest.importorskip("pyoxigraph", minversion="0.5")
    path = tmp_path / "g.trig"
    export_rdf(store, path, "trig")
    st = ox.Store()
    st.load(path=str(path), format=ox.RdfFormat.TRIG)

    def names(results) -> set[tuple]:
        return {(r["actor"].value, r["target"].value) for r in results}

    # (a) the default graph alone (Oxigraph's default: no union)
    assert names(st.query(WHO_BANNED_WHAT)) == ANSWER
    assert names(st.query(WHO_BANNED_WHAT_DIRECT)) == ANSWER
    # (b) each article graph with the default graph
    graphs = [g for g in st.named_graphs()]
    assert len(graphs) == 2
    for g in graphs:
        rows = st.query(WHO_BANNED_WHAT, default_graph=[ox.DefaultGraph(), g])
        assert names(rows) == ANSWER
    # (c) the union of every graph, with DISTINCT
    assert names(st.query(WHO_BANNED_WHAT, use_default_graph_as_union=True)) == ANSWER


# ---------------------------------------------------------------------------------------------
# 3. a published vocabulary


def _cli(home: Path, *args: str):
    from click.testing import CliRunner

    from cli import cli

    return CliRunner().invoke(cli, ["--home", str(home), *args], catch_exceptions=False)


def test_export_ontology_writes_an_owl_ontology_defined_in_english_and_french(tmp_path):
    from rdflib import OWL, RDFS

    out = tmp_path / "sub" / "aigov.ttl"
    result = _cli(tmp_path / "home", "export", "ontology", "-o", str(out))
    assert result.exit_code == 0, result.output
    assert f"the aigov ontology {vocab.VERSION}" in result.stderr
    g = Graph().parse(out, format="turtle")
    onto = URIRef(vocab.BASE + "ont")
    assert (onto, RDF.type, OWL.Ontology) in g
    assert g.value(onto, OWL.versionIRI) == URIRef(f"{vocab.ONT}{vocab.VERSION}")
    terms = {s for s in g.subjects(RDFS.isDefinedBy, onto)}
    assert len(terms) > 50
    for term in terms | {onto}:
        assert {lit.language for lit in g.objects(term, RDFS.label)} == {"en", "fr"}, term
        assert {lit.language for lit in g.objects(term, RDFS.comment)} == {"en", "fr"}, term
    # every class and property of the closed vocabulary is declared
    declared = (
        set(g.subjects(RDF.type, OWL.Class))
        | set(g.subjects(RDF.type, OWL.ObjectProperty))
        | set(g.subjects(RDF.type, OWL.DatatypeProperty))
        | set(g.subjects(RDF.type, OWL.AnnotationProperty))
    )
    assert {AIGOV.BannedEvent, AIGOV.BANNED, AIGOV.actor, AIGOV.start, AIGOV.Country} <= declared
    # to stdout too
    assert Graph().parse(data=_cli(tmp_path / "home", "export", "ontology").stdout, format="turtle")


def test_no_aligned_leaves_out_the_schema_org_prov_and_sem_copies(store, tmp_path):
    from rdflib.namespace import SDO

    aligned, plain = tmp_path / "a.nt", tmp_path / "p.nt"
    export_rdf(store, aligned, "nt")
    export_rdf(store, plain, "nt", aligned=False)
    a, p = Graph().parse(aligned, format="nt"), Graph().parse(plain, format="nt")
    assert (None, SDO.agent, None) in a and (None, SDO.agent, None) not in p
    assert not any(str(pred).startswith(str(vocab.SEM)) for pred in p.predicates())


def test_the_cli_offers_no_aligned(tmp_path):
    home = tmp_path / "home"
    with EmbeddedStore(home) as s:
        s.ensure_schema()
        s.write(extractions(), extractor="test")
    default = _cli(home, "export", "rdf", "-f", "nt")
    plain = _cli(home, "export", "rdf", "-f", "nt", "--no-aligned")
    assert default.exit_code == plain.exit_code == 0, plain.output
    assert "https://schema.org/agent" in default.stdout
    assert "https://schema.org/agent" not in plain.stdout
    assert "http://semanticweb.cs.vu.nl/2009/11/sem/" not in plain.stdout


# ---------------------------------------------------------------------------------------------
# 4. one filterable date per event


def test_every_dated_event_has_a_start_an_end_and_a_precision(dataset):
    from rdflib import XSD

    g = dataset.default_graph
    dated = {e for e in g.subjects(AIGOV.date, None)}
    assert len(dated) == 1  # the asserted ban (a day, two reports); nothing else is dated
    for e in dated:
        assert g.value(e, AIGOV.start).datatype == XSD.date
        assert g.value(e, AIGOV.end).datatype == XSD.date
    # filtering on aigov:start finds every dated event, and each says how precise it is
    rows = list(
        g.query("""
        PREFIX aigov: <https://w3id.org/aigov/ont/>
        SELECT ?e ?p WHERE { ?e aigov:start ?s ; aigov:datePrecision ?p .
                             FILTER (?s >= "2025-01-01"^^xsd:date) }""")
    )
    assert {r[0] for r in rows} == dated
    assert {r[1] for r in rows} == {AIGOV.Day}


@pytest.mark.parametrize(
    "date, precision",
    [
        ("2026-01-14", "Day"),
        ("2026-01", "Month"),
        ("2025", "Year"),
        ("2026-01-05/2026-01-11", "Week"),
        ("2026-02-01/2026-02-15", "Interval"),
    ],
)
def test_the_precision_is_explicit_whatever_the_date_is_written_as(tmp_path, date, precision):
    from rdflib import XSD

    art = Article.from_text(
        "Italy banned Grok.", title="t", published="2026-01-14", language="en", url="https://example.org/p"
    )
    ev = _event(art, "BANNED", "it", "grok", "Italy banned Grok.", date=date, confidence=0.9)
    with EmbeddedStore(tmp_path / "home") as s:
        s.ensure_schema()
        s.write([_extraction(art, [ev])], extractor="test")
        for fmt in ("nt", "turtle"):
            g = Graph().parse(data=_export_text(s, tmp_path, fmt), format=fmt)
            e = next(g.subjects(RDF.type, AIGOV.BannedEvent))
            assert g.value(e, AIGOV.datePrecision) == AIGOV[precision], fmt
            assert g.value(e, AIGOV.start).datatype == XSD.date
            assert g.value(e, AIGOV.end).datatype == XSD.date
        ok, text = validate(to_dataset(s))
        assert ok, text


def _export_text(store, tmp_path: Path, fmt: str) -> str:
    path = tmp_path / f"d.{fmt}"
    export_rdf(store, path, fmt)
    return path.read_text(encoding="utf-8")


def test_shacl_catches_a_dated_event_without_its_precision(dataset):
    g = Graph()
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        g.add((s, p, o))
    e = next(g.subjects(AIGOV.datePrecision, None))
    g.remove((e, AIGOV.datePrecision, None))
    ok, text = validate(g)
    assert not ok and "aigov:datePrecision" in text


# ---------------------------------------------------------------------------------------------
# 5. provenance: no local path


def test_no_local_path_is_exported_as_a_source(tmp_path):
    body = "Italy banned Grok."
    with_url = Article.from_text(
        body,
        title="t",
        published="2026-01-14",
        language="en",
        source="/home/alice/private/corpus/with-url.txt",
        url="https://example.org/p",
    )
    without = Article.from_text(
        body + " Again.",
        title="t",
        published="2026-01-14",
        language="en",
        source="/home/alice/private/corpus/no-url.txt",
    )
    evs = [_event(a, "BANNED", "it", "grok", body, confidence=0.9) for a in (with_url, without)]
    with EmbeddedStore(tmp_path / "home") as s:
        s.ensure_schema()
        s.write([_extraction(with_url, [evs[0]]), _extraction(without, [evs[1]])], extractor="test")
        for fmt in WRITERS:
            path = tmp_path / f"src.{fmt}"
            export_rdf(s, path, fmt)
            text = path.read_text(encoding="utf-8")
            assert "/home/alice" not in text and "private" not in text, fmt
        g = Graph().parse(tmp_path / "src.nt", format="nt")
        assert {str(o) for o in g.objects(None, AIGOV.source)} == {"no-url.txt"}


def test_an_ill_typed_date_fails_validation_with_its_literal_named():
    from rdflib import Graph, Literal, URIRef
    from rdflib.namespace import XSD

    from graph.export import validate

    g = Graph()
    g.add((URIRef("urn:x:event"), URIRef("urn:x:start"), Literal("2025-02-30", datatype=XSD.date)))
    conforms, text = validate(g)
    assert not conforms
    assert '"2025-02-30"^^<http://www.w3.org/2001/XMLSchema#date>' in text
