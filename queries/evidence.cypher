// name: evidence
// description: The evidence behind a relationship: every sentence, article and date that supports actor -TYPE-> target.
// param: actor:key = malaysia : the actor (name or alias)
// param: target:key = null : the target (name or alias); null for any
// param: type = null : the event type (e.g. BLOCKED_ACCESS); null for any
// param: limit:int = 200 : at most this many rows
// Look the entity up first: collect/UNWIND ends the query part, so the planner starts from the
// one matching node instead of guessing that `actor_key IN a.keys` is unselective (at 100k events
// Neo4j scanned every event first: 170 ms; anchored: 7 ms).
WITH fold($actor) AS actor_key, fold($target) AS target_key
MATCH (a:Entity)
WHERE actor_key IN a.keys
WITH target_key, collect(a) AS found
UNWIND found AS a
MATCH (a)-[:ACTOR]->(e:Event)<-[r:REPORTS]-(ar:Article)
WHERE ($type IS NULL OR e.type = $type)
OPTIONAL MATCH (e)-[:TARGET]->(t:Entity)
WITH target_key, a, e, r, ar, t
WHERE target_key IS NULL OR (t IS NOT NULL AND target_key IN t.keys)
RETURN a.name AS actor, e.type AS type, t.name AS target, r.date AS date, r.date_text AS date_text,
  e.modality AS modality, r.confidence AS confidence, ar.title AS article, ar.published AS published,
  ar.source AS source, r.evidence AS evidence
ORDER BY coalesce(e.start, '9999'), type, coalesce(target, ''), source, r.evidence_start, ar.id
LIMIT $limit
