"""Memory and time of ``aigov analyze`` (graph.analysis) on a large graph.

``python -m bench.bench_analysis [EVENTS] [--home FOLDER]``: builds an embedded store of EVENTS
synthetic events (default 100,000; or opens the one already in FOLDER), then streams it into
networkx with ``load_graph`` and runs the centrality and community reports, printing seconds
and the Python heap peak (tracemalloc) of each step.

Baseline in the same call: :func:`keyset_load_graph`, the way ``load_graph`` read the store
before it used the shared pager (:mod:`graph.paging`): keyset pages (``WHERE e.id + '' >
$after ORDER BY ... LIMIT``), each scanning and sorting every node of its label. Both loaders
run three times, alternating, without tracemalloc (which slows Python code 2-3x); the ratio is
of the best of each, and they must build the same graph. One traced run of each gives the heap
peaks and the ``seconds`` comparable with earlier results.
Writes ``bench/results/analysis.json``.
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

from bench import ratio
from bench.corpus import extractions
from graph import analysis
from graph.embedded import EmbeddedStore

RESULTS = Path(__file__).resolve().parent / "results"

# The keyset queries of the baseline (graph.analysis before the shared pager), kept here only
# to measure against.
_KEYSET_NODES = """\
MATCH (n:Entity)
WHERE n.id + '' > $after
RETURN n.id AS id, n.name AS name, n.type AS type, n.wikidata AS wikidata
ORDER BY id
LIMIT $limit
"""
_KEYSET_EDGES = """\
MATCH (e:Event)
WHERE e.id + '' > $after
WITH e
ORDER BY e.id
LIMIT $limit
MATCH (a:Entity)-[:ACTOR]->(e)-[:TARGET]->(t:Entity)
RETURN e.id AS event, a.id AS source, t.id AS target, e.type AS type, e.date AS date,
  e.start AS start, e.modality AS modality, e.confidence AS confidence
ORDER BY event, source, target
"""
_KEYSET_EVENT_IDS = """\
MATCH (e:Event)
WHERE e.id + '' > $after
RETURN e.id AS id
ORDER BY id
LIMIT $limit
"""


def keyset_load_graph(store, *, page_size: int = 5000, include_statements: bool = False):
    """``graph.analysis.load_graph`` as it was before the shared pager (the baseline)."""
    import networkx as nx

    g = nx.MultiDiGraph()
    after = ""
    while True:
        rows = store.read(_KEYSET_NODES, {"after": after, "limit": page_size})
        for row in rows:
            g.add_node(row["id"], name=row["name"], type=row["type"], wikidata=row["wikidata"] or "")
        if len(rows) < page_size:
            break
        after = rows[-1]["id"]
    after = ""
    while True:
        ids = store.read(_KEYSET_EVENT_IDS, {"after": after, "limit": page_size})
        if not ids:
            break
        for row in store.read(_KEYSET_EDGES, {"after": after, "limit": page_size}):
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
        after = ids[-1]["id"]
        if len(ids) < page_size:
            break
    return g


def measure(fn, trace: bool = True):
    """(value, seconds, Python heap peak MB); tracemalloc slows Python code down 2-3x, so
    ``trace=False`` times without it (peak None)."""
    if trace:
        tracemalloc.start()
    t = time.perf_counter()
    value = fn()
    seconds = time.perf_counter() - t
    peak = tracemalloc.get_traced_memory()[1] / 1e6 if trace else None
    if trace:
        tracemalloc.stop()
    return value, round(seconds, 2), None if peak is None else round(peak, 1)


def _same(g, h) -> bool:
    return list(g.nodes(data=True)) == list(h.nodes(data=True)) and list(g.edges(keys=True, data=True)) == list(
        h.edges(keys=True, data=True)
    )


def run(store, events: int, reps: int = 3) -> dict:
    loaders = (("keyset", keyset_load_graph), ("pager", analysis.load_graph))
    best: dict[str, float] = {}
    graphs = {}
    for _ in range(reps):  # alternating, untraced: the ratio
        for name, fn in loaders:
            graphs[name], s, _ = measure(lambda fn=fn: fn(store), trace=False)
            best[name] = min(s, best.get(name, s))
    g = graphs["pager"]
    if not _same(g, graphs["keyset"]):
        raise SystemExit("the shared pager and the keyset baseline built different graphs")
    traced = {name: measure(lambda fn=fn: fn(store)) for name, fn in loaders}
    _, cent_s, cent_mb = measure(lambda: analysis.centrality(g, 20))
    _, comm_s, comm_mb = measure(lambda: analysis.co_acting_communities(g, seed=0))
    return {
        "events": events,
        "nodes": g.number_of_nodes(),
        "edges": g.number_of_edges(),
        "load_graph": {
            "seconds": traced["pager"][1],
            "peak_mb": traced["pager"][2],
            "untraced_best_seconds": best["pager"],
        },
        "load_graph_keyset_baseline": {
            "seconds": traced["keyset"][1],
            "peak_mb": traced["keyset"][2],
            "untraced_best_seconds": best["keyset"],
        },
        "load_graph_cost_vs_baseline": ratio(best["pager"], best["keyset"]),
        "centrality": {"seconds": cent_s, "peak_mb": cent_mb},
        "communities": {"seconds": comm_s, "peak_mb": comm_mb},
    }


def main(events: int = 100_000, home: Path | None = None) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        folder = home or Path(tmp)
        built = folder.is_dir() and any(folder.iterdir())
        with EmbeddedStore(folder) as store:
            if not built:
                store.write(extractions(events // 4), extractor="bench", batch_size=1000)
            result = run(store, events)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "analysis.json").write_text(json.dumps(result, indent=1))
    print(json.dumps(result, indent=1))
    return result


if __name__ == "__main__":
    args = sys.argv[1:]
    folder = None
    if "--home" in args:
        i = args.index("--home")
        folder = Path(args[i + 1])
        del args[i : i + 2]
    main(int(args[0]) if args else 100_000, folder)
