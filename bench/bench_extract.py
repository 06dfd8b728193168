"""Extraction speed: the offline coder (``loaders.coder.code``) on one core, without and
with the optional spaCy extra (``ner=True``; measured when the extra is installed).

Baseline, same process, same articles: the cheapest pass any loader makes over a text --
``Article.from_text`` (NFC normalisation + sha256 id) and a ``\\w+`` tokenisation. The
ratio coder/baseline is machine-independent; articles/s and MB/s are printed for reference.
Peak memory: tracemalloc peak of a separate pass (Python allocations of the coder) and
``ru_maxrss`` of the process.
"""

from __future__ import annotations

import os
import re
import time
import tracemalloc
from pathlib import Path

from bench import ROOT, corpus, growth_exponent, log, peak_rss_mb, ratio, table

_WORD = re.compile(r"\w+")

TARGET_ARTICLES_PER_S = 200


def _baseline(arts) -> float:
    from graph.model import Article

    t = time.process_time()
    n = 0
    for a in arts:
        Article.from_text(a.body, language=a.language)
        n += len(_WORD.findall(a.body))
    return time.process_time() - t


def _code_all(arts, ner: bool = False) -> tuple[float, float, int]:
    from loaders.coder import code

    events = 0
    wall, cpu = time.perf_counter(), time.process_time()
    for a in arts:
        events += len(code(a, ner=ner).events)
    return time.process_time() - cpu, time.perf_counter() - wall, events


def _dev_articles():
    from graph.model import Article

    out = []
    for p in sorted((ROOT / "corpus" / "dev").glob("*.txt")):
        text = p.read_text(encoding="utf-8")
        head, _, body = text.partition("\n\n")
        out.append(
            Article.from_text(
                body.strip() or text, language="en" if "language: en" in head else "fr", source=p.name
            )
        )
    return out


def measure(arts, label: str, ner: bool = False) -> dict:
    from loaders.coder import code

    # warm the gazetteer and pattern caches, and with ner the spaCy pipelines (one per language)
    for lang in sorted({a.language for a in arts}):
        code(next(a for a in arts if a.language == lang), ner=ner)
    mb = sum(len(a.body.encode("utf-8")) for a in arts) / 2**20
    base = _baseline(arts)
    cpu, wall, events = _code_all(arts, ner)
    return {
        "corpus": label,
        "ner": ner,
        "articles": len(arts),
        "MB": round(mb, 2),
        "events": events,
        "cpu_s": round(cpu, 2),
        "articles_per_s": round(len(arts) / cpu, 1),
        "MB_per_s": round(mb / cpu, 3),
        "baseline_articles_per_s": round(len(arts) / base, 1),
        "coder_over_baseline_cost": ratio(cpu, base),
    }


def traced_peak(arts) -> float:
    from loaders.coder import code

    tracemalloc.start()
    for a in arts:
        code(a)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return round(peak / 2**20, 2)


def run(quick: bool) -> dict:
    sizes = (50, 500) if quick else (300, 3000)
    affinity = None
    if hasattr(os, "sched_getaffinity"):
        affinity = os.sched_getaffinity(0)
        os.sched_setaffinity(0, {min(affinity)})  # one core
    try:
        rows = []
        dev = _dev_articles()
        if dev and not quick:
            dev = dev * max(1, 200 // len(dev))
        if dev:
            rows.append(measure(dev, "dev (real, repeated)"))
        for n in sizes:
            log(f"extraction: {n} synthetic articles")
            rows.append(measure(corpus.articles(n, seed=11), f"synthetic {n}"))
        peak_small = traced_peak(corpus.articles(sizes[0], seed=12))
        peak_big = traced_peak(corpus.articles(sizes[0] * 3, seed=13))
        rss_before_ner = peak_rss_mb()
        ner_rows = with_ner(dev, sizes[0])
        by_size = article_size(quick)
    finally:
        if affinity:
            os.sched_setaffinity(0, affinity)
    small, big = rows[-2], rows[-1]
    growth = {
        "articles": [small["articles"], big["articles"]],
        "articles_per_s": [small["articles_per_s"], big["articles_per_s"]],
        "cost_exponent": growth_exponent(small["articles"], small["cpu_s"], big["articles"], big["cpu_s"]),
        "tracemalloc_peak_MB": [peak_small, peak_big],
        "peak_memory_flat": peak_big < 1.5 * peak_small + 1,
    }
    if ner_rows:  # the cost of the extra, relative to the plain coder on the same articles
        for r in ner_rows:
            plain = next(x for x in rows if x["corpus"] == r["corpus"])
            r["ner_over_plain_cost"] = ratio(r["cpu_s"] / r["articles"], plain["cpu_s"] / plain["articles"])
        rows += ner_rows
    growth["one_article_cost_exponent"] = by_size["growth_exponent_from_100kB"]
    result = {
        "rows": rows,
        "growth": growth,
        "by_article_size": by_size,
        "peak_rss_MB": round(rss_before_ner, 1),
        "peak_rss_MB_with_ner": round(peak_rss_mb(), 1) if ner_rows else None,
        "target": {
            "articles_per_s_per_core": TARGET_ARTICLES_PER_S,
            "measured": big["articles_per_s"],
            "met": big["articles_per_s"] >= TARGET_ARTICLES_PER_S,
        },
    }
    print(table("Extraction (one core; ner = the spaCy extra)", rows))
    print(
        f"tracemalloc peak {peak_small} MB ({sizes[0]} articles) -> {peak_big} MB ({sizes[0] * 3}); "
        f"process peak RSS {result['peak_rss_MB']} MB; target >= {TARGET_ARTICLES_PER_S} art/s: "
        f"{'met' if result['target']['met'] else 'MISSED'} ({big['articles_per_s']})"
    )
    return result


def article_size(quick: bool) -> dict:
    """The cost of ONE article as it grows from 10 kB to 5 MB (issue 17: it was quadratic, a
    1 MB article took 191 s). Each size is the dev bodies repeated; the baseline is the same
    cheapest pass as above over that very text. Reports the growth exponent between the
    smallest and the largest size (1 = linear)."""
    from graph.model import Article
    from loaders.coder import code

    dev = _dev_articles()
    text = "\n\n".join(a.body for a in dev if a.language == "en") or corpus.articles(50, seed=5)[0].body
    sizes = (10_000, 100_000, 1_000_000) if quick else (10_000, 100_000, 1_000_000, 5_000_000)
    code(Article.from_text(text[:5_000], language="en"))  # warm the caches
    rows = []
    for size in sizes:
        body = (text * (size // len(text) + 1))[:size]
        art = Article.from_text(body, language="en")
        base = _baseline([art])
        cpu = time.process_time()
        events = len(code(art).events)
        cpu = time.process_time() - cpu
        rows.append(
            {
                "article_kB": size // 1000,
                "events": events,
                "cpu_s": round(cpu, 3),
                "kB_per_s": round(size / 1000 / cpu, 1),
                "coder_over_baseline_cost": ratio(cpu, base),
            }
        )
        log(f"extraction: one article of {size // 1000} kB: {cpu:.2f} s")
    exp = growth_exponent(sizes[0], rows[0]["cpu_s"], sizes[-1], rows[-1]["cpu_s"])
    exp_upper = growth_exponent(sizes[1], rows[1]["cpu_s"], sizes[-1], rows[-1]["cpu_s"])
    print(table("Extraction of one article by size (one core)", rows))
    print(
        f"growth exponent {sizes[0] // 1000} kB -> {sizes[-1] // 1000} kB: {exp}; "
        f"{sizes[1] // 1000} kB -> {sizes[-1] // 1000} kB: {exp_upper} (1 = linear)"
    )
    return {"rows": rows, "growth_exponent": exp, "growth_exponent_from_100kB": exp_upper}


def with_ner(dev, n: int) -> list[dict]:
    """The same measurements with the spaCy extra, if it is installed (``pip install .[nlp]``)."""
    from loaders import ner

    if not ner.available("fr"):
        log("extraction: the spaCy extra is not installed; skipping the ner=True rows")
        return []
    rows = []
    if dev:
        rows.append(measure(dev, "dev (real, repeated)", ner=True))
    log(f"extraction: {n} synthetic articles with the spaCy extra")
    rows.append(measure(corpus.articles(n, seed=11), f"synthetic {n}", ner=True))
    return rows


def profile(n: int = 300, out: Path | None = None) -> str:
    """pyinstrument profile of the coder on ``n`` synthetic articles (text)."""
    from pyinstrument import Profiler

    from loaders.coder import code

    arts = corpus.articles(n, seed=21)
    code(arts[0])
    prof = Profiler(interval=0.0005)
    prof.start()
    for a in arts:
        code(a)
    prof.stop()
    text = prof.output_text(unicode=False, color=False, show_all=False)
    if out:
        out.write_text(text)
    return text
