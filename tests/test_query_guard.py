"""The read-only check reads a query as the server does: comments removed, strings emptied.

Issue 17 item 4: ``LOAD /**/ CSV`` passed the first check (the comment hid the keyword) and the
embedded server then opened an outbound connection. Every case below was let through, or
refused for the wrong reason, by the check that only blanked strings.
"""

from __future__ import annotations

import pytest
from click.testing import CliRunner

import queries
from cli import cli
from graph.errors import QueryError
from graph.guard import MAX_NESTING, check_read_only, check_size, normalise, write_clause
from tests import graphdata

REFUSED = {
    "LOAD /**/ CSV FROM 'https://127.0.0.1:9/x.csv' AS row RETURN row": "LOAD CSV",
    "LOAD// a comment\nCSV FROM 'file://a.csv' AS r RETURN r": "LOAD CSV",
    "load\tcsv with headers from 'file://a.csv' as r return r": "LOAD CSV",
    "CALL /*x*/ db.idx.fulltext.drop('Entity')": "CALL db.idx.fulltext.drop",
    "CALL db.idx.fulltext.createNodeIndex('Entity', 'name')": "CALL db.idx.fulltext.createNodeIndex",
    "CALL db . idx . fulltext . drop('Entity')": "CALL db.idx.fulltext.drop",
    "CALL `db`.`idx`.`fulltext`.`drop`('Entity')": "CALL",
    "CALL dbms.setConfigValue('db.logs.query.enabled', 'OFF')": "CALL dbms.setConfigValue",
    "MATCH (n) /* ' */ DETACH DELETE n // '": "DETACH DELETE",
    "MATCH (n) // '\nDETACH DELETE n // '": "DETACH DELETE",
    "MATCH (n) WHERE n.name = 'it\\'s' DELETE n": "DELETE",
    "MATCH (n) SET/**/n.x = 1": "SET",
    "CREATE/**/(n:Entity {id: 'x'})": "CREATE",
    "MATCH (n) WITH n CALL { WITH n MERGE (m:Entity {id: 'y'}) } RETURN 1": "MERGE",
    "MATCH (n:Entity) FOREACH (x IN [1] | SET n.y = x)": "FOREACH",
    "DROP INDEX ON :Entity(id)": "DROP",
}

ALLOWED = [
    "MATCH (n) WHERE n.name = 'CREATE (x) // DELETE' RETURN count(n) AS n",
    "MATCH (n) // CREATE in a comment\nRETURN count(n) AS n",
    "MATCH (n) /* DELETE n */ RETURN n.delete AS d, $set AS p LIMIT 1",
    "CALL db.labels() YIELD label RETURN label",
    "MATCH (n) CALL { WITH n RETURN n.id AS x } RETURN x LIMIT 1",
    "RETURN 'http://example.org/a' AS url, \"it's\" AS s",
]


@pytest.mark.parametrize("query", list(REFUSED), ids=list(REFUSED.values()))
def test_hidden_clauses_are_found(query):
    assert write_clause(query) == REFUSED[query]
    assert not queries.is_read_only(query)
    with pytest.raises(QueryError):
        check_read_only(query)


@pytest.mark.parametrize("query", ALLOWED)
def test_reads_with_keywords_in_strings_comments_and_names_pass(query):
    assert write_clause(query) is None
    assert queries.is_read_only(query)


@pytest.mark.parametrize(
    "query,what",
    [
        ("RETURN 1 AS x /* unterminated", "comment"),
        ("RETURN 'unterminated AS x", "string"),
        ("RETURN `unterminated AS x", "quoted name"),
    ],
)
def test_a_query_that_cannot_be_read_for_sure_is_refused(query, what):
    with pytest.raises(QueryError, match=f"unterminated {what}; it cannot be checked"):
        check_read_only(query)
    assert not queries.is_read_only(query)


def test_normalise_keeps_the_shape_of_the_query():
    assert (
        normalise('MATCH (n)\n  /* a\n b */ WHERE n.x = "//" // c\nRETURN n')
        == "MATCH (n) WHERE n.x = '' RETURN n"
    )


def test_every_canned_query_passes_the_check():
    for q in queries.all_queries():
        assert write_clause(q.text) is None, q.name
        check_size(q.text)


def test_the_store_refuses_hidden_writes_before_sending_them(any_store):
    any_store.write(graphdata.both(), extractor="t1")
    before = any_store.counts()
    for query in (
        "MATCH (n) /* ' */ DETACH DELETE n // '",
        "MATCH (n:Entity) SET/**/n.name = 'x'",
        "LOAD /**/ CSV FROM 'file://a.csv' AS row RETURN row",
    ):
        with pytest.raises(QueryError):
            any_store.read(query)
    assert any_store.counts() == before


def test_cli_refuses_load_csv_and_write_procedures_in_one_line(tmp_path):
    runner = CliRunner()
    home = str(tmp_path / "home")
    load = runner.invoke(
        cli,
        ["--home", home, "query", "cypher", "LOAD /**/ CSV FROM 'https://127.0.0.1:9/x.csv' AS row RETURN row"],
    )
    assert load.exit_code == 1
    assert load.output == (
        "Error: this query reads files or the network (LOAD CSV); "
        "`aigov query cypher` only runs read-only queries\n"
    )
    call = runner.invoke(cli, ["--home", home, "query", "cypher", "CALL /*x*/ db.idx.fulltext.drop('Entity')"])
    assert call.exit_code == 1
    assert call.output == (
        "Error: this query calls the procedure db.idx.fulltext.drop, which is not "
        "on the list of read-only procedures; `aigov query cypher` only runs "
        "read-only queries\n"
    )


# ----------------------------------------------------------------------------------------------
# queries the embedded server cannot take (issue 17 item 5)


def test_deep_nesting_is_refused_before_it_reaches_the_parser(tmp_path):
    """30 nested parentheses (a 90-byte query) kept FalkorDB's parser busy for hours, and
    every other command on the home waited; 22 took 14 s."""
    import subprocess
    import time

    from tests.test_ingest_robust import aigov_command

    query = "RETURN " + "(" * 30 + "1" + ")" * 30 + " AS x"
    started = time.monotonic()
    result = subprocess.run(
        [*aigov_command(), "--home", str(tmp_path / "home"), "query", "cypher", query],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert time.monotonic() - started < 20
    assert result.returncode == 1
    assert result.stderr == (
        "Error: this query nests brackets 30 deep, deeper than the limit of 10 "
        "(the embedded store's parser takes time exponential in the depth)\n"
    )


def test_nesting_up_to_the_limit_still_runs(embedded):
    depth = MAX_NESTING
    assert embedded.read("RETURN " + "[" * depth + "1" + "]" * depth + " AS x")[0]["x"] == eval(
        "[" * depth + "1" + "]" * depth
    )


def test_a_query_that_crashed_the_embedded_server_is_refused(embedded):
    """A read-only RETURN 1+1+... of 50,000 terms crashed the server (an ingest beside it aborted)."""
    with pytest.raises(
        QueryError,
        match=r"this query is 100,006 characters long, longer than the "
        r"limit of 20,000 \(pass long values as parameters\)",
    ):
        embedded.read("RETURN " + "+".join(["1"] * 50_000))
    assert embedded.read("RETURN 1 AS one") == [{"one": 1}]
