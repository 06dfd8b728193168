"""The write path on both real stores: shape, idempotence, atomicity, multi-source events, copy."""

from __future__ import annotations

import dataclasses

import pytest

from graph.model import Article, Extraction
from tests import graphdata


def _counts(store):
    return store.counts()


def test_seed_like_graph_has_the_documented_shape(any_store):
    any_store.write(graphdata.both(), extractor="t1")
    c = _counts(any_store)
    assert c["labels"]["Article"] == 2
    # the block reported by both articles is one Event with two REPORTS
    assert c["labels"]["BLOCKED_ACCESS"] == 1
    assert c["labels"]["Event"] == 7
    assert c["relationships"]["REPORTS"] == 8
    # direct typed relationships, one per actor/target pair
    assert c["relationships"]["BLOCKED_ACCESS"] == 2
    assert c["relationships"]["SUED"] == 4
    rows = any_store.read(
        "MATCH (c:Country)-[r:BLOCKED_ACCESS]->(p:Product) RETURN c.name AS c, p.name AS p, r.event_id AS e "
        "ORDER BY c"
    )
    assert [(r["c"], r["p"]) for r in rows] == [("Indonesia", "Grok"), ("Malaysia", "Grok")]
    assert rows[0]["e"] == rows[1]["e"]
    reports = any_store.read(
        "MATCH (a:Article)-[r:REPORTS]->(e:BLOCKED_ACCESS) RETURN a.source AS s, r.date AS d, r.evidence AS ev "
        "ORDER BY s"
    )
    assert [(r["s"], r["d"]) for r in reports] == [("en.txt", "2026-01-11"), ("fr.txt", "2026-01")]
    event = any_store.read("MATCH (e:BLOCKED_ACCESS) RETURN e.start AS s, e.end AS e")[0]
    # the event spans what its reports say: January 2026 contains the 11th
    assert (event["s"], event["e"]) == ("2026-01-01", "2026-01-31")


def test_direct_relationships_carry_their_events_date_and_modality(any_store):
    # written once, with the event (a later report of the same fact adds none)
    any_store.write(graphdata.both(), extractor="t1")
    rows = any_store.read(
        "MATCH (:Entity)-[r]->(:Entity) WHERE r.event_id IS NOT NULL "
        "MATCH (e:Event {id: r.event_id}) "
        "RETURN r.date AS rd, e.date AS ed, r.modality AS rm, e.modality AS em"
    )
    assert len(rows) >= 6
    assert all((r["rd"], r["rm"]) == (r["ed"], r["em"]) for r in rows)


@pytest.mark.neo4j
def test_clear_empties_the_neo4j_database(neo4j_store):
    neo4j_store.write(graphdata.both(), extractor="t1")
    assert neo4j_store.counts()["labels"]["Event"] == 7
    neo4j_store.clear()
    assert neo4j_store.counts() == {"labels": {}, "relationships": {}}


def test_reingest_changes_no_counts(any_store):
    first = any_store.write(graphdata.both(), extractor="t1")
    before = _counts(any_store)
    second = any_store.write(graphdata.both(), extractor="t1")
    assert (first.added, second.added, second.unchanged) == (2, 0, 2)
    assert _counts(any_store) == before


def test_same_article_twice_in_one_batch_is_written_once(any_store):
    fr = graphdata.french()
    summary = any_store.write([fr, fr], extractor="t1")
    assert (summary.added, summary.unchanged) == (1, 1)
    assert _counts(any_store)["labels"]["Article"] == 1


def test_changed_page_replaces_its_old_version(any_store):
    any_store.write(graphdata.both(), extractor="t1")
    old = graphdata.english()
    body = old.article.body.replace("Sunday", "Saturday")
    art = Article.from_text(
        body,
        title=old.article.title,
        published=old.article.published,
        language="en",
        source="en.txt",
        url=old.article.url,
    )
    ev = []
    for e in old.events:
        text = e.evidence.replace("Sunday", "Saturday")
        ev.append(dataclasses.replace(e, evidence=text, evidence_start=body.index(text), id=e.id + "x"))
    summary = any_store.write([Extraction(art, old.entities, ev)], extractor="t1")
    assert summary.replaced == 1
    arts = any_store.read("MATCH (a:Article) RETURN a.id AS id ORDER BY id")
    assert sorted(r["id"] for r in arts) == sorted([graphdata.french().article.id, art.id])
    texts = [
        r["ev"] for r in any_store.read("MATCH (:Article)-[r:REPORTS]->(:BLOCKED_ACCESS) RETURN r.evidence AS ev")
    ]
    assert not any("Sunday" in t for t in texts) and any("Saturday" in t for t in texts)
    # the fine only the old version reported is gone with it, then back from the new version
    assert _counts(any_store)["labels"]["FINED"] == 1


def _sources(store):
    return {r["t"]: r["n"] for r in store.read("MATCH (e:Event) RETURN e.type AS t, e.sources AS n")}


def test_sources_counts_distinct_articles_and_follows_the_graph(any_store):
    any_store.write(graphdata.both(), extractor="t1")
    assert _sources(any_store) == {
        "BLOCKED_ACCESS": 2,
        "SUED": 1,
        "DEMANDED": 1,
        "STATED": 1,
        "CRIMINALISED": 1,
        "RESTRICTED": 1,
        "FINED": 1,
    }
    # a new version of the English page that says the block twice and drops the fine: two
    # reports from one article are one source; the fine goes; the block keeps both pages
    old = graphdata.english()
    block, fine = old.events
    body = f"{block.evidence} Again: {block.evidence}"
    art = Article.from_text(
        body,
        title=old.article.title,
        published=old.article.published,
        language="en",
        source="en.txt",
        url=old.article.url,
    )
    twice = [
        dataclasses.replace(block, evidence_start=0, id=block.id + "a"),
        dataclasses.replace(block, evidence_start=body.rindex(block.evidence), id=block.id + "b"),
    ]
    used = [e for e in old.entities if e.id in set(block.actors + block.targets)]
    assert any_store.write([Extraction(art, used, twice)], extractor="t1").replaced == 1
    after = _sources(any_store)
    assert after["BLOCKED_ACCESS"] == 2 and "FINED" not in after
    # the French page goes the same way: the block is left with one source
    fr = graphdata.french()
    only = Article.from_text(
        fr.article.body + " Fin.",
        title="Grok",
        published="2026-01-14",
        language="fr",
        source="fr.txt",
        url=fr.article.url,
    )
    assert any_store.write([Extraction(only)], extractor="t1").replaced == 1
    assert _sources(any_store) == {"BLOCKED_ACCESS": 1}
    # a graph written before `sources` existed (nor the tallies, which came later) gets it
    # from ensure_schema
    any_store._run("MATCH (e:Event) REMOVE e.sources", write=True)
    any_store._run("MATCH ()-[s:ACTS_ON]->() DELETE s", write=True)
    assert _sources(any_store) == {"BLOCKED_ACCESS": None}
    any_store.ensure_schema()
    assert _sources(any_store) == {"BLOCKED_ACCESS": 1}


def test_plan_says_what_each_article_would_do_and_writes_nothing(any_store):
    fr, en = graphdata.both()
    any_store.write([fr], extractor="v1")
    moved = Article.from_text(en.article.body + " More.", source="en2.txt", url=fr.article.url, language="en")
    plan = any_store.plan([fr, en, en], extractor="v2", recode=True)
    assert [(p.action, p.replaces) for p in plan] == [("recode", ()), ("add", ()), ("unchanged", ())]
    # a new text of a stored page (same url) replaces it -- also when the old text is in the
    # input before it: the input is written as if each article came in its own run (issue 17)
    assert [(p.action, p.replaces) for p in any_store.plan([Extraction(moved)], extractor="v1")] == [
        ("replace", (fr.article.id,))
    ]
    assert [(p.action, p.replaces) for p in any_store.plan([fr, Extraction(moved)], extractor="v1")] == [
        ("unchanged", ()),
        ("replace", (fr.article.id,)),
    ]
    assert [p.action for p in any_store.plan([fr], extractor="v2")] == ["unchanged"]
    assert _counts(any_store)["labels"]["Article"] == 1


def test_recode_rewrites_articles_of_an_older_extractor(any_store):
    any_store.write(graphdata.both(), extractor="v1")
    before = _counts(any_store)
    summary = any_store.write(graphdata.both(), extractor="v2", recode=True)
    assert (summary.recoded, summary.added) == (2, 0)
    assert _counts(any_store) == before
    versions = {r["v"] for r in any_store.read("MATCH (a:Article) RETURN a.extractor AS v")}
    assert versions == {"v2"}


def test_a_failing_batch_writes_nothing_and_reports_the_article(any_store, monkeypatch):
    from graph import store as store_mod

    good, bad = graphdata.both()
    real = store_mod.write_params

    def poisoned(extractions, extractor, now=None):
        params = real(extractions, extractor, now)
        if any(ex.article.id == bad.article.id for ex in extractions):
            # an event row whose MERGE key is null: the store must refuse the whole statement
            params["events"].append({"id": None})
        return params

    monkeypatch.setattr(store_mod, "write_params", poisoned)
    summary = any_store.write([good, bad], extractor="t1")
    assert summary.added == 1
    assert len(summary.errors) == 1 and summary.errors[0].startswith("en.txt: not stored:")
    sources = [r["s"] for r in any_store.read("MATCH (a:Article) RETURN a.source AS s")]
    assert sources == ["fr.txt"]
    # nothing of the bad article leaked: no FINED event, no CNIL entity
    assert "FINED" not in _counts(any_store)["labels"]
    assert any_store.read("MATCH (n:Entity {id: 'Q1144685'}) RETURN n.id AS id") == []


def test_names_with_quotes_and_braces_are_stored_verbatim(any_store):
    any_store.write(graphdata.both(), extractor="t1")
    rows = any_store.read(
        "MATCH (n:Entity) WHERE n.id = $id RETURN n.name AS name", {"id": graphdata.E["obrien"].id}
    )
    assert rows == [{"name": 'O\'Brien "Tech" / Ünïcode{x}'}]


def test_read_refuses_writes(any_store):
    from graph.errors import QueryError

    with pytest.raises(QueryError, match="only read-only queries"):
        any_store.read("CREATE (n:Entity {id: 'sneaky'})")
    assert any_store.read("MATCH (n:Entity {id: 'sneaky'}) RETURN n.id AS id") == []


def test_copy_between_stores_reproduces_the_graph(embedded, neo4j_store):
    from graph.factory import copy_store

    embedded.write(graphdata.both(), extractor="t1")
    summary = copy_store(embedded, neo4j_store)
    assert summary.added == 2
    assert _counts(neo4j_store) == _counts(embedded)
    again = copy_store(embedded, neo4j_store)
    assert (again.added, again.unchanged) == (0, 2)
    assert _counts(neo4j_store) == _counts(embedded)


def test_copy_counts_each_event_once(embedded, neo4j_store):
    """Issue 15: `store copy` said 2146 events for a graph of 1309: an event reported by
    articles of several batches was counted with each batch."""
    from graph.factory import copy_store

    embedded.write(graphdata.both(), extractor="t1")  # the block of Grok is in both articles
    summary = copy_store(embedded, neo4j_store, batch_size=1)
    assert summary.events == neo4j_store.counts()["labels"]["Event"] == 7


def test_a_slow_embedded_answer_is_a_clear_error_naming_the_setting(home, monkeypatch):
    # redis-py's default socket timeout (5 s) made long queries look like a lost store; the
    # limit is now AIGOV_TIMEOUT / --timeout (600 s by default, AIGOV_EMBEDDED_TIMEOUT its old
    # name), the server stops the query there, and the error says so
    from graph.embedded import EmbeddedStore
    from graph.errors import QueryError

    monkeypatch.setenv("AIGOV_EMBEDDED_TIMEOUT", "0.2")
    store = EmbeddedStore(home)
    try:
        # (stopped by the server, or, past it by more than CLIENT_GRACE, by the client)
        with pytest.raises(
            QueryError, match=r"did not finish within 0.2 s.* (was stopped|stopped waiting) .*AIGOV_TIMEOUT"
        ):
            store.read("UNWIND range(1, 30000000) AS x RETURN count(x) AS n")
    finally:
        store.close()


# ----------------------------------------------------------------------------------------------
# batch independence (issue 17 item 3): the stored graph is the same for every batching of an
# input, and for one run versus several

_SNAPSHOT_NODES = "MATCH (n) RETURN labels(n) AS labels, properties(n) AS props"
_SNAPSHOT_RELS = (
    "MATCH (a)-[r]->(b) RETURN type(r) AS type, properties(r) AS props, "
    "coalesce(a.id, a.name) AS src, coalesce(b.id, b.name) AS dst"
)
_VOLATILE = {"ingested_at", "first_seen"}  # wall-clock times of the run that wrote them


def _snapshot(store) -> list:
    def clean(props):
        return sorted(
            (k, repr(v))
            for k, v in props.items()
            if k not in _VOLATILE or (k == "first_seen" and str(v)[:2] in ("19", "20") and "T" not in str(v))
        )

    nodes = sorted((sorted(r["labels"]), clean(r["props"])) for r in store.read(_SNAPSHOT_NODES))
    rels = sorted((r["type"], r["src"], r["dst"], clean(r["props"])) for r in store.read(_SNAPSHOT_RELS))
    return [nodes, rels]


def _batching_corpus():
    """Real coded articles, plus two texts of one page and one fact told by several articles
    with different dates (the cases whose result used to depend on the batching)."""
    from loaders.coder import code
    from tests.corpus_paths import corpus_dir
    from loaders.read import read_file

    root = corpus_dir()
    files = sorted((root / "dev").glob("*.txt"))[:8] if root else []
    exs = [code(next(read_file(f))) for f in files]
    fr, en = graphdata.both()
    page = "https://example.org/grok"
    v1 = Article.from_text(
        "Malaysia blocked access to Grok on Sunday, the regulator said.",
        language="en",
        source="v1.txt",
        url=page,
        published="2026-01-12",
    )
    v2 = Article.from_text(
        "Malaysia blocked access to Grok on Saturday, the regulator said.",
        language="en",
        source="v2.txt",
        url=page,
        published="2026-01-13",
    )
    later = Article.from_text(
        "Malaysia blocked access to Grok in January, the regulator said.",
        language="en",
        source="later.txt",
        published="2026-02-02",
    )
    return exs + [fr, code(v1), en, code(v2), code(later)]


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_the_graph_does_not_depend_on_the_batching(home, tmp_path, seed):
    import random

    from graph.embedded import EmbeddedStore

    exs = _batching_corpus()
    one = EmbeddedStore(tmp_path / f"one-{seed}")
    one.ensure_schema()
    one.write(exs, extractor="v1")  # one run, one batch
    reference = _snapshot(one)
    assert reference[0], "the corpus wrote nothing"
    rnd = random.Random(seed)
    other = EmbeddedStore(tmp_path / f"other-{seed}")
    other.ensure_schema()
    pos = 0
    while pos < len(exs):  # several runs, random batch sizes
        step = rnd.randint(1, 5)
        other.write(exs[pos : pos + step], extractor="v1", batch_size=rnd.randint(1, 3))
        pos += step
    assert _snapshot(other) == reference
    # and one page told twice keeps its last text only
    urls = [r["id"] for r in other.read("MATCH (a:Article {url: 'https://example.org/grok'}) RETURN a.id AS id")]
    assert len(urls) == 1
