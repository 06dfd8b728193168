"""Readers on real fixture files: every input format, encodings, sniffing, directory walks."""

from __future__ import annotations

import io
import time
from pathlib import Path

import pytest

from graph.errors import InputError
from graph.model import Article
from loaders import formats
from loaders.read import decode_bytes, parse_plain_text, read_file, read_sources

INPUTS = Path(__file__).resolve().parent / "data" / "inputs"
ROOT = Path(__file__).resolve().parent.parent


def read(*sources, **options):
    return list(read_sources([str(s) for s in sources], **options))


def articles(results):
    return [r for r in results if isinstance(r, Article)]


def errors(results):
    return [str(r) for r in results if isinstance(r, InputError)]


# -- plain text --------------------------------------------------------------------------------


def test_the_contract_format_is_unchanged():
    (art,) = read(ROOT / "corpus" / "seed" / "000_a26acc091d010e43.txt")
    assert (art.published, art.language) == ("2026-01-14", "fr")
    assert art.title.startswith("Musk affirme")


def test_plain_text_without_header_takes_a_headline_as_title_and_keeps_it_in_the_body():
    (art,) = read(INPUTS / "noheader.txt")
    assert art.title == "Italy blocks DeepSeek"
    assert art.published is None and art.language == "en"
    assert art.body.startswith("Italy blocks DeepSeek\n\nItaly's data protection")


def test_plain_text_without_header_or_headline_has_no_title():
    art = parse_plain_text("The FTC fined Meta $5 billion on Tuesday. It was the largest fine.", "x")
    assert art.title is None and art.language == "en"


@pytest.mark.parametrize(
    "raw, expected", [("2026", "2026"), ("2026-01", "2026-01"), ("2026-01-14T08:30:00Z", "2026-01-14")]
)
def test_header_accepts_coarser_dates_and_date_times(raw, expected):
    art = parse_plain_text(f"date {raw} Titre\n\nLa Malaisie a bloqué Grok.", "x.txt")
    assert art.published == expected


def test_crlf_and_bom_give_the_same_article_as_lf():
    text = "date 2026-01-14 Titre\n\nLa Malaisie a bloqué l'accès à Grok.\n"
    lf = parse_plain_text(decode_bytes(text.encode(), "a"), "a")
    crlf = parse_plain_text(decode_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode(), "b"), "b")
    assert (lf.id, lf.title, lf.published) == (crlf.id, crlf.title, crlf.published)


# -- encodings ---------------------------------------------------------------------------------


def test_cp1252_file_is_decoded():
    (art,) = read(INPUTS / "cp1252.txt")
    assert "européenne" in art.body and "l’été" in art.body and art.title == "Régulation"


def test_utf16_with_bom_is_decoded():
    text = "date 2026-01-14 Titre\n\nLa Malaisie a bloqué l'accès à Grok."
    assert decode_bytes(text.encode("utf-16"), "x") == text


def test_truncated_utf8_loses_only_the_cut_character():
    data = "La Malaisie a bloqué l'accès à Grok à l'été".encode()[:-1]
    assert decode_bytes(data, "x") == "La Malaisie a bloqué l'accès à Grok à l'ét"


def test_utf8_with_one_damaged_byte_keeps_the_good_accents():
    data = "Le régulateur a bloqué l'accès à Grok en été".encode().replace(b"\xc3\xa0", b"\xe0", 1)
    text = decode_bytes(data, "x")
    assert "régulateur a bloqué" in text and "\ufffd" in text


# -- HTML --------------------------------------------------------------------------------------


def test_html_main_text_and_metadata():
    (art,) = read(INPUTS / "page.html")
    assert art.title == "La Malaisie bloque l'accès à Grok"  # og:title beats <title>
    assert art.published == "2026-01-11"  # article:published_time, local date
    assert art.language == "fr"
    assert art.url == "https://example.org/tech/malaisie-grok"
    assert art.body.startswith("La Malaisie a bloqué dimanche")
    for junk in ("Accueil", "Les plus lus", "Tous droits réservés", "tracking"):
        assert junk not in art.body


def test_html_stdlib_fallback_without_trafilatura(monkeypatch):
    import builtins

    real_import = builtins.__import__

    def no_trafilatura(name, *args, **kwargs):
        if name == "trafilatura":
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_trafilatura)
    (art,) = read(INPUTS / "page.html")
    assert art.published == "2026-01-11" and art.language == "fr"
    assert "\n\nLa Malaisie a bloqué dimanche" in art.body  # after the <time> line
    for junk in ("Accueil", "Les plus lus", "Tous droits réservés", "tracking"):
        assert junk not in art.body


def test_html_time_element_and_html_lang_when_meta_is_missing():
    page = (
        "<html lang='en-GB'><head><title>FTC fines Meta</title></head><body><article>"
        "<time datetime='2019-07-24T10:00:00-04:00'>July 24</time>"
        "<p>The FTC fined Meta $5 billion on Wednesday over privacy violations, the agency "
        "said in a statement. It is the largest penalty the agency has imposed.</p>"
        "</article></body></html>"
    )
    (art,) = read("-", stdin=io.BytesIO(page.encode()))
    assert (art.title, art.published, art.language, art.source) == (
        "FTC fines Meta",
        "2019-07-24",
        "en",
        "<stdin>",
    )


def test_html_extraction_is_fast():
    page = (INPUTS / "page.html").read_text()
    list(formats.read_html(page, "warm-up"))
    start = time.perf_counter()
    for _ in range(20):
        list(formats.read_html(page, "p.html"))
    per_page = (time.perf_counter() - start) / 20
    assert per_page < 0.1, f"{per_page * 1000:.1f} ms per page"


def test_declared_language_reports_an_unsupported_page_by_its_code():
    page = (
        "<html lang='de'><body><p>Die Bundesregierung hat den Zugang zu Grok gesperrt, "
        "teilte das Ministerium mit.</p></body></html>"
    )
    (art,) = formats.read_html(page, "de.html")
    assert art.language == "de"


# -- feeds -------------------------------------------------------------------------------------


def test_rss_entries_are_articles_and_an_empty_entry_is_named():
    results = read(INPUTS / "feed.rss")
    arts = articles(results)
    assert [(a.title, a.published, a.language, a.url) for a in arts] == [
        ("La Malaisie bloque Grok", "2026-01-11", "fr", "https://example.org/malaisie-grok"),
        ("FTC fines Meta", "2019-07-23", "en", "https://example.org/ftc-meta"),
    ]
    assert arts[0].body == (
        "La Malaisie a bloqué dimanche l'accès à Grok, le chatbot de xAI, "
        "après la diffusion d'images explicites.\n\n"
        "L'Indonésie avait pris une mesure similaire la veille."
    )
    assert arts[0].source == f"{INPUTS / 'feed.rss'}#1"
    assert errors(results) == [
        f"{INPUTS / 'feed.rss'}#3: feed entry 'Titre seul' has no text (no content or summary)"
    ]


def test_atom_entry_uses_content_and_published_date():
    (art,) = read(INPUTS / "feed.atom")
    assert (art.title, art.published, art.url) == (
        "Italy blocks DeepSeek",
        "2025-01-30",
        "https://example.org/italy-deepseek",
    )
    assert art.body.startswith("Italy's data protection authority blocked access to DeepSeek")


def test_billion_laughs_is_refused_quickly():
    start = time.perf_counter()
    (err,) = read(INPUTS / "billion-laughs.rss")
    assert time.perf_counter() - start < 1
    assert str(err) == (
        f"{INPUTS / 'billion-laughs.rss'}: XML declares entities (<!ENTITY ...>), "
        "refused: entity expansion and external entities are not allowed "
        "(EntitiesForbidden)"
    )


def test_external_entity_is_refused(tmp_path):
    feed = tmp_path / "xxe.rss"
    feed.write_text(
        '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        '<rss version="2.0"><channel><item><title>&x;</title>'
        "<description>The FTC fined Meta.</description></item></channel></rss>"
    )
    (err,) = read(feed)
    assert "XML declares entities" in str(err)


# -- JSON Lines, JSON, CSV ---------------------------------------------------------------------


def test_jsonl_one_bad_line_the_others_go_through():
    results = read(INPUTS / "articles.jsonl")
    assert [a.source for a in articles(results)] == [f"{INPUTS / 'articles.jsonl'}:{n}" for n in (1, 3, 5)]
    assert errors(results) == [f"{INPUTS / 'articles.jsonl'}:2: not valid JSON at column 32: unterminated string"]
    first = articles(results)[0]
    assert (first.title, first.published, first.url) == ("FTC fines Meta", "2019-07-24", "https://example.org/a")


def test_jsonl_with_explicit_columns_optional_fields_may_be_absent():
    results = read(INPUTS / "articles.jsonl", columns="title=headline,text=body,date=published,url=link")
    assert [(a.title, a.published, a.url) for a in articles(results)] == [
        ("FTC fines Meta", "2019-07-24", "https://example.org/a"),
        ("Malaisie", "2026-01-11", None),
        ("Italy", None, None),
    ]


def test_named_columns_are_required_and_used():
    text = '{"h": "T", "b": "The FTC fined Meta $5 billion on Tuesday, the agency said.", "text": "x"}\n'
    (art,) = formats.read_jsonl(text, "a.jsonl", {"title": "h", "text": "b"})
    assert art.title == "T" and art.body.startswith("The FTC")
    (err,) = formats.read_jsonl(text, "a.jsonl", {"text": "body"})
    assert str(err) == "a.jsonl:1: no field 'body' for the text (the record has: h, b, text)"


def test_csv_with_bom_crlf_semicolons_and_a_multiline_cell():
    results = read(INPUTS / "articles.csv")
    arts = articles(results)
    assert [(a.title, a.published, a.source.rsplit(":", 1)[1]) for a in arts] == [
        ("FTC fines Meta", "2019-07-24", "2"),
        ("Blocage", "2026-01-11", "3"),
    ]
    assert arts[0].body == (
        "The FTC fined Meta $5 billion on Wednesday; the agency said it was the largest penalty."
    )
    assert arts[1].body == (
        "La Malaisie a bloqué l'accès à Grok.\nL'Indonésie avait pris une mesure similaire la veille."
    )
    assert errors(results) == [f"{INPUTS / 'articles.csv'}:5: empty text in field 'text'"]


def test_json_array_records_name_their_lines(tmp_path):
    f = tmp_path / "a.json"
    f.write_text(
        '[\n {"title": "A", "text": "The FTC fined Meta $5 billion on Tuesday, the agency said."},\n'
        ' 42,\n {"title": "B", "text": "La CNIL a infligé une amende à Google, a-t-elle annoncé."}\n]\n'
    )
    results = read(f)
    assert [a.source for a in articles(results)] == [f"{f}:2", f"{f}:4"]
    assert errors(results) == [f"{f}:3: array item 2 is a JSON number, not an object"]


def test_json_object_is_one_article(tmp_path):
    f = tmp_path / "one.json"
    f.write_text('{"title": "A", "date": "2025-03-03", "text": "The FTC fined Meta on Tuesday, the agency said."}')
    (art,) = read(f)
    assert (art.title, art.published, art.source) == ("A", "2025-03-03", str(f))


def test_columns_option_is_validated():
    with pytest.raises(InputError, match="--columns: unknown field 'body'"):
        read(INPUTS / "articles.jsonl", columns="body=text")


# -- sniffing, stdin, directories -------------------------------------------------------------


@pytest.mark.parametrize("name", ["feed.rss", "page.html", "articles.jsonl", "noheader.txt", "articles.csv"])
def test_stdin_is_sniffed_like_the_file(name):
    from_file = read(INPUTS / name)
    from_stdin = read("-", stdin=io.BytesIO((INPUTS / name).read_bytes()))
    assert [a.id for a in articles(from_stdin)] == [a.id for a in articles(from_file)]


def test_unknown_extension_is_sniffed(tmp_path):
    f = tmp_path / "download"
    f.write_bytes((INPUTS / "feed.atom").read_bytes())
    (art,) = read(f)
    assert art.title == "Italy blocks DeepSeek"


def test_forced_format(tmp_path):
    f = tmp_path / "data.txt"
    f.write_text('title,text\nA,"The FTC fined Meta on Tuesday, the agency said."\n')
    assert articles(read(f, format="csv"))[0].title == "A"
    assert articles(read(f))[0].title is None  # .txt is the plain-text format


def test_directory_walk_by_extension_skips_hidden_and_gold(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / ".hidden").mkdir()
    for name in ("feed.rss", "page.html", "articles.jsonl"):
        (tmp_path / "sub" / name).write_bytes((INPUTS / name).read_bytes())
    (tmp_path / "a.txt").write_bytes((INPUTS / "noheader.txt").read_bytes())
    (tmp_path / ".hidden" / "b.txt").write_bytes((INPUTS / "noheader.txt").read_bytes())
    (tmp_path / ".c.txt").write_bytes((INPUTS / "noheader.txt").read_bytes())
    (tmp_path / "a.gold.json").write_text('{"file": "a.txt", "relations": []}')
    (tmp_path / "notes.md").write_text("# not an article")
    (tmp_path / "Makefile").write_text("all:\n")
    sources = [a.source for a in articles(read(tmp_path))]
    assert sources == [
        str(tmp_path / "a.txt"),
        f"{tmp_path / 'sub' / 'articles.jsonl'}:1",
        f"{tmp_path / 'sub' / 'articles.jsonl'}:3",
        f"{tmp_path / 'sub' / 'articles.jsonl'}:5",
        f"{tmp_path / 'sub' / 'feed.rss'}#1",
        f"{tmp_path / 'sub' / 'feed.rss'}#2",
        str(tmp_path / "sub" / "page.html"),
    ]


def test_read_file_still_takes_a_path():
    (art,) = read_file(INPUTS / "noheader.txt")
    assert art.language == "en"
