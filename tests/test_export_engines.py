"""The RDF export read by engines other than rdflib and pyshacl (issue 13, Tests and Targets).

* **Apache Jena 5** (``riot --validate``, ``shacl validate``) on every format, resolved from
  Maven Central by ``tests/data/rdftools/jena-pom.xml`` (see :mod:`tests.rdftools`);
* **the OWL API** (the parser Protégé uses) loads the ontology as OWL 2 DL;
* **Oxigraph** answers the README's five researcher questions over (a) the default graph
  alone, (b) each article graph with the default graph and (c) the union, on exports of the
  embedded store and of Neo4j, with the rows the same questions give in Cypher.

The Java tools skip, saying why, only when Java 17 or Maven is missing.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from graph import vocab
from graph.export import export_rdf
from graph.export.formats import WRITERS
from tests import rdftools
from tests.conftest import DEV, ROOT, SEED_FILE

#: articles with the cases the export must carry: the machine-translated seed (French, no
#: URL), an English article whose coder spans include debris (d03, d12), a French one (d23),
#: one where the Philippines *plan* to ban Grok (e09)
ARTICLES = [SEED_FILE, DEV / "d03.txt", DEV / "d12.txt", DEV / "d23.txt", ROOT / "corpus" / "blind3" / "e09.txt"]

#: format -> (file extension Jena reads it by, Jena's syntax name)
JENA = {
    "turtle": ("ttl", "turtle"),
    "nt": ("nt", "ntriples"),
    "json-ld": ("jsonld", "jsonld"),
    "xml": ("rdf", "rdfxml"),
    "trig": ("trig", "trig"),
    "nquads": ("nq", "nquads"),
    "turtle12": ("ttl", "turtle"),
    "ntriples12": ("nt", "ntriples"),
}


def _extractions():
    from loaders import extract_sources

    results = list(extract_sources([str(p) for p in ARTICLES]))
    assert all(not isinstance(r, Exception) for r in results), results
    return results


def _coder_version() -> str:
    from loaders import coder_version

    return coder_version()


@pytest.fixture(scope="module")
def extractions():
    return _extractions()


@pytest.fixture(scope="module")
def store(tmp_path_factory, extractions):
    from graph.embedded import EmbeddedStore

    s = EmbeddedStore(tmp_path_factory.mktemp("engines-home"))
    s.ensure_schema()
    assert s.write(extractions, extractor=_coder_version()).added == len(ARTICLES)
    yield s
    s.close()


@pytest.fixture(scope="module")
def jena():
    return rdftools.jena()


def _quiet(stderr: str) -> list[str]:
    """Jena's warnings and errors (its log lines, through slf4j-simple: "[main] WARN ...")."""
    return [line for line in stderr.splitlines() if re.search(r"\b(WARN|ERROR)\b", line)]


# ---------------------------------------------------------------------------------------------
# Jena


def test_jena_refuses_what_it_should(jena, tmp_path):
    """The check below has teeth: riot --validate fails a file with a bad IRI and a bad tag."""
    bad = tmp_path / "bad.nt"
    bad.write_text(
        "<https://x.org/a> <https://x.org/b> <https://x.org/c d> .\n"
        '<https://x.org/a> <https://x.org/b> "x"@not_a_tag .\n',
        encoding="utf-8",
    )
    proc = jena.run("riotcmd.riot", "--validate", "--syntax=ntriples", str(bad))
    assert proc.returncode != 0 and _quiet(proc.stderr), proc


@pytest.mark.parametrize("fmt", list(WRITERS))
def test_jena_riot_validates_every_format_and_reads_every_statement(store, jena, tmp_path, fmt):
    ext, syntax = JENA[fmt]
    path = tmp_path / f"export.{ext}"
    summary = export_rdf(store, path, fmt)
    proc = jena.run("riotcmd.riot", "--validate", "--count", f"--syntax={syntax}", str(path))
    assert proc.returncode == 0 and not _quiet(proc.stderr), proc.stderr
    found = re.findall(r"(Triples|Quads) = ([\d,]+)", proc.stdout + proc.stderr)
    counts = {k: int(v.replace(",", "")) for k, v in found}
    read = sum(counts.values())
    # what Jena parsed is what the export says it wrote; in RDF 1.2 Turtle each `s p o ~ e`
    # states its triple again as well as the reifier triple
    expected = {
        "ntriples12": summary.triples + summary.reifications,
        "turtle12": summary.triples + 2 * summary.reifications,
    }.get(fmt, summary.triples)
    assert read == expected, (proc.stdout, summary)
    if fmt in ("turtle12", "ntriples12"):
        assert summary.reifications > 0


@pytest.mark.parametrize("fmt", list(WRITERS))
def test_jena_shacl_finds_every_format_conforms(store, jena, tmp_path, fmt):
    """With the ontology included (Jena's SHACL reads sub-classes from the data graph). Jena's
    ``shacl validate`` reads the default graph of a quad format and ignores named graphs: that
    the default graph alone conforms is what it shows there."""
    ext, _ = JENA[fmt]
    path = tmp_path / f"export.{ext}"
    export_rdf(store, path, fmt, include_ontology=True)
    proc = jena.run("shacl.shacl", "validate", "--shapes", str(vocab.SHAPES_PATH), "--data", str(path))
    assert proc.returncode == 0, proc.stderr
    assert re.search(r"sh:conforms\s+true", proc.stdout), proc.stdout[:3000]
    ignored = "named graph data ignored" in proc.stderr
    assert ignored == (fmt in ("trig", "nquads", "json-ld")), proc.stderr


def test_jena_shacl_catches_a_planned_act_written_as_a_fact(jena, tmp_path):
    """The SHACL-SPARQL rule runs in Jena too: a direct triple for a planned ban fails."""
    from graph.embedded import EmbeddedStore
    from tests.test_export_trust import GROK, IT, extractions

    with EmbeddedStore(tmp_path / "home") as s:
        s.ensure_schema()
        s.write(extractions(), extractor="test")
        path = tmp_path / "g.ttl"
        export_rdf(s, path, "turtle", include_ontology=True)
    proc = jena.run("shacl.shacl", "validate", "--shapes", str(vocab.SHAPES_PATH), "--data", str(path))
    assert re.search(r"sh:conforms\s+true", proc.stdout), proc.stdout[:2000]
    with path.open("a", encoding="utf-8") as fh:
        fh.write(f"\n<{IT}> <{vocab.ONT}BANNED> <{GROK}> .\n")
    proc = jena.run("shacl.shacl", "validate", "--shapes", str(vocab.SHAPES_PATH), "--data", str(path))
    assert re.search(r"sh:conforms\s+false", proc.stdout), proc.stdout[:2000]
    assert "no supporting asserted event" in proc.stdout


# ---------------------------------------------------------------------------------------------
# the ontology as OWL


def test_the_ontology_loads_in_the_owl_api_as_owl_2_dl(tmp_path):
    owl = rdftools.owlapi()
    path = tmp_path / "aigov.ttl"
    n = vocab.write_ontology(path)
    proc = owl.run(str(rdftools.DATA / "OwlCheck.java"), str(path))
    assert proc.returncode == 0, proc.stderr[-3000:]
    lines = [line.split("\t", 1) for line in proc.stdout.splitlines() if "\t" in line]
    facts = {k: v for k, v in lines if k not in ("unparsed", "violation")}
    assert facts["iri"] == vocab.BASE + "ont"
    assert facts["version"] == f"{vocab.ONT}{vocab.VERSION}"
    # every triple became OWL, and the ontology is in OWL 2 DL (what Protégé and DL reasoners take)
    assert [v for k, v in lines if k == "unparsed"] == []
    assert [v for k, v in lines if k == "violation"] == []
    assert facts["dl"] == "true"
    from graph.model import EntityType, EventType

    assert int(facts["classes"]) >= len(EntityType) + len(EventType)
    assert int(facts["objectProperties"]) >= len(EventType)
    assert int(facts["axioms"]) > n // 2


def test_the_owl_api_finds_an_undeclared_term(tmp_path):
    """The check has teeth: an ontology that uses a class it does not declare is not OWL 2 DL."""
    owl = rdftools.owlapi()
    path = tmp_path / "bad.ttl"
    path.write_text(
        """
        @prefix owl: <http://www.w3.org/2002/07/owl#> .
        @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
        <https://x.org/o> a owl:Ontology .
        <https://x.org/A> a owl:Class ; rdfs:subClassOf <https://x.org/Undeclared> .
    """,
        encoding="utf-8",
    )
    proc = owl.run(str(rdftools.DATA / "OwlCheck.java"), str(path))
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "dl\tfalse" in proc.stdout and "violation\tUse of undeclared class" in proc.stdout


# ---------------------------------------------------------------------------------------------
# Oxigraph: five researcher questions, three ways, both stores


def readme_questions() -> dict[str, str]:
    """The README's five SPARQL questions, by number ("Q1"...)."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    out = {}
    for block in re.findall(r"```sparql\n(.*?)```", text, re.S):
        m = re.match(r"# (Q\d): ", block)
        if m:
            out[m.group(1)] = block
    assert sorted(out) == ["Q1", "Q2", "Q3", "Q4", "Q5"], sorted(out)
    return out


def _local(iri: str) -> str:
    return iri.rsplit("/", 1)[-1]


def cypher_answers(store) -> dict[str, set[tuple]]:
    """The five questions asked of the store in Cypher, as the rows SPARQL should give."""
    from graph.model import Modality

    def events(asserted: bool) -> set[tuple]:
        rows = store.read(
            "MATCH (x:Entity)-[:ACTOR]->(e:Event)-[:TARGET]->(y:Entity) "
            "RETURN DISTINCT e.type AS type, x.name AS a, y.name AS t, e.modality AS m"
        )
        return {
            (_local(vocab.event_class(r["type"])), r["a"], r["t"])
            + (() if asserted else (_local(vocab.modality_iri(r["m"])),))
            for r in rows
            if (Modality.parse(r["m"]) is Modality.ASSERTED) == asserted
        }

    q3 = {
        (r["id"], r["s"], r["e"], _local(vocab.date_precision(r["s"], r["e"])))
        for r in store.read(
            "MATCH (e:Event) WHERE e.start >= '2026-01-01' RETURN e.id AS id, e.start AS s, e.end AS e"
        )
    }
    q4 = {
        (r["t"], str(r["n"]))
        for r in store.read("MATCH (e:Event)-[:TARGET]->(y:Entity) RETURN y.id AS t, count(DISTINCT e) AS n")
    }
    q5 = {
        (r["a"], r["e"], r["ev"], str(r["s"]), str(r["s"] + len(r["ev"])))
        for r in store.read(
            "MATCH (a:Article)-[r:REPORTS]->(e:Event) RETURN a.id AS a, e.id AS e, "
            "r.evidence AS ev, r.evidence_start AS s"
        )
    }
    return {"Q1": events(True), "Q2": events(False), "Q3": q3, "Q4": q4, "Q5": q5}


def _rows(results) -> set[tuple]:
    """Oxigraph rows as tuples of plain strings (an IRI by its last segment)."""
    out = set()
    for solution in results:
        row = []
        for term in solution:
            value = getattr(term, "value", None)
            row.append(_local(value) if type(term).__name__ == "NamedNode" else value)
        out.add(tuple(row))
    return out


def _store_for(kind: str, request, tmp_path: Path, extractions):
    if kind == "embedded":
        from graph.embedded import EmbeddedStore

        s = EmbeddedStore(tmp_path / "home")
        s.ensure_schema()
        request.addfinalizer(s.close)
    else:
        s = request.getfixturevalue("neo4j_store")
    assert s.write(extractions, extractor=_coder_version()).added == len(ARTICLES)
    return s


@pytest.mark.parametrize("kind", ["embedded", pytest.param("neo4j", marks=pytest.mark.neo4j)])
def test_oxigraph_answers_the_five_questions_three_ways_on_both_stores(kind, request, tmp_path, extractions):
    ox = pytest.importorskip("pyoxigraph", minversion="0.5")
    s = _store_for(kind, request, tmp_path, extractions)
    path = tmp_path / "g.trig"
    export_rdf(s, path, "trig")
    st = ox.Store()
    st.load(path=str(path), format=ox.RdfFormat.TRIG)
    graphs = list(st.named_graphs())
    assert len(graphs) == len(ARTICLES)
    expected = cypher_answers(s)
    assert all(expected[q] for q in expected), {q: len(v) for q, v in expected.items()}
    for q, sparql in readme_questions().items():
        alone = _rows(st.query(sparql))
        union = _rows(st.query(sparql, use_default_graph_as_union=True))
        if q != "Q5":  # about events: the default graph alone answers, as does the union
            assert alone == union == expected[q], (q, alone ^ expected[q])
        else:  # about what articles say: nothing in the default graph, everything in the union
            assert alone == set() and union == expected[q], q
        for g in graphs:
            article = g.value.rsplit("/", 1)[-1]
            rows = _rows(st.query(sparql, default_graph=[ox.DefaultGraph(), g]))
            if q != "Q5":
                assert rows == expected[q], (q, article)
            else:
                assert rows == {r for r in expected[q] if r[0] == article}, (q, article)
                assert rows  # every article reported something
