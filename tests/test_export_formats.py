"""The registry of RDF writers (one class per syntax, found by name or alias), and the one
summary type every export returns."""

from __future__ import annotations

from pathlib import Path

import pytest

import cli
from graph.export import FORMATS, STREAMING_FORMATS, ExportError
from graph.export.formats import WRITERS, InMemoryWriter, StreamedWriter, register, writer_for


def test_every_format_the_cli_offers_has_one_writer_in_the_same_order():
    assert cli.RDF_FORMATS == list(WRITERS) == list(FORMATS)
    for name, cls in WRITERS.items():
        assert cls.name == name
        assert issubclass(cls, (InMemoryWriter, StreamedWriter))
        assert cls.streamed == (name in STREAMING_FORMATS) == issubclass(cls, StreamedWriter)
        assert FORMATS[name] == (cls.serializer, cls.named_graphs)


@pytest.mark.parametrize("alias, name", [
    ("ttl", "turtle"), ("N-Triples", "nt"), ("jsonld", "json-ld"), ("rdf/xml", "xml"),
    (" nq ", "nquads"), ("TriG", "trig"), ("ttl-star", "turtle-star"), ("nt-star", "ntriples-star"),
])
def test_aliases_resolve_to_their_writer(alias, name):
    assert writer_for(alias) is WRITERS[name]


def test_an_unknown_format_lists_the_known_ones():
    with pytest.raises(ExportError, match=r"unknown RDF format 'owl'; use one of: turtle, nt, "):
        writer_for("owl")


def test_a_second_writer_cannot_take_a_registered_name():
    class Clash(InMemoryWriter):
        name, aliases, serializer = "n3", ("ttl",), "n3"

    with pytest.raises(ValueError, match="two RDF writers are named 'ttl'"):
        register(Clash)
    assert "n3" not in WRITERS and writer_for("ttl").name == "turtle"


def test_every_export_returns_one_summary_type(tmp_path):
    from graph.embedded import EmbeddedStore
    from graph.export import ExportSummary, export_csv, export_jsonl, export_rdf
    from tests.test_export import fixture

    with EmbeddedStore(tmp_path / "home") as store:
        store.write(fixture(), extractor="test")
        rdf = export_rdf(store, tmp_path / "g.nt", "nt")
        jsonl = export_jsonl(store, tmp_path / "g.jsonl")
        table = export_csv(store, tmp_path / "csv")
    for summary in (rdf, jsonl, table):
        assert type(summary) is ExportSummary
        assert (summary.entities, summary.articles, summary.events) == (7, 2, 4), summary
        assert all(Path(f).is_file() for f in summary.files) and summary.files
    assert jsonl.format == "jsonl" and jsonl.files == [str(tmp_path / "g.jsonl")]
    assert table.nodes == 13 and table.relationships > table.events
    # the table exports still read as the dicts they returned before
    assert jsonl == {"entities": 7, "articles": 2, "events": 4}
    assert dict(table) == {"nodes": 13, "relationships": table.relationships, "files": table.files}
    assert "triples" not in jsonl.to_dict() and "nodes" not in rdf.to_dict()
