"""Streamed ingest (issue 14): peak RSS of ``aigov ingest`` on N and on 10 x N articles.

``python -m bench.bench_ingest [--quick] [--sizes 1000,10000]``

Each run is a fresh child process (so ``ru_maxrss`` is that ingest's alone) reading a folder
of synthetic articles, one ``.txt`` file each (:func:`bench.corpus.articles`, 1.5-3 kB), coding
them on one core (``--jobs 1``: the coder runs in the measured process) and writing them to a
fresh embedded store. (A folder, not one JSON Lines file: a collection file is read whole, so
its own size would be measured.) Two ways, each at both sizes:

* ``stream``: the CLI as it is (``aigov ingest``): one batch in memory at a time;
* ``list``: the way it was before issue 14, as a baseline in the same run: every extraction
  (bodies included) collected in a list, then written.

The figure is the ratio of peak RSS at 10 x N to peak RSS at N for each way (1.0 = flat), and
the ``list`` / ``stream`` ratio at the bigger size. Timings are printed, never asserted.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench import ROOT, corpus, log, ratio, save, table

#: Articles per write: the smaller size, at most the CLI's default (1,000): the small run is
#: one batch, the big one ten.
MAX_BATCH = 1000


def _write_input(n: int, folder: Path) -> None:
    folder.mkdir()
    for i, art in enumerate(corpus.articles(n, seed=29)):
        (folder / f"a{i:06d}.txt").write_text(
            f"date {art.published} {art.title}\n\n{art.body}\n", encoding="utf-8"
        )


def _child(mode: str, source: str, home: str, batch: int) -> dict:
    """Run one ingest in this (fresh) process; return what it measured."""
    import resource

    t0 = time.perf_counter()
    if mode == "stream":
        from cli import cli

        out = cli.main(
            ["--home", home, "ingest", source, "--jobs", "1", "--batch-size", str(batch), "--silent", "--json"],
            standalone_mode=False,
        )
        assert out is None
    else:
        from graph.embedded import EmbeddedStore
        from graph.errors import InputError
        from loaders import coder_version, extract_sources

        extractions = [x for x in extract_sources([source], jobs=1) if not isinstance(x, InputError)]
        with EmbeddedStore(Path(home)) as store:
            store.write(extractions, extractor=coder_version(), batch_size=batch)
    seconds = time.perf_counter() - t0
    return {
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "seconds": round(seconds, 1),
    }


def _measure(mode: str, source: Path, n: int, batch: int) -> dict:
    home = Path(tempfile.mkdtemp(prefix="aigov-bench-ingest-"))
    try:
        proc = subprocess.run(
            [sys.executable, "-m", "bench.bench_ingest", "--child", mode, str(source), str(home), str(batch)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=3600,
        )
        if proc.returncode != 0:
            return {"mode": mode, "articles": n, "error": proc.stderr.strip().splitlines()[-1:]}
        got = json.loads(proc.stdout.strip().splitlines()[-1])
        return {
            "mode": mode,
            "articles": n,
            **got,
            "articles_per_s": round(n / got["seconds"], 1) if got["seconds"] else None,
        }
    finally:
        shutil.rmtree(home, ignore_errors=True)


def run(quick: bool = False, sizes: list[int] | None = None) -> dict:
    small, big = sizes or ([300, 3000] if quick else [1000, 10000])
    batch = min(small, MAX_BATCH)
    rows = []
    with tempfile.TemporaryDirectory(prefix="aigov-bench-ingest-in-") as tmp:
        for n in (small, big):
            source = Path(tmp) / f"articles-{n}"
            _write_input(n, source)
            size = sum(p.stat().st_size for p in source.iterdir())
            log(f"ingest: {n} articles, {size / 2**20:.1f} MB of text files")
            for mode in ("stream", "list"):
                rows.append(_measure(mode, source, n, batch))
                log(f"ingest: {rows[-1]}")
    by = {(r["mode"], r["articles"]): r for r in rows}

    def rss(mode: str, n: int) -> float | None:
        return by[(mode, n)].get("peak_rss_mb")

    result = {
        "rows": rows,
        "batch": batch,
        "sizes": [small, big],
        "rss_growth": {mode: ratio(rss(mode, big), rss(mode, small)) for mode in ("stream", "list")},
        "list_over_stream_at_big": ratio(rss("list", big), rss("stream", big)),
    }
    print(
        table(
            f"Ingest peak RSS, {small:,} vs {big:,} articles (one core, batches of {batch})",
            rows,
            ["mode", "articles", "peak_rss_mb", "seconds", "articles_per_s", "error"],
        )
    )
    print(
        f"peak RSS at {big:,} / at {small:,} articles: stream {result['rss_growth']['stream']}, "
        f"list (before issue 14) {result['rss_growth']['list']}; list / stream at {big:,}: "
        f"{result['list_over_stream_at_big']}"
    )
    return result


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.bench_ingest", description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="300 and 3,000 articles")
    ap.add_argument("--sizes", default=None, help="N,10N (default 1000,10000)")
    ap.add_argument("--child", nargs=4, metavar=("MODE", "SOURCE", "HOME", "BATCH"), help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        mode, source, home, batch = args.child
        print(json.dumps(_child(mode, source, home, int(batch))))
        return 0
    sizes = [int(s) for s in args.sizes.split(",")] if args.sizes else None
    res = run(args.quick, sizes)
    save("ingest" + (".quick" if args.quick else ""), res)
    return 0


if __name__ == "__main__":
    sys.exit(main())
