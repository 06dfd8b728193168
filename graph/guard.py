"""Checks on a query's text before a store runs it as a read.

The stores refuse writes themselves (FalkorDB's ``GRAPH.RO_QUERY``, a Neo4j READ
transaction), but neither refuses ``LOAD CSV`` -- a read that opens files or the network -- and
a write refused by the server comes back as a driver message. So every read is checked here
first, on the query **as the server will read it**: comments (``//...``, ``/*...*/``) are
removed, string literals and quoted names emptied and whitespace collapsed, so that
``LOAD /**/ CSV`` or a ``DELETE`` after a ``/* '`` cannot hide from the check, and a keyword
inside a string (``WHERE n.name = 'CREATE'``) does not trip it.

Before that, a read must be small enough for the server to parse: FalkorDB's parser takes time
exponential in the nesting of brackets (20 nested parentheses: 3 s; 22: 14 s; a 90-byte
query of 30 is hours, and no query timeout covers parsing), and a ``RETURN 1+1+...`` of
50,000 terms crashed the embedded server. :func:`check_size` refuses a query longer than
:data:`MAX_QUERY_CHARS` or nested deeper than :data:`MAX_NESTING` (the deepest canned or
internal read nests 4).

Refused: write clauses (``CREATE``, ``MERGE``, ``SET``, ``DELETE``, ``REMOVE``, ``FOREACH``,
schema and admin commands), ``LOAD CSV``, and any procedure ``CALL`` outside
:data:`READ_PROCEDURES`; a query with an unterminated string, quoted name or comment cannot be
read for sure, so it is refused too.

Examples
--------
>>> normalise("MATCH (n) /* no */ WHERE n.name = 'CREATE' // trailing\\nRETURN n")
"MATCH (n) WHERE n.name = '' RETURN n"
>>> write_clause("LOAD /**/ CSV FROM 'https://example.org/x.csv' AS row RETURN row")
'LOAD CSV'
>>> write_clause("MATCH (n) WHERE n.name = 'DELETE' RETURN n.set AS s") is None
True
>>> write_clause("CALL /*x*/ db.idx.fulltext.drop('Entity')")
'CALL db.idx.fulltext.drop'
"""

from __future__ import annotations

import re

from graph.errors import QueryError

__all__ = [
    "normalise",
    "write_clause",
    "check_read_only",
    "check_size",
    "check_read",
    "READ_PROCEDURES",
    "MAX_QUERY_CHARS",
    "MAX_NESTING",
]

#: The longest query text a read may have (values belong in parameters, which do not count).
#: The longest canned or internal read is under 9,000 characters; 40,000 terms of
#: ``1+1+...`` (80,000 characters) still ran, 50,000 crashed the embedded server.
MAX_QUERY_CHARS = 20_000

#: The deepest nesting of ``()``, ``[]`` and ``{}`` a read may have: 10 levels parse in
#: about 5 ms on FalkorDB 4.22, and every further level doubles it.
MAX_NESTING = 10

#: Procedures a read may call (lower case). Anything else -- index creation, ``dbms.*``
#: settings, plugins -- is refused, whatever its name suggests.
READ_PROCEDURES = frozenset(
    name.lower()
    for name in (
        # both stores
        "db.labels",
        "db.relationshipTypes",
        "db.propertyKeys",
        "db.indexes",
        "db.constraints",
        # FalkorDB
        "db.idx.fulltext.queryNodes",
        "db.idx.fulltext.queryRelationships",
        "db.idx.vector.queryNodes",
        "db.idx.vector.queryRelationships",
        "db.meta.stats",
        "algo.pageRank",
        "algo.BFS",
        "algo.SPpaths",
        "algo.SSpaths",
        "algo.WCC",
        "algo.betweenness",
        "algo.labelPropagation",
        # Neo4j
        "db.schema.visualization",
        "db.schema.nodeTypeProperties",
        "db.schema.relTypeProperties",
        "db.info",
        "db.index.fulltext.queryNodes",
        "db.index.fulltext.queryRelationships",
        "db.index.vector.queryNodes",
        "dbms.components",
    )
)

# One scan, left to right, so whichever of a string, a quoted name or a comment starts first
# wins (a ``//`` inside a string is text; a quote inside a comment is a comment). Both stores
# read backslash escapes in strings (FalkorDB 4.22: 'a\'b' is a'b); Neo4j also doubles
# backticks inside a quoted name.
_LEXEMES = re.compile(
    r"""
      (?P<string> '(?:[^'\\]|\\.)*' | "(?:[^"\\]|\\.)*" )
    | (?P<name>   `(?:[^`]|``)*` )
    | (?P<line>   //[^\n]* )
    | (?P<block>  /\*.*?\*/ )
    | (?P<open>   ['"`] | /\* )
""",
    re.X | re.S,
)

_NOT_A_CLAUSE = r"(?<![.$\w])(?<![.$] )"  # n.set, $delete and n. set are names, not clauses
_WRITE = re.compile(
    _NOT_A_CLAUSE + r"\b(CREATE|MERGE|DETACH\s+DELETE|DELETE|DETACH|SET|REMOVE|DROP|FOREACH|"
    r"ALTER|RENAME|GRANT|DENY|REVOKE|TERMINATE)\b",
    re.I,
)
_LOAD_CSV = re.compile(_NOT_A_CLAUSE + r"\bLOAD\s+CSV\b", re.I)
_CALL = re.compile(
    _NOT_A_CLAUSE + r"\bCALL\b\s*(?P<next>[{(]|(?P<name>[A-Za-z_]\w*(?:\s*\.\s*[A-Za-z_]\w*)*))?", re.I
)


def _lexeme(match: re.Match[str]) -> str:
    kind = match.lastgroup
    if kind == "string":
        return "''"
    if kind == "name":
        return "`_`"
    if kind == "open":
        what = {"'": "string", '"': "string", "`": "quoted name"}.get(match.group(), "comment")
        raise QueryError(f"the query has an unterminated {what}; it cannot be checked, so it is not run")
    return " "  # a comment separates tokens, as the server reads it: LOAD/**/CSV is LOAD CSV


def normalise(text: str) -> str:
    """The query as the check reads it: comments removed, strings and quoted names emptied,
    whitespace collapsed to single spaces.

    Raises :class:`QueryError` for an unterminated string, quoted name or comment.

    >>> normalise('RETURN "it\\'s // not a comment" AS `a``b`')
    "RETURN '' AS `_`"
    """
    return " ".join(_LEXEMES.sub(_lexeme, text).split())


def write_clause(text: str) -> str | None:
    """The first clause of ``text`` that a read must not run (upper case), else ``None``.

    >>> write_clause("MATCH (n) CALL { WITH n RETURN n.x AS x } RETURN x") is None
    True
    >>> write_clause("MATCH (n) WITH n LIMIT 1 CALL { WITH n SET n.x = 1 } RETURN 1")
    'SET'
    >>> write_clause("CALL db.labels() YIELD label RETURN label") is None
    True
    """
    query = normalise(text)
    found = []
    for m in _WRITE.finditer(query):
        found.append((m.start(), " ".join(m.group(1).upper().split())))
    for m in _LOAD_CSV.finditer(query):
        found.append((m.start(), "LOAD CSV"))
    for m in _CALL.finditer(query):
        if m.group("next") in ("{", "("):
            continue  # a subquery: its clauses are checked like the rest
        name = re.sub(r"\s+", "", m.group("name") or "")
        if name.lower() not in READ_PROCEDURES:
            found.append((m.start(), f"CALL {name}".rstrip()))
    return min(found)[1] if found else None


def check_read_only(text: str, *, refusal: str = "only read-only queries are allowed here") -> None:
    """Raise :class:`QueryError` naming the clause when ``text`` is not a plain read.

    ``refusal`` ends the message (the CLI names its command there).

    >>> check_read_only("LOAD CSV FROM 'file:///etc/passwd' AS row RETURN row")
    Traceback (most recent call last):
    ...
    graph.errors.QueryError: this query reads files or the network (LOAD CSV); only read-only ... here
    """
    clause = write_clause(text)
    if clause is None:
        return
    if clause == "LOAD CSV":
        raise QueryError(f"this query reads files or the network (LOAD CSV); {refusal}")
    if clause.startswith("CALL"):
        name = clause[len("CALL ") :] or "(no name)"
        raise QueryError(
            f"this query calls the procedure {name}, which is not on the list of read-only procedures; {refusal}"
        )
    raise QueryError(f"this query writes to the graph ({clause}); {refusal}")


def check_size(text: str) -> None:
    """Raise :class:`QueryError` when ``text`` is too long or too deeply nested to send.

    >>> check_size("RETURN " + "(" * 30 + "1" + ")" * 30 + " AS x")
    Traceback (most recent call last):
    ...
    graph.errors.QueryError: this query nests brackets 30 deep, deeper than the limit of 10 (the ... depth)
    """
    if len(text) > MAX_QUERY_CHARS:
        raise QueryError(
            f"this query is {len(text):,} characters long, longer than the limit of "
            f"{MAX_QUERY_CHARS:,} (pass long values as parameters)"
        )
    depth = deepest = 0
    for char in normalise(text):
        if char in "([{":
            depth += 1
            deepest = max(deepest, depth)
        elif char in ")]}":
            depth -= 1
    if deepest > MAX_NESTING:
        raise QueryError(
            f"this query nests brackets {deepest} deep, deeper than the limit of "
            f"{MAX_NESTING} (the embedded store's parser takes time exponential in the depth)"
        )


def check_read(text: str, *, refusal: str = "only read-only queries are allowed here") -> None:
    """Everything a store checks before it sends a read: :func:`check_size`, then
    :func:`check_read_only`."""
    check_size(text)
    check_read_only(text, refusal=refusal)
