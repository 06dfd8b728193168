"""Feeds from a local HTTP server: fetched, read, coded and stored; then polled again.

``python -m bench.bench_feeds [--quick]`` (or ``python -m bench --only feeds``). A scripted
``http.server`` on 127.0.0.1 (``tests/feedserver.py``) serves 10 RSS feeds of 100 entries each
(1,000 entries; 200 in quick mode), every entry's page an HTML rendering of one synthetic
article of ``bench/corpus.py`` (1.5-3 kB of text, French and English), with ETag and
Last-Modified. Figures:

* **first poll** with ``jobs=1``: the time split fetch / extract (read the HTML, then code) /
  write, into a fresh embedded store;
* **the same poll with ``jobs=2``** into another fresh store: the speed-up of extraction on
  two processes (baseline: the ``jobs=1`` poll of the same run), and a check that both stores
  hold the same graph;
* **second poll of the unchanged feeds**: how many requests, how many conditional, how many
  304, how many articles written (0), and whether any store count moved;
* **baseline fetch**: the same 1,000 pages fetched with a bare ``urllib.request`` loop (no
  robots.txt, no limits, one at a time), so the polite fetcher's cost is a ratio.

The fetcher runs with ``host_interval=0`` (every page is on 127.0.0.1; the default of one
request a second per host would make this a benchmark of ``time.sleep``) and its default
per-host cap of 2 requests in flight.
"""

from __future__ import annotations

import argparse
import html
import shutil
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from bench import log, ratio, save, table

N_FEEDS = 10


def _site(n_entries: int):
    from bench import corpus
    from tests.feedserver import Resource, Site, rss

    site = Site()
    arts = corpus.articles(n_entries, seed=16)
    per_feed = max(1, n_entries // N_FEEDS)
    urls = []
    for f in range(N_FEEDS):
        items = []
        for art in arts[f * per_feed : (f + 1) * per_feed]:
            path = f"/f{f}/{len(urls)}.html"
            paragraphs = "".join(f"<p>{html.escape(p)}</p>" for p in art.body.split("\n\n"))
            page = (
                f'<!doctype html><html lang="{art.language}"><head><meta charset="utf-8">'
                f"<title>{html.escape(art.title or '')}</title>"
                f'<meta property="article:published_time" content="{art.published}">'
                f'</head><body><nav><a href="/">home</a></nav><article><h1>{html.escape(art.title or "")}</h1>'
                f"{paragraphs}</article><footer>bench</footer></body></html>"
            )
            site[path] = Resource(page.encode("utf-8"))
            urls.append(site.url(path))
            items.append(
                {
                    "title": art.title,
                    "link": site.url(path),
                    "guid": path,
                    "description": art.body[:200],
                    "pubDate": "Tue, 14 Jan 2026 08:00:00 GMT",
                }
            )
        site[f"/f{f}/rss.xml"] = Resource(rss(items, title=f"bench feed {f}"), content_type="application/rss+xml")
    return site, urls


def _poll(site, home: Path, jobs: int, *, force: bool = False, book=None, store=None):
    from graph.sink import StoreSink
    from loaders import coder_version
    from loaders.feeds import Poller
    from loaders.fetch import Fetcher, FetchPolicy

    poller = Poller(
        book,
        Fetcher(FetchPolicy(host_interval=0.0)),
        StoreSink(store, extractor=coder_version()),
        jobs=jobs,
        max_new=1_000_000,
    )
    t = time.perf_counter()
    report = poller.poll(force=force)
    return time.perf_counter() - t, report


def run(quick: bool = False) -> dict:
    from graph.embedded import EmbeddedStore
    from loaders.feedstate import FeedBook

    n = 200 if quick else 1000
    site, urls = _site(n)
    homes: list[Path] = []
    rows, checks = [], {}
    try:
        with site:
            # baseline: a bare urllib loop over the same pages
            t = time.perf_counter()
            size = 0
            for u in urls:
                with urllib.request.urlopen(u, timeout=10) as resp:
                    size += len(resp.read())
            baseline = time.perf_counter() - t
            log(f"feeds: baseline urllib loop: {n} pages, {size / 2**20:.1f} MB in {baseline:.2f} s")
            graphs = {}
            for jobs in (1, 2):
                home = Path(tempfile.mkdtemp(prefix=f"aigov-bench-feeds{jobs}-"))
                homes.append(home)
                with EmbeddedStore(home) as store, FeedBook(home) as book:
                    for f in range(N_FEEDS):
                        book.add(site.url(f"/f{f}/rss.xml"), name=f"bench {f}")
                    before = len(site.requests)
                    total, rep = _poll(site, home, jobs, book=book, store=store)
                    t = rep.totals()
                    rows.append(
                        {
                            "poll": f"first, jobs={jobs}",
                            "entries": n,
                            "new": t["new"],
                            "failed": t["failed"],
                            "events": t["events"],
                            "requests": len(site.requests) - before,
                            "conditional": rep.http["conditional"],
                            "not_modified": rep.http["not_modified"],
                            "written": rep.written,
                            "fetch_s": round(rep.fetch_s, 2),
                            "extract_s": round(rep.extract_s, 2),
                            "read_s": round(rep.read_s, 2),
                            "code_s": round(rep.code_s, 2),
                            "write_s": round(rep.write_s, 2),
                            "total_s": round(total, 2),
                            "entries_per_s": round(n / total, 1),
                        }
                    )
                    log(f"feeds: first poll jobs={jobs}: {rows[-1]}")
                    if jobs == 1:
                        counts = store.counts()
                        before = len(site.requests)
                        total2, rep2 = _poll(site, home, 1, force=True, book=book, store=store)
                        sent = [r for r in site.requests[before:] if r.path != "/robots.txt"]
                        rows.append(
                            {
                                "poll": "second, unchanged",
                                "entries": n,
                                "new": rep2.totals()["new"],
                                "failed": rep2.totals()["failed"],
                                "events": rep2.totals()["events"],
                                "requests": len(site.requests) - before,
                                "conditional": rep2.http["conditional"],
                                "not_modified": rep2.http["not_modified"],
                                "written": rep2.written,
                                "fetch_s": round(rep2.fetch_s, 2),
                                "extract_s": round(rep2.extract_s, 2),
                                "read_s": round(rep2.read_s, 2),
                                "code_s": round(rep2.code_s, 2),
                                "write_s": round(rep2.write_s, 2),
                                "total_s": round(total2, 2),
                                "entries_per_s": round(n / total2, 1),
                            }
                        )
                        checks["second poll: only conditional requests (robots.txt aside)"] = all(
                            "if-none-match" in r.headers for r in sent
                        )
                        checks["second poll: all 304"] = all(r.status == 304 for r in sent)
                        checks["second poll: nothing written"] = rep2.written == 0 and store.counts() == counts
                        log(f"feeds: second poll: {rows[-1]}")
                    graphs[jobs] = store.counts()
            checks["jobs=2 stores the same graph as jobs=1"] = graphs[1] == graphs[2]
    finally:
        for h in homes:
            shutil.rmtree(h, ignore_errors=True)
    first1, second, first2 = rows[0], rows[1], rows[2]
    ratios = {
        "fetch: polite fetcher / bare urllib loop (time)": ratio(first1["fetch_s"], round(baseline, 2)),
        "extract: jobs=1 / jobs=2 (speed-up on 2 processes)": ratio(first1["extract_s"], first2["extract_s"]),
        "whole poll: jobs=1 / jobs=2": ratio(first1["total_s"], first2["total_s"]),
        "second poll / first poll (time)": ratio(second["total_s"], first1["total_s"]),
    }
    split = {k: round(first1[f"{k}_s"] / first1["total_s"], 3) for k in ("fetch", "read", "code", "write")}
    print(table(f"Feeds: {n} entries in {N_FEEDS} feeds from a local server (embedded store)", rows))
    print(
        table(
            "Feeds: ratios (baselines measured in the same run)",
            [{"figure": k, "ratio": v} for k, v in ratios.items()],
        )
    )
    print(table("Feeds: time split of the first poll (jobs=1)", [split]))
    print(table("Feeds: checks", [{"check": k, "holds": v} for k, v in checks.items()]))
    return {
        "entries": n,
        "feeds": N_FEEDS,
        "baseline_urllib_s": round(baseline, 3),
        "rows": rows,
        "ratios": ratios,
        "split_first_poll": split,
        "checks": checks,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.bench_feeds", description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="200 entries instead of 1,000")
    args = ap.parse_args(argv)
    res = run(args.quick)
    save("feeds" + (".quick" if args.quick else ""), res)
    return 0 if all(res["checks"].values()) else 1


if __name__ == "__main__":
    sys.exit(main())
