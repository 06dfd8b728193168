"""Synthetic, seeded corpora for the benchmarks.

Two generators share one vocabulary (the real entity names of ``loaders/data/*.jsonl``) and
one set of sentence templates per event type, in French and English:

* :func:`articles` -- N distinct news articles (``graph.model.Article``), 1.5-3 kB of UTF-8
  each, for the extraction benchmark (they go through the coder);
* :func:`extractions` -- N ``Extraction`` records built directly (no coder), with evidence at
  its exact offset in a realistic body, Zipf-skewed actors (a few entities are in most news)
  and ~15 % of events re-reported by later articles (the same fact from several sources), to
  build big graphs fast for the store and query benchmarks.

Both are deterministic for a given seed.

>>> a = articles(3, seed=1)
>>> len({x.id for x in a}), all(1500 <= len(x.body.encode()) <= 3100 for x in a)
(3, True)
>>> ex = extractions(5, events_per_article=4, seed=1)
>>> sum(len(e.events) for e in ex)
20
"""

from __future__ import annotations

import bisect
import itertools
import json
import random
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterator

from graph.model import Article, Entity, EntityType, Event, EventType, Extraction, Modality, entity_id, event_id

DATA = Path(__file__).resolve().parent.parent / "loaders" / "data"

__all__ = ["Vocab", "vocabulary", "articles", "extractions", "body_stats"]


# ---------------------------------------------------------------------------------------------
# vocabulary


@dataclass(frozen=True)
class Name:
    id: str
    en: str
    fr: str
    type: EntityType
    wikidata: str | None
    aliases: tuple[str, ...]

    def entity(self) -> Entity:
        return Entity(
            self.id, self.en, self.type, tuple(a for a in self.aliases if a != self.en)[:6], self.wikidata
        )


@dataclass(frozen=True)
class Vocab:
    by_type: dict[EntityType, tuple[Name, ...]]
    all: tuple[Name, ...]


@lru_cache(maxsize=1)
def vocabulary() -> Vocab:
    """Entities of ``actors.jsonl`` and ``countries.jsonl`` (deduplicated by id)."""
    names: dict[str, Name] = {}
    with (DATA / "actors.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            r = json.loads(line)
            t = EntityType.parse(r["type"])
            eid = entity_id(r["name"], t, r.get("wikidata"))
            fr = next((a for a in r.get("aliases", ()) if any(c in a for c in "éèàçôî'’")), r["name"])
            names.setdefault(
                eid,
                Name(
                    eid,
                    r["name"],
                    fr if len(fr) > 2 else r["name"],
                    t,
                    r.get("wikidata"),
                    tuple(r.get("aliases", ())),
                ),
            )
    with (DATA / "countries.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            r = json.loads(line)
            eid = entity_id(r["name"], EntityType.COUNTRY, r.get("wikidata"))
            names.setdefault(
                eid,
                Name(
                    eid,
                    r["name"],
                    r.get("name_fr") or r["name"],
                    EntityType.COUNTRY,
                    r.get("wikidata"),
                    tuple(r.get("aliases", ())),
                ),
            )
    by_type: dict[EntityType, list[Name]] = {t: [] for t in EntityType}
    for n in names.values():
        by_type[n.type].append(n)
    return Vocab({t: tuple(v) for t, v in by_type.items()}, tuple(names.values()))


_SYN_PREFIX = [
    "Veri",
    "Nimbus",
    "Aster",
    "Lumen",
    "Orion",
    "Cobalt",
    "Helix",
    "Quanta",
    "Sable",
    "Vireo",
    "Kestrel",
    "Arbor",
    "Pioneer",
    "Zephyr",
    "Mosaic",
    "Tessera",
    "Nova",
    "Atlas",
    "Cinder",
    "Halcyon",
]
_SYN_SUFFIX = {
    EntityType.COMPANY: ["Labs", "AI", "Systems", "Analytics", "Technologies", "Robotics"],
    EntityType.PRODUCT: ["Chat", "Vision", "Assist", "GPT", "Studio", "Voice"],
    EntityType.PERSON: None,
}
_FIRST = [
    "Alice",
    "Bruno",
    "Chloé",
    "David",
    "Elena",
    "Farid",
    "Greta",
    "Hugo",
    "Inès",
    "Jonas",
    "Karim",
    "Léa",
    "Marta",
    "Nadia",
    "Omar",
    "Paula",
    "Quentin",
    "Rosa",
    "Samir",
    "Tess",
]
_LAST = [
    "Martin",
    "Bernard",
    "Dubois",
    "Okafor",
    "Nakamura",
    "Schmidt",
    "Rossi",
    "García",
    "Kowalski",
    "Haddad",
    "Lindqvist",
    "Moreau",
    "Fischer",
    "Costa",
    "Novak",
    "Petit",
    "Laurent",
    "Ito",
    "Silva",
    "Khan",
]


def _synthetic(n: int, rng: random.Random) -> list[Name]:
    """``n`` invented companies, products and people (for graphs bigger than the vocabulary)."""
    out: list[Name] = []
    kinds = [EntityType.COMPANY, EntityType.PRODUCT, EntityType.PERSON]
    for i in range(n):
        t = kinds[i % 3]
        if t is EntityType.PERSON:
            name = f"{rng.choice(_FIRST)} {rng.choice(_LAST)}-{i}"
        else:
            name = f"{rng.choice(_SYN_PREFIX)}{rng.choice(_SYN_PREFIX).lower()} {rng.choice(_SYN_SUFFIX[t])} {i}"
        out.append(Name(entity_id(name, t), name, name, t, None, (name,)))
    return out


# ---------------------------------------------------------------------------------------------
# templates: {A} actor, {T} target, {D} date phrase, {N} number, {Q} quote

ACTORS = {  # plausible actor / target types per event type
    EventType.BANNED: ([EntityType.GOVERNMENT, EntityType.COUNTRY, EntityType.REGULATOR], [EntityType.PRODUCT]),
    EventType.BLOCKED_ACCESS: ([EntityType.COUNTRY, EntityType.REGULATOR], [EntityType.PRODUCT]),
    EventType.DEMANDED: ([EntityType.REGULATOR, EntityType.LEGISLATURE, EntityType.PERSON], [EntityType.COMPANY]),
    EventType.STATED: ([EntityType.PERSON, EntityType.COMPANY], [EntityType.PRODUCT, EntityType.LAW]),
    EventType.SUED: ([EntityType.COMPANY, EntityType.ORGANIZATION, EntityType.PERSON], [EntityType.COMPANY]),
    EventType.INVESTIGATED: ([EntityType.REGULATOR], [EntityType.COMPANY]),
    EventType.FINED: ([EntityType.REGULATOR], [EntityType.COMPANY]),
    EventType.RESTRICTED: ([EntityType.COMPANY, EntityType.REGULATOR], [EntityType.PRODUCT]),
    EventType.REGULATED: ([EntityType.LEGISLATURE, EntityType.GOVERNMENT], [EntityType.LAW]),
    EventType.CRIMINALISED: ([EntityType.GOVERNMENT, EntityType.COUNTRY], [EntityType.PRODUCT]),
    EventType.ALLOWED: ([EntityType.COURT, EntityType.REGULATOR], [EntityType.PRODUCT]),
    EventType.ANNOUNCED: ([EntityType.COMPANY], [EntityType.PRODUCT]),
    EventType.COMPLIED: ([EntityType.COMPANY], [EntityType.PRODUCT]),
    EventType.SETTLED: ([EntityType.COMPANY], [EntityType.ORGANIZATION, EntityType.PERSON]),
}

EN = {
    EventType.BANNED: [
        "{A} has banned {T} on government devices {D}, citing security concerns.",
        "{A} banned {T} in public schools {D} after a consultation with teachers.",
    ],
    EventType.BLOCKED_ACCESS: [
        "{A} blocked access to {T} {D} after a review of its content moderation.",
        "Regulators in {A} blocked access to {T} {D}, pending an audit of the service.",
    ],
    EventType.DEMANDED: [
        "{A} urged {T} to explain how its models are trained, in a letter sent {D}.",
        "{A} demanded that {T} remove the offending images within 48 hours {D}.",
    ],
    EventType.STATED: ['"{Q}," {A} said {D}.', '{A} said {D} that the rules on {T} were "{Q}".'],
    EventType.SUED: [
        "{A} sued {T} {D} in a federal court, alleging copyright infringement.",
        "{A} filed a lawsuit against {T} {D} over the use of its archives to train chatbots.",
    ],
    EventType.INVESTIGATED: [
        "{A} opened an investigation into {T} {D} over its handling of personal data.",
        "{A} launched a formal investigation into {T} {D} about deceptive design.",
    ],
    EventType.FINED: [
        "{A} fined {T} {N} million euros {D} for breaching data protection rules.",
        "{A} fined {T} {N} million euros {D} over the processing of children's data.",
    ],
    EventType.RESTRICTED: [
        "{A} restricted {T} for users under 18 {D}.",
        "{A} restricted {T} in several markets {D} while engineers reviewed the filters.",
    ],
    EventType.REGULATED: [
        "{A} adopted the {T} {D}, with most provisions applying two years later.",
        "{A} passed the {T} {D} by a large majority.",
    ],
    EventType.CRIMINALISED: [
        "{A} will criminalise the creation of sexual deepfakes made with {T}, under rules adopted {D}."
    ],
    EventType.ALLOWED: [
        "{A} authorized {T} to resume operations {D} under strict conditions.",
        "{A} lifted the ban on {T} {D} after new safeguards were put in place.",
    ],
    EventType.ANNOUNCED: [
        "{A} announced {T} {D}, with new safeguards for minors.",
        "{A} unveiled {T} {D} at a developer conference.",
    ],
    EventType.COMPLIED: [
        "{A} agreed to suspend {T} in the region {D}.",
        "{A} complied with the order and agreed to remove {T} from its app store {D}.",
    ],
    EventType.SETTLED: [
        "{A} agreed to pay {N} million dollars to settle the claims brought by {T} {D}.",
        "{A} settled with {T} {D} for {N} million dollars.",
    ],
}

FR = {
    EventType.BANNED: [
        "{A} a interdit {T} sur les appareils des fonctionnaires {D}, invoquant des risques de sécurité.",
        "{A} a banni {T} des écoles publiques {D} après une consultation des enseignants.",
    ],
    EventType.BLOCKED_ACCESS: [
        "{A} a bloqué l'accès à {T} {D} après un examen de sa modération.",
        "Les autorités de {A} ont bloqué l'accès à {T} {D}, dans l'attente d'un audit.",
    ],
    EventType.DEMANDED: [
        "{A} a demandé à {T} de préciser comment ses modèles sont entraînés, dans une lettre envoyée {D}.",
        "{A} a exigé que {T} retire les images en cause sous 48 heures {D}.",
    ],
    EventType.STATED: ["« {Q} », a déclaré {A} {D}.", "{A} a estimé {D} que les règles sur {T} étaient « {Q} »."],
    EventType.SUED: [
        "{A} a poursuivi {T} en justice {D} pour violation du droit d'auteur.",
        "{A} a déposé une plainte contre {T} {D} pour l'usage de ses archives.",
    ],
    EventType.INVESTIGATED: [
        "{A} a ouvert une enquête sur {T} {D} concernant le traitement des données personnelles.",
        "{A} a lancé une enquête visant {T} {D} pour pratiques trompeuses.",
    ],
    EventType.FINED: [
        "{A} a infligé une amende de {N} millions d'euros à {T} {D} pour manquement au RGPD.",
        "{A} a infligé une amende de {N} millions d'euros à {T} {D} pour le traitement de données d'enfants.",
    ],
    EventType.RESTRICTED: [
        "{A} a restreint {T} pour les mineurs {D}.",
        "{A} a suspendu {T} sur plusieurs marchés {D} le temps de revoir ses filtres.",
    ],
    EventType.REGULATED: [
        "{A} a adopté le {T} {D}; la plupart des dispositions s'appliqueront deux ans plus tard.",
        "{A} a voté le {T} {D} à une large majorité.",
    ],
    EventType.CRIMINALISED: [
        "{A} veut criminaliser la création d'hypertrucages sexuels avec {T}, selon un texte présenté {D}."
    ],
    EventType.ALLOWED: [
        "{A} a autorisé {T} à reprendre ses activités {D} sous conditions strictes.",
        "{A} a levé l'interdiction visant {T} {D} après la mise en place de garde-fous.",
    ],
    EventType.ANNOUNCED: [
        "{A} a annoncé {T} {D}, avec de nouveaux garde-fous pour les mineurs.",
        "{A} a dévoilé {T} {D} lors d'une conférence pour les développeurs.",
    ],
    EventType.COMPLIED: [
        "{A} a accepté de suspendre {T} dans la région {D}.",
        "{A} s'est conformé à la décision et a accepté de retirer {T} de sa boutique {D}.",
    ],
    EventType.SETTLED: [
        "{A} a accepté de verser {N} millions de dollars à {T} {D} afin de régler un litige.",
        "{A} a conclu un accord à l'amiable avec {T} {D} pour {N} millions de dollars.",
    ],
}

FILLER_EN = [
    "The case is being followed closely by civil society groups and industry bodies across {P}.",
    "Generative models have spread quickly in schools, hospitals and public administrations over the past two years.",
    "Critics of the sector point to the lack of transparency about training data and the energy use of data centres.",
    "The company employs about {N} hundred people in {P} and has opened two research offices since its founding.",
    "Several lawmakers in {P} have tabled amendments on watermarking, age checks and the labelling of synthetic images.",
    "Industry groups have long lobbied for a single set of rules rather than a patchwork of national regimes.",
    "Privacy advocates in {P} had filed complaints about the chatbot in the spring, according to public records.",
    "Analysts expect the market for AI assistants to keep growing by more than {N} per cent a year.",
    "The debate has intensified since a series of deepfake scandals involving public figures last year.",
    "Consumer organisations in {P} have asked for clearer information on how personal data is reused.",
    "Smaller start-ups fear that compliance costs will favour the largest platforms.",
    "The next hearing in the parliamentary committee is scheduled for the autumn session.",
]
FILLER_FR = [
    "L'affaire est suivie de près par les associations et les organisations professionnelles en {P}.",
    "Les modèles génératifs se sont répandus rapidement dans les écoles, les hôpitaux et les administrations depuis deux ans.",
    "Les détracteurs du secteur pointent le manque de transparence sur les données d'entraînement et la consommation des centres de données.",
    "L'entreprise emploie environ {N} centaines de personnes en {P} et a ouvert deux bureaux de recherche depuis sa création.",
    "Plusieurs parlementaires en {P} ont déposé des amendements sur le tatouage numérique, la vérification de l'âge et l'étiquetage des images de synthèse.",
    "Les organisations professionnelles plaident depuis longtemps pour des règles uniques plutôt qu'une mosaïque de régimes nationaux.",
    "Des défenseurs de la vie privée en {P} avaient saisi le régulateur au printemps, selon des documents publics.",
    "Les analystes prévoient une croissance du marché des assistants d'IA de plus de {N} % par an.",
    "Le débat s'est intensifié après une série de scandales d'hypertrucages visant des personnalités publiques l'an dernier.",
    "Les associations de consommateurs en {P} réclament une information plus claire sur la réutilisation des données personnelles.",
    "Les jeunes pousses craignent que les coûts de mise en conformité ne favorisent les plus grandes plateformes.",
    "La prochaine audition en commission parlementaire est prévue lors de la session d'automne.",
]
QUOTES_EN = [
    "we will not tolerate the abuse of children online",
    "this is a matter of public safety",
    "the technology is moving faster than the law",
    "we are reviewing the decision carefully",
    "innovation cannot come at the expense of fundamental rights",
    "a clear signal to the whole industry",
]
QUOTES_FR = [
    "nous ne tolérerons pas ces abus en ligne",
    "c'est une question de sécurité publique",
    "la technologie va plus vite que la loi",
    "nous examinons attentivement la décision",
    "l'innovation ne peut se faire au détriment des droits fondamentaux",
    "un signal clair pour tout le secteur",
]
MONTHS_EN = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
MONTHS_FR = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
]
TITLE_EN = [
    "{A} moves against {T}",
    "New pressure on {T} as {A} acts",
    "{A} and {T}: what we know",
    "AI rules: {A} targets {T}",
]
TITLE_FR = [
    "{A} s'attaque à {T}",
    "Nouvelle pression sur {T}",
    "{A} et {T} : ce que l'on sait",
    "Règles de l'IA : {A} vise {T}",
]


def _date(rng: random.Random, lang: str) -> tuple[str, str | None]:
    """A date phrase and the contract date it denotes."""
    y, m, d = rng.choice((2023, 2024, 2025, 2026)), rng.randint(1, 12), rng.randint(1, 28)
    k = rng.random()
    if k < 0.5:
        text = f"on {MONTHS_EN[m - 1]} {d}, {y}" if lang == "en" else f"le {d} {MONTHS_FR[m - 1]} {y}"
        return text, f"{y}-{m:02d}-{d:02d}"
    if k < 0.8:
        text = f"in {MONTHS_EN[m - 1]} {y}" if lang == "en" else f"en {MONTHS_FR[m - 1]} {y}"
        return text, f"{y}-{m:02d}"
    return ("last week" if lang == "en" else "la semaine dernière"), None


class _Picker:
    """Zipf-skewed choice of entities of given types (a few are in most of the news)."""

    def __init__(self, names: list[Name], rng: random.Random):
        self.rng = rng
        self.by_type: dict[EntityType, tuple[list[Name], list[float]]] = {}
        for t in EntityType:
            pool = [n for n in names if n.type is t]
            rng.shuffle(pool)
            cum = list(itertools.accumulate(1.0 / (i + 1) for i in range(len(pool))))
            self.by_type[t] = (pool, cum)

    def pick(self, types: list[EntityType]) -> Name:
        t = self.rng.choice([t for t in types if self.by_type[t][0]])
        pool, cum = self.by_type[t]
        return pool[bisect.bisect_left(cum, self.rng.random() * cum[-1])]


def _fill(template: str, lang: str, rng: random.Random, a: Name, t: Name | None, d: str) -> str:
    name = (lambda n: n.fr) if lang == "fr" else (lambda n: n.en)
    places = vocabulary().by_type[EntityType.COUNTRY]
    place = name(rng.choice(places))
    return template.format(
        A=name(a),
        T=name(t) if t else "",
        D=d,
        N=rng.randint(2, 95),
        Q=rng.choice(QUOTES_FR if lang == "fr" else QUOTES_EN),
        P=place,
    )


# ---------------------------------------------------------------------------------------------
# generators


def _article_text(
    rng: random.Random, picker: _Picker, lang: str, n_events: int, reuse: list | None = None
) -> tuple[str, str, list[dict]]:
    """(title, body, events) with each event's sentence and offset in the body."""
    tmpl, filler = (FR, FILLER_FR) if lang == "fr" else (EN, FILLER_EN)
    target_len = rng.randint(1500, 2900)
    events: list[dict] = []
    sentences: list[tuple[str, dict | None]] = []
    for _ in range(n_events):
        if reuse and rng.random() < 0.15:
            spec = dict(rng.choice(reuse))  # the same fact, told again by another article
            dtext = _date_text(spec["date"], lang, rng)
        else:
            etype = rng.choice(list(EventType))
            atypes, ttypes = ACTORS[etype]
            a = picker.pick(atypes)
            t = picker.pick(ttypes)
            if t.id == a.id:
                t = picker.pick(ttypes)
            dtext, date = _date(rng, lang)
            spec = {
                "type": etype,
                "actor": a,
                "target": t,
                "date": date,
                "modality": Modality.ASSERTED
                if rng.random() < 0.8
                else rng.choice([Modality.PLANNED, Modality.REPORTED]),
            }
            if reuse is not None and len(reuse) < 5000:
                reuse.append(spec)
        template = rng.choice(tmpl[spec["type"]])
        if "{T}" not in template:
            spec = {**spec, "target": None}
        text = _fill(template, lang, rng, spec["actor"], spec["target"], dtext)
        sentences.append((text, spec))
    size = sum(len(s.encode()) + 1 for s, _ in sentences)
    fill_order = rng.sample(filler, len(filler))
    i = 0
    while size < target_len:
        s = _fill(fill_order[i % len(fill_order)], lang, rng, sentences[0][1]["actor"], None, "")
        if i >= len(fill_order):  # long article: vary the repeated background sentence
            s = s[:-1] + (
                f", according to a report published in {rng.randint(2019, 2025)}."
                if lang == "en"
                else f", selon un rapport publié en {rng.randint(2019, 2025)}."
            )
        pos = rng.randint(1, len(sentences))  # never before the lead sentence
        sentences.insert(pos, (s, None))
        size += len(s.encode()) + 1
        i += 1
    # paragraphs of 2-4 sentences
    body_parts: list[str] = []
    offset = 0
    para = 0
    for k, (s, spec) in enumerate(sentences):
        if k and para >= rng.randint(2, 4):
            body_parts.append("\n\n")
            offset += 2
            para = 0
        elif k:
            body_parts.append(" ")
            offset += 1
        if spec is not None:
            events.append({**spec, "evidence": s, "start": offset})
        body_parts.append(s)
        offset += len(s)
        para += 1
    first = sentences[0][1]
    name = (lambda n: n.fr) if lang == "fr" else (lambda n: n.en)
    title = rng.choice(TITLE_FR if lang == "fr" else TITLE_EN).format(
        A=name(first["actor"]), T=name(first["target"] or first["actor"])
    )
    return title, "".join(body_parts), events


def _date_text(date: str | None, lang: str, rng: random.Random) -> str:
    if date is None:
        return "last week" if lang == "en" else "la semaine dernière"
    parts = date.split("-")
    y, m = int(parts[0]), int(parts[1])
    if len(parts) == 3:
        d = int(parts[2])
        return f"on {MONTHS_EN[m - 1]} {d}, {y}" if lang == "en" else f"le {d} {MONTHS_FR[m - 1]} {y}"
    return f"in {MONTHS_EN[m - 1]} {y}" if lang == "en" else f"en {MONTHS_FR[m - 1]} {y}"


def _published(rng: random.Random) -> str:
    return f"{rng.choice((2024, 2025, 2026))}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


def articles(n: int, *, seed: int = 0, fr_share: float = 0.5) -> list[Article]:
    """``n`` distinct synthetic articles (about half French), 1.5-3 kB each."""
    rng = random.Random(seed)
    picker = _Picker(list(vocabulary().all), rng)
    made = _distinct_articles(rng, picker, seed, fr_share, lambda: rng.randint(5, 10))
    return [art for art, _ in itertools.islice(made, n)]


def _distinct_articles(
    rng: random.Random,
    picker: _Picker,
    seed: int,
    fr_share: float,
    n_events: Callable[[], int],
    reuse: list | None = None,
) -> Iterator[tuple[Article, list[dict]]]:
    """Endless distinct synthetic articles with their event specs (a repeated text is skipped)."""
    seen: set[str] = set()
    i = 0
    while True:
        lang = "fr" if rng.random() < fr_share else "en"
        title, body, specs = _article_text(rng, picker, lang, n_events(), reuse)
        art = Article.from_text(
            body,
            title=title,
            published=_published(rng),
            language=lang,
            source=f"synthetic/{seed}/{i}.txt",
            url=f"https://news.example.org/{seed}/{i}",
        )
        i += 1
        if art.id not in seen:
            seen.add(art.id)
            yield art, specs


def extractions(
    n: int, *, events_per_article: int = 4, seed: int = 0, extra_entities: int | None = None, fr_share: float = 0.5
) -> list[Extraction]:
    """``n`` Extraction records built without the coder (``n * events_per_article`` events).

    The vocabulary is topped up with invented companies, products and people (one per 20
    events by default) so that big graphs keep a realistic number of events per entity.
    """
    return list(
        iter_extractions(
            n, events_per_article=events_per_article, seed=seed, extra_entities=extra_entities, fr_share=fr_share
        )
    )


def iter_extractions(
    n: int, *, events_per_article: int = 4, seed: int = 0, extra_entities: int | None = None, fr_share: float = 0.5
) -> Iterator[Extraction]:
    rng = random.Random(seed)
    extra = n * events_per_article // 20 if extra_entities is None else extra_entities
    picker = _Picker(list(vocabulary().all) + _synthetic(extra, random.Random(seed + 1)), rng)
    reuse: list = []
    made = _distinct_articles(rng, picker, seed, fr_share, lambda: events_per_article, reuse)
    for art, specs in itertools.islice(made, n):
        ents: dict[str, Entity] = {}
        events = []
        for s in specs:
            a, t = s["actor"], s["target"]
            ents.setdefault(a.id, a.entity())
            targets = []
            if t is not None and t.id != a.id:
                ents.setdefault(t.id, t.entity())
                targets = [t.id]
            stated = s["type"] is EventType.STATED
            quote = None
            if stated:
                for o, c in (("«", "»"), ('"', '"')):
                    if o in s["evidence"]:
                        lo = s["evidence"].index(o) + 1
                        quote = s["evidence"][lo : s["evidence"].index(c, lo)].strip(" ,")
                        break
            events.append(
                Event(
                    id=event_id(art.id, s["type"], [a.id], targets, s["start"]),
                    type=s["type"],
                    actors=(a.id,),
                    targets=tuple(targets),
                    evidence=s["evidence"],
                    evidence_start=s["start"],
                    date=s["date"],
                    quote=quote,
                    confidence=round(0.5 + rng.random() / 2, 3),
                    modality=s["modality"],
                )
            )
        yield Extraction(art, tuple(ents.values()), tuple(events))


def body_stats(arts: list[Article]) -> dict:
    sizes = [len(a.body.encode("utf-8")) for a in arts]
    return {
        "articles": len(arts),
        "bytes": sum(sizes),
        "min_bytes": min(sizes),
        "max_bytes": max(sizes),
        "mean_bytes": round(sum(sizes) / len(sizes)),
        "fr": sum(a.language == "fr" for a in arts),
    }
