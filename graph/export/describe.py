"""A VoID / DCAT description of the exported dataset, written into its default graph.

``aigov export rdf`` ends every export with it (``describe=False`` leaves it out)::

    dataset:3f2a... a void:Dataset, dcat:Dataset ;
        dcterms:title "aigov: AI-governance events from French and English news"@en, "..."@fr ;
        dcterms:license <https://www.apache.org/licenses/LICENSE-2.0> ;
        dcat:version "0.1.0" ;                     # the aigov release that wrote it
        dcterms:conformsTo <https://w3id.org/aigov/ont/0.1.0> ;
        dcterms:isVersionOf <https://w3id.org/aigov/dataset> ;
        dcterms:modified "2026-01-14T10:00:00Z"^^xsd:dateTime ;   # the latest ingest
        dcterms:language <http://id.loc.gov/vocabulary/iso639-1/en>, <.../fr> ;
        prov:wasAttributedTo agent:coder/1.5.1 ;
        void:triples 5405 ;                        # every triple but these, union of the graphs
        void:uriSpace "https://w3id.org/aigov/" ;
        void:vocabulary aigov:, schema:, prov:, oa:, sem: ;
        void:classPartition dataset:3f2a...#Entity, ...#Event, ...#Article, ...#Report .
    dataset:3f2a...#Event void:class aigov:Event ; void:entities 111 .

The description is a function of the store (and of ``aligned``), never of the time of the
export: exporting the same store twice gives the same graph, and every format gives the same
description. Its IRI is minted from what the dataset holds (the articles and the coder version
that coded each, and whether the alignments are materialised), so two different exports never
make conflicting claims about one IRI; ``dcterms:isVersionOf`` links each to the one dataset.

``void:triples`` counts the distinct triples of the union of the graphs (a direct triple that
sits in the default graph and in article graphs counts once), the ontology when it is included,
and not the description's own triples: the same number for every format.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

from graph import vocab

__all__ = ["LICENSE", "DatasetFacts", "description"]

#: the project's licence (setup.cfg), also the dataset's
LICENSE = "https://www.apache.org/licenses/LICENSE-2.0"

_TITLE = (
    "aigov: AI-governance events from French and English news",
    "aigov : événements de gouvernance de l'IA dans la presse française et anglaise",
)
_ABOUT = (
    "Who banned, blocked, sued, fined, investigated, regulated or demanded what of whom, as "
    "French and English news report it: events with their actors, targets, modality, dates and "
    "evidence, extracted by the aigov event coder. The evidence quotes the articles, whose text "
    "remains their publishers'.",
    "Qui a interdit, bloqué, poursuivi, sanctionné, enquêté, réglementé ou exigé quoi de qui, tel "
    "que la presse française et anglaise le rapporte : événements avec acteurs, cibles, modalité, "
    "dates et preuves, extraits par le codeur d'événements aigov. Les preuves citent les articles, "
    "dont le texte reste celui de leurs éditeurs.",
)


@dataclass
class DatasetFacts:
    """What the emitter learns of the dataset as it goes (see :class:`~graph.export.emit.Emitter`)."""

    aligned: bool = True
    digest: Any = field(default_factory=hashlib.sha256)  #: over (article id, coder version)
    languages: set[str] = field(default_factory=set)
    agents: set[str] = field(default_factory=set)  #: coder versions
    modified: str | None = None  #: the latest ingest time

    def article(self, props: dict[str, Any], language: str | None) -> None:
        self.digest.update(f"{props['id']}\t{props.get('extractor') or ''}\n".encode("utf-8"))
        primary = (language or "").split("-")[0].lower()
        if len(primary) == 2 and primary.isalpha():  # an ISO 639-1 code
            self.languages.add(primary)
        if props.get("extractor"):
            self.agents.add(str(props["extractor"]))
        ingested = props.get("ingested_at")
        if ingested and (self.modified is None or str(ingested) > self.modified):
            self.modified = str(ingested)

    def name(self) -> str:
        d = self.digest.copy()
        d.update(b"aligned" if self.aligned else b"plain")
        return d.hexdigest()[:24]


def description(t: Any, facts: DatasetFacts, counts: Any, triples: int) -> list[tuple[Any, Any, Any]]:
    """The description's triples, as terms of ``t`` (:class:`~graph.export.terms.RdfTerms` or
    :class:`~graph.export.terms.NTTerms`); ``counts`` is the export's summary so far and
    ``triples`` the distinct triples of the union of its graphs."""
    if not (counts.entities or counts.articles or counts.events):
        return []  # an empty store exports an empty graph
    name = facts.name()
    d = t.dataset(name)
    out: list[tuple[Any, Any, Any]] = [
        (d, t.TYPE, t.VOID_DATASET),
        (d, t.TYPE, t.DCAT_DATASET),
        (d, t.TITLE, t.text(_TITLE[0], "en")),
        (d, t.TITLE, t.text(_TITLE[1], "fr")),
        (d, t.DESCRIPTION, t.text(_ABOUT[0], "en")),
        (d, t.DESCRIPTION, t.text(_ABOUT[1], "fr")),
        (d, t.LICENSE, t.iri(LICENSE)),
        (d, t.DCAT_VERSION, t.plain(vocab.VERSION)),
        (d, t.CONFORMSTO, t.iri(f"{vocab.ONT}{vocab.VERSION}")),
        (d, t.ISVERSIONOF, t.iri(vocab.BASE + "dataset")),
        (d, t.VOID_TRIPLES, t.integer(triples)),
        (d, t.VOID_URISPACE, t.plain(vocab.BASE)),
    ]
    if facts.modified:
        out.append((d, t.MODIFIED, t.date(facts.modified)))
    for lang in sorted(facts.languages):
        out.append((d, t.LANGUAGE, t.iri(f"http://id.loc.gov/vocabulary/iso639-1/{lang}")))
    for version in sorted(facts.agents):
        out.append((d, t.WASATTRIBUTEDTO, t.agent(version)))
    vocabularies = [vocab.ONT, vocab.OA, vocab.PREFIXES["prov"], vocab.PREFIXES["schema"], vocab.PREFIXES["owl"]]
    if facts.aligned:
        vocabularies.append(vocab.SEM)
    for ns in vocabularies:
        out.append((d, t.VOID_VOCABULARY, t.iri(str(ns))))
    for cls, n in (
        ("Entity", counts.entities),
        ("Event", counts.events),
        ("Article", counts.articles),
        ("Report", counts.reports),
    ):
        part = t.dataset_part(name, cls)
        out += [
            (d, t.VOID_CLASSPARTITION, part),
            (part, t.VOID_CLASS, t.iri(str(vocab.ONT) + cls)),
            (part, t.VOID_ENTITIES, t.integer(n)),
        ]
    return out
