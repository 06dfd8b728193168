"""Following feeds and ingesting URLs: fetch, read, code, hand to the store, remember.

A *round* (one ``aigov feeds update``, one turn of ``aigov watch``, one ``aigov ingest URL...``)
goes through the same steps for every source:

1. **fetch** the feeds (or the URLs) in threads, conditionally when their validators are known
   (:mod:`loaders.fetch`: robots.txt, per-host limits, timeouts, caps, retries);
2. **plan** each feed's entries against what :class:`loaders.feedstate.FeedBook` remembers: an
   entry met before with the same fingerprint is unchanged and not fetched; an entry whose link
   (or the canonical URL of a page already read) is known is not fetched; an entry the feed
   changed is fetched again, conditionally; at most ``max_new`` entries a feed are fetched per
   round and the rest wait as ``pending`` (a 10,000-entry feed is read over several rounds);
3. **fetch the pages** of the planned entries, all feeds together, in threads;
4. **read** each page into an article (:func:`loaders.web.page_article`); a page that cannot be
   fetched or read gives the feed's own text of the entry instead (noted, not a failure);
5. skip articles whose **text** is known (same article id: stored from another URL, a file, or
   unchanged behind a new URL) -- they are not coded again;
6. **code** the rest (in ``jobs`` processes: :mod:`loaders.parallel`);
7. **write** each source's extractions through the ``sink`` (the graph store: a page whose
   text changed replaces its older version by URL, as file ingest does), then **commit** that
   source's state (validators, entries, pages) in one SQLite transaction.

Nothing here knows a store exists: the caller passes a :class:`Sink`. Because the state is
committed only after the sink returned, a round killed anywhere is redone by the next round
from where the state stands (the store skips articles it already has).

Feeds that answered 404 or 410 are marked gone and no longer polled; a 429 or 503 whose
``Retry-After`` is too long to wait sets the feed's next poll to that time; other failures back
off (the poll interval doubled per consecutive failure, at most a day).
"""

from __future__ import annotations

import logging
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from typing import Any, Callable, Protocol, Sequence, cast

from graph.errors import InputError
from graph.model import Article, Extraction
from loaders.feedstate import EntryState, Feed, FeedBook, epoch_to_iso
from loaders.fetch import FetchError, Fetcher, Response, Validators, normalise_url
from loaders.web import Entry, classify, feed_links, page_article, parse_feed, summary_article

__all__ = [
    "Poller",
    "Sink",
    "SourceReport",
    "RoundReport",
    "watch",
    "parse_interval",
    "DEFAULT_EVERY",
    "DEFAULT_MAX_NEW",
    "MAX_ATTEMPTS",
]

log = logging.getLogger("aigov.feeds")

#: Seconds between two polls of a feed (``watch --every``; ``feeds update`` schedules with it).
DEFAULT_EVERY = 15 * 60
#: Entries of one feed fetched in one round; the rest wait for the next rounds.
DEFAULT_MAX_NEW = 200
#: Tries of an entry page that fails for a reason that may pass (timeouts, 5xx).
MAX_ATTEMPTS = 3
#: Longest backoff of a failing feed.
MAX_BACKOFF = 24 * 3600

FEED_ACCEPT = (
    "application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, "
    "application/xml;q=0.8, text/xml;q=0.8, */*;q=0.1"
)
PAGE_ACCEPT = "text/html, application/xhtml+xml;q=0.9, text/plain;q=0.5, */*;q=0.1"
ANY_ACCEPT = (
    "text/html, application/xhtml+xml;q=0.9, application/rss+xml;q=0.9, "
    "application/atom+xml;q=0.9, application/xml;q=0.8, text/xml;q=0.8, */*;q=0.1"
)


def parse_interval(text: str) -> float:
    """Seconds from ``90s``, ``15m``, ``1h``, ``1d`` (a bare number is seconds).

    >>> parse_interval("15m"), parse_interval("1h"), parse_interval("45"), parse_interval("1.5h")
    (900.0, 3600.0, 45.0, 5400.0)
    """
    import re

    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*(s|sec|m|min|h|d)?\s*", str(text).lower())
    if not m:
        raise InputError("--every", f"{text!r} is not an interval (e.g. 90s, 15m, 1h, 1d)")
    value = float(m.group(1)) * {None: 1, "s": 1, "sec": 1, "m": 60, "min": 60, "h": 3600, "d": 86400}[m.group(2)]
    if value <= 0:
        raise InputError("--every", f"{text!r} must be longer than 0 s")
    return value


class Sink(Protocol):
    """Where articles go (the graph store): what it knows, and a write that reports."""

    def known(self, article_ids: Sequence[str]) -> set[str]:
        """The ids among these that are stored already."""

    def write(self, extractions: Sequence[Extraction]) -> Any:
        """Write; return a summary with ``errors`` (``"source: not stored: ..."`` lines)."""


@dataclass
class SourceReport:
    """What one feed (or one URL given to ``ingest``) gave in a round."""

    url: str
    name: str | None = None
    kind: str = "feed"
    #: ok, not modified, failed, gone, waiting
    status: str = "ok"
    new: int = 0
    replaced: int = 0
    unchanged: int = 0
    failed: int = 0
    summaries: int = 0
    pending: int = 0
    events: int = 0
    requests: int = 0
    errors: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    #: False for a feed this round left alone (gone, or waiting for its next poll)
    polled: bool = True

    @property
    def label(self) -> str:
        return self.name or self.url

    def to_dict(self) -> dict[str, Any]:
        return {
            "url": self.url,
            "name": self.name,
            "kind": self.kind,
            "status": self.status,
            "new": self.new,
            "replaced": self.replaced,
            "unchanged": self.unchanged,
            "failed": self.failed,
            "from_summary": self.summaries,
            "pending": self.pending,
            "events": self.events,
            "polled": self.polled,
            "errors": list(self.errors),
            "notes": list(self.notes),
        }


@dataclass
class RoundReport:
    """One round: a report per source, the time split and the HTTP counts."""

    sources: list[SourceReport] = field(default_factory=list)
    fetch_s: float = 0.0
    #: reading pages (HTML to text) plus coding articles
    extract_s: float = 0.0
    read_s: float = 0.0
    code_s: float = 0.0
    write_s: float = 0.0
    http: dict[str, int] = field(default_factory=dict)
    #: articles handed to the store (0 on a round where nothing changed)
    written: int = 0
    coded: int = 0

    @property
    def errors(self) -> list[str]:
        return [e for s in self.sources for e in s.errors]

    @property
    def ok(self) -> bool:
        return not self.errors

    def totals(self) -> dict[str, int]:
        keys = ("new", "replaced", "unchanged", "failed", "summaries", "pending", "events")
        return {k: sum(getattr(s, k) for s in self.sources) for k in keys}

    def to_dict(self) -> dict[str, Any]:
        totals = self.totals()
        totals["from_summary"] = totals.pop("summaries")
        return {
            "sources": [s.to_dict() for s in self.sources],
            "totals": totals,
            "errors": len(self.errors),
            "written": self.written,
            "coded": self.coded,
            "seconds": {
                "fetch": round(self.fetch_s, 3),
                "extract": round(self.extract_s, 3),
                "read": round(self.read_s, 3),
                "code": round(self.code_s, 3),
                "write": round(self.write_s, 3),
            },
            "http": dict(self.http),
        }


# ----------------------------------------------------------------------------------------------
# the work of a round


@dataclass
class _Page:
    """One page to read in this round (an entry's page, or a URL given to ingest)."""

    group: "_Group"
    url: str | None
    entry: Entry | None = None
    key: str | None = None
    previous: str | None = None
    validators: Validators | None = None
    attempts: int = 0
    response: Response | None = None
    error: InputError | None = None
    article: Article | None = None
    from_summary: bool = False
    extraction: Extraction | None = None
    outcome: str | None = None
    retry: bool = False
    note: str | None = None
    leader: "_Page | None" = None

    @property
    def source(self) -> str:
        if self.url:
            return self.url
        position = self.entry.position if self.entry else 0
        return f"{self.group.report.url}#{position}"


@dataclass
class _Group:
    """A source of this round: a followed feed, or one URL given to ingest."""

    report: SourceReport
    feed: Feed | None = None
    language: str | None = None
    pages: list[_Page] = field(default_factory=list)
    feed_changes: dict[str, Any] = field(default_factory=dict)
    entry_rows: list[dict[str, Any]] = field(default_factory=list)
    page_rows: list[dict[str, Any]] = field(default_factory=list)


def _entry_row(feed: str, key: str, entry: Entry | EntryState, state: str, **extra: Any) -> dict[str, Any]:
    text = entry.text if state == "pending" or extra.get("retry") else None
    return {
        "feed": feed,
        "key": key,
        "link": entry.link,
        "fingerprint": entry.fingerprint,
        "state": state,
        "position": entry.position,
        "guid": entry.guid,
        "title": entry.title,
        "text": text,
        "published": entry.published,
        "language": entry.language,
        **extra,
    }


def _entry_from_state(st: EntryState) -> Entry:
    return Entry(
        st.guid, st.link, st.title, st.text or "", st.published, st.language, st.fingerprint, st.position or 0
    )


def _entry_keys(entries: Sequence[Entry]) -> tuple[list[tuple[str, Entry]], int]:
    """Each entry's key: its GUID when no other entry of the feed has it, else its link, else
    a hash of what the feed says; an entry repeated whole (same key) is read once."""
    guids = Counter(e.guid for e in entries if e.guid)
    out: list[tuple[str, Entry]] = []
    seen: set[str] = set()
    repeated = 0
    for e in entries:
        if e.guid and guids[e.guid] == 1:
            key = "guid:" + e.guid
        elif e.link:
            key = "link:" + normalise_url(e.link)
        else:
            key = "text:" + e.fingerprint
        if key in seen:
            repeated += 1
            continue
        seen.add(key)
        out.append((key, e))
    return out, repeated


def _backoff(failures: int, every: float) -> float:
    return min(every * 2 ** max(0, failures - 1), MAX_BACKOFF)


# worker-side functions (module level: they run in spawned processes with --jobs)


def _read_job(job: tuple) -> tuple:
    """(body, content type, charset, source, final url, language, entry, summary source) ->
    ("article", Article, from_summary, problem) or ("error", source, problem)."""
    body, content_type, charset, source, final_url, language, entry, summary_source, fetch_problem = job
    problem = fetch_problem
    if body is not None:
        try:
            article = page_article(
                body,
                content_type=content_type,
                charset=charset,
                source=source,
                final_url=final_url,
                language=language,
            )
            return ("article", article, False, None)
        except InputError as exc:
            problem = exc.problem
        except Exception as exc:  # noqa: BLE001 - one page never stops a round
            problem = f"could not be read ({type(exc).__name__}: {exc})"
    if entry is not None and entry.text:
        try:
            return ("article", summary_article(entry, source=summary_source, language=language), True, problem)
        except InputError as exc:
            return ("error", summary_source, exc.problem)
    if problem is None:
        return ("error", source, "the feed entry has no link and no text")
    return ("error", source, problem)


def _code_job(article: Article):
    from loaders.parallel import code_one

    return code_one(article)


class Poller:
    """Runs rounds over a :class:`FeedBook`'s feeds (:meth:`poll`) or over URLs (:meth:`ingest`).

    ``progress(stage, done, total)`` is called as work advances (stages: feeds, pages, read,
    code, write); ``jobs`` processes read and code (1: this process).
    """

    def __init__(
        self,
        book: FeedBook,
        fetcher: Fetcher,
        sink: Sink,
        *,
        jobs: int = 1,
        max_new: int = DEFAULT_MAX_NEW,
        every: float = DEFAULT_EVERY,
        progress: Callable[[str, int, int], None] | None = None,
        clock: Callable[[], float] = time.time,
    ):
        self.book = book
        self.fetcher = fetcher
        self.sink = sink
        self.jobs = jobs
        self.max_new = max_new
        self.every = every
        self.progress = progress or (lambda stage, done, total: None)
        self.clock = clock
        #: the report of the round in progress (complete once the round returns)
        self.report = RoundReport()

    # -- public --------------------------------------------------------------------------------
    def poll(
        self, urls: Sequence[str] | None = None, *, force: bool = False, due_only: bool = False
    ) -> RoundReport:
        """Poll the followed feeds (``urls``: only these, whatever their state).

        Gone feeds are skipped, and so are feeds waiting after failures or on a server's
        ``Retry-After`` (``force`` polls them all); ``due_only`` (``watch``) also skips feeds
        whose next scheduled poll has not come.
        """
        with self.book.polling("another aigov is polling the feeds of this home; waiting for it"):
            return self._poll(urls, force, due_only)

    def ingest(self, urls: Sequence[str]) -> RoundReport:
        """Read URLs once: a page is one article; a feed gives its entries' pages."""
        with self.book.polling("another aigov is polling the feeds of this home; waiting for it"):
            return self._ingest(urls)

    def seconds_to_next_poll(self, cap: float) -> float:
        """How long until the next feed is due (at most ``cap``, at least 1 s)."""
        now = self.clock()
        due = [f.next_poll for f in self.book.feeds() if not f.gone_at and f.next_poll is not None]
        if any(not f.gone_at and f.next_poll is None for f in self.book.feeds()):
            return 1.0
        if not due:
            return cap
        return max(1.0, min(cap, min(due) - now))

    # -- rounds --------------------------------------------------------------------------------
    def _poll(self, urls: Sequence[str] | None, force: bool, due_only: bool) -> RoundReport:
        self.report = report = RoundReport()
        stats0 = self.fetcher.stats.to_dict()
        now = self.clock()
        feeds = self.book.feeds()
        if urls:
            by_url = {f.url: f for f in feeds}
            missing = [u for u in urls if u not in by_url]
            if missing:
                raise InputError(
                    missing[0], "not a followed feed (see `aigov feeds list`; add it with `aigov feeds add URL`)"
                )
            feeds = [by_url[u] for u in dict.fromkeys(urls)]
        todo: list[Feed] = []
        for feed in feeds:
            rep = SourceReport(feed.url, feed.name, polled=False)
            report.sources.append(rep)
            if not urls and not force:
                if feed.gone_at:
                    rep.status = "gone"
                    rep.notes.append(
                        f"gone since {feed.gone_at} ({feed.last_error or feed.last_status}); "
                        f"not polled (`aigov feeds add {feed.url}` follows it again)"
                    )
                    continue
                waiting = (
                    feed.next_poll is not None
                    and feed.next_poll > now
                    and (due_only or feed.wait_reason in ("backoff", "retry-after"))
                )
                if waiting:
                    rep.status = "waiting"
                    why = {
                        "backoff": f"after {feed.failures} failed poll(s)",
                        "retry-after": "as the server asked (Retry-After)",
                    }.get(feed.wait_reason or "", "")
                    rep.notes.append(
                        f"next poll at {epoch_to_iso(feed.next_poll)}"
                        + (f" {why}" if why else "")
                        + ("" if due_only else "; --force polls it now")
                    )
                    continue
            rep.polled = True
            todo.append(feed)
        groups: list[_Group] = []
        t0 = time.perf_counter()
        fetched = self._fetch_all(
            [(f.url, self._feed_validators(f), FEED_ACCEPT, self.fetcher.policy.max_feed_bytes) for f in todo],
            "feeds",
        )
        reports = {r.url: r for r in report.sources}
        for feed, outcome in zip(todo, fetched):
            group = _Group(reports[feed.url], feed=feed, language=feed.language)
            self._plan_feed(group, outcome, now)
            groups.append(group)
        report.fetch_s += time.perf_counter() - t0
        self._run(groups, report)
        report.http = _delta(self.fetcher.stats.to_dict(), stats0)
        return report

    def _ingest(self, urls: Sequence[str]) -> RoundReport:
        self.report = report = RoundReport()
        stats0 = self.fetcher.stats.to_dict()
        urls = list(dict.fromkeys(urls))
        known = self.book.pages(normalise_url(u) for u in urls)
        t0 = time.perf_counter()
        jobs = []
        for u in urls:
            page = known.get(normalise_url(u))
            validators = (
                Validators(page.validators_url or u, page.etag, page.last_modified)
                if page and (page.etag or page.last_modified)
                else None
            )
            jobs.append((u, validators, ANY_ACCEPT, self.fetcher.policy.max_feed_bytes))
        fetched = self._fetch_all(jobs, "urls")
        groups = []
        for u, outcome in zip(urls, fetched):
            group = _Group(SourceReport(u, kind="page"))
            report.sources.append(group.report)
            groups.append(group)
            previous = known.get(normalise_url(u))
            self._plan_url(group, outcome, previous.article if previous else None)
        report.fetch_s += time.perf_counter() - t0
        self._run(groups, report)
        report.http = _delta(self.fetcher.stats.to_dict(), stats0)
        return report

    # -- step 1: fetch ---------------------------------------------------------------------------
    def _fetch_all(self, jobs: list[tuple], stage: str) -> list:
        """Fetch in threads; one Response or FetchError (or parsed feed) per job, in order."""
        out: list[Any] = [None] * len(jobs)
        if not jobs:
            return out
        done = 0
        self.progress(stage, 0, len(jobs))
        workers = max(1, min(self.fetcher.policy.concurrency, len(jobs)))
        with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="aigov-fetch") as pool:
            futures = {pool.submit(self._fetch_one, *job): i for i, job in enumerate(jobs)}
            for fut in as_completed(futures):
                out[futures[fut]] = fut.result()
                done += 1
                self.progress(stage, done, len(jobs))
        return out

    def _fetch_one(self, url: str, validators: Validators | None, accept: str, max_bytes: int):
        try:
            resp = self.fetcher.fetch(url, validators=validators, accept=accept, max_bytes=max_bytes)
        except FetchError as exc:
            return exc
        except Exception as exc:  # noqa: BLE001 - a bug in one fetch must not stop the round
            return FetchError(url, f"could not be fetched ({type(exc).__name__}: {exc})")
        if resp.not_modified or accept == PAGE_ACCEPT:
            return resp
        kind = classify(resp.headers.get("content-type", ""), resp.body)
        if kind == "feed":
            try:
                return resp, parse_feed(resp.body, url)
            except InputError as exc:
                return exc
            except Exception as exc:  # noqa: BLE001
                return InputError(url, f"could not be read as a feed ({type(exc).__name__}: {exc})")
        return resp

    @staticmethod
    def _feed_validators(feed: Feed) -> Validators | None:
        if feed.etag or feed.last_modified:
            return Validators(feed.validators_url or feed.url, feed.etag, feed.last_modified)
        return None

    # -- step 2: plan ----------------------------------------------------------------------------
    def _plan_feed(self, group: _Group, outcome: Any, now: float) -> None:
        feed, rep = group.feed, group.report
        assert feed is not None
        stamp = epoch_to_iso(now)
        if isinstance(outcome, InputError):
            self._feed_failed(group, outcome, now)
            return
        if isinstance(outcome, Response) and not outcome.not_modified:
            kind = classify(outcome.headers.get("content-type", ""), outcome.body)
            if kind == "html":
                links = [u for u in feed_links(outcome.body, outcome.final_url) if u != feed.url]
                hint = (
                    (
                        f"; the page names the feed{'s' if len(links) > 1 else ''} "
                        + ", ".join(links[:3])
                        + " (follow it with `aigov feeds add URL`)"
                    )
                    if links
                    else ""
                )
                problem = (
                    f"an HTML page ({outcome.content_type or 'no content type'}), not an RSS or Atom feed{hint}"
                )
            else:
                problem = f"not an RSS or Atom feed (content type {outcome.content_type or 'unknown'!r})"
            self._feed_failed(group, InputError(feed.url, problem), now, requests=outcome.requests)
            return
        group.feed_changes.update(
            last_fetch=stamp,
            last_error=None,
            failures=0,
            gone_at=None,
            next_poll=now + self.every,
            wait_reason="schedule",
        )
        keyed: list[tuple[str, Entry]] = []
        if isinstance(outcome, Response):  # 304
            rep.status = "not modified"
            rep.requests += outcome.requests
            group.feed_changes["last_status"] = "304 Not Modified"
        else:
            resp, doc = outcome
            rep.requests += resp.requests
            group.feed_changes.update(
                last_status=_status_text(resp.status),
                etag=resp.headers.get("etag"),
                last_modified=resp.headers.get("last-modified"),
                validators_url=resp.final_url,
            )
            if not doc.entries:
                rep.notes.append("the feed has no entries")
            keyed, repeated = _entry_keys(doc.entries)
            if repeated:
                rep.notes.append(
                    f"{repeated} entr{'y repeats' if repeated == 1 else 'ies repeat'} another "
                    "(same GUID and link): read once"
                )
            dup_guids = sum(1 for c in Counter(e.guid for e in doc.entries if e.guid).values() if c > 1)
            if dup_guids:
                rep.notes.append(
                    f"{dup_guids} GUID{'s are' if dup_guids > 1 else ' is'} shared by several "
                    "entries: those entries are told apart by their links"
                )
        states = self.book.entry_states(feed.url, [k for k, _ in keyed])
        pages = self.book.pages(normalise_url(e.link) for _, e in keyed if e.link)
        candidates: list[tuple[str, Entry, EntryState | None]] = []
        in_doc = set()
        for key, entry in keyed:
            in_doc.add(key)
            st = states.get(key)
            if (
                st is not None
                and st.fingerprint == entry.fingerprint
                and st.state != "pending"
                and not (st.retry and st.attempts < MAX_ATTEMPTS)
            ):
                rep.unchanged += 1
                continue
            page = pages.get(normalise_url(entry.link)) if entry.link else None
            if st is None and page is not None and page.article:
                # read before: through another feed, or given to ingest
                rep.unchanged += 1
                group.entry_rows.append(_entry_row(feed.url, key, entry, "stored", article=page.article))
                continue
            candidates.append((key, entry, st))
        for st in self.book.pending(feed.url):
            if st.key not in in_doc and not (st.state == "failed" and st.attempts >= MAX_ATTEMPTS):
                candidates.append((st.key, _entry_from_state(st), st))
        known = self.book.pages(normalise_url(e.link) for _, e, _ in candidates if e.link)
        for n, (key, entry, st) in enumerate(candidates):
            if n >= self.max_new:
                group.entry_rows.append(
                    _entry_row(feed.url, key, entry, "pending", attempts=st.attempts if st else 0)
                )
                rep.pending += 1
                continue
            page = known.get(normalise_url(entry.link)) if entry.link else None
            previous = (st.article if st else None) or (page.article if page else None)
            validators = (
                Validators(page.validators_url or entry.link or "", page.etag, page.last_modified)
                if page and (page.etag or page.last_modified) and previous
                else None
            )
            group.pages.append(
                _Page(
                    group,
                    entry.link,
                    entry=entry,
                    key=key,
                    previous=previous,
                    validators=validators,
                    attempts=st.attempts if st else 0,
                )
            )
        if rep.pending:
            rep.notes.append(
                f"{rep.pending} entries wait for the next polls (at most {self.max_new} "
                "a feed per poll: --max-new)"
            )

    def _feed_failed(self, group: _Group, exc: InputError, now: float, requests: int = 1) -> None:
        feed, rep = group.feed, group.report
        assert feed is not None
        rep.status = "failed"
        rep.requests += getattr(exc, "requests", requests)
        failures = feed.failures + 1
        changes: dict[str, Any] = {
            "last_fetch": epoch_to_iso(now),
            "last_error": exc.problem,
            "failures": failures,
        }
        status = getattr(exc, "status", None)
        changes["last_status"] = _status_text(status) if status else "error"
        message = str(exc)
        if isinstance(exc, FetchError) and exc.gone:
            rep.status = "gone"
            changes["gone_at"] = epoch_to_iso(now)
            message += (
                f"; the feed is marked gone and no longer polled (`aigov feeds add {feed.url}` follows it again)"
            )
        elif isinstance(exc, FetchError) and exc.retry_at:
            changes.update(next_poll=exc.retry_at, wait_reason="retry-after")
            message += f"; next poll at {epoch_to_iso(exc.retry_at)}"
        else:
            wait = _backoff(failures, self.every)
            changes.update(next_poll=now + wait, wait_reason="backoff")
        group.feed_changes.update(changes)
        rep.errors.append(message)

    def _plan_url(self, group: _Group, outcome: Any, previous: str | None) -> None:
        rep = group.report
        if isinstance(outcome, InputError):
            rep.status = "failed"
            rep.failed += 1
            rep.requests += getattr(outcome, "requests", 1)
            rep.errors.append(str(outcome))
            return
        if isinstance(outcome, tuple):  # a feed: its entries' pages
            resp, doc = outcome
            rep.kind = "feed"
            rep.requests += resp.requests
            keyed, _ = _entry_keys(doc.entries)
            if not keyed:
                rep.status = "failed"
                rep.failed += 1
                rep.errors.append(f"{rep.url}: feed has no entries")
                return
            pages = self.book.pages(normalise_url(e.link) for _, e in keyed if e.link)
            for key, entry in keyed:
                page = pages.get(normalise_url(entry.link)) if entry.link else None
                if page is not None and page.article:
                    rep.unchanged += 1
                    continue
                group.pages.append(_Page(group, entry.link, entry=entry, key=key))
            return
        rep.requests += outcome.requests
        group.pages.append(_Page(group, rep.url, previous=previous, response=outcome))

    # -- steps 3-7 -------------------------------------------------------------------------------
    def _run(self, groups: list[_Group], report: RoundReport) -> None:
        from loaders.parallel import Workers

        pages = [p for g in groups for p in g.pages]
        # 3. fetch the pages (once per URL in this round)
        t0 = time.perf_counter()
        leaders: dict[str, _Page] = {}
        to_fetch: list[_Page] = []
        for p in pages:
            if p.response is not None or not p.url:
                continue
            key = normalise_url(p.url)
            if key in leaders:
                p.leader = leaders[key]
                continue
            leaders[key] = p
            to_fetch.append(p)
        fetched = self._fetch_all(
            [(p.url, p.validators, PAGE_ACCEPT, self.fetcher.policy.max_bytes) for p in to_fetch], "pages"
        )
        for p, outcome in zip(to_fetch, fetched):
            if isinstance(outcome, InputError):
                p.error = outcome
            else:
                p.response = outcome
            p.group.report.requests += getattr(outcome, "requests", 1)
        for p in pages:
            if p.leader is not None:
                p.response, p.error = p.leader.response, p.leader.error
        report.fetch_s += time.perf_counter() - t0

        t0 = time.perf_counter()
        with Workers(self.jobs) as workers:
            # 4. read
            to_read = []
            for p in pages:
                if p.response is not None and p.response.not_modified:
                    p.outcome = "unchanged"
                    p.article = None
                    continue
                to_read.append(p)
            jobs = []
            for p in to_read:
                language = p.group.language or (p.entry.language if p.entry else None)
                resp = p.response
                jobs.append(
                    (
                        resp.body if resp else None,
                        resp.headers.get("content-type", "") if resp else "",
                        resp.charset if resp else None,
                        p.url or p.source,
                        resp.final_url if resp else None,
                        language,
                        p.entry,
                        p.source,
                        p.error.problem if p.error else None,
                    )
                )
            self.progress("read", 0, len(jobs))
            for n, (p, result) in enumerate(zip(to_read, workers.map(_read_job, jobs, chunk=4)), 1):
                if result[0] == "article":
                    _, p.article, p.from_summary, problem = result
                    if p.from_summary and p.url:
                        p.note = (
                            f"{p.url}: page not read ({problem}); the feed's text of the entry is stored instead"
                        )
                        p.retry = p.error is not None and not getattr(p.error, "permanent", True)
                else:
                    p.outcome = "failed"
                    same = p.error and p.error.problem == result[2]
                    p.error = p.error if same else InputError(result[1], result[2])
                    p.retry = isinstance(p.error, FetchError) and not p.error.permanent
                self.progress("read", n, len(jobs))
            report.read_s += time.perf_counter() - t0
            # 5. known text is not coded again
            ids = [p.article.id for p in pages if p.article is not None and p.outcome is None]
            known = self.book.known_articles(ids)
            rest = [i for i in dict.fromkeys(ids) if i not in known]
            if rest:
                known |= set(self.sink.known(rest))
            to_code: list[_Page] = []
            coding: set[str] = set()
            for p in pages:
                if p.article is None or p.outcome is not None:
                    continue
                aid = p.article.id
                if aid == p.previous or aid in known or aid in coding:
                    p.outcome = "unchanged"
                    continue
                coding.add(aid)
                to_code.append(p)
            # 6. code
            t1 = time.perf_counter()
            self.progress("code", 0, len(to_code))
            articles = [cast(Article, p.article) for p in to_code]  # every page to code has one
            for n, (p, result) in enumerate(zip(to_code, workers.map(_code_job, articles)), 1):
                if isinstance(result, InputError):
                    p.outcome = "failed"
                    p.error = result
                    p.retry = False
                else:
                    p.extraction = result
                self.progress("code", n, len(to_code))
            report.coded += len(to_code)
            report.code_s += time.perf_counter() - t1
        report.extract_s += time.perf_counter() - t0

        # 7. write and commit, source by source
        self.progress("write", 0, len(groups))
        for n, group in enumerate(groups, 1):
            t0 = time.perf_counter()
            self._write(group, report)
            self._commit(group)
            report.write_s += time.perf_counter() - t0
            self.progress("write", n, len(groups))

    def _write(self, group: _Group, report: RoundReport) -> None:
        todo = [(p, p.extraction) for p in group.pages if p.extraction is not None]
        if not todo:
            return
        summary = self.sink.write([ex for _, ex in todo])
        report.written += len(todo)
        errors = list(getattr(summary, "errors", []) or [])
        for p, ex in todo:
            source = ex.article.source or ""
            mine = [e for e in errors if e.startswith(source + ": ")]
            if mine:
                p.outcome = "failed"
                p.error = InputError(source, mine[0][len(source) + 2 :])
                p.retry = True
            else:
                p.outcome = "replaced" if p.previous and p.previous != ex.article.id else "new"

    def _commit(self, group: _Group) -> None:
        rep = group.report
        feed_url = group.feed.url if group.feed else None
        context = f" (entry of {rep.label})" if group.feed else ""
        for p in group.pages:
            outcome = p.outcome or "failed"
            if outcome in ("new", "replaced"):
                rep.new += 1
                rep.replaced += outcome == "replaced"
                rep.events += len(p.extraction.events) if p.extraction else 0
                if p.from_summary:
                    rep.summaries += 1
            elif outcome == "unchanged":
                rep.unchanged += 1
            else:
                rep.failed += 1
                rep.errors.append(f"{p.error or InputError(p.source, 'failed')}{context}")
            if p.note and outcome != "failed":
                rep.notes.append(p.note)
            article_id = p.article.id if p.article is not None else p.previous
            if outcome == "failed":
                article_id = None
            # the page rows: every URL it is known by, with its validators
            if p.response is not None and p.leader is None and outcome != "failed" and not p.from_summary:
                resp = p.response
                urls = {normalise_url(p.url or resp.url), normalise_url(resp.final_url)}
                if p.article is not None and p.article.url:
                    urls.add(normalise_url(p.article.url))
                for u in urls:
                    row = {"url": u, "article": article_id}
                    if u == normalise_url(p.url or resp.url) and not resp.not_modified:
                        row.update(
                            etag=resp.headers.get("etag"),
                            last_modified=resp.headers.get("last-modified"),
                            validators_url=resp.final_url,
                        )
                    group.page_rows.append(row)
            if feed_url is not None and p.key is not None and p.entry is not None:
                if outcome == "failed":
                    attempts = p.attempts + 1
                    retry = p.retry and attempts < MAX_ATTEMPTS
                    group.entry_rows.append(
                        _entry_row(
                            feed_url,
                            p.key,
                            p.entry,
                            "failed",
                            error=p.error.problem if p.error else None,
                            retry=retry,
                            attempts=attempts,
                        )
                    )
                else:
                    state = "summary" if p.from_summary else "stored"
                    attempts = p.attempts + 1 if p.retry else 0
                    group.entry_rows.append(
                        _entry_row(
                            feed_url,
                            p.key,
                            p.entry,
                            state,
                            article=article_id,
                            retry=p.retry and attempts < MAX_ATTEMPTS,
                            attempts=attempts,
                        )
                    )
        if rep.status == "ok" and rep.failed:
            rep.status = "ok, with failures"
        if group.report.kind == "page" and group.pages:
            p = group.pages[0]
            rep.status = {
                "new": "ok",
                "replaced": "ok",
                "unchanged": "not modified" if p.response is not None and p.response.not_modified else "unchanged",
            }.get(p.outcome or "failed", "failed")
        self.book.commit(
            feed=feed_url, feed_changes=group.feed_changes, entries=group.entry_rows, pages=group.page_rows
        )


def _status_text(status: int) -> str:
    import http.client

    return f"{status} {http.client.responses.get(status, '')}".strip()


def _delta(after: dict[str, int], before: dict[str, int]) -> dict[str, int]:
    return {k: after[k] - before.get(k, 0) for k in after}


def watch(
    poller: Poller,
    *,
    every: float,
    rounds: int | None = None,
    on_round: Callable[[RoundReport], None] | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> bool:
    """Poll the due feeds, wait for the next one to be due, again; ``rounds`` times (None:
    until interrupted). Returns True when every round went without a failure."""
    ok = True
    n = 0
    poller.every = every
    while rounds is None or n < rounds:
        report = poller.poll(due_only=True)
        ok = ok and report.ok
        n += 1
        if on_round:
            on_round(report)
        if rounds is not None and n >= rounds:
            break
        sleep(poller.seconds_to_next_poll(every))
    return ok
