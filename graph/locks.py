"""One way to hold an exclusive ``flock`` on an open file, shared by the embedded store's home
lock and the feed poller's lock: try without waiting first, say once that we wait, then wait.

>>> import tempfile, os
>>> with tempfile.TemporaryFile() as fh, held(fh):
...     pass
"""

from __future__ import annotations

import fcntl
import logging
from contextlib import contextmanager
from typing import IO, Any, Iterator

__all__ = ["held"]


@contextmanager
def held(fh: IO[Any], waiting_message: str | None = None, log: logging.Logger | None = None) -> Iterator[None]:
    """Hold an exclusive lock on ``fh`` for the block; when another process holds it, log
    ``waiting_message`` (a warning) once and wait for it."""
    try:
        fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        if waiting_message:
            (log or logging.getLogger(__name__)).warning(waiting_message)
        fcntl.flock(fh, fcntl.LOCK_EX)
    try:
        yield
    finally:
        fcntl.flock(fh, fcntl.LOCK_UN)
