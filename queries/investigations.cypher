// name: investigations
// description: Investigations, probes, searches and summons, by the authority that opened them.
// param: regulator:key = null : only investigations opened by an authority whose name or alias is this (any case, accents optional)
// param: limit:int = 200 : at most this many rows
WITH fold($regulator) AS regulator_key
MATCH (r:Entity)-[:ACTOR]->(e:INVESTIGATED)
WHERE regulator_key IS NULL OR regulator_key IN r.keys
OPTIONAL MATCH (e)-[:TARGET]->(t:Entity)
RETURN r.name AS authority, r.type AS authority_type, t.name AS target, e.date AS date,
  e.modality AS modality, e.evidence AS evidence
ORDER BY authority, coalesce(e.start, '9999'), coalesce(target, ''), e.evidence, e.id
LIMIT $limit
