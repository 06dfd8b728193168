"""Network analysis of the governance graph with networkx.

:func:`load_graph` streams the direct typed relationships from a store, page by page, into a
:class:`networkx.MultiDiGraph` (entities as nodes, one edge per actor/target pair of an event,
keyed by event id, with its type, date and modality). The analysis functions take that graph
and follow networkx's shape: plain functions, ``seed=`` for anything random, generators or
plain lists for results.

Examples
--------
>>> import networkx as nx
>>> g = nx.MultiDiGraph()
>>> g.add_node("my", name="Malaysia", type="Country")
>>> g.add_node("id", name="Indonesia", type="Country")
>>> g.add_node("grok", name="Grok", type="Product")
>>> _ = g.add_edge("my", "grok", key="e1", type="BLOCKED_ACCESS", date="2026-01")
>>> _ = g.add_edge("id", "grok", key="e1", type="BLOCKED_ACCESS", date="2026-01")
>>> [row["name"] for row in centrality(g)][:1]
['Grok']
>>> co_acting_communities(g, seed=1)
[['Indonesia', 'Malaysia']]
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from graph.cypher import NETWORK_EDGES_PAGE, NETWORK_NODES_PAGE
from graph.paging import pages, read_ahead

__all__ = [
    "load_graph",
    "centrality",
    "co_acting_communities",
    "co_action_graph",
    "ego_network",
    "write_graph",
    "EDGES_PAGE",
    "NODES_PAGE",
]

#: Entities as network nodes, a page of ids at a time (:mod:`graph.paging`).
NODES_PAGE = NETWORK_NODES_PAGE

#: The actor/target pairs of a page of events, by event id (:mod:`graph.paging`).
EDGES_PAGE = NETWORK_EDGES_PAGE


def load_graph(store, *, page_size: int = 5000, include_statements: bool = False):
    """Build a MultiDiGraph of entities and event edges from a store, streaming pages of
    ``page_size`` ids (:func:`graph.paging.pages`, the next page read while this one is added).

    Statements (STATED) are left out unless ``include_statements``: a statement's target is
    its topic, not something acted upon.
    """
    import networkx as nx

    g = nx.MultiDiGraph()
    for rows in read_ahead(pages(store, "Entity", NODES_PAGE, page_size)):
        for row in rows:
            g.add_node(row["id"], name=row["name"], type=row["type"], wikidata=row["wikidata"] or "")
    for rows in read_ahead(pages(store, "Event", EDGES_PAGE, page_size)):
        for row in rows:
            if row["type"] == "STATED" and not include_statements:
                continue
            g.add_edge(
                row["source"],
                row["target"],
                key=row["event"],
                type=row["type"],
                date=row["date"] or "",
                start=row["start"] or "",
                modality=row["modality"],
                confidence=float(row["confidence"] or 0.0),
            )
    return g


#: Above this many nodes, betweenness is estimated from this many sampled sources
#: (exact betweenness is O(nodes x edges): 8.7 s at 10k events, minutes at 100k).
BETWEENNESS_SAMPLE = 300


def centrality(g, top: int | None = None, *, seed: int | None = 0) -> list[dict[str, Any]]:
    """Actors and targets ranked by degree centrality, with in/out degree and betweenness.

    ``acts`` counts events an entity took part in as actor, ``targeted`` those it was the
    target of. Betweenness is exact up to :data:`BETWEENNESS_SAMPLE` nodes, sampled (with
    ``seed``) above.
    """
    import networkx as nx

    if g.number_of_nodes() == 0:
        return []
    degree = nx.degree_centrality(g)
    simple = nx.Graph(g)  # who is connected to whom, direction and multiplicity aside
    k = BETWEENNESS_SAMPLE if simple.number_of_nodes() > BETWEENNESS_SAMPLE else None
    between = nx.betweenness_centrality(simple, k=k, seed=seed)
    rows = [
        {
            "id": n,
            "name": g.nodes[n].get("name", n),
            "type": g.nodes[n].get("type"),
            "acts": g.out_degree(n),
            "targeted": g.in_degree(n),
            "degree_centrality": round(degree[n], 4),
            "betweenness": round(between[n], 4),
        }
        for n in g.nodes
        if g.degree(n) > 0
    ]
    rows.sort(key=lambda r: (-r["degree_centrality"], -r["betweenness"], r["name"]))
    return rows[:top] if top else rows


def co_action_graph(g):
    """Undirected graph of actors linked when they act on the same target (weight = targets shared)."""
    import networkx as nx

    by_target: dict[str, set[str]] = {}
    for u, v in g.edges():
        by_target.setdefault(v, set()).add(u)
    h = nx.Graph()
    for actors in by_target.values():
        ordered = sorted(actors)
        for i, a in enumerate(ordered):
            for b in ordered[i + 1 :]:
                w = h.get_edge_data(a, b, {"weight": 0})["weight"]
                h.add_edge(a, b, weight=w + 1)
    for n in h:
        h.nodes[n].update(g.nodes[n])
    return h


def co_acting_communities(g, *, seed: int | None = 0, min_size: int = 2) -> list[list[str]]:
    """Communities of co-acting actors (Louvain on :func:`co_action_graph`), as sorted names."""
    import networkx as nx

    h = co_action_graph(g)
    if h.number_of_edges() == 0:
        return []
    parts = nx.community.louvain_communities(h, weight="weight", seed=seed)
    named = [sorted(h.nodes[n].get("name", n) for n in part) for part in parts if len(part) >= min_size]
    return sorted(named, key=lambda c: (-len(c), c))


def ego_network(g, entity: str, radius: int = 1):
    """The subgraph within ``radius`` hops of an entity (given by id or exact name)."""
    import networkx as nx

    from graph.errors import QueryError
    from graph.model import fold

    node = (
        entity
        if entity in g
        else next((n for n, d in g.nodes(data=True) if fold(d.get("name", "")) == fold(entity)), None)
    )
    if node is None:
        raise QueryError(f"no entity {entity!r} in the graph")
    return nx.ego_graph(g, node, radius=radius, undirected=True)


def write_graph(g, path: Path) -> None:
    """Write GraphML (``.graphml``) or GEXF (``.gexf``) for Gephi and friends."""
    import networkx as nx

    from graph.errors import AigovError

    path = Path(path)
    if path.suffix == ".graphml":
        nx.write_graphml(g, path)
    elif path.suffix == ".gexf":
        nx.write_gexf(g, path)
    else:
        raise AigovError(f"{path}: write .graphml or .gexf")
