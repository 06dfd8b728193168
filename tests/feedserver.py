"""A scripted web site on 127.0.0.1 for the feed tests and the feed benchmark.

``http.server`` in a thread (``ThreadingHTTPServer``, one thread per connection), so the tests
reach a real socket: real timeouts, real redirects, real gzip, a real TLS handshake. Every
request is logged (path, headers, start and end times) so tests can assert what the client
sent (conditional headers, User-Agent) and how it spaced its requests.

Each path answers with a :class:`Resource` (a body with ETag and Last-Modified, answering 304
to a matching conditional request), a list of them (one per request, the last repeated), or a
function of the request handler (the misbehaving servers: never answering, trickling, sending
200 MB).
"""

from __future__ import annotations

import email.utils
import gzip
import hashlib
import http.server
import socket
import ssl
import subprocess
import threading
import time
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Union

__all__ = ["Site", "Resource", "rss", "atom", "html_page", "make_cert"]


@dataclass
class Resource:
    body: bytes = b""
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    #: answer conditional requests (ETag + Last-Modified derived from the body)
    validators: bool = True
    #: gzip, deflate or br: sent compressed when the client accepts it
    encoding: str | None = None

    def etag(self) -> str:
        return '"' + hashlib.sha1(self.body).hexdigest()[:16] + '"'


Handler = Callable[["_Handler"], None]
Route = Union[Resource, list, Handler]


@dataclass
class Request:
    path: str
    headers: dict[str, str]
    start: float
    end: float | None = None
    status: int | None = None


class _Handler(http.server.BaseHTTPRequestHandler):
    server_version = "feedserver/1"
    site: "Site"

    def log_message(self, *args: object) -> None:  # quiet
        pass

    def do_GET(self) -> None:  # noqa: N802
        site = self.server.site  # type: ignore[attr-defined]
        req = Request(self.path, {k.lower(): v for k, v in self.headers.items()}, time.monotonic())
        with site.lock:
            site.requests.append(req)
            site.inflight += 1
            site.max_inflight = max(site.max_inflight, site.inflight)
        try:
            route = site.route(self.path)
            if route is None:
                if self.path == "/robots.txt":
                    self._send(Resource(b"not found", 404, "text/plain"), req)
                else:
                    self._send(Resource(b"<html><body>not found</body></html>", 404), req)
            elif callable(route):
                route(self)
            else:
                self._send(route, req)
        except (BrokenPipeError, ConnectionResetError, ssl.SSLError, OSError):
            pass
        finally:
            req.end = time.monotonic()
            self.finishing()

    def finishing(self) -> None:
        """This request is no longer in flight (once). A handler calls it before the last byte it
        sends: a client that has the whole answer may start its next request at once, before this
        thread gets back to counting, and the count would see one request too many."""
        if getattr(self, "_counted_out", False):
            return
        self._counted_out = True
        site = self.server.site  # type: ignore[attr-defined]
        with site.lock:
            site.inflight -= 1

    def _send(self, res: Resource, req: Request) -> None:
        body = res.body
        headers = dict(res.headers)
        if res.validators and res.status == 200:
            etag = res.etag()
            modified = email.utils.formatdate(1_700_000_000, usegmt=True)
            headers.setdefault("ETag", etag)
            headers.setdefault("Last-Modified", modified)
            inm = req.headers.get("if-none-match")
            ims = req.headers.get("if-modified-since")
            if (inm and inm == headers["ETag"]) or (not inm and ims and ims == headers["Last-Modified"]):
                req.status = 304
                self.send_response(304)
                for k in ("ETag", "Last-Modified"):
                    self.send_header(k, headers[k])
                self.end_headers()
                return
        accepted = req.headers.get("accept-encoding", "")
        if res.encoding and res.encoding in accepted:
            if res.encoding == "gzip":
                body = gzip.compress(body)
            elif res.encoding == "deflate":
                body = zlib.compress(body)
            elif res.encoding == "br":
                import brotli

                body = brotli.compress(body)
            headers["Content-Encoding"] = res.encoding
        req.status = res.status
        self.send_response(res.status)
        if res.content_type:
            self.send_header("Content-Type", res.content_type)
        self.send_header("Content-Length", str(len(body)))
        for k, v in headers.items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)

    def send(self, res: Resource) -> None:
        """For route functions: answer with a resource."""
        req = self.server.site.requests[-1]  # type: ignore[attr-defined]
        self._send(res, req)


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True


class Site:
    """``with Site() as site: site["/feed.xml"] = Resource(...); site.url("/feed.xml")``."""

    def __init__(self, tls: ssl.SSLContext | None = None):
        self.routes: dict[str, Route] = {}
        self.requests: list[Request] = []
        self.lock = threading.Lock()
        self.inflight = 0
        self.max_inflight = 0
        self.stopping = threading.Event()
        self.served: dict[str, int] = {}  # bytes a streaming route sent
        self.hits: dict[str, int] = {}
        self.server = _Server(("127.0.0.1", 0), _Handler)
        self.server.site = self  # type: ignore[attr-defined]
        self.tls = tls
        #: answers paths no route names (None: 404)
        self.fallback: Route | None = None
        if tls is not None:
            self.server.socket = tls.wrap_socket(self.server.socket, server_side=True)
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(
            target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    def __enter__(self) -> "Site":
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def stop(self) -> None:
        self.stopping.set()
        self.server.shutdown()
        self.server.server_close()

    def url(self, path: str) -> str:
        return f"{'https' if self.tls else 'http'}://127.0.0.1:{self.port}{path}"

    def __setitem__(self, path: str, route: Route) -> None:
        self.routes[path] = route

    def route(self, path: str):
        with self.lock:
            self.hits[path] = n = self.hits.get(path, 0) + 1
        route = self.routes.get(path, None if path == "/robots.txt" else self.fallback)
        if isinstance(route, list):
            return route[min(n, len(route)) - 1]
        return route

    def hits_of(self, path: str) -> list[Request]:
        return [r for r in self.requests if r.path == path]

    # -- misbehaving routes ------------------------------------------------------------------
    def never_answers(self) -> Handler:
        def handler(h: _Handler) -> None:
            self.stopping.wait(30)  # holds the connection open, says nothing

        return handler

    def trickle(self, body: bytes, every: float = 0.05) -> Handler:
        def handler(h: _Handler) -> None:
            h.send_response(200)
            h.send_header("Content-Type", "text/html; charset=utf-8")
            h.send_header("Content-Length", str(len(body)))
            h.end_headers()
            for i in range(len(body)):
                time.sleep(every)
                if self.stopping.is_set():
                    return
                if i == len(body) - 1:
                    h.finishing()
                h.wfile.write(body[i : i + 1])
                h.wfile.flush()

        return handler

    def huge(
        self, path: str, size: int, *, announce: bool = False, content_type: str = "text/html; charset=utf-8"
    ) -> Handler:
        """Stream ``size`` bytes (``announce``: with a Content-Length) until the client hangs up."""
        chunk = b"<p>" + b"x" * 65530 + b"</p>"

        def handler(h: _Handler) -> None:
            h.send_response(200)
            h.send_header("Content-Type", content_type)
            if announce:
                h.send_header("Content-Length", str(size))
            h.end_headers()
            sent = 0
            try:
                while sent < size and not self.stopping.is_set():
                    part = chunk[: min(len(chunk), size - sent)]
                    h.wfile.write(part)
                    sent += len(part)
            finally:
                self.served[path] = sent

        return handler

    def redirect(self, to: str, status: int = 302) -> Resource:
        return Resource(b"", status, "", {"Location": to}, validators=False)


# ----------------------------------------------------------------------------------------------
# content


def rss(items: list[dict], *, title: str = "Test feed", language: str | None = None, extra: str = "") -> bytes:
    """An RSS 2.0 document; each item dict may have title, link, guid, description, pubDate."""
    out = [
        '<?xml version="1.0" encoding="utf-8"?>',
        extra,
        '<rss version="2.0"><channel>',
        f"<title>{title}</title><link>http://127.0.0.1/</link><description>d</description>",
    ]
    if language:
        out.append(f"<language>{language}</language>")
    for it in items:
        out.append("<item>")
        for k in ("title", "link", "guid", "description", "pubDate"):
            if it.get(k) is not None:
                value = str(it[k]).replace("&", "&amp;").replace("<", "&lt;")
                out.append(f"<{k}>{value}</{k}>")
        out.append("</item>")
    out.append("</channel></rss>")
    return "\n".join(out).encode("utf-8")


def atom(entries: list[dict], *, title: str = "Test atom") -> bytes:
    out = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<feed xmlns="http://www.w3.org/2005/Atom">',
        f"<title>{title}</title><id>urn:test</id><updated>2026-01-14T08:00:00Z</updated>",
    ]
    for e in entries:
        out.append(
            f"<entry><title>{e['title']}</title><id>{e.get('id', e['link'])}</id>"
            f'<link href="{e["link"]}"/><updated>2026-01-14T08:00:00Z</updated>'
            f"<summary>{e.get('summary', '')}</summary></entry>"
        )
    out.append("</feed>")
    return "\n".join(out).encode("utf-8")


def html_page(
    title: str,
    paragraphs: list[str],
    *,
    lang: str = "fr",
    date: str = "2026-01-14",
    canonical: str | None = None,
    charset: str | None = "utf-8",
    extra_head: str = "",
) -> str:
    meta = f'<meta charset="{charset}">' if charset else ""
    canon = f'<link rel="canonical" href="{canonical}">' if canonical else ""
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f'<!doctype html><html lang="{lang}"><head>{meta}<title>{title}</title>'
        f'<meta property="article:published_time" content="{date}T08:00:00Z">{canon}{extra_head}'
        f'</head><body><nav><a href="/">Accueil</a></nav><article><h1>{title}</h1>{body}</article>'
        "<footer>© Test</footer></body></html>"
    )


def make_cert(folder: Path) -> tuple[Path, Path] | None:
    """A self-signed certificate for 127.0.0.1 made with the openssl command (None without it)."""
    key, cert = folder / "key.pem", folder / "cert.pem"
    try:
        subprocess.run(
            [
                "openssl",
                "req",
                "-x509",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-keyout",
                str(key),
                "-out",
                str(cert),
                "-days",
                "2",
                "-subj",
                "/CN=127.0.0.1",
                "-addext",
                "subjectAltName=IP:127.0.0.1",
            ],
            check=True,
            capture_output=True,
            timeout=60,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return key, cert


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]
