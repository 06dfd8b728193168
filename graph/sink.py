"""The graph store as the sink of :mod:`loaders.feeds`: what it knows, and writes that report.

``loaders`` never imports a store; :class:`loaders.feeds.Poller` is handed this adapter by the
CLI (or by a library user) instead.

Examples
--------
>>> StoreSink.__doc__.split(".")[0]
'Adapt a GraphStore to the Sink protocol of loaders'
"""

from __future__ import annotations

from typing import Callable, Sequence

from graph import cypher
from graph.model import Extraction
from graph.store import DEFAULT_BATCH_SIZE, GraphStore, IngestSummary

__all__ = ["StoreSink"]


class StoreSink:
    """Adapt a GraphStore to the Sink protocol of loaders.feeds: ``known`` asks the store
    which article ids it holds; ``write`` is :meth:`GraphStore.write` (changed pages replace
    their older versions by URL), its summaries added up in :attr:`summary`. ``store`` may be a
    function that opens it."""

    def __init__(
        self, store: GraphStore | Callable[[], GraphStore], *, extractor: str, batch_size: int = DEFAULT_BATCH_SIZE
    ):
        self._store = store
        self.extractor = extractor
        self.batch_size = batch_size
        self.summary = IngestSummary()

    @property
    def store(self) -> GraphStore:
        """The store (opened on first use when a factory was given: a poll where every feed
        answered 304 never opens it)."""
        if not isinstance(self._store, GraphStore):
            self._store = self._store()
        return self._store

    def known(self, article_ids: Sequence[str]) -> set[str]:
        ids = list(dict.fromkeys(article_ids))
        out: set[str] = set()
        for start in range(0, len(ids), 1000):
            chunk = ids[start : start + 1000]
            out.update(r["id"] for r in self.store.read(cypher.EXISTING_ARTICLES, {"ids": chunk}))
        return out

    def write(self, extractions: Sequence[Extraction]) -> IngestSummary:
        summary = self.store.write(list(extractions), extractor=self.extractor, batch_size=self.batch_size)
        self.summary.merge(summary)
        return summary
