"""Following feeds against a real HTTP server on 127.0.0.1, into the real embedded store.

Each bad input of issue 16 is a test here (or, for the fetcher alone, in
``tests/test_feeds_fetch.py``): one error line naming the URL, the other feeds and entries
going on, nothing half-written (the store holds exactly the good articles, the feed state only
what the store holds). The idempotence rules too: an entry seen before (same GUID, same URL,
same canonical URL, same text) is not fetched or coded again; a changed page replaces its old
version; a second poll of unchanged feeds makes only conditional requests and writes nothing.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from graph.errors import StoreUnavailable
from graph.sink import StoreSink
from loaders import coder_version
from loaders.feeds import Poller, watch
from loaders.feedstate import FeedBook
from loaders.fetch import Fetcher, FetchPolicy
from tests.feedserver import Resource, Site, html_page, rss

FAST = FetchPolicy(
    connect_timeout=1.0,
    read_timeout=0.5,
    total_timeout=1.5,
    retries=1,
    backoff=0.02,
    max_wait=2.0,
    host_interval=0.0,
    max_bytes=256 * 1024,
    max_feed_bytes=8 * 1024 * 1024,
)

FR = (
    "La Malaisie a bloqué l'accès à Grok le {n} mars 2025, a annoncé la Commission malaisienne des "
    "communications, qui cite {n} signalements."
)
EN = "The FTC fined Meta ${n} billion on Tuesday, the agency said in a statement about case {n}."
DE = (
    "Die Bundesregierung hat den Zugang zu Grok gesperrt, und das Gericht hat die Klage gegen die "
    "Firma angenommen, wie das Ministerium mitteilte."
)


@pytest.fixture
def site():
    with Site() as s:
        yield s


@pytest.fixture
def book(home: Path):
    b = FeedBook(home)
    yield b
    b.close()


def poller(book: FeedBook, store, **kw) -> Poller:
    policy = kw.pop("policy", FAST)
    return Poller(book, Fetcher(policy), StoreSink(store, extractor=coder_version()), **kw)


def page(site: Site, path: str, text: str, *, lang: str = "fr", **kw) -> str:
    site[path] = Resource(html_page(f"Titre {path}", [text], lang=lang, **kw).encode())
    return site.url(path)


def feed(site: Site, path: str, items: list[dict], **kw) -> str:
    site[path] = Resource(rss(items, **kw), content_type="application/rss+xml; charset=utf-8")
    return site.url(path)


def articles(store) -> dict[str, dict]:
    rows = store.read(
        "MATCH (a:Article) RETURN a.url AS url, a.id AS id, a.title AS title, "
        "a.body AS body, a.source AS source, a.language AS language"
    )
    return {r["url"]: r for r in rows}


def standard_feed(site: Site, n: int = 3, *, path: str = "/feed.xml", start: int = 1) -> str:
    items = []
    for i in range(start, start + n):
        url = page(site, f"/news/{i}.html", FR.format(n=i))
        items.append(
            {
                "title": f"Nouvelle {i}",
                "link": url,
                "guid": f"urn:news:{i}",
                "description": FR.format(n=i),
                "pubDate": "Tue, 14 Jan 2026 08:00:00 GMT",
            }
        )
    return feed(site, path, items)


# ----------------------------------------------------------------------------------------------
# the normal path and idempotence


def test_a_poll_stores_the_pages_and_a_second_poll_only_asks_conditionally(site, book, embedded):
    url = standard_feed(site, 3)
    book.add(url, name="Test")
    p = poller(book, embedded)
    report = p.poll()
    assert report.ok, report.errors
    src = report.sources[0]
    assert (src.status, src.new, src.unchanged, src.failed, src.summaries) == ("ok", 3, 0, 0, 0)
    stored = articles(embedded)
    assert sorted(stored) == [site.url(f"/news/{i}.html") for i in (1, 2, 3)]
    assert stored[site.url("/news/1.html")]["body"].startswith("La Malaisie a bloqué")
    counts = embedded.counts()

    again = p.poll(force=True)
    assert again.ok and again.written == 0 and again.coded == 0
    assert again.http["requests"] == 1 and again.http["conditional"] == 1 and again.http["not_modified"] == 1
    assert again.sources[0].status == "not modified"
    assert embedded.counts() == counts
    # the feed changed (a new entry): only the new page is fetched
    standard_feed(site, 4)
    before = len(site.requests)
    third = p.poll(force=True)
    assert (third.sources[0].new, third.sources[0].unchanged) == (1, 3)
    assert [r.path for r in site.requests[before:]] == ["/feed.xml", "/news/4.html"]


def test_an_entry_seen_before_is_not_fetched_again_by_url_canonical_url_or_text(site, book, embedded):
    # page /a redirects nowhere but names its canonical URL /story/1
    site["/a"] = Resource(html_page("A", [FR.format(n=1)], canonical=site.url("/story/1")).encode())
    feed(site, "/one.xml", [{"title": "A", "link": site.url("/a"), "guid": "a"}])
    # another feed links the canonical URL (with tracking parameters), and a third page has
    # the same text as /a under another URL
    site["/b"] = Resource(html_page("B", [FR.format(n=1)]).encode())
    feed(
        site,
        "/two.xml",
        [
            {"title": "A again", "link": site.url("/story/1?utm_source=rss"), "guid": "x"},
            {"title": "A copy", "link": site.url("/b"), "guid": "y"},
        ],
    )
    book.add(site.url("/one.xml"))
    p = poller(book, embedded)
    assert p.poll().ok
    book.add(site.url("/two.xml"))
    report = p.poll()
    two = next(s for s in report.sources if s.url.endswith("/two.xml"))
    assert (two.new, two.unchanged, two.failed) == (0, 2, 0)
    assert not site.hits_of("/story/1?utm_source=rss")  # known by its canonical URL: not fetched
    assert len(site.hits_of("/b")) == 1 and report.coded == 0  # same text: fetched, not coded
    assert len(articles(embedded)) == 1


def test_the_same_page_in_two_feeds_is_fetched_once(site, book, embedded):
    url = page(site, "/shared.html", EN.format(n=5))
    for path in ("/f1.xml", "/f2.xml"):
        book.add(feed(site, path, [{"title": "S", "link": url, "guid": path}]))
    report = poller(book, embedded).poll()
    assert report.ok and len(site.hits_of("/shared.html")) == 1
    assert [(s.new, s.unchanged) for s in report.sources] == [(1, 0), (0, 1)]


def test_a_changed_page_replaces_its_older_version(site, book, embedded):
    url = page(site, "/story.html", FR.format(n=7))
    items = [{"title": "Story", "link": url, "guid": "story", "description": "v1"}]
    book.add(feed(site, "/feed.xml", items))
    p = poller(book, embedded)
    assert p.poll().sources[0].new == 1
    old_id = articles(embedded)[url]["id"]
    # the outlet corrects the article: new text on the page, the feed's entry updated
    page(site, "/story.html", FR.format(n=8))
    feed(site, "/feed.xml", [{**items[0], "description": "v2"}])
    report = p.poll(force=True)
    src = report.sources[0]
    assert (src.new, src.replaced) == (1, 1)
    stored = articles(embedded)
    assert len(stored) == 1 and stored[url]["id"] != old_id and "8 mars" in stored[url]["body"]
    # the page fetch was conditional (its validators were kept)
    assert "if-none-match" in site.hits_of("/story.html")[-1].headers


def test_an_updated_entry_whose_page_did_not_change_is_not_coded_again(site, book, embedded):
    url = page(site, "/story.html", FR.format(n=9))
    book.add(feed(site, "/feed.xml", [{"title": "S", "link": url, "guid": "s", "description": "v1"}]))
    p = poller(book, embedded)
    p.poll()
    feed(site, "/feed.xml", [{"title": "S (mis à jour)", "link": url, "guid": "s", "description": "v2"}])
    report = p.poll(force=True)
    assert report.sources[0].unchanged == 1 and report.coded == 0 and report.written == 0
    assert site.hits_of("/story.html")[-1].status == 304


# ----------------------------------------------------------------------------------------------
# bad input: feeds


@pytest.mark.parametrize("status,reason", [(404, "Not Found"), (410, "Gone")])
def test_a_feed_that_is_gone_is_marked_and_not_polled_again(site, book, embedded, status, reason):
    site["/gone.xml"] = Resource(b"no", status, "text/plain")
    good = standard_feed(site, 2)
    book.add(site.url("/gone.xml"))
    book.add(good)
    p = poller(book, embedded)
    report = p.poll()
    assert report.errors == [
        f"{site.url('/gone.xml')}: {status} {reason}; the feed is marked gone and no "
        f"longer polled (`aigov feeds add {site.url('/gone.xml')}` follows it again)"
    ]
    assert [s.status for s in report.sources] == ["gone", "ok"] and report.sources[1].new == 2
    assert book.get(site.url("/gone.xml")).gone_at is not None
    second = p.poll()
    assert second.ok and len(site.hits_of("/gone.xml")) == 1  # not asked again
    assert second.sources[0].notes[0].startswith("gone since ")
    book.add(site.url("/gone.xml"))  # following it again revives it
    assert book.get(site.url("/gone.xml")).gone_at is None


def test_429_with_a_long_retry_after_waits_for_its_time(site, book, embedded):
    site["/busy.xml"] = Resource(b"later", 429, "text/plain", {"Retry-After": "3600"}, validators=False)
    book.add(site.url("/busy.xml"))
    p = poller(book, embedded)
    before = time.time()
    report = p.poll()
    assert len(report.errors) == 1 and "the server asks to wait 3600 s" in report.errors[0]
    state = book.get(site.url("/busy.xml"))
    assert state.wait_reason == "retry-after" and 3590 < state.next_poll - before < 3610
    again = p.poll()
    assert again.ok and again.sources[0].status == "waiting" and len(site.hits_of("/busy.xml")) == 1
    p.poll(force=True)
    assert len(site.hits_of("/busy.xml")) == 2


def test_429_then_success_and_500_then_success(site, book, embedded):
    items = [{"title": "x", "link": page(site, "/p.html", FR.format(n=3)), "guid": "p"}]
    site["/a.xml"] = [
        Resource(b"", 429, "text/plain", {"Retry-After": "1"}, validators=False),
        Resource(rss(items), content_type="application/rss+xml"),
    ]
    site["/b.xml"] = [
        Resource(b"", 500, "text/plain", validators=False),
        Resource(
            rss([{"title": "y", "link": page(site, "/q.html", EN.format(n=4)), "guid": "q"}]),
            content_type="application/rss+xml",
        ),
    ]
    book.add(site.url("/a.xml"))
    book.add(site.url("/b.xml"))
    report = poller(book, embedded).poll()
    assert report.ok and [s.new for s in report.sources] == [1, 1]
    assert len(site.hits_of("/a.xml")) == 2 and len(site.hits_of("/b.xml")) == 2


def test_a_feed_that_fails_backs_off(site, book, embedded):
    site["/down.xml"] = Resource(b"", 503, "text/plain", validators=False)
    book.add(site.url("/down.xml"))
    p = poller(book, embedded, every=60)
    before = time.time()
    assert len(p.poll().errors) == 1
    first = book.get(site.url("/down.xml"))
    assert first.failures == 1 and first.wait_reason == "backoff" and 55 < first.next_poll - before < 65
    p.poll(force=True)
    second = book.get(site.url("/down.xml"))
    assert second.failures == 2 and 115 < second.next_poll - before < 125  # doubled


def test_a_feed_that_never_answers_or_trickles_times_out_and_the_others_go_on(site, book, embedded):
    site["/silent.xml"] = site.never_answers()
    site["/slow.xml"] = site.trickle(rss([{"title": "t", "link": "http://x/", "guid": "t"}]), every=0.01)
    good = standard_feed(site, 1)
    for u in (site.url("/silent.xml"), site.url("/slow.xml"), good):
        book.add(u)
    t = time.monotonic()
    report = poller(book, embedded).poll()
    assert time.monotonic() - t < 6
    assert len(report.errors) == 2
    assert report.errors[0].startswith(site.url("/silent.xml") + ": no answer within 0.5 s")
    assert report.errors[1].startswith(site.url("/slow.xml") + ": the response did not complete within 1.5 s")
    assert report.sources[2].new == 1


def test_a_huge_feed_is_cut_at_the_cap(site, book, embedded):
    site["/huge.xml"] = site.huge("/huge.xml", 200 * 1024 * 1024, content_type="application/rss+xml")
    book.add(site.url("/huge.xml"))
    report = poller(book, embedded).poll()
    assert report.errors == [
        f"{site.url('/huge.xml')}: the response is larger than the 8.0 MB cap: cut there and not used"
    ]


def test_a_redirect_loop(site, book, embedded):
    site["/r1.xml"] = site.redirect("/r2.xml")
    site["/r2.xml"] = site.redirect("/r1.xml")
    book.add(site.url("/r1.xml"))
    report = poller(book, embedded).poll()
    assert report.errors[0].startswith(f"{site.url('/r1.xml')}: redirect loop (")


def test_a_feed_that_is_html(site, book, embedded):
    site["/news/"] = Resource(
        html_page(
            "Accueil",
            ["Bienvenue."],
            extra_head='<link rel="alternate" type="application/rss+xml" href="/news/rss.xml">',
        ).encode()
    )
    book.add(site.url("/news/"))
    report = poller(book, embedded).poll()
    assert report.errors == [
        f"{site.url('/news/')}: an HTML page (text/html), not an RSS or Atom feed; the "
        f"page names the feed {site.url('/news/rss.xml')} (follow it with `aigov feeds "
        "add URL`)"
    ]
    assert articles(embedded) == {}


def test_malformed_xml(site, book, embedded):
    site["/bad.xml"] = Resource(
        b'<?xml version="1.0"?>\n<rss version="2.0"><channel><title>x</title>\n'
        b"<item><title>a</item></channel></rss>",
        content_type="application/rss+xml",
    )
    book.add(site.url("/bad.xml"))
    report = poller(book, embedded).poll()
    assert report.errors == [f"{site.url('/bad.xml')}:3: broken XML (mismatched tag)"]


def test_xml_with_entity_declarations_is_refused(site, book, embedded):
    lol = (
        b'<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>\n'
        b'<rss version="2.0"><channel><title>&lol2;</title><item><title>a</title>'
        b"<description>La CNIL a inflig\xc3\xa9 une amende.</description></item></channel></rss>"
    )
    site["/lol.xml"] = Resource(lol, content_type="application/rss+xml")
    ext = (
        b'<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n'
        b'<rss version="2.0"><channel><title>&x;</title></channel></rss>'
    )
    site["/ext.xml"] = Resource(ext, content_type="application/rss+xml")
    book.add(site.url("/lol.xml"))
    book.add(site.url("/ext.xml"))
    report = poller(book, embedded).poll()
    assert report.errors == [
        f"{site.url(p)}: XML declares entities (<!ENTITY ...>), refused: entity expansion "
        f"and external entities are not allowed ({name})"
        for p, name in (("/lol.xml", "EntitiesForbidden"), ("/ext.xml", "EntitiesForbidden"))
    ]


def test_a_feed_with_10000_entries_is_read_over_several_polls(site, book, embedded):
    site.fallback = lambda h: h.send(Resource(html_page("P", [FR.format(n=h.path)]).encode()))
    items = [
        {"title": f"n{i}", "link": site.url(f"/p/{i}"), "guid": f"g{i}", "description": "résumé"}
        for i in range(10_000)
    ]
    book.add(feed(site, "/big.xml", items))
    p = poller(book, embedded, max_new=25)
    t = time.monotonic()
    first = p.poll()
    assert time.monotonic() - t < 60
    src = first.sources[0]
    assert first.ok and (src.new, src.pending) == (25, 9_975)
    assert "9975 entries wait for the next polls" in src.notes[0]
    second = p.poll(force=True)  # the feed answers 304: the waiting entries go on
    assert second.sources[0].status == "not modified"
    assert (second.sources[0].new, second.sources[0].pending) == (25, 9_950)
    assert len(articles(embedded)) == 50
    # the newest entries (first in the feed) came first
    assert {site.url(f"/p/{i}") for i in range(50)} == set(articles(embedded))


def test_duplicate_guids(site, book, embedded):
    a, b, c = (page(site, f"/d{i}.html", FR.format(n=20 + i)) for i in range(3))
    items = [
        {"title": "A", "link": a, "guid": "same"},
        {"title": "A", "link": a, "guid": "same"},
        {"title": "B", "link": b, "guid": "dup"},
        {"title": "C", "link": c, "guid": "dup"},
    ]
    book.add(feed(site, "/dup.xml", items))
    p = poller(book, embedded)
    report = p.poll()
    src = report.sources[0]
    assert report.ok and src.new == 3 and len(site.hits_of("/d0.html")) == 1
    assert src.notes == [
        "1 entry repeats another (same GUID and link): read once",
        "2 GUIDs are shared by several entries: those entries are told apart by their links",
    ]
    assert p.poll(force=True).written == 0


# ----------------------------------------------------------------------------------------------
# bad input: pages


def test_a_page_in_an_unsupported_language(site, book, embedded):
    de = page(site, "/de.html", DE, lang="de")
    fr = page(site, "/fr.html", FR.format(n=30))
    book.add(
        feed(
            site,
            "/mixed.xml",
            [
                {"title": "de", "link": de, "guid": "de", "description": DE},
                {"title": "fr", "link": fr, "guid": "fr"},
            ],
        ),
        name="Mixed",
    )
    p = poller(book, embedded)
    report = p.poll()
    assert report.errors == [f"{de}: language 'de' is not supported (aigov reads fr, en) (entry of Mixed)"]
    assert list(articles(embedded)) == [fr]
    assert p.poll(force=True).ok and len(site.hits_of("/de.html")) == 1  # not retried: it cannot pass


def test_a_non_utf8_page_without_charset(site, book, embedded):
    text = FR.format(n=31)
    body = html_page("Été à Kuala Lumpur", [text], charset=None).encode("cp1252")
    site["/latin.html"] = Resource(body, content_type="text/html")
    site["/mislabelled.html"] = Resource(
        html_page("Élysée", [FR.format(n=32)]).encode(), content_type="text/html; charset=iso-8859-1"
    )
    book.add(
        feed(
            site,
            "/f.xml",
            [
                {"title": "l", "link": site.url("/latin.html"), "guid": "l"},
                {"title": "m", "link": site.url("/mislabelled.html"), "guid": "m"},
            ],
        )
    )
    assert poller(book, embedded).poll().ok
    stored = articles(embedded)
    latin = stored[site.url("/latin.html")]
    assert latin["title"] == "Été à Kuala Lumpur" and latin["body"] == text
    assert stored[site.url("/mislabelled.html")]["title"] == "Élysée"


def test_an_empty_feed_document(site, book, embedded):
    site["/empty.xml"] = Resource(b"", content_type="application/rss+xml")
    book.add(site.url("/empty.xml"))
    report = poller(book, embedded).poll()
    assert report.errors == [f"{site.url('/empty.xml')}:1: broken XML (no element found)"]


def test_the_feed_language_decides_when_the_text_does_not_tell(site, book, embedded):
    short = page(site, "/short.html", "Grok : 3 mars 2025.", lang="")
    book.add(feed(site, "/f.xml", [{"title": "s", "link": short, "guid": "s"}]), language="fr")
    assert poller(book, embedded).poll().ok
    assert articles(embedded)[short]["language"] == "fr"


def test_a_page_that_cannot_be_read_gives_the_feed_summary(site, book, embedded):
    site["/gone.html"] = Resource(b"no", 404, "text/plain")
    site["/robots.txt"] = Resource(b"User-agent: *\nDisallow: /private/\n", content_type="text/plain")
    site["/private/x.html"] = Resource(html_page("X", [EN.format(n=40)]).encode())
    items = [
        {"title": "Gone", "link": site.url("/gone.html"), "guid": "g", "description": FR.format(n=41)},
        {"title": "Private", "link": site.url("/private/x.html"), "guid": "x", "description": EN.format(n=42)},
        {"title": "No text", "link": site.url("/gone.html?2"), "guid": "n"},
    ]
    site["/gone.html?2"] = Resource(b"no", 404, "text/plain")
    book.add(feed(site, "/f.xml", items))
    report = poller(book, embedded).poll()
    src = report.sources[0]
    assert (src.new, src.summaries, src.failed) == (2, 2, 1)
    assert report.errors == [f"{site.url('/gone.html?2')}: 404 Not Found (entry of {site.url('/f.xml')})"]
    assert src.notes == [
        f"{site.url('/gone.html')}: page not read (404 Not Found); the feed's text of the entry is stored instead",
        f"{site.url('/private/x.html')}: page not read (robots.txt of 127.0.0.1:{site.port} "
        "disallows aigov here); the feed's text of the entry is stored instead",
    ]
    assert not site.hits_of("/private/x.html")
    stored = articles(embedded)
    assert stored[site.url("/gone.html")]["body"] == FR.format(n=41)


def test_a_page_that_failed_for_a_passing_reason_is_tried_again(site, book, embedded):
    site["/flaky.html"] = [Resource(b"", 503, "text/plain", validators=False)] * 2 + [
        Resource(html_page("F", [FR.format(n=50)]).encode())
    ]
    book.add(feed(site, "/f.xml", [{"title": "F", "link": site.url("/flaky.html"), "guid": "f"}]))
    p = poller(book, embedded)
    first = p.poll()
    assert first.errors == [
        f"{site.url('/flaky.html')}: 503 Service Unavailable (2 tries) (entry of {site.url('/f.xml')})"
    ]
    second = p.poll(force=True)
    assert second.ok and second.sources[0].new == 1


# ----------------------------------------------------------------------------------------------
# nothing half-written


class LostStore(StoreSink):
    """The real store, lost at the first write (as a stopped server would be)."""

    def write(self, extractions):
        raise StoreUnavailable("the store went away")


def test_a_store_lost_mid_poll_leaves_the_feed_state_as_it_was(site, book, embedded):
    url = standard_feed(site, 2)
    book.add(url)
    p = Poller(book, Fetcher(FAST), LostStore(embedded, extractor=coder_version()))
    with pytest.raises(StoreUnavailable):
        p.poll()
    state = book.get(url)
    assert state.etag is None and state.entries == 0  # not recorded: the next poll redoes it
    report = poller(book, embedded).poll()
    assert report.ok and report.sources[0].new == 2
    assert site.hits_of("/feed.xml")[-1].headers.get("if-none-match") is None


def test_watch_polls_the_due_feeds_round_after_round(site, book, embedded):
    url = standard_feed(site, 2)
    book.add(url)
    p = poller(book, embedded)
    reports = []
    slept = []
    ok = watch(p, every=0.3, rounds=3, on_round=reports.append, sleep=lambda s: (slept.append(s), time.sleep(s)))
    assert ok and [r.sources[0].status for r in reports] == ["ok", "not modified", "not modified"]
    assert all(0.9 <= s <= 1.0 for s in slept)  # never less than a second between rounds
