"""The Neo4j store, over the official ``neo4j`` Python driver (Bolt).

The same :class:`graph.store.GraphStore` as the embedded store, with the same statements.
Writes go through ``execute_query`` (one managed, retried transaction per batch, always with
``database_``); reads run in READ routing mode, so the server itself refuses an ad-hoc query
that tries to write. Keys are guarded by ``CREATE CONSTRAINT ... IF NOT EXISTS``.

Connection: explicit arguments, else ``NEO4J_URI`` / ``NEO4J_USER`` / ``NEO4J_PASSWORD`` /
``NEO4J_DATABASE``, else the managed server of :mod:`graph.server` in the data folder.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
from pathlib import Path
from typing import Any, Iterator

from graph.cypher import LOOKUP_KEYS, ORDER_KEYS, UNIQUE_KEYS, token
from graph.errors import QueryError, StoreError, StoreUnavailable
from graph.guard import check_read
from graph.store import GraphStore, timed_out

__all__ = ["Neo4jStore", "CONSTRAINT", "INDEX"]

#: Named, idempotent uniqueness constraint on ``id`` for one label.
CONSTRAINT = "CREATE CONSTRAINT {name} IF NOT EXISTS FOR (n:{label}) REQUIRE n.id IS UNIQUE"

#: Named, idempotent range index for a lookup property.
INDEX = "CREATE INDEX {name} IF NOT EXISTS FOR (n:{label}) ON (n.{prop})"

#: Empty the database in small transactions, relationships first: one ``DETACH DELETE`` of a
#: 100k-event graph exceeded the server's transaction memory pool (1.4 GiB of a 1 GB heap).
CLEAR = ("MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS",
         "MATCH (n) CALL (n) { DELETE n } IN TRANSACTIONS OF 10000 ROWS")


def _plain(value: Any) -> Any:
    """Driver values -> plain Python (nodes/relationships become maps, temporals ISO strings)."""
    from neo4j.graph import Node, Path as NeoPath, Relationship

    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, Node):
        out = {k: _plain(v) for k, v in value.items()}
        out["_labels"] = sorted(value.labels)
        return out
    if isinstance(value, Relationship):
        out = {k: _plain(v) for k, v in value.items()}
        out["_type"] = value.type
        return out
    if isinstance(value, NeoPath):
        return {"nodes": [_plain(n) for n in value.nodes], "edges": [_plain(r) for r in value.relationships]}
    if hasattr(value, "iso_format"):
        return value.iso_format()
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return str(value)


class Neo4jStore(GraphStore):
    """A Neo4j 5 database reached over Bolt."""

    name = "neo4j"

    def __init__(self, uri: str, user: str, password: str, database: str = "neo4j", *,
                 timeout: float | None = None):
        import neo4j

        from graph.store import default_timeout

        self.uri, self.database = uri, database
        #: Seconds a read transaction may run before the server stops it.
        self.timeout = timeout or default_timeout()
        self._schema_checked = False
        # Notifications such as "label not in the database" (an empty graph, a canned query
        # for an event type no article had yet) are not errors: keep stderr quiet.
        self._driver = neo4j.GraphDatabase.driver(uri, auth=(user, password),
                                                  notifications_min_severity="OFF")
        try:
            self._driver.verify_connectivity()
        except neo4j.exceptions.AuthError as exc:
            self._driver.close()
            raise StoreUnavailable(f"Neo4j at {uri} refused the credentials of user {user!r}") from exc
        except (neo4j.exceptions.ServiceUnavailable, OSError, ValueError) as exc:
            self._driver.close()
            raise StoreUnavailable(
                f"cannot reach Neo4j at {uri}: {exc}. Start the managed server with "
                "`aigov neo4j start`, or set NEO4J_URI to a running one") from exc

    @classmethod
    def connect(cls, *, home: Path, uri: str | None = None, user: str | None = None,
                password: str | None = None, database: str | None = None,
                timeout: float | None = None) -> "Neo4jStore":
        """Connect with explicit settings, the NEO4J_* variables, or the managed server."""
        uri = uri or os.environ.get("NEO4J_URI")
        user = user or os.environ.get("NEO4J_USER") or "neo4j"
        password = password or os.environ.get("NEO4J_PASSWORD")
        database = database or os.environ.get("NEO4J_DATABASE") or "neo4j"
        if not uri or not password:
            from graph.server import ManagedNeo4j

            server = ManagedNeo4j(home)
            if not server.status().running:
                raise StoreUnavailable(
                    f"no Neo4j to connect to: NEO4J_URI is not set and the managed server in "
                    f"{home} is not running (start it with `aigov neo4j start`)")
            uri = uri or server.bolt_uri
            if not password:
                user, password = server.credentials()
        return cls(uri, user, password, database, timeout=timeout)

    def ensure_schema(self) -> None:
        for label in UNIQUE_KEYS:
            self._run(CONSTRAINT.format(name=f"aigov_{label.lower()}_id", label=token(label)),
                      write=True, schema=True)
        for label, prop in LOOKUP_KEYS + ORDER_KEYS:
            self._run(INDEX.format(name=f"aigov_{label.lower()}_{prop}", label=token(label), prop=prop),
                      write=True, schema=True)
        self._schema_checked = True
        self._upgrade()

    @contextlib.contextmanager
    def _driver_errors(self) -> Iterator[None]:
        """The driver's errors as aigov's: a lost server is :class:`StoreUnavailable`, any
        other Neo4j error a :class:`StoreError` with the server's message."""
        import neo4j

        try:
            yield
        except (neo4j.exceptions.ServiceUnavailable, neo4j.exceptions.SessionExpired) as exc:
            raise StoreUnavailable(f"lost the connection to Neo4j at {self.uri}: {exc}") from exc
        except neo4j.exceptions.Neo4jError as exc:
            raise StoreError(f"Neo4j: {exc.message or exc}") from exc

    def _run(self, query: str, params: dict[str, Any] | None = None, *, write: bool = False,
             schema: bool = False) -> list[dict[str, Any]]:
        import neo4j

        if write and not schema and not self._schema_checked:
            self.ensure_schema()
        with self._driver_errors():
            records, _, keys = self._driver.execute_query(
                query, params or {}, database_=self.database,
                routing_=neo4j.RoutingControl.WRITE if write else neo4j.RoutingControl.READ)
        return [{k: _plain(r[k]) for k in keys} for r in records]

    def read(self, query: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        import neo4j

        check_read(query)

        # A read transaction: the server refuses writes in it (execute_query alone does not),
        # and stops it at the time limit (a client error, which the driver does not retry).
        @neo4j.unit_of_work(timeout=self.timeout)
        def work(tx):
            result = tx.run(query, params or {})
            keys = result.keys()
            return keys, [{k: _plain(r[k]) for k in keys} for r in result]

        with self._driver_errors():
            try:
                with self._driver.session(database=self.database,
                                          bookmark_manager=self._driver.execute_query_bookmark_manager) as s:
                    _, rows = s.execute_read(work)
                    return rows
            except neo4j.exceptions.Neo4jError as exc:
                if "TransactionTimedOut" in (exc.code or ""):
                    raise timed_out(self.timeout) from exc
                if not isinstance(exc, neo4j.exceptions.ClientError):
                    raise
                if "AccessMode" in (exc.code or "") or "Forbidden" in (exc.code or ""):
                    raise QueryError("this query writes to the graph; only read-only queries are "
                                     "allowed here") from exc
                raise

    def clear(self) -> None:
        """Delete every node and relationship (tests and ``store copy --replace``)."""
        # CALL ... IN TRANSACTIONS needs an auto-commit transaction: session.run
        with self._driver_errors(), self._driver.session(database=self.database) as s:
            for query in CLEAR:
                s.run(query).consume()

    def close(self) -> None:
        self._driver.close()
