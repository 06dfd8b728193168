"""Bad inputs: each gives one exact error line (file, and line where there is one), and the
batch goes on -- the good files read before and after it still come through.

The same pipeline as ``aigov extract``/``ingest`` (:func:`loaders.extract_sources`) is used, so
the language refusal is covered too; a handful of cases also run through ``aigov ingest`` and
check the exit code and what the store holds.
"""

from __future__ import annotations

import json
import os
import subprocess
import threading
from pathlib import Path
from typing import Callable

import pytest
from click.testing import CliRunner

from cli import cli
from graph.errors import InputError
from graph.model import Extraction
from loaders import extract_sources

GOOD_FR = "date 2025-03-03 Grok\n\nLa Malaisie a bloqué l'accès à Grok le 3 mars 2025, a annoncé le régulateur.\n"
GOOD_EN = "date 2019-07-24 FTC\n\nThe FTC fined Meta $5 billion on Wednesday, the agency said in a statement.\n"
FR_BODY = "La Malaisie a bloqué l'accès à Grok le {n} mars 2025, a annoncé le régulateur."
EN_BODY = "The FTC fined Meta ${n} billion on Tuesday, the agency said in a statement."
DE_BODY = (
    "Die Bundesregierung hat den Zugang zu Grok gesperrt, und das Gericht hat die Klage "
    "gegen die Firma angenommen."
)


# ----------------------------------------------------------------------------------------------
# the cases: each writes its file(s) in a folder and returns (sources, errors, good records)
# ``errors`` are exact lines with {f} for the (first) bad file; ``good`` counts the articles
# the bad file(s) still yield.

Case = Callable[[Path], tuple[list[Path], list[str], int]]
CASES: dict[str, Case] = {}


def case(fn: Case) -> Case:
    CASES[fn.__name__] = fn
    return fn


def _write(path: Path, data: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, bytes):
        path.write_bytes(data)
    else:
        path.write_bytes(data.encode("utf-8"))
    return path


@case
def empty_file(d):
    return [_write(d / "empty.txt", "")], ["{f}: empty file (no article text)"], 0


@case
def only_whitespace(d):
    return [_write(d / "blank.txt", " \t\n\r\n  \n")], ["{f}: empty file (no article text)"], 0


@case
def only_a_bom(d):
    return [_write(d / "bom.txt", b"\xef\xbb\xbf\n")], ["{f}: empty file (no article text)"], 0


@case
def binary_file(d):
    return (
        [_write(d / "image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")],
        ["{f}: binary file (NUL bytes), not a text article"],
        0,
    )


@case
def control_bytes_not_text(d):
    return (
        [_write(d / "garbage.txt", bytes(range(1, 32)) * 20 + b"\xff")],
        ["{f}: not valid UTF-8 (invalid start byte at byte 620) and not Latin-1/CP1252 text"],
        0,
    )


@case
def truncated_utf8_falls_back(d):
    data = ("date 2025-03-03 Grok\n\n" + FR_BODY.format(n=3)).encode()
    return [_write(d / "cut.txt", data + "é".encode()[:1])], [], 1


@case
def file_of_20_mb(d):
    path = d / "huge.txt"
    with path.open("wb") as fh:  # sparse: the size is checked before anything is read
        fh.truncate(20 * 1024 * 1024)
    return [path], ["{f}: file is 20.0 MB, larger than the 10 MB limit for one article file"], 0


@case
def header_only_article(d):
    return (
        [_write(d / "header.txt", "date 2025-03-03 Grok\nsource: https://example.org/x\n")],
        ["{f}: the article has a header but no body"],
        0,
    )


@case
def impossible_date(d):
    return (
        [_write(d / "date.txt", "\ndate 2026-02-30 Titre\n\n" + FR_BODY.format(n=3))],
        ["{f}:2: impossible date '2026-02-30' in the header line"],
        0,
    )


@case
def crlf_line_endings(d):
    return [_write(d / "crlf.txt", GOOD_FR.replace("\n", "\r\n").replace("3 mars", "4 mars"))], [], 1


@case
def german_article(d):
    return (
        [_write(d / "de.txt", "date 2026-01-14 Titel\n\n" + DE_BODY)],
        ["{f}: language 'und' is not supported (aigov reads fr, en)"],
        0,
    )


@case
def german_article_declared(d):
    return (
        [_write(d / "de.txt", "date 2026-01-14 Titel\nlanguage: de\n\n" + DE_BODY)],
        ["{f}: language 'de' is not supported (aigov reads fr, en)"],
        0,
    )


@case
def german_html_page(d):
    return (
        [_write(d / "de.html", f"<html lang='de-DE'><body><p>{DE_BODY}</p></body></html>")],
        ["{f}: language 'de' is not supported (aigov reads fr, en)"],
        0,
    )


@case
def html_with_no_text(d):
    page = (
        "<!DOCTYPE html><html><head><title>Accueil</title><script>var a = 1;</script></head>"
        "<body><nav><a href='/'>Accueil</a></nav><script>track()</script></body></html>"
    )
    return [_write(d / "empty.html", page)], ["{f}: HTML page with no article text"], 0


@case
def feed_with_broken_xml(d):
    feed = (
        "<?xml version='1.0'?>\n<rss version='2.0'><channel>\n<item><title>A</title>\n"
        "<description>" + EN_BODY.format(n=6) + "</descr>\n</item></channel></rss>\n"
    )
    return [_write(d / "broken.rss", feed)], ["{f}:4: broken XML (mismatched tag)"], 0


@case
def billion_laughs(d):
    lol = "".join(f'<!ENTITY l{i} "{"&l%d;" % (i - 1) * 10}">' for i in range(1, 10))
    feed = (
        f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY l0 "lol">{lol}]>'
        '<rss version="2.0"><channel><item><title>&l9;</title>'
        f"<description>{EN_BODY.format(n=7)}</description></item></channel></rss>"
    )
    return (
        [_write(d / "laughs.xml", feed)],
        [
            "{f}: XML declares entities (<!ENTITY ...>), refused: entity expansion and external "
            "entities are not allowed (EntitiesForbidden)"
        ],
        0,
    )


@case
def xml_that_is_not_a_feed(d):
    return (
        [_write(d / "note.xml", "<?xml version='1.0'?><note><to>x</to></note>")],
        ["{f}: XML is not an RSS or Atom feed (root element <note>)"],
        0,
    )


@case
def feed_entry_without_text(d):
    feed = (
        "<rss version='2.0'><channel><title>t</title>"
        f"<item><title>Good</title><description>{EN_BODY.format(n=8)}</description></item>"
        "<item><title>Headline only</title><link>https://example.org/h</link></item>"
        "</channel></rss>"
    )
    path = _write(d / "feed.rss", feed)
    return [path], ["{f}#2: feed entry 'Headline only' has no text (no content or summary)"], 1


@case
def jsonl_with_one_bad_line(d):
    lines = [
        json.dumps({"title": "A", "text": EN_BODY.format(n=11)}),
        '{"title": "B", "text": "unterminated',
        json.dumps({"title": "C", "text": FR_BODY.format(n=12)}),
        "[1, 2]",
        json.dumps({"title": "D", "text": "   "}),
        json.dumps({"title": "E", "date": "2025-02-30", "text": EN_BODY.format(n=13)}),
        json.dumps({"title": "F", "text": DE_BODY + " 14", "language": "de"}),
    ]
    return (
        [_write(d / "records.jsonl", "\n".join(lines) + "\n")],
        [
            "{f}:2: not valid JSON at column 24: unterminated string",
            "{f}:4: a JSON array, not an object",
            "{f}:5: empty text in field 'text'",
            "{f}:6: impossible date '2025-02-30' in field 'date'",
            "{f}:7: language 'de' is not supported (aigov reads fr, en)",
        ],
        2,
    )


@case
def json_that_is_not_an_object_or_array(d):
    return (
        [_write(d / "scalar.json", '"The FTC fined Meta."')],
        ["{f}: JSON file holds a string, not an object or an array of objects"],
        0,
    )


@case
def json_array_with_a_bad_item(d):
    text = (
        "[\n"
        + json.dumps({"text": EN_BODY.format(n=15)})
        + ",\n  null,\n"
        + json.dumps({"text": FR_BODY.format(n=16)})
        + "\n]"
    )
    return [_write(d / "array.json", text)], ["{f}:3: array item 2 is a JSON null, not an object"], 2


@case
def invalid_json(d):
    return (
        [_write(d / "bad.json", '{"text": "The FTC fined Meta",\n "title": }')],
        ["{f}:2: not valid JSON at column 11: expecting value"],
        0,
    )


@case
def csv_with_missing_columns(d):
    return (
        [_write(d / "nocol.csv", "title,date,url\nA,2025-03-03,https://example.org/a\n")],
        [
            "{f}:1: the CSV header has no text column (looked for text, body, content, article, "
            "texte, contenu, description, summary); it has: title, date, url"
        ],
        0,
    )


@case
def csv_with_bad_rows(d):
    text = (
        "title,date,text\n"
        f'A,2025-03-03,"{EN_BODY.format(n=17)}"\n'
        "B,2025-03-04\n"
        f'C,hier,"{FR_BODY.format(n=18)}"\n'
        f"D,2025-03-05,{FR_BODY.format(n=19)}\n"
        f'E,2025-03-06,"{EN_BODY.format(n=20)}"\n'
    )
    return (
        [_write(d / "rows.csv", text)],
        [
            "{f}:3: row has 2 fields, the header has 3",
            "{f}:4: unrecognised date 'hier' in field 'date' (use YYYY-MM-DD)",
            "{f}:5: row has 4 fields, the header has 3 (an unquoted delimiter?)",
        ],
        2,
    )


@case
def csv_with_bom_and_crlf(d):
    text = f'\ufefftitle;text\r\nA;"{FR_BODY.format(n=21)}"\r\nB;"{EN_BODY.format(n=22)}"\r\n'
    return [_write(d / "excel.csv", text.encode("utf-8"))], [], 2


@case
def csv_header_only(d):
    return [_write(d / "header.csv", "title,text\n")], ["{f}:1: the CSV file has a header but no rows"], 0


@case
def missing_file(d):
    return [d / "nope.txt"], ["{f}: no such file or directory"], 0


@case
def symlink_loop(d):
    loop = d / "loop.txt"
    os.symlink(loop.name, loop)
    return [loop], ["{f}: symbolic link loop (too many levels of symbolic links)"], 0


@case
def directory_link_loop(d):
    folder = d / "folder"
    _write(folder / "a.txt", GOOD_FR.replace("3 mars", "23 mars"))
    os.symlink(".", folder / "self")
    return (
        [folder],
        [
            f"{folder / 'self'}: symbolic link loop (this folder is already being read)".replace(
                "{", "{{"
            ).replace("}", "}}")
        ],
        1,
    )


@case
def vanished_file(d):
    # a directory entry whose file is gone by the time it is read (a broken symbolic link)
    folder = d / "folder"
    folder.mkdir()
    os.symlink(d / "deleted.txt", folder / "gone.txt")
    return (
        [folder],
        [str(folder / "gone.txt") + ": cannot read: the file vanished or is a broken symbolic link"],
        0,
    )


@case
def named_pipe(d):
    fifo = d / "pipe.txt"
    os.mkfifo(fifo)
    return [fifo], ["{f}: not a regular file (a named pipe)"], 0


@case
def mixed_directory(d):
    folder = d / "mix"
    _write(folder / "a.txt", GOOD_EN.replace("$5", "$25"))
    _write(folder / "b" / "empty.txt", "")
    _write(
        folder / "b" / "page.html", f"<html><body><article><p>{FR_BODY.format(n=24)}</p></article></body></html>"
    )
    _write(folder / "c.jsonl", json.dumps({"text": EN_BODY.format(n=26)}) + "\n{oops}\n")
    _write(folder / "d.md", "# ignored: not an article extension")
    _write(folder / ".e.txt", "ignored: hidden")
    return (
        [folder],
        [
            f"{folder / 'b' / 'empty.txt'}: empty file (no article text)",
            f"{folder / 'c.jsonl'}:2: not valid JSON at column 2: expecting property name "
            "enclosed in double quotes",
        ],
        3,
    )


@case
def year_one_header_with_a_weekday(d):
    # "on Tuesday" against 0001-01-01 falls before the calendar: no date, and no crash
    text = "date 0001-01-01 Ancient\n\n" + EN_BODY.format(n=31)
    return [_write(d / "ancient.txt", text)], [], 1


@case
def jsonl_date_of_year_one(d):
    line = json.dumps({"title": "Old", "date": "0001-01-01", "text": EN_BODY.format(n=32)})
    return [_write(d / "old.jsonl", line + "\n")], [], 1


@case
def json_nested_10000_deep(d):
    return (
        [_write(d / "deep.json", "[" * 10_000 + "]" * 10_000)],
        ["{f}: nested too deeply to read (more levels than Python's recursion limit)"],
        0,
    )


@case
def nul_bytes_after_the_first_4_kb(d):
    # extract took it (the NUL went into the body) and ingest refused it at write time with
    # "Failed to parse query parameter 'batch' value"
    head = ("date 2019-07-24 FTC\n\n" + EN_BODY.format(n=40) + " ") * 60
    data = head.encode() + b"\x00\x00 tail.\n"
    return (
        [_write(d / "late-nul.txt", data)],
        [f"{{f}}: NUL byte at byte {len(head.encode())}: binary data in a text file, not a text article"],
        0,
    )


@case
def jsonl_text_with_an_escaped_nul(d):
    lines = [
        json.dumps({"text": EN_BODY.format(n=41).replace(" on ", " on\u0000 ", 1)}),
        json.dumps({"text": EN_BODY.format(n=42)}),
    ]
    return (
        [_write(d / "nul.jsonl", "\n".join(lines) + "\n")],
        ["{f}:1: the article's text holds a NUL character (at character 33), which no store accepts"],
        1,
    )


@case
def csv_field_over_the_limit_between_good_rows(d):
    # the csv module's field limit ended the file at the big row: the good rows after it were lost
    huge = "x" * (10 * 1024 * 1024 + 10)
    rows = [
        "title,text",
        f'a,"{EN_BODY.format(n=43)}"',
        f'b,"{huge}"',
        f'c,"{EN_BODY.format(n=44)}"',
        f'd,"{FR_BODY.format(n=5)}"',
    ]
    return (
        [_write(d / "big.csv", "\n".join(rows) + "\n")],
        ["{f}:3: row is 10.5 M characters, larger than the 10 M limit for one record"],
        3,
    )


# ----------------------------------------------------------------------------------------------


def run_case(tmp_path: Path, name: str):
    d = tmp_path / name
    d.mkdir()
    bad, expected, good = CASES[name](d)
    before = _write(tmp_path / "good-before.txt", GOOD_FR)
    after = _write(tmp_path / "good-after.txt", GOOD_EN)
    results = list(extract_sources([str(before), *map(str, bad), str(after)]))
    expected = [e.format(f=bad[0]) for e in expected]
    return results, expected, good, before, after


def test_there_are_at_least_20_cases():
    assert len(CASES) >= 20


@pytest.mark.parametrize("name", list(CASES))
def test_bad_input_gives_one_exact_line_and_the_batch_goes_on(tmp_path, name):
    results, expected, good, before, after = run_case(tmp_path, name)
    assert [str(r) for r in results if isinstance(r, InputError)] == expected
    extractions = [r for r in results if isinstance(r, Extraction)]
    assert extractions[0].article.source == str(before)
    assert extractions[-1].article.source == str(after)
    assert len(extractions) == good + 2


def test_unreadable_file(tmp_path):
    if os.geteuid() == 0:
        pytest.skip(
            "running as root: file permissions do not stop root from reading "
            "(the vanished_file and named_pipe cases cover unreadable entries)"
        )
    f = _write(tmp_path / "secret.txt", GOOD_FR)
    f.chmod(0)
    (err,) = extract_sources([str(f)])
    assert str(err) == f"{f}: cannot read: Permission denied"


def test_a_read_error_is_reported_not_raised(tmp_path, monkeypatch):
    """Any OSError while reading (EACCES, EIO...) becomes one line for that file."""
    f = _write(tmp_path / "a.txt", GOOD_FR)

    def refuse(self, *args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "open", refuse)
    (err,) = extract_sources([str(f)])
    assert str(err) == f"{f}: cannot read: Permission denied"


def test_a_fifo_is_not_opened(tmp_path):
    """Reading a named pipe would block forever; it must be refused without opening it."""
    fifo = tmp_path / "p.txt"
    os.mkfifo(fifo)
    done = []
    thread = threading.Thread(target=lambda: done.append(list(extract_sources([str(tmp_path)]))))
    thread.start()
    thread.join(5)
    assert done and str(done[0][0]) == f"{fifo}: not a regular file (a named pipe)"


# ----------------------------------------------------------------------------------------------
# through the CLI: exit code 1, and the store holds exactly the good articles


@pytest.fixture
def aigov(tmp_path):
    runner = CliRunner()
    home = tmp_path / "home"

    def invoke(*args: str, input: str | None = None):
        return runner.invoke(cli, ["--home", str(home), *args], input=input, catch_exceptions=False)

    return invoke


def article_count(aigov) -> int:
    rows = json.loads(aigov("stats", "--format", "json").stdout)
    return sum(r["count"] for r in rows if r["kind"] == "label" and r["name"] == "Article")


@pytest.mark.parametrize(
    "name",
    [
        "jsonl_with_one_bad_line",
        "csv_with_bad_rows",
        "feed_with_broken_xml",
        "mixed_directory",
        "german_html_page",
        "symlink_loop",
        "file_of_20_mb",
        "nul_bytes_after_the_first_4_kb",
        "jsonl_text_with_an_escaped_nul",
    ],
)
def test_ingest_exit_1_and_only_the_good_articles_are_stored(aigov, tmp_path, name):
    d = tmp_path / name
    d.mkdir()
    bad, expected, good = CASES[name](d)
    before = _write(tmp_path / "good-before.txt", GOOD_FR)
    result = aigov("ingest", "--json", str(before), *map(str, bad))
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error:")]
    expected = [f"Error: {e.format(f=bad[0])}" for e in expected]
    assert errors == expected + [f"Error: {len(expected)} input(s) failed; the others were stored"]
    assert json.loads(result.stdout)["added"] == good + 1
    assert article_count(aigov) == good + 1


@pytest.mark.parametrize(
    "name", ["year_one_header_with_a_weekday", "jsonl_date_of_year_one", "json_nested_10000_deep"]
)
def test_a_crashing_input_among_24_good_articles_stops_nothing(aigov, tmp_path, name):
    """Issue 17: an input that made the coder or a reader raise ended the whole run and none of
    the good articles of the batch was stored."""
    corpus = Path(__file__).resolve().parent.parent / "corpus"
    good = sorted(corpus.glob("dev/*.txt")) + sorted(corpus.glob("seed/*.txt"))
    assert len(good) == 24
    d = tmp_path / name
    d.mkdir()
    bad, expected, n_bad_good = CASES[name](d)
    result = aigov("ingest", "--json", *map(str, good[:12]), *map(str, bad), *map(str, good[12:]))
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error:")]
    assert errors[: len(expected)] == [f"Error: {e.format(f=bad[0])}" for e in expected]
    assert result.exit_code == (1 if expected else 0)
    assert json.loads(result.stdout)["added"] == 24 + n_bad_good
    assert article_count(aigov) == 24 + n_bad_good


def test_names_with_quotes_backticks_and_braces_are_stored_verbatim(aigov, tmp_path):
    title = 'Meta\'s "Grok" `x` {y} }) MATCH (n) DETACH DELETE n //'
    body = (
        "The FTC fined Meta $5 billion on Tuesday, the agency said. "
        'A post read: "\'; DROP TABLE articles; --" and `rm -rf /` and ${HOME} {{name}}.'
    )
    f = _write(
        tmp_path / "quotes.jsonl",
        json.dumps({"title": title, "text": body, "url": "https://example.org/q?a='b'&c={d}"})
        + "\n"
        + json.dumps({"text": FR_BODY.format(n=30)})
        + "\n",
    )
    result = aigov("ingest", str(f))
    assert result.exit_code == 0, result.stderr
    rows = json.loads(
        aigov(
            "query",
            "cypher",
            "MATCH (a:Article) WHERE a.title IS NOT NULL RETURN a.title AS title, a.url AS url",
            "--format",
            "json",
        ).stdout
    )
    assert rows == [{"title": title, "url": "https://example.org/q?a='b'&c={d}"}]
    assert article_count(aigov) == 2
    exported = aigov("export", "jsonl").stdout
    assert "'; DROP TABLE articles; --" in exported and "{{name}}" in exported


def test_a_file_mixing_utf8_and_latin1_keeps_both_parts_and_says_so(tmp_path):
    """Issue 17: the whole file was decoded as CP1252, so the UTF-8 part became mojibake
    ("bloquÃ©") and its event was lost, without a word."""
    utf8 = GOOD_FR.encode("utf-8")
    latin1 = (
        "La CNIL a infligé une amende de 5 millions d'euros à Google le 6 janvier 2022 pour des manquements.\n"
    ).encode("cp1252")
    f = _write(tmp_path / "mixed.txt", utf8 + latin1)
    (ex,) = extract_sources([str(f)])
    assert "bloqué l'accès à Grok" in ex.article.body and "a infligé une amende" in ex.article.body
    assert {e.type.value for e in ex.events} >= {"BLOCKED_ACCESS", "FINED"}
    from tests.test_ingest_robust import aigov_command

    result = subprocess.run([*aigov_command(), "extract", str(f)], capture_output=True, text=True)
    assert result.returncode == 0
    assert result.stderr == (
        f"{f}: mixed encodings: line 4 is not UTF-8 and was read as Latin-1/CP1252; the other lines as UTF-8\n"
    )


@pytest.mark.parametrize("command", ["extract", "ingest"])
def test_a_closed_standard_input_is_one_line(tmp_path, command):
    """Issue 17: ``extract -`` with descriptor 0 closed was a traceback (sys.stdin is None);
    with it closed, the embedded server started by ``ingest`` also crashed at start."""
    from tests.test_ingest_robust import aigov_command

    cmd = " ".join([*aigov_command(), "--home", str(tmp_path / "home"), command, "-"])
    result = subprocess.run(["bash", "-c", f"exec 0<&-; exec {cmd}"], capture_output=True, text=True)
    assert result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error:")]
    assert errors == [
        "Error: <stdin>: standard input is closed (nothing to read)",
        "Error: 1 input(s) could not be read (see above)"
        if command == "extract"
        else "Error: 1 input(s) failed; the others were stored",
    ]
    assert "Traceback" not in result.stderr


def test_a_runaway_article_is_an_error_line_and_the_batch_goes_on(aigov, tmp_path, monkeypatch):
    """Issue 17: a 5 MB article kept the coder busy for minutes with no output. Each article
    has a time budget (AIGOV_ARTICLE_BUDGET); one that overruns it is its own error line and
    the 24 good articles around it are stored. (The budget is set tiny here so that a 2 MB
    article overruns it on any machine; the coder's speed itself is measured in bench/.)"""
    corpus = Path(__file__).resolve().parent.parent / "corpus"
    good = sorted(corpus.glob("dev/*.txt")) + sorted(corpus.glob("seed/*.txt"))
    assert len(good) == 24
    bodies = [p.read_text(encoding="utf-8").partition("\n\n")[2] for p in good]
    big = _write(
        tmp_path / "big.txt", "date 2025-03-03 Big\nlanguage: en\n\n" + ("\n\n".join(bodies) * 200)[:2_000_000]
    )
    # the budget must let the small articles through: warm the coder's caches (CliRunner runs
    # in this process), then check that one dev article fits in it
    assert aigov("extract", str(good[0])).exit_code == 0
    monkeypatch.setenv("AIGOV_ARTICLE_BUDGET", "0.5")
    first = aigov("extract", str(good[0]))
    if first.exit_code != 0:
        pytest.skip("this machine codes one dev article slower than 0.5 s; the budget test needs headroom")
    result = aigov("ingest", "--json", *map(str, good[:12]), str(big), *map(str, good[12:]))
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error:")]
    assert errors[0].startswith(f"Error: {big}: could not be coded: not coded within its time budget (0.5 s")
    assert "AIGOV_ARTICLE_BUDGET" in errors[0] and "characters" in errors[0]
    assert result.exit_code == 1
    assert json.loads(result.stdout)["added"] == 24
    assert article_count(aigov) == 24
