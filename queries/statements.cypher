// name: statements
// description: What people and organisations said: speaker, quote, topic, date and source.
// param: speaker:key = null : only statements by an entity whose name or alias is this (any case, accents optional)
// param: limit:int = 200 : at most this many rows
WITH fold($speaker) AS speaker_key
MATCH (s:Entity)-[:ACTOR]->(e:STATED)<-[r:REPORTS]-(ar:Article)
WHERE speaker_key IS NULL OR speaker_key IN s.keys
OPTIONAL MATCH (e)-[:TARGET]->(t:Entity)
RETURN s.name AS speaker, r.quote AS quote, t.name AS topic, r.date AS date, ar.title AS article,
  ar.source AS source, r.evidence AS evidence
ORDER BY coalesce(e.start, '9999'), speaker, r.evidence_start, coalesce(topic, ''), source, ar.id
LIMIT $limit
