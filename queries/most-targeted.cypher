// name: most-targeted
// description: The entities most often targeted by governance events, with how many distinct actors acted.
// param: limit:int = 20 : at most this many entities
MATCH (a:Entity)-[:ACTOR]->(e:Event)-[:TARGET]->(t:Entity)
WHERE e.modality = 'asserted' OR e.modality = 'planned'
RETURN t.name AS target, t.type AS target_type, count(DISTINCT e) AS events,
  count(DISTINCT a) AS actors, collect(DISTINCT e.type) AS event_types
ORDER BY events DESC, actors DESC, target
LIMIT $limit
