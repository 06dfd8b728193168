"""Shared fixtures: real stores only (FalkorDBLite in a tmp folder; the managed Neo4j server).

Neo4j tests run against the managed server that ``tools/run-tests.sh`` starts (its data folder
in ``AIGOV_TEST_NEO4J_HOME``) or against ``NEO4J_URI``. Without either they are skipped --
unless ``AIGOV_REQUIRE_NEO4J=1`` (set by ``make test`` and CI), where a missing server fails.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "corpus" / "seed"
DEV = ROOT / "corpus" / "dev"
SEED_FILE = SEED / "000_a26acc091d010e43.txt"


@pytest.fixture
def home(tmp_path: Path) -> Path:
    return tmp_path / "home"


@pytest.fixture
def embedded(home: Path):
    from graph.embedded import EmbeddedStore

    store = EmbeddedStore(home)
    store.ensure_schema()
    yield store
    store.close()


def _neo4j_settings() -> dict | None:
    if os.environ.get("NEO4J_URI"):
        return {
            "uri": os.environ["NEO4J_URI"],
            "user": os.environ.get("NEO4J_USER", "neo4j"),
            "password": os.environ.get("NEO4J_PASSWORD", ""),
            "database": os.environ.get("NEO4J_DATABASE", "neo4j"),
        }
    test_home = os.environ.get("AIGOV_TEST_NEO4J_HOME")
    if test_home:
        from graph.server import ManagedNeo4j

        server = ManagedNeo4j(Path(test_home))
        if server.status().running:
            user, password = server.credentials()
            return {"uri": server.bolt_uri, "user": user, "password": password, "database": "neo4j"}
    return None


@pytest.fixture(scope="session")
def neo4j_settings() -> dict:
    settings = _neo4j_settings()
    if settings is None:
        if os.environ.get("AIGOV_REQUIRE_NEO4J") == "1":
            pytest.fail(
                "AIGOV_REQUIRE_NEO4J=1 but no Neo4j server is running "
                "(tools/run-tests.sh starts one; or set NEO4J_URI)"
            )
        pytest.skip("no Neo4j server (run `make test`, or set NEO4J_URI)")
    return settings


@pytest.fixture
def neo4j_store(neo4j_settings):
    """A Neo4j store emptied before each test (the test server holds only test data)."""
    from graph.neo4j_store import Neo4jStore

    store = Neo4jStore(**neo4j_settings)
    store.clear()
    store.ensure_schema()
    yield store
    store.close()


@pytest.fixture(params=["embedded", "neo4j"])
def any_store(request, home):
    """Each test using it runs once per store."""
    if request.param == "embedded":
        yield request.getfixturevalue("embedded")
    else:
        yield request.getfixturevalue("neo4j_store")
