"""RDF export speed and memory: streamed N-Triples/N-Quads vs formats built as an rdflib graph.

Builds a synthetic graph (default 20k events: 5k articles x 4 events over 2k entities) in an
embedded store in a temporary folder, then exports it once per format, each in a fresh child
process so that peak RSS (``ru_maxrss``) belongs to that export alone. The FalkorDB server is
a separate process and is not counted.

Usage::

    .venv/bin/python bench/bench_rdf.py [--events 20000] [--formats nt,nquads,turtle,trig]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

TYPES = [
    ("Country", "Q"),
    ("Company", "company:"),
    ("Product", "product:"),
    ("Regulator", "Q"),
    ("Person", "person:"),
]


def build(home: Path, events: int, per_article: int = 4, entities: int = 2000, seed: int = 7) -> dict:
    from graph.embedded import EmbeddedStore
    from graph.model import Article, Entity, Event, EventType, Extraction, Modality, event_id

    rng = random.Random(seed)
    ents = []
    for i in range(entities):
        etype, prefix = TYPES[i % len(TYPES)]
        eid = f"Q{100000 + i}" if prefix == "Q" else f"{prefix}e{i}"
        ents.append(
            Entity(eid, f'Entity {i} l\'été "{i}"', etype, (f"Alias {i}",), eid if prefix == "Q" else None)
        )
    types = list(EventType)
    modalities = list(Modality)
    extractions = []
    for a in range(events // per_article):
        sentences = [f"Sentence {a}-{k}: l'acteur a agi « vite » contre la cible." for k in range(per_article)]
        body = " ".join(sentences)
        art = Article.from_text(
            body,
            title=f"Article {a}",
            published=f"2026-{1 + a % 12:02d}-{1 + a % 28:02d}",
            language="fr" if a % 2 else "en",
            source=f"a{a}.txt",
            url=f"https://example.org/{a}",
        )
        evs, used = [], {}
        for k, sentence in enumerate(sentences):
            actor, target = rng.sample(ents, 2)
            used[actor.id], used[target.id] = actor, target
            start = body.index(sentence)
            etype = types[(a + k) % len(types)]
            evs.append(
                Event(
                    id=event_id(art.id, etype, [actor.id], [target.id], start),
                    type=etype,
                    actors=[actor.id],
                    targets=[target.id],
                    evidence=sentence,
                    evidence_start=start,
                    date=f"2026-{1 + k % 12:02d}",
                    quote="« vite »" if etype is EventType.STATED else None,
                    confidence=round(rng.random(), 3),
                    modality=rng.choice(modalities),
                )
            )
        extractions.append(Extraction(art, list(used.values()), evs))
    started = time.perf_counter()
    with EmbeddedStore(home) as store:
        store.ensure_schema()
        summary = store.write(extractions, extractor="bench")
        counts = store.counts()
    return {
        "write_seconds": round(time.perf_counter() - started, 1),
        "added": summary.added,
        "events": counts["labels"].get("Event", 0),
        "entities": counts["labels"].get("Entity", 0),
    }


def _peak_rss_kb() -> int:
    """This process's own peak RSS. ``ru_maxrss`` is not: Linux carries it over from the parent
    through fork and exec, so a child of a big benchmark process reported the parent's peak.
    ``VmHWM`` belongs to the process image, which exec replaces."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def export_one(home: Path, fmt: str, out: Path) -> dict:
    from graph.embedded import EmbeddedStore
    from graph.export import export_rdf

    with EmbeddedStore(home) as store:
        started, cpu = time.perf_counter(), time.process_time()
        summary = export_rdf(store, out, fmt)
        seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    peak_kb = _peak_rss_kb()
    # wall clock includes the store answering the page reads (another process, the other
    # core); CPU seconds are the exporter's own work
    return {
        "format": fmt,
        "statements": summary.triples,
        "seconds": round(seconds, 2),
        "statements_per_s": int(summary.triples / seconds) if seconds else None,
        "cpu_seconds": round(cpu, 2),
        "statements_per_cpu_s": int(summary.triples / cpu) if cpu else None,
        "peak_rss_mb": round(peak_kb / 1024, 1),
        "bytes": out.stat().st_size,
        "streamed": summary.streamed,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=20000)
    parser.add_argument("--formats", default="nt,nquads,turtle,trig")
    parser.add_argument("--child", nargs=2, metavar=("HOME", "FORMAT"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        home, fmt = Path(args.child[0]), args.child[1]
        print(json.dumps(export_one(home, fmt, home / f"out.{fmt}")))
        return
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp)
        print(json.dumps({"build": build(home, args.events)}), flush=True)
        base = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        for fmt in args.formats.split(","):
            res = subprocess.run(
                [sys.executable, __file__, "--child", str(home), fmt],
                capture_output=True,
                text=True,
                cwd=ROOT,
                env={**os.environ},
            )
            if res.returncode:
                print(json.dumps({"format": fmt, "error": res.stderr.strip().splitlines()[-1:]}))
            else:
                print(res.stdout.strip(), flush=True)
        del base


if __name__ == "__main__":
    main()
