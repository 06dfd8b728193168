// name: multi-source
// description: Events reported by several articles, with each source's own date and evidence.
// param: min_sources:int = 2 : only events reported by at least this many articles
// param: limit:int = 200 : at most this many rows
MATCH (ar:Article)-[r:REPORTS]->(e:Event)
WITH e, count(DISTINCT ar) AS sources
WHERE sources >= $min_sources
MATCH (ar:Article)-[r:REPORTS]->(e)
MATCH (a:Entity)-[:ACTOR]->(e)
RETURN e.type AS type, a.name AS actor, e.date AS date, sources, ar.title AS article,
  ar.source AS source, r.date AS reported_date, r.evidence AS evidence
ORDER BY sources DESC, e.id, actor, source, r.evidence_start
LIMIT $limit
