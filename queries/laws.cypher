// name: laws
// description: Laws and rules adopted or planned (REGULATED, CRIMINALISED), by country or body.
// param: country:key = null : only rules made by an actor whose name or alias is this (any case, accents optional)
// param: modality = null : only this modality (asserted, planned, ...)
// param: limit:int = 200 : at most this many rows
WITH fold($country) AS country_key
MATCH (a:Entity)-[:ACTOR]->(e:Event)
WHERE (e:REGULATED OR e:CRIMINALISED)
  AND (country_key IS NULL OR country_key IN a.keys)
  AND ($modality IS NULL OR e.modality = $modality)
OPTIONAL MATCH (e)-[:TARGET]->(law:Entity)
RETURN a.name AS actor, a.type AS actor_type, e.type AS type, law.name AS law, e.modality AS modality,
  e.date AS date, e.detail AS detail, e.evidence AS evidence
ORDER BY coalesce(e.start, '9999'), actor, type, coalesce(law, ''), e.evidence, e.id
LIMIT $limit
