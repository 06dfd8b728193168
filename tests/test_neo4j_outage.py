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
