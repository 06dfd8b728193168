// name: response-chains
// description: Response chains around an entity: blocks, suits and demands against it, then its own restrictions and compliance, in date order.
// param: entity:key = grok : the entity at the centre of the chain
MATCH (x:Entity)-[r:ACTOR|TARGET]-(e:Event)
WHERE $entity IN x.keys
  AND ((type(r) = 'TARGET' AND e.type IN ['BLOCKED_ACCESS', 'BANNED', 'SUED', 'DEMANDED', 'INVESTIGATED', 'FINED', 'RESTRICTED', 'CRIMINALISED', 'REGULATED'])
    OR (type(r) = 'ACTOR' AND e.type IN ['RESTRICTED', 'COMPLIED', 'SETTLED', 'STATED']))
MATCH (a:Entity)-[:ACTOR]->(e)
OPTIONAL MATCH (e)-[:TARGET]->(t:Entity)
RETURN e.date AS date, e.start AS start, x.name AS entity, type(r) AS role, e.type AS type,
  a.name AS actor, t.name AS target, e.evidence AS evidence
ORDER BY coalesce(e.start, '9999'), entity, role DESC, type, actor, coalesce(target, '')
