"""What came back from a URL: a feed (its entries) or a page (one article).

:func:`classify` decides from the ``Content-Type`` *and* the content: a server that calls its
RSS ``text/html`` or its home page ``application/xml`` is common, so the bytes have the last
word between the two (:func:`loaders.formats.sniff_format`); a type that is neither (a PDF, an
image) is refused by its type.

Pages are read as files are (:func:`loaders.formats.read_html`), after decoding with the
``charset`` of the ``Content-Type`` when there is one, else as :func:`loaders.read.decode_bytes`
does (the page's ``<meta charset>``, UTF-8, then CP1252/Latin-1). A page's ``url`` is its
canonical URL (``<link rel=canonical>``, ``og:url``), else the URL it was finally served from;
a canonical URL that is the site's root while the page is not (a template error) is ignored,
so one site's pages never replace each other.

Feeds go through the same gate as feed files (:func:`loaders.formats.read_feed`): XML that
declares entities is refused, broken XML is reported with its line. :func:`parse_feed` returns
each entry's GUID, link, title, text (content or summary), date and a fingerprint of what the
feed says of it (a changed fingerprint is a changed entry).

Examples
--------
>>> classify("application/rss+xml", b"<?xml version='1.0'?><rss version='2.0'></rss>")
'feed'
>>> classify("text/html", b"<!doctype html><html><body><p>Hi</p></body></html>")
'html'
>>> classify("application/xml", b"<html><head></head><body></body></html>")
'html'
>>> classify("application/pdf", b"%PDF-1.7")
'unsupported'
>>> classify("application/rss+xml", b"")  # the feed parser reports the empty document
'feed'
>>> feed_links(b'<link rel="alternate" type="application/rss+xml" href="/rss.xml">', "https://ex.org/news/")
['https://ex.org/rss.xml']
"""

from __future__ import annotations

import dataclasses
import hashlib
import io
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

from graph.errors import InputError
from graph.model import Article

__all__ = [
    "classify",
    "decode_page",
    "page_article",
    "summary_article",
    "parse_feed",
    "Entry",
    "FeedDocument",
    "feed_links",
    "FEED_TYPES",
    "HTML_TYPES",
]

FEED_TYPES = frozenset(
    {
        "application/rss+xml",
        "application/atom+xml",
        "application/rdf+xml",
        "application/xml",
        "text/xml",
        "application/x-rss+xml",
        "application/feed+xml",
    }
)
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
#: Types that say nothing about the content: the bytes decide.
GENERIC_TYPES = frozenset(
    {
        "",
        "text/plain",
        "application/octet-stream",
        "binary/octet-stream",
        "application/x-unknown",
        "application/unknown",
    }
)


def classify(content_type: str, body: bytes) -> str:
    """``feed``, ``html``, ``text`` (a plain-text article) or ``unsupported``."""
    ctype = (content_type or "").split(";")[0].strip().lower()
    if ctype not in FEED_TYPES | HTML_TYPES | GENERIC_TYPES and not ctype.endswith("+xml"):
        return "unsupported"
    from loaders.formats import sniff_format

    head = body[:4096].decode("utf-8", errors="replace")
    if head.startswith(("\ufeff", "\x00")) or body[:2] in (b"\xff\xfe", b"\xfe\xff"):
        try:
            head = body[:4096].decode("utf-16")
        except UnicodeDecodeError:
            pass
    sniffed = sniff_format(head)
    if sniffed in ("html", "feed"):
        return sniffed
    if ctype in FEED_TYPES or ctype.endswith("+xml"):
        return "feed"  # said to be XML and not HTML: the XML parser tells what is wrong with it
    if ctype in GENERIC_TYPES:
        return "text" if sniffed == "text" else "unsupported"
    return "html" if ctype in HTML_TYPES else "unsupported"


def decode_page(body: bytes, charset: str | None, source: str) -> str:
    """The page's text: the HTTP charset when the bytes fit it, else the reader's rules
    (:func:`loaders.read.decode_bytes`: BOM, ``<meta charset>``, UTF-8, then CP1252/Latin-1).

    A single-byte charset on bytes that are valid UTF-8 with multi-byte characters is a
    mislabelled UTF-8 page (a Latin-1 text almost never forms valid UTF-8 sequences):

    >>> decode_page("été".encode(), "iso-8859-1", "p")
    'été'
    >>> decode_page("été".encode("latin-1"), None, "p")
    'été'
    """
    if charset and not body.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        single_byte = charset.startswith(("iso-8859", "latin", "cp125", "windows-125", "iso8859"))
        if single_byte and not body.isascii():
            try:
                return body.decode("utf-8")
            except UnicodeDecodeError:
                pass
        try:
            return body.decode(charset)
        except (LookupError, UnicodeDecodeError):
            pass
    from loaders.read import _decode_markup

    return _decode_markup(body, source)


def page_article(
    body: bytes,
    *,
    content_type: str,
    charset: str | None,
    source: str,
    final_url: str,
    language: str | None = None,
) -> Article:
    """One article from a fetched page; raise InputError when it has none.

    ``source`` is the URL asked for (what error lines name); ``language`` a feed's declared
    language, used when the text alone does not tell French from English.
    """
    kind = classify(content_type, body)
    if kind == "unsupported":
        raise InputError(source, f"not an article page: content type {content_type or 'unknown'!r}")
    if kind == "feed":
        raise InputError(source, "a feed, not an article page")
    text = decode_page(body, charset, source)
    if not text.strip():
        raise InputError(source, "empty page (no article text)")
    if kind == "text":
        from loaders.read import parse_plain_text

        article = parse_plain_text(text, source)
    else:
        from loaders.formats import read_html

        results = list(read_html(text, source))
        if isinstance(results[0], InputError):
            raise results[0]
        article = results[0]
    url = article.url
    if not url or _root_of_another_page(url, final_url):
        url = final_url
    article = dataclasses.replace(article, url=url, source=source)
    return _with_language(article, language)


def summary_article(entry: "Entry", *, source: str, language: str | None = None) -> Article:
    """The article a feed entry's own text makes (when its page cannot be read)."""
    if not entry.text:
        raise InputError(source, "the feed entry has no text (no content or summary)")
    from loaders.formats import _article, choose_language

    article = _article(
        entry.text,
        source,
        title=entry.title,
        published=entry.published,
        language=choose_language(entry.text, entry.language),
        url=entry.link or None,
    )
    return _with_language(article, language)


def _with_language(article: Article, language: str | None) -> Article:
    """A feed's declared language decides when neither the text nor the page tells."""
    if language and article.language == "und":
        return dataclasses.replace(article, language=language)
    return article


def _root_of_another_page(canonical: str, final: str) -> bool:
    c, f = urlsplit(canonical), urlsplit(final)
    return c.path in ("", "/") and not c.query and f.path not in ("", "/")


# ----------------------------------------------------------------------------------------------
# feeds


@dataclass(frozen=True)
class Entry:
    """One feed entry: what the feed says of an article."""

    guid: str | None
    link: str | None
    title: str | None
    text: str
    published: str | None
    language: str | None
    #: hash of what the feed says (title, text, link, dates): a new value is a changed entry
    fingerprint: str
    position: int


@dataclass(frozen=True)
class FeedDocument:
    title: str | None
    language: str | None
    link: str | None
    entries: tuple[Entry, ...]


def parse_feed(data: bytes, source: str) -> FeedDocument:
    """Parse an RSS/Atom document; raise InputError (entity declarations, broken XML, not a
    feed, no entries) as a feed file would."""
    from loaders.formats import _check_xml, _entry_text, entry_published

    problem = _check_xml(data, source)
    if problem:
        raise problem
    import feedparser

    parsed = feedparser.parse(io.BytesIO(data), sanitize_html=True, resolve_relative_uris=False)
    if not parsed.get("version"):
        root = re.search(rb"<([A-Za-z_][\w:.-]*)", re.sub(rb"<[?!][^>]*>", b"", data[:4096]))
        name = root.group(1).decode("ascii", "replace") if root else "?"
        raise InputError(source, f"XML is not an RSS or Atom feed (root element <{name}>)")
    feed_lang = parsed.feed.get("language") or None
    base = dict.get(parsed.feed, "link") or source
    entries = []
    for n, entry in enumerate(parsed.entries, start=1):
        link = entry.get("link")
        link = urljoin(source, link.strip()) if link and link.strip() else None
        published = entry_published(entry)
        text = _entry_text(entry)
        title = " ".join(str(entry.get("title") or "").split()) or None
        guid = str(dict.get(entry, "id") or "").strip() or None
        declared = (entry.get("content") or [{}])[0].get("language") or feed_lang
        stamp = "\x1f".join(
            [
                title or "",
                text,
                link or "",
                str(dict.get(entry, "updated") or ""),
                str(dict.get(entry, "published") or ""),
            ]
        )
        entries.append(
            Entry(
                guid,
                link,
                title,
                text,
                published,
                declared,
                hashlib.sha256(stamp.encode("utf-8")).hexdigest()[:24],
                n,
            )
        )
    return FeedDocument(parsed.feed.get("title"), feed_lang, base if base != source else None, tuple(entries))


class _FeedLinks(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        a = {k.lower(): (v or "") for k, v in attrs}
        if (
            tag in ("link", "a")
            and "alternate" in a.get("rel", "").lower().split()
            and a.get("type", "").lower() in ("application/rss+xml", "application/atom+xml")
            and a.get("href")
        ):
            self.links.append(a["href"])


def feed_links(body: bytes, base: str) -> list[str]:
    """The feeds an HTML page announces (``<link rel=alternate type=application/rss+xml>``)."""
    parser = _FeedLinks()
    try:
        parser.feed(body[: 512 * 1024].decode("utf-8", errors="replace"))
    except Exception:  # noqa: BLE001 - a hint only
        pass
    return list(dict.fromkeys(urljoin(base, h.strip()) for h in parser.links))
