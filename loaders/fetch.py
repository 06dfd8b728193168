"""Polite, bounded HTTP fetching with the standard library (``http.client``).

One :class:`Fetcher` serves a whole run (a ``feeds update``, a ``watch`` round, an ``ingest`` of
URLs) from any number of threads. Every request it makes:

* says who it is (:data:`USER_AGENT`, or ``AIGOV_USER_AGENT`` to add a contact address);
* asks ``robots.txt`` first, once per host and run (RFC 9309: a 4xx ``robots.txt`` allows
  everything, an unreachable one -- 5xx, network error -- forbids the host for this run), and
  honours its ``Crawl-delay``;
* waits its turn: at most :attr:`FetchPolicy.host_concurrency` requests in flight per host, and
  :attr:`FetchPolicy.host_interval` seconds between two request starts to one host;
* is bounded in time: a connect timeout, a timeout for each wait on the socket, and a total
  deadline for the whole response (status line, headers, body), enforced by a watchdog that
  shuts the socket, so a server that trickles one byte a second cannot hold a worker;
* is bounded in size: a ``Content-Length`` over the cap is refused before reading, and a body is
  read (and decompressed: gzip, deflate, brotli) only up to the cap, then the connection closed;
* follows at most :attr:`FetchPolicy.max_redirects` redirects, http and https only, and names a
  loop as a loop;
* is retried with exponential backoff and jitter on 429, 500, 502, 503, 504 and on a connection
  reset, waiting at least what ``Retry-After`` asks (seconds or an HTTP date); a wait longer
  than :attr:`FetchPolicy.max_wait` is not slept: the error carries ``retry_at`` so the caller
  comes back later;
* can be conditional (``If-None-Match`` / ``If-Modified-Since``): a 304 is an empty
  :class:`Response` with ``not_modified`` true.

Every failure is a :class:`FetchError`, an :class:`graph.errors.InputError` whose message
starts with the URL, so the CLI prints it as one line.

Examples
--------
>>> parse_retry_after("120", now=0.0)
120.0
>>> parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT", now=1445412470.0)
10.0
>>> normalise_url("HTTPS://Example.COM:443/a/b?utm_source=x&id=3#top")
'https://example.com/a/b?id=3'
>>> FetchPolicy().host_interval
1.0
"""

from __future__ import annotations

import email.utils
import http.client
import logging
import os
import random
import socket
import ssl
import threading
import time
import urllib.robotparser
import zlib
from dataclasses import dataclass, field, replace
from typing import Any, Callable, Mapping
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

from graph.errors import InputError

__all__ = [
    "Fetcher",
    "FetchPolicy",
    "FetchError",
    "Response",
    "Validators",
    "USER_AGENT",
    "normalise_url",
    "parse_retry_after",
    "is_url",
    "brotli_available",
]

log = logging.getLogger("aigov.fetch")


def _version() -> str:
    try:
        from importlib.metadata import version

        return version("aigov")
    except Exception:  # noqa: BLE001 - not installed (a checkout on PYTHONPATH)
        return "dev"


#: The User-Agent of every request; ``AIGOV_USER_AGENT`` replaces it (add a contact address).
USER_AGENT = f"aigov/{_version()} (+https://w3id.org/aigov/; AI-governance news knowledge graph; reads robots.txt)"
#: The token ``robots.txt`` groups are matched against.
ROBOTS_AGENT = "aigov"

#: Seconds a host's robots.txt is trusted before it is read again (a failure: retried sooner).
ROBOTS_TTL = 24 * 3600.0
ROBOTS_FAILURE_TTL = 300.0

#: Status codes worth another try (after a wait).
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
_CHUNK = 64 * 1024
_TRACKING = ("utm_", "fbclid", "gclid", "mc_cid", "mc_eid", "xtor", "at_medium", "at_campaign")


def brotli_available() -> bool:
    """True when the ``brotli`` package is installed (then ``br`` is accepted)."""
    try:
        import brotli  # noqa: F401
    except ImportError:
        return False
    return True


def is_url(text: str) -> bool:
    """An http(s) URL with a host (what ``aigov ingest`` fetches instead of opening a file).

    >>> is_url("https://example.org/a"), is_url("notes/https.txt"), is_url("https://")
    (True, False, False)
    """
    try:
        parts = urlsplit(text)
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https") and bool(parts.hostname)


def normalise_url(url: str) -> str:
    """The key a URL is known by: lower-case scheme and host, no default port, no fragment,
    no tracking parameters (``utm_*``, ``fbclid``...). Paths and other parameters are kept as
    they are (a site may tell pages apart by them)."""
    try:
        parts = urlsplit(url.strip())
        host = (parts.hostname or "").lower()
        port = parts.port
    except ValueError:
        return url.strip()
    scheme = parts.scheme.lower()
    if port and not ((scheme == "http" and port == 80) or (scheme == "https" and port == 443)):
        host = f"{host}:{port}"
    if ":" in host.split("]")[0] and not host.startswith("["):
        host = f"[{host}]"
    query = urlencode(
        [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not k.lower().startswith(_TRACKING)]
    )
    return urlunsplit((scheme, host, parts.path or "/", query, ""))


def parse_retry_after(value: str | None, *, now: float | None = None) -> float | None:
    """Seconds to wait from a ``Retry-After`` header (delta seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when is None:
        return None
    return max(0.0, when.timestamp() - (time.time() if now is None else now))


@dataclass(frozen=True)
class FetchPolicy:
    """How politely and how far a :class:`Fetcher` goes. Every number is configurable (the
    tests use tenths of a second); :meth:`from_env` reads the ``AIGOV_FETCH_*`` variables."""

    user_agent: str = USER_AGENT
    connect_timeout: float = 10.0
    #: longest wait for the next bytes of a response
    read_timeout: float = 30.0
    #: the whole response, status line to last byte (stops a trickle)
    total_timeout: float = 60.0
    #: an article page (the file limit of ``loaders.read.MAX_BYTES``)
    max_bytes: int = 10 * 1024 * 1024
    #: a feed
    max_feed_bytes: int = 32 * 1024 * 1024
    max_redirects: int = 5
    #: tries after the first one, on 429/5xx and connection resets
    retries: int = 2
    #: first backoff in seconds (doubled at each retry, with jitter)
    backoff: float = 1.0
    #: longest Retry-After slept in line; a longer one fails now and sets ``retry_at``
    max_wait: float = 60.0
    #: seconds between two request starts to one host (robots.txt Crawl-delay may raise it)
    host_interval: float = 1.0
    host_concurrency: int = 2
    #: threads fetching at once, all hosts together
    concurrency: int = 8
    robots: bool = True
    #: longest Crawl-delay honoured (a site asking for more gets this)
    max_crawl_delay: float = 60.0

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None, **overrides: Any) -> "FetchPolicy":
        """Defaults, then ``AIGOV_USER_AGENT``, ``AIGOV_FETCH_TIMEOUT`` (total seconds),
        ``AIGOV_FETCH_CONNECT_TIMEOUT``, ``AIGOV_FETCH_READ_TIMEOUT``, ``AIGOV_FETCH_RETRIES``,
        ``AIGOV_FETCH_BACKOFF``, ``AIGOV_FETCH_MAX_WAIT``, ``AIGOV_FETCH_HOST_INTERVAL``,
        ``AIGOV_FETCH_HOST_CONCURRENCY``, ``AIGOV_FETCH_CONCURRENCY``, ``AIGOV_FETCH_MAX_MB``,
        ``AIGOV_FETCH_MAX_REDIRECTS``; then ``overrides``.

        >>> FetchPolicy.from_env({"AIGOV_FETCH_HOST_INTERVAL": "0.2"}).host_interval
        0.2
        """
        env = os.environ if env is None else env
        numbers = {
            "AIGOV_FETCH_TIMEOUT": ("total_timeout", float),
            "AIGOV_FETCH_CONNECT_TIMEOUT": ("connect_timeout", float),
            "AIGOV_FETCH_READ_TIMEOUT": ("read_timeout", float),
            "AIGOV_FETCH_RETRIES": ("retries", int),
            "AIGOV_FETCH_BACKOFF": ("backoff", float),
            "AIGOV_FETCH_MAX_WAIT": ("max_wait", float),
            "AIGOV_FETCH_HOST_INTERVAL": ("host_interval", float),
            "AIGOV_FETCH_HOST_CONCURRENCY": ("host_concurrency", int),
            "AIGOV_FETCH_CONCURRENCY": ("concurrency", int),
            "AIGOV_FETCH_MAX_REDIRECTS": ("max_redirects", int),
        }
        values: dict = {}
        for name, (attr, kind) in numbers.items():
            raw = env.get(name)
            if raw:
                try:
                    value = kind(raw)
                    if value < 0 or value != value:
                        raise ValueError(raw)
                except ValueError:
                    raise InputError(name, f"must be a number >= 0, not {raw!r}") from None
                values[attr] = value
        if env.get("AIGOV_FETCH_MAX_MB"):
            try:
                values["max_bytes"] = int(float(env["AIGOV_FETCH_MAX_MB"]) * 1024 * 1024)
            except ValueError:
                raise InputError(
                    "AIGOV_FETCH_MAX_MB", f"must be a number, not {env['AIGOV_FETCH_MAX_MB']!r}"
                ) from None
        if env.get("AIGOV_USER_AGENT"):
            values["user_agent"] = env["AIGOV_USER_AGENT"]
        for attr in ("host_concurrency", "concurrency"):
            if values.get(attr) == 0:
                values[attr] = 1
        return replace(cls(**values), **overrides)


@dataclass(frozen=True)
class Validators:
    """What a server said of a resource last time, for a conditional GET of ``url``."""

    url: str
    etag: str | None = None
    last_modified: str | None = None


@dataclass
class Response:
    """A complete response (a 200 read whole, or a 304 with no body)."""

    url: str
    final_url: str
    status: int
    headers: dict[str, str]
    body: bytes = b""
    #: HTTP requests this response took: redirects and retries included, robots.txt not
    requests: int = 1
    conditional: bool = False

    @property
    def not_modified(self) -> bool:
        return self.status == 304

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "").split(";")[0].strip().lower()

    @property
    def charset(self) -> str | None:
        """The ``charset`` parameter of ``Content-Type``, when it names a codec Python knows."""
        import codecs

        for param in self.headers.get("content-type", "").split(";")[1:]:
            key, _, value = param.partition("=")
            if key.strip().lower() == "charset":
                name = value.strip().strip("\"'").lower()
                try:
                    codecs.lookup(name)
                except LookupError:
                    return None
                return name
        return None

    def validators(self) -> Validators:
        return Validators(self.final_url, self.headers.get("etag"), self.headers.get("last-modified"))


class FetchError(InputError):
    """A URL could not be fetched. ``status`` is the HTTP status when there was one;
    ``gone`` is true for 404 and 410; ``retry_at`` (epoch seconds) is set when the server
    asked to come back later; ``permanent`` when trying again soon cannot help."""

    def __init__(
        self,
        url: str,
        problem: str,
        *,
        status: int | None = None,
        retry_at: float | None = None,
        permanent: bool = False,
        requests: int = 1,
    ):
        super().__init__(url, problem)
        self.url = url
        self.status = status
        self.retry_at = retry_at
        self.permanent = permanent
        self.requests = requests

    @property
    def gone(self) -> bool:
        return self.status in (404, 410)


class _Retry(Exception):
    def __init__(self, problem: str, status: int | None, wait: float | None):
        super().__init__(problem)
        self.problem, self.status, self.wait = problem, status, wait


class _HostGate:
    """At most ``concurrency`` requests in flight to one host, starts ``interval`` apart."""

    def __init__(self, concurrency: int, interval: float):
        self.slots = threading.BoundedSemaphore(max(1, concurrency))
        self.interval = interval
        self.lock = threading.Lock()
        self.next_start = 0.0

    def __enter__(self) -> "_HostGate":
        self.slots.acquire()
        with self.lock:
            now = time.monotonic()
            start = max(now, self.next_start)
            self.next_start = start + self.interval
        if start > now:
            time.sleep(start - now)
        return self

    def __exit__(self, *exc: object) -> None:
        self.slots.release()


@dataclass
class FetchStats:
    """What a :class:`Fetcher` did, for reports and the benchmark."""

    requests: int = 0
    conditional: int = 0
    not_modified: int = 0
    retries: int = 0
    robots: int = 0
    bytes: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def add(self, **counts: int) -> None:
        with self.lock:
            for k, v in counts.items():
                setattr(self, k, getattr(self, k) + v)

    def to_dict(self) -> dict[str, int]:
        return {
            k: getattr(self, k) for k in ("requests", "conditional", "not_modified", "retries", "robots", "bytes")
        }


class Fetcher:
    """Fetch URLs politely (see the module docstring); safe to share between threads.

    ``ssl_context``: the TLS settings (default: the system's trust store, verification on;
    ``SSL_CERT_FILE`` adds a CA). ``sleep`` is what waits (tests may pass a recorder).
    """

    def __init__(
        self,
        policy: FetchPolicy | None = None,
        *,
        ssl_context: ssl.SSLContext | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ):
        self.policy = policy or FetchPolicy()
        self.ssl_context = ssl_context or ssl.create_default_context()
        self.sleep = sleep
        self.stats = FetchStats()
        self._gates: dict[str, _HostGate] = {}
        self._robots: dict[str, tuple[float, urllib.robotparser.RobotFileParser | str]] = {}
        self._robots_locks: dict[str, threading.Lock] = {}
        self._lock = threading.Lock()

    # -- public ------------------------------------------------------------------------------
    def fetch(
        self, url: str, *, validators: Validators | None = None, max_bytes: int | None = None, accept: str = "*/*"
    ) -> Response:
        """GET ``url`` (following redirects, retrying what is worth it); raise FetchError."""
        policy = self.policy
        limit = max_bytes or policy.max_bytes
        if not is_url(url):
            raise FetchError(url, "not an http(s) URL", permanent=True)
        seen = [url]
        current = url
        requests = 0
        while True:
            if policy.robots:
                self._check_robots(current, url)
            conditional = (
                validators is not None
                and normalise_url(validators.url) == normalise_url(current)
                and bool(validators.etag or validators.last_modified)
            )
            headers = {
                "User-Agent": policy.user_agent,
                "Accept": accept,
                "Accept-Encoding": "gzip, deflate, br" if brotli_available() else "gzip, deflate",
                "Accept-Language": "fr, en;q=0.9, *;q=0.5",
            }
            if conditional and validators is not None:
                if validators.etag:
                    headers["If-None-Match"] = validators.etag
                if validators.last_modified:
                    headers["If-Modified-Since"] = validators.last_modified
            status, resp_headers, body, tries = self._with_retries(current, headers, limit, url)
            requests += tries
            if conditional:
                self.stats.add(conditional=1)
            if status in REDIRECT_STATUSES:
                location = resp_headers.get("location")
                if not location:
                    raise FetchError(
                        url,
                        f"{status} redirect without a Location header",
                        status=status,
                        permanent=True,
                        requests=requests,
                    )
                target = urljoin(current, location.strip())
                if not is_url(target):
                    raise FetchError(
                        url,
                        f"redirected to {target[:200]!r}, which is not an http(s) URL",
                        status=status,
                        permanent=True,
                        requests=requests,
                    )
                keys = [normalise_url(s) for s in seen]
                if normalise_url(target) in keys:
                    chain = " -> ".join([*seen[keys.index(normalise_url(target)) :], target])
                    raise FetchError(
                        url,
                        f"redirect loop ({_short(chain, 300)})",
                        status=status,
                        permanent=True,
                        requests=requests,
                    )
                if len(seen) > policy.max_redirects:
                    raise FetchError(
                        url,
                        f"too many redirects (more than {policy.max_redirects}; last to {_short(target, 200)})",
                        status=status,
                        permanent=True,
                        requests=requests,
                    )
                seen.append(target)
                current = target
                continue
            if status == 304:
                if not conditional:
                    raise FetchError(
                        url,
                        "304 Not Modified to a request that was not conditional",
                        status=304,
                        requests=requests,
                    )
                self.stats.add(not_modified=1)
                return Response(url, current, 304, resp_headers, b"", requests, True)
            if 200 <= status < 300:
                return Response(url, current, status, resp_headers, body, requests, conditional)
            raise _status_error(url, status, requests, current)

    def robots_allows(self, url: str) -> bool:
        """Whether ``robots.txt`` of the URL's host lets aigov fetch it (fetched once per host)."""
        try:
            self._check_robots(url, url)
        except FetchError:
            return False
        return True

    # -- internals ---------------------------------------------------------------------------
    def _gate(self, url: str) -> _HostGate:
        key = _host_key(url)
        with self._lock:
            gate = self._gates.get(key)
            if gate is None:
                gate = self._gates[key] = _HostGate(self.policy.host_concurrency, self.policy.host_interval)
            return gate

    def _check_robots(self, url: str, asked: str) -> None:
        key = _host_key(url)
        with self._lock:
            lock = self._robots_locks.setdefault(key, threading.Lock())
        with lock:
            cached = self._robots.get(key)
            now = time.monotonic()
            if cached is None or cached[0] < now:
                rules = self._load_robots(url)
                # a long-running watch reads robots.txt again daily; a failure is retried sooner
                ttl = ROBOTS_TTL if not isinstance(rules, str) else ROBOTS_FAILURE_TTL
                self._robots[key] = (now + ttl, rules)
            else:
                rules = cached[1]
        if isinstance(rules, str):  # unreachable: why
            raise FetchError(asked, rules, permanent=False)
        if not rules.can_fetch(ROBOTS_AGENT, url):
            where = "" if url == asked else f" (redirected to {_short(url, 200)})"
            raise FetchError(
                asked, f"robots.txt of {urlsplit(url).netloc} disallows aigov here{where}", permanent=True
            )

    def _load_robots(self, url: str) -> urllib.robotparser.RobotFileParser | str:
        parts = urlsplit(url)
        robots_url = urlunsplit((parts.scheme, parts.netloc, "/robots.txt", "", ""))
        parser = urllib.robotparser.RobotFileParser(robots_url)
        current, hops = robots_url, 0
        while True:
            try:
                status, headers, body, _ = self._with_retries(
                    current,
                    {
                        "User-Agent": self.policy.user_agent,
                        "Accept": "text/plain, */*",
                        "Accept-Encoding": "gzip, deflate",
                    },
                    512 * 1024,
                    robots_url,
                )
            except FetchError as exc:
                self.stats.add(robots=1)
                if exc.status and 400 <= exc.status < 500:  # a 4xx (even a 429 after its retries)
                    if exc.status == 429:
                        return (
                            f"robots.txt answered 429 Too Many Requests: not fetching from "
                            f"{parts.netloc} this time"
                        )
                    parser.allow_all = True  # type: ignore[attr-defined]  # read by can_fetch
                    return parser
                if exc.status is None:  # the host itself cannot be reached (TLS, refused, timeout)
                    return exc.problem.replace(" (redirected to", " (robots.txt, redirected to")
                return (
                    f"robots.txt unreachable ({exc.problem}): not fetching from {parts.netloc} "
                    "this time (RFC 9309)"
                )
            self.stats.add(robots=1)
            if status in REDIRECT_STATUSES and headers.get("location") and hops < 5:
                current, hops = urljoin(current, headers["location"]), hops + 1
                continue
            break
        if 400 <= status < 500:
            parser.allow_all = True  # type: ignore[attr-defined]
        elif status >= 300:
            return f"robots.txt unreachable ({status}): not fetching from {parts.netloc} this time (RFC 9309)"
        else:
            text = body.decode("utf-8", errors="replace")
            parser.parse(text.splitlines())
            delay = _crawl_delay(text)
            if delay:
                gate = self._gate(url)
                gate.interval = max(gate.interval, min(float(delay), self.policy.max_crawl_delay))
        return parser

    def _with_retries(
        self, url: str, headers: dict[str, str], limit: int, asked: str
    ) -> tuple[int, dict[str, str], bytes, int]:
        policy = self.policy
        tries = 0
        while True:
            tries += 1
            try:
                with self._gate(url):
                    return (*self._request(url, headers, limit, asked, tries), tries)
            except _Retry as retry:
                wait = policy.backoff * (2 ** (tries - 1)) * (0.5 + random.random())
                if retry.wait is not None:
                    if retry.wait > policy.max_wait:
                        raise FetchError(
                            asked,
                            f"{retry.problem}; the server asks to wait {retry.wait:.0f} s "
                            f"(more than the {policy.max_wait:g} s waited in line), so "
                            "it is asked again later",
                            status=retry.status,
                            retry_at=time.time() + retry.wait,
                            requests=tries,
                        ) from None
                    wait = max(wait, retry.wait)
                if tries > policy.retries:
                    retry_at = time.time() + retry.wait if retry.wait else None
                    raise FetchError(
                        asked,
                        f"{retry.problem} ({tries} tries)",
                        status=retry.status,
                        retry_at=retry_at,
                        requests=tries,
                    ) from None
                self.stats.add(retries=1)
                log.info(f"{url}: {retry.problem}; retrying in {wait:.1f} s")
                self.sleep(wait)

    def _request(
        self, url: str, headers: dict[str, str], limit: int, asked: str, tries: int
    ) -> tuple[int, dict[str, str], bytes]:
        """One HTTP exchange, bounded in time and size; raises _Retry or FetchError."""
        policy = self.policy
        parts = urlsplit(url)
        path = parts.path or "/"
        if parts.query:
            path += "?" + parts.query
        host = parts.hostname or ""
        if parts.scheme == "https":
            conn: http.client.HTTPConnection = http.client.HTTPSConnection(
                host, parts.port, timeout=policy.connect_timeout, context=self.ssl_context
            )
        else:
            conn = http.client.HTTPConnection(host, parts.port, timeout=policy.connect_timeout)
        expired = threading.Event()
        watchdog = None
        resp = None
        start = time.monotonic()
        received = 0
        self.stats.add(requests=1)
        try:
            try:
                conn.connect()
            except (socket.timeout, TimeoutError):
                raise FetchError(
                    asked, f"no connection within {policy.connect_timeout:g} s{_via(url, asked)}", requests=tries
                ) from None
            sock = conn.sock

            def expire() -> None:
                expired.set()
                try:
                    sock.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass

            watchdog = threading.Timer(policy.total_timeout, expire)
            watchdog.daemon = True
            watchdog.start()
            sock.settimeout(policy.read_timeout)
            conn.putrequest("GET", path, skip_accept_encoding=True)
            for k, v in headers.items():
                conn.putheader(k, v)
            conn.endheaders()
            resp = conn.getresponse()
            status = resp.status
            resp_headers = {k.lower(): v for k, v in resp.getheaders()}
            if status in RETRY_STATUSES:
                resp.close()
                raise _Retry(
                    f"{status} {_reason(resp)}", status, parse_retry_after(resp_headers.get("retry-after"))
                )
            if status != 200 and not 200 <= status < 300:
                resp.close()
                return status, resp_headers, b""
            length = resp_headers.get("content-length", "")
            if length.isdigit() and int(length) > limit:
                raise FetchError(
                    asked,
                    f"the response is {_mb(int(length))} (Content-Length), more than the "
                    f"{_mb(limit)} cap; not read{_via(url, asked)}",
                    status=status,
                    permanent=True,
                    requests=tries,
                )
            decoder = _decoder(resp_headers.get("content-encoding", ""), asked, tries)
            chunks: list[bytes] = []
            size = 0
            while True:
                raw = resp.read1(_CHUNK)
                if not raw:
                    if expired.is_set():
                        raise socket.timeout()
                    if not resp.chunked and resp.length:  # closed before Content-Length was reached
                        raise _Retry(
                            f"the connection closed {resp.length:,} bytes before the end of the body", None, None
                        )
                    break
                received += len(raw)
                data = decoder.feed(raw, limit - size + 1)
                size += len(data)
                chunks.append(data)
                if size > limit:
                    raise FetchError(
                        asked,
                        f"the response is larger than the {_mb(limit)} cap: cut there "
                        f"and not used{_via(url, asked)}",
                        status=status,
                        permanent=True,
                        requests=tries,
                    )
            tail = decoder.finish(limit - size + 1)
            size += len(tail)
            chunks.append(tail)
            if size > limit:
                raise FetchError(
                    asked,
                    f"the response is larger than the {_mb(limit)} cap: cut there and not used{_via(url, asked)}",
                    status=status,
                    permanent=True,
                    requests=tries,
                )
            self.stats.add(bytes=received)
            return status, resp_headers, b"".join(chunks)
        except (socket.timeout, TimeoutError):
            elapsed = time.monotonic() - start
            if expired.is_set():
                raise FetchError(
                    asked,
                    f"the response did not complete within {policy.total_timeout:g} s "
                    f"({received:,} bytes received: the server answers too slowly)"
                    f"{_via(url, asked)}",
                    requests=tries,
                ) from None
            raise FetchError(
                asked,
                f"no answer within {policy.read_timeout:g} s (timeout after "
                f"{elapsed:.1f} s, {received:,} bytes received){_via(url, asked)}",
                requests=tries,
            ) from None
        except ssl.SSLCertVerificationError as exc:
            raise FetchError(
                asked,
                f"TLS error: the server's certificate is not trusted "
                f"({exc.verify_message or exc.reason}){_via(url, asked)}",
                permanent=True,
                requests=tries,
            ) from None
        except ssl.SSLError as exc:
            reason = (exc.reason or str(exc)).replace("_", " ").lower()
            hint = " (is this an https URL of a plain-http server?)" if "wrong version" in reason else ""
            raise FetchError(
                asked, f"TLS error: {reason}{hint}{_via(url, asked)}", permanent=True, requests=tries
            ) from None
        except (
            ConnectionResetError,
            http.client.RemoteDisconnected,
            BrokenPipeError,
            http.client.IncompleteRead,
        ) as exc:
            if expired.is_set():
                raise FetchError(
                    asked,
                    f"the response did not complete within {policy.total_timeout:g} s "
                    f"({received:,} bytes received){_via(url, asked)}",
                    requests=tries,
                ) from None
            raise _Retry(f"connection lost ({_describe_os(exc)})", None, None) from None
        except socket.gaierror as exc:
            raise FetchError(
                asked, f"cannot resolve host {host!r} ({exc.strerror}){_via(url, asked)}", requests=tries
            ) from None
        except ConnectionRefusedError:
            raise FetchError(
                asked, f"connection refused by {parts.netloc}{_via(url, asked)}", requests=tries
            ) from None
        except http.client.HTTPException as exc:
            if expired.is_set():
                raise FetchError(
                    asked,
                    f"the response did not complete within {policy.total_timeout:g} s "
                    f"({received:,} bytes received){_via(url, asked)}",
                    requests=tries,
                ) from None
            raise FetchError(
                asked,
                f"not a valid HTTP response ({type(exc).__name__}: {_short(str(exc), 120)}){_via(url, asked)}",
                requests=tries,
            ) from None
        except OSError as exc:
            if expired.is_set():
                raise FetchError(
                    asked,
                    f"the response did not complete within {policy.total_timeout:g} s "
                    f"({received:,} bytes received){_via(url, asked)}",
                    requests=tries,
                ) from None
            raise FetchError(
                asked, f"network error: {_describe_os(exc)}{_via(url, asked)}", requests=tries
            ) from None
        finally:
            if watchdog is not None:
                watchdog.cancel()
            if resp is not None:
                resp.close()  # the response holds the socket open after conn.close()
            conn.close()


def _crawl_delay(robots: str) -> float | None:
    """The Crawl-delay of the group for aigov (else of ``*``), fractions allowed (the standard
    library's parser reads whole seconds only).

    >>> _crawl_delay("User-agent: *\\nCrawl-delay: 5\\n\\nUser-agent: aigov\\nCrawl-delay: 0.5\\n")
    0.5
    """
    delays: dict[str, float] = {}
    agents: list[str] = []
    in_rules = False
    for raw in robots.splitlines():
        line = raw.split("#", 1)[0].strip()
        if ":" not in line:
            continue
        key, value = (p.strip() for p in line.split(":", 1))
        key = key.lower()
        if key == "user-agent":
            if in_rules:
                agents, in_rules = [], False
            agents.append(value.lower())
        else:
            in_rules = True
            if key == "crawl-delay":
                try:
                    seconds = float(value)
                except ValueError:
                    continue
                for a in agents:
                    delays.setdefault(a, seconds)
    for agent, seconds in delays.items():
        if agent != "*" and agent in ROBOTS_AGENT:
            return seconds
    return delays.get("*")


class _Identity:
    def feed(self, data: bytes, room: int) -> bytes:
        return data

    def finish(self, room: int) -> bytes:
        return b""


class _Zlib:
    """gzip or deflate (zlib-wrapped, or raw as some servers send it), output bounded."""

    def __init__(self, gzip: bool):
        self.gzip = gzip
        self.obj = zlib.decompressobj(16 + zlib.MAX_WBITS if gzip else zlib.MAX_WBITS)
        self.started = False

    def feed(self, data: bytes, room: int) -> bytes:
        if not self.started and not self.gzip:
            self.started = True
            try:
                return self._bounded(data, room)
            except zlib.error:
                self.obj = zlib.decompressobj(-zlib.MAX_WBITS)
        self.started = True
        return self._bounded(data, room)

    def _bounded(self, data: bytes, room: int) -> bytes:
        out = self.obj.decompress(data, max(1, room))
        # more output pending than room: the caller sees the size pass the cap and stops
        return out

    def finish(self, room: int) -> bytes:
        if self.obj.unconsumed_tail:
            return self.obj.decompress(self.obj.unconsumed_tail, max(1, room))
        return self.obj.flush()


class _Brotli:
    def __init__(self) -> None:
        import brotli

        self.obj = brotli.Decompressor()

    def feed(self, data: bytes, room: int) -> bytes:
        return self.obj.process(data, output_buffer_limit=max(1, room))

    def finish(self, room: int) -> bytes:
        if self.obj.can_accept_more_data():
            return b""
        return self.obj.process(b"", output_buffer_limit=max(1, room))


def _decoder(encoding: str, url: str, tries: int):
    enc = encoding.strip().lower()
    if enc in ("", "identity"):
        return _Identity()
    if enc in ("gzip", "x-gzip"):
        return _Zlib(gzip=True)
    if enc == "deflate":
        return _Zlib(gzip=False)
    if enc == "br" and brotli_available():
        return _Brotli()
    raise FetchError(url, f"unsupported Content-Encoding {encoding!r}", permanent=True, requests=tries)


def _status_error(url: str, status: int, requests: int, final: str) -> FetchError:
    reason = http.client.responses.get(status, "")
    via = _via(final, url)
    if status in (404, 410):
        return FetchError(url, f"{status} {reason}{via}", status=status, permanent=True, requests=requests)
    if status in (401, 403):
        return FetchError(
            url, f"{status} {reason}: access refused{via}", status=status, permanent=True, requests=requests
        )
    return FetchError(
        url, f"{status} {reason}{via}".rstrip(), status=status, permanent=400 <= status < 500, requests=requests
    )


def _reason(resp: http.client.HTTPResponse) -> str:
    return resp.reason or http.client.responses.get(resp.status, "")


def _host_key(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme.lower()}://{(parts.netloc or '').lower()}"


def _via(url: str, asked: str) -> str:
    return "" if url == asked else f" (redirected to {_short(url, 200)})"


def _short(text: str, n: int) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


def _mb(n: int) -> str:
    return f"{n / 2**20:.1f} MB" if n >= 2**20 else f"{n / 1024:.0f} kB"


def _describe_os(exc: BaseException) -> str:
    return getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
