"""The registry of RDF writers: one class per syntax, found by name or alias."""

from __future__ import annotations

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
