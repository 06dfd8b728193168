"""Reading the store for an export: pages of nodes in id order, one page read ahead.

Every id of a kind is read once, in order; pages are then fetched by id, each an index
lookup. Keyset pagination (``WHERE x.id > $after ORDER BY x.id LIMIT n``) cannot be served by
FalkorDB 4.22's range index, which answered string range predicates wrongly (``n.id > 'Q1'``
returned nothing although 'Q833' is stored), so every page scanned and sorted every node:
quadratic, 751 s for a 1M-event export, of which the exporter's own work was 132 s. The id
lists cost ~100 bytes per node (about 60 MB for 1M events), against that.

The Cypher runs on both stores; values arrive only as parameters.
"""

from __future__ import annotations

import queue
import threading
from dataclasses import dataclass
from typing import Any, Iterator, TypeVar

from graph.export.summary import ExportError
from graph.model import direct_pairs

__all__ = [
    "DEFAULT_PAGE_SIZE", "IDS", "ENTITIES_PAGE", "ARTICLES_PAGE", "EVENTS_PAGE",
    "REPORTS_OF_EVENTS", "DIRECT_OF_EVENTS", "EventPage", "node_pages", "read_node_pages",
    "entity_pages", "read_entity_pages",
    "read_ahead", "event_pages", "read_event_pages",
]

DEFAULT_PAGE_SIZE = 1000

#: Every id of one kind of node, in order.
IDS = """\
MATCH (n:{label})
WITH n.id AS id
ORDER BY id
RETURN collect(id) AS ids
"""

#: A page of entities, by id.
ENTITIES_PAGE = """\
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN n.id AS id, properties(n) AS props
ORDER BY id
"""

#: A page of articles, by id.
ARTICLES_PAGE = """\
UNWIND $ids AS id
MATCH (a:Article {id: id})
RETURN a.id AS id, properties(a) AS props
ORDER BY id
"""

#: A page of events, by id, with the ids of their actors and targets.
EVENTS_PAGE = """\
UNWIND $ids AS id
MATCH (e:Event {id: id})
OPTIONAL MATCH (x:Entity)-[ra:ACTOR]->(e)
WITH e, collect(DISTINCT x.id) AS actors
OPTIONAL MATCH (e)-[rt:TARGET]->(y:Entity)
WITH e, actors, collect(DISTINCT y.id) AS targets
RETURN e.id AS id, properties(e) AS props, actors, targets
ORDER BY id
"""

#: The REPORTS edges of a page of events, with the reporting article's language.
REPORTS_OF_EVENTS = """\
UNWIND $ids AS id
MATCH (a:Article)-[r:REPORTS]->(e:Event {id: id})
RETURN id AS event, a.id AS article, a.language AS language, properties(r) AS props
"""

#: The direct typed relationships (actor)-[:<TYPE> {event_id}]->(target) of a page of events.
# Both endpoints are bound through the event first: expanding every outgoing edge of an
# actor cost 1.5 s per 1,000-event page for actors with thousands of edges (bench/README.md).
DIRECT_OF_EVENTS = """\
UNWIND $ids AS id
MATCH (s:Entity)-[ra:ACTOR]->(e:Event {id: id})-[rt:TARGET]->(t:Entity)
MATCH (s)-[r]->(t)
WHERE r.event_id = id
RETURN id AS event, s.id AS src, type(r) AS type, t.id AS dst, properties(r) AS props
"""

_ID_QUERIES = {q: IDS.format(label=label) for q, label in
               ((ENTITIES_PAGE, "Entity"), (ARTICLES_PAGE, "Article"), (EVENTS_PAGE, "Event"))}


def node_pages(store: Any, query: str, page_size: int) -> Iterator[list[dict]]:
    """Pages of rows in id order, read one page ahead (:func:`read_ahead`); raises if a node
    went missing between the two reads."""
    return read_ahead(read_node_pages(store, query, page_size))


def read_node_pages(store: Any, query: str, page_size: int) -> Iterator[list[dict]]:
    """:func:`node_pages`, each page read when asked for."""
    if page_size < 1:
        raise ExportError(f"page size must be at least 1, not {page_size}")
    # one row holding the list: a row (a dict) per id cost ~230 bytes each at the peak
    rows = store.read(_ID_QUERIES[query])
    ids = rows[0]["ids"] if rows else []
    del rows
    for start in range(0, len(ids), page_size):
        wanted = ids[start:start + page_size]
        rows = store.read(query, {"ids": wanted})
        if [r["id"] for r in rows] != wanted:
            raise ExportError(f"read {len(rows)} of {len(wanted)} nodes of a page: the store "
                              "changed during the export: export again")
        yield rows



def entity_pages(store: Any, page_size: int) -> Iterator[list[dict]]:
    """Pages of entities in id order, read one page ahead, each row with ``seen``: {name or
    alias: languages of the entity's articles that contain it} (:mod:`graph.export.labels`)."""
    return read_ahead(read_entity_pages(store, page_size))


def read_entity_pages(store: Any, page_size: int) -> Iterator[list[dict]]:
    """:func:`entity_pages`, each page read when asked for."""
    from graph.export.labels import label_languages

    for rows in read_node_pages(store, ENTITIES_PAGE, page_size):
        seen = label_languages(store, [r["id"] for r in rows])
        for r in rows:
            r["seen"] = seen.get(r["id"], {})
        yield rows


_T = TypeVar("_T")


def read_ahead(pages: Iterator[_T]) -> Iterator[_T]:
    """Yield ``pages`` while a thread already reads the next one from the store.

    Writing a page costs this process CPU while the store's server works on the next query
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

    thread = threading.Thread(target=work, name="aigov-export-read-ahead", daemon=True)
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


@dataclass
class EventPage:
    """A page of events with their REPORTS edges and direct relationships, by event id."""

    events: list[dict]
    reports: dict[str, list[dict]]
    direct: dict[str, list[dict]]


def event_pages(store: Any, page_size: int, direct_props: bool = True) -> Iterator[EventPage]:
    """Pages of events with their reports and direct relations, read one page ahead
    (:func:`read_ahead`); see :func:`read_event_pages`."""
    return read_ahead(read_event_pages(store, page_size, direct_props))


def read_event_pages(store: Any, page_size: int, direct_props: bool = True) -> Iterator[EventPage]:
    """Pages of events with their reports and direct relations, each read when asked for.

    ``direct_props=False`` (the RDF export, which needs only who did what to whom) does not
    read the direct relationships: the writer makes exactly one per actor and target of the
    event (actor and target differ) with the event's type, so they follow from the event's
    actors and targets. Reading them cost a scan of every edge between the two entities,
    thousands between two busy ones.
    """
    for rows in read_node_pages(store, EVENTS_PAGE, page_size):
        ids = [r["id"] for r in rows]
        reports: dict[str, list[dict]] = {i: [] for i in ids}
        for r in store.read(REPORTS_OF_EVENTS, {"ids": ids}):
            reports[r["event"]].append(r)
        for lst in reports.values():
            lst.sort(key=lambda r: (r["article"], str(r["props"].get("mention_id"))))
        direct: dict[str, list[dict]] = {i: [] for i in ids}
        if direct_props:
            for r in store.read(DIRECT_OF_EVENTS, {"ids": ids}):
                direct[r["event"]].append(r)
        else:
            for row in rows:
                etype = row["props"]["type"]
                direct[row["id"]] = [{"event": row["id"], "src": a, "type": etype, "dst": t}
                                     for a, t in direct_pairs(row["actors"], row["targets"])]
        for lst in direct.values():
            lst.sort(key=lambda r: (r["type"], r["src"], r["dst"]))
        yield EventPage(rows, reports, direct)
