"""RDF export: runs the colleague's ``bench/bench_rdf.py`` (child mode: one export per fresh
process, so its peak RSS (`VmHWM`) is that export's) on the embedded graphs the query benchmark built.

Baseline in the same call: ``turtle`` (built as an rdflib Graph, then serialised) against the
streamed ``nt`` writer, on the same store. "Flat memory" = the streamed export's peak RSS
grows by less than 1.3x when the graph grows 10x.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from bench import ROOT, log, ratio

SCRIPT = ROOT / "bench" / "bench_rdf.py"
TARGET_TRIPLES_PER_S = 300_000


def available() -> bool:
    return SCRIPT.is_file()


def export(home: Path, fmt: str, timeout: float = 900) -> dict:
    log(f"rdf: {fmt} from {home}")
    res = subprocess.run(
        [sys.executable, str(SCRIPT), "--child", str(home), fmt],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=timeout,
    )
    if res.returncode:
        return {"format": fmt, "error": (res.stderr.strip().splitlines() or ["?"])[-1]}
    out = json.loads(res.stdout.strip().splitlines()[-1])
    (home / f"out.{fmt}").unlink(missing_ok=True)
    return out


def run_on(home: Path, events: int, formats=("nt", "turtle")) -> list[dict]:
    rows = []
    for fmt in formats:
        r = export(home, fmt)
        r["events"] = events
        rows.append(r)
    nt = next((r for r in rows if r.get("format") == "nt" and "error" not in r), None)
    for r in rows:
        if nt and "error" not in r:
            r["speed_vs_nt"] = ratio(r["statements_per_s"], nt["statements_per_s"])
    return rows
