"""One exception root for the whole project.

Every error the library raises on purpose derives from :class:`AigovError`, so the CLI
can turn all of them into a one-line message and a fixed exit code.

Examples
--------
>>> try:
...     raise InputError("notes.txt", "empty file")
... except AigovError as e:
...     print(e)
notes.txt: empty file
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # graph.store imports this module
    from graph.store import IngestSummary

__all__ = [
    "AigovError",
    "InputError",
    "ExtractionError",
    "SchemaError",
    "StoreError",
    "StoreUnavailable",
    "StoreNotWritable",
    "QueryError",
    "ServerError",
]


class AigovError(Exception):
    """Root of every error aigov raises deliberately."""


class InputError(AigovError):
    """An input file (or one record of it) cannot be read as an article.

    The message always starts with the file name (and the line, when known).
    """

    def __init__(self, source: str, problem: str, line: int | None = None):
        self.source = str(source)
        self.problem = problem
        self.line = line
        where = f"{self.source}:{line}" if line is not None else self.source
        super().__init__(f"{where}: {problem}")


class ExtractionError(AigovError):
    """The coder produced something that violates the closed model."""


class SchemaError(AigovError):
    """A value is outside the closed vocabulary (entity type, event type, modality)."""


class StoreError(AigovError):
    """A graph store refused or failed an operation."""

    #: When the error stopped :meth:`graph.store.GraphStore.write`: the
    #: :class:`graph.store.IngestSummary` of what was committed before it.
    summary: IngestSummary | None = None


class StoreUnavailable(StoreError):
    """The graph store cannot be reached (server down, wrong credentials, not installed)."""


class StoreNotWritable(StoreUnavailable):
    """The store answers but cannot persist a write (a full disk, a read-only data folder).

    Every later write would fail the same way, so a batch stops at the first one.
    """


class QueryError(AigovError):
    """A canned or ad-hoc query is unknown, malformed, or tried to write."""


class ServerError(AigovError):
    """The managed Neo4j server could not be installed, started or stopped."""
