// name: co-actors
// description: Pairs of actors that act against the same targets, with how many targets they share.
// param: min_shared:int = 1 : only pairs sharing at least this many targets
// param: limit:int = 200 : at most this many rows
MATCH (a1:Entity)-[:ACTOR]->(e1:Event)-[:TARGET]->(t:Entity)
MATCH (a2:Entity)-[:ACTOR]->(e2:Event)-[:TARGET]->(t)
WHERE a1.id < a2.id AND e1.type <> 'STATED' AND e2.type <> 'STATED'
WITH a1, a2, collect(DISTINCT t.name) AS targets
WHERE size(targets) >= $min_shared
RETURN a1.name AS actor, a2.name AS co_actor, size(targets) AS shared, targets
ORDER BY shared DESC, actor, co_actor
LIMIT $limit
