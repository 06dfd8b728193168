"""Store rows to quads: one emitter for every format.

The emitter turns the reader's pages (:mod:`graph.export.reader`) into the quads of the
export, as rdflib terms or as N-Triples text (:mod:`graph.export.terms`); ``aligned`` adds
what the ontology's subClassOf/subPropertyOf axioms entail towards schema.org, PROV-O and SEM.
"""

from __future__ import annotations

import re
from typing import Any, Callable, Iterator

from graph.export.describe import DatasetFacts
from graph.export.labels import EntityLabels
from graph.export.provenance import publisher_host, translation_notice
from graph.export.reader import ARTICLES_PAGE, entity_pages, event_pages, node_pages
from graph.export.summary import ExportSummary
from graph.export.terms import RdfTerms, language_tag
from graph.model import date_bounds

__all__ = ["Quad", "QUAD_SHAPES", "Emitter", "iter_pages"]

Quad = tuple  # (subject, predicate, object, graph IRI or None for the default graph)

_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}").match


def quad(s: Any, p: Any, o: Any, g: Any) -> Quad:
    """The quad as a tuple of terms."""
    return (s, p, o, g)


def triple_line(s: str, p: str, o: str, g: Any) -> str:
    """The N-Triples line of N-Triples terms (the graph is not written)."""
    return f"{s} {p} {o} .\n"


def quad_line(s: str, p: str, o: str, g: str | None) -> str:
    """The N-Quads line of N-Triples terms; ``g`` None is the default graph, which has no name."""
    return f"{s} {p} {o} .\n" if g is None else f"{s} {p} {o} {g} .\n"


#: what the emitter appends per quad: a tuple (any terms), or a line (N-Triples terms)
QUAD_SHAPES: dict[str | None, Callable[[Any, Any, Any, Any], Any]] = {
    None: quad,
    "nt": triple_line,
    "nquads": quad_line,
}


class Emitter:
    """Turns store rows into quads of ``terms`` (:class:`RdfTerms` or :class:`NTTerms`);
    ``aligned`` adds the schema.org/PROV/SEM entailments."""

    def __init__(
        self, aligned: bool, terms: type = RdfTerms, lines: str | None = None, facts: DatasetFacts | None = None
    ):
        """``lines`` ("nt" or "nquads", with :class:`NTTerms`) makes ``quads`` hold the output
        lines rather than quad tuples: the streamed formats then never build a tuple per triple."""
        self.aligned = aligned
        self.t = terms
        self.quads: list[Any] = []
        self.star: list[tuple[Any, Any, Any, Any]] = []  #: (s, p, o, event) per direct triple
        self.direct: list[Quad] = []  #: the direct quads among ``quads``, as tuples
        self.refused: list[tuple[str, str]] = []  #: (entity id, alias) refused as sentence debris
        self._described: set[Any] = set()  #: agents and publishers already written (once each)
        self.facts = facts if facts is not None else DatasetFacts(aligned)  #: for the description
        self.add = self._adder(self.quads.append, aligned, terms, lines)

    @staticmethod
    def _adder(
        append: Callable[[Any], None], aligned: bool, terms: type, lines: str | None
    ) -> Callable[..., None]:
        """``add(s, p, o, g)``, the hottest call of the export: appends the quad in the
        shape ``lines`` asks for and, when ``aligned``, the quads its super-classes or
        super-properties entail."""
        if lines not in QUAD_SHAPES:
            raise ValueError(f"lines must be None, 'nt' or 'nquads', not {lines!r}")
        shape, rdf_type, supers = QUAD_SHAPES[lines], terms.TYPE, terms.SUPERS.get

        def add(s: Any, p: Any, o: Any, g: Any) -> None:
            append(shape(s, p, o, g))
            if not aligned:
                return
            if p is rdf_type or p == rdf_type:
                for sup in supers(o, ()):
                    append(shape(s, p, sup, g))
            else:
                for sup in supers(p, ()):
                    append(shape(s, sup, o, g))

        return add

    def take(self) -> tuple[list[Quad], list[tuple], list[Quad]]:
        """The quads, reifications and direct quads emitted since the last call."""
        out = (self.quads.copy(), self.star, self.direct)
        self.quads.clear()
        self.star, self.direct = [], []
        return out

    # -- records ------------------------------------------------------------------------------
    def entity(self, props: dict[str, Any], seen: dict[str, list[str]] | None = None) -> None:
        """One entity; ``seen``: {name or alias: languages of the articles it was read in}
        (:func:`graph.export.labels.label_languages`)."""
        t, add = self.t, self.add
        s = t.entity(props["id"])
        labels = EntityLabels(props, seen)
        self.refused.extend((props["id"], alias) for alias in labels.refused)
        add(s, t.TYPE, t.entity_class(props["type"]), None)
        add(s, t.ID, t.plain(props["id"]), None)
        add(s, t.NAME, t.text(*labels.name), None)
        for alias, lang in labels.aliases:
            add(s, t.ALTERNATENAME, t.text(alias, lang), None)
        for key in labels.keys:
            add(s, t.SEARCHKEY, t.plain(key), None)
        if props.get("wikidata"):
            add(s, t.SAMEAS, t.wikidata(props["wikidata"]), None)
        if props.get("first_seen"):
            add(s, t.FIRSTSEEN, t.date(props["first_seen"]), None)

    def article(self, props: dict[str, Any]) -> None:
        t, add = self.t, self.add
        a, g = t.article(props["id"]), t.graph(props["id"])
        lang = language_tag(props.get("language"))
        self.facts.article(props, lang)
        add(g, t.WASDERIVEDFROM, a, None)
        add(a, t.TYPE, t.ARTICLE, g)
        add(a, t.ID, t.plain(props["id"]), g)
        if props.get("title"):
            add(a, t.HEADLINE, t.text(props["title"], lang), g)
        if props.get("published"):
            add(a, t.DATEPUBLISHED, t.date(props["published"]), g)
        if props.get("language"):
            add(a, t.INLANGUAGE, t.plain(props["language"]), g)
        if source := public_source(props.get("source"), props.get("url")):
            add(a, t.SOURCE, t.plain(source), g)
        if props.get("url"):
            add(a, t.URL, t.any_uri(props["url"]), g)
        if props.get("extractor"):
            add(a, t.EXTRACTOR, t.plain(props["extractor"]), g)
        if props.get("ingested_at"):
            add(a, t.INGESTEDAT, t.date(props["ingested_at"]), g)
        if props.get("events") is not None:
            add(a, t.EVENTCOUNT, t.integer(props["events"]), g)
        if host := publisher_host(props.get("url"), props.get("source")):
            p = t.publisher(host)
            add(a, t.PUBLISHER, p, g)
            if p not in self._described:  # one description per host, in the default graph
                self._described.add(p)
                add(p, t.TYPE, t.ORGANIZATION, None)
                add(p, t.URL, t.any_uri(f"https://{host}/"), None)
        if notice := translation_notice(props.get("body")):
            add(a, t.MACHINETRANSLATED, t.boolean(True), g)
            add(a, t.TRANSLATIONNOTICE, t.text(notice, lang), g)
        # PROV: the coder's run over this article generated its graph and its reports
        x = t.extraction(props["id"])
        add(g, t.WASGENERATEDBY, x, None)
        add(x, t.TYPE, t.EXTRACTION, g)
        add(x, t.USED, a, g)
        if props.get("ingested_at") and _DATETIME(str(props["ingested_at"])):
            add(x, t.ENDEDATTIME, t.date(props["ingested_at"]), g)
        if version := props.get("extractor"):
            agent = t.agent(str(version))
            add(x, t.WASASSOCIATEDWITH, agent, g)
            if agent not in self._described:
                self._described.add(agent)
                add(agent, t.TYPE, t.SOFTWAREAGENT, None)
                add(agent, t.LABEL, t.text(f"aigov event coder {version}", "en"), None)
                add(agent, t.SOFTWAREVERSION, t.plain(str(version)), None)

    def event(self, row: dict[str, Any], reports: list[dict], direct: list[dict]) -> None:
        t, add = self.t, self.add
        props = row["props"]
        e = t.event(row["id"])
        eclass = t.event_class(props["type"])
        modality = t.modality(props.get("modality"))
        actors = [t.entity(x) for x in sorted(row.get("actors") or ())]
        targets = [t.entity(y) for y in sorted(row.get("targets") or ())]

        # the event's core (type, actors, targets, modality) sits in the default graph, with the
        # entities it names, so that the default graph alone answers "who did what to whom";
        # each article's graph keeps what that article says (its reports, and the direct
        # triples it supports)
        add(e, t.TYPE, eclass, None)
        for x in actors:
            add(e, t.ACTOR, x, None)
        for y in targets:
            add(e, t.TARGET, y, None)
        add(e, t.MODALITY, modality, None)

        graphs: list[Any] = []
        for rep in reports:
            g = t.graph(rep["article"])
            a = t.article(rep["article"])
            lang = language_tag(rep.get("language"))
            rp = rep["props"]
            if g not in graphs:
                graphs.append(g)
                add(e, t.WASDERIVEDFROM, a, g)
            mention = rp.get("mention_id")
            rid = str(mention or f"{rep['article']}/{row['id']}")
            r = t.report(rid)
            add(r, t.TYPE, t.REPORT, g)
            if mention:
                add(r, t.ID, t.plain(mention), g)
            add(r, t.REPORTOF, e, g)
            add(r, t.INARTICLE, a, g)
            add(r, t.WASGENERATEDBY, t.extraction(rep["article"]), g)
            text = rp.get("evidence")
            if text is not None:
                add(r, t.VALUE, t.text(text, lang), g)
            if (start := rp.get("evidence_start")) is not None:
                add(r, t.EVIDENCESTART, t.integer(start), g)
            if text is not None and start is not None:
                # the evidence anchored in its article (W3C Web Annotation): the report's
                # target is the span [start, end) of the body, and the exact text at it
                end = int(start) + len(text)
                add(r, t.EVIDENCEEND, t.integer(end), g)
                span, pos, quote = (t.report_part(rid, x) for x in ("evidence", "position", "quote"))
                add(r, t.HASTARGET, span, g)
                add(span, t.TYPE, t.SPECIFICRESOURCE, g)
                add(span, t.HASSOURCE, a, g)
                add(span, t.HASSELECTOR, pos, g)
                add(span, t.HASSELECTOR, quote, g)
                add(pos, t.TYPE, t.TEXTPOSITIONSELECTOR, g)
                add(pos, t.OASTART, t.integer(start), g)
                add(pos, t.OAEND, t.integer(end), g)
                add(quote, t.TYPE, t.TEXTQUOTESELECTOR, g)
                add(quote, t.EXACT, t.text(text, lang), g)
            if value := rp.get("date"):
                add(r, t.DATE, t.date(value), g)
            if value := rp.get("date_text"):
                add(r, t.DATETEXT, t.text(value, lang), g)
            if value := rp.get("quote"):
                add(r, t.QUOTE, t.text(value, lang), g)
            if (value := rp.get("confidence")) is not None:
                add(r, t.CONFIDENCE, t.decimal(value), g)

        # the Event node's own values (merged across reports) sit in the default graph
        lang = None
        evidence = props.get("evidence")
        if reports:
            same = [r for r in reports if r["props"].get("evidence") == evidence]
            lang = language_tag((same or reports)[0].get("language"))
        add(e, t.ID, t.plain(row["id"]), None)
        if value := props.get("date"):
            add(e, t.DATE, t.date(value), None)
        if value := props.get("start"):
            add(e, t.START, t.day(value), None)
        if value := props.get("end"):
            add(e, t.END, t.day(value), None)
        if props.get("start") or props.get("date"):
            # one filterable date per dated event: start, end and their precision
            day0, day1 = props.get("start"), props.get("end")
            if not day0:  # a date with no start (an older graph): its bounds
                first, last = date_bounds(str(props["date"]))
                day0, day1 = first.isoformat(), last.isoformat()
                add(e, t.START, t.day(day0), None)
                add(e, t.END, t.day(day1), None)
            elif not day1:
                day1 = day0
                add(e, t.END, t.day(day1), None)
            add(e, t.DATEPRECISION, t.precision(day0, day1), None)
        if value := props.get("date_text"):
            add(e, t.DATETEXT, t.text(value, lang), None)
        if value := props.get("quote"):
            add(e, t.QUOTE, t.text(value, lang), None)
        if value := props.get("detail"):
            add(e, t.DETAIL, t.plain(value), None)
        if evidence is not None:
            add(e, t.VALUE, t.text(evidence, lang), None)
        if (value := props.get("confidence")) is not None:
            add(e, t.CONFIDENCE, t.decimal(value), None)
        if value := props.get("first_seen"):
            add(e, t.FIRSTSEEN, t.date(value), None)

        # the direct triple ``actor aigov:TYPE target`` states a fact: only for an asserted
        # event (a planned, reported, negated or hypothetical act stays an event with its
        # modality). It sits in the default graph and in the graph of each article reporting it.
        if modality != t.ASSERTED_MODALITY:
            return
        for d in direct:
            s, o = t.entity(d["src"]), t.entity(d["dst"])
            p = t.event_predicate(d["type"])
            for g in (None, *graphs):
                add(s, p, o, g)
                self.direct.append((s, p, o, g))
            self.star.append((s, p, o, e))


def public_source(source: Any, url: Any) -> str | None:
    r"""What the export says an article came from: never a local path, which names the
    machine and user that ingested it. A URL as it is; a path, only when the article has no
    URL, by its file name.

    >>> public_source("/home/alice/corpus/a.txt", None)
    'a.txt'
    >>> public_source("C:\\Users\\bob\\b.txt", None)
    'b.txt'
    >>> public_source("/home/alice/corpus/a.txt", "https://example.org/a") is None
    True
    >>> public_source("https://example.org/a", None)
    'https://example.org/a'
    """
    if not source:
        return None
    text = str(source)
    if re.match(r"^[a-z][a-z0-9+.-]*://", text, re.I):
        return text
    if url:
        return None
    name = re.split(r"[/\\]", text)[-1]
    return name or None


def iter_pages(
    store: Any,
    page_size: int,
    aligned: bool,
    counts: ExportSummary,
    terms: type = RdfTerms,
    lines: str | None = None,
    facts: DatasetFacts | None = None,
) -> Iterator[tuple[list[Any], list[tuple], list[Quad]]]:
    """Pages of quads (with repeats; or lines, see :class:`Emitter`), their RDF 1.2
    reifications and direct quads, as ``terms``; ``facts`` gathers what the dataset's
    description needs (:mod:`graph.export.describe`)."""
    em = Emitter(aligned, terms, lines, facts)
    for rows in entity_pages(store, page_size):
        for r in rows:
            em.entity(r["props"], r["seen"])
        counts.entities += len(rows)
        counts.refused_aliases += len(em.refused)
        em.refused.clear()
        yield em.take()
    for rows in node_pages(store, ARTICLES_PAGE, page_size):
        for r in rows:
            em.article(r["props"])
        counts.articles += len(rows)
        counts.graphs += len(rows)
        yield em.take()
    for page in event_pages(store, page_size, direct_props=False):
        for row in page.events:
            em.event(row, page.reports[row["id"]], page.direct[row["id"]])
            counts.reports += len(page.reports[row["id"]])
            counts.direct += len(page.direct[row["id"]])
        counts.events += len(page.events)
        yield em.take()
