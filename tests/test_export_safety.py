"""Where an export writes (issue 17, items 7 and 8), on a real embedded store.

``export ... -o PATH`` writes a temporary file beside PATH and renames it into place, for every
format: an interrupted export (an exception, SIGINT, kill -9) leaves the previous file byte
for byte. It refuses to replace what is not a regular file (a device node, a FIFO, a symlink
to one, a folder) and says so in one line; every OS error (missing folder, no permission,
full disk) is one line naming the path, never a traceback, and leaves no temporary file.
"""

from __future__ import annotations

import contextlib
import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from cli import cli
from graph.embedded import EmbeddedStore
from graph.export import ExportError, export_csv, export_jsonl, export_rdf
from tests.conftest import ROOT
from tests.test_export import fixture

RDF = ["turtle", "nt", "json-ld", "xml", "trig", "nquads", "turtle12", "ntriples12"]
EVERY_FORMAT = [*RDF, "jsonl", "csv"]
OLD = b"the previous good export\n" * 1000
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def _home_with_the_graph(folder: Path) -> Path:
    with EmbeddedStore(folder) as store:
        store.ensure_schema()
        assert store.write(fixture(), extractor="test").added == 2
    return folder


@pytest.fixture(scope="module")
def graph_home(tmp_path_factory) -> Path:
    """A home holding the export fixture's graph, for the CLI (each run opens and closes it)."""
    return _home_with_the_graph(tmp_path_factory.mktemp("safety-cli") / "home")


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    """The same graph in a store of its own, open for the library calls of this module."""
    with EmbeddedStore(_home_with_the_graph(tmp_path_factory.mktemp("safety-lib") / "home")) as s:
        yield s


def export_to(store, fmt: str, path: Path, **kw):
    """One export of ``fmt`` to ``path`` (for csv, ``path`` is nodes.csv in its folder)."""
    if fmt == "jsonl":
        return export_jsonl(store, path, **kw)
    if fmt == "csv":
        return export_csv(store, path.parent, **kw)
    return export_rdf(store, path, fmt, **kw)


def target_of(tmp_path: Path, fmt: str) -> Path:
    return tmp_path / "csv" / "nodes.csv" if fmt == "csv" else tmp_path / f"graph.{fmt}"


def leftovers(folder: Path, *keep: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p not in keep)


def aigov(home: Path, *args: str):
    return CliRunner().invoke(cli, ["--home", str(home), *args])


def assert_one_error_line(result, path: Path | str, why: str) -> None:
    assert result.exit_code == 1, (result.exit_code, result.output, result.exception)
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"Error: {path}"), lines[0]
    assert why in lines[0], lines[0]


@pytest.fixture
def fifo(tmp_path):
    """A FIFO with a reader held open (a writer that opened it would not block, and what it
    wrote would be lost in the pipe)."""
    path = tmp_path / "pipe"
    os.mkfifo(path)
    reader = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    yield path
    os.close(reader)


@pytest.fixture
def null_device(tmp_path):
    """A copy of /dev/null (root only: making a device node needs CAP_MKNOD)."""
    if not IS_ROOT:
        pytest.skip("making a device node (a copy of /dev/null) needs root")
    path = tmp_path / "null"
    os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    return path


# ---------------------------------------------------------------------------------------------
# the previous file survives an interrupted export, for every format


class Interrupting:
    """The real store, interrupted (as by Ctrl-C) at its ``after``-th read."""

    def __init__(self, inner, after: int):
        self.inner, self.after, self.reads = inner, after, 0

    def read(self, query, params=None):
        self.reads += 1
        if self.reads == self.after:
            raise KeyboardInterrupt
        return self.inner.read(query, params)


@pytest.mark.parametrize("fmt", EVERY_FORMAT)
def test_an_interrupted_export_leaves_the_previous_file_byte_for_byte(store, tmp_path, fmt):
    target = target_of(tmp_path, fmt)
    target.parent.mkdir(exist_ok=True)
    target.write_bytes(OLD)
    # page size 1: the event pages come after every entity and article were written out
    with pytest.raises(KeyboardInterrupt):
        export_to(Interrupting(store, after=12), fmt, target, page_size=1)
    assert target.read_bytes() == OLD
    assert leftovers(target.parent, target) == []
    summary = export_to(store, fmt, target, page_size=1)  # and the next export replaces it
    assert target.read_bytes() != OLD and str(target) in summary.files
    assert leftovers(target.parent, target) == (["relationships.csv"] if fmt == "csv" else [])


def test_a_replaced_file_keeps_its_permissions(store, tmp_path):
    for fmt in ("nt", "jsonl"):
        target = target_of(tmp_path, fmt)
        target.write_bytes(OLD)
        target.chmod(0o600)
        export_to(store, fmt, target)
        assert stat.S_IMODE(target.stat().st_mode) == 0o600
        assert target.read_bytes() != OLD


_SLOW_CLI = """\
import functools, sys, time
import graph.export
from graph.store import GraphStore

read = GraphStore.read
def slow_read(self, query, params=None):
    time.sleep(0.05)
    return read(self, query, params)
GraphStore.read = slow_read
# one node per page: the export writes as it reads, slowly
for name in ("export_rdf", "export_jsonl"):
    setattr(graph.export, name, functools.partial(getattr(graph.export, name), page_size=1))
from cli import cli
cli()
"""


def _start_slow_export(home: Path, *args: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-c", _SLOW_CLI, "--home", str(home), "export", *args],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def _wait_until_writing(proc: subprocess.Popen, target: Path) -> None:
    """Until the export has begun to write (a new file beside the target, or the target
    itself changed), then a little more."""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        if leftovers(target.parent, target) or target.read_bytes() != OLD:
            time.sleep(0.3)
            return
        time.sleep(0.02)
    raise AssertionError(f"the export never started writing: {proc.communicate()}")


@pytest.mark.parametrize("how", ["kill -9", "SIGINT"])
@pytest.mark.parametrize("args", [("jsonl",), ("rdf", "-f", "nt")], ids=["jsonl", "nt"])
def test_killing_the_cli_mid_export_leaves_the_previous_file(graph_home, tmp_path, how, args):
    target = tmp_path / "graph.out"
    target.write_bytes(OLD)
    proc = _start_slow_export(graph_home, *args, "-o", str(target))
    try:
        _wait_until_writing(proc, target)
        assert proc.poll() is None, "the export ended before it could be interrupted"
        proc.send_signal(signal.SIGKILL if how == "kill -9" else signal.SIGINT)
        _, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
        # a killed CLI leaves its store's server running: reopening the home and closing it
        # stops that server
        EmbeddedStore(graph_home).close()
    assert proc.returncode != 0
    assert target.read_bytes() == OLD
    if how == "SIGINT":  # an orderly exit removes its temporary file
        assert leftovers(tmp_path, target) == []
        assert b"Traceback" not in err, err.decode()


# ---------------------------------------------------------------------------------------------
# what is not a regular file is refused, for every format


@pytest.mark.parametrize("fmt", EVERY_FORMAT)
def test_a_fifo_a_symlink_to_it_and_a_folder_are_refused(store, tmp_path, fifo, fmt):
    folder = tmp_path / "csv" if fmt == "csv" else tmp_path
    folder.mkdir(exist_ok=True)
    name = "nodes.csv" if fmt == "csv" else f"graph.{fmt}"
    link = folder / name
    link.symlink_to(fifo)
    with pytest.raises(ExportError, match=r"a named pipe \(FIFO\), not a regular file"):
        export_to(store, fmt, link)
    assert link.is_symlink() and stat.S_ISFIFO(fifo.stat().st_mode)
    link.unlink()
    if fmt != "csv":
        with pytest.raises(ExportError, match="a named pipe"):
            export_to(store, fmt, fifo)
        assert stat.S_ISFIFO(fifo.stat().st_mode)
    link.mkdir()
    with pytest.raises(ExportError, match=f"^{link}: a folder, not a regular file"):
        export_to(store, fmt, link)
    assert link.is_dir() and list(link.iterdir()) == []
    assert leftovers(folder, link, fifo) == []


@pytest.mark.parametrize("fmt", EVERY_FORMAT)
def test_a_device_node_is_refused(store, tmp_path, null_device, fmt):
    folder = tmp_path / "csv"
    folder.mkdir()
    target = null_device
    if fmt == "csv":
        (folder / "nodes.csv").symlink_to(null_device)
        target = folder / "nodes.csv"
    with pytest.raises(ExportError, match="a character device, not a regular file"):
        export_to(store, fmt, target)
    assert stat.S_ISCHR(null_device.stat().st_mode)
    assert leftovers(tmp_path, null_device, folder) == [] and leftovers(folder, target) == []


def test_a_symlink_to_a_regular_file_replaces_the_file_it_points_to(store, tmp_path):
    real = tmp_path / "real" / "graph.nt"
    real.parent.mkdir()
    real.write_bytes(OLD)
    link = tmp_path / "latest.nt"
    link.symlink_to(real)
    summary = export_rdf(store, link, "nt")
    assert link.is_symlink() and link.resolve() == real
    assert real.read_bytes() != OLD and summary.triples == len(real.read_bytes().splitlines())
    assert leftovers(tmp_path, link, real.parent) == [] and leftovers(real.parent, real) == []


@pytest.mark.parametrize("fmt", ["nt", "turtle", "jsonl"])
def test_a_missing_folder_is_an_export_error_naming_the_path(store, tmp_path, fmt):
    target = tmp_path / "no" / "such" / f"graph.{fmt}"
    with pytest.raises(ExportError, match=f"^{target}: cannot write: no folder {target.parent}$"):
        export_to(store, fmt, target)
    assert leftovers(tmp_path) == []


# ---------------------------------------------------------------------------------------------
# the CLI: one line per refusal or OS error, never a traceback


def test_cli_refuses_a_device_node(graph_home, null_device):
    for args in (("rdf", "-f", "nt"), ("jsonl",)):
        result = aigov(graph_home, "export", *args, "-o", str(null_device))
        assert_one_error_line(result, null_device, "a character device, not a regular file")
        assert stat.S_ISCHR(null_device.stat().st_mode)


def test_cli_refuses_a_fifo_and_a_symlink_to_one(graph_home, tmp_path, fifo):
    link = tmp_path / "graph.ttl"
    link.symlink_to(fifo)
    result = aigov(graph_home, "export", "rdf", "-o", str(link))
    assert_one_error_line(result, f"{link} -> {fifo}", "a named pipe (FIFO), not a regular file")
    result = aigov(graph_home, "export", "jsonl", "-o", str(fifo))
    assert_one_error_line(result, fifo, "a named pipe (FIFO), not a regular file")
    assert link.is_symlink() and stat.S_ISFIFO(fifo.stat().st_mode)


def test_cli_refuses_a_folder(graph_home, tmp_path):
    for args in (("rdf",), ("jsonl",)):
        result = aigov(graph_home, "export", *args, "-o", str(tmp_path))
        assert_one_error_line(result, tmp_path, "a folder, not a regular file")
    plain = tmp_path / "plain.txt"
    plain.write_bytes(OLD)
    result = aigov(graph_home, "export", "csv", "-o", str(plain))
    assert_one_error_line(result, plain, "not a folder")
    assert plain.read_bytes() == OLD and leftovers(tmp_path, plain) == []


def test_cli_missing_folder_is_one_line(graph_home, tmp_path):
    missing = tmp_path / "no" / "such" / "folder" / "graph.jsonl"
    result = aigov(graph_home, "export", "jsonl", "-o", str(missing))
    assert_one_error_line(result, missing, f"cannot write: no folder {missing.parent}")
    # rdf makes the folders it needs (as it always did); where it cannot, one line
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = aigov(graph_home, "export", "rdf", "-o", str(blocker / "sub" / "graph.ttl"))
    assert_one_error_line(result, blocker / "sub", "cannot create the folder")
    result = aigov(graph_home, "export", "csv", "-o", str(blocker / "csv"))
    assert_one_error_line(result, blocker / "csv", "cannot create the folder")
    assert leftovers(tmp_path, blocker) == []


@contextlib.contextmanager
def tmpfs(folder: Path, size: str):
    """A tmpfs of ``size`` mounted on ``folder`` while in the block (root only: the test is
    skipped where it cannot be mounted)."""
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)], capture_output=True, text=True
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs on {folder}: {mounted.stderr.strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], check=True)


@pytest.fixture
def read_only_folder(tmp_path):
    """A folder holding a previous export that nobody may write into: mode 0500, or, for root
    (whom modes do not stop), a tmpfs remounted read-only."""
    folder = tmp_path / "ro"
    folder.mkdir()
    if not IS_ROOT:
        (folder / "graph.nt").write_bytes(OLD)
        folder.chmod(0o500)
        yield folder, "Permission denied"
        folder.chmod(0o700)
        return
    with tmpfs(folder, "1m"):
        (folder / "graph.nt").write_bytes(OLD)
        subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)
        yield folder, "Read-only file system"


def test_cli_no_permission_is_one_line_and_the_old_file_stays(graph_home, read_only_folder):
    folder, why = read_only_folder
    target = folder / "graph.nt"
    for args in (("rdf", "-f", "nt"), ("jsonl",)):
        result = aigov(graph_home, "export", *args, "-o", str(target))
        assert_one_error_line(result, target, f"cannot write: {why}")
    assert target.read_bytes() == OLD and leftovers(folder, target) == []


@pytest.fixture
def small_disk(tmp_path):
    """A 64 kB tmpfs (root only) holding a previous export, full but for one 4 kB page."""
    if not IS_ROOT:
        pytest.skip("mounting a small tmpfs to fill it needs root")
    folder = tmp_path / "disk"
    folder.mkdir()
    with tmpfs(folder, "64k"):
        (folder / "graph.out").write_bytes(OLD)
        filler = folder / "filler"
        fd = os.open(filler, os.O_WRONLY | os.O_CREAT)
        with contextlib.suppress(OSError):  # until the disk is full
            while True:
                os.write(fd, b"x" * 1024)
        os.close(fd)
        os.truncate(filler, filler.stat().st_size - 4096)
        yield folder


@pytest.mark.parametrize(
    "args", [("rdf", "-f", "nt"), ("rdf", "-f", "turtle"), ("jsonl",)], ids=["nt", "turtle", "jsonl"]
)
def test_cli_full_disk_is_one_line_and_the_old_file_stays(graph_home, small_disk, args):
    target = small_disk / "graph.out"  # the new export (6 to 38 kB) does not fit in 4 kB
    result = aigov(graph_home, "export", *args, "-o", str(target))
    assert_one_error_line(result, target, "cannot write: No space left on device")
    assert target.read_bytes() == OLD and leftovers(small_disk, target, small_disk / "filler") == []


def test_cli_dash_writes_to_stdout(graph_home, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    nt = aigov(graph_home, "export", "rdf", "-f", "nt", "-o", "-")
    assert nt.exit_code == 0, nt.output
    assert nt.stdout.count(" .\n") > 50 and nt.stderr.startswith("wrote ") and "to stdout" in nt.stderr
    jsonl = aigov(graph_home, "export", "jsonl", "-o", "-")
    assert jsonl.exit_code == 0, jsonl.output
    assert len(jsonl.stdout.splitlines()) == 7 + 2 + 4
    assert list(tmp_path.iterdir()) == []  # no file named '-'
