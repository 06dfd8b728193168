"""The embedded store's server process: no file or network I/O from queries (issue 17 item 4),
its settings file and run folders (items 6 and 10), private file modes (item 10).

These tests go past the query check on purpose (``store._run``): what is tested is what the
server itself does with a query that reached it.
"""

from __future__ import annotations

import socket
import threading

import pytest

from graph.embedded import EmbeddedStore
from graph.embedded_server import NO_IMPORT_FOLDER
from graph.errors import StoreError


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
        for query in (f"LOAD CSV FROM 'https://127.0.0.1:{listener.port}/x.csv' AS row RETURN row",
                      f"LOAD CSV WITH HEADERS FROM 'https://localhost:{listener.port}/x.csv' AS row "
                      "RETURN row"):
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
        for uri in ("file://secret.csv", "file://../secret.csv", f"file://{store.folder}/secret.csv",
                    "file:///etc/passwd"):
            with pytest.raises(StoreError, match="Error opening CSV URI"):
                store._run(f"LOAD CSV FROM '{uri}' AS row RETURN row")
    finally:
        store.close()
