"""Readers for the input formats besides the plain-text article: HTML, RSS/Atom, JSON, CSV.

Each reader takes the bytes (or text) of one file and yields :class:`graph.model.Article`
records or :class:`graph.errors.InputError` values, so one bad record never stops the others.
:func:`loaders.read.read_sources` picks the reader (by extension, then by sniffing the content).

* **HTML**: the main text comes from ``trafilatura`` when it is installed (else from a stdlib
  ``html.parser`` extractor that drops scripts, navigation, headers, footers and asides);
  title, date, language and url come from the page's metadata (``og:title``/``<title>``,
  ``article:published_time``/``<time datetime>``/JSON-LD ``datePublished``, ``<html lang>``,
  ``<link rel=canonical>``/``og:url``).
* **Feeds** (RSS 0.9x/1.0/2.0, Atom): each entry is an article (title, published date,
  content or summary as text, link as url). The XML is first checked with ``defusedxml``:
  entity declarations (billion laughs, external entities) are refused, broken XML is reported
  with its line, and nothing is fetched from the network.
* **JSON Lines, JSON, CSV/TSV**: each record is an article. The fields are found under common
  column names (``text``/``body``/``content``...) unless ``columns`` names them; a bad record
  is an error naming the file and its line.

Examples
--------
>>> arts = list(read_jsonl('{"title": "T", "text": "The FTC fined Meta on Tuesday."}\\n', "a.jsonl"))
>>> arts[0].title, arts[0].source
('T', 'a.jsonl:1')
>>> parse_date("Tue, 14 Jan 2026 08:00:00 GMT"), parse_date("2026-01-14T08:00:00Z")
('2026-01-14', '2026-01-14')
>>> html_to_text("<p>Un <b>deux</b></p><script>x()</script><p>trois</p>")
'Un deux\\n\\ntrois'
"""

from __future__ import annotations

import csv
import datetime as dt
import email.utils
import io
import json
import logging
import re
from html.parser import HTMLParser
from typing import Any, Iterator, Mapping, Union

from graph.errors import InputError
from graph.model import Article
from loaders.lang import SUPPORTED, detect_language

__all__ = [
    "FIELDS",
    "DEFAULT_COLUMNS",
    "parse_columns",
    "parse_date",
    "choose_language",
    "html_to_text",
    "read_html",
    "read_feed",
    "read_jsonl",
    "read_json",
    "read_csv",
    "sniff_format",
    "FORMATS",
    "trafilatura_available",
]

Result = Union[Article, InputError]

#: The article fields a record can carry, in the order ``--columns`` lists them.
FIELDS = ("title", "date", "text", "url", "language")

#: Column names looked for when ``columns`` does not name a field (first match wins,
#: compared case-insensitively).
DEFAULT_COLUMNS: dict[str, tuple[str, ...]] = {
    "title": ("title", "headline", "titre", "name"),
    "date": (
        "date",
        "published",
        "published_at",
        "publishedat",
        "pubdate",
        "datepublished",
        "publication_date",
        "time",
    ),
    "text": ("text", "body", "content", "article", "texte", "contenu", "description", "summary"),
    "url": ("url", "link", "href", "uri"),
    "language": ("language", "lang", "langue"),
}

#: The formats :func:`loaders.read.read_sources` knows (``format=`` forces one).
FORMATS = ("text", "html", "feed", "json", "jsonl", "csv", "tsv")

#: A record (one JSON line, one CSV row) longer than this is refused.
MAX_RECORD_CHARS = 10 * 1024 * 1024


# ---------------------------------------------------------------------------------------------
# shared helpers


def parse_columns(spec: str | Mapping[str, str] | None) -> dict[str, str]:
    """``"title=headline,text=body"`` (or a mapping) -> ``{"title": "headline", "text": "body"}``.

    >>> parse_columns("title=headline, text=body")
    {'title': 'headline', 'text': 'body'}
    >>> parse_columns("body=x")
    Traceback (most recent call last):
    ...
    graph.errors.InputError: --columns: unknown field 'body'; the fields are title, date, text, url, language
    """
    if not spec:
        return {}
    pairs = spec.items() if isinstance(spec, Mapping) else []
    if isinstance(spec, str):
        out = []
        for part in spec.split(","):
            if not part.strip():
                continue
            if "=" not in part:
                raise InputError("--columns", f"{part.strip()!r} is not FIELD=COLUMN")
            key, value = part.split("=", 1)
            out.append((key, value))
        pairs = out
    columns: dict[str, str] = {}
    for key, value in pairs:
        key, value = str(key).strip().lower(), str(value).strip()
        if key not in FIELDS:
            raise InputError("--columns", f"unknown field {key!r}; the fields are {', '.join(FIELDS)}")
        if not value:
            raise InputError("--columns", f"field {key!r} has an empty column name")
        columns[key] = value
    return columns


_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:[T ].*)?$")


def parse_date(value: Any) -> str | None:
    """An ISO date (``YYYY-MM-DD``, ``YYYY-MM``, ``YYYY``) from common date spellings.

    Accepts ISO dates and date-times, RFC 2822 (RSS ``pubDate``) and Unix timestamps. Returns
    None for text it does not recognise; raises :class:`ValueError` for an impossible date.

    >>> parse_date("2026-01"), parse_date("hier"), parse_date(1736841600)
    ('2026-01', None, '2025-01-14')
    """
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        try:
            return dt.datetime.fromtimestamp(value, dt.timezone.utc).date().isoformat()
        except (OverflowError, OSError, ValueError):
            return None
    text = str(value).strip()
    m = _ISO.match(text)
    if m:
        year, month, day = m.groups()
        if day:
            return dt.date(int(year), int(month), int(day)).isoformat()  # ValueError if impossible
        if month:
            if not 1 <= int(month) <= 12:
                raise ValueError(f"month {month}")
            return f"{year}-{month}"
        return year
    try:
        parsed = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    return parsed.date().isoformat() if parsed else None


def _lang_code(value: Any) -> str:
    """``"fr-FR"`` -> ``"fr"``; ``"French"`` -> ``"fr"``; empty -> ``""``."""
    text = str(value or "").strip().lower().replace("_", "-")
    if not text:
        return ""
    names = {"french": "fr", "français": "fr", "francais": "fr", "english": "en", "anglais": "en"}
    return names.get(text, text.split("-")[0])


def choose_language(text: str, declared: Any = None, *, trust_declared: bool = False) -> str:
    """The article language: the declared one when trusted, else the detected one.

    A page's declared language (``<html lang>``, a feed's ``<language>``) is often a template
    default, so the detector wins when it recognises French or English; the declared code is
    used when the detector cannot tell (so a German page is reported as ``'de'``, not ``'und'``).
    """
    code = _lang_code(declared)
    if trust_declared and code:
        return code
    detected = detect_language(text)
    if detected in SUPPORTED or not code:
        return detected
    return code


class _TextExtractor(HTMLParser):
    """Visible text of an HTML fragment or page, one block per paragraph."""

    SKIP = {
        "script",
        "style",
        "noscript",
        "template",
        "svg",
        "math",
        "head",
        "title",
        "button",
        "select",
        "option",
        "iframe",
        "object",
        "canvas",
    }
    # not "form": ASP.NET pages wrap the whole body in one
    BOILERPLATE = {"nav", "header", "footer", "aside", "menu", "dialog"}
    BLOCK = {
        "p",
        "div",
        "br",
        "li",
        "ul",
        "ol",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "tr",
        "table",
        "section",
        "article",
        "main",
        "blockquote",
        "pre",
        "dd",
        "dt",
        "figcaption",
        "hr",
        "body",
    }
    VOID = {
        "br",
        "hr",
        "img",
        "meta",
        "link",
        "input",
        "area",
        "base",
        "col",
        "embed",
        "source",
        "track",
        "wbr",
        "param",
    }

    def __init__(self, drop_boilerplate: bool):
        super().__init__(convert_charrefs=True)
        self.drop = self.SKIP | (self.BOILERPLATE if drop_boilerplate else set())
        self.depth = 0  # inside how many dropped elements
        self.stack: list[str] = []
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in self.VOID:
            if tag in self.BLOCK and not self.depth:
                self.parts.append("\n")
            return
        self.stack.append(tag)
        if tag in self.drop:
            self.depth += 1
        elif tag in self.BLOCK and not self.depth:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.VOID or tag not in self.stack:
            return
        while self.stack:  # close implicitly closed elements too
            top = self.stack.pop()
            if top in self.drop:
                self.depth -= 1
            if top == tag:
                break
        if tag in self.BLOCK and not self.depth:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self.depth:
            self.parts.append(data)

    def text(self) -> str:
        raw = "".join(self.parts)
        paragraphs = (" ".join(p.split()) for p in re.split(r"\n\s*\n", raw))
        return "\n\n".join(p for p in paragraphs if p)


def html_to_text(html: str, *, drop_boilerplate: bool = False) -> str:
    """Visible text of HTML (stdlib only): scripts and styles dropped, paragraphs kept apart."""
    parser = _TextExtractor(drop_boilerplate)
    try:
        parser.feed(html)
        parser.close()
    except Exception:  # html.parser is lenient; keep what was read on anything odd
        pass
    return parser.text()


def _article(
    body: str, source: str, *, title: Any = None, published: str | None = None, language: str, url: Any = None
) -> Article:
    title = " ".join(str(title).split()) or None if title else None
    url = str(url).strip() or None if url else None
    return Article.from_text(body, title=title, published=published, language=language, source=source, url=url)


# ---------------------------------------------------------------------------------------------
# HTML


class _HtmlMeta(HTMLParser):
    """Title, dates, language and canonical url from a page's markup."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, str] = {}
        self.lang = ""
        self.title = ""
        self.time = ""
        self.canonical = ""
        self.jsonld: list[str] = []
        self._in: str | None = None
        self._buf: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        a = {k.lower(): (v or "") for k, v in attrs}
        if tag == "html" and a.get("lang"):
            self.lang = self.lang or a["lang"]
        elif tag == "meta":
            key = (a.get("property") or a.get("name") or a.get("itemprop") or a.get("http-equiv") or "").lower()
            if key and "content" in a:
                self.meta.setdefault(key, a["content"])
        elif tag == "link" and "canonical" in a.get("rel", "").lower().split():
            self.canonical = self.canonical or a.get("href", "")
        elif tag == "time" and a.get("datetime"):
            self.time = self.time or a["datetime"]
        elif tag == "title" and not self.title:
            self._in, self._buf = "title", []
        elif tag == "script" and a.get("type", "").lower() == "application/ld+json":
            self._in, self._buf = "jsonld", []

    def handle_endtag(self, tag: str) -> None:
        if self._in == "title" and tag == "title":
            self.title = " ".join("".join(self._buf).split())
            self._in = None
        elif self._in == "jsonld" and tag == "script":
            self.jsonld.append("".join(self._buf))
            self._in = None

    def handle_data(self, data: str) -> None:
        if self._in:
            self._buf.append(data)


def _jsonld_dates(blobs: list[str]) -> Iterator[str]:
    def walk(node: Any) -> Iterator[str]:
        if isinstance(node, dict):
            for key in ("datePublished", "dateCreated"):
                if isinstance(node.get(key), str):
                    yield node[key]
            for value in node.values():
                yield from walk(value)
        elif isinstance(node, list):
            for value in node:
                yield from walk(value)

    for blob in blobs:
        try:
            yield from walk(json.loads(blob))
        except ValueError:
            continue


def trafilatura_available() -> bool:
    """True when the ``trafilatura`` main-text extractor is installed."""
    try:
        import trafilatura  # noqa: F401
    except ImportError:
        return False
    return True


def _stdlib_main_text(html: str) -> str:
    """Visible text without boilerplate; the <article> or <main> element when there is one."""
    for tag in ("article", "main"):
        m = re.search(rf"<{tag}\b[^>]*>(.*)</{tag}\s*>", html, re.I | re.S)
        if m:
            text = html_to_text(m.group(1), drop_boilerplate=True)
            if text:
                return text
    return html_to_text(html, drop_boilerplate=True)


def _main_text(html: str) -> tuple[str, dict[str, Any]]:
    """The page's main text and trafilatura's metadata (empty without trafilatura).

    A page whose visible text is all navigation, header, footer or aside has no article text,
    whatever trafilatura salvages from it (it returns the menu of an empty page).
    """
    fallback = _stdlib_main_text(html)
    if not fallback:
        return "", {}
    try:
        import trafilatura
    except ImportError:
        return fallback, {}
    for name in ("trafilatura", "htmldate", "courlan", "justext"):
        logging.getLogger(name).setLevel(logging.CRITICAL)
    try:
        doc = trafilatura.bare_extraction(
            html, with_metadata=True, include_comments=False, include_tables=True, deduplicate=False
        )
    except Exception:  # an extractor crash must not lose the page
        doc = None
    data = (doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)) if doc is not None else {}
    text = (data.get("text") or "").strip()
    return (text or fallback), data


def read_html(html: str, source: str) -> Iterator[Result]:
    """One article from an HTML page (see the module docstring for what is read)."""
    meta = _HtmlMeta()
    try:
        meta.feed(html)
        meta.close()
    except Exception:
        pass
    body, extra = _main_text(html)
    title = meta.meta.get("og:title") or meta.meta.get("twitter:title") or meta.title or extra.get("title") or None
    if body and title:  # trafilatura repeats the <h1> headline as the first line
        first, _, rest = body.partition("\n")
        if " ".join(first.split()) == " ".join(str(title).split()) and rest.strip():
            body = rest.strip()
    if not body.strip():
        yield InputError(source, "HTML page with no article text")
        return
    published = None
    candidates = [
        meta.meta.get(k)
        for k in (
            "article:published_time",
            "og:published_time",
            "datepublished",
            "date",
            "dc.date",
            "dcterms.date",
            "publishdate",
            "pubdate",
        )
    ]
    candidates += [meta.time, *_jsonld_dates(meta.jsonld), extra.get("date")]
    for value in candidates:
        try:
            published = parse_date(value)
        except ValueError:
            published = None
        if published:
            break
    url = meta.canonical or meta.meta.get("og:url") or extra.get("url")
    if url and not str(url).startswith(("http://", "https://")):
        url = None
    declared = meta.lang or meta.meta.get("og:locale") or meta.meta.get("content-language")
    yield _article(
        body, source, title=title, published=published, language=choose_language(body, declared), url=url
    )


# ---------------------------------------------------------------------------------------------
# RSS / Atom


def _check_xml(data: bytes, source: str) -> InputError | None:
    """Refuse entity declarations and report broken XML, before any feed parsing."""
    import defusedxml.ElementTree as SafeET
    from defusedxml import DefusedXmlException

    try:
        SafeET.fromstring(data, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as exc:
        return InputError(
            source,
            "XML declares entities (<!ENTITY ...>), refused: entity "
            f"expansion and external entities are not allowed ({type(exc).__name__})",
        )
    except SafeET.ParseError as exc:
        line, _ = getattr(exc, "position", (None, None))
        reason = re.sub(r": line \d+, column \d+$", "", str(exc))
        return InputError(source, f"broken XML ({reason})", line=line)
    return None


def _entry_text(entry: Any) -> str:
    parts = entry.get("content") or []
    for part in parts:
        text = _fragment_text(part.get("value", ""), part.get("type", ""))
        if text:
            return text
    return _fragment_text(entry.get("summary", ""), (entry.get("summary_detail") or {}).get("type", ""))


def _fragment_text(value: str, mime: str) -> str:
    if not value:
        return ""
    if "html" in (mime or "html") or "<" in value:
        return html_to_text(value)
    return "\n\n".join(" ".join(p.split()) for p in re.split(r"\n\s*\n", value) if p.strip())


def read_feed(data: bytes, source: str) -> Iterator[Result]:
    """Each entry of an RSS or Atom feed as an article; its source is ``file#n`` (n from 1)."""
    problem = _check_xml(data, source)
    if problem:
        yield problem
        return
    import feedparser

    # A file object, never a string: feedparser would treat a string as a URL or a path.
    parsed = feedparser.parse(io.BytesIO(data), sanitize_html=True, resolve_relative_uris=False)
    if not parsed.get("version"):
        root = re.search(rb"<([A-Za-z_][\w:.-]*)", re.sub(rb"<[?!][^>]*>", b"", data[:4096]))
        name = root.group(1).decode("ascii", "replace") if root else "?"
        yield InputError(source, f"XML is not an RSS or Atom feed (root element <{name}>)")
        return
    if not parsed.entries:
        yield InputError(source, "feed has no entries")
        return
    feed_lang = parsed.feed.get("language") or ""
    for n, entry in enumerate(parsed.entries, start=1):
        where = f"{source}#{n}"
        body = _entry_text(entry)
        title = entry.get("title")
        if not body:
            label = f" {title!r}" if title else ""
            yield InputError(where, f"feed entry{label} has no text (no content or summary)")
            continue
        published = entry_published(entry)
        declared = (entry.get("content") or [{}])[0].get("language") or feed_lang
        yield _article(
            body,
            where,
            title=title,
            published=published,
            language=choose_language(body, declared),
            url=entry.get("link"),
        )


def entry_published(entry: Any) -> str | None:
    """A feed entry's publication date (ISO), for file feeds and fetched feeds alike: the raw
    string first, which keeps the publisher's local date (feedparser converts to UTC), then
    feedparser's parsed stamp. ``dict.get``: feedparser's own get() maps updated <-> published
    with a DeprecationWarning."""
    for raw in (dict.get(entry, "published"), dict.get(entry, "updated")):
        try:
            published = parse_date(raw)
        except ValueError:
            published = None
        if published:
            return published
    stamp = dict.get(entry, "published_parsed") or dict.get(entry, "updated_parsed")
    if stamp:
        try:
            return dt.date(*stamp[:3]).isoformat()
        except ValueError:
            return None
    return None


# ---------------------------------------------------------------------------------------------
# JSON Lines, JSON, CSV


def _resolve(keys: list[str], columns: Mapping[str, str]) -> tuple[dict[str, str | None], list[str]]:
    """Map each field to the record key that holds it; list the named columns that are missing."""
    lower: dict[str, str] = {}
    for k in keys:
        lower.setdefault(str(k).strip().lower(), k)
    found: dict[str, str | None] = {}
    missing = []
    for field in FIELDS:
        if field in columns:
            name = columns[field]
            key = name if name in keys else lower.get(name.strip().lower())
            if key is None:
                missing.append(name)
            found[field] = key
        else:
            found[field] = next((lower[c] for c in DEFAULT_COLUMNS[field] if c in lower), None)
    return found, missing


def _record(
    record: Mapping[str, Any], source: str, columns: Mapping[str, str], where: str, line: int | None
) -> Result:
    """One JSON object or CSV row -> an Article, or an InputError naming ``source`` and ``line``."""
    found, _ = _resolve(list(record.keys()), columns)
    # A JSON record may omit an optional field (title, date, url, language), even one that
    # ``columns`` names; only the text is required. (A CSV header is checked once, strictly.)
    if found["text"] is None and "text" in columns:
        return InputError(
            source,
            f"no field {columns['text']!r} for the text (the record has: "
            f"{', '.join(map(str, record.keys())) or 'nothing'})",
            line=line,
        )
    if found["text"] is None:
        looked = columns.get("text") or ", ".join(DEFAULT_COLUMNS["text"])
        return InputError(
            source,
            f"no text field (looked for {looked}; the record has: "
            f"{', '.join(map(str, record.keys())) or 'nothing'})",
            line=line,
        )
    text = record.get(found["text"])
    if isinstance(text, (dict, list)):
        return InputError(source, f"field {found['text']!r} is not text", line=line)
    text = "" if text is None else str(text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    if not text:
        return InputError(source, f"empty text in field {found['text']!r}", line=line)
    if len(text) > MAX_RECORD_CHARS:
        return InputError(
            source,
            f"text is {len(text) / 1e6:.1f} M characters, larger than "
            f"the {MAX_RECORD_CHARS // (1024 * 1024)} M limit for one article",
            line=line,
        )
    published = None
    if found["date"] is not None:
        raw = record.get(found["date"])
        try:
            published = parse_date(raw)
        except ValueError:
            return InputError(source, f"impossible date {str(raw)!r} in field {found['date']!r}", line=line)
        if published is None and raw not in (None, ""):
            return InputError(
                source, f"unrecognised date {str(raw)!r} in field {found['date']!r} (use YYYY-MM-DD)", line=line
            )
    declared = record.get(found["language"]) if found["language"] is not None else None
    return _article(
        text,
        where,
        title=record.get(found["title"]) if found["title"] else None,
        published=published,
        language=choose_language(text, declared, trust_declared=True),
        url=record.get(found["url"]) if found["url"] else None,
    )


def read_jsonl(text: str, source: str, columns: Mapping[str, str] | None = None) -> Iterator[Result]:
    """Each line a JSON object, each object an article; its source is ``file:line``."""
    columns = columns or {}
    any_line = False
    for n, line in enumerate(text.split("\n"), start=1):
        line = line.strip()
        if not line:
            continue
        any_line = True
        try:
            record = json.loads(line)
        except ValueError as exc:
            yield InputError(source, _json_problem(exc), line=n)
            continue
        if not isinstance(record, dict):
            yield InputError(source, f"a JSON {_json_kind(record)}, not an object", line=n)
            continue
        yield _record(record, source, columns, f"{source}:{n}", n)
    if not any_line:
        yield InputError(source, "empty file (no article text)")


def _json_problem(exc: ValueError) -> str:
    """``not valid JSON at column 32: unterminated string``."""
    msg = re.sub(r"(?: starting)? at$", "", getattr(exc, "msg", str(exc)))
    msg = msg[:1].lower() + msg[1:]
    col = getattr(exc, "colno", None)
    return f"not valid JSON at column {col}: {msg}" if col else f"not valid JSON: {msg}"


def _json_kind(value: Any) -> str:
    return {
        dict: "object",
        list: "array",
        str: "string",
        bool: "boolean",
        int: "number",
        float: "number",
        type(None): "null",
    }.get(type(value), type(value).__name__)


def read_json(text: str, source: str, columns: Mapping[str, str] | None = None) -> Iterator[Result]:
    """A JSON object (one article) or array of objects (one each); JSON Lines also accepted."""
    columns = columns or {}
    decoder = json.JSONDecoder()
    stripped = text.lstrip()
    offset = len(text) - len(stripped)
    if not stripped:
        yield InputError(source, "empty file (no article text)")
        return
    line_of = lambda pos: text.count("\n", 0, pos) + 1  # noqa: E731
    if stripped.startswith("["):
        pos = offset + 1
        n = 0
        while True:
            while pos < len(text) and text[pos] in " \t\r\n,":
                pos += 1
            if pos >= len(text):
                yield InputError(source, "not valid JSON: the array is not closed", line=line_of(pos))
                return
            if text[pos] == "]":
                break
            n += 1
            try:
                item, end = decoder.raw_decode(text, pos)
            except ValueError as exc:
                yield InputError(
                    source,
                    f"{_json_problem(exc)}; the rest of the file was not read",
                    line=getattr(exc, "lineno", None) or line_of(pos),
                )
                return
            if isinstance(item, dict):
                yield _record(item, source, columns, f"{source}:{line_of(pos)}", line_of(pos))
            else:
                yield InputError(
                    source, f"array item {n} is a JSON {_json_kind(item)}, not an object", line=line_of(pos)
                )
            pos = end
        if n == 0:
            yield InputError(source, "JSON array is empty (no articles)")
        return
    try:
        value, end = decoder.raw_decode(text, offset)
    except ValueError as exc:
        yield InputError(source, _json_problem(exc), line=getattr(exc, "lineno", None))
        return
    if text[end:].strip():  # more values after the first: JSON Lines in a .json file
        yield from read_jsonl(text, source, columns)
        return
    if not isinstance(value, dict):
        yield InputError(source, f"JSON file holds a {_json_kind(value)}, not an object or an array of objects")
        return
    yield _record(value, source, columns, source, None)


def read_csv(
    text: str, source: str, columns: Mapping[str, str] | None = None, delimiter: str | None = None
) -> Iterator[Result]:
    """Each row after the header an article; its source is ``file:line`` (the row's first line).

    The delimiter (``,`` ``;`` or tab) is sniffed from the header unless given.
    """
    columns = columns or {}
    if not text.strip():
        yield InputError(source, "empty file (no article text)")
        return
    if delimiter is None:
        header_line = text.lstrip("\n").split("\n", 1)[0]
        counts = {d: header_line.count(d) for d in (",", ";", "\t")}
        delimiter = max(counts, key=lambda d: counts[d]) if max(counts.values()) else ","
    # The csv module stops a file at the first field over its limit ("the rest of the file
    # was not read"), so its limit is the whole text, and a row over MAX_RECORD_CHARS is
    # refused below, alone.
    csv.field_size_limit(max(csv.field_size_limit(), len(text) + 1))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = next(reader)
        while not any(h.strip() for h in header):
            header = next(reader)
    except StopIteration:
        yield InputError(source, "empty file (no article text)")
        return
    except csv.Error as exc:
        yield InputError(source, f"CSV error: {exc}", line=reader.line_num)
        return
    header_at = reader.line_num
    header = [h.strip() for h in header]
    found, missing = _resolve(header, columns)
    if missing or found["text"] is None:
        wanted = (
            ("column " + ", ".join(map(repr, missing)))
            if missing
            else "text column (looked for " + ", ".join(DEFAULT_COLUMNS["text"]) + ")"
        )
        yield InputError(source, f"the CSV header has no {wanted}; it has: {', '.join(header)}", line=header_at)
        return
    last = header_at
    rows = 0
    while True:
        start = last + 1
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            yield InputError(source, f"CSV error: {exc}; the rest of the file was not read", line=start)
            return
        last = reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        rows += 1
        size = sum(len(cell) for cell in row)
        if size > MAX_RECORD_CHARS:
            yield InputError(
                source,
                f"row is {size / 1e6:.1f} M characters, larger than the "
                f"{MAX_RECORD_CHARS // (1024 * 1024)} M limit for one record",
                line=start,
            )
            continue
        if len(row) < len(header):
            yield InputError(source, f"row has {len(row)} fields, the header has {len(header)}", line=start)
            continue
        if len(row) > len(header) and any(c.strip() for c in row[len(header) :]):
            yield InputError(
                source,
                f"row has {len(row)} fields, the header has {len(header)} (an unquoted delimiter?)",
                line=start,
            )
            continue
        yield _record(dict(zip(header, row)), source, columns, f"{source}:{start}", start)
    if rows == 0:
        yield InputError(source, "the CSV file has a header but no rows", line=header_at)


# ---------------------------------------------------------------------------------------------
# sniffing


def sniff_format(text: str, columns: Mapping[str, str] | None = None) -> str:
    """Guess the format of decoded content: html, feed, json, jsonl, csv/tsv or text.

    >>> sniff_format('<?xml version="1.0"?><rss version="2.0"></rss>')
    'feed'
    >>> sniff_format('{"text": "a"}\\n{"text": "b"}'), sniff_format("title,text\\nT,Body")
    ('jsonl', 'csv')
    >>> sniff_format("date 2026-01-14 Titre\\n\\nCorps.")
    'text'
    """
    head = text.lstrip("\ufeff \t\r\n")[:4096]
    low = head.lower()
    if low.startswith("<"):
        if re.match(r"<!doctype\s+html|<html[\s>]", low) or re.search(r"<(head|body)[\s>]", low):
            return "html"
        if re.search(r"<(rss|feed|rdf:rdf|channel)[\s>]", low):
            return "feed"
        if low.startswith("<?xml"):
            return "html" if "<html" in low else "feed"
        return "html"
    if head.startswith("["):
        return "json"
    if head.startswith("{"):
        first = head.split("\n", 1)[0].strip()
        try:
            json.loads(first)
            return "jsonl"
        except ValueError:
            return "json"
    first = head.split("\n", 1)[0]
    for delim, fmt in (("\t", "tsv"), (",", "csv"), (";", "csv")):
        if delim in first:
            cells = [c.strip().strip('"').lower() for c in first.split(delim)]
            found, missing = _resolve(cells, columns or {})
            if not missing and found["text"] is not None:
                return fmt
    return "text"
