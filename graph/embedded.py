"""The embedded default store: FalkorDBLite, persisted in a data folder, no server to run.

FalkorDBLite starts a private Redis + FalkorDB process on a Unix socket beside its data file;
two processes that open the same folder share that server and see each other's writes. The
data file is written with ``appendonly yes``: a committed write survives a ``kill -9``. The
server does no file or network I/O for a query (``LOAD CSV``): see :mod:`graph.embedded_server`.

Differences from Neo4j that this adapter absorbs (``../shared/notes/embedded-store.md``):
uniqueness is a separate client call (asynchronous, polled until OPERATIONAL), a read-only
query goes through ``GRAPH.RO_QUERY`` (which refuses writes), and result values are turned
into plain Python values (nodes and edges into maps).
"""

from __future__ import annotations

import logging
import os
import stat
import time
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any, Iterator

from graph.cypher import LOOKUP_KEYS, PING, UNIQUE_KEYS
from graph.locks import held
from graph.errors import QueryError, StoreError, StoreNotWritable, StoreUnavailable
from graph.store import GraphStore, timed_out

__all__ = ["EmbeddedStore", "GRAPH_NAME", "CLIENT_GRACE"]

GRAPH_NAME = "aigov"


#: Seconds the client waits beyond the read time limit before it stops waiting itself: the
#: server checks its limit only between records, so one long step (a ``reduce`` over 10^8
#: values, building a huge list) runs past it (10 s here made such a read's error come ~10 s
#: after the limit; a step the server stops in time answers well within this).
CLIENT_GRACE = 1.0


log = logging.getLogger("aigov.embedded")


@contextmanager
def _locked(path: Path, waiting_message: str | None = None):
    """Hold an exclusive advisory lock on ``path`` (created if missing) while in the block.

    Two processes opening one folder at the same moment would otherwise both start a Redis
    server on the same files; the second server's replayed writes then diverge from the
    first's and the store refuses to load. In a folder this process cannot write, the lock
    file is opened for reading (``flock`` needs no write access), or skipped if missing.
    """
    fh: IO[bytes]
    try:
        fh = os.fdopen(os.open(path, os.O_RDWR | os.O_CREAT | os.O_APPEND, 0o600), "a+b")
    except OSError:
        if not path.exists():
            yield
            return
        fh = open(path, "rb")
    with fh, held(fh, waiting_message, log):
        yield


def _make_private(folder: Path) -> None:
    """Folders 0700 and files 0600 in the store's folder (those of earlier versions were
    0755/0644). The server itself runs with umask 077, so what it writes later is private."""
    for path in [folder, *folder.rglob("*")]:
        try:
            info = path.lstat()
            if stat.S_ISDIR(info.st_mode):
                wanted = 0o700
            elif stat.S_ISREG(info.st_mode):
                wanted = 0o600
            else:
                continue  # a symbolic link or a socket
            if stat.S_IMODE(info.st_mode) != wanted and info.st_uid == os.getuid():
                path.chmod(wanted)
        except OSError:
            continue


def _read_only(folder: Path) -> str | None:
    """Why this process cannot write in ``folder`` (one line), or ``None`` if it can."""
    if os.access(folder, os.W_OK):
        return None
    import errno

    code = errno.EROFS if os.statvfs(folder).f_flag & os.ST_RDONLY else errno.EACCES
    return f"{folder} is not writable ({os.strerror(code)})"


def _plain(value: Any) -> Any:
    """FalkorDB client values -> plain Python (nodes/edges/paths become maps)."""
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    labels = getattr(value, "labels", None)
    props = getattr(value, "properties", None)
    if props is not None:
        out = {k: _plain(v) for k, v in props.items()}
        if labels is not None:
            out["_labels"] = sorted(labels)
        elif getattr(value, "relation", None) is not None:
            out["_type"] = value.relation
        return out
    if hasattr(value, "nodes") and callable(value.nodes):  # a path
        return {"nodes": [_plain(n) for n in value.nodes()], "edges": [_plain(e) for e in value.edges()]}
    return str(value)


@contextmanager
def _zombies_count_as_exited():
    """While closing, let redislite see a zombie server process as exited.

    redislite daemonises redis-server, so the process is re-parented to PID 1. Where PID 1
    does not reap orphans (many containers and sandboxes, our CI among them) the stopped
    server stays a zombie, and redislite's shutdown loops poll ``is_running()`` -- true for
    a zombie -- for up to 15 s. A zombie has exited and released its files and socket.
    """
    import psutil

    is_running, pid_exists = psutil.Process.is_running, psutil.pid_exists

    def running(proc: Any) -> bool:
        try:
            return is_running(proc) and proc.status() != psutil.STATUS_ZOMBIE
        except psutil.Error:
            return False

    def exists(pid: int) -> bool:
        try:
            return pid_exists(pid) and psutil.Process(pid).status() != psutil.STATUS_ZOMBIE
        except psutil.Error:
            return False

    psutil.Process.is_running, psutil.pid_exists = running, exists
    try:
        yield
    finally:
        psutil.Process.is_running, psutil.pid_exists = is_running, pid_exists


class EmbeddedStore(GraphStore):
    """FalkorDBLite store in ``<home>/embedded/``.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> with EmbeddedStore(pathlib.Path(tempfile.mkdtemp())) as store:
    ...     store.read("RETURN 1 + 1 AS two")
    [{'two': 2}]
    """

    name = "embedded"

    def __init__(self, home: Path, graph: str = GRAPH_NAME, *, timeout: float | None = None):
        try:
            from redislite.falkordb_client import Graph
        except ImportError as exc:  # pragma: no cover - depends on the install
            raise StoreUnavailable(
                "the embedded store needs the 'falkordblite' package "
                "(pip install falkordblite; see README, 'Install')"
            ) from exc
        from graph.embedded_server import (
            read_only_snapshot,
            repair_settings,
            server_class,
            server_running,
            sweep_run_folders,
        )

        from redis.backoff import NoBackoff
        from redis.retry import Retry

        from graph.store import default_timeout

        #: Seconds a read may run: the server stops it then (FalkorDB's per-query TIMEOUT),
        #: and the client gives up CLIENT_GRACE later without retrying (redis-py's retries sent
        #: the runaway query again: a 5 s limit took 60 s, and left copies running).
        self.timeout = timeout or default_timeout()
        self.folder = Path(home) / "embedded"
        try:
            # A home aigov creates is private (0700), and so is its store: a research corpus
            # and its graph are not for other users of the machine.
            Path(home).mkdir(mode=0o700, parents=True, exist_ok=True)
            self.folder.mkdir(mode=0o700, exist_ok=True)
        except OSError as exc:
            raise StoreUnavailable(
                f"{exc.filename or self.folder}: cannot create the embedded store's folder: {exc.strerror or exc}"
            ) from exc
        #: Why writes are refused (a folder this process cannot write), else ``None``.
        self.read_only = _read_only(self.folder)
        if self.read_only is None:
            _make_private(self.folder)
        self._snapshot: Path | None = None
        self._client: Any = None
        last: Exception | None = None
        settings = self.folder / "aigov.rdb.settings"
        data_file = self.folder / "aigov.rdb"
        with _locked(self.folder / ".server.lock"):
            sweep_run_folders(self.folder)
            if self.read_only is None:
                repaired = repair_settings(settings)
                if repaired:
                    log.warning(repaired)
            elif not server_running(settings):
                # No server to share, and none can start on files it cannot write: answer
                # reads from a private stand-in of the data (see read_only_snapshot).
                self._snapshot = read_only_snapshot(self.folder)
                data_file = self._snapshot / "aigov.rdb"
            try:
                for attempt in range(5):  # a reopen right after a crash may need the old socket to clear
                    try:
                        self._client = server_class()(
                            str(data_file),
                            decode_responses=True,
                            serverconfig={"appendonly": "yes", "appendfsync": "everysec"},
                            socket_timeout=self.timeout + CLIENT_GRACE,
                            retry=Retry(NoBackoff(), 0),
                        )
                        break
                    except StoreError:
                        raise
                    except Exception as exc:  # redislite raises its own exception types
                        last = exc
                        time.sleep(0.3 * (attempt + 1))
                if self._client is None:
                    raise StoreUnavailable(f"cannot open the embedded store in {self.folder}: {last}")
            except BaseException:
                self._drop_snapshot()
                raise
        self._graph = Graph(self._client, graph)
        if self.read_only is None:
            # GRAPH.RO_QUERY fails on a graph key that does not exist yet; any GRAPH.QUERY
            # creates it (reads of a missing key come back empty in _run anyway).
            self._graph.query(PING)
        self._schema_checked = False

    def _refuse_writes_if_read_only(self) -> None:
        if self.read_only:
            raise StoreNotWritable(f"{self.read_only}: the embedded store answers reads but refuses writes")

    def _drop_snapshot(self) -> None:
        if self._snapshot is not None:
            import shutil

            shutil.rmtree(self._snapshot, ignore_errors=True)
            self._snapshot = None

    @contextmanager
    def _write_turn(self) -> Iterator[None]:
        """One ingest at a time per folder (others wait their turn), so that each run's
        summary counts what it added itself."""
        self._refuse_writes_if_read_only()
        with _locked(
            self.folder / ".write.lock", f"another ingest is writing to {self.folder}; waiting for it to finish"
        ):
            yield

    def ensure_schema(self) -> None:
        """Index and unique constraint on ``id`` of Entity, Event and Article."""
        self._refuse_writes_if_read_only()
        existing = {(c.get("label"), tuple(c.get("properties", ()))): c.get("status") for c in self._constraints()}
        for label in UNIQUE_KEYS:
            if (label, ("id",)) in existing:
                continue
            try:
                self._graph.create_node_range_index(label, "id")
            except Exception as exc:
                if "already indexed" not in str(exc):
                    raise StoreError(f"cannot index {label}.id: {exc}") from exc
            try:
                self._graph.create_node_unique_constraint(label, "id")
            except Exception as exc:
                if "already exists" not in str(exc).lower():
                    raise StoreError(f"cannot constrain {label}.id: {exc}") from exc
        for label, prop in LOOKUP_KEYS:
            try:
                self._graph.create_node_range_index(label, prop)
            except Exception as exc:
                if "already indexed" not in str(exc):
                    raise StoreError(f"cannot index {label}.{prop}: {exc}") from exc
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            pending = [c for c in self._constraints() if c.get("status") != "OPERATIONAL"]
            if not pending:
                break
            time.sleep(0.05)
        else:
            raise StoreError(f"unique constraints not operational after 30 s: {pending}")
        self._schema_checked = True
        self._upgrade()

    def _constraints(self) -> list[dict[str, Any]]:
        try:
            return list(self._graph.list_constraints())
        except Exception:
            return []  # an empty graph has no constraints yet

    def _run(
        self, query: str, params: dict[str, Any] | None = None, *, write: bool = False
    ) -> list[dict[str, Any]]:
        if write:
            self._refuse_writes_if_read_only()
        try:
            if write:
                result = self._graph.query(query, params or {})
            else:
                result = self._graph.ro_query(query, params or {}, timeout=max(1, round(self.timeout * 1000)))
        except Exception as exc:
            text = str(exc)
            if type(exc).__name__ == "TimeoutError" and not write:
                raise QueryError(
                    f"the query did not finish within {self.timeout:g} s; the embedded store stops "
                    "a query only between records and this one was still in one long step, so aigov "
                    "stopped waiting (raise the limit with --timeout or AIGOV_TIMEOUT)"
                ) from exc
            if type(exc).__name__ == "TimeoutError":
                raise StoreUnavailable(
                    f"the embedded store in {self.folder} did not answer within "
                    f"{self.timeout + CLIENT_GRACE:g} s (a long query on a large graph? raise the "
                    "limit with --timeout or AIGOV_TIMEOUT)"
                ) from exc
            if text == "Query timed out":
                raise timed_out(self.timeout) from exc
            if type(exc).__name__ in ("ConnectionError", "BusyLoadingError"):
                raise StoreUnavailable(f"lost the embedded store in {self.folder}: {text}") from exc
            if text.startswith("MISCONF"):  # Redis refuses writes after a failed AOF write
                raise StoreNotWritable(self._cannot_write(text)) from exc
            if "read-only" in text:
                raise QueryError(
                    "this query writes to the graph; only read-only queries are allowed here"
                ) from exc
            if "empty key" in text and not write:
                return []  # nothing has been written yet
            raise StoreError(f"embedded store: {text}") from exc
        if write:
            self._check_written()
        columns = [h[1] if isinstance(h, (list, tuple)) else h for h in (result.header or [])]
        columns = [c.decode() if isinstance(c, bytes) else str(c) for c in columns]
        return [dict(zip(columns, (_plain(v) for v in row))) for row in result.result_set]

    def _check_written(self) -> None:
        """Raise :class:`StoreNotWritable` unless the last write reached the append-only file.

        Redis answers a write once it is in memory; the write to the file follows in the same
        event-loop turn, or up to two seconds later while a background fsync runs. On a full
        disk that write fails, the answer was already "OK", and the batch would vanish at the
        next restart: so an ingest counts a batch only once the file has it.
        """
        deadline = time.monotonic() + 5
        while True:
            try:
                info = self._client.info("persistence")
            except Exception as exc:
                raise StoreUnavailable(f"lost the embedded store in {self.folder}: {exc}") from exc
            if info.get("aof_last_write_status", "ok") != "ok":
                raise StoreNotWritable(self._cannot_write())
            if not info.get("aof_buffer_length"):
                return
            if time.monotonic() > deadline:
                raise StoreNotWritable(self._cannot_write("the write did not reach the file in 5 s"))
            time.sleep(0.02)

    def _cannot_write(self, reason: str | None = None) -> str:
        """One line: which folder, and why (the server's reason, else what the disk shows)."""
        if reason and ":" in reason:
            reason = reason.rsplit(":", 1)[1].strip()  # "MISCONF Errors writing to the AOF file: X"
        if not reason:
            import errno
            import shutil

            if shutil.disk_usage(self.folder).free < 1 << 20:
                reason = os.strerror(errno.ENOSPC)
            elif not os.access(self.folder, os.W_OK):
                reason = os.strerror(errno.EROFS)
            else:
                reason = "a write error (see the server log)"
        return f"the embedded store in {self.folder} cannot write its data file: {reason}"

    def clear(self) -> None:
        """Delete the whole graph (the tests and the benchmarks empty a store with it)."""
        self._refuse_writes_if_read_only()
        try:
            self._graph.delete()
        except Exception as exc:
            if "empty key" not in str(exc):
                raise StoreError(f"cannot clear the embedded store: {exc}") from exc
        self._schema_checked = False

    def close(self) -> None:
        if self._client is not None:
            try:
                from redis.backoff import NoBackoff
                from redis.retry import Retry

                # SHUTDOWN drops the connection by design; without this the client retries
                # the dropped command with back-off for about 4 s before giving up.
                self._client.set_retry(Retry(NoBackoff(), 0))
                with _locked(self.folder / ".server.lock"), _zombies_count_as_exited():
                    self._client._cleanup()
            finally:
                self._client = None
                self._drop_snapshot()
