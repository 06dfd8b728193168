"""RDF, JSON Lines and CSV export on a real embedded store: round trips, facts, SHACL, IRIs.

The fixture is built by hand: a French article (Malaysia blocks Grok in January 2026; a
statement with a quote by an awkwardly named person; a planned fine over an interval) and an
English one reporting the same block again, plus a law regulated in a year.
"""

from __future__ import annotations

import csv
import io
import json
import re
from decimal import Decimal
from pathlib import Path

import pytest
from rdflib import OWL, RDF, RDFS, XSD, Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import DCTERMS, PROV, SDO, SH

from graph import export, vocab
from graph.cypher import DERIVED_RELATIONSHIPS
from graph.embedded import EmbeddedStore
from graph.errors import SchemaError
from graph.export import ExportError, export_csv, export_jsonl, export_rdf, to_dataset, validate
from graph.model import Article, Entity, EntityType, Event, EventType, Extraction, Modality, event_id
from graph.vocab import AIGOV

FR_BODY = (
    "La Malaisie a bloqué l'accès à Grok en janvier 2026. "
    "« Nous protégeons nos citoyens », a déclaré O'Brien à propos de Grok. "
    "La CNIL prévoit d'infliger une amende à xAI entre le 1er et le 15 février."
)
EN_BODY = "Malaysia blocked access to Grok in January, officials said. Parliament regulated the AI Act in 2025."

AWKWARD_NAME = 'O\'Brien "Tech" / Ünïcode{x}'
AWKWARD_ID = 'person:O\'Brien "Tech" / Ünïcode{x} `back` 100%'

ENTS = {
    "my": Entity("Q833", "Malaysia", "Country", ("Malaisie",), "Q833"),
    "grok": Entity("product:grok", "Grok", "Product"),
    "ob": Entity(AWKWARD_ID, AWKWARD_NAME, "Person", ("O'Brien",)),
    "cnil": Entity("Q1144685", "CNIL", "Regulator", (), "Q1144685"),
    "xai": Entity("company:xai", "xAI", "Company"),
    "parl": Entity("legislature:parliament", "Parliament", "Legislature"),
    "act": Entity("law:ai-act", "AI Act", "Law"),
}


def _event(art: Article, type_: str, actors: list[str], targets: list[str], sentence: str, **kw) -> Event:
    start = art.body.index(sentence)
    a = [ENTS[x].id for x in actors]
    t = [ENTS[x].id for x in targets]
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


def fixture() -> list[Extraction]:
    fr = Article.from_text(
        FR_BODY,
        title="Grok bloqué « en Malaisie »",
        published="2026-01-14",
        language="fr",
        source="fr.txt",
        url="https://example.org/fr?a=1&b=2",
    )
    en = Article.from_text(
        EN_BODY,
        title="Grok blocked",
        published="2026-01",
        language="en",
        source="en.txt",
        url="https://example.org/en",
    )
    s1 = "La Malaisie a bloqué l'accès à Grok en janvier 2026."
    s2 = "« Nous protégeons nos citoyens », a déclaré O'Brien à propos de Grok."
    s3 = "La CNIL prévoit d'infliger une amende à xAI entre le 1er et le 15 février."
    e1 = "Malaysia blocked access to Grok in January, officials said."
    e2 = "Parliament regulated the AI Act in 2025."
    return [
        _extraction(
            fr,
            [
                _event(
                    fr,
                    "BLOCKED_ACCESS",
                    ["my"],
                    ["grok"],
                    s1,
                    date="2026-01",
                    date_text="en janvier 2026",
                    confidence=0.9,
                ),
                _event(
                    fr,
                    "STATED",
                    ["ob"],
                    ["grok"],
                    s2,
                    date="2026-01-14",
                    quote="Nous protégeons nos citoyens",
                    confidence=0.8,
                ),
                _event(
                    fr,
                    "FINED",
                    ["cnil"],
                    ["xai"],
                    s3,
                    date="2026-02-01/2026-02-15",
                    date_text="entre le 1er et le 15 février",
                    modality="planned",
                    detail="amount not stated",
                    confidence=0.55,
                ),
            ],
        ),
        _extraction(
            en,
            [
                _event(
                    en,
                    "BLOCKED_ACCESS",
                    ["my"],
                    ["grok"],
                    e1,
                    date="2026-01-11",
                    date_text="in January",
                    confidence=0.7,
                ),
                _event(en, "REGULATED", ["parl"], ["act"], e2, date="2025", confidence=0.6),
            ],
        ),
    ]


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    s = EmbeddedStore(tmp_path_factory.mktemp("export-home"))
    s.ensure_schema()
    summary = s.write(fixture(), extractor="test")
    assert summary.added == 2 and not summary.errors
    yield s
    s.close()


@pytest.fixture(scope="module")
def reference(store) -> Dataset:
    return to_dataset(store)


def _union(ds: Dataset | Graph) -> Graph:
    g = Graph()
    for s, p, o, *_ in ds.quads((None, None, None, None)) if isinstance(ds, Dataset) else ds:
        g.add((s, p, o))
    return g


def _quads(ds: Dataset) -> set[tuple]:
    """Quads with the default graph named None (parsers name it differently)."""
    out = set()
    for s, p, o, g in ds.quads((None, None, None, None)):
        name = getattr(g, "identifier", g)
        out.add(
            (
                s,
                p,
                o,
                None
                if name in (None, Dataset().default_graph.identifier)
                or str(name).startswith("urn:x-rdflib:default")
                else name,
            )
        )
    return out


def _export(store, tmp_path: Path, fmt: str, **kw) -> tuple[Path, export.ExportSummary]:
    path = tmp_path / f"out.{fmt}"
    return path, export_rdf(store, path, fmt, **kw)


# ---------------------------------------------------------------------------------------------
# round trips


def test_a_node_deleted_during_the_export_is_an_error_not_a_gap(tmp_path):
    # ids are read first and pages fetched by id: an event deleted in between must stop the
    # export with a clear error rather than leave it out of the file
    racing_store = EmbeddedStore(tmp_path / "home")
    racing_store.write(fixture(), extractor="test")

    class Racing:
        def __init__(self, inner):
            self.inner, self.raced = inner, False

        def read(self, query, params=None):
            if query == export.EVENTS_PAGE and not self.raced:
                self.raced = True
                self.inner._run("MATCH (e:FINED) DETACH DELETE e", write=True)
            return self.inner.read(query, params)

        def __getattr__(self, name):
            return getattr(self.inner, name)

    try:
        with pytest.raises(ExportError, match="changed during the export"):
            _export(Racing(racing_store), tmp_path, "nt")
    finally:
        racing_store.close()


@pytest.mark.parametrize("fmt", ["turtle", "nt", "xml", "json-ld", "trig", "nquads"])
def test_every_format_parses_back_to_the_same_graph(store, reference, tmp_path, fmt):
    path, summary = _export(store, tmp_path, fmt)
    named = export.FORMATS[fmt][1]
    back = Dataset() if named else Graph()
    back.parse(path, format={"nt": "nt", "xml": "xml"}.get(fmt, fmt))
    assert isomorphic(_union(back), _union(reference))
    assert set(_union(back)) == set(_union(reference))
    if named:
        assert _quads(back) == _quads(reference)
    assert summary.triples > 0 and summary.events == 4 and summary.entities == 7
    assert summary.articles == 2 and summary.reports == 5 and summary.direct == 4


def test_streamed_output_equals_the_in_memory_graph_at_any_page_size(store, reference, tmp_path):
    for page_size in (1, 2, 1000):
        buf = io.BytesIO()
        summary = export_rdf(store, buf, "nt", page_size=page_size)
        assert summary.streamed
        lines = buf.getvalue().decode("utf-8").splitlines()
        assert len(lines) == len(set(lines)) == summary.triples
        g = Graph().parse(data=buf.getvalue(), format="nt")
        assert set(g) == set(_union(reference))
        qbuf = io.BytesIO()
        export_rdf(store, qbuf, "nquads", page_size=page_size)
        back = Dataset().parse(data=qbuf.getvalue(), format="nquads")
        assert _quads(back) == _quads(reference)


#: one N-Triples/N-Quads line: subject, predicate, object (IRI or literal), optional graph
_NT_LINE = re.compile(
    r'^(<[^>]*>) (<[^>]*>) (<[^>]*>|"(?:[^"\\\n\r]|\\[btnfr"\\]|\\u[0-9A-F]{4})*"'
    r"(?:@[A-Za-z]+(?:-[A-Za-z0-9]+)*|\^\^<[^>]*>)?)(?: (<[^>]*>))? \.$"
)


@pytest.mark.parametrize("fmt", ["nt", "nquads", "ntriples12"])
def test_streamed_lines_follow_the_grammar_and_iris_are_valid(store, fmt):
    text = io.BytesIO()
    export_rdf(store, text, fmt)
    lines = text.getvalue().decode("utf-8").split("\n")
    assert lines[-1] == ""
    iris = set()
    for line in lines[:-1]:
        if fmt == "ntriples12" and "<<(" in line:
            continue
        m = _NT_LINE.match(line)
        assert m, line
        assert (m.group(4) is not None) <= (fmt == "nquads"), line
        iris.update(g[1:-1] for g in m.groups() if g and g.startswith("<"))
        if m.group(3).startswith('"'):
            datatype = m.group(3).rpartition("^^")[2]
            iris.add(datatype[1:-1]) if datatype.startswith("<") else None
    assert vocab.entity_iri(AWKWARD_ID) in {URIRef(i) for i in iris}
    for iri in iris:
        assert _IRI_RE.match(iri), iri
        assert not set(iri) & set(' <>"{}|^`\\'), iri
        assert "%" not in iri or re.fullmatch(r"([^%]|%[0-9A-F]{2})*", iri), iri


CONTROL_NAME = 'ctl "q" \\ back\nnl\rcr\ttab\x01one\x1fus\x7fdel\x08bs\x0cff é 😀'


def test_streamed_literals_are_escaped_per_the_n_triples_spec(tmp_path):
    art = Article.from_text(
        "Ctl sued Grok. " + EN_BODY,
        title='A "title"\twith\\ escapes',
        published="2026-01",
        language="en",
        source="c.txt",
    )
    # (U+0000 cannot be stored in FalkorDB: the escaper's own test covers it)
    ctl = Entity("person:ctl", CONTROL_NAME, "Person", ("al\x02ias", "x\ny"))
    start = art.body.index("Ctl sued Grok.")
    ev = Event(
        id=event_id(art.id, "SUED", [ctl.id], [ENTS["grok"].id], start),
        type="SUED",
        actors=[ctl.id],
        targets=[ENTS["grok"].id],
        evidence="Ctl sued Grok.",
        evidence_start=start,
        quote='he said "\\no"\r\n',
        confidence=1,
    )
    with EmbeddedStore(tmp_path / "ctl") as s:
        assert s.write([Extraction(art, [ctl, ENTS["grok"]], [ev])], extractor="test").added == 1
        reference = to_dataset(s)
        for fmt in ("nt", "nquads"):
            buf = io.BytesIO()
            export_rdf(s, buf, fmt)
            data = buf.getvalue()
            text = data.decode("utf-8")
            # no raw control character but the line ends; escapes as canonical N-Triples has them
            assert not re.search(r"[\x00-\x09\x0b-\x1f\x7f]", text)
            line = next(x for x in text.splitlines() if str(SDO.name) in x and "ctl" in x)
            assert '"ctl \\"q\\" \\\\ back\\nnl\\rcr\\ttab\\u0001one\\u001Fus\\u007Fdel\\bbs\\fff é 😀"' in line, (
                line
            )
            assert '"al\\u0002ias"' in text
            # an alias across a line break is sentence debris: refused (tests/test_export_labels.py)
            assert '"x\\ny"' not in text
            if fmt == "nt":
                back = Graph().parse(data=data, format="nt")
                assert set(back) == set(_union(reference))
            else:
                back = Dataset().parse(data=data, format="nquads")
                assert _quads(back) == _quads(reference)
            assert (vocab.entity_iri("person:ctl"), SDO.name, Literal(CONTROL_NAME)) in set(_union(back))
            try:
                import pyoxigraph as ox
            except ImportError:
                continue
            fmt_ox = ox.RdfFormat.N_TRIPLES if fmt == "nt" else ox.RdfFormat.N_QUADS
            names = {q.object.value for q in ox.parse(data, format=fmt_ox) if q.predicate.value == str(SDO.name)}
            assert CONTROL_NAME in names


def test_streamed_terms_are_the_rdflib_terms_written_as_n_triples():
    """The streamed formats build N-Triples text without rdflib terms; each helper must give
    exactly what serialising the in-memory path's term gives."""
    nt, rdf = export._NTTerms, export._RdfTerms
    for name in dir(rdf):
        if name.isupper() and name != "SUPERS":
            assert getattr(nt, name) == export._nt(getattr(rdf, name)), name
    assert nt.SUPERS == {export._nt(k): tuple(export._nt(x) for x in v) for k, v in rdf.SUPERS.items()}
    cases = {
        "entity": ["Q833", AWKWARD_ID, "a/b", "a%2Fb", "a b", "é", "e\u0301", "x:y-z_~.1"],
        "event": ["ev:0013f69a0e016ca02fda", "ev:a b"],
        "report": ["7fbe3524", "art/ev:1"],
        "article": ["000678f6", "a?b#c"],
        "graph": ["000678f6", "a?b#c"],
        "wikidata": ["Q833"],
        "entity_class": ["Country", "country", EntityType.LAW],
        "event_class": ["BLOCKED_ACCESS", EventType.FINED],
        "event_predicate": ["SUED"],
        "modality": [None, "", "planned", Modality.NEGATED],
        "plain": ["x", 'a "b" \\ c\n\r\t\x00\x7f', "", 5, 0.5, True],
        "date": [
            "2026-01-05",
            "2026-01",
            "2025",
            "2026-02-30",
            "2026-13",
            "0000",
            "2026-01-05/2026-01-11",
            "2026-11-25T13:50:35Z",
            "2026-11-25T13:50:35+00:00",
            "2026-11-25T13:50:35.5+02:00",
            "2026-01-05\n",
            " 2026-01-05",
            "janvier",
            2025,
        ],
        "day": ["2026-01-01", "2026-02-30", "x"],
        "decimal": [0.9, 1, 1.0, 0.55, 1e-05, 0.1 + 0.2, "0.7"],
        "integer": [0, 2276, "12", True],
        "any_uri": ["https://example.org/fr?a=1&b=2", 'a "b"'],
    }
    for name, values in cases.items():
        for value in values:
            assert getattr(nt, name)(value) == export._nt(getattr(rdf, name)(value)), (name, value)
    for value, lang in [("x", None), ("x", "fr"), ('l\'été "x"\n', "en"), ("x", "FR-ca")]:
        assert nt.text(value, lang) == export._nt(rdf.text(value, lang)), (value, lang)
    for bad in ("", None):
        with pytest.raises(SchemaError):
            nt.entity(bad)
    with pytest.raises(SchemaError):
        nt.entity_class("Alien")


@pytest.mark.parametrize("fmt", ["nquads", "ntriples12"])
def test_streamed_formats_validate_what_they_wrote(store, tmp_path, fmt):
    summary = export_rdf(store, tmp_path / f"v.{fmt}", fmt, validate=True)
    assert summary.conforms is True, summary.validation_report


def test_one_named_graph_per_article_and_entities_in_the_default_graph(store, reference):
    graphs = {g.identifier for g in reference.graphs() if len(g)} - {reference.default_graph.identifier}
    assert graphs == {vocab.graph_iri(x.article.id) for x in fixture()}
    my = vocab.entity_iri("Q833")
    assert (my, SDO.name, Literal("Malaysia", lang="en")) in reference.default_graph
    blocked = (my, AIGOV.BLOCKED_ACCESS, vocab.entity_iri("product:grok"))
    # both articles support the (asserted) direct triple: it sits in both graphs, and in the
    # default graph with the event's core
    in_graphs = {g for s, p, o, g in _quads(reference) if (s, p, o) == blocked}
    assert in_graphs == graphs | {None}
    for x in fixture():
        g = vocab.graph_iri(x.article.id)
        assert (g, PROV.wasDerivedFrom, vocab.article_iri(x.article.id)) in reference.default_graph


def _timeless(ds: Dataset) -> set[tuple]:
    """Quads without the write timestamps (ingestedAt, the extraction's end, the dataset's modified, an event's
    firstSeen)."""
    return {
        q
        for q in _quads(ds)
        if q[1] not in (AIGOV.ingestedAt, PROV.endedAtTime, DCTERMS.modified)
        and not (q[1] == AIGOV.firstSeen and q[2].datatype == XSD.dateTime)
    }


def test_both_stores_export_the_same_dataset(any_store, reference):
    any_store.write(fixture(), extractor="test")
    ds = to_dataset(any_store, page_size=2)
    assert _timeless(ds) == _timeless(reference)
    ok, text = validate(ds)
    assert ok, text


# ---------------------------------------------------------------------------------------------
# facts


def test_the_block_of_grok_by_malaysia_is_in_the_graph(reference):
    g = _union(reference)
    rows = list(
        g.query(
            """
        SELECT ?event ?date ?start ?end ?evidence WHERE {
          ?event a aigov:BlockedAccessEvent ; aigov:actor ?my ; aigov:target ?grok ;
                 aigov:modality aigov:Asserted ; aigov:date ?date ; aigov:start ?start ;
                 aigov:end ?end ; prov:value ?evidence .
          ?my owl:sameAs wd:Q833 ; schema:name "Malaysia"@en .
          ?grok a aigov:Product ; schema:name "Grok"@en .
          ?my aigov:BLOCKED_ACCESS ?grok .
        }""",
            initNs={"aigov": vocab.ONT, "prov": PROV, "owl": OWL, "wd": vocab.WD, "schema": SDO},
        )
    )
    assert len(rows) == 1
    event, date, start, end, evidence = rows[0]
    assert date == Literal("2026-01", datatype=XSD.gYearMonth)
    assert (start, end) == (Literal("2026-01-01", datatype=XSD.date), Literal("2026-01-31", datatype=XSD.date))
    assert evidence == Literal("La Malaisie a bloqué l'accès à Grok en janvier 2026.", lang="fr")
    # two reports, each with its own article's date and language
    reports = {
        (str(r["d"]), r["ev"].language)
        for r in g.query(
            "SELECT ?d ?ev WHERE { ?r aigov:reportOf ?e ; aigov:date ?d ; prov:value ?ev }",
            initNs={"aigov": vocab.ONT, "prov": PROV},
            initBindings={"e": event},
        )
    }
    assert reports == {("2026-01", "fr"), ("2026-01-11", "en")}
    # the schema.org / SEM alignment is materialised
    assert (event, SDO.agent, vocab.entity_iri("Q833")) in g
    assert (event, vocab.SEM.hasActor, vocab.entity_iri("Q833")) in g
    assert (event, RDF.type, SDO.Action) in g
    assert (vocab.entity_iri("Q833"), RDF.type, SDO.Country) in g


def test_dates_quotes_and_confidence_keep_their_types(reference):
    g = _union(reference)
    stated = next(g.subjects(RDF.type, AIGOV.StatedEvent))
    assert g.value(stated, AIGOV.quote) == Literal("Nous protégeons nos citoyens", lang="fr")
    assert g.value(stated, AIGOV.date) == Literal("2026-01-14", datatype=XSD.date)
    assert g.value(stated, AIGOV.confidence) == Literal(Decimal("0.8"))
    fined = next(g.subjects(RDF.type, AIGOV.FinedEvent))
    assert g.value(fined, AIGOV.date) == Literal("2026-02-01/2026-02-15")
    assert g.value(fined, AIGOV.start) == Literal("2026-02-01", datatype=XSD.date)
    assert g.value(fined, AIGOV.modality) == AIGOV.Planned
    assert g.value(fined, AIGOV.detail) == Literal("amount not stated")
    regulated = next(g.subjects(RDF.type, AIGOV.RegulatedEvent))
    assert g.value(regulated, AIGOV.date) == Literal("2025", datatype=XSD.gYear)
    assert g.value(regulated, PROV.value).language == "en"


def test_the_export_is_lossless_for_every_stored_property(store, reference):
    g = _union(reference)
    for row in store.read("MATCH (e:Event) RETURN properties(e) AS p"):
        e = vocab.event_iri(row["p"]["id"])
        assert str(g.value(e, AIGOV.id)) == row["p"]["id"]
        for key, term in (
            ("date", AIGOV.date),
            ("start", AIGOV.start),
            ("end", AIGOV.end),
            ("date_text", AIGOV.dateText),
            ("quote", AIGOV.quote),
            ("detail", AIGOV.detail),
            ("evidence", PROV.value),
        ):
            value = row["p"].get(key)
            assert (str(g.value(e, term)) if value is not None else None) == value, key
        assert float(g.value(e, AIGOV.confidence).toPython()) == row["p"]["confidence"]
        assert g.value(e, AIGOV.firstSeen) is not None
    for row in store.read("MATCH (a:Article)-[r:REPORTS]->(e:Event) RETURN properties(r) AS p, e.id AS e"):
        r = vocab.report_iri(row["p"]["mention_id"])
        assert g.value(r, AIGOV.reportOf) == vocab.event_iri(row["e"])
        assert g.value(r, AIGOV.evidenceStart).toPython() == row["p"]["evidence_start"]
        assert str(g.value(r, PROV.value)) == row["p"]["evidence"]
    for row in store.read("MATCH (n:Entity) RETURN properties(n) AS p"):
        n = vocab.entity_iri(row["p"]["id"])
        assert str(g.value(n, AIGOV.id)) == row["p"]["id"]
        assert {str(a) for a in g.objects(n, SDO.alternateName)} == set(row["p"]["aliases"])
        assert {str(k) for k in g.objects(n, AIGOV.searchKey)} == set(row["p"]["keys"])
    for row in store.read("MATCH (a:Article) RETURN properties(a) AS p"):
        a = vocab.article_iri(row["p"]["id"])
        assert str(g.value(a, SDO.url)) == row["p"]["url"]
        assert g.value(a, AIGOV.eventCount).toPython() == row["p"]["events"]
        assert g.value(a, SDO.headline).language == row["p"]["language"]


def test_aligned_false_writes_only_aigov_terms(store):
    g = _union(to_dataset(store, aligned=False))
    assert not list(g.triples((None, SDO.agent, None)))
    assert not list(g.triples((None, RDF.type, SDO.Country)))
    ok, text = validate(g)
    assert ok, text


# ---------------------------------------------------------------------------------------------
# IRIs


_IRI_RE = re.compile(r"^[a-z][a-z0-9+.-]*:[^\s<>\"{}|\\^`]*$")


def test_iris_are_valid_for_awkward_names_and_ids(store, reference, tmp_path):
    g = _union(reference)
    for term in {t for triple in g for t in triple if isinstance(t, URIRef)}:
        assert _IRI_RE.match(term), term
        assert "%" not in term or re.fullmatch(r"([^%]|%[0-9A-F]{2})*", term), term
    ob = vocab.entity_iri(AWKWARD_ID)
    assert str(g.value(ob, AIGOV.id)) == AWKWARD_ID
    assert g.value(ob, SDO.name) == Literal(AWKWARD_NAME)
    assert "/" not in str(ob)[len(str(vocab.ENTITY)) :]
    # the awkward entity survives Turtle and RDF/XML
    for fmt in ("turtle", "xml", "trig"):
        path, _ = _export(store, tmp_path, fmt)
        back = (Dataset() if fmt == "trig" else Graph()).parse(path, format=fmt)
        assert (ob, SDO.name, Literal(AWKWARD_NAME)) in set(_union(back))


def test_ids_encode_injectively():
    ids = ["a/b", "a%2Fb", "a b", "a+b", "A", "a", "é", "e\u0301"]
    assert len({vocab.entity_iri(i) for i in ids}) == len(ids)
    with pytest.raises(SchemaError):
        vocab.entity_iri("")
    with pytest.raises(SchemaError):
        vocab.wikidata_iri("P31")


# ---------------------------------------------------------------------------------------------
# SHACL


def test_shacl_passes_on_the_export(store, tmp_path):
    ok, text = validate(to_dataset(store))
    assert ok, text
    summary = export_rdf(store, tmp_path / "v.nt", "nt", validate=True)
    assert summary.conforms is True


def test_shacl_fails_on_a_broken_graph(reference):
    g = _union(reference)
    blocked = next(g.subjects(RDF.type, AIGOV.BlockedAccessEvent))
    stated = next(g.subjects(RDF.type, AIGOV.StatedEvent))
    fined = next(g.subjects(RDF.type, AIGOV.FinedEvent))
    g.remove((blocked, AIGOV.actor, None))  # no actor
    g.set((stated, AIGOV.confidence, Literal(Decimal("1.5"))))  # out of [0, 1]
    g.add((stated, RDF.type, AIGOV.BannedEvent))  # two event types
    g.set((fined, AIGOV.modality, URIRef(str(vocab.ONT) + "Rumoured")))  # not a modality
    g.set((fined, AIGOV.date, Literal("February", datatype=XSD.string)))  # not a date
    g.remove((vocab.entity_iri("Q833"), SDO.name, None))  # entity without a name
    ok, text = validate(g)
    assert not ok
    data = Graph().parse(data=_report_graph(g), format="turtle")
    focus = {
        (f, p)
        for r in data.subjects(RDF.type, SH.ValidationResult)
        for f in data.objects(r, SH.focusNode)
        for p in data.objects(r, SH.resultPath)
    }
    assert (blocked, AIGOV.actor) in focus
    assert (stated, AIGOV.confidence) in focus
    assert (stated, RDF.type) in focus
    assert (fined, AIGOV.modality) in focus
    assert (fined, AIGOV.date) in focus
    assert (vocab.entity_iri("Q833"), SDO.name) in focus


def _report_graph(g: Graph) -> str:
    from pyshacl import validate as shacl

    _, report, _ = shacl(g, shacl_graph=Graph().parse(vocab.SHAPES_PATH), ont_graph=vocab.ontology())
    return report.serialize(format="turtle")


def test_shapes_lists_mirror_the_enums():
    shapes = Graph().parse(vocab.SHAPES_PATH)
    lists = [set(shapes.items(node)) for node in shapes.objects(None, SH["in"])]
    assert {vocab.entity_class(t) for t in EntityType} in lists
    assert {vocab.event_class(t) for t in EventType} in lists
    assert {vocab.modality_iri(m) for m in Modality} in lists
    direct = set(shapes.objects(None, SH.targetSubjectsOf))
    assert direct == {vocab.event_predicate(t) for t in EventType}


# ---------------------------------------------------------------------------------------------
# vocabulary


def test_the_namespace_is_closed_and_generated_from_the_enums():
    for t in EventType:
        assert vocab.event_predicate(t) == URIRef(str(vocab.ONT) + t.value)
        assert t in vocab.EVENT_LABELS, f"{t} needs en/fr labels in graph/vocab.py"
        assert t in vocab.PLOVER and t in vocab.CAMEO
    for t in EntityType:
        assert t in vocab.ENTITY_LABELS and t in vocab.ENTITY_SCHEMA
    for m in Modality:
        assert m in vocab.MODALITY_LABELS
    with pytest.raises(AttributeError):
        AIGOV.Rumoured  # noqa: B018
    assert AIGOV.BLOCKED_ACCESS in AIGOV


def test_the_ontology_has_labels_in_english_and_french(tmp_path):
    path = tmp_path / "ont.ttl"
    n = vocab.write_ontology(path)
    g = Graph().parse(path)
    assert len(g) == n
    for term in [
        *(vocab.entity_class(t) for t in EntityType),
        *(vocab.event_class(t) for t in EventType),
        *(vocab.event_predicate(t) for t in EventType),
        *(vocab.modality_iri(m) for m in Modality),
    ]:
        assert {lit.language for lit in g.objects(term, RDFS.label)} == {"en", "fr"}, term
    assert (AIGOV.BlockedAccessEvent, AIGOV.cameoCode, Literal("172")) in g
    assert (AIGOV.BlockedAccessEvent, AIGOV.ploverCode, Literal("COERCE")) in g
    assert (AIGOV.Product, RDFS.subClassOf, SDO.SoftwareApplication) in g
    assert (AIGOV.actor, RDFS.subPropertyOf, SDO.agent) in g


# ---------------------------------------------------------------------------------------------
# JSON-LD


def test_the_shipped_context_is_the_generated_one():
    shipped = json.loads(vocab.CONTEXT_PATH.read_text(encoding="utf-8"))
    assert shipped == vocab.jsonld_context()


def test_json_ld_is_compact_and_expands_with_the_shipped_context(store, reference, tmp_path):
    path, _ = _export(store, tmp_path, "json-ld")
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert doc["@context"] == vocab.jsonld_context()["@context"]
    text = path.read_text(encoding="utf-8")
    assert '"entity:Q833"' in text
    assert {"@language": "en", "@value": "Malaysia"} in [n.get("name") for n in doc["@graph"]]
    # a second, independent JSON-LD processor reads the same quads (the default graph included)
    try:
        import pyoxigraph as ox
    except ImportError:
        ox = None
    if ox is not None:
        quads = {
            (
                q.subject.value,
                q.predicate.value,
                _ox_n3(q.object),
                None if isinstance(q.graph_name, ox.DefaultGraph) else q.graph_name.value,
            )
            for q in ox.parse(path=str(path), format=ox.RdfFormat.JSON_LD)
        }
        assert quads == {
            (str(s), str(p), o.n3(), None if g is None else str(g)) for s, p, o, g in _quads(reference)
        }
    # a hand-written compact document expands with the shipped context to the export's terms
    context = json.loads(vocab.CONTEXT_PATH.read_text(encoding="utf-8"))
    mini = {
        **context,
        "@id": "event:ev:x",
        "@type": "aigov:BlockedAccessEvent",
        "actor": "entity:Q833",
        "BLOCKED_ACCESS": "entity:product:grok",
        "evidence": {"@value": "La Malaisie a bloqué l'accès à Grok.", "@language": "fr"},
    }
    g = Graph().parse(data=json.dumps(mini), format="json-ld")
    e = URIRef(str(vocab.EVENT) + "ev:x")
    assert (e, RDF.type, AIGOV.BlockedAccessEvent) in g
    assert (e, AIGOV.actor, vocab.entity_iri("Q833")) in g
    assert (e, AIGOV.BLOCKED_ACCESS, vocab.entity_iri("product:grok")) in g
    assert g.value(e, PROV.value).language == "fr"


# ---------------------------------------------------------------------------------------------
# RDF 1.2 (RDF-star successor)


def test_star_formats_reify_each_direct_triple_with_its_event(store, reference, tmp_path):
    ox = pytest.importorskip("pyoxigraph", minversion="0.5")
    reifies = "http://www.w3.org/1999/02/22-rdf-syntax-ns#reifies"
    plain = {(str(s), str(p), o.n3()) for s, p, o in _union(reference)}
    for fmt, oxfmt in (("turtle12", ox.RdfFormat.TURTLE), ("ntriples12", ox.RdfFormat.N_TRIPLES)):
        path, summary = _export(store, tmp_path, fmt)
        quads = list(ox.parse(path=str(path), format=oxfmt))
        star = [q for q in quads if q.predicate.value == reifies]
        rest = {(q.subject.value, q.predicate.value, _ox_n3(q.object)) for q in quads if q not in star}
        assert rest == plain, fmt
        assert len(star) == summary.reifications == 3  # the planned fine is no direct triple
        for q in star:
            event = URIRef(q.subject.value)
            triple = q.object
            assert (event, RDF.type, AIGOV.Event) in set(_union(reference))
            assert (
                URIRef(triple.subject.value),
                URIRef(triple.predicate.value),
                URIRef(triple.object.value),
            ) in set(_union(reference))


def _ox_n3(term) -> str:
    import pyoxigraph as ox

    if isinstance(term, ox.NamedNode):
        return URIRef(term.value).n3()
    if term.language:
        return Literal(term.value, lang=term.language).n3()
    dt = term.datatype.value
    return Literal(term.value, datatype=None if dt == str(XSD.string) else URIRef(dt)).n3()


# ---------------------------------------------------------------------------------------------
# JSON Lines, CSV, errors


def test_jsonl_and_csv_hold_every_node_and_relationship(store, tmp_path):
    counts = store.counts()
    buf = io.StringIO()
    got = export_jsonl(store, buf)
    rows = [json.loads(line) for line in buf.getvalue().splitlines()]
    assert got == {"entities": 7, "articles": 2, "events": 4}
    assert sum(1 for r in rows if r["kind"] == "event") == counts["labels"]["Event"]
    blocked = next(r for r in rows if r.get("type") == "BLOCKED_ACCESS")
    assert blocked["actors"] == ["Q833"] and len(blocked["reports"]) == 2
    assert blocked["direct"][0]["type"] == "BLOCKED_ACCESS"
    out = export_csv(store, tmp_path / "csv")
    with open(tmp_path / "csv" / "nodes.csv", encoding="utf-8", newline="") as fh:
        nodes = list(csv.DictReader(fh))
    with open(tmp_path / "csv" / "relationships.csv", encoding="utf-8", newline="") as fh:
        rels = list(csv.DictReader(fh))
    assert len(nodes) == out["nodes"] == sum(counts["labels"][k] for k in ("Entity", "Article", "Event"))
    stored = {k: v for k, v in counts["relationships"].items() if k not in DERIVED_RELATIONSHIPS}
    assert counts["relationships"]["ACTS_ON"] > 0  # the writer's tallies are not exported
    assert len(rels) == out["relationships"] == sum(stored.values())
    assert not {r["type"] for r in rels} & set(DERIVED_RELATIONSHIPS)
    assert any(n["name"] == AWKWARD_NAME for n in nodes)
    pd = pytest.importorskip("pandas")
    frame = pd.read_csv(tmp_path / "csv" / "relationships.csv")
    assert set(frame["type"]) >= {"ACTOR", "TARGET", "REPORTS", "BLOCKED_ACCESS"}


def test_unknown_format_is_refused(store, tmp_path):
    with pytest.raises(ExportError, match="unknown RDF format 'owl'"):
        export_rdf(store, tmp_path / "x", "owl")


def test_an_empty_store_exports_an_empty_graph(tmp_path):
    with EmbeddedStore(tmp_path / "empty") as empty:
        for fmt in ("nt", "turtle", "trig"):
            summary = export_rdf(empty, tmp_path / f"e.{fmt}", fmt)
            assert summary.triples == 0


def test_a_failed_export_leaves_no_file(tmp_path):
    with EmbeddedStore(tmp_path / "bad") as bad:
        bad.write(fixture()[:1], extractor="test")
        # a node outside the closed vocabulary, written behind the model's back
        bad._run("CREATE (:Entity {id: 'zz:alien', name: 'Alien', type: 'Alien'})", {}, write=True)
        out = tmp_path / "out"
        out.mkdir()
        with pytest.raises(SchemaError, match="'Alien' is not a EntityType"):
            export_rdf(bad, out / "g.nt", "nt", page_size=2)
        assert list(out.iterdir()) == []


def test_direct_triples_are_the_stored_direct_relationships(any_store):
    # the RDF export derives them from each event's actors and targets instead of reading
    # every edge between two entities: they must be exactly the stored ones of asserted
    # events (a planned or reported act is no fact), in both stores
    from bench import corpus

    any_store.write(corpus.extractions(150, seed=5), extractor="t")
    stored = {
        (r["s"], r["type"], r["t"])
        for r in any_store.read(
            "MATCH (s:Entity)-[r]->(t:Entity) "
            "WHERE r.event_id IS NOT NULL AND coalesce(r.modality, 'asserted') = 'asserted' "
            "RETURN s.id AS s, type(r) AS type, t.id AS t"
        )
    }
    predicates = {vocab.event_predicate(t): t.value for t in EventType}
    got = {(s, predicates[p], o) for s, p, o, _ in to_dataset(any_store, aligned=False).quads() if p in predicates}
    assert len(stored) > 200
    assert got == {(vocab.entity_iri(a), t, vocab.entity_iri(b)) for a, t, b in stored}


def test_read_ahead_raises_a_read_error_in_the_consumer_and_stops_when_closed():
    import threading

    def pages():
        yield 1
        yield 2
        raise ExportError("the store changed during the export")

    got = []
    with pytest.raises(ExportError, match="changed during the export"):
        for page in export._read_ahead(pages()):
            got.append(page)
    assert got == [1, 2]

    reads = []

    def endless():
        n = 0
        while True:
            n += 1
            reads.append(n)
            yield n

    ahead = export._read_ahead(endless())
    assert next(ahead) == 1
    ahead.close()
    assert not any(t.name == "aigov-read-ahead" for t in threading.enumerate())
    assert len(reads) <= 3  # one page in hand, at most one waiting, one being read
