"""``--jobs N`` codes articles in N processes with the same output as one: the same ``extract``
output byte for byte, the same graph after ``ingest`` (all but the ingest timestamps), the
same graph after a feed poll, and the same error lines for bad inputs, in the same order."""

from __future__ import annotations

import json

from click.testing import CliRunner

from cli import cli
from graph.sink import StoreSink
from loaders import coder_version, extract_sources
from loaders.feeds import Poller
from loaders.feedstate import FeedBook
from loaders.fetch import Fetcher, FetchPolicy
from loaders.parallel import map_in_order
from tests.conftest import DEV, SEED
from tests.feedserver import Resource, Site, html_page, rss

VOLATILE = ("ingested_at", "first_seen")


def graph_lines(home) -> list[str]:
    result = CliRunner().invoke(cli, ["--home", str(home), "export", "jsonl"], catch_exceptions=False)
    rows = []
    for line in result.output.splitlines():
        row = json.loads(line)
        for key in VOLATILE:
            if isinstance(row.get(key), str) and "T" in row[key]:
                row.pop(key)
        rows.append(json.dumps(row, sort_keys=True, ensure_ascii=False))
    return sorted(rows)


def test_extract_output_is_the_same_with_two_processes(tmp_path):
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "de.txt").write_text("Die Bundesregierung hat den Zugang zu Grok gesperrt und die Klage angenommen.\n")
    (bad / "empty.txt").write_text("")
    args = ["extract", str(SEED), str(DEV), str(bad), "--format", "jsonl"]
    one = CliRunner().invoke(cli, [*args, "--jobs", "1"])
    two = CliRunner().invoke(cli, [*args, "--jobs", "2"])
    assert one.exit_code == two.exit_code == 1
    assert one.stdout == two.stdout and one.stdout.count("\n") == 24
    assert one.stderr == two.stderr and "de.txt: language 'und' is not supported" in one.stderr
    assert one.stderr.count("Error: ") == 3


def test_ingest_writes_the_same_graph_with_two_processes(tmp_path):
    homes = []
    for jobs in ("1", "2"):
        home = tmp_path / f"jobs{jobs}"
        result = CliRunner().invoke(
            cli,
            ["--home", str(home), "ingest", str(SEED), str(DEV), "--jobs", jobs, "--json"],
            catch_exceptions=False,
        )
        assert result.exit_code == 0, result.output
        homes.append((home, json.loads(result.output.splitlines()[-1])))
    (h1, s1), (h2, s2) = homes
    assert s1 == s2 and s1["added"] == 24
    assert graph_lines(h1) == graph_lines(h2)


def test_a_feed_poll_stores_the_same_with_two_processes(tmp_path):
    texts = [p.read_text(encoding="utf-8").split("\n\n", 1)[-1] for p in sorted(DEV.glob("*.txt"))[:8]]
    homes = []
    with Site() as site:
        items = []
        for i, text in enumerate(texts):
            site[f"/p{i}.html"] = Resource(html_page(f"P{i}", text.split("\n\n")).encode())
            items.append({"title": f"P{i}", "link": site.url(f"/p{i}.html"), "guid": str(i)})
        site["/f.xml"] = Resource(rss(items), content_type="application/rss+xml")
        for jobs in (1, 2):
            home = tmp_path / f"poll{jobs}"
            from graph.embedded import EmbeddedStore

            with EmbeddedStore(home) as store, FeedBook(home) as book:
                book.add(site.url("/f.xml"))
                poller = Poller(
                    book,
                    Fetcher(FetchPolicy(host_interval=0)),
                    StoreSink(store, extractor=coder_version()),
                    jobs=jobs,
                )
                report = poller.poll()
                assert report.ok and report.sources[0].new == 8
            homes.append(home)
    assert graph_lines(homes[0]) == graph_lines(homes[1])


def test_map_in_order_keeps_the_order_and_the_errors():
    from graph.errors import InputError

    results = list(map_in_order(_code_or_fail, list(range(30)), jobs=2, chunk=3))
    assert [r if isinstance(r, int) else str(r) for r in results] == [
        i * i if i % 7 else f"n{i}: multiple of seven" for i in range(30)
    ]
    assert all(isinstance(r, InputError) for r in results if not isinstance(r, int))


def _code_or_fail(i: int):
    from graph.errors import InputError

    return i * i if i % 7 else InputError(f"n{i}", "multiple of seven")


def test_extract_sources_jobs_gives_the_same_extractions():
    one = [x.to_dict() for x in extract_sources([str(DEV)])]
    two = [x.to_dict() for x in extract_sources([str(DEV)], jobs=2)]
    assert one == two and len(one) == 23
