// name: co-actors
// description: Pairs of actors that act against the same targets, with how many targets they share.
// param: min_shared:int = 1 : only pairs sharing at least this many targets
// param: limit:int = 200 : at most this many rows
// Reads the ACTS_ON tallies the writer keeps (one relationship per actor, target, event type
// and modality, between the Tally nodes that stand for them, with their names; graph/cypher.py)
// instead of every event. Pairing every two actors of every
// target is quadratic, so the pairs are only formed among actors that can be in the answer. A
// pair shares at most as many targets as either actor has. Step 1 pairs only the busiest
// actors (2*sqrt(2*$limit)+1 of them: at least $limit pairs) and takes the $limit-th best
// count as a floor: at least $limit pairs reach it, so every pair in the answer does too, and
// an actor with fewer targets than the floor cannot be in it. Step 2 is the plain computation
// over the actors left. Pairs carry [id, node] so that ordering a pair reads no property, and
// names are read for the $limit pairs kept only. At 100k events on Neo4j (best of 5): 1.2 s over the
// events, 0.53 s over the tallies, 0.30 s with the rest. tests/test_queries.py checks the rows
// against the plain definition over the events.
MATCH (a:Tally)-[s:ACTS_ON]->(t:Tally)
WHERE s.type <> 'STATED'
WITH a, count(DISTINCT t) AS degree
ORDER BY degree DESC, a.id
WITH collect(a)[0..toInteger(ceil(2.0 * sqrt(2.0 * $limit))) + 1] AS busiest
UNWIND busiest AS a
MATCH (a)-[s:ACTS_ON]->(t:Tally)
WHERE s.type <> 'STATED'
WITH DISTINCT a, t
WITH t, collect([a.id, a]) AS actors
UNWIND actors AS p1
UNWIND actors AS p2
WITH p1, p2, t
WHERE p1[0] < p2[0]
WITH p1[1] AS a1, p2[1] AS a2, count(t) AS shared
ORDER BY shared DESC
WITH collect(shared) AS best
WITH CASE WHEN size(best) >= $limit AND best[$limit - 1] > $min_shared THEN best[$limit - 1]
  ELSE $min_shared END AS floor
MATCH (a:Tally)-[s:ACTS_ON]->(t:Tally)
WHERE s.type <> 'STATED'
WITH floor, a, collect(DISTINCT t) AS targets
WHERE size(targets) >= floor
UNWIND targets AS t
WITH t, collect([a.id, a]) AS actors
UNWIND actors AS p1
UNWIND actors AS p2
WITH p1, p2, t
WHERE p1[0] < p2[0]
WITH p1[1] AS a1, p2[1] AS a2, collect(t) AS shared
WHERE size(shared) >= $min_shared
WITH a1.name AS actor, a2.name AS co_actor, shared
ORDER BY size(shared) DESC, actor, co_actor
LIMIT $limit
RETURN actor, co_actor, size(shared) AS shared, [t IN shared | t.name] AS targets
