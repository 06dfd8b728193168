"""Open-world actors (issue 12): names the dictionary lacks become entities when their own
words type them, get a ``type:slug`` id and no invented QID, and later mentions resolve to them.
Every sentence here is invented for this test."""

from __future__ import annotations

import pytest

from graph.model import Article
from loaders import openworld
from loaders.coder import code
from loaders.gazetteer import default_gazetteer


def _found(text):
    return [(m.surface, m.actor.type.value) for m in openworld.find(text, default_gazetteer().find(text))]


@pytest.mark.parametrize("text,expected", [
    ("The Ohio Department of Commerce banned the app.", ("Ohio Department of Commerce", "Government")),
    ("Le Syndicat national des journalistes a porté plainte.", ("Syndicat national des journalistes", "Organization")),
    ("Yesterday Brightloop Technologies settled.", ("Brightloop Technologies", "Company")),
    ("The regulator fined QuickVoxel over the leak.", ("QuickVoxel", "Company")),
    ("The Regional Court of Lyon ruled on Monday.", ("Regional Court of Lyon", "Court")),
    ("The Digital Fairness Bill passed its second reading.", ("Digital Fairness Bill", "Law")),
    ("Critics include Marta Ellison, a professor of law.", ("Marta Ellison", "Person")),
])
def test_a_name_is_typed_by_its_own_words(text, expected):
    assert expected in _found(text)


def test_untyped_capitalised_words_are_left_alone():
    assert _found("However, Last Tuesday Brings Rain to Everyone.") == []


def test_a_known_company_with_its_legal_form_stays_the_dictionary_entry():
    assert _found("The FTC sued OpenAI, Meta and Snap Inc. on Monday.") == []


def test_acronym_and_surname_resolve_to_the_full_name():
    text = ("The Northern Data Ombudsman (NDO) opened an inquiry. Later the NDO said more. "
            "Marta Ellison, a lawyer, said it was late. Ellison said the firm must answer.")
    found = openworld.find(text, default_gazetteer().find(text))
    ids = {m.surface: m.actor.id for m in found}
    assert ids["NDO"] == ids["Northern Data Ombudsman"] == "regulator:northern-data-ombudsman"
    assert ids["Ellison"] == ids["Marta Ellison"] == "person:marta-ellison"


def _events(body, lang="en"):
    ex = code(Article(id="y" * 64, title="t", published="2025-03-05", language=lang, source="t",
                      url=None, body=body))
    names = {e.id: e.name for e in ex.entities}
    return [(e.type.value, [names[a] for a in e.actors], [names[t] for t in e.targets]) for e in ex.events], ex


def test_open_world_actors_take_part_in_events_without_a_qid():
    evs, ex = _events("The Ohio Department of Commerce fined Brightloop Technologies $2 million on Tuesday.")
    assert ("FINED", ["Ohio Department of Commerce"], ["Brightloop Technologies"]) in evs
    assert all(e.wikidata is None for e in ex.entities)


def test_french_union_sues_and_a_court_is_an_actor():
    evs, _ = _events("Le Syndicat national des auteurs a engagé des poursuites contre OpenAI.", "fr")
    assert ("SUED", ["Syndicat national des auteurs"], ["OpenAI"]) in evs
