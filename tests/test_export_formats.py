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


@pytest.mark.parametrize(
    "alias, name",
    [
        ("ttl", "turtle"),
        ("N-Triples", "nt"),
        ("jsonld", "json-ld"),
        ("rdf/xml", "xml"),
        (" nq ", "nquads"),
        ("TriG", "trig"),
        ("ttl12", "turtle12"),
        ("nt12", "ntriples12"),
        # the RDF 1.2 formats' former names
        ("turtle-star", "turtle12"),
        ("ttl-star", "turtle12"),
        ("ntriples-star", "ntriples12"),
        ("nt-star", "ntriples12"),
    ],
)
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


# ---------------------------------------------------------------------------------------------
# the names say what the formats are (issue 13, item 8)


def test_turtle12_and_ntriples12_are_rdf_1_2_and_the_other_formats_rdf_1_1(tmp_path):
    """An RDF 1.1 reader (rdflib 7) reads the six plain formats and refuses the two RDF 1.2
    ones, which a reader of RDF 1.2 (Oxigraph) reads, reifiers included: the names say so."""
    ox = pytest.importorskip("pyoxigraph", minversion="0.5")
    from rdflib import Dataset

    from graph.embedded import EmbeddedStore
    from graph.export import export_rdf
    from tests.test_export import fixture

    with EmbeddedStore(tmp_path / "home") as store:
        store.write(fixture(), extractor="test")
        for name in WRITERS:
            path = tmp_path / f"g.{name}"
            export_rdf(store, path, name)
            rdflib_format = {"turtle12": "turtle", "ntriples12": "nt", "xml": "xml"}.get(name, name)
            if name in ("turtle12", "ntriples12"):
                from rdflib.exceptions import ParserError
                from rdflib.plugins.parsers.notation3 import BadSyntax

                with pytest.raises((BadSyntax, ParserError)):  # an RDF 1.1 reader refuses RDF 1.2
                    Dataset().parse(str(path), format=rdflib_format)
                oxfmt = ox.RdfFormat.TURTLE if name == "turtle12" else ox.RdfFormat.N_TRIPLES
                reifies = [
                    q
                    for q in ox.parse(path=str(path), format=oxfmt)
                    if q.predicate.value.endswith("#reifies") and isinstance(q.object, ox.Triple)
                ]
                assert reifies, name
            else:
                assert len(Dataset().parse(str(path), format=rdflib_format)) > 0
                assert "<<(" not in path.read_text(encoding="utf-8") and " ~ " not in path.read_text(
                    encoding="utf-8"
                )


@pytest.mark.parametrize("old, new", [("turtle-star", "turtle12"), ("ntriples-star", "ntriples12")])
def test_the_cli_still_takes_the_old_names_of_the_rdf_1_2_formats(tmp_path, old, new):
    from click.testing import CliRunner

    from graph.embedded import EmbeddedStore
    from tests.test_export import fixture

    home = tmp_path / "home"
    with EmbeddedStore(home) as store:
        store.write(fixture(), extractor="test")
    outputs = []
    for name in (old, new):
        result = CliRunner().invoke(cli.cli, ["--home", str(home), "export", "rdf", "-f", name])
        assert result.exit_code == 0, result.output
        outputs.append(sorted(result.stdout.splitlines()))
    assert outputs[0] == outputs[1] and any("rdf-syntax-ns#reifies" in x or " ~ " in x for x in outputs[0])
