"""Canned-query latency (p50/p95 of ``queries.run``) on graphs of growing size, both stores.

The graph is written with aigov's writer from :func:`bench.corpus.extractions` (4 events per
article, Zipf-skewed actors, ~15 % re-reported facts). Each query runs with its declared
defaults (which name real entities of the vocabulary: Malaysia, Grok...), once to warm the
plan cache, then ``reps`` times. Baseline in the same call: ``RETURN 1`` through the same
store API, so ``p50_over_trivial`` is the query's cost in round trips.
"""

from __future__ import annotations

import time

from bench import log, percentile, ratio, table

TARGET_P95_MS = 100.0


def latencies(fn, reps: int, budget_s: float) -> tuple[list[float], object]:
    """Warm up once, then up to ``reps`` timed runs; stop once ``budget_s`` is spent (a query
    slower than the budget is timed once: its warm-up run counts)."""
    t = time.perf_counter()
    first = fn()  # warm-up: plan cache, page cache
    warm = (time.perf_counter() - t) * 1000
    if warm > budget_s * 1000:
        return [warm], first
    out = []
    start = time.perf_counter()
    for _ in range(reps):
        t = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t) * 1000)
        if time.perf_counter() - start > budget_s:
            break
    return out, first


def run_queries(
    store, store_name: str, events: int, reps: int, budget_s: float = 8.0, order: dict[str, float] | None = None
) -> list[dict]:
    """``order``: p50 per query on a smaller graph; the slowest run last, so a query that
    ties up the store (the embedded server answers one query at a time) cannot time out the
    others. After the store is lost, the remaining queries are reported as skipped."""
    import queries

    trivial, _ = latencies(lambda: store.read("RETURN 1 AS one"), reps * 2, budget_s)
    t50 = percentile(trivial, 50)
    rows = [
        {
            "store": store_name,
            "events": events,
            "query": "(RETURN 1)",
            "rows": 1,
            "runs": len(trivial),
            "p50_ms": round(t50, 2),
            "p95_ms": round(percentile(trivial, 95), 2),
            "p50_over_trivial": 1.0,
        }
    ]
    from graph.errors import AigovError, StoreUnavailable

    qs = queries.all_queries()
    if order:
        qs.sort(key=lambda q: order.get(q.name) or 0.0)
    lost = None
    for q in qs:
        if lost:
            rows.append(
                {
                    "store": store_name,
                    "events": events,
                    "query": q.name,
                    "rows": None,
                    "runs": 0,
                    "p50_ms": None,
                    "p95_ms": None,
                    "p50_over_trivial": None,
                    "error": f"skipped: the store was lost during {lost}",
                }
            )
            continue
        try:
            lat, frame = latencies(lambda q=q: queries.run(store, q.name), reps, budget_s)
        except AigovError as exc:  # e.g. Neo4j's transaction memory limit on a big graph
            log(f"{store_name}@{events}: {q.name} failed: {exc}")
            rows.append(
                {
                    "store": store_name,
                    "events": events,
                    "query": q.name,
                    "rows": None,
                    "runs": 0,
                    "p50_ms": None,
                    "p95_ms": None,
                    "p50_over_trivial": None,
                    "error": str(exc)[:200],
                }
            )
            if isinstance(exc, StoreUnavailable):  # the connection is gone with it
                lost = q.name
            continue
        n_rows = len(frame)
        rows.append(
            {
                "store": store_name,
                "events": events,
                "query": q.name,
                "rows": n_rows,
                "runs": len(lat),
                "p50_ms": round(percentile(lat, 50), 2),
                "p95_ms": round(percentile(lat, 95), 2),
                "p50_over_trivial": ratio(percentile(lat, 50), t50),
            }
        )
    return rows


def build(store, extractions, batch_size: int) -> dict:
    store.ensure_schema()
    t = time.perf_counter()
    summary = store.write(extractions, extractor="bench", batch_size=batch_size)
    dt = time.perf_counter() - t
    ev = sum(len(x.events) for x in extractions)
    counts = store.counts()
    return {
        "articles": summary.added,
        "events_reported": ev,
        "seconds": round(dt, 1),
        "events_per_s": round(ev / dt, 1),
        "Event_nodes": counts["labels"].get("Event", 0),
        "Entity_nodes": counts["labels"].get("Entity", 0),
        "relationships": sum(counts["relationships"].values()),
    }


def summarise(rows: list[dict]) -> dict:
    """Per store and size: worst p95 and whether every query is under the target."""
    out: dict = {}
    for r in rows:
        if r["query"].startswith("("):
            continue
        key = f"{r['store']}@{r['events']}"
        s = out.setdefault(key, {"worst_p95_ms": 0.0, "worst_query": None, "over_100ms": [], "failed": []})
        if r.get("error"):
            s["failed"].append(r["query"])
            continue
        if r["p95_ms"] > s["worst_p95_ms"]:
            s["worst_p95_ms"], s["worst_query"] = r["p95_ms"], r["query"]
        if r["p95_ms"] >= TARGET_P95_MS:
            s["over_100ms"].append(r["query"])
    return out


def print_rows(rows: list[dict]) -> None:
    sizes = sorted({r["events"] for r in rows})
    stores = sorted({r["store"] for r in rows})
    wide = []
    for q in dict.fromkeys(r["query"] for r in rows):
        row = {"query": q}
        for s in stores:
            for n in sizes:
                m = next((r for r in rows if r["query"] == q and r["store"] == s and r["events"] == n), None)
                if m:
                    row[f"{s} {n // 1000}k p50"] = m["p50_ms"] if not m.get("error") else "FAILED"
                    row[f"{s} {n // 1000}k p95"] = m["p95_ms"] if not m.get("error") else "FAILED"
        wide.append(row)
    print(table("Canned queries, latency in ms (p50 / p95)", wide))
    log("queries done")
