"""Memory and time of ``aigov analyze`` (graph.analysis) on a large graph.

``python -m bench.bench_analysis [EVENTS]``: builds an embedded store of EVENTS synthetic
events (default 100,000), then streams it into networkx with ``load_graph`` and runs the
centrality and community reports, printing seconds and the Python heap peak (tracemalloc)
of each step.
Writes ``bench/results/analysis.json``.
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

from bench.corpus import extractions
from graph import analysis
from graph.embedded import EmbeddedStore

RESULTS = Path(__file__).resolve().parent / "results"


def measure(fn):
    tracemalloc.start()
    t = time.perf_counter()
    value = fn()
    seconds = time.perf_counter() - t
    peak = tracemalloc.get_traced_memory()[1] / 1e6
    tracemalloc.stop()
    return value, round(seconds, 2), round(peak, 1)


def main(events: int = 100_000) -> dict:
    with tempfile.TemporaryDirectory() as tmp, EmbeddedStore(Path(tmp)) as store:
        store.write(extractions(events // 4), extractor="bench", batch_size=1000)
        g, load_s, load_mb = measure(lambda: analysis.load_graph(store))
        _, cent_s, cent_mb = measure(lambda: analysis.centrality(g, 20))
        _, comm_s, comm_mb = measure(lambda: analysis.co_acting_communities(g, seed=0))
    result = {"events": events, "nodes": g.number_of_nodes(), "edges": g.number_of_edges(),
              "load_graph": {"seconds": load_s, "peak_mb": load_mb},
              "centrality": {"seconds": cent_s, "peak_mb": cent_mb},
              "communities": {"seconds": comm_s, "peak_mb": comm_mb}}
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "analysis.json").write_text(json.dumps(result, indent=1))
    print(json.dumps(result, indent=1))
    return result


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000)
