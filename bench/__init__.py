"""aigov benchmarks (``python -m bench``): not part of the test suite.

Every figure is a ratio against a baseline measured in the same process and call, so the
numbers travel between machines; absolute timings are printed for information only and
never asserted. Results go to ``bench/results/<name>.json``. See ``bench/README.md``.
"""

from __future__ import annotations

import json
import math
import os
import platform
import resource
import sys
import time
from pathlib import Path
from typing import Any, Callable, Iterable, Sequence

ROOT = Path(__file__).resolve().parent.parent
RESULTS = Path(__file__).resolve().parent / "results"


def peak_rss_mb() -> float:
    """Peak resident set size of this process so far (MB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def current_rss_mb() -> float:
    try:
        with open("/proc/self/statm") as fh:
            return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except OSError:
        return float("nan")


def percentile(values: Sequence[float], p: float) -> float:
    """Nearest-rank percentile (p in 0..100)."""
    xs = sorted(values)
    if not xs:
        return float("nan")
    k = max(0, min(len(xs) - 1, math.ceil(p / 100 * len(xs)) - 1))
    return xs[k]


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    t = time.perf_counter()
    out = fn()
    return time.perf_counter() - t, out


def ratio(a: float | None, b: float | None) -> float | None:
    if a is None or b is None or not b:
        return None
    return round(a / b, 2)


def growth_exponent(x1: float, y1: float, x2: float, y2: float) -> float | None:
    """k in y ~ x^k between two points (1 = linear cost; > 1.15 is flagged super-linear)."""
    if min(x1, y1, x2, y2) <= 0 or x1 == x2:
        return None
    return round(math.log(y2 / y1) / math.log(x2 / x1), 2)


def fmt(v: Any) -> str:
    if v is None:
        return "-"
    if isinstance(v, float):
        if v != v:
            return "nan"
        if abs(v) >= 1000:
            return f"{v:,.0f}"
        if abs(v) >= 10:
            return f"{v:.1f}"
        return f"{v:.3g}"
    if isinstance(v, int):
        return f"{v:,}"
    return str(v)


def table(title: str, rows: Iterable[dict[str, Any]], columns: list[str] | None = None) -> str:
    rows = list(rows)
    if not rows:
        return f"\n## {title}\n(no rows)\n"
    columns = columns or list(dict.fromkeys(k for r in rows for k in r))
    cells = [[fmt(r.get(c)) for c in columns] for r in rows]
    widths = [max(len(c), *(len(row[i]) for row in cells)) for i, c in enumerate(columns)]
    line = "| " + " | ".join(c.ljust(w) for c, w in zip(columns, widths)) + " |"
    sep = "|" + "|".join("-" * (w + 2) for w in widths) + "|"
    body = ["| " + " | ".join(v.rjust(w) for v, w in zip(row, widths)) + " |" for row in cells]
    return "\n".join([f"\n## {title}\n", line, sep, *body]) + "\n"


def machine() -> dict[str, Any]:
    return {"python": sys.version.split()[0], "platform": platform.platform(), "cpus": os.cpu_count()}


def save(name: str, payload: dict[str, Any]) -> Path:
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / f"{name}.json"
    payload = {"name": name, "machine": machine(), "written": time.strftime("%Y-%m-%dT%H:%M:%S"), **payload}
    path.write_text(json.dumps(payload, indent=1, ensure_ascii=False, default=str) + "\n")
    return path


def log(msg: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


BOLT_PORT, HTTP_PORT = 7690, 7477  # never the test suite's 7687/7474
APOC_DIR = Path.home() / ".cache" / "aigov" / "bench-apoc"  # apoc-core-5.26.*.jar (for neo4j-graphrag)


def fetch_apoc() -> list[Path]:
    """The APOC core jar neo4j-graphrag's writer needs, fetched once with Maven."""
    jars = sorted(APOC_DIR.glob("apoc-*-5.26.*.jar"))
    if jars:
        return jars
    import shutil
    import subprocess

    mvn = shutil.which("mvn")
    if not mvn:
        return []
    APOC_DIR.mkdir(parents=True, exist_ok=True)
    for art in ("apoc-core", "apoc-common"):  # the unshaded jars: their deps are in Neo4j's lib
        subprocess.run(
            [
                mvn,
                "-q",
                "-B",
                "org.apache.maven.plugins:maven-dependency-plugin:3.6.1:copy",
                f"-Dartifact=org.neo4j.procedure:{art}:5.26.19:jar",
                f"-DoutputDirectory={APOC_DIR}",
            ],
            cwd=APOC_DIR,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            timeout=600,
        )
    return sorted(APOC_DIR.glob("apoc-*-5.26.*.jar"))


from contextlib import contextmanager  # noqa: E402


@contextmanager
def neo4j_server(**memory: str):
    """ONE managed Neo4j for the benchmark, in a temporary folder, on 7690/7477; always stopped."""
    import shutil
    import tempfile

    from graph.server import ManagedNeo4j

    tmp = Path(tempfile.mkdtemp(prefix="aigov-bench-neo4j-"))
    server = ManagedNeo4j(tmp, bolt_port=BOLT_PORT, http_port=HTTP_PORT, **memory)
    try:
        plugins = server.server_dir / "plugins"
        plugins.mkdir(parents=True, exist_ok=True)
        for jar in fetch_apoc():
            shutil.copy(jar, plugins / jar.name)
        log(f"starting Neo4j on bolt {BOLT_PORT} in {tmp}")
        server.start(timeout=180)
        yield server
    finally:
        try:
            server.stop()
            log("Neo4j stopped")
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
