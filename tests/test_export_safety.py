"""Where an export writes (issue 17, items 7 and 8), on a real embedded store.

An export to a path writes a temporary file beside it and renames it into place, for every
format: an interrupted export leaves the previous file byte for byte. It refuses to replace
what is not a regular file (a device node, a FIFO, a symlink to one, a folder).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from graph.embedded import EmbeddedStore
from graph.export import ExportError, export_csv, export_jsonl, export_rdf
from tests.test_export import fixture

RDF = ["turtle", "nt", "json-ld", "xml", "trig", "nquads", "turtle-star", "ntriples-star"]
EVERY_FORMAT = [*RDF, "jsonl", "csv"]
OLD = b"the previous good export\n" * 1000
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def _home_with_the_graph(folder: Path) -> Path:
    with EmbeddedStore(folder) as store:
        store.ensure_schema()
        assert store.write(fixture(), extractor="test").added == 2
    return folder


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    """A store holding the export fixture's graph, open for the module."""
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
