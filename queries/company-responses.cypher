// name: company-responses
// description: What companies did in response: restrictions of their own products, compliance, settlements.
// param: entity:key = null : only responses by a company whose name or alias is this (any case, accents optional)
// param: limit:int = 200 : at most this many rows
WITH fold($entity) AS entity_key
MATCH (c:Entity)-[:ACTOR]->(e:Event)
WHERE (e:RESTRICTED OR e:COMPLIED OR e:SETTLED) AND (c:Company OR c:Organization)
  AND (entity_key IS NULL OR entity_key IN c.keys)
OPTIONAL MATCH (e)-[:TARGET]->(t:Entity)
RETURN c.name AS company, e.type AS type, t.name AS target, e.date AS date, e.date_text AS date_text,
  e.modality AS modality, e.evidence AS evidence
ORDER BY coalesce(e.start, '9999'), company, type, coalesce(target, ''), e.evidence, e.id
LIMIT $limit
