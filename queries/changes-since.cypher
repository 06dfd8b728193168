// name: changes-since
// description: What changed since a date: events first ingested on or after it (by ingest time).
// param: since:date = 2000-01-01 : a day (YYYY-MM-DD); events ingested on or after it
// param: limit:int = 200 : at most this many rows
MATCH (a:Entity)-[:ACTOR]->(e:Event)
WHERE e.first_seen >= $since
OPTIONAL MATCH (e)-[:TARGET]->(t:Entity)
RETURN e.first_seen AS ingested, e.type AS type, a.name AS actor, t.name AS target, e.date AS date,
  e.evidence AS evidence
ORDER BY ingested, coalesce(e.start, '9999'), type, actor, coalesce(target, ''), e.evidence, e.id
LIMIT $limit
