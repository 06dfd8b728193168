// name: most-targeted
// description: The entities most often targeted by governance events, with how many distinct actors acted.
// param: limit:int = 20 : at most this many entities
// Reads the tallies the writer keeps (graph/cypher.py): Entity.targeted counts the asserted or
// planned events with an actor that target the entity, and ACTS_ON holds one relationship per
// actor, target, event type and modality, between the Tally nodes that stand for them. Counting over every event instead took 336 ms at
// 100k events; tests/test_queries.py checks the rows against that plain definition. Only the
// entities that can be in the answer are expanded: those at least as targeted as the
// $limit-th (ties kept, they are ordered by actors next).
MATCH (t:Entity)
WHERE t.targeted > 0
WITH t
ORDER BY t.targeted DESC
WITH collect(t) AS ranked
WITH ranked, CASE WHEN size(ranked) >= $limit AND $limit > 0 THEN ranked[$limit - 1].targeted
  ELSE 1 END AS floor
UNWIND ranked AS t
WITH t
WHERE t.targeted >= floor
MATCH (a:Tally)-[s:ACTS_ON]->(:Tally {id: t.id})
WHERE s.modality = 'asserted' OR s.modality = 'planned'
RETURN t.name AS target, t.type AS target_type, t.targeted AS events,
  count(DISTINCT a) AS actors, collect(DISTINCT s.type) AS event_types
ORDER BY events DESC, actors DESC, target
LIMIT $limit
