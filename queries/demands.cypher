// name: demands
// description: Every demand: who called on whom to act, when, and what was asked.
// param: entity:key = null : only demands whose actor or target name or alias is this (any case, accents optional)
// param: limit:int = 200 : at most this many rows
WITH fold($entity) AS entity_key
MATCH (a:Entity)-[:ACTOR]->(e:DEMANDED)
OPTIONAL MATCH (e)-[:TARGET]->(t:Entity)
WITH entity_key, a, e, t
WHERE entity_key IS NULL OR entity_key IN a.keys
  OR (t IS NOT NULL AND entity_key IN t.keys)
RETURN a.name AS actor, a.type AS actor_type, t.name AS target, e.date AS date, e.detail AS detail,
  e.modality AS modality, e.evidence AS evidence
ORDER BY coalesce(e.start, '9999'), actor, coalesce(target, ''), e.evidence, e.id
LIMIT $limit
