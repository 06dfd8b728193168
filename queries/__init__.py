"""Canned Cypher queries: one ``.cypher`` file each, with a header, run on either store.

The header is made of ``//`` comment lines::

    // name: bans
    // description: Who blocked or banned which product, where and when.
    // param: entity:key = null : only rows whose actor or target matches this name
    // param: limit:int = 100 : at most this many rows

A parameter has a type (``str`` by default; ``int``, ``float``, ``bool``, ``date`` -- an ISO
date string -- or ``key``: a name folded to lower case without accents, to compare with the
``keys`` property every entity carries), a default (``null`` for none) and a description.
Values only ever reach Cypher as parameters.

A query folds its ``key`` parameters itself, so that it answers the same in Neo4j Browser
(where a user types ``entity => "Grok"``) as through aigov: ``fold($entity)`` in a query file
stands for the Cypher expression :func:`fold_cypher` builds, which lower-cases and strips the
accents of Latin letters exactly as :func:`graph.model.fold` does (the CLI folds in Python
first, which also covers other scripts). Both stores run it: FalkorDB has no ``normalize()``,
so it is ``toLower`` and ``replace`` over a table derived from :func:`graph.model.fold`.

Examples
--------
>>> q = get("bans")
>>> q.name, "entity" in q.params
('bans', True)
>>> q.bind({"entity": "Malaisie"})["entity"]
'malaisie'
>>> "fold($entity)" in q.text, "toLower(replace(trim($entity)" in q.text
(False, True)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from importlib import resources
from typing import Any, Mapping

from graph.errors import QueryError
from graph.guard import write_clause
from graph.model import fold

__all__ = [
    "CannedQuery",
    "Param",
    "get",
    "names",
    "all_queries",
    "rows",
    "frame",
    "run",
    "is_read_only",
    "fold_cypher",
    "FOLDED_RANGES",
    "cypher_literal",
]

_HEADER = re.compile(r"^//\s*(name|description|param):\s*(.*)$")
_PARAM = re.compile(r"^(?P<name>[a-z_][a-z0-9_]*)(?::(?P<type>\w+))?\s*=\s*(?P<default>.*?)\s*:\s*(?P<doc>.+)$")
_TYPES = ("str", "int", "float", "bool", "date", "key")
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_COUNT = re.compile(r"\b(?:LIMIT|SKIP)\s+\$(\w+)", re.I)
_FOLD = re.compile(r"\bfold\(\$(\w+)\)")

#: The letters the Cypher fold knows: Latin-1 Supplement, Latin Extended-A and -B (French,
#: Spanish, German, Italian, Portuguese, Nordic, Polish, Czech, Romanian, Turkish, ...). Not the
#: combining accents of decomposed (NFD) text: FalkorDB reads no ``\\u`` escape, and the marks
#: written as they are would make the printed query unreadable; what people type is NFC.
FOLDED_RANGES = (range(0x00C0, 0x0250),)


def _fold_table() -> list[tuple[str, str]]:
    """``(letters, replacement)`` pairs: every lower-case letter of :data:`FOLDED_RANGES` that
    :func:`graph.model.fold` changes, grouped by what it becomes ('' for a combining accent).

    >>> table = {to: letters for letters, to in _fold_table()}
    >>> table["e"][:4], table["ss"], "ø" in table
    ('èéêë', 'ß', True)
    """
    groups: dict[str, str] = {}
    for block in FOLDED_RANGES:
        for c in map(chr, block):
            if c.lower() != c:
                continue  # upper case: toLower() comes first
            folded = fold(c)
            if folded != c:
                groups[folded] = groups.get(folded, "") + c
    return sorted(((letters, to) for to, letters in groups.items()), key=lambda p: p[1])


def _cypher_string(text: str) -> str:
    """A Cypher string literal (single quotes; backslash and quote escaped)."""
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"


def cypher_literal(value: Any) -> str:
    r"""A parameter value as a Cypher literal, of the same type once evaluated: what Neo4j
    Browser's ``:param name => <literal>`` evaluates on the server (an integer stays an
    integer there; ``:params {"limit": 200}`` made it the float 200.0, which LIMIT refuses).

    >>> [cypher_literal(v) for v in (None, True, 200, 2.0)]
    ['null', 'true', '200', '2.0']
    >>> print(cypher_literal("O'Brien \\ Ünïcode"))
    'O\'Brien \\ Ünïcode'
    """
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return repr(value)
    return _cypher_string(str(value))


def fold_cypher(param: str) -> str:
    """The Cypher expression that folds the parameter ``$param`` like :func:`graph.model.fold`
    (null stays null). A query file writes it ``fold($param)``.

    >>> print(fold_cypher("entity")[:34])
    reduce(k = toLower(replace(trim($e
    """
    table = ", ".join(f"[{_cypher_string(letters)}, {_cypher_string(to)}]" for letters, to in _fold_table())
    # 'İ' first: Neo4j lower-cases it to 'i' + a combining dot (Java's rule), FalkorDB to 'i'
    return (
        f"reduce(k = toLower(replace(trim(${param}), 'İ', 'I')), f IN [{table}] |\n"
        f"  reduce(s = k, i IN range(0, size(f[0]) - 1) | replace(s, substring(f[0], i, 1), f[1])))"
    )


#: The largest row count (``LIMIT``/``SKIP`` parameter) a canned query takes: FalkorDB reads
#: it as a 32-bit number (``LIMIT 4294967296`` returned no rows).
MAX_COUNT = 2**31 - 1


@dataclass(frozen=True)
class Param:
    """One declared parameter of a canned query."""

    name: str
    type: str
    default: Any
    doc: str
    #: Used as a row count (``LIMIT $name`` or ``SKIP $name``): from 0 to :data:`MAX_COUNT`.
    count: bool = False

    def convert(self, value: Any) -> Any:
        """Convert a CLI string (or a Python value) to this parameter's type.

        An integer out of range is refused rather than sent: the stores keep 64-bit integers
        (FalkorDB clamped a larger one silently), and FalkorDB answered ``LIMIT 4294967296``
        with no rows at all.

        >>> Param("limit", "int", 100, "", count=True).convert("9223372036854775807")
        Traceback (most recent call last):
        ...
        graph.errors.QueryError: parameter 'limit' is a number of rows: ... not 9223372036854775807
        """
        if value is None or (isinstance(value, str) and value.lower() in ("null", "none", "")):
            return None
        try:
            if self.type == "int":
                number = int(value)
                if self.count and not 0 <= number <= MAX_COUNT:
                    raise QueryError(
                        f"parameter {self.name!r} is a number of rows: it must be from "
                        f"0 to {MAX_COUNT}, not {number}"
                    )
                if not -(2**63) <= number < 2**63:
                    raise QueryError(
                        f"parameter {self.name!r} must be an integer from {-(2**63)} to {2**63 - 1}, not {number}"
                    )
                return number
            if self.type == "float":
                return float(value)
            if self.type == "bool":
                if isinstance(value, bool):
                    return value
                if str(value).lower() in ("true", "1", "yes"):
                    return True
                if str(value).lower() in ("false", "0", "no"):
                    return False
                raise ValueError(value)
        except ValueError:
            raise QueryError(f"parameter {self.name!r} must be {self.type}, not {value!r}") from None
        text = str(value)
        if self.type == "date" and not _DATE.match(text):
            raise QueryError(f"parameter {self.name!r} must be a date YYYY[-MM[-DD]], not {text!r}")
        if self.type == "key":
            return fold(text).strip()
        return text


@dataclass(frozen=True)
class CannedQuery:
    """A named, documented, parameterised query read from ``queries/<name>.cypher``."""

    name: str
    description: str
    params: Mapping[str, Param]
    text: str

    def bind(self, values: Mapping[str, Any] | None = None) -> dict[str, Any]:
        """Defaults, overridden by ``values``, converted to their types; unknown names refused."""
        values = dict(values or {})
        unknown = sorted(set(values) - set(self.params))
        if unknown:
            known = ", ".join(self.params) or "none"
            raise QueryError(f"query {self.name!r} has no parameter {unknown[0]!r} (parameters: {known})")
        return {name: p.convert(values.get(name, p.default)) for name, p in self.params.items()}

    def browser_params(self, values: Mapping[str, Any] | None = None) -> str:
        """The parameters as Neo4j Browser's ``:param name => value;`` lines (Browser runs
        them in order, one after the other: its multi-statement editor is on by default).

        Values are checked like :meth:`bind`, but names are printed as given: the query folds
        them itself (``fold($entity)``).

        >>> print(get("fines").browser_params({"entity": "CNIL", "limit": "5"}))
        :param entity => 'CNIL';
        :param limit => 5;
        """
        bound = self.bind(values)
        given = dict(values or {})
        lines = []
        for name, p in self.params.items():
            value = bound[name]
            if p.type == "key" and given.get(name) is not None:
                value = str(given[name]).strip() or None
            lines.append(f":param {name} => {cypher_literal(value)};")
        return "\n".join(lines)

    def browser_script(self, values: Mapping[str, Any] | None = None) -> str:
        """What ``aigov query show`` prints for Neo4j Browser: the parameters, then the query,
        as two frames to run one after the other. (Pasted whole, Browser runs both as one
        script, sets the parameters, and shows only the statements' status, not the rows.)

        >>> print(get("fines").browser_script({"limit": "5"}).split(chr(10) * 2)[0])
        // fines: Fines: who fined whom, how much (as stated), when.
        // 1. Set the parameters (run these lines as one frame):
        :param entity => null;
        :param limit => 5;
        """
        return (
            f"// {self.name}: {self.description}\n"
            "// 1. Set the parameters (run these lines as one frame):\n"
            f"{self.browser_params(values)}\n\n"
            "// 2. Then run the query on its own (its frame shows the rows):\n"
            f"{self.text}"
        )


def _parse(name: str, source: str) -> CannedQuery:
    meta: dict[str, str] = {}
    params: dict[str, Param] = {}
    body: list[str] = []
    for line in source.splitlines():
        m = _HEADER.match(line.strip())
        if m and not body:
            key, value = m.groups()
            if key == "param":
                pm = _PARAM.match(value.strip())
                if not pm:
                    raise QueryError(f"queries/{name}.cypher: bad param line {value!r}")
                ptype = pm.group("type") or "str"
                if ptype not in _TYPES:
                    raise QueryError(f"queries/{name}.cypher: unknown param type {ptype!r}")
                p = Param(pm.group("name"), ptype, None, pm.group("doc"))
                params[p.name] = Param(p.name, ptype, p.convert(pm.group("default")), p.doc)
            else:
                meta[key] = value.strip()
        elif line.strip() or body:
            body.append(line)
    for counted in set(_COUNT.findall("\n".join(body))) & set(params):
        p = replace(params[counted], count=True)
        params[counted] = replace(p, default=p.convert(p.default))  # a default in range, too
    if meta.get("name") != name:
        raise QueryError(f"queries/{name}.cypher: header name {meta.get('name')!r} does not match the file")
    if not meta.get("description"):
        raise QueryError(f"queries/{name}.cypher: no description")
    text = "\n".join(body).strip() + "\n"
    for folded in _FOLD.findall(text):
        if folded not in params or params[folded].type != "key":
            raise QueryError(f"queries/{name}.cypher: fold(${folded}) needs a parameter {folded}:key")
    text = _FOLD.sub(lambda m: fold_cypher(m.group(1)), text)
    return CannedQuery(name, meta["description"], params, text)


def _files() -> dict[str, str]:
    root = resources.files(__name__)
    return {
        f.name[: -len(".cypher")]: f.read_text(encoding="utf-8")
        for f in root.iterdir()
        if f.name.endswith(".cypher")
    }


def names() -> list[str]:
    """Names of all canned queries, sorted."""
    return sorted(_files())


def get(name: str) -> CannedQuery:
    """Load one canned query by name."""
    files = _files()
    if name not in files:
        raise QueryError(f"no canned query named {name!r}; `aigov query list` shows them")
    return _parse(name, files[name])


def all_queries() -> list[CannedQuery]:
    return [get(n) for n in names()]


def is_read_only(text: str) -> bool:
    """Whether an ad-hoc query is a plain read, judged on the query without its comments and
    strings (:mod:`graph.guard`; the stores check again).

    >>> is_read_only("MATCH (n) WHERE n.name = 'CREATE' RETURN n")
    True
    >>> is_read_only("MATCH (n) DETACH DELETE n")
    False
    >>> is_read_only("LOAD /**/ CSV FROM 'https://example.org/a.csv' AS row RETURN row")
    False
    """
    try:
        return write_clause(text) is None
    except QueryError:
        return False  # an unterminated string or comment: cannot be read for sure


def rows(store: Any, name: str, values: Mapping[str, Any] | None = None) -> tuple[list[str], list[dict[str, Any]]]:
    """Run a canned query on a store: its column names and its rows as plain dicts (what the
    CLI prints; no pandas).

    Lists of names in a cell are sorted, so both stores give identical rows. An empty answer
    keeps its columns (read from the query's final ``RETURN``).
    """
    query = get(name)
    found = [{k: _sorted(v) for k, v in row.items()} for row in store.read(query.text, query.bind(values))]
    return _columns(query.text, found), found


def frame(store: Any, name: str, values: Mapping[str, Any] | None = None) -> Any:
    """Run a canned query on a store and return a :class:`pandas.DataFrame` (for notebooks):
    the :func:`rows`, with their columns."""
    import pandas as pd

    columns, found = rows(store, name, values)
    return pd.DataFrame(found, columns=columns)


#: The former name of :func:`frame`, kept for notebooks and scripts written against it.
run = frame


def _sorted(value: Any) -> Any:
    """Lists of scalars in a cell come back sorted: ``collect()`` order is store-specific."""
    if isinstance(value, list) and all(isinstance(v, (str, int, float)) for v in value):
        return sorted(value, key=lambda v: (str(type(v)), v))
    return value


def _columns(text: str, rows: list[dict[str, Any]]) -> list[str]:
    if rows:
        return list(rows[0].keys())
    # No rows: take the column names from the final RETURN so an empty result keeps its shape.
    tail = text.rsplit("RETURN", 1)[-1]
    tail = re.split(r"\bORDER\s+BY\b|\bLIMIT\b|\bSKIP\b", tail)[0]
    return [m.group(1) for m in re.finditer(r"\bAS\s+(\w+)", tail)]
