"""Where an export writes: a file object as it is, or a path replaced atomically.

A path is never written in place. The export goes to a new file beside it
(``<name>.<random>.part``), which is flushed to disk and renamed over the path only once the
export is complete: an export that fails, is interrupted (Ctrl-C) or killed (``kill -9``)
leaves the previous file byte for byte (a kill leaves the ``.part`` file too). A symlink is
followed, so its target is the file replaced.

Only a regular file is replaced: a device node (``/dev/null``), a FIFO, a socket or a folder
at the path, or at the end of a symlink, is refused with an :class:`ExportError`; to write
into one of them, export to stdout and redirect. Every OS error (no such folder, no
permission, a full disk) is an :class:`ExportError` naming the path, and the ``.part`` file
is removed.
"""

from __future__ import annotations

import contextlib
import errno
import io
import os
import secrets
import stat
from pathlib import Path
from typing import IO, Iterator

from graph.export.summary import ExportError

__all__ = ["binary_out", "text_out", "replace_atomically", "make_folder"]

#: what sits at a path, when it is not a regular file
_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def _cannot_write(shown: str, exc: OSError) -> ExportError:
    if exc.errno == errno.ENOENT and exc.filename is not None:
        folder = Path(exc.filename).parent
        if not folder.is_dir():
            return ExportError(f"{shown}: cannot write: no folder {folder}")
    return ExportError(f"{shown}: cannot write: {exc.strerror or exc}")


def _check_replaceable(path: Path, target: Path) -> None:
    """Raise unless ``target`` (``path`` with its symlinks resolved) is a regular file or
    nothing yet."""
    try:
        mode = os.stat(target).st_mode
    except FileNotFoundError:
        return
    except OSError as exc:  # a symlink loop, a folder we may not search...
        raise _cannot_write(str(path), exc) from exc
    if stat.S_ISREG(mode):
        return
    kind = next((name for is_kind, name in _KINDS if is_kind(mode)), "something else")
    shown = f"{path} -> {target}" if path.is_symlink() else str(path)
    hint = "" if stat.S_ISDIR(mode) else " (to write into this one, export to stdout and redirect)"
    raise ExportError(f"{shown}: {kind}, not a regular file: an export replaces only a regular file{hint}")


def _create_beside(target: Path) -> tuple[int, Path]:
    """A new, empty file in ``target``'s folder, opened for writing (mode 0666 less the
    umask, as ``open`` would make it)."""
    for _ in range(100):
        part = target.with_name(f"{target.name[:200]}.{secrets.token_hex(4)}.part")
        try:
            return os.open(part, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o666), part
        except FileExistsError:
            continue
    raise ExportError(f"{target}: cannot write: no free temporary name beside it")


@contextlib.contextmanager
def replace_atomically(path: str | Path) -> Iterator[IO[bytes]]:
    """A binary file that becomes ``path`` when the block ends without an error, and is
    removed otherwise; see the module's docstring."""
    path = Path(path)
    target = Path(os.path.realpath(path))
    _check_replaceable(path, target)
    try:
        fd, part = _create_beside(target)
    except OSError as exc:
        raise _cannot_write(str(path), exc) from exc
    try:
        with os.fdopen(fd, "wb") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        _check_replaceable(path, target)  # again: something may have taken its place since
        with contextlib.suppress(FileNotFoundError):
            os.chmod(part, stat.S_IMODE(os.stat(target).st_mode))  # the replaced file's mode
        os.replace(part, target)
    except OSError as exc:
        raise _cannot_write(str(path), exc) from exc
    finally:
        with contextlib.suppress(FileNotFoundError):  # gone once renamed
            os.unlink(part)


def make_folder(folder: str | Path) -> None:
    """Create ``folder`` and its parents where missing; an :class:`ExportError` if it cannot be."""
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise ExportError(f"{folder}: not a folder")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ExportError(f"{folder}: cannot create the folder: {exc.strerror or exc}") from exc


@contextlib.contextmanager
def binary_out(out: str | Path | IO[bytes]) -> Iterator[IO[bytes]]:
    """A binary writer: a path replaced atomically (:func:`replace_atomically`), or a file
    object as it is (the buffer of a text file)."""
    if isinstance(out, (str, Path)):
        with replace_atomically(out) as fh:
            yield fh
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
    """A UTF-8 text writer (no newline translation): a path replaced atomically, or a text
    or binary file object."""
    if isinstance(out, (str, Path)):
        with replace_atomically(out) as raw:
            wrapper = io.TextIOWrapper(raw, encoding="utf-8", newline="")
            try:
                yield wrapper
                wrapper.flush()
            finally:
                wrapper.detach()
    elif isinstance(out, io.TextIOBase):
        yield out
    else:
        wrapper = io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=True)
        try:
            yield wrapper
        finally:
            wrapper.detach()
