"""A small hand-built graph with known answers, independent of the coder.

Two articles: a French one (Malaysia and Indonesia block Grok and sue X and xAI; senators
demand Apple and Google remove X; Musk states a quote; the UK plans to criminalise; X
restricts Grok) and an English one that reports the block again with another date,
plus a fine by the CNIL of an awkwardly named company.
"""

from __future__ import annotations

from graph.model import Article, Entity, Event, Extraction, event_id

FR_BODY = (
    "La Malaisie et l'Indonésie ont bloqué l'accès à Grok et poursuivent X et xAI en justice. "
    "Trois sénateurs démocrates ont demandé à Apple et Google de retirer X. "
    '"Littéralement zéro", a déclaré Elon Musk. '
    "Le Royaume-Uni va criminaliser la création de telles images. "
    "La semaine dernière, X a restreint Grok."
)
EN_BODY = (
    "Malaysia and Indonesia blocked access to Grok on Sunday, officials said. "
    "France's CNIL fined O'Brien \"Tech\" / Ünïcode{x} 5 million euros."
)

E = {
    "my": Entity("Q833", "Malaysia", "Country", ("Malaisie",), "Q833"),
    "id": Entity("Q252", "Indonesia", "Country", ("Indonésie",), "Q252"),
    "uk": Entity("Q145", "United Kingdom", "Country", ("Royaume-Uni",), "Q145"),
    "grok": Entity("product:grok", "Grok", "Product", ("Grok",)),
    "x": Entity("Q918", "X", "Company", ("X",), "Q918"),
    "xai": Entity("company:xai", "xAI", "Company", ("xAI",)),
    "apple": Entity("Q312", "Apple", "Company", ("Apple",), "Q312"),
    "google": Entity("Q95", "Google", "Company", ("Google",), "Q95"),
    "sen": Entity(
        "person:three-us-democratic-senators",
        "Three US Democratic senators",
        "Person",
        ("Trois sénateurs démocrates",),
    ),
    "musk": Entity("Q317521", "Elon Musk", "Person", ("Musk",), "Q317521"),
    "cnil": Entity("Q1144685", "CNIL", "Regulator", ("CNIL",), "Q1144685"),
    "obrien": Entity(
        "company:o-brien-tech-unicode-x",
        'O\'Brien "Tech" / Ünïcode{x}',
        "Company",
        ('O\'Brien "Tech" / Ünïcode{x}',),
    ),
}


def _event(art: Article, type_: str, actors: list[str], targets: list[str], sentence: str, **kw) -> Event:
    start = art.body.index(sentence)
    ids_a = [E[a].id for a in actors]
    ids_t = [E[t].id for t in targets]
    return Event(
        id=event_id(art.id, type_, ids_a, ids_t, start),
        type=type_,
        actors=ids_a,
        targets=ids_t,
        evidence=sentence,
        evidence_start=start,
        **kw,
    )


def _extraction(art: Article, events: list[Event]) -> Extraction:
    used = {x for ev in events for x in ev.actors + ev.targets}
    return Extraction(art, [e for e in E.values() if e.id in used], events)


def french() -> Extraction:
    art = Article.from_text(
        FR_BODY, title="Grok", published="2026-01-14", language="fr", source="fr.txt", url="https://example.org/fr"
    )
    s1 = "La Malaisie et l'Indonésie ont bloqué l'accès à Grok et poursuivent X et xAI en justice."
    s2 = "Trois sénateurs démocrates ont demandé à Apple et Google de retirer X."
    s3 = '"Littéralement zéro", a déclaré Elon Musk.'
    s4 = "Le Royaume-Uni va criminaliser la création de telles images."
    s5 = "La semaine dernière, X a restreint Grok."
    events = [
        _event(art, "BLOCKED_ACCESS", ["my", "id"], ["grok"], s1, date="2026-01", confidence=0.9),
        _event(art, "SUED", ["my", "id"], ["x", "xai"], s1, date="2026-01", confidence=0.8),
        _event(
            art,
            "DEMANDED",
            ["sen"],
            ["apple", "google"],
            s2,
            date="2026-01-05/2026-01-11",
            detail="remove X",
            confidence=0.85,
        ),
        _event(art, "STATED", ["musk"], [], s3, date="2026-01-14", quote="Littéralement zéro", confidence=0.9),
        _event(
            art, "CRIMINALISED", ["uk"], [], s4, date="2026-01-12/2026-01-18", modality="planned", confidence=0.7
        ),
        _event(art, "RESTRICTED", ["x"], ["grok"], s5, date="2026-01-05/2026-01-11", confidence=0.8),
    ]
    return _extraction(art, events)


def english() -> Extraction:
    art = Article.from_text(
        EN_BODY,
        title="Malaysia blocks Grok",
        published="2026-01-12",
        language="en",
        source="en.txt",
        url="https://example.org/en",
    )
    s1 = "Malaysia and Indonesia blocked access to Grok on Sunday, officials said."
    s2 = "France's CNIL fined O'Brien \"Tech\" / Ünïcode{x} 5 million euros."
    events = [
        _event(
            art,
            "BLOCKED_ACCESS",
            ["my", "id"],
            ["grok"],
            s1,
            date="2026-01-11",
            date_text="on Sunday",
            confidence=0.95,
        ),
        _event(art, "FINED", ["cnil"], ["obrien"], s2, date="2026-01", detail="5 million euros", confidence=0.9),
    ]
    return _extraction(art, events)


def both() -> list[Extraction]:
    return [french(), english()]
