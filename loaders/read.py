"""Reading inputs into :class:`graph.model.Article` records.

A *source* is a path (file or directory) or ``-`` for standard input. Each file yields one
or more articles; a file that cannot be read yields an :class:`graph.errors.InputError`
naming the file (and line) instead, so a batch goes on past bad files.

The plain-text article format (``../shared/contracts/extraction.md``)::

    date 2026-01-14 Musk affirme ...
    source: https://...
    language: fr

    Body...

Examples
--------
>>> art = parse_plain_text("date 2026-01-14 Titre\\n\\nLe corps.", "a.txt")
>>> (art.published, art.title, art.body)
('2026-01-14', 'Titre', 'Le corps.')
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from pathlib import Path
from typing import Iterator, Union

from graph.errors import InputError
from graph.model import Article
from loaders.lang import detect_language

__all__ = ["read_sources", "read_file", "parse_plain_text", "decode_bytes", "ReadResult",
           "MAX_BYTES"]

ReadResult = Union[Article, InputError]

#: Files larger than this are refused (a news article is a few kB; 20 MB is not an article).
MAX_BYTES = 10 * 1024 * 1024

_HEADER_DATE = re.compile(r"^\s*date\s+(\S+)(?:\s+(.*))?$")
_HEADER_KV = re.compile(r"^([A-Za-z_-]+):\s*(.*)$")


def decode_bytes(data: bytes, source: str) -> str:
    """Decode UTF-8 (with or without BOM), else CP1252/Latin-1 when the bytes look like text.

    >>> decode_bytes("été".encode("cp1252"), "x.txt")
    'été'
    """
    if b"\x00" in data[:4096]:
        raise InputError(source, "binary file (NUL bytes), not a text article")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        utf8_error = exc
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        text = data.decode("latin-1")
    # Control characters other than white space mean this was not text in a legacy encoding.
    bad = sum(1 for c in text if ord(c) < 32 and c not in "\r\n\t\f")
    if bad > max(2, len(text) // 1000):
        raise InputError(source, f"not valid UTF-8 ({utf8_error.reason} at byte {utf8_error.start}) "
                                 "and not Latin-1/CP1252 text")
    return text


def parse_plain_text(text: str, source: str) -> Article:
    """Parse the plain-text article format; raise :class:`InputError` when it is not one."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
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
            published = dt.date.fromisoformat(raw_date).isoformat()
        except ValueError:
            raise InputError(source, f"impossible date {raw_date!r} in the header line", line=i + 1)
        i += 1
        while i < len(lines) and lines[i].strip():
            kv = _HEADER_KV.match(lines[i].strip())
            if not kv:
                break  # no blank line after the header: the body starts here
            meta[kv.group(1).lower()] = kv.group(2).strip()
            i += 1
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


def read_file(path: Path) -> Iterator[ReadResult]:
    """Read one file; yield its article(s) or an :class:`InputError`."""
    source = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            yield InputError(source, f"file is {size / 1e6:.1f} MB, larger than the "
                                     f"{MAX_BYTES // (1024 * 1024)} MB limit for one article file")
            return
        data = path.read_bytes()
    except OSError as exc:
        yield InputError(source, f"cannot read: {exc.strerror or exc}")
        return
    try:
        yield parse_plain_text(decode_bytes(data, source), source)
    except InputError as exc:
        yield exc


def _walk(path: Path) -> Iterator[Path]:
    if path.is_dir():
        for child in sorted(path.rglob("*")):
            if child.is_file() and not child.name.startswith(".") and child.suffix in (".txt", ""):
                yield child
    else:
        yield path


def read_sources(sources: list[str]) -> Iterator[ReadResult]:
    """Yield articles (or errors) from files, directories (walked recursively) and ``-``."""
    for src in sources:
        if src == "-":
            data = sys.stdin.buffer.read()
            try:
                yield parse_plain_text(decode_bytes(data, "<stdin>"), "<stdin>")
            except InputError as exc:
                yield exc
            continue
        path = Path(src)
        if not path.exists():
            yield InputError(src, "no such file or directory")
            continue
        for file in _walk(path):
            yield from read_file(file)
