"""Provenance in the RDF export, as PROV and Web Annotation (issue 13, item 6).

The seed article (Reuters, machine-translated into French, read from a file without a URL)
and corpus/dev/d03.txt (an English article with a source URL) go through the real coder and
the embedded store, as ``aigov ingest`` writes them.
"""

from __future__ import annotations

import pytest
from rdflib import RDF, XSD, Dataset, Graph, Literal, URIRef
from rdflib.namespace import PROV, SDO

from graph import vocab
from graph.embedded import EmbeddedStore
from graph.export import export_rdf, to_dataset, validate
from graph.export.formats import WRITERS
from graph.export.provenance import translation_notice
from graph.vocab import AIGOV, OA
from tests.conftest import DEV, SEED_FILE

D03 = DEV / "d03.txt"


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    from loaders import coder_version, extract_sources

    results = list(extract_sources([str(SEED_FILE), str(D03)]))
    assert all(not isinstance(r, Exception) for r in results), results
    s = EmbeddedStore(tmp_path_factory.mktemp("prov-home"))
    s.ensure_schema()
    summary = s.write(results, extractor=coder_version())
    assert summary.added == 2 and not summary.errors
    yield s
    s.close()


@pytest.fixture(scope="module")
def dataset(store) -> Dataset:
    return to_dataset(store)


@pytest.fixture(scope="module")
def articles(store) -> dict[str, dict]:
    """Article id -> stored properties (body included)."""
    return {r["p"]["id"]: r["p"] for r in store.read("MATCH (a:Article) RETURN properties(a) AS p")}


def _named(ds: Dataset) -> dict[URIRef, Graph]:
    default = ds.default_graph.identifier
    return {g.identifier: g for g in ds.graphs() if g.identifier != default and len(g)}


def _with_default(ds: Dataset, g: Graph) -> Graph:
    out = Graph()
    for t in ds.default_graph:
        out.add(t)
    for t in g:
        out.add(t)
    return out


def test_each_article_graph_holds_the_coders_run_with_its_version_as_a_software_agent(dataset, articles):
    from loaders.coder import CODER_VERSION

    graphs = _named(dataset)
    assert len(graphs) == 2
    agent = vocab.agent_iri(CODER_VERSION)
    default = dataset.default_graph
    assert (agent, RDF.type, PROV.SoftwareAgent) in default
    assert default.value(agent, SDO.softwareVersion) == Literal(CODER_VERSION)
    for article_id in articles:
        g = graphs[vocab.graph_iri(article_id)]
        run = vocab.extraction_iri(article_id)
        assert (vocab.graph_iri(article_id), PROV.wasGeneratedBy, run) in default
        assert (run, RDF.type, AIGOV.Extraction) in g and (run, RDF.type, PROV.Activity) in g
        assert (run, PROV.used, vocab.article_iri(article_id)) in g
        assert (run, PROV.wasAssociatedWith, agent) in g
        assert g.value(run, PROV.endedAtTime).datatype == XSD.dateTime
        reports = set(g.subjects(RDF.type, AIGOV.Report))
        assert reports and all((r, PROV.wasGeneratedBy, run) in g for r in reports)


def test_evidence_is_anchored_by_start_end_and_the_exact_text_of_the_body(dataset, articles):
    anchored = 0
    for g in _named(dataset).values():
        for r in g.subjects(RDF.type, AIGOV.Report):
            article = g.value(r, AIGOV.inArticle)
            body = articles[str(g.value(article, AIGOV.id))]["body"]
            start, end = g.value(r, AIGOV.evidenceStart).toPython(), g.value(r, AIGOV.evidenceEnd).toPython()
            target = g.value(r, OA.hasTarget)
            assert (target, RDF.type, OA.SpecificResource) in g
            assert g.value(target, OA.hasSource) == article
            selectors = {g.value(s, RDF.type): s for s in g.objects(target, OA.hasSelector)}
            pos, quote = selectors[OA.TextPositionSelector], selectors[OA.TextQuoteSelector]
            assert (g.value(pos, OA.start).toPython(), g.value(pos, OA.end).toPython()) == (start, end)
            exact = g.value(quote, OA.exact)
            # the selectors pick the evidence out of the body, in the article's language
            assert body[start:end] == str(exact) == str(g.value(r, PROV.value))
            assert exact.language == articles[str(g.value(article, AIGOV.id))]["language"]
            anchored += 1
    assert anchored >= 5


def test_the_publisher_is_the_host_of_the_articles_url(dataset, articles):
    default = dataset.default_graph
    for article_id, props in articles.items():
        g = _named(dataset)[vocab.graph_iri(article_id)]
        publisher = g.value(vocab.article_iri(article_id), SDO.publisher)
        if props.get("url"):
            assert publisher == vocab.publisher_iri("localnews8.com")
            assert (publisher, RDF.type, SDO.Organization) in default
            assert default.value(publisher, SDO.url) == Literal("https://localnews8.com/", datatype=XSD.anyURI)
        else:  # the seed: a file with no URL has no publisher
            assert publisher is None


def test_the_machine_translated_seed_is_marked_with_the_notice_that_says_so(dataset, articles):
    seen = {}
    for article_id, props in articles.items():
        g = _named(dataset)[vocab.graph_iri(article_id)]
        a = vocab.article_iri(article_id)
        seen[props.get("url") is None] = (g.value(a, AIGOV.machineTranslated), g.value(a, AIGOV.translationNotice))
    flag, notice = seen[True]  # the seed
    assert flag == Literal(True)
    assert str(notice).startswith("((Traduction automatisée par Reuters") and notice.language == "fr"
    assert seen[False] == (None, None)  # d03 says nothing of the kind


@pytest.mark.parametrize(
    "body, expected",
    [
        (
            "Texte.\n((Machine translated by Reuters; see https://bit.ly/x))\nSuite.",
            "((Machine translated by Reuters; see https://bit.ly/x))",
        ),
        (
            "Cet article a été traduit automatiquement de l'anglais.\nTexte.",
            "Cet article a été traduit automatiquement de l'anglais.",
        ),
        ("DeepL's machine translation is used by newsrooms; the (machine-translated) menu was odd.", None),
        ("La traduction automatique progresse, dit la Commission.", None),
    ],
)
def test_a_translation_notice_is_a_notice_not_a_mention_of_machine_translation(body, expected):
    assert translation_notice(body) == expected


@pytest.mark.parametrize("fmt", list(WRITERS))
def test_every_format_carries_the_provenance(store, tmp_path, fmt):
    path = tmp_path / f"prov.{fmt}"
    export_rdf(store, path, fmt)
    text = path.read_text(encoding="utf-8")
    for needle in ("TextQuoteSelector", "wasAssociatedWith", "machineTranslated", "localnews8.com"):
        assert needle in text, (fmt, needle)


def test_each_article_graph_with_the_default_graph_passes_the_shapes(dataset):
    ok, text = validate(dataset)
    assert ok, text
    for g in _named(dataset).values():
        ok, text = validate(_with_default(dataset, g))
        assert ok, text


def test_the_shapes_catch_a_quote_that_is_not_the_evidence_and_an_unsaid_translation(dataset):
    g = Graph()
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        g.add((s, p, o))
    quote = next(g.subjects(RDF.type, OA.TextQuoteSelector))
    exact = g.value(quote, OA.exact)
    g.set((quote, OA.exact, Literal(str(exact)[1:], lang=exact.language)))
    ok, text = validate(g)
    assert not ok and "text quote is its evidence" in text
    g.set((quote, OA.exact, exact))
    article = next(g.subjects(AIGOV.translationNotice, None))
    g.remove((article, AIGOV.translationNotice, None))
    ok, text = validate(g)
    assert not ok and "quotes the notice" in text
