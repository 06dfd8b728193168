"""Independent RDF engines for the tests: Apache Jena (``riot``, ``shacl``) and the OWL API,
resolved from Maven Central at test time by the poms in ``tests/data/rdftools/`` -- the way
``graph/server.py`` resolves Neo4j -- so a fresh CI machine needs only Java 17 and Maven.

The jars go to ``$AIGOV_RDFTOOLS_HOME/<tool>`` (default ``~/.cache/aigov/rdftools/<tool>``),
once per version of its pom (a marker records the pom's digest and the jars); ``$AIGOV_MAVEN_REPO``
overrides Maven's local repository as for Neo4j. :func:`tool` skips the calling test, saying
why, when Java 17 or Maven is missing; a Maven run that fails is a test failure.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

__all__ = ["Tool", "tool", "jena", "owlapi", "DATA"]

DATA = Path(__file__).resolve().parent / "data" / "rdftools"
_MARKER = "installed.json"


@dataclass(frozen=True)
class Tool:
    """A Java tool with its classpath: ``run(main, *args)`` runs ``java -cp <lib>/* main args``."""

    name: str
    java: str
    lib: Path

    def run(self, main: str, *args: str, timeout: float = 300) -> subprocess.CompletedProcess:
        return subprocess.run(
            [self.java, "-cp", str(self.lib / "*"), main, *args],
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=timeout,
        )


def _home() -> Path:
    base = os.environ.get("AIGOV_RDFTOOLS_HOME")
    return Path(base).expanduser() if base else Path.home() / ".cache" / "aigov" / "rdftools"


def _digest(pom: Path) -> str:
    return hashlib.sha256(pom.read_bytes()).hexdigest()


def _installed(root: Path, pom: Path) -> bool:
    try:
        info = json.loads((root / _MARKER).read_text())
    except (OSError, ValueError):
        return False
    return (
        info.get("pom_sha256") == _digest(pom)
        and bool(info.get("jars"))
        and all((root / "lib" / j).is_file() for j in info["jars"])
    )


def _lock(path: Path):
    """The file lock the Neo4j install uses (one resolve of the jars at a time)."""
    from graph.server import _file_lock

    return _file_lock(path)


def _java() -> str:
    """The java binary (Java 17 or later), or skip the test saying why."""
    from graph.errors import ServerError
    from graph.server import find_java

    try:
        java, _major = find_java()  # $AIGOV_JAVA, $JAVA_HOME or PATH; refuses Java < 17
    except ServerError as exc:
        pytest.skip(f"needs Java 17 or later to run Jena and the OWL API: {exc}")
    return str(java)


def tool(name: str, timeout: float = 900) -> Tool:
    """The tool of ``tests/data/rdftools/<name>-pom.xml``, fetched with Maven on first use."""
    java = _java()
    pom = DATA / f"{name}-pom.xml"
    root = _home() / name
    lib = root / "lib"
    if _installed(root, pom):
        return Tool(name, java, lib)
    mvn = shutil.which("mvn")
    if mvn is None:
        pytest.skip(
            f"needs Maven ('mvn' on PATH) to fetch {name} from Maven Central (Debian: apt-get install maven)"
        )
    with _lock(root / ".install.lock"):
        if _installed(root, pom):
            return Tool(name, java, lib)
        shutil.copyfile(pom, root / "pom.xml")
        tmp = root / f"lib.tmp-{os.getpid()}"
        shutil.rmtree(tmp, ignore_errors=True)
        cmd = [mvn, "-q", "-B", "-f", str(root / "pom.xml"), f"-Dtools.lib.dir={tmp}"]
        if os.environ.get("AIGOV_MAVEN_REPO"):
            cmd.append(f"-Dmaven.repo.local={Path(os.environ['AIGOV_MAVEN_REPO']).expanduser().resolve()}")
        cmd.append("process-resources")
        proc = subprocess.run(
            cmd, cwd=root, stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=timeout
        )
        jars = sorted(p.name for p in tmp.glob("*.jar")) if tmp.is_dir() else []
        if proc.returncode != 0 or not jars:
            shutil.rmtree(tmp, ignore_errors=True)
            tail = "\n".join((proc.stdout + proc.stderr).strip().splitlines()[-30:])
            pytest.fail(f"Maven could not fetch {name} (exit {proc.returncode}): {' '.join(cmd)}\n{tail}")
        (root / _MARKER).unlink(missing_ok=True)
        shutil.rmtree(lib, ignore_errors=True)
        tmp.rename(lib)
        (root / _MARKER).write_text(json.dumps({"pom_sha256": _digest(pom), "jars": jars}, indent=1))
    return Tool(name, java, lib)


def jena() -> Tool:
    """Apache Jena 5's command-line tools (``riotcmd.riot``, ``shacl.shacl``)."""
    return tool("jena")


def owlapi() -> Tool:
    """The OWL API with ``tests/data/rdftools/OwlCheck.java``."""
    return tool("owlapi")
