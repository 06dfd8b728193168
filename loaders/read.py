"""Reading inputs into :class:`graph.model.Article` records.

A *source* is a path (file or directory) or ``-`` for standard input. Each file yields one
or more articles; a file that cannot be read yields an :class:`graph.errors.InputError`
naming the file (and line) instead, so a batch goes on past bad files.

The plain-text article format (``../shared/contracts/extraction.md``)::

    date 2026-01-14 Musk affirme ...
    source: https://...
    language: fr

    Body...

Plain text without the ``date`` header line is accepted too: ``published`` is None, the
language is detected, and the first line is the title when it looks like a headline (at most
200 characters, followed by a blank line); the body is the whole text, headline included, so
the article id does not depend on that guess.

Other formats (``loaders/formats.py``): HTML pages, RSS/Atom feeds, JSON Lines, JSON and
CSV/TSV. The format comes from the extension (``.txt``, ``.html``/``.htm``,
``.xml``/``.rss``/``.atom``, ``.jsonl``/``.ndjson``, ``.json``, ``.csv``, ``.tsv``); files with
another or no extension named on the command line, and standard input, are sniffed. Directories
are walked recursively (symbolic links followed, loops reported), reading only files with those
extensions and skipping hidden files and folders and gold annotations (``*.gold.json``).

Limits: a single-article file (text, HTML) over :data:`MAX_BYTES` is refused, and so is a
multi-article file (feed, JSON, JSON Lines, CSV) over :data:`MAX_COLLECTION_BYTES`.

Examples
--------
>>> art = parse_plain_text("date 2026-01-14 Titre\\n\\nLe corps.", "a.txt")
>>> (art.published, art.title, art.body)
('2026-01-14', 'Titre', 'Le corps.')
>>> parse_plain_text("Titre sans en-tête\\n\\nLe corps du texte.", "b.txt").title
'Titre sans en-tête'
"""

from __future__ import annotations

import codecs
import datetime as dt
import errno
import logging
import os
import re
import stat
import sys
from pathlib import Path
from typing import BinaryIO, Iterable, Iterator, Mapping, Union

from graph.errors import InputError
from graph.model import Article
from loaders.lang import detect_language

__all__ = [
    "read_sources",
    "read_file",
    "read_bytes",
    "parse_plain_text",
    "decode_bytes",
    "ReadResult",
    "MAX_BYTES",
    "MAX_COLLECTION_BYTES",
    "EXTENSIONS",
    "SKIP_SUFFIXES",
]

ReadResult = Union[Article, InputError]

log = logging.getLogger("aigov.read")

#: Files larger than this are refused (a news article is a few kB; 20 MB is not an article).
#: 10 MiB leaves room for HTML pages with inline styles, scripts and data: images.
MAX_BYTES = 10 * 1024 * 1024

#: Feeds, JSON, JSON Lines and CSV files hold many articles; they are read whole, so they
#: have their own, larger limit.
MAX_COLLECTION_BYTES = 256 * 1024 * 1024

#: Extension -> format, for directory walks and for choosing a reader.
EXTENSIONS = {
    ".txt": "text",
    ".text": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".xml": "feed",
    ".rss": "feed",
    ".atom": "feed",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
    ".csv": "csv",
    ".tsv": "tsv",
}
#: Files a directory walk leaves alone: gold annotations sit beside the articles they annotate
#: (``corpus/dev/d01.txt`` + ``d01.gold.json``). Named explicitly, they are still read.
SKIP_SUFFIXES = (".gold.json",)
_COLLECTIONS = {"feed", "json", "jsonl", "csv", "tsv"}

_HEADER_DATE = re.compile(r"^\s*date\s+(\S+)(?:\s+(.*))?$")
_HEADER_KV = re.compile(r"^([A-Za-z_-]+):\s*(.*)$")
_UTF8_MULTI = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


def decode_bytes(data: bytes, source: str) -> str:
    """Decode UTF-8 (with or without BOM), else CP1252/Latin-1 when the bytes look like text.

    UTF-16 with a BOM is decoded too. UTF-8 cut off in the middle of a character (a truncated
    download) loses only that last character; UTF-8 with a few damaged bytes among many good
    accented letters keeps the good ones (the damaged bytes become U+FFFD) instead of turning
    every accent into CP1252 mojibake.

    >>> decode_bytes("été".encode("cp1252"), "x.txt")
    'été'
    >>> decode_bytes("Élysée".encode()[:-1], "x.txt")
    'Élysé'
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) and not data.startswith(codecs.BOM_UTF32_LE):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    if b"\x00" in data[:4096]:
        raise InputError(source, "binary file (NUL bytes), not a text article")
    nul = data.find(b"\x00")
    if nul >= 0:  # past the first 4 kB: refused here, not by the store at write time
        raise InputError(source, f"NUL byte at byte {nul}: binary data in a text file, not a text article")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        utf8_error = exc
    if utf8_error.reason == "unexpected end of data" and utf8_error.start >= len(data) - 3:
        return data[: utf8_error.start].decode("utf-8-sig")  # truncated in the last character
    lines, legacy, utf8 = _decode_lines(data)
    text = "".join(lines)
    # Control characters other than white space mean this was not text in a legacy encoding.
    bad = sum(1 for n in legacy for c in lines[n - 1] if ord(c) < 32 and c not in "\r\n\t\f")
    if bad > max(2, len(text) // 1000):
        raise InputError(
            source, f"not valid UTF-8 ({utf8_error.reason} at byte {utf8_error.start}) and not Latin-1/CP1252 text"
        )
    if legacy and utf8:
        shown = ", ".join(map(str, legacy[:5])) + (", ..." if len(legacy) > 5 else "")
        log.warning(
            f"{source}: mixed encodings: line{'s' if len(legacy) > 1 else ''} {shown} "
            f"{'are' if len(legacy) > 1 else 'is'} not UTF-8 and {'were' if len(legacy) > 1 else 'was'} "
            "read as Latin-1/CP1252; the other lines as UTF-8"
        )
    return text


def _decode_lines(data: bytes) -> tuple[list[str], list[int], int]:
    """Decode line by line: UTF-8 where a line is UTF-8, else CP1252 (Latin-1 for the five
    bytes CP1252 leaves undefined). A line with valid multi-byte UTF-8 and a few bad bytes is
    damaged UTF-8: its bad bytes become U+FFFD. Returns the lines (ends kept), the numbers
    of those read as CP1252/Latin-1, and how many lines were UTF-8 beyond ASCII.

    A file that joins a UTF-8 article and a Latin-1 one was decoded whole as CP1252: every
    accent of the UTF-8 part became mojibake (``bloquÃ©``) and its events were lost.

    >>> _decode_lines("bloqué\\n".encode() + "infligé\\n".encode("cp1252"))
    (['bloqué\\n', 'infligé\\n'], [2], 1)
    """
    lines: list[str] = []
    legacy: list[int] = []
    utf8 = 0
    for n, raw in enumerate(data.splitlines(keepends=True), start=1):
        if n == 1 and raw.startswith(codecs.BOM_UTF8):
            raw = raw[len(codecs.BOM_UTF8) :]
        try:
            lines.append(raw.decode("utf-8"))
            utf8 += not raw.isascii()
            continue
        except UnicodeDecodeError:
            pass
        good = len(_UTF8_MULTI.findall(raw))
        replaced = raw.decode("utf-8", errors="replace")
        if good and replaced.count("\ufffd") * 4 <= good:
            lines.append(replaced)
            utf8 += 1
            continue
        try:
            lines.append(raw.decode("cp1252"))
        except UnicodeDecodeError:
            lines.append(raw.decode("latin-1"))
        legacy.append(n)
    return lines, legacy, utf8


def _header_date(raw: str) -> str:
    """``YYYY-MM-DD`` (or ``YYYY-MM``, ``YYYY``; a date-time keeps its date); ValueError if not."""
    m = re.fullmatch(r"(\d{4})(?:-(\d{2}))?|(\d{4}-\d{2}-\d{2})(?:T[\d:.]+(?:Z|[+-][\d:]+)?)?", raw)
    if not m:
        raise ValueError(raw)
    if m.group(3):
        return dt.date.fromisoformat(m.group(3)).isoformat()
    if m.group(2) and not 1 <= int(m.group(2)) <= 12:
        raise ValueError(raw)
    return raw


def parse_plain_text(text: str, source: str) -> Article:
    """Parse the plain-text article format; raise :class:`InputError` when it is not one."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    if not text.strip():
        raise InputError(source, "empty file (no article text)")
    lines = text.split("\n")
    # skip leading blank lines
    i = 0
    while i < len(lines) and not lines[i].strip():
        i += 1
    meta: dict[str, str] = {}
    title = None
    published = None
    m = _HEADER_DATE.match(lines[i])
    if m:
        raw_date, title = m.group(1), (m.group(2) or "").strip() or None
        try:
            published = _header_date(raw_date)
        except ValueError:
            raise InputError(source, f"impossible date {raw_date!r} in the header line", line=i + 1) from None
        i += 1
        while i < len(lines) and lines[i].strip():
            kv = _HEADER_KV.match(lines[i].strip())
            if not kv:
                break  # no blank line after the header: the body starts here
            meta[kv.group(1).lower()] = kv.group(2).strip()
            i += 1
    else:
        first = lines[i].strip()
        if (
            len(first) <= 200
            and i + 1 < len(lines)
            and not lines[i + 1].strip()
            and "\n".join(lines[i + 1 :]).strip()
        ):
            title = " ".join(first.split())
    body = "\n".join(lines[i:]).strip()
    if not body:
        raise InputError(source, "the article has a header but no body")
    language = (meta.get("language") or "").lower() or detect_language(body)
    return Article.from_text(
        body,
        title=title,
        published=published,
        language=language,
        source=meta.get("source") or source,
        url=meta.get("url") or (meta.get("source") if str(meta.get("source", "")).startswith("http") else None),
    )


def _declared_xml_encoding(data: bytes) -> str | None:
    m = re.search(rb"""^\s*<\?xml[^>]*encoding=["']([A-Za-z0-9._-]+)["']""", data[:200])
    if not m:
        m = re.search(rb"""<meta[^>]+charset=["']?([A-Za-z0-9._-]+)""", data[:4096], re.I)
    return m.group(1).decode("ascii").lower() if m else None


def _decode_markup(data: bytes, source: str) -> str:
    """HTML: the declared charset when UTF-8 does not fit, else :func:`decode_bytes`."""
    declared = _declared_xml_encoding(data)
    if declared and declared not in ("utf-8", "utf8") and b"\x00" not in data[:4096]:
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            try:
                return data.decode(declared)
            except (LookupError, UnicodeDecodeError):
                pass
    return decode_bytes(data, source)


def read_bytes(
    data: bytes, source: str, fmt: str | None = None, *, columns: Mapping[str, str] | None = None
) -> Iterator[ReadResult]:
    """Read the content of one file (``fmt`` None: sniff it); yield articles or errors."""
    from loaders import formats

    try:
        if fmt == "feed":  # XML carries its own encoding; the parsers take bytes
            if b"\x00" in data[:4096] and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
                raise InputError(source, "binary file (NUL bytes), not a text article")
            if not data.strip():
                raise InputError(source, "empty file (no article text)")
            sniffed = formats.sniff_format(_decode_markup(data, source), columns)
            if sniffed == "html":
                fmt = "html"
            else:
                yield from formats.read_feed(data, source)
                return
        text = _decode_markup(data, source) if fmt in (None, "html") else decode_bytes(data, source)
        if fmt is None:
            if not text.strip():
                raise InputError(source, "empty file (no article text)")
            fmt = formats.sniff_format(text, columns)
            if fmt == "feed":
                yield from formats.read_feed(data, source)
                return
        if fmt not in _COLLECTIONS and len(data) > MAX_BYTES:
            raise InputError(source, _too_big(len(data), MAX_BYTES))
        if fmt == "text":
            yield parse_plain_text(text, source)
        elif fmt == "html":
            if not text.strip():
                raise InputError(source, "empty file (no article text)")
            yield from formats.read_html(text, source)
        elif fmt == "jsonl":
            yield from formats.read_jsonl(text, source, columns)
        elif fmt == "json":
            yield from formats.read_json(text, source, columns)
        elif fmt in ("csv", "tsv"):
            yield from formats.read_csv(text, source, columns, delimiter="\t" if fmt == "tsv" else None)
        else:
            raise InputError(source, f"unknown input format {fmt!r}; use one of {', '.join(formats.FORMATS)}")
    except InputError as exc:
        yield exc
    except RecursionError:
        yield InputError(source, "nested too deeply to read (more levels than Python's recursion limit)")
    except Exception as exc:  # noqa: BLE001 - one bad file is one error line; the batch goes on
        yield InputError(source, f"could not be read ({type(exc).__name__}: {exc})")


def _too_big(size: int, limit: int) -> str:
    what = "one article file" if limit == MAX_BYTES else "a multi-article file"
    return f"file is {size / 2**20:.1f} MB, larger than the {limit // 2**20} MB limit for {what}"


def _format_for(path: Path, forced: str | None) -> str | None:
    return forced or EXTENSIONS.get(path.suffix.lower())


def read_file(
    path: Path, *, format: str | None = None, columns: Mapping[str, str] | None = None
) -> Iterator[ReadResult]:
    """Read one file; yield its article(s) or an :class:`InputError`."""
    path = Path(path)
    source = str(path)
    fmt = _format_for(path, format)
    limit = MAX_COLLECTION_BYTES if fmt in _COLLECTIONS else MAX_BYTES
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            kind = (
                "a directory"
                if stat.S_ISDIR(info.st_mode)
                else "a named pipe"
                if stat.S_ISFIFO(info.st_mode)
                else "a socket"
                if stat.S_ISSOCK(info.st_mode)
                else "a device or special file"
            )
            yield InputError(source, f"not a regular file ({kind})")
            return
        size = info.st_size
        if size > limit:
            yield InputError(source, _too_big(size, limit))
            return
        with path.open("rb") as fh:
            data = fh.read(limit + 1)
    except OSError as exc:
        yield InputError(source, _os_problem(exc))
        return
    if len(data) > limit:  # grew while we read it
        yield InputError(source, f"file is larger than the {limit // (1024 * 1024)} MB limit")
        return
    yield from read_bytes(data, source, fmt, columns=columns)


def _os_problem(exc: OSError) -> str:
    if exc.errno == errno.ELOOP:
        return "symbolic link loop (too many levels of symbolic links)"
    if exc.errno == errno.ENOENT:
        return "cannot read: the file vanished or is a broken symbolic link"
    return f"cannot read: {exc.strerror or exc}"


def _walk(path: Path, seen: set[tuple[int, int]] | None = None) -> Iterator[Union[Path, InputError]]:
    """Files under ``path`` with a known extension, sorted; hidden entries skipped.

    Symbolic links to folders are followed once; a link back to a folder already being walked
    is reported (not followed), and so is a broken link or a link loop.
    """
    seen = set() if seen is None else seen
    try:
        info = path.stat()
    except OSError as exc:
        yield InputError(str(path), _os_problem(exc))
        return
    key = (info.st_dev, info.st_ino)
    if key in seen:
        yield InputError(str(path), "symbolic link loop (this folder is already being read)")
        return
    seen = seen | {key}
    try:
        entries = sorted(os.scandir(path), key=lambda e: e.name)
    except OSError as exc:
        yield InputError(str(path), _os_problem(exc))
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        child = Path(entry.path)
        try:
            is_dir = entry.is_dir()  # False for a broken link or a link loop
        except OSError as exc:
            yield InputError(str(child), _os_problem(exc))
            continue
        if is_dir:
            yield from _walk(child, seen)
        elif child.suffix.lower() in EXTENSIONS and not child.name.lower().endswith(SKIP_SUFFIXES):
            # not only regular files: read_file names a pipe, a broken link or a loop
            yield child


def read_sources(
    sources: Iterable[str],
    *,
    columns: Mapping[str, str] | str | None = None,
    format: str | None = None,
    stdin: BinaryIO | None = None,
) -> Iterator[ReadResult]:
    """Yield articles (or errors) from files, directories (walked recursively) and ``-``.

    Parameters
    ----------
    sources : file paths, directory paths, or ``"-"`` for standard input.
    columns : for JSON, JSON Lines and CSV: which record field holds each article field, as a
        mapping (``{"text": "body", "title": "headline"}``) or the CLI spelling
        ``"text=body,title=headline"``. Fields are ``title``, ``date``, ``text``, ``url`` and
        ``language``; a field not named is looked up under common names
        (:data:`loaders.formats.DEFAULT_COLUMNS`); a named column that a record lacks is an error.
    format : force one format for every file and standard input (``text``, ``html``,
        ``feed``, ``json``, ``jsonl``, ``csv``, ``tsv``); default: by extension, else sniffed.
    stdin : the stream ``-`` reads (default ``sys.stdin.buffer``).
    """
    from loaders.formats import FORMATS, parse_columns

    columns = parse_columns(columns)
    if format is not None and format not in FORMATS:
        raise InputError("--input-format", f"unknown input format {format!r}; use one of {', '.join(FORMATS)}")
    for src in sources:
        if src == "-":
            stream = stdin if stdin is not None else getattr(sys.stdin, "buffer", None)
            if stream is None:  # Python sets sys.stdin to None when descriptor 0 is closed
                yield InputError("<stdin>", "standard input is closed (nothing to read)")
                continue
            try:
                data = stream.read(MAX_COLLECTION_BYTES + 1)
            except (OSError, ValueError) as exc:  # EBADF, EIO; ValueError: a closed file object
                yield InputError("<stdin>", f"cannot read standard input: {getattr(exc, 'strerror', None) or exc}")
                continue
            if len(data) > MAX_COLLECTION_BYTES:
                yield InputError(
                    "<stdin>", f"more than {MAX_COLLECTION_BYTES // (1024 * 1024)} MB on standard input"
                )
                continue
            yield from read_bytes(data, "<stdin>", format, columns=columns)
            continue
        path = Path(src)
        if not os.path.lexists(path):
            yield InputError(src, "no such file or directory")
            continue
        try:
            is_dir = path.is_dir()
        except OSError:
            is_dir = False
        if is_dir:
            for item in _walk(path):
                if isinstance(item, InputError):
                    yield item
                else:
                    yield from read_file(item, format=format, columns=columns)
        else:
            yield from read_file(path, format=format, columns=columns)
