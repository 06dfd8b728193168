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
import itertools
import os
from abc import ABC, abstractmethod
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Sequence, TypeVar, cast

from graph import cypher
from graph.errors import AigovError, InputError, QueryError, StoreError, StoreUnavailable
from graph.guard import check_read
from graph.model import EntityType, EventType, Extraction, date_bounds, direct_pairs, fold

__all__ = [
    "GraphStore",
    "IngestSummary",
    "Planned",
    "write_params",
    "default_home",
    "default_timeout",
    "timed_out",
    "DEFAULT_BATCH_SIZE",
    "DEFAULT_TIMEOUT",
    "DEFAULT_WRITE_TIMEOUT",
    "default_write_timeout",
    "write_timed_out",
]

log = logging.getLogger("aigov.store")

T = TypeVar("T")

#: Articles per write statement. The bench sweep (bench/results/neo4j_writes.json) gave
#: 1,405 / 1,752 events/s on Neo4j at 200 / 1000 articles (2,025 / 2,733 with one map
#: parameter); the embedded store was flat between 200 and 1000.
DEFAULT_BATCH_SIZE = 1000


#: Seconds a read may run before the store stops it (``--timeout``, ``AIGOV_TIMEOUT``).
DEFAULT_TIMEOUT = 600.0


def _seconds_from_env(names: tuple[str, ...], default: float) -> float:
    """A time limit from the first of the environment variables ``names`` that is set, else
    ``default``; a value that is not a number of seconds above 0 is a :class:`StoreError`."""
    for name in names:
        raw = os.environ.get(name)
        if raw:
            try:
                value = float(raw)
            except ValueError:
                value = -1.0
            if not 0 < value < 10**7:
                raise StoreError(f"{name} must be a number of seconds above 0, not {raw!r}")
            return value
    return default


def default_timeout() -> float:
    """The read time limit from ``AIGOV_TIMEOUT`` (or its old name ``AIGOV_EMBEDDED_TIMEOUT``),
    else :data:`DEFAULT_TIMEOUT`.

    >>> import os; os.environ["AIGOV_TIMEOUT"] = "2.5"; default_timeout()
    2.5
    >>> del os.environ["AIGOV_TIMEOUT"]
    """
    return _seconds_from_env(("AIGOV_TIMEOUT", "AIGOV_EMBEDDED_TIMEOUT"), DEFAULT_TIMEOUT)


#: Seconds one write transaction (a batch of articles) may run before the server stops it and
#: rolls it back (``AIGOV_WRITE_TIMEOUT``; Neo4j). A batch of 1,000 articles writes in seconds.
DEFAULT_WRITE_TIMEOUT = 900.0


def default_write_timeout() -> float:
    """The write time limit from ``AIGOV_WRITE_TIMEOUT``, else :data:`DEFAULT_WRITE_TIMEOUT`.

    >>> import os; os.environ["AIGOV_WRITE_TIMEOUT"] = "30"; default_write_timeout()
    30.0
    >>> del os.environ["AIGOV_WRITE_TIMEOUT"]; default_write_timeout()
    900.0
    """
    return _seconds_from_env(("AIGOV_WRITE_TIMEOUT",), DEFAULT_WRITE_TIMEOUT)


def write_timed_out(seconds: float) -> StoreError:
    """The one error of a write the server stopped at its time limit (and rolled back)."""
    return StoreError(
        f"a write did not finish within {seconds:g} s and was stopped; nothing of it "
        "was stored (raise the limit with AIGOV_WRITE_TIMEOUT)"
    )


def timed_out(seconds: float) -> QueryError:
    """The one error of a read the store stopped at its time limit."""
    return QueryError(
        f"the query did not finish within {seconds:g} s and was stopped (raise the "
        "limit with --timeout or AIGOV_TIMEOUT)"
    )


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
        return {
            "read": self.read,
            "added": self.added,
            "unchanged": self.unchanged,
            "replaced": self.replaced,
            "recoded": self.recoded,
            "events": self.events,
            "entities": self.entities,
            "rejected": self.rejected,
            "errors": len(self.errors),
        }


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
        articles.append(
            {
                "id": art.id,
                "props": {
                    "title": art.title,
                    "published": art.published,
                    "language": art.language,
                    "source": art.source,
                    "url": art.url,
                    "extractor": extractor,
                    "ingested_at": now,
                    "events": len(ex.events),
                    "body": art.body,
                },
            }
        )
        for ent in ex.entities:
            row = entities.get(ent.id)
            names = [ent.name, *ent.aliases]
            if row is None:
                row = entities[ent.id] = {
                    "id": ent.id,
                    "name": ent.name,
                    "type": ent.type.value,
                    "wikidata": ent.wikidata,
                    "aliases": [],
                    "keys": [],
                    "seen": art.published,
                }
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
                events[fid] = {
                    "id": fid,
                    "type": ev.type.value,
                    "date": ev.date,
                    "start": start,
                    "end": end,
                    "date_text": ev.date_text,
                    "modality": ev.modality.value,
                    "quote": ev.quote,
                    "detail": ev.detail,
                    "evidence": ev.evidence,
                    "confidence": float(ev.confidence),
                    "seen": now,
                }
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
            reports.append(
                {
                    "article": art.id,
                    "event": fid,
                    "mention_id": ev.id,
                    "evidence": ev.evidence,
                    "evidence_start": ev.evidence_start,
                    "date": ev.date,
                    "date_text": ev.date_text,
                    "quote": ev.quote,
                    "confidence": float(ev.confidence),
                }
            )
            for a, t in direct_pairs(ev.actors, ev.targets):
                direct[(ev.type.value, a, t, fid)] = {
                    "src": a,
                    "dst": t,
                    "event": fid,
                    "date": ev.date,
                    "modality": ev.modality.value,
                    "_type": ev.type.value,
                }
    params: dict[str, Any] = {
        "entities": list(entities.values()),
        "articles": articles,
        "events": list(events.values()),
        "roles": list(roles.values()),
        "reports": reports,
    }
    params.update({k: sorted(v) for k, v in by_type.items()})
    for t in EventType:
        params[cypher.DIRECT_PARAM(t)] = [
            {k: v for k, v in row.items() if k != "_type"} for row in direct.values() if row["_type"] == t.value
        ]
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
    def _run(
        self, query: str, params: dict[str, Any] | None = None, *, write: bool = False
    ) -> list[dict[str, Any]]:
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

    def write(
        self,
        extractions: Iterable[Extraction | InputError],
        *,
        extractor: str,
        batch_size: int = DEFAULT_BATCH_SIZE,
        recode: bool = False,
        progress: Callable[[int], None] | None = None,
        on_error: Callable[[str], None] | None = None,
    ) -> IngestSummary:
        """Write extractions as they come; skip stored ones; replace changed pages; never
        half-write.

        ``extractions`` is any iterable (a generator that reads and codes as it goes): it is
        consumed one batch of ``batch_size`` articles at a time, each batch written before the
        next is read, so memory holds one batch whatever the input's size. An
        :class:`InputError` in it (an input that could not be read) goes to the summary's
        errors, in input order with the errors of writing; ``on_error`` is told each error as
        it happens, and ``progress`` the number of articles of each batch once it is written.

        Each batch is one atomic statement. When a batch fails, its articles are retried one
        at a time so a single bad article is reported and the others are still written. When
        the store is lost or cannot persist a write (:class:`StoreUnavailable`, e.g. a full
        disk), the write stops at once: the exception carries the ``summary`` of the batches
        committed before.
        """
        summary = IngestSummary()
        with self._write_turn():
            self._ensure_schema_once()
            for chunk, _ in _batches(_errors_to(summary, extractions, on_error), batch_size):
                summary.read += len(chunk)
                try:
                    part = self._write_chunk(chunk, extractor, recode)
                except StoreUnavailable as exc:
                    # Every later write would fail the same way: stop here, with one message and
                    # the summary of what was committed before (the batch that failed is not in it).
                    if exc.summary is not None:
                        summary.merge(exc.summary)
                    stopped = type(exc)(
                        f"{exc}; the ingest stopped there (run it again once this "
                        "is fixed: stored articles are skipped)"
                    )
                    stopped.summary = summary
                    raise stopped from exc
                summary.merge(part)
                if on_error:
                    for err in part.errors:
                        on_error(err)
                if progress:
                    progress(len(chunk))
        return summary

    def dry_run(
        self,
        extractions: Iterable[Extraction | InputError],
        *,
        extractor: str,
        batch_size: int = DEFAULT_BATCH_SIZE,
        recode: bool = False,
        on_plan: Callable[[list[Planned]], None] | None = None,
        on_error: Callable[[str], None] | None = None,
    ) -> IngestSummary:
        """What :meth:`write` would do, batch by batch as it would, writing nothing.

        Each batch is planned as if the batches before it had been written (an article met
        again is ``unchanged``, a new text of a page met before replaces it), and given
        to ``on_plan``; the summary counts articles to add, replace and recode and their
        events (``added`` is what would be added).
        """
        summary = IngestSummary()
        earlier = _Earlier()
        for chunk, _ in _batches(_errors_to(summary, extractions, on_error), batch_size):
            summary.read += len(chunk)
            planned = self.plan(chunk, extractor=extractor, recode=recode, earlier=earlier)
            earlier.note(planned, extractor)
            summary.merge(_planned_summary(planned))
            if on_plan:
                on_plan(planned)
        return summary

    def write_batch(self, params: dict[str, Any]) -> None:
        """Write one parameter map of :data:`graph.cypher.WRITE_BATCH` as it is (one atomic
        statement; :func:`copy_store` writes what it read from another store with it)."""
        with self._write_turn():
            self._ensure_schema_once()
            self._run(cypher.WRITE_BATCH, {"batch": params}, write=True)

    # -- internals ------------------------------------------------------------------------
    _schema_checked: bool = False

    def _ensure_schema_once(self) -> None:
        """The schema's one owner: ensured once per opened store, before its first write (an
        open for reading writes nothing: a read-only folder or account still answers)."""
        if not self._schema_checked:
            self.ensure_schema()
            self._schema_checked = True

    @contextmanager
    def _write_turn(self) -> Iterator[None]:
        """Held while this store writes (the embedded store takes its folder's write lock)."""
        yield

    def plan(
        self,
        extractions: Sequence[Extraction],
        *,
        extractor: str,
        recode: bool = False,
        earlier: _Earlier | None = None,
    ) -> list[Planned]:
        """What :meth:`write` would do with each article, without writing anything.

        ``action`` is ``add``, ``unchanged`` (stored already, or met earlier in the same
        input), ``recode`` (stored by another extractor version, with ``recode=True``),
        ``replace`` (a new text of a page whose url is stored under ``replaces``) or
        ``superseded`` (a text of a page that a later article of the same input replaces: the
        input is written as if each article came in its own run, whatever the batching).
        ``earlier``: what earlier batches of a dry run would have written, as if stored.
        """
        seen: set[str] = set()
        ids = [ex.article.id for ex in extractions]
        last_of_url = {ex.article.url: ex.article.id for ex in extractions if ex.article.url}
        stored = (
            {r["id"]: r["extractor"] for r in self._run(cypher.EXISTING_ARTICLES, {"ids": ids})} if ids else {}
        )
        if earlier is not None:
            stored = {i: x for i, x in stored.items() if i not in earlier.deleted}
            stored.update({i: earlier.stored[i] for i in ids if i in earlier.stored})
        urls = sorted({ex.article.url for ex in extractions if ex.article.url and ex.article.id not in stored})
        by_url: dict[str, list[str]] = {}
        for r in self._run(cypher.ARTICLES_BY_URL, {"urls": urls}) if urls else []:
            if earlier is None or r["id"] not in earlier.deleted:
                by_url.setdefault(r["url"], []).append(r["id"])
        if earlier is not None:
            for url in urls:
                by_url.setdefault(url, []).extend(earlier.by_url.get(url, []))
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
                old = [
                    i
                    for i in by_url.get(art.url or "", [])
                    if i not in incoming or (i != art.id and last_of_url.get(art.url or "") == art.id)
                ]
                action = "replace" if old else "add"
            seen.add(art.id)
            out.append(Planned(ex, action, tuple(old)))
        return out

    def _write_chunk(self, chunk: list[Extraction], extractor: str, recode: bool) -> IngestSummary:
        out = IngestSummary()
        todo: list[Extraction] = []
        stale: list[str] = []
        replaced: list[str] = []
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


class _Earlier:
    """What the batches before this one would have written, in a dry run: the articles as if
    stored (id -> extractor), their urls, and the old versions they would have deleted."""

    def __init__(self) -> None:
        self.stored: dict[str, str] = {}
        self.by_url: dict[str, list[str]] = {}
        self.deleted: set[str] = set()

    def note(self, planned: list[Planned], extractor: str) -> None:
        for p in planned:
            if p.action in ("add", "replace", "recode"):
                art = p.extraction.article
                self.stored[art.id] = extractor
                if art.url:
                    self.by_url.setdefault(art.url, []).append(art.id)
            if p.action == "replace":  # the old versions share its url
                self.deleted.update(p.replaces)
                url = p.extraction.article.url or ""
                self.by_url[url] = [i for i in self.by_url.get(url, []) if i not in p.replaces]
                for old in p.replaces:
                    self.stored.pop(old, None)


def _planned_summary(planned: list[Planned]) -> IngestSummary:
    """A dry run's counts for one planned batch."""
    out = IngestSummary()
    for p in planned:
        if p.action == "unchanged":
            out.unchanged += 1
            continue
        if p.action == "superseded":
            out.replaced += 1
            continue
        out.events += len(p.extraction.events)
        if p.action == "add":
            out.added += 1
        elif p.action == "replace":
            out.replaced += 1
        else:
            out.recoded += 1
    return out


def _errors_to(
    summary: IngestSummary, items: Iterable[Extraction | InputError], on_error: Callable[[str], None] | None
) -> Iterator[Extraction]:
    """The extractions of ``items``; its input errors go to ``summary`` (and ``on_error``)."""
    for item in items:
        if isinstance(item, InputError):
            summary.errors.append(str(item))
            if on_error:
                on_error(str(item))
        else:
            yield item


def _batches(items: Iterable[T], size: int) -> Iterator[tuple[list[T], bool]]:
    """``items`` in lists of ``size`` (the last may be shorter), each with whether it is the
    last; one item is read ahead to know.

    >>> [(b, last) for b, last in _batches(range(5), 2)]
    [([0, 1], False), ([2, 3], False), ([4], True)]
    >>> list(_batches([], 2))
    []
    """
    it = iter(items)
    chunk = list(itertools.islice(it, size))
    while chunk:
        ahead = next(it, _END)
        yield chunk, ahead is _END
        if ahead is _END:
            return
        chunk = [cast(T, ahead), *itertools.islice(it, size - 1)]


_END = object()


def iter_rows(rows: Iterable[dict[str, Any]], columns: list[str]) -> Iterable[list[Any]]:
    """Rows as lists in column order (for table output)."""
    for row in rows:
        yield [row.get(c) for c in columns]
