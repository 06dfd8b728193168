// name: co-actors
// description: Pairs of actors that act against the same targets, with how many targets they share.
// param: min_shared:int = 1 : only pairs sharing at least this many targets
// param: limit:int = 200 : at most this many rows
// Reads the ACTS_ON tallies the writer keeps (one relationship per actor, target, event type
// and modality; graph/cypher.py) instead of every event. Pairing every two actors of every
// target is quadratic, so the pairs are only formed among actors that can be in the answer. A
// pair shares at most as many targets as either actor has. Step 1 pairs only the few busiest
// actors (enough for $limit pairs) and takes the $limit-th best count as a floor: at least
// $limit pairs reach it, so every pair in the answer does too, and an actor with fewer targets
// than the floor cannot be in it. Step 2 is the plain computation over the actors left.
// tests/test_queries.py checks the rows against the plain definition over the events.
MATCH (a:Entity)-[s:ACTS_ON]->(t:Entity)
WHERE s.type <> 'STATED'
WITH a, count(DISTINCT t) AS degree
ORDER BY degree DESC, a.id
WITH collect(a)[0..toInteger(ceil(sqrt(2.0 * $limit))) + 1] AS busiest
UNWIND busiest AS a
MATCH (a)-[s:ACTS_ON]->(t:Entity)
WHERE s.type <> 'STATED'
WITH DISTINCT a, t
WITH t, collect(a) AS actors
UNWIND actors AS a1
UNWIND actors AS a2
WITH a1, a2, t
WHERE a1.id < a2.id
WITH a1, a2, count(t) AS shared
ORDER BY shared DESC
WITH collect(shared) AS best
WITH CASE WHEN size(best) >= $limit AND best[$limit - 1] > $min_shared THEN best[$limit - 1]
  ELSE $min_shared END AS floor
MATCH (a:Entity)-[s:ACTS_ON]->(t:Entity)
WHERE s.type <> 'STATED'
WITH floor, a, collect(DISTINCT t) AS targets
WHERE size(targets) >= floor
UNWIND targets AS t
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
