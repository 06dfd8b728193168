"""Names and aliases in the RDF export: tagged with their language, never sentence debris
(issue 13, item 5).

Two articles, one English and one French, name the Italian data-protection authority and
Malaysia. The Garante's aliases were read in one article or the other (or both); one of them
is the debris the coder's span logic produced on corpus/dev/d12.txt ("million\\n\\nItaly's data
watchdog").
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Dataset, Literal
from rdflib.namespace import SDO

from graph import vocab
from graph.embedded import EmbeddedStore
from graph.export import export_rdf, to_dataset, validate
from graph.export.rdf import union
from graph.export.formats import WRITERS
from graph.export.labels import gazetteer_languages, is_sentence_debris
from graph.model import Article, Entity, Event, Extraction, event_id
from graph.vocab import AIGOV

GARANTE_ID = "regulator:garante-per-la-protezione-dei-dati-personali"
DEBRIS = "million\n\nItaly's data watchdog"

EN_BODY = (
    "Replika's developer was fined 5 million\n\nItaly's data watchdog fined Luka on "
    "Monday. The Garante also banned DeepSeek in Malaysia's neighbour Italy. "
    "DeepSeek AI did not answer."
)
FR_BODY = (
    "Le Garante a interdit DeepSeek. La Malaisie a bloqué Grok, selon le Garante. DeepSeek AI n'a pas répondu."
)

GARANTE = Entity(
    GARANTE_ID,
    "Garante per la protezione dei dati personali",
    "Regulator",
    ("Garante", DEBRIS, "Italy's data watchdog", "le Garante"),
)
MALAYSIA = Entity("Q833", "Malaysia", "Country", ("Malaisie",), "Q833")
DEEPSEEK = Entity("product:deepseek", "DeepSeek", "Product", ("DeepSeek AI",))
GROK = Entity("product:grok", "Grok", "Product")
LUKA = Entity("company:luka-inc", "Luka Inc.", "Company", ("Luka",))


def _event(art: Article, type_: str, actor: Entity, target: Entity, sentence: str) -> Event:
    start = art.body.index(sentence)
    return Event(
        id=event_id(art.id, type_, [actor.id], [target.id], start),
        type=type_,
        actors=[actor.id],
        targets=[target.id],
        evidence=sentence,
        evidence_start=start,
        confidence=0.9,
    )


def extractions() -> list[Extraction]:
    en = Article.from_text(
        EN_BODY, title="Garante", published="2025-05-19", language="en", url="https://example.org/en"
    )
    fr = Article.from_text(
        FR_BODY, title="Garante", published="2025-05-20", language="fr", url="https://example.org/fr"
    )
    en_events = [
        _event(en, "FINED", GARANTE, LUKA, "Italy's data watchdog fined Luka on Monday."),
        _event(en, "BANNED", GARANTE, DEEPSEEK, "The Garante also banned DeepSeek in Malaysia's neighbour Italy."),
    ]
    fr_events = [
        _event(fr, "BANNED", GARANTE, DEEPSEEK, "Le Garante a interdit DeepSeek."),
        _event(fr, "BLOCKED_ACCESS", MALAYSIA, GROK, "La Malaisie a bloqué Grok, selon le Garante."),
    ]
    # the aliases each article's coder run read (the debris is the English one's)
    return [
        Extraction(en, [GARANTE, LUKA, DEEPSEEK], en_events),
        Extraction(
            fr,
            [Entity(GARANTE.id, GARANTE.name, GARANTE.type, ("Garante", "le Garante")), MALAYSIA, GROK, DEEPSEEK],
            fr_events,
        ),
    ]


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    s = EmbeddedStore(tmp_path_factory.mktemp("labels-home"))
    s.ensure_schema()
    summary = s.write(extractions(), extractor="test")
    assert summary.added == 2 and not summary.errors
    yield s
    s.close()


def _literals(path: Path, fmt: str, subject: str, predicate: str) -> set[tuple[str, str | None]]:
    """(lexical form, language) of every object of ``subject predicate`` in an export, parsed
    by rdflib (or pyoxigraph for the RDF 1.2 formats)."""
    if fmt in ("turtle12", "ntriples12"):
        ox = pytest.importorskip("pyoxigraph", minversion="0.5")
        oxfmt = ox.RdfFormat.TURTLE if fmt == "turtle12" else ox.RdfFormat.N_TRIPLES
        return {
            (q.object.value, q.object.language)
            for q in ox.parse(path=str(path), format=oxfmt)
            if isinstance(q.subject, ox.NamedNode)
            and q.subject.value == subject
            and q.predicate.value == predicate
        }
    ds = Dataset()
    ds.parse(str(path), format={"xml": "xml", "json-ld": "json-ld"}.get(fmt, fmt))
    return {
        (str(o), o.language)
        for s, p, o, _ in ds.quads((None, None, None, None))
        if str(s) == subject and str(p) == predicate
    }


@pytest.mark.parametrize("fmt", list(WRITERS))
def test_names_and_aliases_carry_their_language_in_every_format(store, tmp_path, fmt):
    path = tmp_path / f"labels.{fmt}"
    export_rdf(store, path, fmt)
    garante, malaysia = str(vocab.entity_iri(GARANTE_ID)), str(vocab.entity_iri("Q833"))
    name, alias = str(SDO.name), str(SDO.alternateName)
    deepseek = str(vocab.entity_iri(DEEPSEEK.id))
    # the gazetteer's data: a country's name is English, its French name French; the Garante's
    # name and "Garante" are Italian, "le Garante" French
    assert _literals(path, fmt, malaysia, name) == {("Malaysia", "en")}
    assert _literals(path, fmt, malaysia, alias) == {("Malaisie", "fr")}
    assert _literals(path, fmt, garante, name) == {("Garante per la protezione dei dati personali", "it")}
    # else the articles an alias was read in: one literal per language
    assert _literals(path, fmt, garante, alias) == {
        ("Garante", "it"),
        ("Italy's data watchdog", "en"),
        ("le Garante", "fr"),
    }
    assert _literals(path, fmt, deepseek, alias) == {("DeepSeek AI", "en"), ("DeepSeek AI", "fr")}
    # a name outside the gazetteer read in articles of both languages is language-neutral
    assert _literals(path, fmt, deepseek, name) == {("DeepSeek", None)}


def test_an_alias_read_in_no_stored_article_stays_untagged(tmp_path):
    body = "Ofcom fined Grok."
    art = Article.from_text(body, title="t", published="2025-01-01", language="en")
    ofcom = Entity("regulator:ofcom-x", "Ofcom X", "Regulator", ("Office of Communications X",))
    ex = Extraction(art, [ofcom, GROK], [_event(art, "FINED", ofcom, GROK, body)])
    with EmbeddedStore(tmp_path / "home") as s:
        s.ensure_schema()
        s.write([ex], extractor="test")
        g = to_dataset(s).default_graph
        ofcom_iri = vocab.entity_iri(ofcom.id)
        assert set(g.objects(ofcom_iri, SDO.alternateName)) == {Literal("Office of Communications X")}
        assert set(g.objects(ofcom_iri, SDO.name)) == {Literal("Ofcom X")}  # not in the body either
        assert set(g.objects(vocab.entity_iri(GROK.id), SDO.name)) == {Literal("Grok", lang="en")}


@pytest.mark.parametrize("fmt", list(WRITERS))
def test_an_alias_made_of_sentence_debris_is_refused_in_every_format(store, tmp_path, fmt):
    path = tmp_path / f"debris.{fmt}"
    summary = export_rdf(store, path, fmt)
    assert summary.refused_aliases == 1
    text = path.read_text(encoding="utf-8")
    assert "million" not in text  # neither as an alias nor as its search key
    garante = str(vocab.entity_iri(GARANTE_ID))
    aliases = {v for v, _ in _literals(path, fmt, garante, str(SDO.alternateName))}
    assert DEBRIS not in aliases and "Italy's data watchdog" in aliases
    keys = {v for v, _ in _literals(path, fmt, garante, str(AIGOV.searchKey))}
    assert keys and not any("\n" in k for k in keys)


def test_the_shapes_refuse_a_name_or_alias_across_a_line_break(store):
    ds = to_dataset(store)
    ok, text = validate(ds)
    assert ok, text
    g = union(ds)
    g.add((vocab.entity_iri(GARANTE_ID), SDO.alternateName, Literal(DEBRIS, lang="en")))
    ok, text = validate(g)
    assert not ok and "sentence debris" in text


#: surfaces the coder produced on the bundled corpora (aigov extract, coder 1.5.1): the first
#: group runs across a sentence end or a line break, the second is one name each
DEBRIS_SURFACES = [
    "faces. The Netherlands’ Data Protection Agency",
    "million\n\nItaly's data watchdog",
    "was processed.\n\nIreland’s data watchdog",
    "user data\n\nJapan's privacy watchdog",
    "SenseTime Group. Neither",
    "Sénat.\nLa",
    "Bureau du Commissaire.\n\nFin",
    "Chambre. La",
    "Bar and Bench.\n\nKumar",
    "Hampshire\n\nLingo Telecom",
    "Allegations\nPieces Technologies",
    "Government.\nNew",
    "Bill.\n\nCurrently",
]
NAMES = [
    "Gov. Phil Murphy",
    "U.S. District Judge Anne Conway",
    "Chair Lina M. Khan",
    "M. Musk",
    "Dr. Vincent Olatunji",
    "Rep. Raja Krishnamoorthi",
    "Sen. Scott Wiener",
    "Luka Inc.",
    "X Corp.",
    "U.S. District Judge Sharon Johnson Coleman",
    "Mme Clara Chappaz",
    "Italy's data watchdog",
    "l’Union européenne",
    "AP (Autoriteit Persoonsgegevens)",
]


@pytest.mark.parametrize("text", DEBRIS_SURFACES + NAMES)
def test_debris_is_what_the_coders_own_sentence_splitter_splits(text):
    from loaders.coder import split_sentences

    splits = len(split_sentences(text)) > 1 or "\n" in text
    assert is_sentence_debris(text) == splits == (text in DEBRIS_SURFACES)


def test_the_gazetteer_states_the_language_of_country_names_and_of_actor_names():
    langs = gazetteer_languages()
    assert langs["Q38"] == {"Italy": "en", "Italie": "fr"}
    assert langs[GARANTE_ID]["Garante per la protezione dei dati personali"] == "it"
    assert langs["Q458"]["Union européenne"] == "fr"


def test_the_shapes_refuse_an_article_language_that_is_no_language_tag(store):
    ds = to_dataset(store)
    g = union(ds)
    article = next(g.subjects(SDO.inLanguage, Literal("fr")))
    g.set((article, SDO.inLanguage, Literal("klingon")))
    ok, text = validate(g)
    assert not ok and "BCP 47" in text
    g.set((article, SDO.inLanguage, Literal("tlh")))  # Klingon's own ISO 639 code is one
    ok, text = validate(g)
    assert ok, text
