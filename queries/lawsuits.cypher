// name: lawsuits
// description: Lawsuits and their parties: who sued whom, when, with the sentence that says so.
// param: entity:key = null : only lawsuits where a party's name or alias is this (any case, accents optional)
// param: limit:int = 200 : at most this many rows
WITH fold($entity) AS entity_key
MATCH (p:Entity)-[:ACTOR]->(e:SUED)-[:TARGET]->(d:Entity)
WHERE entity_key IS NULL OR entity_key IN p.keys OR entity_key IN d.keys
RETURN p.name AS plaintiff, p.type AS plaintiff_type, d.name AS defendant, e.date AS date,
  e.modality AS modality, e.evidence AS evidence
ORDER BY coalesce(e.start, '9999'), plaintiff, defendant, e.evidence, e.id
LIMIT $limit
