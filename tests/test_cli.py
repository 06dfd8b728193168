"""The CLI end to end on the embedded store: exact error lines, formats, idempotent ingest."""

from __future__ import annotations

import io
import json

import pandas as pd
import pytest
from click.testing import CliRunner

from cli import cli
from tests.conftest import DEV, SEED, SEED_FILE


@pytest.fixture
def run(home):
    runner = CliRunner()

    def invoke(*args: str, input: str | None = None):
        return runner.invoke(cli, ["--home", str(home), *args], input=input, catch_exceptions=False)

    return invoke


def test_help_lists_the_commands(run):
    result = run("--help")
    assert result.exit_code == 0
    for command in ("ingest", "extract", "query", "export", "stats", "eval", "neo4j", "store"):
        assert f"  {command}" in result.output


def test_extract_prints_the_contract_for_the_seed(run):
    import jsonschema

    result = run("extract", str(SEED_FILE), "--format", "json")
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    schema = json.loads((SEED.parent.parent / "tests" / "extraction.schema.json").read_text())
    jsonschema.validate(doc, schema)
    assert doc["article"]["published"] == "2026-01-14"
    assert doc["article"]["language"] == "fr"
    names = {e["id"]: e["name"] for e in doc["entities"]}
    blocks = {
        (names[a], names[t])
        for ev in doc["events"]
        if ev["type"] == "BLOCKED_ACCESS"
        for a in ev["actors"]
        for t in ev["targets"]
    }
    assert {("Malaysia", "Grok"), ("Indonesia", "Grok")} <= blocks


def test_extract_several_files_prints_json_lines(run):
    result = run("extract", str(SEED_FILE), str(DEV / "d01.txt"))
    lines = result.stdout.strip().splitlines()
    assert result.exit_code == 0
    assert [json.loads(line)["article"]["published"] for line in lines] == ["2026-01-14", "2024-05-20"]


def test_bad_files_are_named_skipped_and_exit_1(run, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("   \n\n")
    binary = tmp_path / "blob.txt"
    binary.write_bytes(b"\x00\x01\x02binary")
    bad_date = tmp_path / "bad-date.txt"
    bad_date.write_text("date 2026-02-30 Title\n\nLa Malaisie a bloqué Grok.\n")
    result = run("ingest", str(empty), str(SEED_FILE), str(binary), str(bad_date), str(tmp_path / "missing.txt"))
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error:")]
    assert errors == [
        f"Error: {empty}: empty file (no article text)",
        f"Error: {binary}: binary file (NUL bytes), not a text article",
        f"Error: {bad_date}:1: impossible date '2026-02-30' in the header line",
        f"Error: {tmp_path / 'missing.txt'}: no such file or directory",
        "Error: 4 input(s) failed; the others were stored",
    ]
    stats = json.loads(run("stats", "--format", "json").stdout)
    articles = [r["count"] for r in stats if r["name"] == "Article"]
    assert articles == [1]


def test_unsupported_language_is_refused_clearly(run, tmp_path):
    de = tmp_path / "de.txt"
    de.write_text(
        "date 2026-01-14 Titel\n\nDie Regierung hat den Zugang zu Grok gesperrt, "
        "und das Gericht hat die Klage gegen die Firma angenommen.\n"
    )
    result = run("ingest", str(de))
    assert result.exit_code == 1
    assert f"Error: {de}: language 'und' is not supported (aigov reads fr, en)" in result.stderr


def test_ingest_twice_changes_no_counts(run):
    first = run("ingest", "--json", str(SEED), str(DEV))
    assert first.exit_code == 0, first.stderr
    summary = json.loads(first.stdout)
    assert summary["added"] == 24 and summary["errors"] == 0
    before = run("stats", "--format", "json").stdout
    second = run("ingest", "--json", str(SEED), str(DEV))
    assert json.loads(second.stdout)["added"] == 0
    assert json.loads(second.stdout)["unchanged"] == 24
    assert run("stats", "--format", "json").stdout == before


def test_dry_run_writes_nothing(run):
    result = run("ingest", "--dry-run", "--json", str(SEED))
    assert json.loads(result.stdout)["added"] == 1
    assert json.loads(run("stats", "--format", "json").stdout) == []


def test_query_list_names_every_canned_query(run):
    import queries

    result = run("query", "list", "--format", "json")
    listed = [r["name"] for r in json.loads(result.stdout)]
    assert listed == queries.names()
    assert len(listed) >= 15


def test_query_run_formats(run):
    run("ingest", "--silent", str(SEED))
    as_json = json.loads(run("query", "run", "bans", "--format", "json").stdout)
    frame = pd.read_csv(io.StringIO(run("query", "run", "bans", "--format", "csv").stdout))
    table = run("query", "run", "bans").stdout
    assert {(r["actor"], r["target"]) for r in as_json} >= {("Malaysia", "Grok"), ("Indonesia", "Grok")}
    assert list(frame["actor"]) == [r["actor"] for r in as_json]
    assert table.splitlines()[0].split()[:3] == ["type", "actor", "actor_type"]
    assert "Malaysia" in table


def test_query_run_with_params_and_bad_params(run):
    run("ingest", "--silent", str(SEED))
    rows = json.loads(run("query", "run", "timeline", "-p", "entity=GROK", "-f", "json").stdout)
    assert rows and all(r["date"] is None or r["date"] >= "2026" for r in rows)
    bad = run("query", "run", "timeline", "-p", "nope=1")
    assert bad.exit_code == 1
    assert bad.stderr == (
        "Error: query 'timeline' has no parameter 'nope' (parameters: entity, from, to, limit)\n"
    )
    unknown = run("query", "run", "nothing-like-this")
    assert unknown.stderr == "Error: no canned query named 'nothing-like-this'; `aigov query list` shows them\n"


def test_query_show_prints_param_lines_then_the_query(run):
    result = run("query", "show", "timeline")
    assert result.exit_code == 0
    params, query = result.stdout.split("\n\n")
    assert params.splitlines() == [
        "// timeline: Everything that touches an entity, one row per event, by date, optionally "
        "between two dates.",
        "// 1. Set the parameters (run these lines as one frame):",
        ":param entity => 'grok';",
        ":param from => null;",
        ":param to => null;",
        ":param limit => 200;",
    ]
    assert query.splitlines()[0] == "// 2. Then run the query on its own (its frame shows the rows):"
    assert query.splitlines()[-1] == "LIMIT $limit" and "MATCH" in query
    given = run("query", "show", "bans", "-p", "entity=O'Brien", "-p", "limit=7", "-p", "since=2026-01")
    assert given.stdout.splitlines()[2:5] == [
        ":param entity => 'O\\'Brien';",
        ":param since => '2026-01';",
        ":param limit => 7;",
    ]
    bad = run("query", "show", "bans", "-p", "limit=many")
    assert bad.exit_code == 1 and bad.output == "Error: parameter 'limit' must be int, not 'many'\n"


def test_query_cypher_is_read_only(run):
    run("ingest", "--silent", str(SEED))
    ok = run("query", "cypher", "MATCH (n:Country) RETURN n.name AS name ORDER BY name", "-f", "json")
    assert {"Malaysia", "Indonesia"} <= {r["name"] for r in json.loads(ok.stdout)}
    refused = run("query", "cypher", "MATCH (n) DETACH DELETE n")
    assert refused.exit_code == 1
    assert refused.stderr == (
        "Error: this query writes to the graph (DETACH DELETE); `aigov query cypher` only runs read-only queries\n"
    )
    # a write hidden from the first check is still refused by the store
    sneaky = run("query", "cypher", "MATCH (n) WITH n LIMIT 1 CALL { WITH n SET n.x = 1 } RETURN 1")
    assert sneaky.exit_code == 1


def test_stats_counts_labels_and_relationships(run):
    run("ingest", "--silent", str(SEED))
    rows = json.loads(run("stats", "-f", "json").stdout)
    counts = {(r["kind"], r["name"]): r["count"] for r in rows}
    assert counts[("label", "Article")] == 1
    assert counts[("relationship", "BLOCKED_ACCESS")] == 2
    assert counts[("relationship", "SUED")] == 4


def test_export_rdf_writes_parseable_validated_turtle(run, tmp_path):
    import rdflib

    run("ingest", "--silent", str(SEED))
    out = tmp_path / "g.ttl"
    result = run("export", "rdf", "--format", "turtle", "-o", str(out), "--validate")
    assert result.exit_code == 0, result.stderr
    assert result.stderr.startswith("wrote ") and "(SHACL: conforms)" in result.stderr
    g = rdflib.Graph().parse(out)
    ont = rdflib.Namespace("https://w3id.org/aigov/ont/")
    ent = rdflib.Namespace("https://w3id.org/aigov/entity/")
    assert (ent["Q833"], ont["BLOCKED_ACCESS"], ent["product:grok"]) in g
    assert (ent["Q252"], ont["SUED"], ent["Q918"]) in g


def test_export_jsonl_and_csv(run, tmp_path):
    run("ingest", "--silent", str(SEED))
    lines = run("export", "jsonl").stdout.strip().splitlines()
    assert any(json.loads(line).get("name") == "Malaysia" for line in lines)
    result = run("export", "csv", "-o", str(tmp_path / "csv"))
    assert result.exit_code == 0
    rels = pd.read_csv(tmp_path / "csv" / "relationships.csv")
    assert (rels["type"] == "BLOCKED_ACCESS").sum() == 2


def test_ingest_jsonl_with_column_names_and_forced_format(run, tmp_path):
    data = tmp_path / "export.dat"
    data.write_text(
        json.dumps(
            {
                "headline": "Taiwan bans DeepSeek",
                "published": "2025-02-03",
                "body": "Taiwan banned DeepSeek from government devices on Monday, officials said.",
            }
        )
        + "\n"
        + json.dumps({"headline": "no body"})
        + "\n"
    )
    result = run(
        "ingest",
        str(data),
        "--input-format",
        "jsonl",
        "--columns",
        "title=headline,text=body,date=published",
        "--json",
    )
    assert result.exit_code == 1
    assert json.loads(result.stdout)["added"] == 1
    assert result.stderr.splitlines()[0].startswith(f"Error: {data}:2: ")
    rows = json.loads(run("query", "run", "bans", "-f", "json").stdout)
    assert [(r["actor"], r["target"], r["date"]) for r in rows] == [("Taiwan", "DeepSeek", "2025-02-03")]


def test_every_command_that_prints_rows_takes_the_same_output_options(run):
    run("ingest", "--silent", str(SEED))
    for command in (
        ["query", "list"],
        ["query", "run", "bans"],
        ["stats"],
        ["feeds", "list"],
        ["query", "cypher", "MATCH (n:Country) RETURN n.name AS name ORDER BY name"],
    ):
        as_json = run(*command, "--format", "json")
        assert as_json.exit_code == 0, (command, as_json.output)
        assert run(*command, "--json").stdout == as_json.stdout, command
        lines = [json.loads(line) for line in run(*command, "-f", "jsonl").stdout.splitlines()]
        assert lines == json.loads(as_json.stdout), command


def test_a_query_from_the_cli_does_not_import_pandas(home):
    """Rows go from the store to the output as they are: no DataFrame on the way."""
    import subprocess
    import sys

    from tests.conftest import ROOT

    code = (
        "import sys; from cli import cli\n"
        f"cli.main(['--home', {str(home)!r}, 'query', 'run', 'bans', '-f', 'json'], standalone_mode=False)\n"
        "print('pandas' in sys.modules, file=sys.stderr)"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == []
    assert done.stderr.strip().splitlines()[-1] == "False"
