"""networkx analytics on a small graph with known structure, loaded from a real store."""

from __future__ import annotations

import networkx as nx
import pytest

from graph import analysis
from graph.errors import QueryError
from tests import graphdata


@pytest.fixture
def g(any_store):
    any_store.write(graphdata.both(), extractor="t1")
    return analysis.load_graph(any_store, page_size=2)  # tiny pages: pagination is exercised


def test_load_graph_streams_every_edge(g):
    # event edges (statements left out): 2 blocks + 4 suits + 2 demands + 1 restriction + 1 fine
    assert g.number_of_edges() == 10
    assert g.nodes["Q833"]["name"] == "Malaysia"
    types = sorted(d["type"] for _, _, d in g.edges(data=True))
    assert types.count("SUED") == 4 and types.count("BLOCKED_ACCESS") == 2
    assert all(d["date"] for _, _, d in g.edges(data=True))


def test_centrality_ranks_the_most_connected_first(g):
    rows = analysis.centrality(g)
    # Grok is targeted three times; Malaysia and Indonesia each act three times
    assert {r["name"] for r in rows[:3]} == {"Grok", "Malaysia", "Indonesia"}
    grok = next(r for r in rows if r["name"] == "Grok")
    assert (grok["targeted"], grok["acts"]) == (3, 0)
    assert rows[-1]["degree_centrality"] < rows[0]["degree_centrality"]
    assert {r["name"] for r in rows} >= {"Malaysia", "Indonesia", "X", "CNIL"}


def test_communities_group_malaysia_and_indonesia(g):
    communities = analysis.co_acting_communities(g, seed=1)
    assert ["Indonesia", "Malaysia", "X"] in communities or ["Indonesia", "Malaysia"] in communities
    h = analysis.co_action_graph(g)
    assert h["Q833"]["Q252"]["weight"] == 3  # Grok, X, xAI


def test_ego_network_and_unknown_entity(g):
    ego = analysis.ego_network(g, "grok")
    assert {g.nodes[n]["name"] for n in ego} == {"Grok", "Malaysia", "Indonesia", "X"}
    with pytest.raises(QueryError, match="no entity 'Atlantis'"):
        analysis.ego_network(g, "Atlantis")


def test_write_graphml_and_gexf(g, tmp_path):
    analysis.write_graph(g, tmp_path / "g.graphml")
    back = nx.read_graphml(tmp_path / "g.graphml")
    assert back.number_of_edges() == g.number_of_edges()
    analysis.write_graph(g, tmp_path / "g.gexf")
    assert (tmp_path / "g.gexf").read_text().startswith("<?xml")
