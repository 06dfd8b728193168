"""Where an export writes: a file object as it is, or a path."""

from __future__ import annotations

import contextlib
import io
import os
from pathlib import Path
from typing import IO, Iterator

from graph.export.summary import ExportError

__all__ = ["binary_out", "text_out"]


@contextlib.contextmanager
def binary_out(out: str | Path | IO[bytes]) -> Iterator[IO[bytes]]:
    """A binary writer; a path is written to ``<path>.part`` and renamed when complete, so a
    failed export never leaves a truncated file under the real name."""
    if isinstance(out, (str, Path)):
        path = Path(out)
        part = path.with_name(path.name + ".part")
        try:
            fh = open(part, "wb")
        except OSError as exc:
            raise ExportError(f"{out}: cannot write: {exc.strerror or exc}") from exc
        try:
            with fh:
                yield fh
            os.replace(part, path)
        finally:
            if part.exists():
                part.unlink()
    elif isinstance(out, io.TextIOBase):
        yield out.buffer if hasattr(out, "buffer") else _TextAsBinary(out)
    else:
        yield out


class _TextAsBinary(io.RawIOBase):
    """A text file without a binary buffer (``io.StringIO``) as a binary one: UTF-8."""

    def __init__(self, text: IO[str]):
        self._text = text

    def writable(self) -> bool:
        return True

    def write(self, b: bytes) -> int:  # type: ignore[override]
        self._text.write(bytes(b).decode("utf-8"))
        return len(b)


@contextlib.contextmanager
def text_out(out: str | Path | IO) -> Iterator[IO[str]]:
    """A UTF-8 text writer (no newline translation) on a path, a text or a binary file."""
    if isinstance(out, (str, Path)):
        try:
            fh = open(out, "w", encoding="utf-8", newline="")
        except OSError as exc:
            raise ExportError(f"{out}: cannot write: {exc.strerror or exc}") from exc
        with fh:
            yield fh
    elif isinstance(out, io.TextIOBase):
        yield out
    else:
        wrapper = io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=True)
        try:
            yield wrapper
        finally:
            wrapper.detach()

