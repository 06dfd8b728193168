// name: bans
// description: Who blocked or banned which product or practice, where and when (BANNED, BLOCKED_ACCESS).
// param: entity:key = null : only bans whose actor or target name or alias is this (any case, accents optional)
// param: since:date = null : only bans dated on or after this day
// param: limit:int = 200 : at most this many rows
WITH fold($entity) AS entity_key
MATCH (a:Entity)-[:ACTOR]->(e:Event)-[:TARGET]->(t:Entity)
WHERE (e:BANNED OR e:BLOCKED_ACCESS)
  AND (entity_key IS NULL OR entity_key IN a.keys OR entity_key IN t.keys)
  AND ($since IS NULL OR e.end >= $since)
RETURN e.type AS type, a.name AS actor, a.type AS actor_type, t.name AS target, e.date AS date,
  e.modality AS modality, e.sources AS sources, e.evidence AS evidence
ORDER BY coalesce(e.start, '9999'), actor, target, type, e.evidence, e.id
LIMIT $limit
