"""A full disk, a damaged settings file and a read-only home (issue 17 items 6 and 9).

Each runs the real ``aigov`` command in a subprocess on the embedded store. A full disk is a
small tmpfs the test mounts, so those tests need root (and a kernel that lets it mount); they
are skipped with the reason otherwise.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import psutil
import pytest

from graph.embedded import EmbeddedStore
from tests.conftest import SEED
from tests.test_ingest_robust import EN, FR, aigov_command

ROOT = Path(__file__).resolve().parent.parent
N_ARTICLES = 400


def aigov(home: Path, *args: str, tmpdir: Path | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "TMPDIR": str(tmpdir)} if tmpdir else None
    return subprocess.run(
        [*aigov_command(), "--home", str(home), *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
    )


def error_lines(result: subprocess.CompletedProcess) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.startswith("Error:")]


def articles_stored(home: Path) -> int:
    result = aigov(home, "stats", "--format", "json")
    assert result.returncode == 0, result.stderr
    return {r["name"]: r["count"] for r in json.loads(result.stdout)}.get("Article", 0)


@pytest.fixture(scope="module")
def articles(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("articles")
    templates = FR + EN
    for i in range(N_ARTICLES):
        d = 1 + i % 28
        body = templates[i % len(templates)].format(d=d, n=100 + i)
        (folder / f"a{i:03d}.txt").write_text(f"date 2025-03-{d:02d} Article {i}\n\n{body}\n", encoding="utf-8")
    return folder


def _stop_servers_under(folder: Path) -> None:
    """Stop the embedded servers this test started on ``folder`` (by pid), so it unmounts."""
    for proc in psutil.process_iter(["name"]):
        try:
            if proc.info["name"] == "redis-server" and proc.cwd().startswith(str(folder)):
                proc.terminate()
                proc.wait(10)
        except psutil.Error:
            continue


class Disk:
    """A tmpfs of a given size at ``path``; ``resize`` frees space (or takes it)."""

    def __init__(self, path: Path):
        self.path = path

    def mount(self, size: str) -> None:
        self.path.mkdir(exist_ok=True)
        result = subprocess.run(
            ["mount", "-t", "tmpfs", "-o", f"size={size},mode=0700", "tmpfs", str(self.path)],
            capture_output=True,
            text=True,
        )
        if result.returncode != 0:
            pytest.skip(f"cannot mount a tmpfs here: {result.stderr.strip()}")

    def resize(self, size: str) -> None:
        subprocess.run(["mount", "-o", f"remount,size={size}", str(self.path)], check=True)

    def fill(self) -> None:
        """Take every free byte (a file that grows until ENOSPC)."""
        fd = os.open(self.path / "filler", os.O_WRONLY | os.O_CREAT)
        try:
            while os.write(fd, b"\0" * 4096):
                pass
        except OSError:
            pass
        finally:
            os.close(fd)


@pytest.fixture
def disk(tmp_path):
    if os.geteuid() != 0:
        pytest.skip("a full disk is a tmpfs the test mounts, which needs root")
    d = Disk(tmp_path / "disk")
    yield d
    _stop_servers_under(d.path)
    subprocess.run(["umount", str(d.path)], capture_output=True)


@pytest.mark.slow
def test_full_disk_stops_at_the_first_failed_write_and_counts_only_what_is_stored(disk, articles):
    disk.mount("300k")  # the append-only file of the 400 articles needs about 460 kB
    home = disk.path / "home"
    run = aigov(home, "ingest", str(articles), "--batch-size", "20", "--json")
    assert run.returncode == 1
    # one error line for the whole run (was: the same "No space left" once per later article)
    assert error_lines(run) == [
        f"Error: the embedded store in {home}/embedded cannot write its data file: No space left "
        "on device; the ingest stopped there (run it again once this is fixed: stored articles "
        "are skipped)"
    ]
    summary = json.loads(run.stdout)
    assert 0 < summary["added"] < N_ARTICLES
    # the summary counted a batch that never reached the disk (100 articles, twice)
    disk.resize("50m")
    assert articles_stored(home) == summary["added"]
    rerun = aigov(home, "ingest", str(articles), "--batch-size", "20", "--json")
    assert rerun.returncode == 0, rerun.stderr
    again = json.loads(rerun.stdout)
    assert (again["added"], again["unchanged"]) == (N_ARTICLES - summary["added"], summary["added"])
    assert articles_stored(home) == N_ARTICLES


def test_a_home_opened_on_a_completely_full_disk_says_so_and_works_once_space_is_freed(disk):
    disk.mount("1m")
    home = disk.path / "home"
    assert aigov(home, "ingest", "--silent", str(SEED)).returncode == 0
    disk.fill()
    full = aigov(home, "stats")
    assert full.returncode == 1
    settings = home / "embedded" / "aigov.rdb.settings"
    assert error_lines(full) == [
        f"Error: {settings}: cannot write the embedded store's settings: No space left on device"
    ]
    assert "Traceback" not in full.stderr
    # the settings file was left empty, and the home unusable after space was freed
    assert not settings.exists()
    (disk.path / "filler").unlink()
    assert articles_stored(home) == 1


# ----------------------------------------------------------------------------------------------
# the managed Neo4j server on a full disk

#: Ports of the test's own server (the shared test server is stopped meanwhile: one at a time).
SMALL_DISK_PORTS = (17687, 17474)
#: What a server on a small disk needs: no transaction log preallocated (256 MB by default)
#: and small logs; small memory, as the shared server is stopped but the machine is small.
SMALL_DISK_SETTINGS = {
    "db.tx_log.preallocate": "false",
    "db.tx_log.rotation.size": "1M",
    "db.tx_log.rotation.retention_policy": "1 files",
}


def neo4j_aigov(home: Path, *args: str) -> subprocess.CompletedProcess:
    """``aigov --store neo4j`` on the managed server of ``home`` (no NEO4J_URI elsewhere)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEO4J_")}
    return subprocess.run(
        [*aigov_command(), "--home", str(home), "--store", "neo4j", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        env=env,
    )


@pytest.fixture
def one_neo4j_at_a_time():
    """The shared test server (tools/run-tests.sh) stopped for the test and started again after:
    only one Neo4j runs at a time on the small machines the suite runs on (the script's caller
    holds /tmp/aigov-neo4j.lock around the whole suite)."""
    from graph.server import ManagedNeo4j, is_installed

    if not os.environ.get("AIGOV_TEST_NEO4J_HOME") and not os.environ.get("NEO4J_URI"):
        pytest.skip("starts a Neo4j server of its own: runs under tools/run-tests.sh (or with NEO4J_URI)")
    if not is_installed():
        pytest.skip("Neo4j is not installed (tools/run-tests.sh installs it)")
    shared = ManagedNeo4j(os.environ["AIGOV_TEST_NEO4J_HOME"]) if os.environ.get("AIGOV_TEST_NEO4J_HOME") else None
    was_running = shared is not None and shared.stop()
    try:
        yield
    finally:
        if was_running:
            assert shared is not None
            shared.start()


def neo4j_articles(server) -> int:
    with server.driver() as driver:
        records, _, _ = driver.execute_query("MATCH (a:Article) RETURN count(a) AS n")
    return records[0]["n"]


@pytest.mark.neo4j
@pytest.mark.slow
def test_neo4j_on_a_full_disk_stops_at_the_first_failed_write_and_works_once_space_is_freed(
    disk, articles, one_neo4j_at_a_time
):
    from graph.neo4j_store import Neo4jStore
    from graph.server import ManagedNeo4j

    disk.mount("400m")  # the server's home: 64 MB once started (46 MB of it Browser, unpacked)
    home = disk.path / "home"
    server = ManagedNeo4j(
        home,
        *SMALL_DISK_PORTS,
        heap_initial="256m",
        heap_max="512m",
        pagecache="64m",
        settings=SMALL_DISK_SETTINGS,
    )
    try:
        server.start()
        store = Neo4jStore(server.bolt_uri, *server.credentials())
        store.ensure_schema()  # its indexes' files take more than the room left below
        store.close()
        # Room for about half of the articles' transaction log (their 400 take about 1 MB)
        used = shutil.disk_usage(disk.path).used // 1024
        disk.resize(f"{used + 300}k")
        run = neo4j_aigov(home, "ingest", str(articles), "--batch-size", "20", "--json")
        assert run.returncode == 1, run.stderr
        # One line for the whole run (was: the batch's 20 articles retried one by one, a "not
        # stored: ... critical error, and needs to be restarted" line each, then a last one
        # from the next batch's reads, and no summary)
        cannot_write = (
            f"Error: Neo4j at {server.bolt_uri} cannot write database 'neo4j': No space "
            "left on device (aigov restarts the managed server once the disk has room)"
        )
        assert error_lines(run) == [
            f"{cannot_write}; the ingest stopped there (run it again once "
            "this is fixed: stored articles are skipped)"
        ]
        summary = json.loads(run.stdout)
        assert 0 < summary["added"] < N_ARTICLES
        # Still full: the database stopped (Neo4j's "panic"); a read says why in one line
        stats = neo4j_aigov(home, "stats")
        assert (stats.returncode, error_lines(stats)) == (1, [cannot_write]), stats.stderr
        # Room again: the next command restarts the server, which holds what the summary counted
        disk.resize("400m")
        stats = neo4j_aigov(home, "stats", "--format", "json")
        assert stats.returncode == 0, stats.stderr
        assert stats.stderr == (
            f"Neo4j's database 'neo4j' had stopped (No space left on device); "
            f"restarting the managed server in {home}\n"
        )
        assert neo4j_articles(server) == summary["added"]
        rerun = neo4j_aigov(home, "ingest", str(articles), "--batch-size", "20", "--json")
        assert rerun.returncode == 0, rerun.stderr
        again = json.loads(rerun.stdout)
        assert (again["added"], again["unchanged"]) == (N_ARTICLES - summary["added"], summary["added"])
        assert neo4j_articles(server) == N_ARTICLES
    finally:
        server.stop()


@pytest.mark.parametrize("content", ["", '{"pidfile": "/tmp/x', "null"])
def test_an_empty_or_corrupt_settings_file_is_removed_when_no_server_runs(home, content):
    assert aigov(home, "ingest", "--silent", str(SEED)).returncode == 0
    settings = home / "embedded" / "aigov.rdb.settings"
    settings.write_text(content)
    result = aigov(home, "stats", "--format", "json")
    assert result.returncode == 0, result.stderr
    problem = "empty" if not content else "not valid"
    assert result.stderr == (f"{settings}: the settings file was {problem}; removed it (no server was running)\n")
    assert articles_stored(home) == 1


def test_an_empty_settings_file_is_rewritten_for_the_server_still_running(home):
    store = EmbeddedStore(home)
    try:
        settings = home / "embedded" / "aigov.rdb.settings"
        pid = store._client.pid
        settings.write_text("")
        result = aigov(home, "stats", "--format", "json")
        assert result.returncode == 0, result.stderr
        assert result.stderr == (
            f"{settings}: the settings file was empty; rewrote it for the running server (pid {pid})\n"
        )
        # the second process used the running server (a second server on the same files
        # would diverge from it), and the first still has it
        assert store._client.pid == pid and psutil.pid_exists(pid)
        assert json.loads(settings.read_text())["unixsocket"] == store._client.socket_file
    finally:
        store.close()


# ----------------------------------------------------------------------------------------------
# a read-only home (item 9)


@pytest.fixture
def read_only(tmp_path):
    """Make a folder read-only for this process: chmod where that binds the user; as root
    (whom chmod does not stop) a read-only bind mount of the folder onto itself."""
    mounted: list[Path] = []
    changed: list[Path] = []

    def make(folder: Path) -> str:
        if os.geteuid() != 0:
            for path in [folder, *folder.rglob("*")]:
                if path.is_dir():
                    path.chmod(0o555)
                    changed.append(path)
            return os.strerror(13)  # Permission denied
        for args in (["--bind", str(folder), str(folder)], ["-o", "remount,bind,ro", str(folder)]):
            result = subprocess.run(["mount", *args], capture_output=True, text=True)
            if result.returncode != 0:
                pytest.skip(f"root, and cannot make a read-only bind mount here: {result.stderr.strip()}")
            if not mounted:
                mounted.append(folder)
        return os.strerror(30)  # Read-only file system

    yield make
    for folder in mounted:
        _stop_servers_under(folder)
        subprocess.run(["umount", str(folder)], capture_output=True)
    for path in changed:
        path.chmod(0o755)


def test_a_read_only_home_answers_reads_and_refuses_writes_in_one_line(home, read_only, tmp_path):
    assert aigov(home, "ingest", "--silent", str(SEED)).returncode == 0
    tmpdir = tmp_path / "tmp"
    tmpdir.mkdir()
    why = read_only(home)
    for args in (
        ["stats"],
        ["query", "run", "bans"],
        ["query", "cypher", "MATCH (a:Article) RETURN count(a) AS n"],
        ["ingest", "--dry-run", str(SEED)],
    ):
        result = aigov(home, *args, tmpdir=tmpdir)
        assert (result.returncode, result.stderr.count("\n")) == (0, 0 if args[0] != "ingest" else 1), (
            args,
            result.stderr,
        )
    assert articles_stored(home) == 1
    bans = aigov(home, "query", "run", "bans", "--format", "json")
    assert {(r["actor"], r["target"]) for r in json.loads(bans.stdout)} == {
        ("Malaysia", "Grok"),
        ("Indonesia", "Grok"),
    }
    write = aigov(home, "ingest", "--silent", str(SEED.parent / "dev"), tmpdir=tmpdir)
    assert write.returncode == 1
    assert write.stderr == (
        f"Error: {home}/embedded is not writable ({why}): the embedded store answers reads but refuses writes\n"
    )
    # the private stand-in of the data that answered the reads is gone with its process
    assert list(tmpdir.iterdir()) == []


def test_a_missing_store_in_a_read_only_home_is_one_line(tmp_path, read_only):
    parent = tmp_path / "parent"
    parent.mkdir()
    why = read_only(parent)
    result = aigov(parent / "home", "stats")
    assert result.returncode == 1
    assert result.stderr == (f"Error: {parent}/home: cannot create the embedded store's folder: {why}\n")


def test_a_read_only_home_uses_the_server_already_running_on_it(home, read_only):
    store = EmbeddedStore(home)
    try:
        assert aigov(home, "ingest", "--silent", str(SEED)).returncode == 0
        pid = store._client.pid
        why = read_only(home)
        assert articles_stored(home) == 1
        refused = aigov(home, "ingest", "--silent", str(SEED.parent / "dev"))
        assert refused.stderr == (
            f"Error: {home}/embedded is not writable ({why}): the embedded "
            "store answers reads but refuses writes\n"
        )
        assert store._client.pid == pid and store.counts()["labels"]["Article"] == 1
    finally:
        store.close()
