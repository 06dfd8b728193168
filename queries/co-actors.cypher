// name: co-actors
// description: Pairs of actors that act against the same targets, with how many targets they share.
// param: min_shared:int = 1 : only pairs sharing at least this many targets
// param: limit:int = 200 : at most this many rows
MATCH (a:Entity)-[:ACTOR]->(e:Event)-[:TARGET]->(t:Entity)
WHERE e.type <> 'STATED'
WITH DISTINCT a, t
WITH t, collect(a) AS actors
UNWIND actors AS a1
UNWIND actors AS a2
WITH a1, a2, t
WHERE a1.id < a2.id
WITH a1, a2, collect(DISTINCT t.name) AS targets
WHERE size(targets) >= $min_shared
RETURN a1.name AS actor, a2.name AS co_actor, size(targets) AS shared, targets
ORDER BY shared DESC, actor, co_actor
LIMIT $limit
