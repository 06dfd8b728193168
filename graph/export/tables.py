"""JSON Lines and CSV exports (for pandas): the store's nodes and relationships as records."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import IO, Any

from graph.export.output import text_out
from graph.export.reader import ARTICLES_PAGE, DEFAULT_PAGE_SIZE, ENTITIES_PAGE, event_pages, node_pages
from graph.export.summary import ExportError

__all__ = ["export_jsonl", "export_csv", "NODE_COLUMNS", "RELATIONSHIP_COLUMNS"]


def _clean(props: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in sorted(props.items()) if not k.startswith("_")}


def export_jsonl(store: Any, out: str | Path | IO, *, page_size: int = DEFAULT_PAGE_SIZE) -> dict[str, int]:
    """One JSON object per line: entities, then articles, then events with their actors,
    targets, reports and direct relationships (``"kind"`` tells which).

    ``pandas.read_json(path, lines=True)`` reads it; filter on ``kind``.
    """
    counts = {"entities": 0, "articles": 0, "events": 0}
    with text_out(out) as fh:
        for rows in node_pages(store, ENTITIES_PAGE, page_size):
            fh.write("".join(json.dumps({"kind": "entity", **_clean(r["props"])}, ensure_ascii=False) + "\n"
                             for r in rows))
            counts["entities"] += len(rows)
        for rows in node_pages(store, ARTICLES_PAGE, page_size):
            fh.write("".join(json.dumps({"kind": "article", **_clean(r["props"])}, ensure_ascii=False) + "\n"
                             for r in rows))
            counts["articles"] += len(rows)
        for page in event_pages(store, page_size):
            lines = []
            for row in page.events:
                obj = {"kind": "event", **_clean(row["props"]),
                       "actors": sorted(row["actors"]), "targets": sorted(row["targets"]),
                       "reports": [{"article": r["article"], **_clean(r["props"])}
                                   for r in page.reports[row["id"]]],
                       "direct": [{"source": d["src"], "type": d["type"], "target": d["dst"],
                                   **_clean(d["props"])} for d in page.direct[row["id"]]]}
                lines.append(json.dumps(obj, ensure_ascii=False) + "\n")
            fh.write("".join(lines))
            counts["events"] += len(page.events)
    return counts


NODE_COLUMNS = ["id", "label", "type", "name", "aliases", "keys", "wikidata", "title", "published",
                "language", "source", "url", "extractor", "ingested_at", "events", "date", "start",
                "end", "date_text", "modality", "quote", "detail", "evidence", "confidence",
                "first_seen"]
RELATIONSHIP_COLUMNS = ["source", "type", "target", "event_id", "mention_id", "evidence",
                        "evidence_start", "date", "date_text", "quote", "confidence", "modality"]


def _cell(value: Any) -> Any:
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return "" if value is None else value


def export_csv(store: Any, out_dir: str | Path, *, page_size: int = DEFAULT_PAGE_SIZE) -> dict[str, Any]:
    """Write ``nodes.csv`` and ``relationships.csv`` (UTF-8, header row) into ``out_dir``.

    ``label`` is Entity, Article or Event; list values (aliases, keys) are JSON arrays.
    Relationship ``type`` is ACTOR, TARGET, REPORTS or an event type (direct relation).
    """
    folder = Path(out_dir)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ExportError(f"{folder}: cannot create: {exc.strerror or exc}") from exc
    nodes_path, rels_path = folder / "nodes.csv", folder / "relationships.csv"
    n_nodes = n_rels = 0
    with text_out(nodes_path) as nf, text_out(rels_path) as rf:
        nodes = csv.DictWriter(nf, NODE_COLUMNS, extrasaction="ignore")
        rels = csv.DictWriter(rf, RELATIONSHIP_COLUMNS, extrasaction="ignore")
        nodes.writeheader()
        rels.writeheader()

        def node(label: str, props: dict[str, Any]) -> None:
            nodes.writerow({k: _cell(v) for k, v in {**props, "label": label}.items()})

        for label, query in (("Entity", ENTITIES_PAGE), ("Article", ARTICLES_PAGE)):
            for rows in node_pages(store, query, page_size):
                for r in rows:
                    node(label, r["props"])
                n_nodes += len(rows)
        for page in event_pages(store, page_size):
            for row in page.events:
                node("Event", row["props"])
                n_nodes += 1
                eid = row["id"]
                for x in sorted(row["actors"]):
                    rels.writerow({"source": x, "type": "ACTOR", "target": eid})
                for y in sorted(row["targets"]):
                    rels.writerow({"source": eid, "type": "TARGET", "target": y})
                for r in page.reports[eid]:
                    rels.writerow({**{k: _cell(v) for k, v in r["props"].items()},
                                   "source": r["article"], "type": "REPORTS", "target": eid,
                                   "event_id": eid})
                for d in page.direct[eid]:
                    rels.writerow({**{k: _cell(v) for k, v in d["props"].items()},
                                   "source": d["src"], "type": d["type"], "target": d["dst"]})
                n_rels += (len(row["actors"]) + len(row["targets"]) + len(page.reports[eid])
                           + len(page.direct[eid]))
    return {"nodes": n_nodes, "relationships": n_rels,
            "files": [str(nodes_path), str(rels_path)]}
