"""The offline event coder: the seed article's facts, new sentences of our own, modality."""

import re

import pytest

from graph.model import Article, EventType, Modality, RejectReason
from loaders.coder import CODER_VERSION, code, split_sentences, trace
from loaders.read import read_file
from tests.corpus_paths import corpus_dir

CORPUS = corpus_dir()


def triples(ex):
    names = {e.id: e.name for e in ex.entities}
    return {
        (names[a], ev.type.value, names[t] if t else None)
        for ev in ex.events
        for a in ev.actors
        for t in (ev.targets or (None,))
    }


def one(text, lang="en", published="2025-03-12"):
    return code(Article.from_text(text, language=lang, published=published))


def find(ex, type_, actor):
    names = {e.id: e.name for e in ex.entities}
    return [ev for ev in ex.events if ev.type.value == type_ and actor in {names[a] for a in ev.actors}]


# --------------------------------------------------------------------------------------------
# the seed article


@pytest.fixture(scope="module")
def seed():
    if CORPUS is None:
        pytest.skip("shared corpus not found")
    art = next(read_file(CORPUS / "seed" / "000_a26acc091d010e43.txt"))
    return code(art)


def test_seed_coordinated_blocks_and_suits(seed):
    t = triples(seed)
    for country in ("Malaysia", "Indonesia"):
        assert (country, "BLOCKED_ACCESS", "Grok") in t
        assert (country, "SUED", "X") in t
        assert (country, "SUED", "xAI") in t
    ev = find(seed, "SUED", "Malaysia")[0]
    assert ev.evidence.startswith("Des pays comme la Malaisie et l'Indonésie ont déjà bloqué")
    assert seed.article.body[ev.evidence_start :].startswith(ev.evidence)
    ents = {e.name: e for e in seed.entities}
    assert ents["Malaysia"].wikidata == "Q833" and "Malaisie" in ents["Malaysia"].aliases
    assert ents["Indonesia"].wikidata == "Q252"


def test_seed_already_blocked_is_dated_by_the_dateline_month(seed):
    # "ont déjà bloqué ... et intentent des actions": done by 2026-01-14, month precision
    for type_ in ("BLOCKED_ACCESS", "SUED"):
        ev = find(seed, type_, "Malaysia")[0]
        assert (ev.date, ev.date_text, ev.modality) == ("2026-01", "déjà", Modality.ASSERTED)


def test_already_in_a_later_paragraph_english():
    ex = one(
        "Lead paragraph about chatbots in Asia.\n\nTaiwan has already blocked access to DeepSeek "
        "on government devices.",
        published="2025-03-12",
    )
    ev = find(ex, "BLOCKED_ACCESS", "Taiwan")[0]
    assert (ev.date, ev.date_text) == ("2025-03", "already")


def test_seed_compliance_told_by_starmer_is_reported_not_asserted(seed):
    ev = find(seed, "COMPLIED", "X")[0]
    assert ev.modality is Modality.REPORTED


def test_seed_senators_and_coalition_demand(seed):
    t = triples(seed)
    assert ("Three US Democratic senators", "DEMANDED", "Apple") in t
    assert ("Three US Democratic senators", "DEMANDED", "Google") in t
    ev = find(seed, "DEMANDED", "Three US Democratic senators")[0]
    assert ev.date == "2026-01-05/2026-01-11" and ev.date_text == "La semaine dernière"
    coalition = [a for (a, p, o) in t if p == "DEMANDED" and a.lower().startswith("coalition")]
    assert coalition and {(coalition[0], "DEMANDED", "Apple"), (coalition[0], "DEMANDED", "Google")} <= t


def test_seed_musk_quote(seed):
    quotes = [ev.quote for ev in find(seed, "STATED", "Elon Musk")]
    assert "Je n'ai pas connaissance d'images de mineurs nus générées par Grok. Littéralement zéro" in quotes
    ev = next(ev for ev in find(seed, "STATED", "Elon Musk") if ev.quote and ev.quote.startswith("Je n'ai"))
    assert "a déclaré M. Musk dans un post X" in ev.evidence
    assert {e.name: e for e in seed.entities}["Elon Musk"].wikidata == "Q317521"


def test_seed_uk_criminalises_planned_this_week(seed):
    ev = find(seed, "CRIMINALISED", "United Kingdom")[0]
    assert ev.modality is Modality.PLANNED
    assert ev.date == "2026-01-12/2026-01-18" and ev.date_text == "cette semaine"
    assert ev.evidence.startswith("Au Royaume-Uni, la loi devrait être modifiée")


def test_seed_starmer_states_and_x_restricts(seed):
    ev = find(seed, "STATED", "Keir Starmer")[0]
    assert ev.date == "2026-01-14" and "X s'efforçait de se conformer" in ev.evidence
    ev = find(seed, "RESTRICTED", "X")[0]
    assert {e.name for e in seed.entities if e.id in ev.targets} == {"Grok"}
    assert ev.date == "2026-01-05/2026-01-11"


def test_seed_no_event_from_the_possibility(seed):
    # "les restrictions ... pourraient ne pas bloquer totalement l'accès" is not a block
    assert not find(seed, "BLOCKED_ACCESS", "X")


# --------------------------------------------------------------------------------------------
# new sentences, one or more per event type, both languages


@pytest.mark.parametrize(
    "lang,text,expected",
    [
        (
            "en",
            "The French data protection authority CNIL fined Clearview AI 20 million euros on Tuesday.",
            ("Commission nationale de l'informatique et des libertés", "FINED", "Clearview AI"),
        ),
        (
            "fr",
            "La CNIL a infligé une amende de 20 millions d'euros à Clearview AI mardi.",
            ("Commission nationale de l'informatique et des libertés", "FINED", "Clearview AI"),
        ),
        (
            "en",
            "Clearview AI was fined by the Dutch data protection watchdog on Monday.",
            ("Dutch Data Protection Authority", "FINED", "Clearview AI"),
        ),
        (
            "en",
            "Spain's data protection agency opened an investigation into DeepSeek last week.",
            ("Agencia Española de Protección de Datos", "INVESTIGATED", "DeepSeek"),
        ),
        (
            "fr",
            "La Commission européenne a ouvert une enquête visant Meta et TikTok.",
            ("European Commission", "INVESTIGATED", "TikTok"),
        ),
        ("en", "South Korea blocked access to DeepSeek on Monday.", ("South Korea", "BLOCKED_ACCESS", "DeepSeek")),
        ("fr", "Le Brésil a bloqué l'accès à X samedi.", ("Brazil", "BLOCKED_ACCESS", "X")),
        (
            "en",
            "The Pentagon banned Claude on government devices.",
            ("United States Department of Defense", "BANNED", "Claude"),
        ),
        ("fr", "L'Italie a interdit ChatGPT en mars 2023.", ("Italy", "BANNED", "ChatGPT")),
        (
            "en",
            "Two writers sued Apple and Microsoft in federal court on Friday.",
            ("Two writers", "SUED", "Microsoft"),
        ),
        ("fr", "Getty Images a porté plainte contre Midjourney.", ("Getty Images", "SUED", "Midjourney")),
        (
            "en",
            "Five Republican senators urged Nvidia and Microsoft to halt sales.",
            ("Five Republican senators", "DEMANDED", "Nvidia"),
        ),
        (
            "fr",
            "La CNIL a demandé à Mistral AI de supprimer les données.",
            ("Commission nationale de l'informatique et des libertés", "DEMANDED", "Mistral AI"),
        ),
        (
            "en",
            "The European Parliament adopted the AI Act on Wednesday.",
            ("European Parliament", "REGULATED", "AI Act"),
        ),
        (
            "fr",
            "Le Parlement européen a adopté l'AI Act mercredi.",
            ("European Parliament", "REGULATED", "AI Act"),
        ),
        ("en", "OpenAI restricted ChatGPT for teenagers last month.", ("OpenAI", "RESTRICTED", "ChatGPT")),
        ("en", "Meta agreed to suspend its AI training plans.", ("Meta Platforms", "COMPLIED", None)),
        ("en", "Microsoft announced the Copilot safety rules on Thursday.", ("Microsoft", "ANNOUNCED", "Copilot")),
        (
            "en",
            "The Garante lifted the ban on ChatGPT.",
            ("Garante per la protezione dei dati personali", "ALLOWED", "ChatGPT"),
        ),
        ("en", "“We will comply with every law,” said Sam Altman on Tuesday.", ("Sam Altman", "STATED", None)),
        ("fr", "« Nous respecterons la loi », a déclaré Arthur Mensch jeudi.", ("Arthur Mensch", "STATED", None)),
    ],
)
def test_new_sentences(lang, text, expected):
    assert expected in triples(one(text, lang))


def test_new_sentence_dates_and_details():
    ev = one("La CNIL a infligé une amende de 20 millions d'euros à Clearview AI mardi.", "fr").events[0]
    assert ev.date == "2025-03-11" and ev.date_text == "mardi" and ev.detail == "20 millions d'euros"
    ev = one("« Nous respecterons la loi », a déclaré Arthur Mensch jeudi.", "fr").events[0]
    assert ev.quote == "Nous respecterons la loi" and ev.date == "2025-03-06"


def test_planned_measure():
    ev = one("Texas lawmakers plan to criminalize deepfake pornography.").events[0]
    assert ev.type is EventType.CRIMINALISED and ev.modality is Modality.PLANNED


def test_quote_speaker_in_previous_sentence():
    ex = one(
        "Senator Ron Wyden criticised the company on Monday. “This is a disgrace and the "
        "FTC must act now,” he said."
    )
    ev = [e for e in ex.events if e.quote]
    assert ev and {x.name for x in ex.entities if x.id in ev[0].actors} == {"Ron Wyden"}


# --------------------------------------------------------------------------------------------
# modality and rejections


@pytest.mark.parametrize(
    "lang,text",
    [
        ("en", "The FTC could fine OpenAI if the complaint is upheld."),
        ("fr", "La CNIL pourrait infliger une amende à Mistral AI."),
        ("en", "The CNIL did not fine Google."),
        ("en", "Italy may ban DeepSeek next year."),
    ],
)
def test_possibilities_and_denials_are_rejected(lang, text):
    ex = one(text, lang)
    assert ex.events == ()
    assert any(r.reason is RejectReason.THREAT_OR_POSSIBILITY for r in ex.rejected)


def test_missing_roles_are_rejected_with_reason():
    # a lawsuit needs a defendant; a settlement need not name the other party (the contract
    # requires no target for SETTLED): "Anthropic settled" is a settlement by Anthropic
    ex = one("Garante sued over the matter.")
    assert ex.events == () and ex.rejected[0].reason is RejectReason.NO_TARGET
    (ev,) = one("Anthropic settled the lawsuit brought by authors.").events
    assert ev.type.value == "SETTLED" and ev.actors == ("company:anthropic",) and ev.targets == ()
    ex = one("Officials fined Replika 5 million euros.")
    assert ex.events == () and ex.rejected[0].reason is RejectReason.NO_ACTOR
    # an agentless passive is no event at all (no actor to code)
    assert one("DeepSeek was banned from use in all agencies.").events == ()


def test_repeated_event_is_a_duplicate():
    ex = one(
        "Australia has banned DeepSeek from government devices. Australia has banned DeepSeek "
        "from government systems, citing security risks."
    )
    assert len(ex.events) == 1
    assert any(r.reason is RejectReason.DUPLICATE for r in ex.rejected)


def test_type_constraints():
    # a Law is not investigated; a company does not fine a country
    assert not one("The FTC opened an investigation into the AI Act.").events
    assert not [e for e in one("Google fined Italy 5 million euros.").events if e.type is EventType.FINED]


# --------------------------------------------------------------------------------------------
# contract


def test_sentence_offsets_are_exact_and_quotes_kept_whole():
    text = (
        'Elon Musk a déclaré mercredi. "Je n\'ai rien vu. Littéralement zéro", a déclaré M. Musk.\n'
        "Gov. Polis signed SB 205 on Friday. U.S. Sen. Hawley (R-Mo.) wrote to Meta."
    )
    spans = split_sentences(text)
    got = [text[a:b] for a, b in spans]
    assert got == [
        "Elon Musk a déclaré mercredi.",
        '"Je n\'ai rien vu. Littéralement zéro", a déclaré M. Musk.',
        "Gov. Polis signed SB 205 on Friday.",
        "U.S. Sen. Hawley (R-Mo.) wrote to Meta.",
    ]


def test_event_ids_and_evidence_validate_and_are_deterministic():
    art = Article.from_text(
        "Italy's data watchdog fined OpenAI 15 million euros on Friday. "
        "The European Commission opened an investigation into Meta.",
        language="en",
        published="2024-12-21",
    )
    a, b = code(art), code(art)
    assert [e.id for e in a.events] == [e.id for e in b.events] and len(a.events) == 2
    a.validate()
    assert all(art.body[e.evidence_start : e.evidence_start + len(e.evidence)] == e.evidence for e in a.events)
    assert isinstance(CODER_VERSION, str) and CODER_VERSION


# --------------------------------------------------------------------------------------------
# coder 1.1: clause structure, attribution, topics, makers, dates (all new sentences)


def names_of(ex, ids):
    n = {e.id: e.name for e in ex.entities}
    return [n[i] for i in ids]


def test_sentence_can_end_inside_a_quotation():
    text = "The agency said that Acme “will not appeal.” The agency said the fine stands."
    assert [text[a:b] for a, b in split_sentences(text)] == [
        "The agency said that Acme “will not appeal.”",
        "The agency said the fine stands.",
    ]
    text = "« Nous ferons appel. » La CNIL maintient sa décision."
    assert len(split_sentences(text)) == 2


@pytest.mark.parametrize(
    "text,owner",
    [
        ("The Spanish data protection agency fined Replika's developer 3 million euros.", "Luka Inc."),
        ("The CNIL fined the developer of the companion app Replika on Monday.", "Luka Inc."),
    ],
)
def test_product_phrases_name_the_maker(text, owner):
    assert [e for e in one(text).events if e.type is EventType.FINED]
    ex = one(text)
    assert names_of(ex, ex.events[0].targets) == [owner]


def test_product_phrases_name_the_maker_fr():
    ex = one("La CNIL a infligé une amende à l'éditeur de ChatGPT mardi.", "fr")
    assert ("Commission nationale de l'informatique et des libertés", "FINED", "OpenAI") in triples(ex)


def test_product_modifier_of_its_maker_is_not_a_target():
    ex = one("The Garante fined ChatGPT maker OpenAI 15 million euros.")
    assert triples(ex) == {("Garante per la protezione dei dati personali", "FINED", "OpenAI")}


def test_the_app_prefers_the_product_to_its_maker():
    ex = one("Luka Inc. launched Replika in 2017. The Garante banned the app in 2023.")
    assert ("Garante per la protezione dei dati personali", "BANNED", "Replika") in triples(ex)


def test_pronoun_antecedent_is_a_subject_not_a_possessor():
    ex = one("The CNIL is one of the European Union's strictest regulators. It fined Clearview AI in 2022.")
    assert ("Commission nationale de l'informatique et des libertés", "FINED", "Clearview AI") in triples(ex)
    assert not [t for t in triples(ex) if t[0] == "European Union"]


@pytest.mark.parametrize(
    "text,lang,triple",
    [
        (
            "L'Autorité de la concurrence enquête sur Google depuis 2020. Google a contesté ses conclusions. "
            "Jeudi dernier, elle a infligé une lourde amende à Google.",
            "fr",
            ("Autorité de la concurrence", "FINED", "Google"),
        ),
        (
            "The FTC has examined Rytr since March. Rytr disputed the findings. "
            "On Monday, it fined Rytr $2 million.",
            "en",
            ("Federal Trade Commission", "FINED", "Rytr"),
        ),
    ],
)
def test_a_pronoun_whose_last_subject_cannot_act_is_its_earlier_antecedent(text, lang, triple):
    assert triple in triples(one(text, lang))


@pytest.mark.parametrize(
    "text,lang,speaker",
    [
        ("Ces sanctions restent trop faibles, rappelle l'avocate Me Lucie Ferrand.", "fr", "Lucie Ferrand"),
        ("Le texte arrive trop tard, estime Jean Dupuis, président de l'association.", "fr", "Jean Dupuis"),
        ("The rules are far too weak, argues Jane Roe, a lawyer at the firm.", "en", "Jane Roe"),
    ],
)
def test_a_speech_verb_after_a_comma_has_its_speaker_after_it(text, lang, speaker):
    ex = one(text, lang)
    speakers = [n for e in ex.events if e.type.value == "STATED" for n in names_of(ex, e.actors)]
    assert any(speaker in n for n in speakers), speakers  # ("Me Lucie Ferrand" keeps her title)


def test_an_apposition_before_the_verb_keeps_the_subject_as_speaker():
    ex = one("James Roe, head of the review panel, said the study showed that Google favoured large outlets.")
    assert [names_of(ex, e.actors) for e in ex.events if e.type.value == "STATED"] == [["James Roe"]]


def test_statement_topic_falls_back_on_the_article_subject():
    ex = one(
        "The CNIL fined Clearview AI on Monday. Clearview AI must also delete the photos. "
        "The regulator said that the breaches were very serious."
    )
    ev = find(ex, "STATED", "Commission nationale de l'informatique et des libertés")[0]
    assert names_of(ex, ev.targets) == ["Clearview AI"]


def test_a_law_cited_as_yardstick_is_not_the_topic():
    ex = one("Mistral AI was fined by the CNIL. The CNIL said that the data retention was a breach of the GDPR.")
    ev = find(ex, "STATED", "Commission nationale de l'informatique et des libertés")[0]
    assert names_of(ex, ev.targets) == ["Mistral AI"]


def test_speaker_affiliation_is_not_the_topic():
    ex = one("« Nous resterons vigilants », a déclaré le président de l'association noyb, Max Schrems.", "fr")
    ev = find(ex, "STATED", "Max Schrems")[0]
    assert "noyb" not in names_of(ex, ev.targets)


def test_inverted_pronoun_continues_the_previous_speaker():
    ex = one(
        "« Nous ferons appel », a déclaré Max Schrems. « La politique de Google est "
        "inacceptable et illégale », a-t-il ajouté.",
        "fr",
    )
    evs = find(ex, "STATED", "Max Schrems")
    assert len(evs) == 2 and not find(ex, "STATED", "Google")


def test_trailing_attribution_is_not_a_statement():
    ex = one("The CNIL fined Clearview AI 20 million euros, the regulator said on Tuesday.")
    assert [e.type for e in ex.events] == [EventType.FINED]
    assert any("attribution" in r.detail for r in ex.rejected)
    # a speech verb with its own complement is a statement
    ex = one(
        "La CNIL a sanctionné Clearview AI d'une amende, et le ministre Jean Dupont a déclaré "
        "que la décision était juste.",
        "fr",
    )
    assert find(ex, "STATED", "Jean Dupont")


def test_coordinated_speech_verb_shares_the_subject():
    ex = one(
        "Selon la CNIL, la société Mistral AI a supprimé les données en France et a reconnu une erreur.", "fr"
    )
    assert find(ex, "STATED", "Mistral AI")
    assert not find(ex, "STATED", "France")


@pytest.mark.parametrize(
    "lang,text,actor",
    [
        ("en", "Clearview AI was criticised by noyb, a privacy group, which had demanded that Meta stop.", "noyb"),
        ("fr", "Meta était visé par l'association noyb, qui avait demandé à Meta de renoncer.", "noyb"),
    ],
)
def test_relative_clause_takes_its_antecedent(lang, text, actor):
    ex = one(text, lang)
    assert find(ex, "DEMANDED", actor)


def test_parts_and_comparisons_are_not_subjects():
    ex = one("One agency of the Australian government has banned DeepSeek on its devices.")
    assert not find(ex, "BANNED", "Government of Australia")
    ex = one("Brazil became the third country, following Italy (Italia), to block DeepSeek.")
    assert ("Brazil", "BLOCKED_ACCESS", "DeepSeek") in triples(ex)
    assert not find(ex, "BLOCKED_ACCESS", "Italy")


def test_investigation_into_the_matter_targets_the_last_event():
    ex = one(
        "The Garante ordered DeepSeek to stop processing Italian data. Apple removed the app "
        "from its store. The regulator has also opened an investigation into the matter."
    )
    ev = find(ex, "INVESTIGATED", "Garante per la protezione dei dati personali")[0]
    assert names_of(ex, ev.targets) == ["DeepSeek"]


def test_also_targeting_adds_the_article_subject():
    ex = one(
        "Character.AI restreint ses chatbots. Character.AI vise les mineurs. "
        "La FTC a ouvert une enquête sur les chatbots, visant également Meta et Snap.",
        "fr",
    )
    got = triples(ex)
    expected = {
        ("Federal Trade Commission", "INVESTIGATED", x) for x in ("Meta Platforms", "Snap", "Character.AI")
    }
    assert expected <= got


def test_continued_statement_is_one_statement():
    ex = one(
        'Senator Jane Roe wrote, "Meta must protect children." She continued, "Children are '
        'at risk every day on these platforms."'
    )
    assert len(find(ex, "STATED", "Jane Roe")) == 1
    assert any("continues" in r.detail for r in ex.rejected)


def test_complied_with_the_reporting_authority():
    ex = one("D'après la CNIL, Mistral AI a accepté de retirer son modèle.", "fr")
    assert ("Mistral AI", "COMPLIED", "Commission nationale de l'informatique et des libertés") in triples(ex)


def test_event_retold_in_a_quotation_is_one_event():
    ex = one(
        "OpenAI agreed to suspend the feature in Europe. “OpenAI agreed to suspend the feature "
        "at the request of the Irish DPC and Italy,” the DPC said."
    )
    assert len([e for e in ex.events if e.type is EventType.COMPLIED]) == 1


def test_a_dating_sentence_dates_the_earlier_event():
    ex = one("The CNIL fined Clearview AI 20 million euros. The decision, announced on 3 March 2025, is final.")
    ev = find(ex, "FINED", "Commission nationale de l'informatique et des libertés")[0]
    assert ev.date == "2025-03-03"
    ex = one(
        "Italy banned DeepSeek this week. The ban took effect on Monday, March 3, 2025.", published="2025-03-06"
    )
    assert find(ex, "BANNED", "Italy")[0].date == "2025-03-03"
    # a sentence with an event of its own keeps its date to itself
    ex = one(
        "The CNIL opened an investigation into Meta. The AI Act went into effect last year.",
        published="2025-03-12",
    )
    cnil = "Commission nationale de l'informatique et des libertés"
    assert find(ex, "INVESTIGATED", cnil)[0].date == "2025-03-12"


# --------------------------------------------------------------------------------------------
# discourse: plural descriptions and coordinated speakers (issue 12; invented sentences)


def test_plural_description_names_the_last_coordinated_group():
    ex = one(
        "Attorneys General Kathy Roe and Rob Doe visited OpenAI on Monday. "
        "The two officials later sent a letter to OpenAI asking for documents."
    )
    assert ("Kathy Roe", "DEMANDED", "OpenAI") in triples(ex)
    assert ("Rob Doe", "DEMANDED", "OpenAI") in triples(ex)


def test_plural_description_in_french():
    ex = one(
        "Acmé et Zorblax Technologies ont rencontré la CNIL. Les deux sociétés ont porté plainte contre Meta.",
        lang="fr",
    )
    assert {("Acmé", "SUED", "Meta Platforms"), ("Zorblax Technologies", "SUED", "Meta Platforms")} <= triples(ex)


def test_plural_description_without_a_group_is_not_guessed():
    # no coordinated companies before: "the companies" stays unresolved, no actor is invented
    ex = one("Meta was fined last year. The companies are investigating a leak at Zorblax Technologies.")
    assert not [e for e in ex.events if e.type is EventType.INVESTIGATED]


def test_coordinated_speakers_speak_together_and_are_not_each_others_topic():
    ex = one("OpenAI and Microsoft said DeepSeek copied their models.")
    assert {("OpenAI", "STATED", "DeepSeek"), ("Microsoft", "STATED", "DeepSeek")} <= triples(ex)
    assert ("Microsoft", "STATED", "OpenAI") not in triples(ex)


def test_a_place_that_qualifies_a_name_is_not_the_target():
    ex = one("The Osaka Gazette has sued U.S. AI-powered answer engine Perplexity in Osaka.")
    assert ("Osaka Gazette", "SUED", "Perplexity") in triples(ex)
    assert not [t for t in triples(ex) if t[2] == "United States"]


def test_a_federal_district_is_a_court_not_a_party():
    ex = one("OpenAI was sued by Jane Roe and Carl Brown in the Northern District of California on Monday.")
    names = {e.name: e.type.value for e in ex.entities}
    assert ("Jane Roe", "SUED", "OpenAI") in triples(ex)
    assert "California" not in names


def test_descriptions_resolve_whatever_their_capital():
    ex = one(
        "La CNIL a ouvert une enquête. L'Autorité reprochait aussi à ChatGPT l'absence d'une note.", lang="fr"
    )
    assert ("Commission nationale de l'informatique et des libertés", "STATED", "ChatGPT") in triples(ex)


def test_a_spokesperson_named_before_the_body_speaks_for_it():
    ex = one("Un porte-parole de Meta a affirmé à l'AFP que ces critiques étaient injustes.", lang="fr")
    assert [t[0] for t in triples(ex) if t[1] == "STATED"] == ["Meta Platforms"]


def test_the_feds_are_the_federal_regulator_named_before():
    ex = one("The FTC sued DoNotPay. The feds also took action against Rytr, an AI writing assistant.")
    assert ("Federal Trade Commission", "SUED", "Rytr") in triples(ex)


def test_a_plural_body_is_never_one_person():
    # "the senators" with no coordinated senators before: not the last person named
    ex = one("Jane Roe met OpenAI on Monday. The senators are investigating OpenAI.")
    assert not [t for t in triples(ex) if t[0] == "Jane Roe" and t[1] == "INVESTIGATED"]


def test_a_person_in_apposition_speaks_not_her_employer():
    ex = one("Hélène Vautrin, secrétaire générale du SNAC, a déclaré que Meta ignore les auteurs.", lang="fr")
    assert [t for t in triples(ex) if t[1] == "STATED"] == [("Hélène Vautrin", "STATED", "Meta Platforms")]
    ex = one("Jane Roe, director general of the Plover Council, said the rules came too late.")
    assert [t for t in triples(ex) if t[1] == "STATED"] == [("Jane Roe", "STATED", None)]


def test_a_later_surname_is_the_person_the_dictionary_named():
    ex = one(
        "UK Information Commissioner John Edwards opened a probe into Snap. "
        "Mr Edwards said Snap had failed to assess the risks."
    )
    people = {e.name for e in ex.entities if e.type.value == "Person"}
    assert people <= {"John Edwards", "Commissioner John Edwards"}


def test_a_newspaper_named_as_a_source_is_not_a_speaker_but_may_sue():
    ex = one("The company was warned, according to The Ohio Chronicle.")
    assert not ex.events and "Ohio" not in {e.name for e in ex.entities}
    ex = one("The Osaka Herald has sued Perplexity.")
    assert ("Osaka Herald", "SUED", "Perplexity") in triples(ex)


def test_according_to_a_document_is_not_a_statement():
    ex = one("The data leaked, according to the complaint Jane Roe lodged against OpenAI.")
    assert not [e for e in ex.events if e.type is EventType.STATED]


def test_a_surname_alone_is_the_person_named_in_full_before():
    ex = one(
        "Priya Ramanathan, Anthropic's general counsel, also welcomed the ruling. "
        '"This is good news," Ramanathan said.'
    )
    assert {t[0] for t in triples(ex) if t[1] == "STATED"} == {"Priya Ramanathan"}


def test_an_act_told_as_done_is_not_dated_after_the_dateline():
    # a month named without its year, just after a January dateline: last year's February
    ex = one(
        "En février, le ministère brésilien de la santé a interdit DeepSeek.", lang="fr", published="2026-01-20"
    )
    assert [(e.type.value, e.date) for e in ex.events] == [("BANNED", "2025-02")]
    # planned: the coming February stays
    ex = one(
        "Le ministère brésilien de la santé va interdire DeepSeek en février.", lang="fr", published="2026-01-20"
    )
    assert [e.date for e in ex.events if e.type.value == "BANNED"] in ([], ["2026-02"])


def test_the_dateline_in_the_body_dates_the_report():
    ex = one(
        "BERLIN, March 3 (Reuters) – Germany's data commissioner said Zorblit breaks the law.\n\n"
        "The commissioner added that Apple must act.",
        published="2025-03-04",
    )
    assert {e.date for e in ex.events if e.type.value == "STATED"} == {"2025-03-03"}


def test_one_party_named_twice_does_not_end_a_list():
    ex = one("La France a enjoint à Apple AAPL.O et à Microsoft MSFT.O d'ôter l'application Zorblit.", lang="fr")
    assert {("France", "DEMANDED", "Apple"), ("France", "DEMANDED", "Microsoft")} <= triples(ex)


def test_a_list_goes_on_over_another_company_called():
    ex = one("Acme Music a intenté un procès à Zudio et à une autre entreprise nommée Zuno.", lang="fr")
    assert {("Acme Music", "SUED", "Zudio"), ("Acme Music", "SUED", "Zuno")} <= triples(ex)


@pytest.mark.parametrize(
    "text,lang,targets",
    [
        (
            "The Texas attorney general filed a lawsuit against OpenAI and its chief executive Sam Altman.",
            "en",
            {"OpenAI", "Sam Altman"},
        ),
        (
            "Le Texas a déposé plainte contre Microsoft et son président Brad Smith.",
            "fr",
            {"Microsoft", "Brad Smith"},
        ),
    ],
)
def test_a_company_and_its_executive_named_after_it_are_both_parties(text, lang, targets):
    ex = one(text, lang=lang)
    assert {t for _, typ, t in triples(ex) if typ == "SUED"} == targets


@pytest.mark.parametrize(
    "text,lang,actor",
    [
        ("A coalition of 12 U.S. states sued Zibbo Labs on Monday.", "en", "coalition of 12 u.s. states"),
        (
            "Un collectif de comédiens français a porté plainte contre Microsoft.",
            "fr",
            "collectif de comédiens français",
        ),
    ],
)
def test_a_group_described_by_its_members_is_the_actor_not_a_country_inside_it(text, lang, actor):
    ex = one(text, lang=lang)
    assert {
        re.sub(r"^(?:an?|une?)\s+", "", a, flags=re.I).lower() for a, typ, _ in triples(ex) if typ == "SUED"
    } == {actor}


@pytest.mark.parametrize(
    "text",
    [
        "After the hearing, the lawyer was ordered to pay the costs himself.",
        "The lawyer handed over a list of rulings requested by the judge.",
    ],
)
def test_a_described_subject_of_a_passive_is_not_the_one_who_acts(text):
    ex = one(text)
    assert not [a for a, typ, _ in triples(ex) if typ == "DEMANDED" and a.lower().startswith("the lawyer")]


@pytest.mark.parametrize(
    "text,lang,place",
    [
        ("The chatbot was restored in Italy after its maker said it had fixed the flaws.", "en", "Italy"),
        ("La vice-présidente du Bénin a déclaré que l'agence serait modernisée.", "fr", "Benin"),
        (
            "Les organisateurs du festival, aux États-Unis, ont déclaré vendredi que les règles changent.",
            "fr",
            "United States",
        ),
    ],
)
def test_a_country_named_as_a_place_or_a_complement_is_not_the_speaker(text, lang, place):
    ex = one(text, lang=lang)
    assert place not in {a for a, typ, _ in triples(ex) if typ == "STATED"}


def test_a_speaker_with_a_place_in_its_apposition_still_speaks():
    ex = one("Zibbo Labs, which runs coding classes for pupils in Brazil, denied any breach.")
    assert {a for a, typ, _ in triples(ex) if typ == "STATED"} == {"Zibbo Labs"}


@pytest.mark.parametrize(
    "text,lang",
    [
        ("The attorney general of Arizona, Kris Mayes, said on Tuesday the settlement was the largest.", "en"),
        ("La ministre du Numérique de la Belgique, Vanessa Matz, a déclaré mardi que X devait agir.", "fr"),
    ],
)
def test_an_office_and_its_holder_in_apposition_are_one_speaker_not_two(text, lang):
    ex = one(text, lang=lang)
    speakers = [{a for a, typ, _ in triples(ex) if typ == "STATED"}]
    assert len(speakers[0]) == 1 and speakers[0] <= {"Kris Mayes", "Vanessa Matz"}


@pytest.mark.parametrize(
    "text,lang,word",
    [
        ("Likewise, Zorbatron stated that its chatbots are labelled.", "en", "Likewise"),
        ("Pire, Zorbatron souligne que certains chatbots sont dangereux.", "fr", "Pire"),
    ],
)
def test_a_sentence_adverb_before_a_comma_is_no_name(text, lang, word):
    ex = one(text, lang=lang)
    assert word not in {e.name for e in ex.entities}


@pytest.mark.parametrize(
    "text",
    [
        "Microsoft n'a pas respecté la loi, a estimé mardi la CNIL.",
        "Microsoft n'a pas respecté la loi, estime la CNIL.",
    ],
)
def test_a_speech_verb_after_a_comma_has_its_subject_after_it_even_with_a_name_before(text):
    ex = one(text, lang="fr")
    assert {(a, t) for a, typ, t in triples(ex) if typ == "STATED"} == {
        ("Commission nationale de l'informatique et des libertés", "Microsoft")
    }


def test_these_bills_are_the_law_named_before():
    ex = one(
        "Governor Jane Roe signed the Online Safety for Kids Act on Monday. "
        "“These bills protect our children,” said Rep. Mark Doe."
    )
    assert ("Mark Doe", "STATED", "Online Safety for Kids Act") in triples(ex)


@pytest.mark.parametrize(
    "text,lang,etype,date",
    [
        (
            "Les régulateurs se sont réunis.\n\nLa CNIL ouvre une enquête sur Clearview AI.",
            "fr",
            "INVESTIGATED",
            "2025-03-12",
        ),
        ("Les régulateurs se sont réunis.\n\nLa CNIL a sanctionné Clearview AI.", "fr", "FINED", "2025-03-12"),
        ("Regulators met.\n\nItaly bans DeepSeek on government phones.", "en", "BANNED", "2025-03-12"),
        ("Les régulateurs se sont réunis.\n\nDepuis, la CNIL a sanctionné Clearview AI.", "fr", "FINED", None),
    ],
)
def test_an_undated_act_told_in_the_news_present_or_perfect_is_dated_by_the_report(text, lang, etype, date):
    ex = one(text, lang=lang)
    assert [e.date for e in ex.events if e.type.value == etype] == [date]


@pytest.mark.parametrize(
    "text,lang,day",
    [
        (
            "The Texas attorney general sued Meta on Monday over its chatbots.\n\n"
            "Ken Paxton said the suit protects children.",
            "en",
            "2025-03-10",
        ),
        (
            "La CNIL a sanctionné Meta hier.\n\n"
            "La présidente de la CNIL, Marie-Laure Denis, a déclaré que la sanction était nécessaire.",
            "fr",
            "2025-03-11",
        ),
    ],
)
def test_an_undated_statement_after_a_lead_that_dates_its_act_was_made_that_day(text, lang, day):
    ex = one(text, lang=lang)
    assert {e.date for e in ex.events if e.type.value == "STATED"} == {day}


def test_a_lead_dated_weeks_before_the_report_does_not_date_the_statements():
    ex = one(
        "The Texas attorney general sued Meta in January over its chatbots.\n\n"
        "Ken Paxton said the suit protects children."
    )
    assert {e.date for e in ex.events if e.type.value == "STATED"} == {"2025-03-12"}


def test_an_authority_restricting_nothing_named_is_no_event_but_a_company_restricting_its_own_service_is():
    assert not [e for e in one("Italy tightened the rules on Monday.").events if e.type is EventType.RESTRICTED]
    ex = one("Meta disabled the feature on Monday.")
    assert [(a, t) for a, typ, t in triples(ex) if typ == "RESTRICTED"] == [("Meta Platforms", None)]


@pytest.mark.parametrize(
    "text",
    [
        "Zorbatron Labs was ordered to pay the costs.",
        "Zorbatron Labs has been asked to halt its data sales.",
        "Zorbatron Labs was also warned by the court.",
    ],
)
def test_the_subject_of_a_passive_demand_is_not_the_one_who_demands(text):
    ex = one(text)
    assert not [a for a, typ, _ in triples(ex) if typ == "DEMANDED" and a == "Zorbatron Labs"]


@pytest.mark.parametrize(
    "text,body",
    [
        (
            "In Korea, the Fair Trade Commission opened a probe into Naver. Korea wants answers.",
            "Korea Fair Trade Commission",
        ),
        (
            "Nepal's cabinet approved the AI policy on Monday. Nepal hopes to lead.",
            "Council of Ministers of Nepal",
        ),
        (
            "Au Sénégal, la Cour suprême a tranché. Le Sénégal attendait cette décision.",
            "Supreme Court of Senegal",
        ),
    ],
)
def test_a_body_named_by_its_kind_alone_is_the_article_countrys(text, body):
    lang = "fr" if text.startswith("Au ") else "en"
    _, ms = trace(Article.from_text(text, language=lang, published="2025-03-12"))
    assert body in {m.actor.name for m in ms}


def test_a_generic_alias_at_the_end_of_a_longer_unknown_name_is_not_the_dictionary_body():
    _, ms = trace(
        Article.from_text(
            "The Zorbland Fair Trade Commission opened a probe into Meta.", language="en", published="2025-03-12"
        )
    )
    assert "European Commission" not in {m.actor.name for m in ms}


def test_a_chamber_named_alone_is_the_dictionarys_entry_for_the_articles_country():
    _, ms = trace(
        Article.from_text(
            "Mexico's lawmakers debated AI. The Senate approved the bill on Monday. Mexico hopes to lead.",
            language="en",
            published="2025-03-12",
        )
    )
    assert "Senate of Mexico" in {m.actor.name for m in ms} and "Mexican Senate" not in {m.actor.name for m in ms}


def test_telling_staff_not_to_use_an_app_is_a_ban():
    ex = one("Ohio told its employees not to use DeepSeek on work phones.")
    assert ("Ohio", "BANNED", "DeepSeek") in triples(ex)
    assert [e.modality for e in ex.events if e.type is EventType.BANNED] == [Modality.ASSERTED]
    ex = one("Ohio did not tell its employees to avoid DeepSeek.")
    assert not [e for e in ex.events if e.type is EventType.BANNED]


def test_a_capitalised_description_resolves_like_a_lower_case_one():
    ex = one(
        "The Federal Communications Commission fined Plover Telecom. "
        "The Commission later reached a separate settlement with Plover Telecom in May."
    )
    assert ("Federal Communications Commission", "SETTLED", "Plover Telecom") in triples(ex) or (
        "Plover Telecom",
        "SETTLED",
        "Federal Communications Commission",
    ) in triples(ex)


def test_a_name_opening_a_sentence_is_a_party_when_the_text_names_it_elsewhere():
    ex = one("Zorblit has filed a lawsuit against Anthropic. The suit says Anthropic scraped Zorblit.")
    assert ("Zorblit", "SUED", "Anthropic") in triples(ex)
    ex = one("Lawyers filed a lawsuit against Anthropic.")
    assert not [t for t in triples(ex) if t[0] == "Lawyers"]


def test_a_capital_in_a_lexicon_rule_means_a_name_even_though_rules_ignore_case():
    # "ordered any entity to": no name after the verb -- not "ordered X to"
    ex = one("The agency noted that it had never ordered any company to stop using such software.")
    assert not [e for e in ex.events if e.rule == "DEMANDED.en.order-to"]
    ex = one("The Garante ordered OpenAI to stop processing data.")
    assert ("Garante per la protezione dei dati personali", "DEMANDED", "OpenAI") in triples(ex)
    # "une conversation intime avec": "intime" is not the verb "intimer" before a name
    ex = one("Selon la plainte, le robot tenait une conversation intime avec l'adolescent.", lang="fr")
    assert not [e for e in ex.events if e.type is EventType.DEMANDED]


def test_the_subject_before_an_apposition_speaks():
    ex = one("Plover Labs, funded by investors including Amazon and Alphabet, denied the claims on Friday.")
    assert {t[0] for t in triples(ex) if t[1] == "STATED"} == {"Plover Labs"}


def test_a_country_qualifying_a_group_is_not_the_speaker():
    ex = one("Several U.S. lawmakers criticized the new export rules.")
    assert not [t for t in triples(ex) if t[0] == "United States"]


def test_denying_access_is_not_a_statement():
    ex = one("Regulators want to know whether Google has denied smaller rivals access to its app store.")
    assert not [e for e in ex.events if e.type is EventType.STATED]


# --------------------------------------------------------------------------------------------
# triggers read past dates and short parentheticals; an announcement of an event is the event


def test_a_date_or_a_parenthetical_inside_a_trigger_does_not_hide_it():
    for text in (
        "La Commission européenne a ouvert en mars une enquête approfondie sur Meta.",
        "La Commission européenne a ouvert, le 3 mars, une enquête sur Meta.",
        "La Commission européenne (DG Concurrence) a ouvert une enquête sur Meta.",
    ):
        ex = one(text, "fr")
        assert ("European Commission", "INVESTIGATED", "Meta Platforms") in triples(ex), text
    # the date is still the event's date: the mask only concerns what triggers read
    ex = one("La Commission européenne a ouvert, le 3 mars, une enquête sur Meta.", "fr")
    assert [ev.date for ev in ex.events if ev.type is EventType.INVESTIGATED] == ["2025-03-03"]


def test_an_announcement_or_statement_of_an_event_is_the_event_not_a_second_one():
    ex = one("La CNIL a annoncé mardi avoir infligé une amende de 800 000 euros à Meta.", "fr")
    assert {t[1] for t in triples(ex)} == {"FINED"}
    ex = one("The Federal Trade Commission said it had opened an investigation into OpenAI.")
    assert {t[1] for t in triples(ex)} == {"INVESTIGATED"}
    # an announced plan stays an announcement (beside the planned act)
    ex = one("Les associations LDH et SOS Racisme ont annoncé porter plainte contre Meta.", "fr")
    assert {t[1] for t in triples(ex)} == {"ANNOUNCED", "SUED"}
    assert {ev.modality for ev in ex.events if ev.type is EventType.SUED} == {Modality.PLANNED}


def test_the_body_a_complaint_is_lodged_with_is_not_its_target():
    ex = one("noyb a déposé une plainte auprès de l'autorité autrichienne contre OpenAI.", "fr")
    assert ("noyb", "SUED", "OpenAI") in triples(ex)
    assert not [t for t in triples(ex) if t[1] == "SUED" and t[2] != "OpenAI"]
    ex = one("noyb filed a complaint with the Irish Data Protection Commission against OpenAI.")
    assert [t for t in triples(ex) if t[1] == "SUED"] == [("noyb", "SUED", "OpenAI")]


def test_a_chamber_named_without_its_country_is_the_articles_countrys():
    ex = one(
        "Australia moved fast. The Senate on Tuesday passed the Online Harms Act, Australia's government said."
    )
    assert ("Australian Senate", "REGULATED", "Online Harms Act") in triples(ex)
    ex = one("La France avance. Le Sénat a adopté la loi sur le numérique mardi, en France.", "fr")
    names = {e.name for e in ex.entities}
    assert "French Senate" in names and "United States Senate" not in names


def test_the_subject_before_an_apposition_acts_not_a_name_inside_it():
    ex = one("The Federal Trade Commission, the main US consumer watchdog, opened an investigation into OpenAI.")
    assert triples(ex) == {("Federal Trade Commission", "INVESTIGATED", "OpenAI")}
    ex = one("La CNIL, qui avait déjà sanctionné Google, a ouvert une enquête sur Meta.", "fr")
    cnil = "Commission nationale de l'informatique et des libertés"
    assert (cnil, "INVESTIGATED", "Meta Platforms") in triples(ex)


def test_a_seat_before_a_generic_court_is_another_court():
    ex = one("The Madras High Court last week summoned OpenAI.")
    assert triples(ex) == {("Madras High Court", "INVESTIGATED", "OpenAI")}


def test_the_law_a_criminalising_verb_describes_is_its_target():
    ex = one("Le Maroc a proposé une loi pour criminaliser les deepfakes.", "fr")
    assert ("Morocco", "CRIMINALISED", "Loi pour criminaliser les deepfakes") in triples(ex)


def test_a_companys_own_restriction_in_answer_to_a_body_complies_with_it():
    ex = one("OpenAI a reconnu avoir suspendu son générateur d'images à la demande de la CNIL.", "fr")
    assert ("OpenAI", "COMPLIED", "Commission nationale de l'informatique et des libertés") in triples(ex)
    # no body named after the cue: nothing is complied with
    ex = one("OpenAI has paused the feature after a week of complaints from users.")
    assert not [t for t in triples(ex) if t[1] == "COMPLIED"]


def test_the_government_is_the_articles_country_more_than_a_country_named_once():
    text = (
        "China approved new rules on Monday. China's regulators said China would move fast. "
        "The United States disagreed. Chinese media said eleven firms had received approval "
        "from the government, including Baidu."
    )
    ex = one(text)
    assert ("Government of China", "ALLOWED", "Baidu") in triples(ex), triples(ex)


def test_members_listed_after_including_act_with_the_group():
    ex = one(
        "The Writers Union and 12 novelists, including Jane Roe, Mary Doe and Alan Poe, filed a "
        "lawsuit against OpenAI on Tuesday."
    )
    sued = {t[0] for t in triples(ex) if t[1] == "SUED" and t[2] == "OpenAI"}
    assert {"Jane Roe", "Mary Doe", "Alan Poe"} <= sued
    ex = one("Novelists Jane Roe, Mary Doe and Alan Poe sued OpenAI.")
    assert {t[0] for t in triples(ex) if t[1] == "SUED"} == {"Jane Roe", "Mary Doe", "Alan Poe"}


def test_a_suspension_by_an_authority_blocks_and_a_canadian_reglement_is_a_settlement():
    ex = one("The Malaysian Communications and Multimedia Commission suspended Grok on January 11.")
    assert {t[1] for t in triples(ex)} == {"BLOCKED_ACCESS"}
    ex = one("Une juge a validé en 2019 un règlement de 90 millions $ avec Google.", "fr")
    assert not [t for t in triples(ex) if t[1] == "REGULATED"]


def test_its_use_banned_is_the_product_named_before():
    ex = one(
        "Les Pays-Bas ont étudié DeepSeek pendant un mois puis ont interdit son usage dans les ministères.", "fr"
    )
    assert ("Netherlands", "BANNED", "DeepSeek") in triples(ex)


def test_a_suit_or_a_letter_speaks_for_those_who_brought_or_wrote_it():
    ex = one(
        "Getty Images sued Stability AI on Monday. The suit argues that Stability AI copied millions of photos."
    )
    assert ("Getty Images", "STATED", "Stability AI") in triples(ex)
    ex = one("Three senators wrote to Apple on Monday demanding answers. The letter said Apple had failed to act.")
    assert ("Three senators", "STATED", "Apple") in triples(ex)
    assert not [t for t in triples(ex) if t[0] == "Apple"]


@pytest.mark.parametrize(
    "text, speaker",
    [
        (
            "Laura Roe, la ministre irlandaise chargée de la protection de l'enfance, affirme que ces "
            "montages sont dangereux.",
            "Laura Roe",
        ),
        ("Le texte sera voté en mars, selon la ministre irlandaise du Numérique, Nora Kelly.", "Nora Kelly"),
        ("Jean Roux, juriste à l'université de Lyon, avait confié à l'AFP que Grok serait suspendu.", "Jean Roux"),
    ],
)
def test_a_person_then_her_role_speaks(text, speaker):
    ex = one(text, "fr")
    assert {t[0] for t in triples(ex) if t[1] == "STATED"} == {speaker}


def test_the_noun_annonce_is_no_announcement():
    assert not one("L'action Nvidia a légèrement progressé après l'annonce de Trump.", "fr").events
    assert {t[1] for t in triples(one("Apple annonce des mesures pour Siri.", "fr"))} == {"ANNOUNCED"}


def test_a_company_blocking_on_its_own_service_restricts_it_even_with_nothing_named():
    ex = one("X blocked searches for a pop star's name after fake images spread.")
    assert [(ev.type.value, ev.targets) for ev in ex.events] == [("RESTRICTED", ())]
    # ordered to block: a demand's complement, not the company's own act
    ex = one("Le régulateur a ordonné à DeepSeek de bloquer l'accès à son chatbot.", "fr")
    assert "RESTRICTED" not in {ev.type.value for ev in ex.events}


def test_a_bill_to_ban_is_a_law_not_a_ban():
    ex = one("In March, Congressmen Ravi Kumaran and Tom Decker introduced legislation to ban DeepSeek.")
    types = {t[1] for t in triples(ex)}
    assert "BANNED" not in types
    regulated = [t for t in triples(ex) if t[1] == "REGULATED"]
    assert regulated and regulated[0][2].startswith("Legislation to ban DeepSeek")
    assert {t[0] for t in regulated} == {"Ravi Kumaran", "Tom Decker"}


def test_a_national_authority_with_another_remit_is_not_the_data_protection_authority():
    ex = one("L'autorité chinoise de régulation des marchés ouvre une enquête visant Nvidia.", "fr")
    actors = {t[0] for t in triples(ex) if t[1] == "INVESTIGATED"}
    assert actors and not any("Data protection" in a for a in actors), actors


@pytest.mark.parametrize(
    "text,lang,actor,target",
    [
        (
            "Les parents d'une lycéenne lyonnaise ont porté plainte contre OpenAI lundi.",
            "fr",
            "Les parents d'une lycéenne lyonnaise",
            "OpenAI",
        ),
        (
            "A coalition of Dutch publishers filed a lawsuit against Perplexity on Monday.",
            "en",
            "A coalition of Dutch publishers",
            "Perplexity",
        ),
    ],
)
def test_a_described_group_is_the_actor_when_no_name_is(text, lang, actor, target):
    def bare(name):
        return re.sub(r"^(?:a|an|the|les|des)\s+", "", name.lower())

    assert (bare(actor), "SUED", target) in {(bare(a), p, t) for a, p, t in triples(one(text, lang))}


def test_a_described_group_does_not_speak_for_a_name_in_it():
    ex = one("The parents of Jane Roe sued OpenAI on Monday.")
    assert not [t for t in triples(ex) if t[0].startswith("The parents")]


def test_the_plaintiffs_speak_for_the_suit_they_brought():
    ex = one(
        "Two newspapers sued Zibbo Labs in Tokyo. The plaintiffs argue that Zibbo Labs copied their articles."
    )
    stated = [t for t in triples(ex) if t[1] == "STATED"]
    sued = [t for t in triples(ex) if t[1] == "SUED"]
    assert sued and stated and stated[0][0] == sued[0][0]


def test_two_untitled_people_joined_by_and_are_two_people():
    ex = one("Jane Roe and Tom Decker argue that the model copies their novels.")
    assert {t[0] for t in triples(ex) if t[1] == "STATED"} == {"Jane Roe", "Tom Decker"}


@pytest.mark.parametrize(
    "text",
    [
        "Senator Jane Roe, chair of the Senate Commerce Committee, sent letters to OpenAI asking them to act.",
        "Sen. Jane Roe, D-Ore., Chairman of the Senate Commerce Panel, "
        "sent a slew of letters to OpenAI on Friday.",
    ],
)
def test_the_subject_before_a_role_apposition_acts(text):
    assert ("Jane Roe", "DEMANDED", "OpenAI") in triples(one(text))


def test_the_recipients_of_a_letter_are_its_targets():
    ex = one(
        "Senator Jane Roe sent letters to OpenAI on Monday. The recipients include Midjourney and Mistral AI."
    )
    assert {t[2] for t in triples(ex) if t[1] == "DEMANDED" and t[0] == "Jane Roe"} >= {
        "OpenAI",
        "Midjourney",
        "Mistral AI",
    }


def test_a_planned_trigger_with_a_date_inside_it_is_coded_not_a_crash():
    # the trigger matches the body with its dates blanked out; the real words hold the date
    ex = one("La Belgique a présenté ce jeudi 3 avril un projet de loi sur le numérique.", "fr")
    [ev] = [e for e in ex.events if e.type.value == "REGULATED"]
    assert ev.modality.value == "planned"


@pytest.mark.parametrize(
    "text,lang,triple",
    [
        ("Japanese regulators granted approvals to Baidu on Monday.", "en", ("Japan", "ALLOWED", "Baidu")),
        ("Les régulateurs italiens ont bloqué ChatGPT.", "fr", ("Italy", "BLOCKED_ACCESS", "ChatGPT")),
        (
            "La police sud-coréenne a ouvert une enquête contre Telegram.",
            "fr",
            ("South Korea", "INVESTIGATED", "Telegram"),
        ),
    ],
)
def test_a_countrys_regulators_or_police_named_by_nationality_act_for_it(text, lang, triple):
    assert triple in triples(one(text, lang))


# --------------------------------------------------------------------------------------------
# coder 1.11.0: descriptions by office, capitals, affiliations, lists, national name forms


@pytest.mark.parametrize(
    "text,lang,triple",
    [
        (
            "Senator Jane Roe met Meta's lawyers. On Monday the senator wrote to Meta about its chatbots.",
            "en",
            ("Jane Roe", "DEMANDED", "Meta Platforms"),
        ),
        (
            "La ministre du Numérique, Anne Roux, était à Paris. "
            "La ministre a demandé à Meta de retirer les images.",
            "fr",
            ("Anne Roux", "DEMANDED", "Meta Platforms"),
        ),
        (
            "Commissioner Carl Doe spoke first. "
            "The privacy commissioner has opened an investigation into Clearview AI.",
            "en",
            ("Carl Doe", "INVESTIGATED", "Clearview AI"),
        ),
    ],
)
def test_a_person_named_again_by_their_office_is_that_person(text, lang, triple):
    assert triple in triples(one(text, lang))


def test_an_office_followed_by_its_holders_name_is_an_apposition_not_a_back_reference():
    # "la ministre ..., Anne Roux": the minister is the name that follows, not the earlier person
    ex = one(
        "Jean Martin a parlé. Selon la ministre britannique de la Culture, Anne Roux, la loi sera votée.", "fr"
    )
    speakers = {t[0] for t in triples(ex) if t[1] == "STATED"}
    assert "Anne Roux" in speakers and "Jean Martin" not in speakers


def test_the_office_word_picks_the_person_it_was_given_to():
    ex = one("Senator Jane Roe and the chief executive Tom Blake met. The senator wrote to Google on Friday.")
    assert ("Jane Roe", "DEMANDED", "Google") in triples(ex)
    assert not any(t[0] == "Tom Blake" and t[1] == "DEMANDED" for t in triples(ex))


@pytest.mark.parametrize(
    "text,lang,actor",
    [
        ("Londres a dénoncé mardi la décision de Meta.", "fr", "Government of United Kingdom"),
        ("The talks stalled. Beijing has warned Nvidia over its chips.", "en", "Government of China"),
    ],
)
def test_a_capital_as_subject_stands_for_its_government(text, lang, actor):
    assert any(t[0] == actor for t in triples(one(text, lang)))


@pytest.mark.parametrize(
    "text",
    [
        "She moved to London and said the rules were weak.",
        "Washington has passed a law on deepfakes.",  # in English, the state
    ],
)
def test_a_capital_elsewhere_is_a_place(text):
    names = {e.name for e in one(text).entities}
    assert not any(n.startswith("Government of") for n in names)


def test_a_statement_is_not_about_the_speakers_own_organisation():
    ex = one("Jane Roe, chief executive of Brightloop, said Acme Labs had copied its songs.")
    topics = {t[2] for t in triples(ex) if t[1] == "STATED" and t[0] == "Jane Roe"}
    assert "Acme Labs" in topics and "Brightloop" not in topics


def test_a_legal_form_alone_or_a_full_stop_is_not_a_name():
    ex = one(
        "The regulator settled with a healthcare company called Zorblat Diagnostics. "
        "It also sued Quenton Labs (USA) Inc. and Brightloop Inc. on Friday."
    )
    names = {e.name for e in ex.entities}
    assert "Zorblat Diagnostics" in names and "Zorblat Diagnostics." not in names
    assert not names & {"Inc", "Inc."}


def test_unknown_names_listed_beside_known_companies_are_companies():
    ex = one("Rights holders including Zorblat Labs, Quenton Robotics and OpenAI sued Acme Labs.")
    ents = {e.name: e.type.value for e in ex.entities}
    assert ents.get("Zorblat Labs") == "Company" and ents.get("Quenton Robotics") == "Company"
    assert {("Zorblat Labs", "SUED", "Acme Labs"), ("Quenton Robotics", "SUED", "Acme Labs")} <= triples(ex)


def test_a_news_organisation_in_a_list_of_plaintiffs_sues_with_the_others():
    ex = one("Zorblat Labs, The New York Times and OpenAI sued Acme Labs on Monday.")
    assert {("The New York Times", "SUED", "Acme Labs"), ("Zorblat Labs", "SUED", "Acme Labs")} <= triples(ex)


def test_a_list_with_a_country_in_it_is_left_alone():
    ex = one("Delegates from France, Quenton Press and Zorblat signed.")
    assert "Quenton Press" not in {e.name for e in ex.entities if e.type.value == "Company"}


def test_a_french_body_with_its_nationality_inside_its_name_is_known():
    ex = one("L’Autorité française de la concurrence inflige une amende à Google.", "fr")
    assert ("Autorité de la concurrence", "FINED", "Google") in triples(ex)


def test_the_antecedent_of_which_is_doing_is_the_actor():
    ex = one(
        "Ofcom said it had alerted the Information Commissioner's Office, which is opening "
        "its own inquiry into Clearview AI."
    )
    assert ("Information Commissioner's Office", "INVESTIGATED", "Clearview AI") in triples(ex)


def test_the_government_of_a_named_country_is_its_government():
    ex = one("Japan's cabinet met on Friday. The government will set up a dedicated AI monitoring unit.")
    assert any(t[0] == "Government of Japan" and t[1] == "ANNOUNCED" for t in triples(ex))


def test_the_authors_are_the_people_coordinated_before_not_the_companies():
    ex = one("Jane Roe and Tom Blake sued Acme Labs and OpenAI. The authors say the two firms copied their books.")
    speakers = {t[0] for t in triples(ex) if t[1] == "STATED"}
    assert {"Jane Roe", "Tom Blake"} <= speakers and not speakers & {"Acme Labs", "OpenAI"}


def test_a_platform_after_sur_is_not_a_co_speaker():
    ex = one("Dans une série de messages sur X, OpenAI déplore les actions de Musk.", "fr")
    assert {t[0] for t in triples(ex) if t[1] == "STATED"} == {"OpenAI"}


@pytest.mark.parametrize(
    "text,lang,law",
    [
        ("The Ohio General Assembly passed HB 2094 in February.", "en", "HB 2094"),
        ("L'Assemblée nationale du Québec a adopté le projet de loi 64 mardi.", "fr", "Projet de loi 64"),
    ],
)
def test_a_bill_named_by_its_number_is_a_law(text, lang, law):
    assert any(t[1] == "REGULATED" and t[2] == law for t in triples(one(text, lang)))


def test_an_inverted_condition_is_not_an_act():
    ex = one("Had Governor Jane Roe signed SB 12, it would be law.")
    assert not any(e.type.value == "REGULATED" for e in ex.events)
    assert any(r.reason.value == "threat_or_possibility" for r in ex.rejected)
    assert ("Jane Roe", "REGULATED", "SB 12") in triples(one("Governor Jane Roe signed SB 12 on Monday."))


def test_a_description_with_an_optional_plural_is_scanned_when_only_its_singular_is_there():
    # the prefilter's literal keys of "measures?" were "measures": "The measure" was never seen
    ex = one("The Ohio legislature passed HB 2094. The measure was approved by the Ohio legislature.")
    art = Article.from_text(
        "The Ohio legislature passed HB 2094. The measure was approved.", language="en", published="2025-03-12"
    )
    names = {m.surface for m in trace(art)[1]}
    assert "The measure" in names
    assert ("Ohio General Assembly", "REGULATED", "HB 2094") in triples(ex)


@pytest.mark.parametrize(
    "text,lang,triple",
    [
        (
            "The United Kingdom signed the Zorblat Declaration on Wednesday.",
            "en",
            ("United Kingdom", "REGULATED", "Zorblat Declaration"),
        ),
        (
            "The G7 adopted the Quenton Code of Conduct for Advanced AI Systems.",
            "en",
            ("G7", "REGULATED", "Quenton Code of Conduct for Advanced AI Systems"),
        ),
        (
            "La France a signé la Déclaration de Zorblat sur l'IA.",
            "fr",
            ("France", "REGULATED", "Déclaration de Zorblat"),
        ),
    ],
)
def test_declarations_and_codes_are_instruments_states_and_intergovernmental_bodies_adopt(text, lang, triple):
    assert triple in triples(one(text, lang))


def test_an_ngo_adopting_principles_is_not_a_law_being_made():
    ex = one("The Electronic Frontier Foundation adopted the Zorblat Principles.")
    assert not any(e.type.value == "REGULATED" for e in ex.events)


def test_an_undated_present_perfect_act_is_dated_by_the_report_unless_told_as_background():
    body = (
        "Brightloop makes a chatbot. It is popular with teenagers.\n\n"
        "Ofcom has fined Brightloop over its age checks. The CNIL had fined Brightloop in the past."
    )
    ex = one(body, published="2025-03-12")
    by = {e.evidence[:10]: e.date for e in ex.events if e.type.value == "FINED"}
    assert by.get("Ofcom has ") == "2025-03-12"
    assert by.get("The CNIL h") is None
