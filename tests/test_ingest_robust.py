"""Ingest survives being killed half-way and being run twice at once (embedded store).

Both tests run the real ``aigov`` command in subprocesses on 400 generated articles (real
entity names from the gazetteer, a distinct number in each so every article is distinct) and
compare the store with a clean run into another home: same counts for every label and
relationship type, one Article per file, and no event reported twice by the same article.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
N_ARTICLES = 400

FR = [
    "La Malaisie a bloqué l'accès à Grok le {d} mars 2025, a annoncé la Commission malaisienne "
    "des communications, qui cite {n} signalements.",
    "La CNIL a infligé une amende de {n} millions d'euros à Google le {d} janvier 2024 pour des "
    "manquements au RGPD.",
    "L'Italie a interdit DeepSeek le {d} février 2025 après {n} plaintes, a indiqué le régulateur italien.",
    "La Commission européenne a ouvert une enquête sur Meta le {d} avril 2024, visant {n} pratiques liées à l'IA.",
]
EN = [
    "The FTC fined Meta ${n} billion on Tuesday, {d} July 2019, the agency said in a statement.",
    "Indonesia blocked access to Grok on {d} January 2026 after {n} complaints, the ministry said.",
    "The European Commission opened an investigation into X on {d} December 2023 over {n} suspected "
    "breaches of the Digital Services Act.",
    "Texas sued Character.AI on {d} May 2025, alleging {n} violations of state consumer-protection law.",
]

pytestmark = pytest.mark.slow


def aigov_command() -> list[str]:
    exe = Path(sys.executable).parent / "aigov"
    return [str(exe)] if exe.exists() else [sys.executable, str(ROOT / "cli.py")]


def aigov(home: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess:
    result = subprocess.run(
        [*aigov_command(), "--home", str(home), *args], cwd=ROOT, capture_output=True, text=True, timeout=300
    )
    if check and result.returncode != 0:
        raise AssertionError(f"aigov {' '.join(args)} exited {result.returncode}:\n{result.stderr}")
    return result


def counts(home: Path) -> dict[str, int]:
    rows = json.loads(aigov(home, "stats", "--format", "json").stdout)
    return {f"{r['kind']}:{r['name']}": r["count"] for r in rows}


def duplicate_reports(home: Path) -> int:
    rows = json.loads(
        aigov(
            home,
            "query",
            "cypher",
            "MATCH (a:Article)-[r:REPORTS]->(e:Event) WITH a, e, count(r) AS n "
            "WHERE n > 1 RETURN count(*) AS duplicates",
            "--format",
            "json",
        ).stdout
    )
    return rows[0]["duplicates"] if rows else 0


@pytest.fixture(scope="module")
def articles(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("articles")
    templates = FR + EN
    for i in range(N_ARTICLES):
        d = 1 + i % 28
        body = templates[i % len(templates)].format(d=d, n=100 + i)
        (folder / f"a{i:03d}.txt").write_text(f"date 2025-03-{d:02d} Article {i}\n\n{body}\n", encoding="utf-8")
    return folder


@pytest.fixture
def homes(tmp_path):
    """Fresh data folders; each one's embedded server is shut down at the end (last client)."""
    made: list[Path] = []

    def make(name: str) -> Path:
        made.append(tmp_path / name)
        return made[-1]

    yield make
    for home in made:
        if (home / "embedded").exists():
            aigov(home, "stats", check=False)


@pytest.fixture(scope="module")
def clean_counts(articles, tmp_path_factory) -> dict[str, int]:
    home = tmp_path_factory.mktemp("clean")
    result = aigov(home, "ingest", str(articles), "--batch-size", "20", "--json", "--silent")
    assert json.loads(result.stdout)["added"] == N_ARTICLES
    found = counts(home)
    assert found["label:Article"] == N_ARTICLES
    assert duplicate_reports(home) == 0
    return found


def test_ingest_killed_half_way_then_rerun_equals_a_clean_run(articles, homes, clean_counts):
    home = homes("killed")
    proc = subprocess.Popen(
        [*aigov_command(), "--home", str(home), "ingest", str(articles), "--batch-size", "20"],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    # The whole write takes well under a second, too quick to catch by polling `aigov stats`;
    # the progress line after each batch is the cue. SIGKILL at the first one lands while
    # later batches are being written.
    try:
        for line in proc.stderr:
            if line.startswith("written "):
                os.kill(proc.pid, signal.SIGKILL)
                break
    finally:
        proc.wait(timeout=60)
    assert proc.returncode == -signal.SIGKILL
    partial = counts(home)["label:Article"]
    assert 0 < partial < N_ARTICLES, partial
    assert duplicate_reports(home) == 0

    rerun = aigov(home, "ingest", str(articles), "--batch-size", "20", "--json", "--silent")
    summary = json.loads(rerun.stdout)
    assert (summary["added"], summary["unchanged"], summary["errors"]) == (N_ARTICLES - partial, partial, 0)
    assert counts(home) == clean_counts
    assert duplicate_reports(home) == 0


def test_two_concurrent_ingests_into_one_home_equal_a_clean_run(articles, homes, clean_counts):
    home = homes("concurrent")
    cmd = [
        *aigov_command(),
        "--home",
        str(home),
        "ingest",
        str(articles),
        "--batch-size",
        "20",
        "--json",
        "--silent",
    ]
    procs = [
        subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for _ in range(2)
    ]
    outputs = [p.communicate(timeout=300) for p in procs]
    for p, (_out, err) in zip(procs, outputs):
        assert p.returncode == 0, err
    # Writes into one folder take turns (a lock), so between them the two runs add each
    # article exactly once, and the second finds the first's articles unchanged.
    added = [json.loads(out)["added"] for out, _ in outputs]
    assert sum(added) == N_ARTICLES, added
    assert counts(home) == clean_counts
    assert duplicate_reports(home) == 0
