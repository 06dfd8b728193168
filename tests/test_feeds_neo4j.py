"""Feeds and URLs into Neo4j (issue 16): the poll writes through the generic store interface, so
the same rounds must hold on the server store -- new entries coded and stored, a second poll of
unchanged feeds writing nothing, a changed page replacing its old version."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from cli import cli
from tests.feedserver import Resource, Site
from tests.test_feeds_cli import FAST_ENV, FR, news

pytestmark = pytest.mark.neo4j


@pytest.fixture
def neo(neo4j_store, neo4j_settings, tmp_path, monkeypatch):
    for k, v in FAST_ENV.items():
        monkeypatch.setenv(k, v)
    env = {
        "NEO4J_URI": neo4j_settings["uri"],
        "NEO4J_USER": neo4j_settings["user"],
        "NEO4J_PASSWORD": neo4j_settings["password"],
    }
    home = tmp_path / "home"

    def invoke(*args: str):
        return CliRunner().invoke(
            cli, ["--home", str(home), "--store", "neo4j", *args], env=env, catch_exceptions=False
        )

    return invoke


def test_feed_polls_into_neo4j_once_and_a_changed_page_replaces_its_version(neo, neo4j_store):
    with Site() as site:
        url = news(site, 3)
        assert neo("feeds", "add", url, "--language", "fr").exit_code == 0
        first = neo("feeds", "update")
        assert first.exit_code == 0, first.output
        counts = neo4j_store.counts()
        assert counts["labels"]["Article"] == 3 and counts["labels"].get("BLOCKED_ACCESS", 0) == 1, counts
        # unchanged feed: conditional requests only, nothing written
        second = neo("feeds", "update")
        assert second.exit_code == 0, second.output
        assert neo4j_store.counts() == counts
        # a page whose text changed replaces its old version (same URL), not a second article
        site["/news/2.html"] = Resource(
            (
                "<html lang='fr'><head><title>Nouvelle 2</title></head><body><article><p>"
                + FR.format(n=2)
                + " L'Indonésie a également bloqué Grok le 2 mars 2025."
                + "</p></article></body></html>"
            ).encode()
        )
        again = neo("ingest", site.url("/news/2.html"))
        assert again.exit_code == 0, again.output
        assert neo4j_store.counts()["labels"]["Article"] == 3
