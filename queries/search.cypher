// name: search
// description: Find entities by name or alias, case- and accent-insensitive, with how many events they take part in.
// param: text:key = gro : part of a name or alias
// param: limit:int = 200 : at most this many rows
WITH fold($text) AS text_key
MATCH (n:Entity)
WHERE any(k IN n.keys WHERE k CONTAINS text_key)
OPTIONAL MATCH (n)-[r:ACTOR|TARGET]-(e:Event)
RETURN n.id AS id, n.name AS name, n.type AS type, n.aliases AS aliases, n.wikidata AS wikidata,
  count(DISTINCT e) AS events
ORDER BY events DESC, name, id
LIMIT $limit
