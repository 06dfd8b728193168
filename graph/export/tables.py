"""JSON Lines and CSV exports (for pandas): the store's nodes and relationships as records."""

from __future__ import annotations

import csv
import json
import time
from pathlib import Path
from typing import IO, Any

from graph.export.output import make_folder, text_out
from graph.export.reader import ARTICLES_PAGE, DEFAULT_PAGE_SIZE, ENTITIES_PAGE, event_pages, node_pages
from graph.export.summary import ExportSummary

__all__ = ["export_jsonl", "export_csv", "NODE_COLUMNS", "RELATIONSHIP_COLUMNS"]


def _clean(props: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in sorted(props.items()) if not k.startswith("_")}


#: the node pages both tables start with: (JSON Lines kind, CSV label, query, summary field)
_NODE_KINDS = (("entity", "Entity", ENTITIES_PAGE, "entities"), ("article", "Article", ARTICLES_PAGE, "articles"))


def export_jsonl(store: Any, out: str | Path | IO, *, page_size: int = DEFAULT_PAGE_SIZE) -> ExportSummary:
    """One JSON object per line: entities, then articles, then events with their actors,
    targets, reports and direct relationships (``"kind"`` tells which).

    ``pandas.read_json(path, lines=True)`` reads it; filter on ``kind``. A path is replaced
    only once the export is complete (:mod:`graph.export.output`).
    """
    summary = ExportSummary(format="jsonl")
    started = time.perf_counter()
    with text_out(out) as fh:
        for kind, _, query, counter in _NODE_KINDS:
            for rows in node_pages(store, query, page_size):
                fh.write(
                    "".join(
                        json.dumps({"kind": kind, **_clean(r["props"])}, ensure_ascii=False) + "\n" for r in rows
                    )
                )
                setattr(summary, counter, getattr(summary, counter) + len(rows))
        for page in event_pages(store, page_size):
            lines = []
            for row in page.events:
                obj = {
                    "kind": "event",
                    **_clean(row["props"]),
                    "actors": sorted(row["actors"]),
                    "targets": sorted(row["targets"]),
                    "reports": [{"article": r["article"], **_clean(r["props"])} for r in page.reports[row["id"]]],
                    "direct": [
                        {"source": d["src"], "type": d["type"], "target": d["dst"], **_clean(d["props"])}
                        for d in page.direct[row["id"]]
                    ],
                }
                lines.append(json.dumps(obj, ensure_ascii=False) + "\n")
            fh.write("".join(lines))
            summary.events += len(page.events)
    summary.seconds = round(time.perf_counter() - started, 3)
    if isinstance(out, (str, Path)):
        summary.files.append(str(out))
    return summary


NODE_COLUMNS = [
    "id",
    "label",
    "type",
    "name",
    "aliases",
    "keys",
    "wikidata",
    "title",
    "published",
    "language",
    "source",
    "url",
    "extractor",
    "ingested_at",
    "events",
    "date",
    "start",
    "end",
    "date_text",
    "modality",
    "quote",
    "detail",
    "evidence",
    "confidence",
    "first_seen",
]
RELATIONSHIP_COLUMNS = [
    "source",
    "type",
    "target",
    "event_id",
    "mention_id",
    "evidence",
    "evidence_start",
    "date",
    "date_text",
    "quote",
    "confidence",
    "modality",
]


def _cell(value: Any) -> Any:
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return "" if value is None else value


def export_csv(store: Any, out_dir: str | Path, *, page_size: int = DEFAULT_PAGE_SIZE) -> ExportSummary:
    """Write ``nodes.csv`` and ``relationships.csv`` (UTF-8, header row) into ``out_dir``.

    ``label`` is Entity, Article or Event; list values (aliases, keys) are JSON arrays.
    Relationship ``type`` is ACTOR, TARGET, REPORTS or an event type (direct relation).
    The folder is created if missing; each file is replaced only once the whole export is
    written (:mod:`graph.export.output`).
    """
    folder = Path(out_dir)
    make_folder(folder)
    nodes_path, rels_path = folder / "nodes.csv", folder / "relationships.csv"
    summary = ExportSummary(format="csv")
    started = time.perf_counter()
    with text_out(nodes_path) as nf, text_out(rels_path) as rf:
        nodes = csv.DictWriter(nf, NODE_COLUMNS, extrasaction="ignore")
        rels = csv.DictWriter(rf, RELATIONSHIP_COLUMNS, extrasaction="ignore")
        nodes.writeheader()
        rels.writeheader()

        def node(label: str, props: dict[str, Any]) -> None:
            nodes.writerow({k: _cell(v) for k, v in {**props, "label": label}.items()})

        for _, label, query, counter in _NODE_KINDS:
            for rows in node_pages(store, query, page_size):
                for r in rows:
                    node(label, r["props"])
                setattr(summary, counter, getattr(summary, counter) + len(rows))
        for page in event_pages(store, page_size):
            for row in page.events:
                node("Event", row["props"])
                summary.events += 1
                eid = row["id"]
                for x in sorted(row["actors"]):
                    rels.writerow({"source": x, "type": "ACTOR", "target": eid})
                for y in sorted(row["targets"]):
                    rels.writerow({"source": eid, "type": "TARGET", "target": y})
                for r in page.reports[eid]:
                    rels.writerow(
                        {
                            **{k: _cell(v) for k, v in r["props"].items()},
                            "source": r["article"],
                            "type": "REPORTS",
                            "target": eid,
                            "event_id": eid,
                        }
                    )
                for d in page.direct[eid]:
                    rels.writerow(
                        {
                            **{k: _cell(v) for k, v in d["props"].items()},
                            "source": d["src"],
                            "type": d["type"],
                            "target": d["dst"],
                        }
                    )
                summary.relationships += (
                    len(row["actors"]) + len(row["targets"]) + len(page.reports[eid]) + len(page.direct[eid])
                )
    summary.nodes = summary.entities + summary.articles + summary.events
    summary.seconds = round(time.perf_counter() - started, 3)
    summary.files += [str(nodes_path), str(rels_path)]
    return summary
