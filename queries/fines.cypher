// name: fines
// description: Fines: who fined whom, how much (as stated), when.
// param: entity:key = null : only fines whose authority or fined party matches this name
// param: limit:int = 200 : at most this many rows
WITH fold($entity) AS entity_key
MATCH (a:Entity)-[:ACTOR]->(e:FINED)-[:TARGET]->(t:Entity)
WHERE entity_key IS NULL OR entity_key IN a.keys OR entity_key IN t.keys
RETURN a.name AS authority, t.name AS fined, e.detail AS amount, e.date AS date, e.modality AS modality,
  e.evidence AS evidence
ORDER BY coalesce(e.start, '9999'), authority, fined, e.evidence, e.id
LIMIT $limit
