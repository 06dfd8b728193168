// name: multi-source
// description: Events reported by several articles, with each source's own date and evidence.
// param: min_sources:int = 2 : only events reported by at least this many articles
// param: limit:int = 200 : at most this many rows
// `sources` (distinct articles reporting the event) is kept on each event by the write, and
// indexed. Every row belongs to one of the first $limit events in the output order, so no more
// events are expanded.
MATCH (e:Event)
WHERE e.sources >= $min_sources
WITH e
ORDER BY e.sources DESC, e.id
LIMIT $limit
MATCH (ar:Article)-[r:REPORTS]->(e)
MATCH (a:Entity)-[:ACTOR]->(e)
RETURN e.type AS type, a.name AS actor, e.date AS date, e.sources AS sources, ar.title AS article,
  ar.source AS source, r.date AS reported_date, r.evidence AS evidence
ORDER BY sources DESC, e.id, actor, source, r.evidence_start
LIMIT $limit
