"""The fetcher against a real HTTP server on 127.0.0.1 (``tests/feedserver.py``): every way a
server can misbehave ends in one :class:`FetchError` naming the URL, within the time and size
bounds of the policy, and a polite client otherwise (robots.txt, User-Agent, per-host limits,
conditional requests, compression)."""

from __future__ import annotations

import gzip
import ssl
import time

import pytest

from loaders.fetch import FetchError, Fetcher, FetchPolicy, Validators
from tests.feedserver import Resource, Site, make_cert

FAST = FetchPolicy(
    connect_timeout=1.0,
    read_timeout=0.5,
    total_timeout=1.5,
    retries=2,
    backoff=0.02,
    max_wait=2.0,
    host_interval=0.0,
    max_bytes=256 * 1024,
)


@pytest.fixture
def site():
    with Site() as s:
        yield s


@pytest.fixture
def fetcher():
    return Fetcher(FAST)


def error_of(fetcher: Fetcher, url: str, **kw) -> FetchError:
    with pytest.raises(FetchError) as info:
        fetcher.fetch(url, **kw)
    return info.value


def test_a_plain_page_and_who_asks(site, fetcher):
    site["/a"] = Resource(b"<html><body><p>bonjour</p></body></html>")
    resp = fetcher.fetch(site.url("/a"))
    assert (resp.status, resp.body, resp.content_type, resp.charset) == (
        200,
        b"<html><body><p>bonjour</p></body></html>",
        "text/html",
        "utf-8",
    )
    assert [r.path for r in site.requests] == ["/robots.txt", "/a"]  # robots.txt first, once
    assert site.requests[1].headers["user-agent"].startswith("aigov/")
    fetcher.fetch(site.url("/a"))
    assert [r.path for r in site.requests].count("/robots.txt") == 1


@pytest.mark.parametrize("status", [404, 410])
def test_404_and_410_are_gone(site, fetcher, status):
    site["/feed"] = Resource(b"no", status, "text/plain")
    err = error_of(fetcher, site.url("/feed"))
    assert err.gone and err.permanent and err.status == status
    assert str(err) == f"{site.url('/feed')}: {status} {'Not Found' if status == 404 else 'Gone'}"


def test_429_with_a_short_retry_after_is_waited_then_succeeds(site, fetcher):
    site["/a"] = [
        Resource(b"slow down", 429, "text/plain", {"Retry-After": "1"}, validators=False),
        Resource(b"<p>ok</p>"),
    ]
    resp = fetcher.fetch(site.url("/a"))
    assert resp.body == b"<p>ok</p>" and resp.requests == 2
    first, second = site.hits_of("/a")
    assert second.start - first.start >= 0.95  # Retry-After honoured, not just the backoff


def test_429_with_a_long_retry_after_is_handed_back(site, fetcher):
    site["/a"] = Resource(b"later", 429, "text/plain", {"Retry-After": "3600"}, validators=False)
    before = time.time()
    err = error_of(fetcher, site.url("/a"))
    assert len(site.hits_of("/a")) == 1  # not slept, not retried now
    assert err.retry_at is not None and 3590 < err.retry_at - before < 3610
    assert "the server asks to wait 3600 s" in str(err) and not err.permanent


def test_500_then_success_is_retried(site, fetcher):
    site["/a"] = [Resource(b"oops", 500, "text/plain", validators=False), Resource(b"<p>ok</p>")]
    assert fetcher.fetch(site.url("/a")).body == b"<p>ok</p>"
    assert len(site.hits_of("/a")) == 2 and fetcher.stats.retries == 1


def test_500_forever_gives_up_after_the_retries(site, fetcher):
    site["/a"] = Resource(b"oops", 503, "text/plain", validators=False)
    err = error_of(fetcher, site.url("/a"))
    assert str(err) == f"{site.url('/a')}: 503 Service Unavailable (3 tries)"
    assert len(site.hits_of("/a")) == 3


def test_a_server_that_never_answers_times_out(site, fetcher):
    site["/a"] = site.never_answers()
    t = time.monotonic()
    err = error_of(fetcher, site.url("/a"))
    assert time.monotonic() - t < 1.4
    assert "no answer within 0.5 s" in str(err) and str(err).startswith(site.url("/a") + ": ")


def test_a_trickling_response_is_stopped_at_the_total_deadline(site, fetcher):
    site["/a"] = site.trickle(b"<p>" + b"x" * 400 + b"</p>", every=0.02)  # 8 s at this pace
    t = time.monotonic()
    err = error_of(fetcher, site.url("/a"))
    assert time.monotonic() - t < 2.5
    assert "did not complete within 1.5 s" in str(err) and "bytes received" in str(err)


def test_a_200_mb_body_is_cut_at_the_cap(site, fetcher):
    site["/big"] = site.huge("/big", 200 * 1024 * 1024)
    err = error_of(fetcher, site.url("/big"))
    assert str(err) == f"{site.url('/big')}: the response is larger than the 256 kB cap: cut there and not used"
    deadline = time.monotonic() + 5
    while "/big" not in site.served and time.monotonic() < deadline:
        time.sleep(0.02)
    assert site.served["/big"] < 50 * 1024 * 1024  # the client hung up; the server stopped


def test_an_announced_200_mb_body_is_not_read(site, fetcher):
    site["/big"] = site.huge("/big", 200 * 1024 * 1024, announce=True)
    err = error_of(fetcher, site.url("/big"))
    assert "the response is 200.0 MB (Content-Length), more than the 256 kB cap; not read" in str(err)


def test_a_gzip_bomb_is_cut_at_the_cap_after_decompression(site, fetcher):
    bomb = gzip.compress(b"\0" * (50 * 1024 * 1024))
    site["/bomb"] = Resource(bomb, headers={"Content-Encoding": "gzip"}, validators=False)
    assert len(bomb) < 256 * 1024
    err = error_of(fetcher, site.url("/bomb"))
    assert "larger than the 256 kB cap" in str(err)


@pytest.mark.parametrize("encoding", ["gzip", "deflate", "br"])
def test_compressed_bodies_are_decoded(site, fetcher, encoding):
    pytest.importorskip("brotli") if encoding == "br" else None
    body = ("<p>La CNIL a infligé une amende.</p>" * 200).encode()
    site["/z"] = Resource(body, encoding=encoding)
    resp = fetcher.fetch(site.url("/z"))
    assert resp.body == body and resp.headers["content-encoding"] == encoding
    assert encoding in site.hits_of("/z")[0].headers["accept-encoding"]


def test_a_redirect_loop_is_named(site, fetcher):
    site["/r1"] = site.redirect("/r2")
    site["/r2"] = site.redirect(site.url("/r1"), 301)
    err = error_of(fetcher, site.url("/r1"))
    assert str(err) == (
        f"{site.url('/r1')}: redirect loop ({site.url('/r1')} -> {site.url('/r2')} -> {site.url('/r1')})"
    )


def test_too_many_redirects(site, fetcher):
    for i in range(8):
        site[f"/h{i}"] = site.redirect(f"/h{i + 1}", 307)
    err = error_of(fetcher, site.url("/h0"))
    assert "too many redirects (more than 5" in str(err)
    assert len([r for r in site.requests if r.path.startswith("/h")]) == 6


def test_a_redirect_to_another_scheme_is_refused(site, fetcher):
    site["/r"] = site.redirect("file:///etc/passwd")
    assert "which is not an http(s) URL" in str(error_of(fetcher, site.url("/r")))


def test_conditional_get_gives_304(site, fetcher):
    site["/feed"] = Resource(b"<rss/>", content_type="application/rss+xml")
    first = fetcher.fetch(site.url("/feed"))
    second = fetcher.fetch(site.url("/feed"), validators=first.validators())
    assert second.not_modified and second.body == b""
    assert site.hits_of("/feed")[1].headers["if-none-match"] == first.headers["etag"]
    only_date = Validators(site.url("/feed"), None, first.headers["last-modified"])
    assert fetcher.fetch(site.url("/feed"), validators=only_date).not_modified


def test_robots_txt_is_obeyed(site):
    site["/robots.txt"] = Resource(b"User-agent: *\nDisallow: /private/\n", content_type="text/plain")
    site["/private/a"] = Resource(b"<p>secret</p>")
    site["/public/a"] = Resource(b"<p>ok</p>")
    fetcher = Fetcher(FAST)
    err = error_of(fetcher, site.url("/private/a"))
    assert "robots.txt of 127.0.0.1" in str(err) and "disallows aigov" in str(err) and err.permanent
    assert not site.hits_of("/private/a")
    assert fetcher.fetch(site.url("/public/a")).status == 200


def test_an_unreachable_robots_txt_forbids_the_host(site):
    site["/robots.txt"] = Resource(b"down", 500, "text/plain", validators=False)
    site["/a"] = Resource(b"<p>ok</p>")
    err = error_of(Fetcher(FAST), site.url("/a"))
    assert "robots.txt unreachable (500 Internal Server Error (3 tries))" in str(err)
    assert not site.hits_of("/a")


def test_crawl_delay_and_per_host_limits(site):
    site["/robots.txt"] = Resource(b"User-agent: aigov\nCrawl-delay: 0.2\n", content_type="text/plain")
    for i in range(4):
        site[f"/p{i}"] = Resource(b"<p>%d</p>" % i)
    fetcher = Fetcher(FetchPolicy(**{**FAST.__dict__, "host_interval": 0.05, "host_concurrency": 2}))
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(4) as pool:
        list(pool.map(lambda i: fetcher.fetch(site.url(f"/p{i}")), range(4)))
    starts = sorted(r.start for r in site.requests if r.path.startswith("/p"))
    gaps = [b - a for a, b in zip(starts, starts[1:])]
    assert min(gaps) >= 0.18  # robots.txt's Crawl-delay (0.2 s) beats the policy's 0.05 s
    assert site.max_inflight <= 2


def test_concurrency_cap_per_host(site):
    for i in range(6):
        site[f"/s{i}"] = site.trickle(b"<p>slow</p>", every=0.02)
    fetcher = Fetcher(FetchPolicy(**{**FAST.__dict__, "host_concurrency": 2}))
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(6) as pool:
        list(pool.map(lambda i: fetcher.fetch(site.url(f"/s{i}")), range(6)))
    assert site.max_inflight == 2


def test_tls_errors_are_clear(tmp_path):
    made = make_cert(tmp_path)
    if made is None:
        pytest.skip("no openssl command to make a certificate")
    key, cert = made
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.load_cert_chain(cert, key)
    with Site(tls=ctx) as site:
        site["/a"] = Resource(b"<p>ok</p>")
        err = error_of(Fetcher(FAST), site.url("/a"))
        assert str(err) == (
            f"{site.url('/a')}: TLS error: the server's certificate is not trusted (self-signed certificate)"
        )
        trusting = Fetcher(FAST, ssl_context=ssl.create_default_context(cafile=str(cert)))
        assert trusting.fetch(site.url("/a")).status == 200


def test_https_to_a_plain_http_server(site, fetcher):
    site["/a"] = Resource(b"<p>ok</p>")
    url = site.url("/a").replace("http://", "https://")
    assert str(error_of(fetcher, url)) == (
        f"{url}: TLS error: wrong version number (is this an https URL of a plain-http server?)"
    )


def test_connection_refused(fetcher):
    from tests.feedserver import free_port

    url = f"http://127.0.0.1:{free_port()}/feed"
    port = url.split(":")[2].split("/")[0]
    assert str(error_of(fetcher, url)) == f"{url}: connection refused by 127.0.0.1:{port}"


def test_policy_from_the_environment():
    policy = FetchPolicy.from_env(
        {
            "AIGOV_FETCH_TIMEOUT": "3",
            "AIGOV_FETCH_MAX_MB": "0.5",
            "AIGOV_USER_AGENT": "aigov-test (me@example.org)",
        }
    )
    assert (policy.total_timeout, policy.max_bytes, policy.user_agent) == (
        3.0,
        512 * 1024,
        "aigov-test (me@example.org)",
    )
    from graph.errors import InputError

    with pytest.raises(InputError, match="AIGOV_FETCH_RETRIES: must be a number >= 0, not 'many'"):
        FetchPolicy.from_env({"AIGOV_FETCH_RETRIES": "many"})
