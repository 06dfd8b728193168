"""What aigov remembers of the feeds it follows and the pages it read: a SQLite file in the
aigov home (``<home>/feeds.sqlite3``).

Three tables:

* ``feeds``: each followed feed (name, language), its validators (ETag, Last-Modified and the
  URL they belong to), the last fetch and its status, consecutive failures, when to poll it
  next and why (``schedule``, ``backoff`` after failures, ``retry-after`` when the server asked),
  and ``gone_at`` once it answered 404 or 410 (then it is no longer polled).
* ``entries``: each entry of a feed met so far, under its key (its GUID, else its link, else a
  hash of its text), with the fingerprint of what the feed said of it, its state (``stored``,
  ``summary``, ``failed``, ``pending``), the article it became and, for ``pending`` entries
  (over a poll's cap), what is needed to read it on a later poll even when the feed then
  answers 304.
* ``pages``: each URL read (as asked, as finally served, canonical: one row each) with the
  article it gave and its validators, so a page met again in another feed, or given again to
  ``aigov ingest``, is not fetched or coded again.

The file is in WAL mode and every change of a poll is one transaction, committed only after
the graph store has the articles it records: a poll killed at any point (``kill -9``) leaves
the previous state, and the next poll redoes the unfinished part (the store skips what it
already has). ``synchronous=NORMAL`` is durable against a killed process; only a power cut may
lose the last polls, which are then redone.

Examples
--------
>>> import tempfile, pathlib
>>> book = FeedBook(pathlib.Path(tempfile.mkdtemp()))
>>> book.add("https://example.org/rss", name="Example", language="fr").name
'Example'
>>> [f.url for f in book.feeds()]
['https://example.org/rss']
>>> book.close()
"""

from __future__ import annotations

import datetime as dt
import logging
import sqlite3
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator, Sequence

from graph.errors import AigovError, InputError
from graph.locks import held

__all__ = [
    "FeedBook",
    "Feed",
    "EntryState",
    "PageState",
    "FeedStateError",
    "DB_NAME",
    "validate_feed_url",
    "epoch_to_iso",
]

DB_NAME = "feeds.sqlite3"
SCHEMA_VERSION = 1
log = logging.getLogger("aigov.feeds")

_SCHEMA = """
CREATE TABLE IF NOT EXISTS feeds (
    url TEXT PRIMARY KEY,
    name TEXT,
    language TEXT,
    added_at TEXT NOT NULL,
    etag TEXT,
    last_modified TEXT,
    validators_url TEXT,
    last_fetch TEXT,
    last_status TEXT,
    last_error TEXT,
    failures INTEGER NOT NULL DEFAULT 0,
    next_poll REAL,
    wait_reason TEXT,
    gone_at TEXT
);
CREATE TABLE IF NOT EXISTS entries (
    feed TEXT NOT NULL REFERENCES feeds(url) ON DELETE CASCADE,
    key TEXT NOT NULL,
    link TEXT,
    fingerprint TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('stored', 'summary', 'failed', 'pending')),
    article TEXT,
    error TEXT,
    retry INTEGER NOT NULL DEFAULT 0,
    attempts INTEGER NOT NULL DEFAULT 0,
    first_seen TEXT NOT NULL,
    last_seen TEXT NOT NULL,
    position INTEGER,
    guid TEXT,
    title TEXT,
    text TEXT,
    published TEXT,
    language TEXT,
    PRIMARY KEY (feed, key)
);
CREATE INDEX IF NOT EXISTS entries_pending ON entries(feed, state);
CREATE TABLE IF NOT EXISTS pages (
    url TEXT PRIMARY KEY,
    article TEXT,
    etag TEXT,
    last_modified TEXT,
    validators_url TEXT,
    fetched_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS pages_article ON pages(article);
"""


class FeedStateError(AigovError):
    """The feed state file cannot be opened or written."""


def _now_iso() -> str:
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z")


@dataclass(frozen=True)
class Feed:
    url: str
    name: str | None
    language: str | None
    added_at: str
    etag: str | None = None
    last_modified: str | None = None
    validators_url: str | None = None
    last_fetch: str | None = None
    last_status: str | None = None
    last_error: str | None = None
    failures: int = 0
    next_poll: float | None = None
    wait_reason: str | None = None
    gone_at: str | None = None
    entries: int = 0
    stored: int = 0

    @property
    def label(self) -> str:
        return self.name or self.url


@dataclass(frozen=True)
class EntryState:
    key: str
    link: str | None
    fingerprint: str
    state: str
    article: str | None
    retry: bool
    attempts: int
    guid: str | None = None
    title: str | None = None
    text: str | None = None
    published: str | None = None
    language: str | None = None
    position: int | None = None


@dataclass(frozen=True)
class PageState:
    url: str
    article: str | None
    etag: str | None
    last_modified: str | None
    validators_url: str | None


class FeedBook:
    """The feed state of one aigov home (see the module docstring). One thread uses it."""

    def __init__(self, home: Path):
        self.home = Path(home)
        self.path = self.home / DB_NAME
        try:
            self.home.mkdir(parents=True, exist_ok=True, mode=0o700)
            self.db = sqlite3.connect(self.path, timeout=60, isolation_level=None)
            self.db.row_factory = sqlite3.Row
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=NORMAL")
            self.db.execute("PRAGMA foreign_keys=ON")
            version = self.db.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:
                raise FeedStateError(
                    f"{self.path} was written by a newer aigov (feed state version "
                    f"{version}); upgrade aigov to use it"
                )
            with self.transaction():
                for statement in _SCHEMA.split(";"):
                    if statement.strip():
                        self.db.execute(statement)
                self.db.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
            self.path.chmod(0o600)
        except sqlite3.DatabaseError as exc:
            raise FeedStateError(f"cannot open the feed state {self.path}: {exc}") from exc
        except OSError as exc:
            raise FeedStateError(f"cannot open the feed state {self.path}: {exc.strerror or exc}") from exc

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> "FeedBook":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One atomic change (BEGIN IMMEDIATE ... COMMIT, rolled back on any error)."""
        try:
            self.db.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise FeedStateError(f"the feed state {self.path} is busy or not writable: {exc}") from exc
        try:
            yield self.db
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        else:
            try:
                self.db.execute("COMMIT")
            except sqlite3.DatabaseError as exc:
                self.db.execute("ROLLBACK")
                raise FeedStateError(f"cannot write the feed state {self.path}: {exc}") from exc

    @contextmanager
    def polling(self, waiting_message: str | None = None) -> Iterator[None]:
        """Hold the home's poll lock: two polls (a ``watch`` and a ``feeds update``) of one
        home take turns instead of fetching the same entries twice."""
        lock = self.home / "feeds.lock"
        with open(lock, "a+b") as fh, held(fh, waiting_message, log):
            yield

    # -- feeds ---------------------------------------------------------------------------------
    def add(self, url: str, *, name: str | None = None, language: str | None = None) -> Feed:
        """Follow a feed (or update its name and language; a gone feed is followed again)."""
        with self.transaction() as db:
            row = db.execute("SELECT url FROM feeds WHERE url = ?", (url,)).fetchone()
            if row is None:
                db.execute(
                    "INSERT INTO feeds (url, name, language, added_at) VALUES (?, ?, ?, ?)",
                    (url, name, language, _now_iso()),
                )
            else:
                db.execute(
                    "UPDATE feeds SET name = coalesce(?, name), language = coalesce(?, language), "
                    "gone_at = NULL, failures = 0, next_poll = NULL, wait_reason = NULL "
                    "WHERE url = ?",
                    (name, language, url),
                )
        return self.get(url)  # type: ignore[return-value]

    def remove(self, url: str) -> bool:
        with self.transaction() as db:
            return db.execute("DELETE FROM feeds WHERE url = ?", (url,)).rowcount > 0

    def get(self, url: str) -> Feed | None:
        rows = self._feeds("WHERE f.url = ?", (url,))
        return rows[0] if rows else None

    def feeds(self) -> list[Feed]:
        return self._feeds("", ())

    def _feeds(self, where: str, params: tuple) -> list[Feed]:
        rows = self.db.execute(
            "SELECT f.*, (SELECT count(*) FROM entries e WHERE e.feed = f.url) AS entries, "
            "(SELECT count(*) FROM entries e WHERE e.feed = f.url AND e.state IN ('stored', 'summary')) AS stored "
            f"FROM feeds f {where} ORDER BY f.rowid",
            params,
        ).fetchall()
        return [Feed(**{k: r[k] for k in r.keys()}) for r in rows]

    def record_fetch(self, url: str, **changes) -> None:
        """Update a feed's row (last fetch, status, validators, next poll...) on its own."""
        with self.transaction() as db:
            self._update_feed(db, url, changes)

    @staticmethod
    def _update_feed(db: sqlite3.Connection, url: str, changes: dict) -> None:
        if not changes:
            return
        allowed = {
            "etag",
            "last_modified",
            "validators_url",
            "last_fetch",
            "last_status",
            "last_error",
            "failures",
            "next_poll",
            "wait_reason",
            "gone_at",
        }
        unknown = set(changes) - allowed
        if unknown:
            raise ValueError(f"unknown feed columns {sorted(unknown)}")
        columns = sorted(changes)
        db.execute(
            f"UPDATE feeds SET {', '.join(f'{c} = ?' for c in columns)} WHERE url = ?",
            [changes[c] for c in columns] + [url],
        )

    # -- entries -------------------------------------------------------------------------------
    def entry_states(self, feed: str, keys: Sequence[str]) -> dict[str, EntryState]:
        out: dict[str, EntryState] = {}
        for start in range(0, len(keys), 500):
            chunk = list(keys[start : start + 500])
            marks = ",".join("?" * len(chunk))
            for r in self.db.execute(f"SELECT * FROM entries WHERE feed = ? AND key IN ({marks})", [feed, *chunk]):
                out[r["key"]] = _entry_state(r)
        return out

    def pending(self, feed: str) -> list[EntryState]:
        """Entries of ``feed`` waiting for a poll (over an earlier poll's cap, or failed with a
        reason to try again), in the order the feed listed them."""
        rows = self.db.execute(
            "SELECT * FROM entries WHERE feed = ? AND (state = 'pending' OR "
            "(state = 'failed' AND retry = 1)) ORDER BY position, first_seen",
            (feed,),
        ).fetchall()
        return [_entry_state(r) for r in rows]

    # -- pages ---------------------------------------------------------------------------------
    def pages(self, urls: Iterable[str]) -> dict[str, PageState]:
        urls = list(dict.fromkeys(urls))
        out: dict[str, PageState] = {}
        for start in range(0, len(urls), 500):
            chunk = urls[start : start + 500]
            marks = ",".join("?" * len(chunk))
            for r in self.db.execute(f"SELECT * FROM pages WHERE url IN ({marks})", chunk):
                out[r["url"]] = PageState(
                    r["url"], r["article"], r["etag"], r["last_modified"], r["validators_url"]
                )
        return out

    def known_articles(self, ids: Iterable[str]) -> set[str]:
        ids = list(dict.fromkeys(i for i in ids if i))
        out: set[str] = set()
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ",".join("?" * len(chunk))
            out.update(
                r[0]
                for r in self.db.execute(f"SELECT DISTINCT article FROM pages WHERE article IN ({marks})", chunk)
            )
            out.update(
                r[0]
                for r in self.db.execute(f"SELECT DISTINCT article FROM entries WHERE article IN ({marks})", chunk)
            )
        return out

    # -- one poll's changes, atomically ----------------------------------------------------------
    def commit(
        self,
        *,
        feed: str | None = None,
        feed_changes: dict | None = None,
        entries: Sequence[dict] = (),
        pages: Sequence[dict] = (),
    ) -> None:
        """Record one feed's poll (or one ingested URL): the feed's row, its entries and the
        pages read, in one transaction. Call it once the store holds the articles."""
        now = _now_iso()
        with self.transaction() as db:
            if feed is not None and feed_changes:
                if db.execute("SELECT 1 FROM feeds WHERE url = ?", (feed,)).fetchone() is None:
                    return  # removed while it was polled: nothing to record
                self._update_feed(db, feed, feed_changes)
            for e in entries:
                db.execute(
                    "INSERT INTO entries (feed, key, link, fingerprint, state, article, error, retry, attempts, "
                    "first_seen, last_seen, position, guid, title, text, published, language) "
                    "VALUES (:feed, :key, :link, :fingerprint, :state, :article, :error, :retry, :attempts, "
                    ":now, :now, :position, :guid, :title, :text, :published, :language) "
                    "ON CONFLICT (feed, key) DO UPDATE SET link = excluded.link, "
                    "fingerprint = excluded.fingerprint, "
                    "state = excluded.state, article = coalesce(excluded.article, entries.article), "
                    "error = excluded.error, retry = excluded.retry, attempts = excluded.attempts, "
                    "last_seen = excluded.last_seen, position = excluded.position, guid = excluded.guid, "
                    "title = excluded.title, text = excluded.text, published = excluded.published, "
                    "language = excluded.language",
                    {
                        "feed": e["feed"],
                        "key": e["key"],
                        "link": e.get("link"),
                        "fingerprint": e["fingerprint"],
                        "state": e["state"],
                        "article": e.get("article"),
                        "error": e.get("error"),
                        "retry": int(bool(e.get("retry"))),
                        "attempts": e.get("attempts", 0),
                        "now": now,
                        "position": e.get("position"),
                        "guid": e.get("guid"),
                        "title": e.get("title"),
                        "text": e.get("text"),
                        "published": e.get("published"),
                        "language": e.get("language"),
                    },
                )
            for p in pages:
                db.execute(
                    "INSERT INTO pages (url, article, etag, last_modified, validators_url, fetched_at) "
                    "VALUES (:url, :article, :etag, :last_modified, :validators_url, :now) "
                    "ON CONFLICT (url) DO UPDATE SET article = coalesce(excluded.article, pages.article), "
                    "etag = coalesce(excluded.etag, pages.etag), "
                    "last_modified = coalesce(excluded.last_modified, pages.last_modified), "
                    "validators_url = coalesce(excluded.validators_url, pages.validators_url), "
                    "fetched_at = excluded.fetched_at",
                    {
                        "url": p["url"],
                        "article": p.get("article"),
                        "etag": p.get("etag"),
                        "last_modified": p.get("last_modified"),
                        "validators_url": p.get("validators_url"),
                        "now": now,
                    },
                )

    def integrity(self) -> str:
        return self.db.execute("PRAGMA integrity_check").fetchone()[0]


def _entry_state(r: sqlite3.Row) -> EntryState:
    return EntryState(
        r["key"],
        r["link"],
        r["fingerprint"],
        r["state"],
        r["article"],
        bool(r["retry"]),
        r["attempts"],
        r["guid"],
        r["title"],
        r["text"],
        r["published"],
        r["language"],
        r["position"],
    )


def validate_feed_url(url: str) -> str:
    """A followed feed's URL: http(s) with a host, kept as given (minus surrounding spaces)."""
    from loaders.fetch import is_url

    url = url.strip()
    if not is_url(url):
        raise InputError(
            url or "''", "not an http(s) URL (a feed is followed by its address, e.g. https://example.org/rss.xml)"
        )
    return url


def epoch_to_iso(value: float | None) -> str | None:
    if value is None:
        return None
    stamp = dt.datetime.fromtimestamp(value, dt.timezone.utc).replace(microsecond=0)
    return stamp.isoformat().replace("+00:00", "Z")
