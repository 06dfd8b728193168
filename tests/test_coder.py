"""The offline event coder: the seed article's facts, new sentences of our own, modality."""

from pathlib import Path

import pytest

from graph.model import Article, EventType, Modality, RejectReason
from loaders.coder import CODER_VERSION, code, split_sentences
from loaders.read import read_file
from tests.corpus_paths import corpus_dir

CORPUS = corpus_dir()


def triples(ex):
    names = {e.id: e.name for e in ex.entities}
    return {(names[a], ev.type.value, names[t] if t else None)
            for ev in ex.events for a in ev.actors for t in (ev.targets or (None,))}


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
    assert seed.article.body[ev.evidence_start:].startswith(ev.evidence)
    ents = {e.name: e for e in seed.entities}
    assert ents["Malaysia"].wikidata == "Q833" and "Malaisie" in ents["Malaysia"].aliases
    assert ents["Indonesia"].wikidata == "Q252"


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

@pytest.mark.parametrize("lang,text,expected", [
    ("en", "The French data protection authority CNIL fined Clearview AI 20 million euros on Tuesday.",
     ("Commission nationale de l'informatique et des libertés", "FINED", "Clearview AI")),
    ("fr", "La CNIL a infligé une amende de 20 millions d'euros à Clearview AI mardi.",
     ("Commission nationale de l'informatique et des libertés", "FINED", "Clearview AI")),
    ("en", "Clearview AI was fined by the Dutch data protection watchdog on Monday.",
     ("Dutch Data Protection Authority", "FINED", "Clearview AI")),
    ("en", "Spain's data protection agency opened an investigation into DeepSeek last week.",
     ("Agencia Española de Protección de Datos", "INVESTIGATED", "DeepSeek")),
    ("fr", "La Commission européenne a ouvert une enquête visant Meta et TikTok.",
     ("European Commission", "INVESTIGATED", "TikTok")),
    ("en", "South Korea blocked access to DeepSeek on Monday.", ("South Korea", "BLOCKED_ACCESS", "DeepSeek")),
    ("fr", "Le Brésil a bloqué l'accès à X samedi.", ("Brazil", "BLOCKED_ACCESS", "X")),
    ("en", "The Pentagon banned Claude on government devices.",
     ("United States Department of Defense", "BANNED", "Claude")),
    ("fr", "L'Italie a interdit ChatGPT en mars 2023.", ("Italy", "BANNED", "ChatGPT")),
    ("en", "Two writers sued Apple and Microsoft in federal court on Friday.", ("Two writers", "SUED", "Microsoft")),
    ("fr", "Getty Images a porté plainte contre Midjourney.", ("Getty Images", "SUED", "Midjourney")),
    ("en", "Five Republican senators urged Nvidia and Microsoft to halt sales.",
     ("Five Republican senators", "DEMANDED", "Nvidia")),
    ("fr", "La CNIL a demandé à Mistral AI de supprimer les données.",
     ("Commission nationale de l'informatique et des libertés", "DEMANDED", "Mistral AI")),
    ("en", "The European Parliament adopted the AI Act on Wednesday.", ("European Parliament", "REGULATED", "AI Act")),
    ("fr", "Le Parlement européen a adopté l'AI Act mercredi.", ("European Parliament", "REGULATED", "AI Act")),
    ("en", "OpenAI restricted ChatGPT for teenagers last month.", ("OpenAI", "RESTRICTED", "ChatGPT")),
    ("en", "Meta agreed to suspend its AI training plans.", ("Meta Platforms", "COMPLIED", None)),
    ("en", "Microsoft announced the Copilot safety rules on Thursday.", ("Microsoft", "ANNOUNCED", "Copilot")),
    ("en", "The Garante lifted the ban on ChatGPT.",
     ("Garante per la protezione dei dati personali", "ALLOWED", "ChatGPT")),
    ("en", "“We will comply with every law,” said Sam Altman on Tuesday.", ("Sam Altman", "STATED", None)),
    ("fr", "« Nous respecterons la loi », a déclaré Arthur Mensch jeudi.", ("Arthur Mensch", "STATED", None)),
])
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
    ex = one("Senator Ron Wyden criticised the company on Monday. “This is a disgrace and the "
             "FTC must act now,” he said.")
    ev = [e for e in ex.events if e.quote]
    assert ev and {x.name for x in ex.entities if x.id in ev[0].actors} == {"Ron Wyden"}


# --------------------------------------------------------------------------------------------
# modality and rejections

@pytest.mark.parametrize("lang,text", [
    ("en", "The FTC could fine OpenAI if the complaint is upheld."),
    ("fr", "La CNIL pourrait infliger une amende à Mistral AI."),
    ("en", "The CNIL did not fine Google."),
    ("en", "Italy may ban DeepSeek next year."),
])
def test_possibilities_and_denials_are_rejected(lang, text):
    ex = one(text, lang)
    assert ex.events == ()
    assert any(r.reason is RejectReason.THREAT_OR_POSSIBILITY for r in ex.rejected)


def test_missing_roles_are_rejected_with_reason():
    ex = one("Anthropic settled the lawsuit brought by authors.")
    assert ex.events == () and ex.rejected[0].reason is RejectReason.NO_TARGET
    ex = one("Officials fined Replika 5 million euros.")
    assert ex.events == () and ex.rejected[0].reason is RejectReason.NO_ACTOR
    # an agentless passive is no event at all (no actor to code)
    assert one("DeepSeek was banned from use in all agencies.").events == ()


def test_repeated_event_is_a_duplicate():
    ex = one("Australia has banned DeepSeek from government devices. Australia has banned DeepSeek "
             "from government systems, citing security risks.")
    assert len(ex.events) == 1
    assert any(r.reason is RejectReason.DUPLICATE for r in ex.rejected)


def test_type_constraints():
    # a Law is not investigated; a company does not fine a country
    assert not one("The FTC opened an investigation into the AI Act.").events
    assert not [e for e in one("Google fined Italy 5 million euros.").events if e.type is EventType.FINED]


# --------------------------------------------------------------------------------------------
# contract

def test_sentence_offsets_are_exact_and_quotes_kept_whole():
    text = ('Elon Musk a déclaré mercredi. "Je n\'ai rien vu. Littéralement zéro", a déclaré M. Musk.\n'
            'Gov. Polis signed SB 205 on Friday. U.S. Sen. Hawley (R-Mo.) wrote to Meta.')
    spans = split_sentences(text)
    got = [text[a:b] for a, b in spans]
    assert got == ["Elon Musk a déclaré mercredi.",
                   '"Je n\'ai rien vu. Littéralement zéro", a déclaré M. Musk.',
                   "Gov. Polis signed SB 205 on Friday.",
                   "U.S. Sen. Hawley (R-Mo.) wrote to Meta."]


def test_event_ids_and_evidence_validate_and_are_deterministic():
    art = Article.from_text("Italy's data watchdog fined OpenAI 15 million euros on Friday. "
                            "The European Commission opened an investigation into Meta.",
                            language="en", published="2024-12-21")
    a, b = code(art), code(art)
    assert [e.id for e in a.events] == [e.id for e in b.events] and len(a.events) == 2
    a.validate()
    assert all(art.body[e.evidence_start:e.evidence_start + len(e.evidence)] == e.evidence for e in a.events)
    assert isinstance(CODER_VERSION, str) and CODER_VERSION
