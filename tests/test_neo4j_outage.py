"""A Neo4j server that stops in the middle of an ingest: a clear error, nothing half-written,
and a rerun after a restart ends with the counts of a clean run."""

from __future__ import annotations

import socket

import pytest

from graph.errors import StoreUnavailable
from graph.neo4j_store import Neo4jStore
from graph.server import ManagedNeo4j
from loaders import extract_sources
from tests.conftest import DEV, SEED

pytestmark = [pytest.mark.neo4j, pytest.mark.slow]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def own_server(tmp_path, neo4j_settings):
    """A second managed server of this test's own, which it may stop (the shared one is not)."""
    server = ManagedNeo4j(tmp_path / "outage", _free_port(), _free_port())
    server.start(timeout=180)
    yield server
    server.stop()


def _store(server: ManagedNeo4j) -> Neo4jStore:
    user, password = server.credentials()
    return Neo4jStore(server.bolt_uri, user, password)


def test_server_stopped_mid_ingest_then_rerun(own_server, neo4j_store):
    extractions = [x for x in extract_sources([str(SEED), str(DEV)]) if not isinstance(x, Exception)]
    # the reference: a clean run into the shared test server
    neo4j_store.write(extractions, extractor="t1")
    clean = neo4j_store.counts()

    store = _store(own_server)
    done = []

    def stop_after_first_batch(n: int) -> None:
        done.append(n)
        if len(done) == 1:
            own_server.stop()

    with pytest.raises(StoreUnavailable, match="Neo4j at bolt://127.0.0.1:"):
        store.write(extractions, extractor="t1", batch_size=5, progress=stop_after_first_batch)
    store.close()

    own_server.start(timeout=180)
    store = _store(own_server)
    try:
        partial = store.counts()["labels"]["Article"]
        assert partial == 5  # exactly the first, committed batch: nothing half-written
        summary = store.write(extractions, extractor="t1", batch_size=5)
        assert (summary.unchanged, summary.added) == (5, len(extractions) - 5)
        assert store.counts() == clean
    finally:
        store.close()


def test_a_stopped_server_is_one_line_within_seconds_and_ports_are_options(own_server, tmp_path):
    """Issue 15: a stopped server was reported after 30-58 s and 12 raw driver retry lines,
    with no hint to start it; `neo4j start` had no port option; `neo4j status` exited 0 when
    the server was stopped."""
    import time

    from click.testing import CliRunner

    from cli import cli

    store = _store(own_server)
    assert store.read("RETURN 1 AS x") == [{"x": 1}]
    home = own_server.data_dir
    runner = CliRunner()
    status = runner.invoke(cli, ["--home", str(home), "neo4j", "status"])
    assert status.exit_code == 0 and f"bolt_uri: {own_server.bolt_uri}" in status.stdout
    assert runner.invoke(cli, ["--home", str(home), "neo4j", "stop"]).exit_code == 0
    stopped = runner.invoke(cli, ["--home", str(home), "neo4j", "status"])
    assert stopped.exit_code == 3, stopped.output
    assert stopped.stdout.startswith("stopped (start it with `aigov neo4j start`)\n")

    # a store that was connected when the server stopped
    started = time.monotonic()
    with pytest.raises(StoreUnavailable) as err:
        store.read("RETURN 1 AS x")
    assert time.monotonic() - started < 5
    assert str(err.value) == (
        f"cannot reach Neo4j at {own_server.bolt_uri} (it refuses connections); "
        "start the managed server with `aigov neo4j start`, or set NEO4J_URI to a "
        "running one"
    )
    store.close()
    # a command run against it: one line on stderr, nothing else
    user, password = own_server.credentials()
    started = time.monotonic()
    result = runner.invoke(
        cli,
        ["--home", str(tmp_path / "elsewhere"), "--store", "neo4j", "stats"],
        env={"NEO4J_URI": own_server.bolt_uri, "NEO4J_PASSWORD": password},
    )
    assert time.monotonic() - started < 5
    assert result.exit_code == 1
    assert result.stderr == f"Error: {err.value}\n"

    # the ports are options, and kept for the next start
    bolt, http = _free_port(), _free_port()
    moved = runner.invoke(
        cli, ["--home", str(home), "neo4j", "start", "--bolt-port", str(bolt), "--http-port", str(http)]
    )
    assert moved.exit_code == 0, moved.output
    assert "running (pid " in moved.stdout and f"bolt://127.0.0.1:{bolt}" in moved.stdout
    assert ManagedNeo4j(home).status().http_url == f"http://127.0.0.1:{http}"
    again = runner.invoke(cli, ["--home", str(home), "neo4j", "start", "--port", str(_free_port())])
    assert again.exit_code == 1
    assert "already runs on" in again.output and "stop it" in again.output
