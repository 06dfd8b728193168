"""The managed Neo4j server, against a real server (no mocks).

One server is started for the whole module, in a temporary data folder on free ports; the
jars come from the shared cache (``graph.server.install``; a cold install needs Maven Central).
"""

from __future__ import annotations

import os
import socket
import stat
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest

neo4j = pytest.importorskip("neo4j")

from graph.errors import AigovError, ServerError  # noqa: E402
from graph.server import (  # noqa: E402
    GRASS_PATH,
    NEO4J_VERSION,
    POM_PATH,
    USER,
    ManagedNeo4j,
    find_java,
    install,
    is_installed,
)

pytestmark = pytest.mark.neo4j


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    install()
    bolt, http = _free_port(), _free_port()
    while http == bolt:
        http = _free_port()
    srv = ManagedNeo4j(tmp_path_factory.mktemp("neo4j-data"), bolt_port=bolt, http_port=http)
    # A password that begins with '-' (a generated one does, one time in 64): the admin tool
    # must take it as the password, not as an unknown option (CI once failed on exactly this).
    srv.server_dir.mkdir(parents=True)
    srv.password_file.write_text("-" + "p4ssw0rd-from-a-dash-" + "x" * 8 + "\n")
    # the caller holds an inheritable descriptor (as `flock FILE aigov neo4j start` does): the
    # server must not keep it open for its whole life
    held = srv.server_dir.parent / "held-by-caller"
    fd = os.open(held, os.O_RDWR | os.O_CREAT, 0o600)
    os.set_inheritable(fd, True)
    try:
        srv.start(timeout=180)
    finally:
        os.close(fd)
    srv.held_by_caller = held
    yield srv
    srv.stop()
    assert not srv.is_running()


def test_packaged_files_exist():
    assert POM_PATH.is_file() and NEO4J_VERSION in POM_PATH.read_text()
    assert GRASS_PATH.is_file() and "node.Person" in GRASS_PATH.read_text()
    assert "relationship.ACTS_ON" in GRASS_PATH.read_text()  # the tallies, drawn pale


def _grass() -> dict[str, dict[str, str]]:
    import re

    return {
        sel: dict(re.findall(r"^\s+([\w-]+):\s*(.+);$", body, re.M))
        for sel, body in re.findall(r"^([\w.]+) \{$(.*?)^\}$", GRASS_PATH.read_text(), re.M | re.S)
    }


def test_the_style_is_readable_and_tells_event_families_apart():
    """Issue 15: captions unreadable, long names cut ("Garante per la prote…"), every event
    relationship the same grey, every statement node reading "STAT…"."""
    from graph.model import EntityType, EventType

    grass = _grass()
    for t in EntityType:  # big enough for a long name on three or four lines
        assert int(grass[f"node.{t.value}"]["diameter"].rstrip("px")) >= 60, t
        assert grass[f"node.{t.value}"]["caption"] == '"{name}"'
    colours = {t: grass[f"relationship.{t.value}"]["color"] for t in EventType}
    assert len(set(colours.values())) >= 5  # a colour per family, none the default grey
    assert grass["relationship"]["color"] not in colours.values()
    assert colours[EventType.BANNED] == colours[EventType.BLOCKED_ACCESS] != colours[EventType.SUED]
    for t in EventType:  # an event node wears its relationship's colour
        assert grass[f"node.{t.value}"]["color"] == colours[t]
    assert grass["node.STATED"]["caption"] == '"{evidence}"'  # the speaker or the quote first
    assert grass["node.Event"]["caption"] == '"{type}"'
    assert int(grass["node.Event"]["diameter"].rstrip("px")) >= 60  # "BLOCKED_ACCESS" fits


def test_java_is_recent_enough():
    java, major = find_java()
    assert java.exists() and major >= 17


def test_install_is_instant_when_complete(server):
    assert is_installed(server.home)
    lib = install(server.home)
    assert (lib / f"neo4j-{NEO4J_VERSION}.jar").is_file()
    assert any(p.name.startswith("neo4j-browser-") for p in lib.glob("*.jar"))


def test_status_reports_the_running_server(server):
    st = server.status()
    assert st.running and st.pid and st.pid > 0
    assert st.bolt_uri == f"bolt://127.0.0.1:{server.bolt_port}"
    assert st.http_url == f"http://127.0.0.1:{server.http_port}"
    assert st.version == NEO4J_VERSION
    assert st.browser_url.startswith(f"http://127.0.0.1:{server.http_port}/browser/")
    # a second handle on the same folder (default ports) finds the server's real ports
    other = ManagedNeo4j(server.data_dir)
    assert other.status() == st


def test_start_twice_is_a_noop(server):
    pid = server.pid()
    st = server.start(timeout=5)
    assert st.running and st.pid == pid
    assert ManagedNeo4j(server.data_dir).start(timeout=5).pid == pid


def test_listens_on_loopback_only(server):
    conf = server.conf_file.read_text()
    assert f"server.bolt.listen_address=127.0.0.1:{server.bolt_port}" in conf
    assert f"server.http.listen_address=127.0.0.1:{server.http_port}" in conf
    assert "server.https.enabled=false" in conf
    assert "dbms.security.auth_enabled=true" in conf


def test_return_1_with_the_stored_password(server):
    with neo4j.GraphDatabase.driver(server.bolt_uri, auth=server.credentials()) as drv:
        records, _, _ = drv.execute_query("RETURN 1 AS x")
        assert records[0]["x"] == 1
        records, _, _ = drv.execute_query(
            "CALL dbms.components() YIELD versions, edition RETURN versions[0] AS v, edition"
        )
        assert records[0]["v"] == NEO4J_VERSION and records[0]["edition"] == "community"
    with server.driver() as drv:
        drv.verify_connectivity()


def test_wrong_password_is_refused(server):
    with neo4j.GraphDatabase.driver(server.bolt_uri, auth=(USER, "not-the-password")) as drv:
        with pytest.raises(neo4j.exceptions.AuthError):
            drv.verify_connectivity()


def test_default_password_is_refused(server):
    with neo4j.GraphDatabase.driver(server.bolt_uri, auth=(USER, "neo4j")) as drv:
        with pytest.raises(neo4j.exceptions.AuthError):
            drv.verify_connectivity()


def test_a_new_server_gets_a_random_private_password(tmp_path):
    srv = ManagedNeo4j(tmp_path, bolt_port=_free_port(), http_port=_free_port())
    srv.server_dir.mkdir(parents=True)
    srv.write_conf()
    srv._ensure_password(find_java()[0])  # the real admin tool
    mode = stat.S_IMODE(os.stat(srv.password_file).st_mode)
    assert mode == 0o600
    assert len(srv.password()) >= 20
    assert not list(srv.conf_dir.glob(".set-password-*"))  # the argfile is gone


def test_password_file_is_private(server):
    mode = stat.S_IMODE(os.stat(server.password_file).st_mode)
    assert mode == 0o600
    assert len(server.password()) >= 20


def test_password_never_on_a_command_line(server):
    pw = server.password()
    out = subprocess.run(["ps", "-eww", "-o", "args"], capture_output=True, text=True).stdout
    assert pw not in out
    assert pw not in server.log_tail(1000)
    assert pw not in server.conf_file.read_text()
    assert not list(server.conf_dir.glob("*.args"))


def test_browser_answers(server):
    with urllib.request.urlopen(f"{server.http_url}/browser/", timeout=30) as r:
        assert r.status == 200
        assert "text/html" in r.headers.get("Content-Type", "")
        assert "<title>Neo4j Browser</title>" in r.read().decode("utf-8", "replace")


def test_browser_gets_aigov_style_and_guide_on_login(server):
    """Issue 15: the style had to be dragged onto Browser by hand, and there was no guide.
    The server hosts both beside Browser, and tells Browser to load them on every login."""
    with urllib.request.urlopen(server.style_url(), timeout=30) as r:
        assert r.read() == GRASS_PATH.read_bytes()
    with urllib.request.urlopen(server.guide_url(), timeout=30) as r:
        guide = r.read().decode("utf-8")
    import queries
    from queries.guide import guide_html

    assert guide == guide_html()
    assert all(f"<h3>{name}</h3>" in guide for name in queries.names())
    with server.driver() as drv:
        config = {r["name"]: r["value"] for r in drv.execute_query("CALL dbms.clientConfig()").records}
    assert config["browser.post_connect_cmd"] == f"style {server.style_url()}; play {server.guide_url()}"
    assert config["browser.remote_content_hostname_whitelist"] == "127.0.0.1,localhost"
    # rewritten only when something changed; the JVM's temporary files stay in the data folder
    stamp = server.browser_zip.stat().st_mtime_ns
    assert server.write_browser().stat().st_mtime_ns == stamp
    assert any((server.server_dir / "tmp").iterdir())


def test_port_in_use_is_a_clear_error(server, tmp_path):
    other = ManagedNeo4j(tmp_path, bolt_port=server.bolt_port, http_port=_free_port())
    with pytest.raises(ServerError, match=f"port {server.bolt_port}.*in use"):
        other.start(timeout=5)
    assert not other.is_running()
    assert issubclass(ServerError, AigovError)


def test_stale_pid_file_is_handled(server, tmp_path):
    srv = ManagedNeo4j(tmp_path, bolt_port=_free_port(), http_port=_free_port())
    srv.server_dir.mkdir(parents=True)
    # a pid that is dead, and one that is alive but is not this folder's Neo4j
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    for pid in (dead.pid, os.getpid(), server.pid()):
        srv.pid_file.write_text(f"{pid}\n")
        st = srv.status()
        assert not st.running and st.pid is None
        assert not srv.pid_file.exists()
    srv.pid_file.write_text("garbage\n")
    assert srv.stop() is False
    assert not srv.pid_file.exists()
    assert server.is_running()  # the real server was never touched


def test_missing_password_for_existing_database_is_a_clear_error(tmp_path):
    srv = ManagedNeo4j(tmp_path, bolt_port=_free_port(), http_port=_free_port())
    (srv.server_dir / "data" / "databases" / "system").mkdir(parents=True)
    with pytest.raises(ServerError, match="no password file"):
        srv.start(timeout=5)
    with pytest.raises(ServerError, match="no password file"):
        srv.password()


def test_stop_and_restart_keeps_the_password(server):
    pw = server.password()
    old_pid = server.pid()
    assert server.stop() is True
    assert not server.is_running() and not server.pid_file.exists()
    assert server.stop() is False
    st = server.start(timeout=180)
    assert st.running and st.pid != old_pid
    assert server.password() == pw
    with server.driver() as drv:
        assert drv.execute_query("RETURN 1 AS x").records[0]["x"] == 1


def test_failed_start_reports_the_log(tmp_path):
    # valid settings for Neo4j, but the JVM refuses to start with them
    srv = ManagedNeo4j(tmp_path, bolt_port=_free_port(), http_port=_free_port(), heap_initial="2g", heap_max="1g")
    with pytest.raises(ServerError) as err:
        srv.start(timeout=120)
    assert "exited with code" in str(err.value)
    assert "heap size" in str(err.value)  # the log tail is in the message
    assert not srv.is_running() and not srv.pid_file.exists()


def test_old_or_missing_java_is_a_clear_error(tmp_path, monkeypatch):
    fake = tmp_path / "java"
    fake.write_text("#!/bin/sh\necho 'openjdk version \"11.0.20\" 2023-07-18' >&2\n")
    fake.chmod(0o755)
    monkeypatch.setenv("AIGOV_JAVA", str(fake))
    with pytest.raises(ServerError, match="Java 11"):
        find_java()
    monkeypatch.setenv("AIGOV_JAVA", str(tmp_path / "nope"))
    with pytest.raises(ServerError, match="not a file"):
        find_java()


def test_the_server_keeps_no_descriptor_of_the_process_that_started_it(server):
    pid = server.pid()
    fds = Path(f"/proc/{pid}/fd")
    if not fds.is_dir():
        pytest.skip("no /proc")
    targets = {os.readlink(f) for f in fds.iterdir() if f.is_symlink()}
    assert str(server.held_by_caller) not in targets
    # (its log is open, so the listing itself works)
    assert str(server.log_file) in targets
