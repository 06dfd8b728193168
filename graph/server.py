"""A managed local Neo4j Community 5.26 LTS server, assembled from Maven Central.

No tarball, no Docker, no ``neo4j`` launcher script: :func:`install` runs Maven on the
packaged ``neo4j-pom.xml``, which copies the runtime classpath of ``org.neo4j:neo4j`` +
``org.neo4j.app:neo4j-server`` (and the Neo4j Browser jar) into a cache folder outside the
work tree; :class:`ManagedNeo4j` then starts ``org.neo4j.server.CommunityEntryPoint`` with
plain ``java`` and the JVM flags the stock launcher would add.

Layout of a data folder ``<data_dir>/neo4j/`` (the server's home):
``conf/neo4j.conf`` (regenerated on every start), ``data/``, ``logs/`` (``console.log`` holds
the server's stdout/stderr), ``run/``, ``import/``, ``plugins/``, ``web/`` (the Browser it
serves, with aigov's style and guide), ``tmp/`` (the JVM's temporary files), ``server.pid``
and ``password`` (mode 0600, the ``neo4j`` user's password; never printed).

Neo4j Browser comes styled and guided: the server hosts Browser from
``web/neo4j-browser.zip`` when there is one (5.26's ``Neo4jBrowserModule``, the way newer
Browsers ship), and aigov writes there the Browser jar's files plus ``aigov/aigov.grass`` and
``aigov/guide.html``. ``browser.post_connect_cmd`` then runs ``:style <url>`` and
``:play <url>`` on every login: same address as Browser, no other process or port.

Auth is always on. Before the first start a random password is set with the admin tool
(``dbms set-initial-password``); the java command line that does it reads its arguments from
a 0600 ``@argfile``, so ``ps`` never shows the password.

This module has no CLI; ``cli.py`` wraps it.

Examples
--------
>>> NEO4J_VERSION.startswith("5.26.")
True
>>> ManagedNeo4j("/tmp/x", bolt_port=7700, http_port=7701).browser_url()
'http://127.0.0.1:7701/browser/?dbms=neo4j://neo4j@127.0.0.1:7700'
>>> ManagedNeo4j("/tmp/x", bolt_port=7700, http_port=7701).guide_url()
'http://127.0.0.1:7701/browser/aigov/guide.html'
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import time
import urllib.request
import zipfile
from collections import deque
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from graph.cypher import PING
from graph.errors import ServerError

__all__ = [
    "NEO4J_VERSION",
    "BROWSER_VERSION",
    "MIN_JAVA",
    "POM_PATH",
    "GRASS_PATH",
    "BROWSER_CONTENT",
    "USER",
    "DEFAULT_BOLT_PORT",
    "DEFAULT_HTTP_PORT",
    "ServerError",
    "ServerStatus",
    "ManagedNeo4j",
    "neo4j_home",
    "lib_dir",
    "is_installed",
    "install",
    "find_java",
]

#: Newest 5.26 LTS patch on Maven Central (keep in step with ``neo4j-pom.xml``).
NEO4J_VERSION = "5.26.30"
#: Newest Neo4j Browser on Maven Central.
BROWSER_VERSION = "5.24.0"
MIN_JAVA = 17
USER = "neo4j"
DEFAULT_BOLT_PORT = 7687
DEFAULT_HTTP_PORT = 7474
HOST = "127.0.0.1"

ENTRY_POINT = "org.neo4j.server.CommunityEntryPoint"
ADMIN_TOOL = "org.neo4j.cli.AdminTool"

POM_PATH = Path(__file__).resolve().with_name("neo4j-pom.xml")
#: GraSS style for Browser's ``:style`` (drag the file onto Browser, or paste its text after ``:style``).
GRASS_PATH = Path(__file__).resolve().with_name("neo4j-style.grass")

_MARKER = ".aigov-installed"
#: Where aigov's files sit inside the Browser the server hosts (``/browser/aigov/...``).
BROWSER_CONTENT = "aigov"
_LOG_TAIL = 20
#: The line of ``neo4j.conf`` after which come the settings given to :class:`ManagedNeo4j`.
_GIVEN = "# Settings given to aigov (kept for later starts):\n"

#: What the 5.26 launcher adds from the stock neo4j.conf (``server.jvm.additional``), except
#: ``-XX:+AlwaysPreTouch`` (it would commit the whole heap up front), plus
#: ``-XX:+ExitOnOutOfMemoryError`` so an OOM shows as a dead process, not a zombie server.
JVM_FLAGS = (
    "-XX:+UseG1GC",
    "-XX:-OmitStackTraceInFastThrow",
    "-XX:+UnlockExperimentalVMOptions",
    "-XX:+TrustFinalNonStaticFields",
    "-XX:+DisableExplicitGC",
    "-XX:+ExitOnOutOfMemoryError",
    "-Djdk.nio.maxCachedBufferSize=1024",
    "-Dio.netty.tryReflectionSetAccessible=true",
    "-Djdk.tls.ephemeralDHKeySize=2048",
    "-Djdk.tls.rejectClientInitiatedRenegotiation=true",
    "-XX:FlightRecorderOptions=stackdepth=256",
    "-XX:+UnlockDiagnosticVMOptions",
    "-XX:+DebugNonSafepoints",
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "--enable-native-access=ALL-UNNAMED",
    "-Dlog4j2.disable.jmx=true",
    "-Dlog4j.layout.jsonTemplate.maxStringLength=32768",
    "-Dfile.encoding=UTF-8",
)


# --------------------------------------------------------------------------- install


def neo4j_home() -> Path:
    """Where the jars are cached: ``$AIGOV_NEO4J_HOME``, else ``~/.cache/aigov/neo4j-<version>``."""
    env = os.environ.get("AIGOV_NEO4J_HOME")
    if env:
        return Path(env).expanduser().resolve()
    cache = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(cache).expanduser().resolve() / "aigov" / f"neo4j-{NEO4J_VERSION}"


def lib_dir(home: Path | str | None = None) -> Path:
    """The folder of jars (the server's classpath)."""
    return Path(home).expanduser().resolve() / "lib" if home else neo4j_home() / "lib"


def _pom_digest() -> str:
    return hashlib.sha256(POM_PATH.read_bytes()).hexdigest()


def is_installed(home: Path | str | None = None) -> bool:
    """True when a complete install of the packaged pom sits in ``home`` (no Maven run needed)."""
    lib = lib_dir(home)
    marker = lib.parent / _MARKER
    try:
        info = json.loads(marker.read_text())
    except (OSError, ValueError):
        return False
    return info.get("pom_sha256") == _pom_digest() and all((lib / name).is_file() for name in info.get("jars", ()))


@contextlib.contextmanager
def _file_lock(path: Path):
    import fcntl

    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def install(
    home: Path | str | None = None,
    *,
    force: bool = False,
    maven_repo: Path | str | None = None,
    timeout: float = 1800,
) -> Path:
    """Fetch the Neo4j jars with Maven into ``<home>/lib``; return that folder.

    Instant when a complete install is already there (a marker written at the end of a
    successful run records the pom's digest and the jar names). ``maven_repo`` (or
    ``$AIGOV_MAVEN_REPO``) overrides Maven's local repository (default ``~/.m2/repository``).
    Raises :class:`ServerError` when Maven is missing or fails.
    """
    lib = lib_dir(home)
    root = lib.parent
    if not force and is_installed(root):
        return lib
    mvn = shutil.which("mvn")
    if mvn is None:
        raise ServerError(
            "Maven ('mvn') is not on PATH; it is needed once to fetch the Neo4j jars "
            "(Debian: apt-get install maven)"
        )
    find_java()  # Maven needs a JDK too; fail with our message, not Maven's
    root.mkdir(parents=True, exist_ok=True)
    with _file_lock(root / ".install.lock"):
        if not force and is_installed(root):  # another process finished it meanwhile
            return lib
        pom = root / "pom.xml"
        shutil.copyfile(POM_PATH, pom)  # never let Maven write next to the installed package
        tmp = root / f"lib.tmp-{os.getpid()}"
        shutil.rmtree(tmp, ignore_errors=True)
        cmd = [mvn, "-q", "-B", "-f", str(pom), f"-Dneo4j.lib.dir={tmp}"]
        repo = maven_repo or os.environ.get("AIGOV_MAVEN_REPO")
        if repo:
            cmd.append(f"-Dmaven.repo.local={Path(repo).expanduser().resolve()}")
        cmd.append("process-resources")
        try:
            proc = subprocess.run(
                cmd, cwd=root, stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=timeout
            )
        except subprocess.TimeoutExpired as e:
            shutil.rmtree(tmp, ignore_errors=True)
            raise ServerError(f"Maven did not finish fetching Neo4j {NEO4J_VERSION} within {timeout:.0f}s") from e
        jars = sorted(p.name for p in tmp.glob("*.jar")) if tmp.is_dir() else []
        if proc.returncode != 0 or not any(j.startswith(f"neo4j-server-{NEO4J_VERSION}") for j in jars):
            shutil.rmtree(tmp, ignore_errors=True)
            out = "\n".join((proc.stdout + proc.stderr).strip().splitlines()[-_LOG_TAIL:])
            raise ServerError(
                f"Maven failed to fetch Neo4j {NEO4J_VERSION} (exit {proc.returncode}): {' '.join(cmd)}\n{out}"
            )
        (root / _MARKER).unlink(missing_ok=True)
        shutil.rmtree(lib, ignore_errors=True)
        tmp.rename(lib)
        marker = {"neo4j": NEO4J_VERSION, "browser": BROWSER_VERSION, "pom_sha256": _pom_digest(), "jars": jars}
        (root / _MARKER).write_text(json.dumps(marker, indent=1) + "\n")
    return lib


# --------------------------------------------------------------------------- java


def find_java() -> tuple[Path, int]:
    """The java binary and its major version.

    Taken from ``$AIGOV_JAVA`` (a path to a java binary), else ``$JAVA_HOME/bin/java``, else
    ``java`` on PATH. Raises :class:`ServerError` when there is none or it is older than Java 17.
    Neo4j 5.26 supports Java 17 and 21; newer ones run with a warning in its log.
    """
    java_home = os.environ.get("JAVA_HOME")
    java: str | None = None
    if os.environ.get("AIGOV_JAVA"):
        java = os.environ["AIGOV_JAVA"]
        if not Path(java).is_file():
            raise ServerError(f"AIGOV_JAVA={java} is not a file")
    elif java_home and (Path(java_home) / "bin" / "java").is_file():
        java = str(Path(java_home) / "bin" / "java")
    else:
        java = shutil.which("java")
    if java is None:
        raise ServerError(
            f"no Java found (set JAVA_HOME or put java on PATH); Neo4j {NEO4J_VERSION} "
            f"needs Java {MIN_JAVA} or 21 (Debian: apt-get install openjdk-17-jre-headless)"
        )
    try:
        out = subprocess.run(
            [java, "-version"], capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL
        )
    except (OSError, subprocess.TimeoutExpired) as e:
        raise ServerError(f"cannot run {java} -version: {e}") from e
    m = re.search(r'version "(\d+)(?:\.(\d+))?', out.stderr + out.stdout)
    if not m:
        raise ServerError(f"cannot tell the version of {java}: {(out.stderr or out.stdout).strip()[:200]}")
    major = int(m.group(1))
    if major == 1 and m.group(2):  # "1.8.0_x"
        major = int(m.group(2))
    if major < MIN_JAVA:
        raise ServerError(
            f"{java} is Java {major}; Neo4j {NEO4J_VERSION} needs Java {MIN_JAVA} or 21 "
            f"(set JAVA_HOME to a newer JDK)"
        )
    return Path(java), major


# --------------------------------------------------------------------------- server


@dataclass(frozen=True)
class ServerStatus:
    """What :meth:`ManagedNeo4j.status` reports.

    ``version`` is the version the running server reports over HTTP, else the pinned one.
    """

    running: bool
    pid: int | None
    bolt_uri: str
    http_url: str
    version: str
    browser_url: str
    data_dir: Path

    def to_dict(self) -> dict[str, Any]:
        return {
            "running": self.running,
            "pid": self.pid,
            "bolt_uri": self.bolt_uri,
            "http_url": self.http_url,
            "version": self.version,
            "browser_url": self.browser_url,
            "data_dir": str(self.data_dir),
        }


_EXIT_CODES: dict[int, int] = {}  # exit codes of servers this process launched and reaped


def _inherited_fds() -> list[int]:
    """This process's open file descriptors above 2 that a child would inherit (not
    close-on-exec): the ones to close in a spawned server."""
    try:
        fds = [int(f) for f in os.listdir("/proc/self/fd")]
    except OSError:
        try:
            fds = [int(f) for f in os.listdir("/dev/fd")]
        except OSError:
            return []
    out = []
    for fd in fds:
        if fd <= 2:
            continue
        try:
            if os.get_inheritable(fd):
                out.append(fd)
        except OSError:  # (the listing's own descriptor, closed since)
            continue
    return out


def _pid_alive(pid: int) -> bool:
    """Whether ``pid`` is a live (non-zombie) process; reaps it when it is our dead child."""
    try:
        wpid, wstatus = os.waitpid(pid, os.WNOHANG)
        if wpid == pid:
            _EXIT_CODES[pid] = os.waitstatus_to_exitcode(wstatus)
            return False
    except OSError:  # ChildProcessError: not our child
        pass
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
        return stat.rsplit(")", 1)[1].split()[0] != "Z"
    except (OSError, IndexError):
        return True


def _port_free(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind((HOST, port))
        except OSError as e:
            if e.errno in (errno.EADDRINUSE, errno.EACCES):
                return False
            raise
    return True


class ManagedNeo4j:
    """One local Neo4j server whose state lives under ``<data_dir>/neo4j/``.

    ``bolt_port`` / ``http_port`` default to the ports of the existing ``neo4j.conf`` (so a
    later ``ManagedNeo4j(data_dir)`` finds a server started on other ports), else 7687 / 7474.
    While the server runs, the ports it was started with win over the ones given here.
    ``home`` is the jar cache (see :func:`neo4j_home`). Memory sizes use Neo4j's syntax.
    ``settings``: more ``neo4j.conf`` settings, written after (so over) aigov's own, e.g.
    ``{"db.tx_log.preallocate": "false"}`` for a server on a small disk; like the ports they
    are kept for later starts (default: the ones of the existing ``neo4j.conf``; ``{}`` drops them).
    """

    def __init__(
        self,
        data_dir: Path | str,
        bolt_port: int | None = None,
        http_port: int | None = None,
        *,
        home: Path | str | None = None,
        heap_initial: str = "512m",
        heap_max: str = "1g",
        pagecache: str = "512m",
        settings: dict[str, str] | None = None,
    ):
        self.data_dir = Path(data_dir).expanduser().resolve()
        self.home = Path(home).expanduser().resolve() if home else neo4j_home()
        self.heap_initial = heap_initial
        self.heap_max = heap_max
        self.pagecache = pagecache
        self.settings = self._conf_settings() if settings is None else dict(settings)
        self._once: dict[str, str] = {}
        conf_ports = self._conf_ports()
        self.bolt_port = int(bolt_port or conf_ports.get("bolt") or DEFAULT_BOLT_PORT)
        self.http_port = int(http_port or conf_ports.get("http") or DEFAULT_HTTP_PORT)

    # ---- paths

    @property
    def server_dir(self) -> Path:
        """The server's home (``--home-dir``): ``<data_dir>/neo4j``."""
        return self.data_dir / "neo4j"

    @property
    def conf_dir(self) -> Path:
        return self.server_dir / "conf"

    @property
    def conf_file(self) -> Path:
        return self.conf_dir / "neo4j.conf"

    @property
    def log_file(self) -> Path:
        """The server's stdout/stderr (Neo4j's own logs are beside it in ``logs/``)."""
        return self.server_dir / "logs" / "console.log"

    @property
    def pid_file(self) -> Path:
        return self.server_dir / "server.pid"

    @property
    def password_file(self) -> Path:
        return self.server_dir / "password"

    # ---- addresses

    def _conf_ports(self) -> dict[str, int]:
        ports: dict[str, int] = {}
        try:
            text = self.conf_file.read_text()
        except OSError:
            return ports
        for kind in ("bolt", "http"):
            m = re.search(rf"^server\.{kind}\.listen_address=.*:(\d+)\s*$", text, re.M)
            if m:
                ports[kind] = int(m.group(1))
        return ports

    def _conf_settings(self) -> dict[str, str]:
        """The settings given to an earlier start (after :data:`_GIVEN` in ``neo4j.conf``)."""
        try:
            text = self.conf_file.read_text()
        except OSError:
            return {}
        _, found, given = text.partition(_GIVEN)
        if not found:
            return {}
        return dict(line.split("=", 1) for line in given.splitlines() if "=" in line)

    def _ports(self) -> tuple[int, int]:
        if self.pid() is not None:
            p = self._conf_ports()
            return p.get("bolt", self.bolt_port), p.get("http", self.http_port)
        return self.bolt_port, self.http_port

    @property
    def bolt_uri(self) -> str:
        return f"bolt://{HOST}:{self._ports()[0]}"

    @property
    def http_url(self) -> str:
        return f"http://{HOST}:{self._ports()[1]}"

    def browser_url(self) -> str:
        """Neo4j Browser, pre-filled with this server's Bolt address and user."""
        bolt, http = self._ports()
        return f"http://{HOST}:{http}/browser/?dbms=neo4j://{USER}@{HOST}:{bolt}"

    def style_url(self) -> str:
        """aigov's Browser style (GraSS), served by the server itself (``:style <url>``)."""
        return f"http://{HOST}:{self._ports()[1]}/browser/{BROWSER_CONTENT}/aigov.grass"

    def guide_url(self) -> str:
        """aigov's Browser guide, served by the server itself (``:play <url>``)."""
        return f"http://{HOST}:{self._ports()[1]}/browser/{BROWSER_CONTENT}/guide.html"

    # ---- credentials

    def password(self) -> str:
        """The ``neo4j`` user's password (from the 0600 password file)."""
        try:
            return self.password_file.read_text().strip()
        except FileNotFoundError:
            raise ServerError(
                f"no password file at {self.password_file}: the server in "
                f"{self.data_dir} was never started by aigov"
            ) from None

    def credentials(self) -> tuple[str, str]:
        """``(user, password)``, ready for ``neo4j.GraphDatabase.driver(uri, auth=...)``."""
        return USER, self.password()

    def driver(self, **kwargs: Any):
        """A ``neo4j`` driver for this server (the caller closes it)."""
        import neo4j

        return neo4j.GraphDatabase.driver(self.bolt_uri, auth=self.credentials(), **kwargs)

    # ---- process state

    def _owns(self, pid: int) -> bool:
        """Whether ``pid`` is this data folder's Neo4j (guards against a recycled pid)."""
        try:
            cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
        except OSError:
            return True  # no /proc (not Linux): trust the pid file
        return ENTRY_POINT.encode() in cmdline and f"--home-dir={self.server_dir}".encode() in cmdline

    def pid(self) -> int | None:
        """Pid of the running server, or None. A stale pid file is removed."""
        try:
            pid = int(self.pid_file.read_text().split()[0])
        except (OSError, ValueError, IndexError):
            return None
        if _pid_alive(pid) and self._owns(pid):
            return pid
        self.pid_file.unlink(missing_ok=True)
        return None

    def is_running(self) -> bool:
        return self.pid() is not None

    def _server_version(self) -> str | None:
        try:
            with urllib.request.urlopen(self.http_url + "/", timeout=2) as r:
                return json.load(r).get("neo4j_version")
        except (OSError, ValueError):
            return None

    def status(self) -> ServerStatus:
        pid = self.pid()
        version = (self._server_version() if pid else None) or NEO4J_VERSION
        return ServerStatus(
            running=pid is not None,
            pid=pid,
            bolt_uri=self.bolt_uri,
            http_url=self.http_url,
            version=version,
            browser_url=self.browser_url(),
            data_dir=self.data_dir,
        )

    def log_tail(self, lines: int = _LOG_TAIL) -> str:
        """The last lines of the server's console log (then of ``debug.log`` if that is empty)."""
        for path in (self.log_file, self.server_dir / "logs" / "debug.log"):
            try:
                with open(path, errors="replace") as fh:
                    tail = "".join(deque(fh, maxlen=lines)).rstrip()
            except OSError:
                continue
            if tail:
                return tail
        return "(no log output)"

    # ---- install / configure

    def install(self, **kwargs: Any) -> Path:
        """Fetch the jars into this server's ``home`` (see :func:`install`)."""
        return install(self.home, **kwargs)

    def _classpath(self) -> str:
        return os.pathsep.join([str(self.server_dir / "plugins" / "*"), str(lib_dir(self.home) / "*")])

    def write_conf(self) -> Path:
        """(Re)write ``neo4j.conf``: loopback only, our ports, everything under ``server_dir``."""
        d = self.server_dir
        settings = {
            "server.default_listen_address": HOST,
            "server.default_advertised_address": HOST,
            "server.bolt.enabled": "true",
            "server.bolt.listen_address": f"{HOST}:{self.bolt_port}",
            "server.bolt.advertised_address": f"{HOST}:{self.bolt_port}",
            "server.http.enabled": "true",
            "server.http.listen_address": f"{HOST}:{self.http_port}",
            "server.http.advertised_address": f"{HOST}:{self.http_port}",
            "server.https.enabled": "false",
            "server.directories.data": d / "data",
            "server.directories.transaction.logs.root": d / "data" / "transactions",
            "server.directories.logs": d / "logs",
            "server.directories.run": d / "run",
            "server.directories.plugins": d / "plugins",
            "server.directories.import": d / "import",
            "server.directories.licenses": d / "licenses",
            "server.directories.lib": lib_dir(self.home),
            "dbms.security.auth_enabled": "true",
            "dbms.usage_report.enabled": "false",
            "client.allow_telemetry": "false",
            "server.memory.pagecache.size": self.pagecache,
            "server.memory.heap.initial_size": self.heap_initial,
            "server.memory.heap.max_size": self.heap_max,
            "db.tx_log.rotation.retention_policy": "2 files",
            # Bolt's Netty event loops otherwise idle 2 x 5 s before a stop completes.
            "internal.dbms.bolt.netty_server_shutdown_quiet_period": "0",
            # Browser: aigov's style and guide on every login (from web/, see write_browser),
            # remote content from this machine only. (browser.retain_connection_credentials
            # and browser.allow_outgoing_connections are Enterprise settings: Community 5.26
            # refuses them as unknown.)
            "browser.post_connect_cmd": f"style {self.style_url()}; play {self.guide_url()}",
            "browser.remote_content_hostname_whitelist": f"{HOST},localhost",
        }
        self.conf_dir.mkdir(parents=True, exist_ok=True)
        for sub in ("data", "logs", "run", "plugins", "import", "licenses", "web"):
            (d / sub).mkdir(parents=True, exist_ok=True)
        text = "# Written by aigov (graph/server.py) on every start; edits are lost.\n"
        settings.update(self._once)
        text += "".join(f"{k}={v}\n" for k, v in settings.items() if k not in self.settings)
        if self.settings:
            text += _GIVEN + "".join(f"{k}={v}\n" for k, v in self.settings.items())
        self.conf_file.write_text(text)
        return self.conf_file

    @property
    def browser_zip(self) -> Path:
        """The Browser the server hosts (``web/neo4j-browser.zip``)."""
        return self.server_dir / "web" / "neo4j-browser.zip"

    def write_browser(self) -> Path:
        """(Re)write :attr:`browser_zip`: the Browser jar's files plus aigov's style and guide.

        Neo4j 5.26 serves ``/browser`` from a ``neo4j-browser*.zip`` in ``<home>/web`` when
        there is one (else from the jar on the classpath). It unpacks the zip into a temporary
        folder, taking the first entry as the root and creating each folder before its files,
        so folders come first, ``browser/`` leading. Rewritten only when the jar, the style or
        the guide changed (a digest beside it says which it holds).
        """
        from queries.guide import guide_html

        jars = sorted(lib_dir(self.home).glob("neo4j-browser-*.jar"))
        if not jars:
            raise ServerError(f"no Neo4j Browser jar in {lib_dir(self.home)}; run install()")
        content = {
            f"browser/{BROWSER_CONTENT}/aigov.grass": GRASS_PATH.read_bytes(),
            f"browser/{BROWSER_CONTENT}/guide.html": guide_html().encode("utf-8"),
        }
        digest = hashlib.sha256(f"{jars[-1].name}:{jars[-1].stat().st_size}".encode())
        for name, data in sorted(content.items()):
            digest.update(name.encode() + b"\0" + data)
        marker = self.browser_zip.with_name(".aigov-browser")
        with contextlib.suppress(OSError):
            if self.browser_zip.is_file() and marker.read_text() == digest.hexdigest():
                return self.browser_zip
        self.browser_zip.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.browser_zip.with_name(f".neo4j-browser-{os.getpid()}.tmp")
        with (
            zipfile.ZipFile(jars[-1]) as jar,
            zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as out,
        ):
            entries = [i for i in jar.infolist() if i.filename.startswith("browser/")]
            names = [i.filename for i in entries] + list(content)
            folders = sorted(
                {name[: cut + 1] for name in names for cut, char in enumerate(name) if char == "/"}
            )  # every parent, listed or not; "browser/" first
            for folder in folders:
                out.writestr(folder, b"")
            for info in entries:
                if not info.is_dir():
                    out.writestr(info.filename, jar.read(info))
            for name, data in content.items():
                out.writestr(name, data)
        tmp.replace(self.browser_zip)
        marker.write_text(digest.hexdigest())
        return self.browser_zip

    def _java_env(self) -> dict[str, str]:
        env = dict(os.environ)
        env["NEO4J_HOME"] = str(self.server_dir)
        env["NEO4J_CONF"] = str(self.conf_dir)
        return env

    def _ensure_password(self, java: Path) -> None:
        """Create the password file and set it as the initial password before the first start."""
        system_db = self.server_dir / "data" / "databases" / "system"
        if self.password_file.exists():
            os.chmod(self.password_file, 0o600)
            if system_db.exists():
                return
            password = self.password()
        else:
            if system_db.exists():
                raise ServerError(
                    f"{self.server_dir} holds a database but no password file; aigov cannot know its "
                    f"password. Remove {self.server_dir / 'data'} to start afresh."
                )
            password = secrets.token_urlsafe(24)
            fd = os.open(self.password_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "w") as fh:
                fh.write(password + "\n")
        # The admin tool only takes the password as an argument: hand it over in a 0600
        # @argfile, which the java launcher expands, so that it never shows in `ps`.
        argfile = self.conf_dir / f".set-password-{os.getpid()}.args"
        fd = os.open(argfile, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w") as fh:
            # `--` ends the options: a password may begin with '-' (token_urlsafe draws it
            # one time in 64), which the admin tool would otherwise read as an unknown option.
            fh.write(
                f'-cp\n"{lib_dir(self.home) / "*"}"\n{ADMIN_TOOL}\ndbms\nset-initial-password\n--\n"{password}"\n'
            )
        try:
            proc = subprocess.run(
                [str(java), f"@{argfile}"],
                env=self._java_env(),
                cwd=self.server_dir,
                stdin=subprocess.DEVNULL,
                capture_output=True,
                text=True,
                timeout=300,
            )
        except subprocess.TimeoutExpired as e:
            raise ServerError("neo4j-admin dbms set-initial-password timed out") from e
        finally:
            argfile.unlink(missing_ok=True)
        if proc.returncode != 0:
            out = (proc.stdout + proc.stderr).replace(password, "***").strip()
            raise ServerError(
                f"setting the initial Neo4j password failed (exit {proc.returncode}):\n"
                + "\n".join(out.splitlines()[-_LOG_TAIL:])
            )

    # ---- start / stop

    def start(self, timeout: float = 120, *, install: bool = True) -> ServerStatus:
        """Start the server (detached) and wait until Bolt answers ``RETURN 1``.

        When it already runs this only waits for it to answer (a no-op for a ready server);
        asked for other ports than it runs on, it refuses.
        Installs the jars first when they are missing (unless ``install=False``, which raises
        instead). When a new server fails or times out, its process is stopped and
        :class:`ServerError` carries the last log lines.
        """
        deadline = time.monotonic() + timeout
        self.server_dir.mkdir(parents=True, exist_ok=True)
        os.chmod(self.server_dir, 0o700)
        with _file_lock(self.server_dir / ".start.lock"):
            pid = self.pid()
            if pid is not None:
                ports = self._conf_ports()
                if (ports.get("bolt"), ports.get("http")) != (self.bolt_port, self.http_port):
                    raise ServerError(
                        f"Neo4j already runs on {self.bolt_uri} and {self.http_url}; stop it "
                        f"(`aigov neo4j stop`) to start it on other ports"
                    )
                self._wait_ready(pid, deadline)
                return self.status()
            if not is_installed(self.home):
                if not install:
                    raise ServerError(
                        f"Neo4j {NEO4J_VERSION} is not installed in {self.home}; run install() first"
                    )
                self.install()
            java, _ = find_java()
            if self.bolt_port == self.http_port:
                raise ServerError(f"Bolt and HTTP ports must differ (both {self.bolt_port})")
            for kind, port in (("Bolt", self.bolt_port), ("HTTP", self.http_port)):
                if not _port_free(port):
                    option = "--bolt-port" if kind == "Bolt" else "--http-port"
                    raise ServerError(
                        f"{kind} port {port} on {HOST} is already in use by another "
                        f"process; choose another: `aigov neo4j start {option} N`"
                    )
            self.write_conf()
            self.write_browser()
            self._ensure_password(java)
            pid = self._spawn(java)
            try:
                self._wait_ready(pid, deadline)
            except BaseException:
                self._kill(pid, timeout=30)
                raise
        return self.status()

    def _spawn(self, java: Path) -> int:
        """Launch the JVM in its own session, output to ``log_file``; write the pid file."""
        if self.log_file.exists() and self.log_file.stat().st_size:
            self.log_file.replace(self.log_file.with_name("console.log.1"))
        # The JVM's temporary files (the unpacked Browser, 46 MB) in a folder of our own,
        # emptied here: a server killed with SIGKILL cannot remove them itself.
        tmp = self.server_dir / "tmp"
        shutil.rmtree(tmp, ignore_errors=True)
        tmp.mkdir(mode=0o700)
        cmd = [
            str(java),
            f"-Xms{self.heap_initial}",
            f"-Xmx{self.heap_max}",
            *JVM_FLAGS,
            f"-Djava.io.tmpdir={tmp}",
            f"-XX:ErrorFile={self.server_dir / 'logs' / 'hs_err_pid%p.log'}",
            "-cp",
            self._classpath(),
            ENTRY_POINT,
            f"--home-dir={self.server_dir}",
            f"--config-dir={self.conf_dir}",
            "--console-mode",
        ]
        log_fd = os.open(self.log_file, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
        try:
            # posix_spawn rather than Popen: the server outlives this object (and often this
            # process), and a Popen left running warns when it is garbage-collected. Nothing
            # of ours is inherited: a lock, socket or pipe the caller holds open (e.g. a
            # `flock` around the command) would otherwise stay held for the server's life.
            actions = [
                (os.POSIX_SPAWN_OPEN, 0, os.devnull, os.O_RDONLY, 0),
                (os.POSIX_SPAWN_DUP2, log_fd, 1),
                (os.POSIX_SPAWN_DUP2, log_fd, 2),
            ]
            actions += [(os.POSIX_SPAWN_CLOSE, fd) for fd in _inherited_fds() if fd != 1 and fd != 2]
            pid = os.posix_spawn(cmd[0], cmd, self._java_env(), setsid=True, file_actions=actions)
        except OSError as e:
            raise ServerError(f"cannot launch {cmd[0]}: {e}") from e
        finally:
            os.close(log_fd)
        self.pid_file.write_text(f"{pid}\n")
        return pid

    def _wait_ready(self, pid: int, deadline: float) -> None:
        """Poll until Bolt answers ``RETURN 1`` with the stored password."""
        try:
            import neo4j
            from neo4j.exceptions import AuthError, DriverError, Neo4jError
        except ImportError as e:
            raise ServerError("the neo4j Python driver is missing (pip install neo4j)") from e

        auth = self.credentials()
        bolt_port = self._ports()[0]
        last: Exception | None = None
        while True:
            if not _pid_alive(pid):
                self.pid_file.unlink(missing_ok=True)
                code = _EXIT_CODES.pop(pid, None)
                raise ServerError(
                    f"Neo4j exited{'' if code is None else f' with code {code}'} "
                    f"while starting; last lines of {self.log_file}:\n{self.log_tail()}"
                )
            if time.monotonic() > deadline:
                raise ServerError(
                    f"Neo4j did not answer on {self.bolt_uri} in time"
                    + (f" ({last})" if last else "")
                    + f"; last lines of {self.log_file}:\n{self.log_tail()}"
                )
            try:
                # Probe the port first: the driver logs a warning for every refused connection.
                with socket.create_connection((HOST, bolt_port), timeout=2):
                    pass
                with neo4j.GraphDatabase.driver(self.bolt_uri, auth=auth, connection_timeout=3) as drv:
                    with drv.session() as session:  # session.run: no retries, no retry warnings
                        if session.run(PING).single(strict=True)["ok"] == 1:
                            return
            except AuthError as e:
                raise ServerError(
                    f"Neo4j refused the stored password in {self.password_file} "
                    f"({e.code}); remove {self.server_dir / 'data'} to start afresh"
                ) from e
            except (DriverError, Neo4jError, OSError) as e:
                last = e
            time.sleep(0.5)

    def _kill(self, pid: int, timeout: float) -> None:
        """SIGTERM, wait up to ``timeout`` s, then SIGKILL; remove the pid file."""
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGTERM)
        deadline = time.monotonic() + timeout
        while _pid_alive(pid):
            if time.monotonic() > deadline:
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGKILL)
                kill_deadline = time.monotonic() + 15
                while _pid_alive(pid) and time.monotonic() < kill_deadline:
                    time.sleep(0.1)
                break
            time.sleep(0.1)
        _EXIT_CODES.pop(pid, None)
        self.pid_file.unlink(missing_ok=True)

    def restart(self, timeout: float = 120, *, once: dict[str, str] | None = None) -> ServerStatus:
        """Stop the server and start it again, on the same ports and with the same settings
        (a database that stopped after a critical error, e.g. a full disk, needs it: Community
        has no ``START DATABASE``). ``once``: settings for this start only (not kept)."""
        self.stop()
        self._once = dict(once or {})
        try:
            return self.start(timeout)
        finally:
            self._once = {}

    def stop(self, timeout: float = 60) -> bool:
        """Stop the server (SIGTERM, then SIGKILL after ``timeout`` s).

        Returns True when a server was running, False when there was none (a stale pid file
        is removed).
        """
        pid = self.pid()
        if pid is None:
            self.pid_file.unlink(missing_ok=True)
            return False
        self._kill(pid, timeout)
        return True

    def __repr__(self) -> str:
        return f"ManagedNeo4j({str(self.data_dir)!r}, bolt_port={self.bolt_port}, http_port={self.http_port})"
