"""The feed and URL commands as a user runs them: ``aigov feeds add|list|remove|update``,
``aigov watch`` and ``aigov ingest URL``, against a local HTTP server and the embedded store:
exact messages, exit codes (1 when anything failed), one ``Error:`` line per failure naming its
URL, and a feed poll killed with SIGKILL that the next poll completes."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from cli import cli
from tests.feedserver import Resource, Site, html_page, rss

FR = (
    "La Malaisie a bloqué l'accès à Grok le {n} mars 2025, a annoncé la Commission malaisienne des "
    "communications, qui cite {n} signalements."
)
FAST_ENV = {
    "AIGOV_FETCH_HOST_INTERVAL": "0",
    "AIGOV_FETCH_TIMEOUT": "1.5",
    "AIGOV_FETCH_READ_TIMEOUT": "0.5",
    "AIGOV_FETCH_CONNECT_TIMEOUT": "1",
    "AIGOV_FETCH_BACKOFF": "0.02",
    "AIGOV_FETCH_RETRIES": "1",
}


@pytest.fixture
def site():
    with Site() as s:
        yield s


@pytest.fixture
def run(tmp_path, monkeypatch):
    home = tmp_path / "home"
    for k, v in FAST_ENV.items():
        monkeypatch.setenv(k, v)
    monkeypatch.delenv("AIGOV_STORE", raising=False)

    def invoke(*args: str):
        return CliRunner().invoke(cli, ["--home", str(home), *args], catch_exceptions=False)

    invoke.home = home
    return invoke


def news(site: Site, n: int, *, path: str = "/feed.xml", prefix: str = "/news", start: int = 1) -> str:
    items = []
    for i in range(start, start + n):
        site[f"{prefix}/{i}.html"] = Resource(html_page(f"Nouvelle {i}", [FR.format(n=i)]).encode())
        items.append(
            {
                "title": f"Nouvelle {i}",
                "link": site.url(f"{prefix}/{i}.html"),
                "guid": f"{prefix}/{i}",
                "description": FR.format(n=i),
            }
        )
    site[path] = Resource(rss(items), content_type="application/rss+xml")
    return site.url(path)


def test_add_list_remove(run):
    url = "https://example.org/rss.xml"
    result = run("feeds", "add", url, "--name", "Example", "--language", "fr")
    assert (result.exit_code, result.output) == (0, f"following {url} (Example), language fr\n")
    assert run("feeds", "add", url, "--name", "Example FR").output == f"updated {url} (Example FR), language fr\n"
    rows = json.loads(run("feeds", "list", "--format", "json").output)
    assert [(r["url"], r["name"], r["language"], r["status"], r["entries"]) for r in rows] == [
        (url, "Example FR", "fr", "new", 0)
    ]
    assert run("feeds", "remove", url).output == f"removed {url}\n"
    assert run("feeds", "list", "--format", "json").output == "[]\n"


def test_bad_feed_commands(run):
    result = run("feeds", "add", "example.org/rss")
    assert result.exit_code == 1
    assert result.output == (
        "Error: example.org/rss: not an http(s) URL (a feed is followed by its address, "
        "e.g. https://example.org/rss.xml)\n"
    )
    result = run("feeds", "remove", "https://example.org/nope")
    assert (result.exit_code, result.output) == (
        1,
        "Error: https://example.org/nope: not a followed feed (see `aigov feeds list`)\n",
    )
    assert run("feeds", "add", "https://example.org/x", "--language", "de").exit_code == 2
    result = run("feeds", "update", "https://example.org/nope")
    assert result.exit_code == 1 and "not a followed feed" in result.output
    assert run("watch", "--every", "soon", "--rounds", "1").output.startswith(
        "Error: --every: 'soon' is not an interval (e.g. 90s, 15m, 1h, 1d)"
    )


def test_update_reports_per_feed_and_exits_1_when_something_failed(run, site):
    good = news(site, 3)
    site["/gone.xml"] = Resource(b"", 410, "text/plain")
    run("feeds", "add", good, "--name", "Good")
    run("feeds", "add", site.url("/gone.xml"), "--name", "Gone")
    result = run("feeds", "update")
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert (
        f"Error: {site.url('/gone.xml')}: 410 Gone; the feed is marked gone and no longer polled "
        f"(`aigov feeds add {site.url('/gone.xml')}` follows it again)" in lines
    )
    table = [line.split() for line in lines if line.startswith(("Good", "Gone"))]
    assert table == [["Good", "ok", "3", "0", "0", "0", "0", "6"], ["Gone", "gone", "0", "0", "0", "0", "0", "0"]]
    assert any(
        line.startswith(
            "2 feeds read: 3 new (0 replacing an older text, 0 from feed summaries), "
            "0 unchanged, 0 failed, 0 pending; 6 events;"
        )
        for line in lines
    )
    assert lines[-1] == "Error: 1 failure(s) (see above); the rest was stored"
    # nothing failed this time: the gone feed is left alone, the other answers 304
    result = run("feeds", "update", "--json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.output.splitlines()[-1])
    assert report["totals"]["new"] == 0 and report["written"] == 0
    assert report["http"]["not_modified"] == 1
    assert [s["status"] for s in report["sources"]] == ["not modified", "gone"]
    stats = {r["name"]: r["count"] for r in json.loads(run("stats", "--format", "json").output)}
    assert stats["Article"] == 3


def test_ingest_urls_pages_and_feeds(run, site, tmp_path):
    page = site.url("/story.html")
    site["/story.html"] = Resource(html_page("Story", [FR.format(n=70)]).encode())
    feed = news(site, 2, path="/one-off.xml", prefix="/o")
    site["/missing.html"] = Resource(b"", 404, "text/plain")
    text = tmp_path / "a.txt"
    text.write_text("date 2019-07-24 FTC\n\nThe FTC fined Meta $5 billion on Wednesday, the agency said.\n")
    result = run("ingest", str(text), page, feed, site.url("/missing.html"), "--json")
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert f"Error: {site.url('/missing.html')}: 404 Not Found" in lines
    data = json.loads(next(line for line in lines if line.startswith("{")))
    assert data["added"] == 1 and data["urls"]["totals"]["new"] == 3 and data["urls"]["errors"] == 1
    assert run("feeds", "list", "--format", "json").output == "[]\n"  # a feed given to ingest is not followed
    again = run("ingest", page, feed)
    assert again.exit_code == 0, again.output
    assert (
        "2 URLs read: 0 new (0 replacing an older text, 0 from feed summaries), 3 unchanged, 0 failed"
        in again.output
    )


def test_watch_rounds(run, site):
    run("feeds", "add", news(site, 2), "--name", "W")
    result = run("watch", "--every", "1s", "--rounds", "2")
    assert result.exit_code == 0, result.output
    rounds = [line for line in result.output.splitlines() if line.startswith("[")]
    assert len(rounds) == 2
    assert "1 feed read: 2 new" in rounds[0] and "1 feed read: 0 new" in rounds[1]
    assert "(1 conditional, 1 not modified)" in rounds[1]


def test_watch_exits_1_after_a_failed_round(run, site):
    site["/down.xml"] = Resource(b"", 500, "text/plain", validators=False)
    run("feeds", "add", site.url("/down.xml"))
    result = run("watch", "--every", "1s", "--rounds", "1")
    assert result.exit_code == 1
    assert f"Error: {site.url('/down.xml')}: 500 Internal Server Error (2 tries)" in result.output
    assert result.output.splitlines()[-1] == "Error: 1 failure(s) while watching (see above)"


# ----------------------------------------------------------------------------------------------
# killed with SIGKILL


def aigov_process(home: Path, *args: str, env: dict) -> subprocess.Popen:
    from tests.test_ingest_robust import ROOT, aigov_command

    return subprocess.Popen(
        [*aigov_command(), "--home", str(home), *args],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def stored_entries(home: Path) -> int:
    db = home / "feeds.sqlite3"
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as conn:
            return conn.execute("SELECT count(*) FROM entries WHERE state = 'stored'").fetchone()[0]
    except sqlite3.DatabaseError:
        return 0


@pytest.mark.slow
def test_a_poll_killed_with_sigkill_is_completed_by_the_next(site, tmp_path):
    from tests.test_ingest_robust import ROOT

    env = {**os.environ, **FAST_ENV, "AIGOV_FETCH_HOST_INTERVAL": "0.01", "PYTHONPATH": str(ROOT)}
    env.pop("AIGOV_STORE", None)
    feeds = [news(site, 12, path=f"/f{k}.xml", prefix=f"/f{k}", start=100 * k) for k in range(3)]

    def follow(home: Path) -> None:
        for url in feeds:
            subprocess.run(
                [*_cmd(), "--home", str(home), "feeds", "add", url],
                env=env,
                check=True,
                capture_output=True,
                cwd=ROOT,
            )

    clean, killed = tmp_path / "clean", tmp_path / "killed"
    follow(clean)
    follow(killed)
    proc = aigov_process(killed, "feeds", "update", env=env)
    deadline = time.monotonic() + 60
    while stored_entries(killed) == 0 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.005)
    proc.send_signal(signal.SIGKILL)  # right after the first feed's state was committed
    proc.communicate()
    done = aigov_process(killed, "feeds", "update", "--force", env=env)
    out, err = done.communicate(timeout=120)
    assert done.returncode == 0, err
    reference = aigov_process(clean, "feeds", "update", env=env)
    _, err = reference.communicate(timeout=120)
    assert reference.returncode == 0, err

    def stats(home: Path) -> dict:
        r = subprocess.run(
            [*_cmd(), "--home", str(home), "stats", "--format", "json"],
            env=env,
            capture_output=True,
            text=True,
            cwd=ROOT,
            check=True,
        )
        return {f"{x['kind']}:{x['name']}": x["count"] for x in json.loads(r.stdout)}

    assert stats(killed) == stats(clean)
    assert stats(killed)["label:Article"] == 36
    assert stored_entries(killed) == 36
    with sqlite3.connect(killed / "feeds.sqlite3") as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def _cmd() -> list[str]:
    from tests.test_ingest_robust import aigov_command

    return aigov_command()
