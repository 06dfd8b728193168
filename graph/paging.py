"""Reading every node of one label from a store, a page at a time: the one pager of the
exports (:mod:`graph.export.reader`) and the network analysis (:mod:`graph.analysis`).

:func:`pages` reads every id of the label once, in order, as one row holding the list
(:func:`graph.cypher.ids_of`), then runs a page query once per slice of ``page_size`` ids,
passed as ``$ids``. A page query looks its nodes up by id (``UNWIND $ids AS id MATCH
(n:Label {id: id}) ...``, the queries of :mod:`graph.cypher`): an index lookup per node on
both stores. :func:`read_ahead` reads the next page while the caller works on this one.

**The FalkorDB workaround, written here once.** The usual way to page is by keyset
(``WHERE n.id > $after ORDER BY n.id LIMIT $n``). FalkorDB 4.22's range index answers a range
predicate on a string property wrongly: ``n.id > 'Q145'`` returned no rows on a graph
holding 'Q252' ... 'Q95' (equality lookups are right). Keeping the planner off the index
(``n.id + '' > $after``, ``toString(n.id) > $after``) gives the right rows, but then every
page scans and sorts every node of the label: quadratic. The RDF export took 751 s for 1M
events that way (bench/README.md, fix 11), and ``aigov analyze`` read its 100k-event graph in
about twice the time the id list takes (fix 18). So no query pages by an id range: the id
list costs ~100 bytes a node while a label is read (about 60 MB for 1M events), and the pages
are in id order on both stores.

Examples
--------
>>> class Store:  # a stand-in with the two answers a pager asks for
...     def read(self, query, params=None):
...         if params is None:
...             return [{"ids": ["Q145", "Q252", "Q95"]}]
...         return [{"id": i} for i in params["ids"]]
>>> list(pages(Store(), "Entity", "UNWIND $ids AS id ...", 2))
[[{'id': 'Q145'}, {'id': 'Q252'}], [{'id': 'Q95'}]]
"""

from __future__ import annotations

import queue
import threading
from typing import Any, Iterator, TypeVar

from graph.cypher import ids_of
from graph.errors import StoreError

__all__ = ["StoreChanged", "all_ids", "id_pages", "pages", "read_ahead"]


class StoreChanged(StoreError):
    """A node listed by id was gone when its page was read (the store changed meanwhile)."""

    def __init__(self, read: int, wanted: int) -> None:
        self.read, self.wanted = read, wanted
        super().__init__(f"read {read} of {wanted} nodes of a page: the store changed during the read")


def all_ids(store: Any, label: str) -> list[str]:
    """Every id of the nodes of ``label``, in the store's order (one row holding the list)."""
    rows = store.read(ids_of(label))
    return rows[0]["ids"] if rows else []


def id_pages(store: Any, label: str, page_size: int) -> Iterator[list[str]]:
    """The ids of ``label`` in order, ``page_size`` at a time; the list is read at the first
    page, not before."""
    if page_size < 1:
        raise ValueError(f"page size must be at least 1, not {page_size}")
    ids = all_ids(store, label)
    for start in range(0, len(ids), page_size):
        yield ids[start : start + page_size]


def pages(
    store: Any, label: str, query: str, page_size: int, *, one_row_per_id: bool = False
) -> Iterator[list[dict[str, Any]]]:
    """The rows of ``query`` (which takes ``$ids``) for every node of ``label``, a page of
    ``page_size`` ids at a time, in id order; each page is read when asked for.

    With ``one_row_per_id`` the query returns one row per id with an ``id`` column, in id
    order, and a page that does not hold exactly the ids asked for raises
    :class:`StoreChanged` (a node deleted between the id list and its page) rather than leave
    a gap.
    """
    for wanted in id_pages(store, label, page_size):
        rows = store.read(query, {"ids": wanted})
        if one_row_per_id and [r["id"] for r in rows] != wanted:
            raise StoreChanged(len(rows), len(wanted))
        yield rows


_T = TypeVar("_T")


def read_ahead(pages: Iterator[_T]) -> Iterator[_T]:
    """Yield ``pages`` while a thread already reads the next one from the store.

    Working on a page costs this process CPU while the store's server works on the next query
    on the other core; reading one page ahead overlaps the two (the thread waits on a
    socket, which releases the GIL). At most one page waits, so memory stays flat. An error
    in a read is raised here, in the consumer; closing the consumer stops the thread.

    >>> list(read_ahead(iter([1, 2, 3])))
    [1, 2, 3]
    """
    slot: queue.Queue = queue.Queue(maxsize=1)
    stop = threading.Event()
    end = object()

    def put(item: tuple) -> bool:
        while not stop.is_set():
            try:
                slot.put(item, timeout=0.1)
                return True
            except queue.Full:
                continue
        return False

    def work() -> None:
        try:
            for page in pages:
                if not put((page, None)):
                    return
        except BaseException as exc:  # handed to the consumer, raised there
            put((end, exc))
            return
        put((end, None))

    thread = threading.Thread(target=work, name="aigov-read-ahead", daemon=True)
    thread.start()
    try:
        while True:
            page, exc = slot.get()
            if page is end:
                if exc is not None:
                    raise exc
                return
            yield page
    finally:
        stop.set()
        thread.join()
        close = getattr(pages, "close", None)
        if close is not None:
            close()
