"""Reading the store for an export: pages of nodes in id order, one page read ahead.

The paging itself (every id of a kind read once, in order; pages fetched by id, each an index
lookup; why not by keyset on FalkorDB) is :mod:`graph.paging`, shared with the network
analysis. The Cypher is :mod:`graph.cypher`'s; it runs on both stores, values only as
parameters.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterator

from graph.cypher import ARTICLES_PAGE, DIRECT_OF_EVENTS, ENTITIES_PAGE, EVENTS_PAGE, IDS, REPORTS_OF_EVENTS
from graph.export.summary import ExportError
from graph.model import direct_pairs
from graph.paging import StoreChanged, pages, read_ahead

__all__ = [
    "DEFAULT_PAGE_SIZE",
    "IDS",
    "ENTITIES_PAGE",
    "ARTICLES_PAGE",
    "EVENTS_PAGE",
    "REPORTS_OF_EVENTS",
    "DIRECT_OF_EVENTS",
    "EventPage",
    "node_pages",
    "read_node_pages",
    "entity_pages",
    "read_entity_pages",
    "read_ahead",
    "event_pages",
    "read_event_pages",
]

DEFAULT_PAGE_SIZE = 1000

#: The label each page query reads.
_LABELS = {ENTITIES_PAGE: "Entity", ARTICLES_PAGE: "Article", EVENTS_PAGE: "Event"}


def node_pages(store: Any, query: str, page_size: int) -> Iterator[list[dict]]:
    """Pages of rows in id order, read one page ahead (:func:`read_ahead`); raises if a node
    went missing between the two reads."""
    return read_ahead(read_node_pages(store, query, page_size))


def read_node_pages(store: Any, query: str, page_size: int) -> Iterator[list[dict]]:
    """:func:`node_pages`, each page read when asked for (:func:`graph.paging.pages`)."""
    if page_size < 1:
        raise ExportError(f"page size must be at least 1, not {page_size}")
    try:
        yield from pages(store, _LABELS[query], query, page_size, one_row_per_id=True)
    except StoreChanged as exc:
        raise ExportError(
            f"read {exc.read} of {exc.wanted} nodes of a page: the store changed during the export: export again"
        ) from exc


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
                direct[row["id"]] = [
                    {"event": row["id"], "src": a, "type": etype, "dst": t}
                    for a, t in direct_pairs(row["actors"], row["targets"])
                ]
        for lst in direct.values():
            lst.sort(key=lambda r: (r["type"], r["src"], r["dst"]))
        yield EventPage(rows, reports, direct)
