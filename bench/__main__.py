"""``python -m bench [--quick] [--only extract,embedded,neo4j,queries,rdf,feeds,ingest] [--profile]``

Runs the benchmarks, prints one table per figure and writes ``bench/results/<name>.json``
(``--quick`` writes ``<name>.quick.json``). Neo4j: one managed server in a temporary folder on
ports 7690/7477, always stopped in a ``finally``. See ``bench/README.md``.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

from bench import RESULTS, corpus, growth_exponent, log, neo4j_server, ratio, save, table
from graph.errors import AigovError
from graph.store import DEFAULT_BATCH_SIZE

PARTS = ("extract", "embedded", "neo4j", "queries", "rdf", "feeds", "ingest")
SUPER_LINEAR = 1.15  # growth exponent above which a cost is flagged super-linear


def _embedded(home: Path):
    from graph.embedded import EmbeddedStore

    return EmbeddedStore(home)


def _order(rows: list[dict], store: str) -> dict[str, float]:
    """p50 per query on the last graph measured for ``store`` (slowest queries run last next time)."""
    mine = [r for r in rows if r["store"] == store]
    if not mine:
        return {}
    last = max(r["events"] for r in mine)
    return {
        r["query"]: (r["p50_ms"] if r["p50_ms"] is not None else float("inf")) for r in mine if r["events"] == last
    }


def _steps(points: list[tuple]) -> list[tuple]:
    """Each step of the size ladder: (smaller point, bigger point, growth exponent); a point is
    (size, cost, ...) and the points are sorted by size."""
    return [(a, b, growth_exponent(a[0], a[1], b[0], b[1])) for a, b in zip(points, points[1:])]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="small sizes (< 3 minutes)")
    ap.add_argument("--only", default=",".join(PARTS), help=f"comma-separated subset of {','.join(PARTS)}")
    ap.add_argument("--profile", action="store_true", help="pyinstrument profiles of missed targets (to /tmp)")
    ap.add_argument("--sizes", default=None, help="query/RDF graph sizes in events, e.g. 10000,100000")
    ap.add_argument(
        "--neo4j-memory",
        default=None,
        metavar="HEAP,PAGECACHE",
        help="memory of the benchmark's Neo4j, e.g. 2g,2g (default: the managed server's 1g,512m)",
    )
    args = ap.parse_args(argv)
    parts = set(args.only.split(","))
    suffix = ".quick" if args.quick else ""
    t0 = time.perf_counter()
    sizes = (
        [int(s) for s in args.sizes.split(",")] if args.sizes else ([400, 4000] if args.quick else [10000, 100000])
    )
    reps = 3 if args.quick else 10
    summary: dict = {"mode": "quick" if args.quick else "full", "targets": {}, "growth": {}}

    if "extract" in parts:
        from bench import bench_extract

        res = bench_extract.run(args.quick)
        save("extraction" + suffix, res)
        summary["targets"]["extraction >= 200 articles/s/core"] = res["target"]
        summary["growth"]["extraction"] = res["growth"]
        if args.profile and not res["target"]["met"]:
            out = Path(tempfile.gettempdir()) / "aigov-bench-profile-extract.txt"
            bench_extract.profile(out=out)
            log(f"profile written to {out}")

    if "feeds" in parts:
        from bench import bench_feeds

        res = bench_feeds.run(args.quick)
        save("feeds" + suffix, res)
        target = "feeds: a second poll of unchanged feeds makes only conditional requests and writes nothing"
        summary["targets"][target] = {
            **{k: v for k, v in res["checks"].items()},
            "met": all(res["checks"].values()),
        }

    if "ingest" in parts:
        from bench import bench_ingest

        res = bench_ingest.run(args.quick)
        save("ingest" + suffix, res)
        summary["growth"]["ingest peak RSS, 10x the articles"] = res["rss_growth"]

    from bench import bench_write

    if "embedded" in parts:
        homes: list[Path] = []

        def fresh():
            homes.append(Path(tempfile.mkdtemp(prefix="aigov-bench-emb-")))
            return _embedded(homes[-1])

        try:
            res = bench_write.run_embedded(fresh, corpus.extractions, args.quick)
        finally:
            for h in homes:
                shutil.rmtree(h, ignore_errors=True)
        save("embedded_writes" + suffix, res)

    query_rows: list[dict] = []
    builds: list[dict] = []
    if "neo4j" in parts or "queries" in parts:
        from graph.neo4j_store import Neo4jStore

        memory = {}
        if args.neo4j_memory:
            heap, pagecache = args.neo4j_memory.split(",")
            memory = {"heap_max": heap, "pagecache": pagecache}
        summary["neo4j_memory"] = memory or {"heap_max": "1g", "pagecache": "512m"}
        with neo4j_server(**memory) as server:
            user, password = server.credentials()
            store = Neo4jStore(server.bolt_uri, user, password)
            driver = server.driver()
            try:
                # warm-up (JIT, first plan of the write statement): not measured
                store.ensure_schema()
                store.write(corpus.extractions(100, seed=99), extractor="warm-up")
                bench_write.clear_neo4j(driver)
                if "neo4j" in parts:
                    res = bench_write.run_neo4j(store, driver, corpus.extractions, args.quick)
                    save("neo4j_writes" + suffix, res)
                    summary["targets"].update({f"neo4j: {k}": v for k, v in res["targets"].items()})
                    summary["neo4j_best_batch"] = res["best_batch"]
                if "queries" in parts:
                    from bench import bench_queries

                    for n in sizes:
                        bench_write.clear_neo4j(driver)
                        log(f"neo4j: building a graph of {n} events")
                        b = bench_queries.build(store, corpus.extractions(n // 4, seed=51), DEFAULT_BATCH_SIZE)
                        builds.append({"store": "neo4j", "events": n, **b})
                        log(f"neo4j: built {b}")
                        query_rows += bench_queries.run_queries(
                            store, "neo4j", n, reps, order=_order(query_rows, "neo4j")
                        )
                        # what was measured so far survives a failure later in a long run
                        save("queries" + suffix + ".partial", {"rows": query_rows, "builds": builds})
            finally:
                store.close()
                driver.close()

    rdf_rows: list[dict] = []
    if "queries" in parts or "rdf" in parts:
        from bench import bench_export, bench_queries

        for n in sizes:
            home = Path(tempfile.mkdtemp(prefix="aigov-bench-q-"))
            try:
                try:
                    with _embedded(home) as store:
                        log(f"embedded: building a graph of {n} events")
                        b = bench_queries.build(store, corpus.extractions(n // 4, seed=51), DEFAULT_BATCH_SIZE)
                        builds.append({"store": "embedded", "events": n, **b})
                        log(f"embedded: built {b}")
                        if "queries" in parts:
                            query_rows += bench_queries.run_queries(
                                store, "embedded", n, reps, order=_order(query_rows, "embedded")
                            )
                            save("queries" + suffix + ".partial", {"rows": query_rows, "builds": builds})
                except AigovError as exc:  # one size failing must not lose the others
                    log(f"embedded@{n}: {exc}")
                    builds.append({"store": "embedded", "events": n, "error": str(exc)[:300]})
                    continue
                if "rdf" in parts and bench_export.available():
                    # the rdflib baseline (turtle) only on the smallest graph, and never above 20k
                    # events: ~7 GB and 6 min at 100k, tens of GB at 1M
                    baseline = n == min(sizes) and n <= 20000
                    rdf_rows += bench_export.run_on(home, n, ("nt", "turtle") if baseline else ("nt",))
            finally:
                shutil.rmtree(home, ignore_errors=True)

    if builds:
        print(table(f"Graph builds with aigov's writer (batch {DEFAULT_BATCH_SIZE} articles)", builds))
    if query_rows:
        from bench import bench_queries

        bench_queries.print_rows(query_rows)
        qs = bench_queries.summarise(query_rows)
        growth_q = []
        for st in sorted({r["store"] for r in query_rows}):
            for q in dict.fromkeys(r["query"] for r in query_rows):
                pts = sorted(
                    (r["events"], r["p50_ms"])
                    for r in query_rows
                    if r["store"] == st and r["query"] == q and r["p50_ms"] is not None
                )
                for (n1, t1), (n2, t2), k in _steps(pts):
                    growth_q.append(
                        {
                            "store": st,
                            "query": q,
                            "events": f"{n1 // 1000}k -> {n2 // 1000}k",
                            "p50_small_ms": t1,
                            "p50_big_ms": t2,
                            "x_slower": ratio(t2, t1),
                            "exponent": k,
                            "super_linear": bool(k and k > SUPER_LINEAR),
                        }
                    )
        print(table("Query growth per step of the size ladder (p50)", growth_q))
        n4 = qs.get("neo4j@100000")  # the target's size, whatever else the run measured
        if n4:
            summary["targets"]["neo4j: canned queries p95 < 100 ms at 100k events"] = {
                "measured_worst_p95_ms": n4["worst_p95_ms"],
                "worst_query": n4["worst_query"],
                "over": n4["over_100ms"],
                "failed": n4["failed"],
                "met": not n4["over_100ms"] and not n4["failed"],
            }
        summary["growth"]["queries"] = growth_q
        save(
            "queries" + suffix,
            {
                "sizes": sizes,
                "reps": reps,
                "neo4j_memory": summary.get("neo4j_memory"),
                "rows": query_rows,
                "summary": qs,
                "growth": growth_q,
                "builds": builds,
            },
        )
        (RESULTS / f"queries{suffix}.partial.json").unlink(missing_ok=True)
    if builds:
        growth_w = []
        for st in sorted({b["store"] for b in builds}):
            pts = sorted(
                (b["events_reported"], b["seconds"], b["events_per_s"])
                for b in builds
                if b["store"] == st and "error" not in b
            )
            for a, b, k in _steps(pts):
                growth_w.append(
                    {
                        "store": st,
                        "events": [a[0], b[0]],
                        "events_per_s": [a[2], b[2]],
                        "exponent": k,
                        "super_linear": bool(k and k > SUPER_LINEAR),
                    }
                )
        print(table("Write growth per step of the size ladder", growth_w))
        summary["growth"]["writes"] = growth_w
        save("builds" + suffix, {"builds": builds, "growth": growth_w})
    if rdf_rows:
        print(
            table(
                "RDF export (colleague's bench/bench_rdf.py, child process per export)",
                rdf_rows,
                [
                    "events",
                    "format",
                    "statements",
                    "seconds",
                    "statements_per_s",
                    "cpu_seconds",
                    "statements_per_cpu_s",
                    "peak_rss_mb",
                    "speed_vs_nt",
                    "streamed",
                    "error",
                ],
            )
        )
        nts = sorted(
            (r for r in rdf_rows if r.get("format") == "nt" and "error" not in r), key=lambda r: r["events"]
        )
        if nts:
            top = nts[-1]
            flat = len(nts) < 2 or nts[-1]["peak_rss_mb"] < 1.3 * nts[0]["peak_rss_mb"]
            summary["targets"]["rdf: streaming N-Triples >= 300k triples/s, flat memory"] = {
                "measured_triples_per_s": top["statements_per_s"],
                "measured_triples_per_exporter_cpu_s": top.get("statements_per_cpu_s"),
                "peak_rss_mb": [r["peak_rss_mb"] for r in nts],
                "flat_memory": flat,
                # the exporter's own CPU: the store serves the reads from another process
                "met": (top.get("statements_per_cpu_s") or 0) >= 300_000 and flat,
            }
            if len(nts) >= 2:
                summary["growth"]["rdf_nt"] = {
                    "events": [nts[0]["events"], nts[-1]["events"]],
                    "statements_per_s": [nts[0]["statements_per_s"], nts[-1]["statements_per_s"]],
                    "exponent": growth_exponent(
                        nts[0]["statements"], nts[0]["seconds"], nts[-1]["statements"], nts[-1]["seconds"]
                    ),
                    "peak_rss_mb": [nts[0]["peak_rss_mb"], nts[-1]["peak_rss_mb"]],
                }
        save("rdf" + suffix, {"rows": rdf_rows})

    summary["elapsed_s"] = round(time.perf_counter() - t0, 1)
    if "neo4j" not in parts and (RESULTS / f"neo4j_writes{suffix}.json").is_file():
        # a partial run: keep the Neo4j write targets of the last full measurement
        nw = json.loads((RESULTS / f"neo4j_writes{suffix}.json").read_text())
        for k, v in nw.get("targets", {}).items():
            summary["targets"].setdefault(f"neo4j: {k}", v)
        summary.setdefault("neo4j_best_batch", nw.get("best_batch"))
    previous = RESULTS / f"summary{suffix}.json"
    if parts != set(PARTS) and previous.is_file():  # a partial run updates the last summary
        old = json.loads(previous.read_text())
        old.get("targets", {}).update(summary["targets"])
        old.get("growth", {}).update(summary["growth"])
        summary = {
            **old,
            **{k: v for k, v in summary.items() if k not in ("targets", "growth")},
            "targets": old.get("targets", summary["targets"]),
            "growth": old.get("growth", summary["growth"]),
        }
    print(
        table(
            "Targets",
            [
                {"target": k, "met": v.get("met"), "measured": {kk: vv for kk, vv in v.items() if kk != "met"}}
                for k, v in summary["targets"].items()
            ],
            ["target", "met", "measured"],
        )
    )
    save("summary" + suffix, summary)
    log(f"done in {summary['elapsed_s']} s; results in {RESULTS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
