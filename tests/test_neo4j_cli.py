"""The CLI against the real managed Neo4j server: ingest, canned queries, copy from embedded."""

from __future__ import annotations

import json
import os

import pytest
from click.testing import CliRunner

from cli import cli
from tests.conftest import DEV, SEED

pytestmark = pytest.mark.neo4j


@pytest.fixture
def neo(neo4j_settings, neo4j_store, home):
    """Invoke the CLI with --store neo4j on the test server (emptied by neo4j_store)."""
    runner = CliRunner()
    env = {
        "NEO4J_URI": neo4j_settings["uri"],
        "NEO4J_USER": neo4j_settings["user"],
        "NEO4J_PASSWORD": neo4j_settings["password"],
        "NEO4J_DATABASE": neo4j_settings["database"],
    }

    def invoke(*args: str, store: str = "neo4j"):
        return runner.invoke(cli, ["--home", str(home), "--store", store, *args], env=env, catch_exceptions=False)

    return invoke


def test_seed_facts_via_bolt_and_idempotent_reingest(neo):
    first = neo("ingest", "--json", str(SEED))
    assert first.exit_code == 0, first.stderr
    bans = json.loads(neo("query", "run", "bans", "-f", "json").stdout)
    assert {(r["actor"], r["target"]) for r in bans} == {("Malaysia", "Grok"), ("Indonesia", "Grok")}
    suits = json.loads(neo("query", "run", "lawsuits", "-f", "json").stdout)
    assert {(r["plaintiff"], r["defendant"]) for r in suits} == {
        ("Malaysia", "X"),
        ("Malaysia", "xAI"),
        ("Indonesia", "X"),
        ("Indonesia", "xAI"),
    }
    before = neo("stats", "-f", "json").stdout
    again = json.loads(neo("ingest", "--json", str(SEED)).stdout)
    assert (again["added"], again["unchanged"]) == (0, 1)
    assert neo("stats", "-f", "json").stdout == before
    assert "Received notification" not in first.stderr


def test_store_copy_from_embedded_gives_the_same_answers(neo):
    assert neo("ingest", "--silent", str(SEED), str(DEV), store="embedded").exit_code == 0
    copied = neo("store", "copy", "--from", "embedded", "--to", "neo4j")
    assert copied.exit_code == 0, copied.stderr
    assert "copied 24 articles" in copied.stderr
    events = json.loads(neo("stats", "-f", "json").stdout)
    stored = next(r["count"] for r in events if r["name"] == "Event")
    assert f"articles (0 already there), {stored} events" in copied.stderr  # each event once
    for name in ("bans", "demands", "statements", "timeline"):
        a = neo("query", "run", name, "-f", "json", store="embedded").stdout
        b = neo("query", "run", name, "-f", "json").stdout
        assert json.loads(a) == json.loads(b), name
    assert neo("stats", "-f", "json", store="embedded").stdout == neo("stats", "-f", "json").stdout


def test_read_only_cypher_is_refused_by_neo4j_too(neo):
    refused = neo("query", "cypher", "MATCH (n) WITH n LIMIT 1 CALL { WITH n SET n.x = 1 } RETURN 1")
    assert refused.exit_code == 1
    assert refused.stderr.startswith("Error: this query writes to the graph")


def test_wrong_password_is_a_clear_error(neo4j_settings, home):
    result = CliRunner().invoke(
        cli,
        ["--home", str(home), "--store", "neo4j", "stats"],
        env={"NEO4J_URI": neo4j_settings["uri"], "NEO4J_USER": "neo4j", "NEO4J_PASSWORD": "wrong-password"},
    )
    assert result.exit_code == 1
    assert result.stderr == (f"Error: Neo4j at {neo4j_settings['uri']} refused the credentials of user 'neo4j'\n")


def test_no_server_is_a_clear_error(home):
    env = {k: "" for k in ("NEO4J_URI", "NEO4J_PASSWORD")}
    result = CliRunner().invoke(cli, ["--home", str(home), "--store", "neo4j", "stats"], env=env)
    assert result.exit_code == 1
    assert result.stderr.startswith(
        "Error: no Neo4j to connect to: NEO4J_URI is not set and the managed server in "
    )
    assert os.path.basename(str(home)) in result.stderr
