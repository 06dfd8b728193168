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


@pytest.mark.parametrize(
    "text,expected",
    [
        ("The Ohio Department of Commerce banned the app.", ("Ohio Department of Commerce", "Government")),
        (
            "Le Syndicat national des bibliothécaires a porté plainte.",
            ("Syndicat national des bibliothécaires", "Organization"),
        ),
        ("Yesterday Brightloop Technologies settled.", ("Brightloop Technologies", "Company")),
        ("The regulator fined QuickVoxel over the leak.", ("QuickVoxel", "Company")),
        ("The Regional Court of Lyon ruled on Monday.", ("Regional Court of Lyon", "Court")),
        ("The Digital Fairness Bill passed its second reading.", ("Digital Fairness Bill", "Law")),
        ("Critics include Marta Ellison, a professor of law.", ("Marta Ellison", "Person")),
    ],
)
def test_a_name_is_typed_by_its_own_words(text, expected):
    assert expected in _found(text)


def test_untyped_capitalised_words_are_left_alone():
    assert _found("However, Last Tuesday Brings Rain to Everyone.") == []


def test_a_known_company_with_its_legal_form_stays_the_dictionary_entry():
    assert _found("The FTC sued OpenAI, Meta and Snap Inc. on Monday.") == []


def test_acronym_and_surname_resolve_to_the_full_name():
    text = (
        "The Northern Data Ombudsman (NDO) opened an inquiry. Later the NDO said more. "
        "Marta Ellison, a lawyer, said it was late. Ellison said the firm must answer."
    )
    found = openworld.find(text, default_gazetteer().find(text))
    ids = {m.surface: m.actor.id for m in found}
    assert ids["NDO"] == ids["Northern Data Ombudsman"] == "regulator:northern-data-ombudsman"
    assert ids["Ellison"] == ids["Marta Ellison"] == "person:marta-ellison"


def _events(body, lang="en"):
    ex = code(
        Article(id="y" * 64, title="t", published="2025-03-05", language=lang, source="t", url=None, body=body)
    )
    names = {e.id: e.name for e in ex.entities}
    return [(e.type.value, [names[a] for a in e.actors], [names[t] for t in e.targets]) for e in ex.events], ex


def test_open_world_actors_take_part_in_events_without_a_qid():
    evs, ex = _events("The Ohio Department of Commerce fined Brightloop Technologies $2 million on Tuesday.")
    assert ("FINED", ["Ohio Department of Commerce"], ["Brightloop Technologies"]) in evs
    assert all(e.wikidata is None for e in ex.entities)


def test_french_union_sues_and_a_court_is_an_actor():
    evs, _ = _events("Le Syndicat national des auteurs a engagé des poursuites contre OpenAI.", "fr")
    assert ("SUED", ["Syndicat national des auteurs"], ["OpenAI"]) in evs


@pytest.mark.parametrize(
    "text,expected",
    [
        # an untyped name coordinated with a typed one is of the same kind
        (
            "Acme and Brightline Pictures sued the startup.",
            [("Acme", "Company"), ("Brightline Pictures", "Company")],
        ),
        # a list after a plural classifier, with or without a mark
        (
            "Les maisons de disques Zorn Music, Plinth Group et Warbler Records ont porté plainte.",
            [("Zorn Music", "Company"), ("Plinth Group", "Company"), ("Warbler Records", "Company")],
        ),
        (
            "Plusieurs médias (Le Quotidien du Nord, Postnorth) ont déposé une poursuite.",
            [("Quotidien du Nord", "Company"), ("Postnorth", "Company")],
        ),
        # a name right after its classifier
        ("Elle vise aussi la jeune pousse baptisée Zuno.", [("Zuno", "Company")]),
        ("Regulators looked at the chatbot Zibbo last year.", [("Zibbo", "Product")]),
        # people who share a surname; an acronym that speaks; a party of a suit
        ("Tom and Lisa Varga said the company ignored them.", [("Tom", "Person"), ("Lisa Varga", "Person")]),
        ("ZAG-ARTRA said the studio broke the contract.", [("ZAG-ARTRA", "Organization")]),
        ("The complaint Jane Roe filed against the startup is public.", [("Jane Roe", "Person")]),
        ("The regulator charged Plover Advisers with fraud.", [("Plover Advisers", "Company")]),
        # institutions named by their seat
        ("Le parquet de Lyon a ouvert une enquête.", [("parquet de Lyon", "Government")]),
        ("An Izmir court blocked the site.", [("Izmir court", "Court")]),
    ],
)
def test_context_types_a_name(text, expected):
    found = _found(text)
    for e in expected:
        assert e in found, found


@pytest.mark.parametrize(
    "text",
    [
        "Le responsable de l'ONG viennoise, Max Schrems, a réagi.",  # an adjective is not a name
        "Companies Google and Meta responded.",  # known names stay the dictionary's
        "Lawyers filed the papers on Monday.",  # a common noun opening a sentence
        "The CEO said the firm would appeal.",  # a title is not an organisation
    ],
)
def test_context_does_not_invent_names(text):
    names = [s for s, _ in _found(text)]
    assert not [n for n in names if n in ("viennoise", "Viennoise", "Lawyers", "CEO", "Companies")], names


def test_the_seat_of_a_court_is_not_the_target_of_a_suit():
    ex = code(
        Article(
            id="s" * 64,
            title="t",
            published="2025-06-04",
            language="en",
            source="t",
            url=None,
            body="The complaint—filed by Jane Roe in a California court—says OpenAI copied her novels.",
        )
    )
    names = {e.id: e.name for e in ex.entities}
    sued = [e for e in ex.events if e.type.value == "SUED"]
    assert sued and [names[a] for a in sued[0].actors] == ["Jane Roe"]
    assert all(names[t] != "California" for t in sued[0].targets)


@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "Le Conseil exécutif de l'Union africaine (UA) s'est réuni lundi.",
            [("Conseil exécutif de l'Union africaine", "Government"), ("UA", "Government")],
        ),
        (
            "Le Département cantonal de justice et police (DCJP) a publié un rapport.",
            [("Département cantonal de justice et police", "Government")],
        ),  # (the federal one is in the dictionary)
        (
            "La Cour des comptes a rejeté le pourvoi.",
            [("Cour des comptes", "Court")],
        ),  # (Cour de cassation is in the dictionary)
        ("The Ministry of Finance of India banned the apps.", [("Ministry of Finance of India", "Government")]),
    ],
)
def test_institution_names_with_adjectives_and_a_known_complement(text, expected):
    found = _found(text)
    for e in expected:
        assert e in found, found


def test_every_party_of_a_listed_suit_is_a_name():
    found = _found("OpenAI was sued by Jane Roe and Carl Brown on Monday.")
    assert ("Jane Roe", "Person") in found and ("Carl Brown", "Person") in found
    found = _found("Plover Labs, Jane Roe, and Carl Brown sued the startup.")
    assert {("Plover Labs", "Company"), ("Jane Roe", "Person"), ("Carl Brown", "Person")} <= set(found)


@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "L'autorité estonienne de la concurrence a ouvert une enquête.",
            ("autorité estonienne de la concurrence", "Regulator"),
        ),
        (
            "Le ministère brésilien de la santé a publié une note.",
            ("ministère brésilien de la santé", "Government"),
        ),
        ("La justice allemande a ouvert une enquête.", ("justice allemande", "Court")),
    ],
)
def test_a_body_named_in_lower_case_by_its_kind_and_country(text, expected):
    assert expected in _found(text)


def test_a_regulator_named_by_its_country_alone_is_left_to_coreference():
    assert _found("L'autorité italienne a bloqué l'application.") == []


@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "La décision a été annoncée par le ministre du Numérique, Paul Marchand, mardi.",
            ("Paul Marchand", "Person"),
        ),
        ("The agency's president, Piotr Nowicki, expressed concerns on Monday.", ("Piotr Nowicki", "Person")),
        ("« Nous agirons », a expliqué Paul Marchand à la presse.", ("Paul Marchand", "Person")),
    ],
)
def test_a_person_named_after_a_title_and_a_comma_or_a_speech_verb(text, expected):
    assert expected in _found(text)


# --------------------------------------------------------------------------------------------
# laws named by a description


def _law_triples(text, lang="en"):
    ex = code(Article.from_text(text, language=lang, published="2025-03-12"))
    names = {e.id: e.name for e in ex.entities}
    return {
        (names[a], ev.type.value, names[t])
        for ev in ex.events
        for a in ev.actors
        for t in ev.targets
        if ev.type.value == "REGULATED"
    }


@pytest.mark.parametrize(
    "text, lang, law",
    [
        (
            "Governor Jane Roe signed a new executive order on Monday that limits AI in hiring.",
            "en",
            "New executive order",
        ),
        (
            "The Ruritanian Parliament passed the Online Harms (Deepfakes) (Amendment) Bill on Tuesday.",
            "en",
            "Online Harms (Deepfakes) (Amendment) Bill",
        ),
        (
            "Japan issued a package of interim measures on Friday to govern chatbots.",
            "en",
            "Package of interim measures",
        ),
        (
            "Le président Jean Roe a signé jeudi un décret présidentiel sur les robots conversationnels.",
            "fr",
            "Décret présidentiel sur les robots conversationnels",
        ),
    ],
)
def test_a_law_named_by_a_description_is_what_a_law_is_adopted_as(text, lang, law):
    assert any(t[2] == law for t in _law_triples(text, lang)), _law_triples(text, lang)


def test_a_described_law_is_the_one_its_short_form_means_later():
    text = (
        "Governor Jane Roe signed the Voice and Likeness Protection (VALP) Act on Monday. "
        "Critics said the VALP Act goes too far."
    )
    ms = [m for m in openworld.described_laws(text, []) if m.actor.type.value == "Law"]
    assert [m.surface for m in ms] == ["Voice and Likeness Protection (VALP) Act", "VALP Act"]
    assert len({m.actor.id for m in ms}) == 1


def test_law_as_a_modifier_or_a_bare_definite_is_no_new_law():
    assert openworld.described_laws("Jane Roe, a law professor, said the bill was weak.", []) == []
    assert openworld.described_laws("La loi a été votée par le Sénat.", []) == []


@pytest.mark.parametrize(
    "text, lang, person",
    [
        ("The agency's Chief Information Officer Jane Roe said the app is banned.", "en", "Jane Roe"),
        ("Minister for Digital Affairs and Information Jane Roe said the bill applies.", "en", "Jane Roe"),
        ("UK Information Commissioner Jane Roe said the findings were worrying.", "en", "Jane Roe"),
        ("Le ministre délégué au Numérique Jean-Luc Roux a affirmé que la loi est prête.", "fr", "Jean-Luc Roux"),
        ("Representatives Josh Doe and Darin LaRoe said the bill was needed.", "en", "Darin LaRoe"),
    ],
)
def test_an_office_run_into_a_name_is_not_the_persons_first_name(text, lang, person):
    ex, ms = trace_names(text, lang)
    people = {m.actor.name for m in ms if m.actor.type.value == "Person"}
    assert person in people, people
    assert not {p for p in people if p != person and p.endswith(person.split()[-1])}, people


def trace_names(text, lang):
    from loaders.coder import trace

    return trace(Article.from_text(text, language=lang, published="2025-03-12"))


@pytest.mark.parametrize(
    "text, lang, people",
    [
        ("Novelists Jane Roe, Mary Doe and Alan Poe joined the suit.", "en", {"Jane Roe", "Mary Doe", "Alan Poe"}),
        (
            "Jane Roe, George R.R. Doe and Alan Poe join a lawsuit against OpenAI.",
            "en",
            {"Jane Roe", "George R.R. Doe", "Alan Poe"},
        ),
        (
            "Les avocats Paul Roux, Jean Dufour et Marie Caron ont plaidé.",
            "fr",
            {"Paul Roux", "Jean Dufour", "Marie Caron"},
        ),
        ("Court president Maria de Souza said the rules apply.", "en", {"Maria de Souza"}),
        ("Loyan Roe, Chief of the agency's bureau, spoke.", "en", {"Loyan Roe"}),
    ],
)
def test_people_in_lists_after_titles_and_with_particles_are_people(text, lang, people):
    ex, ms = trace_names(text, lang)
    assert people <= {m.actor.name for m in ms if m.actor.type.value == "Person"}


def test_companies_in_a_list_are_not_people_and_a_title_names_a_lone_surname():
    ex, ms = trace_names("Apple, Google and Microsoft said no.", "en")
    assert not [m for m in ms if m.actor.type.value == "Person"]
    ex, ms = trace_names("Gov. Roeman signed the law on Monday.", "en")
    people = [(m.surface, m.actor.type.value) for m in ms if m.actor.type.value == "Person"]
    assert people == [("Gov. Roeman", "Person")]


def test_a_companys_ai_product_named_by_a_possessive_description():
    text = "Meta a suspendu ses outils d'intelligence artificielle générative au Brésil."
    ex, ms = trace_names(text, "fr")
    prods = [m for m in ms if m.actor.type.value == "Product"]
    assert [(m.surface, m.actor.name) for m in prods] == [
        (
            "ses outils d'intelligence artificielle générative",
            "Meta Platforms: outils d'intelligence artificielle générative",
        )
    ]
    # a description next to the product's name is that product; no AI word, no product
    ex, ms = trace_names("Google said on Monday that Gemini, its AI chatbot, would answer fewer questions.", "en")
    assert {m.actor.name for m in ms if m.actor.type.value == "Product"} == {"Gemini"}
    ex, ms = trace_names("Meta said it would change its advertising tools.", "en")
    assert not [m for m in ms if m.actor.type.value == "Product"]


def test_an_open_world_name_does_not_run_over_a_line_break():
    ms = openworld.find("The complaint names Acme Technologies\nPieces Technologies as defendants.", [])
    assert all("\n" not in m.surface for m in ms), [m.surface for m in ms]


@pytest.mark.parametrize(
    "text, lang, person",
    [
        ("La ministre régionale chargée de la Culture Hélène Roux a décidé.", "fr", "Hélène Roux"),
        ("Le député vaudois Raphaël Roux a déposé une motion.", "fr", "Raphaël Roux"),
        ("Le directeur d'Apple responsable des relations publiques, Marc Doe, a écrit.", "fr", "Marc Doe"),
        ("Chief legal officer and general counsel Blake Doe wrote to the agency.", "en", "Blake Doe"),
    ],
)
def test_a_title_with_its_qualifiers_names_the_person_after_it(text, lang, person):
    ex, ms = trace_names(text, lang)
    assert person in {m.actor.name for m in ms if m.actor.type.value == "Person"}


def test_a_verb_between_title_and_name_makes_no_person():
    # (a name whose first word is no known first name: only the title could make it a person)
    ex, ms = trace_names("Le ministre a rencontré Kessel Roux.", "fr")
    assert not [m for m in ms if m.actor.type.value == "Person"]


def test_an_acronym_written_as_a_word_is_the_acronym():
    ex, ms = trace_names("La Cnil a ouvert une enquête sur Meta.", "fr")
    assert "Commission nationale de l'informatique et des libertés" in {m.actor.name for m in ms}


@pytest.mark.parametrize(
    "text,person",
    [
        ("Other plaintiffs include Nora Kessling, Tomasz Wierzba and two publishers.", "Tomasz Wierzba"),
        ("Parmi les signataires figurent Hélène Bastardi et plusieurs éditeurs.", "Hélène Bastardi"),
        ("Ravi Kumaran filed the complaint against Zibbo on Monday.", "Ravi Kumaran"),
    ],
)
def test_a_full_name_with_a_known_first_name_is_a_person_without_a_title(text, person):
    assert (person, "Person") in _found(text)


@pytest.mark.parametrize(
    "text,not_person",
    [
        ("The Artificial Intelligence Basic Act took effect.", "Artificial Intelligence"),
        ("The lawsuit was filed in San Francisco Superior Court.", "San Francisco"),
        ("Grant Thornton Advisors audited the accounts.", "Grant Thornton"),
    ],
)
def test_capitalised_pairs_that_are_not_first_names_stay_unnamed(text, not_person):
    assert (not_person, "Person") not in _found(text)


def test_an_untitled_person_becomes_a_party_of_the_suit():
    art = Article(
        id="a1",
        title="t",
        language="en",
        published="2025-03-04",
        body="Novelist Nora Kessling and Ravi Kumaran sued Zibbo Labs on Monday over its training data.",
    )
    ex = code(art)
    names = {e.id: e.name for e in ex.entities}
    sued = [
        (sorted(names[a] for a in ev.actors), [names[t] for t in ev.targets])
        for ev in ex.events
        if ev.type.value == "SUED"
    ]
    assert sued and "Ravi Kumaran" in sued[0][0] and sued[0][1] == ["Zibbo Labs"]


def test_a_name_the_story_keeps_using_is_an_actor():
    ex = code(
        Article(
            id="a2",
            title="t",
            language="en",
            published="2025-03-04",
            body="Regulators in Spain fined Zibbovate on Monday. Zibbovate said it would appeal, "
            "and the ruling against Zibbovate stands.",
        )
    )
    assert ("Zibbovate", "Company") in {(e.name, e.type.value) for e in ex.entities}
    assert [e for e in ex.events if e.type.value == "FINED"]


def test_a_city_the_story_keeps_using_is_not_an_actor():
    found = _found(
        "The court in Tarragona ruled on Monday. Lawyers in Tarragona were calm, and Tarragona stayed quiet."
    )
    assert "Tarragona" not in [s for s, _ in found]


def test_a_company_written_to_is_still_a_name_the_story_keeps_using():
    # "a letter to Zibbovate" is no place; only "in"/"at"/"de" before every use would make one
    found = _found(
        "Regulators sent a letter to Zibbovate on Monday. Zibbovate said it had fixed the flaw, "
        "and a Zibbovate car was seen again."
    )
    assert "Zibbovate" in [s for s, _ in found]


def test_a_possessive_is_not_a_recurrent_name():
    found = _found(
        "Critics attacked Zorbmart’s policy. The size of Zorbmart’s stores grew, and Zorbmart’s profits fell."
    )
    assert not [s for s, _ in found if s.endswith("’s")]


def test_a_recurrent_surname_is_the_person_named_in_full():
    found = [
        (m.surface, m.actor.name, m.actor.type.value)
        for m in openworld.find(
            "Marta Kervadec runs the agency. On Monday, Kervadec refused, and the board backed Kervadec.", []
        )
    ]
    assert ("Kervadec", "Marta Kervadec", "Person") in found


@pytest.mark.parametrize(
    "text,name",
    [
        ("Brightwater Public Schools banned the chatbot on Monday.", "Brightwater Public Schools"),
        ("The Quenton Unified School District blocked access to the app.", "Quenton Unified School District"),
        ("The Zorblat Board of Education said it would act.", "Zorblat Board of Education"),
    ],
)
def test_a_school_district_is_a_local_government(text, name):
    assert (name, "Government") in _found(text)
