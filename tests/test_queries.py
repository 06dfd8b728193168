"""Every canned query, on both stores, against a small graph with known answers; and the
same rows from both stores on the real corpus."""

from __future__ import annotations

import pytest

import queries
from graph.errors import QueryError
from tests import graphdata


@pytest.fixture
def small(any_store):
    any_store.write(graphdata.both(), extractor="t1")
    return any_store


def rows(store, name, **params):
    return queries.run(store, name, params).to_dict("records")


def test_every_query_has_a_header_and_runs(small):
    assert len(queries.names()) >= 15
    for q in queries.all_queries():
        assert q.description and q.text.strip()
        frame = queries.run(small, q.name)
        assert list(frame.columns), q.name


def test_bans(small):
    got = [(r["actor"], r["target"], r["date"], r["sources"]) for r in rows(small, "bans")]
    assert got == [("Indonesia", "Grok", "2026-01", 2), ("Malaysia", "Grok", "2026-01", 2)]
    assert rows(small, "bans", entity="xai") == []
    assert len(rows(small, "bans", entity="MALAISIE")) == 1  # alias, any case
    assert rows(small, "bans", since="2026-02-01") == []


def test_demands_and_lawsuits(small):
    assert [(r["actor"], r["target"], r["detail"]) for r in rows(small, "demands")] == [
        ("Three US Democratic senators", "Apple", "remove X"),
        ("Three US Democratic senators", "Google", "remove X"),
    ]
    suits = {(r["plaintiff"], r["defendant"]) for r in rows(small, "lawsuits")}
    assert suits == {("Malaysia", "X"), ("Malaysia", "xAI"), ("Indonesia", "X"), ("Indonesia", "xAI")}
    assert {r["defendant"] for r in rows(small, "lawsuits", entity="xai")} == {"xAI"}


def test_statements_keep_quote_and_source(small):
    got = rows(small, "statements", speaker="musk")
    assert [(r["speaker"], r["quote"], r["source"]) for r in got] == [
        ("Elon Musk", "Littéralement zéro", "fr.txt")
    ]


def test_fines_laws_investigations(small):
    assert [(r["authority"], r["fined"], r["amount"]) for r in rows(small, "fines")] == [
        ("CNIL", 'O\'Brien "Tech" / Ünïcode{x}', "5 million euros")
    ]
    laws = rows(small, "laws")
    assert [(r["actor"], r["type"], r["modality"]) for r in laws] == [
        ("United Kingdom", "CRIMINALISED", "planned")
    ]
    assert rows(small, "laws", modality="asserted") == []
    assert rows(small, "investigations") == []


def test_timeline_is_ordered_and_bounded(small):
    got = rows(small, "timeline", entity="grok")
    assert [r["type"] for r in got] == ["BLOCKED_ACCESS", "RESTRICTED"]
    assert rows(small, "timeline", entity="grok", **{"from": "2026-01-06", "to": "2026-01-06"})[0]["type"] in (
        "BLOCKED_ACCESS",
        "RESTRICTED",
    )
    assert rows(small, "timeline", entity="grok", **{"from": "2026-02-01"}) == []


def test_actor_profile(small):
    got = {(r["role"], r["event_type"]): r["events"] for r in rows(small, "actor-profile", entity="malaysia")}
    assert got == {("ACTOR", "BLOCKED_ACCESS"): 1, ("ACTOR", "SUED"): 1}


def test_most_targeted_and_jurisdictions(small):
    top = rows(small, "most-targeted", limit=1)
    assert [(r["target"], r["events"], r["actors"]) for r in top] == [("Grok", 2, 3)]
    j = {(r["jurisdiction"], r["target"]) for r in rows(small, "jurisdictions", entity="x")}
    assert j == {("Malaysia", "X"), ("Indonesia", "X")}


def test_response_chain_orders_block_before_restriction(small):
    chain = rows(small, "response-chains", entity="grok")
    assert [(r["type"], r["role"]) for r in chain] == [("BLOCKED_ACCESS", "TARGET"), ("RESTRICTED", "TARGET")]


def test_co_actors(small):
    got = rows(small, "co-actors", min_shared=2)
    assert [(r["actor"], r["co_actor"], r["shared"], sorted(r["targets"])) for r in got] == [
        ("Indonesia", "Malaysia", 3, ["Grok", "X", "xAI"])
    ]


def test_multi_source_and_evidence(small):
    ms = rows(small, "multi-source")
    assert {r["source"] for r in ms} == {"fr.txt", "en.txt"}
    assert {r["reported_date"] for r in ms} == {"2026-01", "2026-01-11"}
    ev = rows(small, "evidence", actor="malaysia", target="grok", type="BLOCKED_ACCESS")
    assert [(r["source"], r["date"]) for r in ev] == [("en.txt", "2026-01-11"), ("fr.txt", "2026-01")]


def test_search_is_case_and_accent_insensitive(small):
    assert [r["name"] for r in rows(small, "search", text="INDONÉS")] == ["Indonesia"]
    assert [r["name"] for r in rows(small, "search", text="unicode{")] == ['O\'Brien "Tech" / Ünïcode{x}']


# What a Neo4j Browser user types, unfolded (issue 15: `entity => "Grok"` found nothing there,
# because only the CLI folded the name): each query must fold it itself.
TYPED = [
    ("bans", {"entity": "GROK"}, {"entity": "grok"}),
    ("bans", {"entity": " Malaisie "}, {"entity": "malaisie"}),
    ("lawsuits", {"entity": "INDONÉSIE"}, {"entity": "indonesie"}),
    ("demands", {"entity": "Trois Sénateurs Démocrates"}, {"entity": "trois senateurs democrates"}),
    ("statements", {"speaker": "MUSK"}, {"speaker": "musk"}),
    ("fines", {"entity": 'O\'Brien "Tech" / ÜNÏCODE{x}'}, {"entity": 'o\'brien "tech" / unicode{x}'}),
    ("laws", {"country": "Royaume-Uni"}, {"country": "royaume-uni"}),
    ("company-responses", {"entity": "x"}, {"entity": "x"}),
    ("timeline", {"entity": "Grok"}, {"entity": "grok"}),
    ("actor-profile", {"entity": "Malaysia"}, {"entity": "malaysia"}),
    ("jurisdictions", {"entity": "GROK"}, {"entity": "grok"}),
    ("response-chains", {"entity": "Grok"}, {"entity": "grok"}),
    ("evidence", {"actor": "Malaisie", "target": "GROK"}, {"actor": "malaisie", "target": "grok"}),
    ("search", {"text": "INDONÉS"}, {"text": "indones"}),
]


@pytest.mark.parametrize("name,typed,folded", TYPED, ids=[f"{t[0]}-{i}" for i, t in enumerate(TYPED)])
def test_queries_fold_names_as_typed_in_browser(small, name, typed, folded):
    """The query text itself folds case and accents: sent as typed (no folding by aigov, as
    Browser sends it), a name finds the rows the folded name finds."""
    query = queries.get(name)
    as_typed = small.read(query.text, {**query.bind({}), **typed})
    assert as_typed, (name, typed)
    assert as_typed == small.read(query.text, query.bind(folded))


def test_cypher_fold_is_python_fold_on_every_latin_letter(any_store):
    """The Cypher expression a query folds with gives what graph.model.fold gives, on each
    letter it claims (upper and lower case) and on mixed text; null stays null."""
    from graph.model import fold

    letters = [chr(c) for block in queries.FOLDED_RANGES for c in block]
    texts = letters + ["Élysée", "  Royaume-Uni ", "STRASSE Straße", "Łódź", "Ærø", "Ğİ", "x"]
    expression = queries.fold_cypher("text").replace("$text", "text")
    got = any_store.read(f"UNWIND $texts AS text RETURN text, {expression} AS folded", {"texts": texts})
    assert [(r["text"], r["folded"]) for r in got] == [(t, fold(t).strip()) for t in texts]
    assert any_store.read(f"RETURN {queries.fold_cypher('x')} AS folded", {"x": None}) == [{"folded": None}]


def _as_browser_runs(store, script: str) -> tuple[dict, list[dict]]:
    """Run `aigov query show` output the way Neo4j Browser 5 does: the first frame (the
    `:param` lines) through its multi-statement editor, which splits it at ';', drops '//'
    lines and runs each `:param name => expr` as `RETURN expr as name` on the server, keeping
    the value it gets back; then the second frame, the query, with those parameters
    (neo4j-browser src/shared/services/commandUtils.ts, commands/helpers/params.ts)."""
    params_frame, query_frame = script.split("\n\n")
    params = {}
    for statement in params_frame.split(";"):
        statement = "\n".join(line for line in statement.splitlines() if not line.startswith("//")).strip()
        if statement:
            name, expr = statement.removeprefix(":param ").split(" => ", 1)
            alias = f"`{name}`" if store.name == "embedded" else name  # Browser writes it bare
            params[name] = store.read(f"RETURN {expr} as {alias}")[0][name]
    return params, store.read(query_frame, params)


@pytest.mark.parametrize("name,typed,folded", TYPED[:6], ids=[t[0] for t in TYPED[:6]])
def test_query_show_output_runs_as_pasted_into_browser(small, name, typed, folded):
    """Issue 15: Browser stored `:params {"limit": 200}` as 200.0, which LIMIT refuses, and the
    `:params` line could not run with the query. Now every parameter is a `:param` line whose
    value keeps its type, in a frame of its own before the query's, and the rows are the
    CLI's, for names as typed."""
    query = queries.get(name)
    script = query.browser_script({**typed, "limit": "50"})
    params, got = _as_browser_runs(small, script)
    assert set(params) == set(query.params)
    assert type(params["limit"]) is int and params["limit"] == 50
    assert got == small.read(query.text, query.bind({**folded, "limit": 50}))
    assert got


def test_changes_since(small):
    assert len(rows(small, "changes-since", since="2000-01-01")) >= 7
    assert rows(small, "changes-since", since="2999-01-01") == []


def test_company_responses(small):
    assert [(r["company"], r["type"], r["target"]) for r in rows(small, "company-responses")] == [
        ("X", "RESTRICTED", "Grok")
    ]


def test_every_list_query_is_bounded_by_limit(small):
    assert len(rows(small, "lawsuits")) == 4
    assert [r["defendant"] for r in rows(small, "lawsuits", limit=1)] == [rows(small, "lawsuits")[0]["defendant"]]
    for q in queries.all_queries():
        assert "limit" in q.params, q.name
        assert len(queries.run(small, q.name, {"limit": 1})) <= 1, q.name


def test_param_types_are_checked():
    with pytest.raises(QueryError, match="must be int"):
        queries.get("most-targeted").bind({"limit": "ten"})
    with pytest.raises(QueryError, match="must be a date"):
        queries.get("bans").bind({"since": "last week"})


def test_out_of_range_integers_are_refused_not_sent(small):
    """Issue 17: ``-p limit=9223372036854775807`` returned no rows with exit 0 (FalkorDB reads
    a LIMIT as 32 bits), and a larger integer was clamped without a word."""
    for value in ("9223372036854775807", "4294967296", "-1", "1" + "0" * 30):
        with pytest.raises(
            QueryError,
            match=f"parameter 'limit' is a number of rows: it must be from 0 to 2147483647, not {int(value)}$",
        ):
            rows(small, "bans", limit=value)
    with pytest.raises(
        QueryError,
        match="parameter 'min_sources' must be an integer from -9223372036854775808 to 9223372036854775807",
    ):
        rows(small, "multi-source", min_sources=str(2**63))
    assert len(rows(small, "bans", limit="2147483647")) == 2
    assert queries.get("bans").params["limit"].count
    assert not queries.get("multi-source").params["min_sources"].count


def test_cli_says_which_parameter_is_out_of_range(tmp_path):
    from click.testing import CliRunner

    from cli import cli

    result = CliRunner().invoke(
        cli, ["--home", str(tmp_path / "home"), "query", "run", "bans", "-p", "limit=9223372036854775807"]
    )
    assert result.exit_code == 1
    assert result.output == (
        "Error: parameter 'limit' is a number of rows: it must be from 0 to 2147483647, not 9223372036854775807\n"
    )


def _normalise(frame):
    # 'ingested' is the wall-clock time of each store's own write: the one column that differs
    frame = frame.drop(columns=["ingested"], errors="ignore")
    return frame.to_dict("records")


@pytest.mark.neo4j
def test_both_stores_return_the_same_rows_on_the_corpus(embedded, neo4j_store):
    from loaders import extract_sources
    from tests.conftest import DEV, SEED

    extractions = [x for x in extract_sources([str(SEED), str(DEV)]) if not isinstance(x, Exception)]
    assert len(extractions) == 24
    for store in (embedded, neo4j_store):
        store.write(extractions, extractor="t1")
    assert embedded.counts() == neo4j_store.counts()
    for q in queries.all_queries():
        params = {}
        if q.name == "changes-since":
            params = {"since": "2000-01-01"}
        a = _normalise(queries.run(embedded, q.name, params))
        b = _normalise(queries.run(neo4j_store, q.name, params))
        assert a == b, q.name


# The plain definitions that co-actors, most-targeted and multi-source compute faster (see
# their files): the fast versions must give exactly these rows, whatever the parameters.
NAIVE = {
    "most-targeted": """\
MATCH (a:Entity)-[:ACTOR]->(e:Event)-[:TARGET]->(t:Entity)
WHERE e.modality = 'asserted' OR e.modality = 'planned'
RETURN t.name AS target, t.type AS target_type, count(DISTINCT e) AS events,
  count(DISTINCT a) AS actors, collect(DISTINCT e.type) AS event_types
ORDER BY events DESC, actors DESC, target
LIMIT $limit
""",
    "co-actors": """\
MATCH (a:Entity)-[:ACTOR]->(e:Event)-[:TARGET]->(t:Entity)
WHERE e.type <> 'STATED'
WITH DISTINCT a, t
WITH t, collect(a) AS actors
UNWIND actors AS a1
UNWIND actors AS a2
WITH a1, a2, t
WHERE a1.id < a2.id
WITH a1, a2, collect(t.name) AS targets
WHERE size(targets) >= $min_shared
RETURN a1.name AS actor, a2.name AS co_actor, size(targets) AS shared, targets
ORDER BY shared DESC, actor, co_actor
LIMIT $limit
""",
    "multi-source": """\
MATCH (ar:Article)-[r:REPORTS]->(e:Event)
WITH e, count(DISTINCT ar) AS sources
WHERE sources >= $min_sources
MATCH (ar:Article)-[r:REPORTS]->(e)
MATCH (a:Entity)-[:ACTOR]->(e)
RETURN e.type AS type, a.name AS actor, e.date AS date, sources, ar.title AS article,
  ar.source AS source, r.date AS reported_date, r.evidence AS evidence
ORDER BY sources DESC, e.id, actor, source, r.evidence_start
LIMIT $limit
""",
}


def _same_as_naive(store, name, **params):
    query = queries.get(name)
    bound = query.bind(params)

    def plain(rows):
        return [{k: sorted(v) if isinstance(v, list) else v for k, v in row.items()} for row in rows]

    fast = plain(store.read(query.text, bound))
    naive = plain(store.read(NAIVE[name], bound))
    assert fast == naive, (name, params)
    return fast


def test_fast_queries_equal_their_plain_definitions(any_store):
    from bench import corpus

    any_store.write(corpus.extractions(300, seed=7), extractor="t1")
    for params in ({}, {"limit": 5}, {"limit": 1000}, {"min_shared": 2}, {"min_shared": 4, "limit": 20}):
        got = _same_as_naive(any_store, "co-actors", **params)
        assert got, params  # a Zipf-skewed graph always has co-actors
    for params in ({}, {"limit": 3}, {"min_sources": 3}, {"min_sources": 1, "limit": 2000}):
        assert _same_as_naive(any_store, "multi-source", **params), params
    for params in ({}, {"limit": 1}, {"limit": 7}, {"limit": 5000}):
        assert _same_as_naive(any_store, "most-targeted", **params), params


# The tallies the writer keeps for the rankings (graph/cypher.py), as stored and as counted
# from the events themselves.
STORED_TALLIES = """\
MATCH (a:Tally)-[s:ACTS_ON]->(t:Tally)
RETURN a.id AS a, t.id AS t, s.type AS type, s.modality AS modality, s.events AS events
ORDER BY a, t, type, modality
"""
PLAIN_TALLIES = """\
MATCH (a:Entity)-[:ACTOR]->(e:Event)-[:TARGET]->(t:Entity)
RETURN a.id AS a, t.id AS t, e.type AS type, e.modality AS modality, count(DISTINCT e) AS events
ORDER BY a, t, type, modality
"""
STORED_TARGETED = "MATCH (t:Entity) WHERE t.targeted > 0 RETURN t.id AS t, t.targeted AS n ORDER BY t"
PLAIN_TARGETED = """\
MATCH (:Entity)-[:ACTOR]->(e:Event)-[:TARGET]->(t:Entity)
WHERE e.modality = 'asserted' OR e.modality = 'planned'
RETURN t.id AS t, count(DISTINCT e) AS n
ORDER BY t
"""


def _tallies_are_exact(store) -> int:
    stored = store.read(STORED_TALLIES)
    assert stored == store.read(PLAIN_TALLIES)
    assert store.read(STORED_TARGETED) == store.read(PLAIN_TARGETED)
    assert not store.read("MATCH (e:Event) WHERE e.tally IS NOT NULL RETURN e.id")
    return len(stored)


def test_tallies_stay_exact_through_rewrites_recodes_and_replacements(any_store):
    import dataclasses

    from bench import corpus
    from graph.model import Article

    batch = corpus.extractions(200, seed=11)
    any_store.write(batch[:120], extractor="t1", batch_size=50)
    n = _tallies_are_exact(any_store)
    assert n > 100
    any_store.write(batch, extractor="t1", batch_size=37)  # 120 again (no-ops) and 80 new
    grown = _tallies_are_exact(any_store)
    assert grown > n
    # a new extractor version rewrites a third of the articles (delete, then write again)
    s = any_store.write(batch[::3], extractor="t2", recode=True)
    assert s.recoded == len(batch[::3])
    assert _tallies_are_exact(any_store) == grown
    # new texts of 40 pages: the old versions go, with the events only they reported
    changed = []
    for ex in batch[:40]:
        art = dataclasses.replace(ex.article, url=f"https://news.example/{ex.article.id}")
        changed.append(dataclasses.replace(ex, article=art))
    assert any_store.write(changed, extractor="t3", recode=True).recoded == 40
    newer = [
        dataclasses.replace(
            ex,
            article=Article.from_text(
                ex.article.body + " Updated.",
                source=ex.article.source,
                url=ex.article.url,
                published=ex.article.published,
            ),
            events=ex.events[:1],
        )
        for ex in changed
    ]
    s = any_store.write(newer, extractor="t3")
    assert s.replaced == 40
    assert _tallies_are_exact(any_store) < grown
    _same_as_naive(any_store, "most-targeted", limit=10)
    _same_as_naive(any_store, "co-actors", limit=50)


def test_a_graph_written_before_the_tallies_gets_them_on_open(any_store):
    from bench import corpus

    any_store.write(corpus.extractions(60, seed=3), extractor="t1")
    expected = any_store.read(STORED_TALLIES)
    assert expected
    any_store._run("MATCH ()-[s:ACTS_ON]->() DELETE s", write=True)
    any_store._run("MATCH (t:Entity) SET t.targeted = null", write=True)
    assert not any_store.read(STORED_TALLIES)
    any_store._upgrade()
    assert any_store.read(STORED_TALLIES) == expected
    _tallies_are_exact(any_store)
    any_store._upgrade()  # a current graph: nothing changes
    assert any_store.read(STORED_TALLIES) == expected


def test_tallies_between_entities_move_to_tally_nodes_on_open(any_store):
    """An aigov before issue 15 kept the tallies between the entities, where Browser drew them;
    opening such a graph moves them between Tally nodes, with the same counts."""
    from bench import corpus

    any_store.write(corpus.extractions(60, seed=5), extractor="t1")
    expected = any_store.read(STORED_TALLIES)
    any_store._run(
        """MATCH (a:Tally)-[s:ACTS_ON]->(t:Tally)
MATCH (x:Entity {id: a.id}), (y:Entity {id: t.id})
CREATE (x)-[:ACTS_ON {type: s.type, modality: s.modality, events: s.events}]->(y)""",
        write=True,
    )
    any_store._run("MATCH (n:Tally) DETACH DELETE n", write=True)
    assert not any_store.read(STORED_TALLIES)
    any_store._upgrade()
    assert any_store.read(STORED_TALLIES) == expected
    assert not any_store.read("MATCH (:Entity)-[s:ACTS_ON]->() RETURN s")
    _tallies_are_exact(any_store)


def test_connect_result_nodes_adds_only_events_to_the_suggested_query(small):
    """Browser's "Connect result nodes" (on by default) fetches every relationship between the
    nodes a query returns: `MATCH (a)-[r]->(b) WHERE id(a) IN $ids AND id(b) IN $ids`. For
    the query aigov suggests, that must add no ACTS_ON tally (issue 15: 68 of 141 were)."""
    from graph.model import EventType
    from queries.guide import EVENTS_ONLY

    assert EVENTS_ONLY.endswith("RETURN a, r, b\nLIMIT 300")
    shown = EVENTS_ONLY.replace("RETURN a, r, b\nLIMIT 300", "WITH a, r, b\nLIMIT 300")
    connected = small.read(
        shown
        + """
WITH collect(id(a)) + collect(id(b)) AS ids
MATCH (x)-[s]->(y)
WHERE id(x) IN ids AND id(y) IN ids
RETURN type(s) AS type, count(*) AS n
ORDER BY type"""
    )
    assert connected and {r["type"] for r in connected} <= {t.value for t in EventType}
    assert sum(r["n"] for r in connected) == len(small.read(EVENTS_ONLY))


def _busy_and_quiet_actors() -> list:
    """Three busy actors with many targets each, none shared; two quiet ones sharing two."""
    from graph.model import Article, Entity, Event, Extraction, event_id

    people = {n: Entity(f"person:{n}", n.title(), "Person") for n in ("ann", "bob", "cy", "dee", "eve")}
    things = {i: Entity(f"product:p{i}", f"P{i}", "Product") for i in range(17)}
    plan = [
        ("ann", range(0, 5)),
        ("bob", range(5, 10)),
        ("cy", range(10, 15)),
        ("dee", range(15, 17)),
        ("eve", range(15, 17)),
    ]
    out = []
    for actor, targets in plan:
        for i in targets:
            sentence = f"{actor.title()} banned P{i}."
            art = Article.from_text(sentence, source=f"{actor}-{i}.txt", published="2026-01-01")
            ev = Event(
                id=event_id(art.id, "BANNED", [people[actor].id], [things[i].id], 0),
                type="BANNED",
                actors=[people[actor].id],
                targets=[things[i].id],
                evidence=sentence,
                evidence_start=0,
                date="2026-01-01",
                confidence=0.9,
            )
            out.append(Extraction(art, [people[actor], things[i]], [ev]))
    return out


def test_co_actors_finds_pairs_outside_the_busiest_actors(any_store):
    # with limit=1 only the 3 busiest actors are paired first; they share nothing, so the
    # floor must not prune the two quiet actors that do share targets
    any_store.write(_busy_and_quiet_actors(), extractor="t1")
    got = _same_as_naive(any_store, "co-actors", limit=1)
    assert [(r["actor"], r["co_actor"], r["shared"]) for r in got] == [("Dee", "Eve", 2)]


@pytest.mark.neo4j
def test_neo4j_has_the_indexes_the_queries_read(neo4j_store):
    # changes-since reads Event.first_seen in index order (the plan is the planner's choice
    # on the data's statistics, so the test checks the index, not one plan); multi-source
    # selects on Event.sources
    neo4j_store.write(graphdata.both(), extractor="t1")
    rows = neo4j_store.read(
        "SHOW INDEXES YIELD labelsOrTypes, properties, state "
        "WHERE labelsOrTypes = ['Event'] RETURN properties, state"
    )
    assert {(tuple(r["properties"]), r["state"]) for r in rows} >= {
        (("first_seen",), "ONLINE"),
        (("sources",), "ONLINE"),
        (("id",), "ONLINE"),
    }
