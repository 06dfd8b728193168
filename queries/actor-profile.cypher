// name: actor-profile
// description: An entity's profile: what it did and what was done to it, by event type, with dates.
// param: entity:key = malaysia : the entity (name or alias, case- and accent-insensitive)
// param: limit:int = 200 : at most this many rows
// Look the entity up first: collect/UNWIND ends the query part, so the planner starts from the
// one matching node instead of guessing that `entity_key IN x.keys` is unselective (at 100k events
// Neo4j scanned every event first: 170 ms; anchored: 7 ms).
WITH fold($entity) AS entity_key
MATCH (x:Entity)
WHERE entity_key IN x.keys
WITH collect(x) AS found
UNWIND found AS x
MATCH (x)-[r:ACTOR|TARGET]-(e:Event)
RETURN x.name AS entity, x.type AS entity_type, type(r) AS role, e.type AS event_type,
  count(DISTINCT e) AS events, min(e.start) AS first, max(e.end) AS last
ORDER BY entity, role, events DESC, event_type
LIMIT $limit
