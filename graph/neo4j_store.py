"""The Neo4j store, over the official ``neo4j`` Python driver (Bolt).

The same :class:`graph.store.GraphStore` as the embedded store, with the same statements.
Each statement runs in one explicit transaction (one per write batch), in WRITE or READ mode
(so the server itself refuses an ad-hoc query that tries to write), retried like the driver's
managed transactions except when the server refuses connections: then it is down, and the
store says so at once (:meth:`Neo4jStore._transaction`). Keys are guarded by
``CREATE CONSTRAINT ... IF NOT EXISTS``.

Connection: explicit arguments, else ``NEO4J_URI`` / ``NEO4J_USER`` / ``NEO4J_PASSWORD`` /
``NEO4J_DATABASE``, else the managed server of :mod:`graph.server` in the data folder.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import os
import shutil
import socket
import time
from pathlib import Path
from typing import Any, Callable, Iterator, TypeVar
from urllib.parse import urlsplit

from graph.cypher import CLEAR, CONSTRAINT, INDEX, LOOKUP_KEYS, ORDER_KEYS, PING, UNIQUE_KEYS, token
from graph.errors import QueryError, StoreError, StoreNotWritable, StoreUnavailable
from graph.guard import check_read
from graph.store import GraphStore, timed_out

__all__ = ["Neo4jStore", "CONSTRAINT", "INDEX", "RETRY_SECONDS"]

T = TypeVar("T")

log = logging.getLogger("aigov.store")

#: Free bytes the managed server's disk needs before aigov restarts a database that stopped
#: on a full disk (the server's own start writes logs and unpacks Browser's 46 MB there).
RESTART_ROOM = 64 * 2**20
#: Seconds that restart may take: recovery replays the log and rebuilds indexes never flushed.
RESTART_SECONDS = 300.0
#: Neo4j's setting that lets recovery truncate a transaction log after its last whole entry.
FORGIVE_LOG_TAIL = "internal.dbms.tx_log.fail_on_corrupted_log_files"

#: How long a transaction is retried after a transient error or a lost connection (the
#: driver's own default). A server that refuses connections is not retried at all.
RETRY_SECONDS = 30.0

#: Seconds to open a connection: a host that does not answer is reported after this.
CONNECT_SECONDS = 5.0


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


def _stopped(exc: Any) -> bool:
    """Whether a server error says the database stopped taking writes: a transaction that
    could not be appended to its log (a full disk), or the database stopped ("panic") since."""
    return "TransactionLogError" in (exc.code or "") or "needs to be restarted" in (exc.message or "")


def _rows(query: str, params: dict[str, Any] | None) -> Callable[[Any], list[dict[str, Any]]]:
    """The unit of work that runs ``query`` and returns its rows as plain values."""

    def work(tx) -> list[dict[str, Any]]:
        result = tx.run(query, params or {})
        keys = result.keys()
        return [{k: _plain(r[k]) for k in keys} for r in result]

    return work


class Neo4jStore(GraphStore):
    """A Neo4j 5 database reached over Bolt."""

    name = "neo4j"

    def __init__(
        self,
        uri: str,
        user: str,
        password: str,
        database: str = "neo4j",
        *,
        timeout: float | None = None,
        write_timeout: float | None = None,
    ):
        import neo4j

        from graph.store import default_timeout, default_write_timeout

        self.uri, self.database = uri, database
        #: Seconds a read transaction may run before the server stops it.
        self.timeout = timeout or default_timeout()
        #: Seconds a write transaction may run before the server stops it and rolls it back.
        self.write_timeout = write_timeout or default_write_timeout()
        self._schema_checked = False
        self._auth = (user, password)
        #: Whether this is the managed server of a data folder (which aigov may restart).
        self._managed = False
        # Notifications such as "label not in the database" (an empty graph, a canned query
        # for an event type no article had yet) are not errors: keep stderr quiet.
        self._driver = neo4j.GraphDatabase.driver(
            uri, auth=(user, password), notifications_min_severity="OFF", connection_timeout=CONNECT_SECONDS
        )
        try:
            self._driver.verify_connectivity()
        except neo4j.exceptions.AuthError as exc:
            self._driver.close()
            raise StoreUnavailable(f"Neo4j at {uri} refused the credentials of user {user!r}") from exc
        except (neo4j.exceptions.ServiceUnavailable, OSError, ValueError) as exc:
            self._driver.close()
            raise StoreUnavailable(self._down(exc)) from exc

    def _down(self, exc: BaseException | None = None) -> str:
        """One line saying that the server does not answer, and how to start it."""
        why = "it refuses connections" if not self._reachable() else " ".join(str(exc or "").split())[:200]
        return (
            f"cannot reach Neo4j at {self.uri} ({why}); start the managed server with "
            "`aigov neo4j start`, or set NEO4J_URI to a running one"
        )

    def _reachable(self) -> bool:
        """Whether something accepts connections at the server's address (a stopped server
        refuses them at once; a busy or restarting one does not)."""
        parts = urlsplit(self.uri)
        try:
            with socket.create_connection((parts.hostname or "localhost", parts.port or 7687), timeout=2):
                return True
        except OSError:
            return False

    def _transaction(self, work: Callable[[Any], T], *, write: bool, timeout: float | None = None) -> T:
        """Run ``work(tx)`` in one transaction and commit it, retried as the driver retries
        its managed transactions (transient errors, lost connections; up to
        :data:`RETRY_SECONDS`) but for one case: a server that refuses connections is down,
        not busy, so it is reported at once, in one line (the driver's own loop took 30-58 s
        and logged a warning per retry, issue 15)."""
        import neo4j

        mode = neo4j.WRITE_ACCESS if write else neo4j.READ_ACCESS
        deadline, delay = None, 0.5
        while True:
            try:
                with self._driver.session(
                    database=self.database,
                    default_access_mode=mode,
                    bookmark_manager=self._driver.execute_query_bookmark_manager,
                ) as s:
                    with s.begin_transaction(timeout=timeout) as tx:
                        out = work(tx)
                        tx.commit()
                        return out
            except (neo4j.exceptions.DriverError, neo4j.exceptions.Neo4jError) as exc:
                if not exc.is_retryable():
                    raise
                if (
                    isinstance(exc, (neo4j.exceptions.ServiceUnavailable, neo4j.exceptions.SessionExpired))
                    and not self._reachable()
                ):
                    raise StoreUnavailable(self._down(exc)) from exc
                deadline = deadline or time.monotonic() + RETRY_SECONDS
                if time.monotonic() + delay > deadline:
                    raise
                time.sleep(delay)
                delay = min(delay * 2, 8.0)

    @classmethod
    def connect(
        cls,
        *,
        home: Path,
        uri: str | None = None,
        user: str | None = None,
        password: str | None = None,
        database: str | None = None,
        timeout: float | None = None,
    ) -> "Neo4jStore":
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
                    f"{home} is not running (start it with `aigov neo4j start`)"
                )
            uri = uri or server.bolt_uri
            if not password:
                user, password = server.credentials()
            store = cls(uri, user, password, database, timeout=timeout)
            store._managed = True
            try:
                store._recover(server)
            except BaseException:
                store.close()
                raise
            return store
        return cls(uri, user, password, database, timeout=timeout)

    def _stopped_why(self) -> str | None:
        """Why the database stopped after a critical error (the server's status message, e.g.
        "No space left on device"), or None when it answers."""
        import neo4j

        try:
            with self._driver.session(database=self.database) as s:
                s.run(PING).consume()
            return None
        except neo4j.exceptions.DatabaseError as exc:
            if not _stopped(exc):
                raise
            return self._status_message() or "a critical error"

    def _status_message(self) -> str:
        """The database's status message from the system database ('' when there is none)."""
        import neo4j

        try:
            with self._driver.session(database="system") as s:
                row = s.run("SHOW DATABASE $db YIELD statusMessage", db=self.database).single()
        except (neo4j.exceptions.DriverError, neo4j.exceptions.Neo4jError):
            return ""
        return " ".join(str(row["statusMessage"] or "").split())[:200] if row else ""

    def _recover(self, server: Any) -> None:
        """A managed server whose database stopped after a critical error (a full disk: Neo4j
        stops a database whose transaction log cannot be appended to, until a restart) is
        restarted, once its disk has room again; before that, one line says why it cannot write."""
        why = self._stopped_why()
        if why is None:
            return
        free = shutil.disk_usage(server.server_dir).free
        if free < RESTART_ROOM:
            raise StoreNotWritable(self._cannot_write(why, managed=True))
        from graph.server import _file_lock

        with _file_lock(server.server_dir / ".restart.lock"):
            if self._stopped_why() is None:  # another command restarted it meanwhile
                return
            log.warning(
                "Neo4j's database %r had stopped (%s); restarting the managed server in %s",
                self.database,
                why,
                server.data_dir,
            )
            self._driver.close()
            # The append that met the full disk may have left part of its transaction at the
            # end of the log, where recovery refuses to start ("Unreadable bytes are encountered
            # after last readable position"). That transaction was never committed (its client
            # got the error): for this one start, let recovery cut the log after the last whole
            # transaction. Any other stop is restarted as it is.
            once = {FORGIVE_LOG_TAIL: "false"} if "No space left" in why else None
            server.restart(timeout=RESTART_SECONDS, once=once)
            import neo4j

            self._driver = neo4j.GraphDatabase.driver(
                self.uri, auth=self._auth, notifications_min_severity="OFF", connection_timeout=CONNECT_SECONDS
            )

    def _cannot_write(self, why: str, *, managed: bool = False) -> str:
        """The one line of a database that cannot persist writes (and stopped)."""
        fix = (
            "aigov restarts the managed server once the disk has room"
            if managed
            else "it needs space and a restart of the server"
        )
        return f"Neo4j at {self.uri} cannot write database {self.database!r}: {why} ({fix})"

    def ensure_schema(self) -> None:
        for label in UNIQUE_KEYS:
            self._run(CONSTRAINT.format(name=f"aigov_{label.lower()}_id", label=token(label)), write=True)
        for label, prop in LOOKUP_KEYS + ORDER_KEYS:
            self._run(
                INDEX.format(name=f"aigov_{label.lower()}_{prop}", label=token(label), prop=prop), write=True
            )
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
            raise StoreUnavailable(
                f"lost the connection to Neo4j at {self.uri}: {' '.join(str(exc).split())[:200]}"
            ) from exc
        except neo4j.exceptions.Neo4jError as exc:
            if isinstance(exc, neo4j.exceptions.DatabaseError) and _stopped(exc):
                # The first failed append (TransactionLogError) stops the database: every later
                # statement fails too, so say why once (the server's status message) and stop.
                why = self._status_message() or " ".join((exc.message or str(exc)).split())[:200]
                raise StoreNotWritable(self._cannot_write(why, managed=self._managed)) from exc
            raise StoreError(f"Neo4j: {exc.message or exc}") from exc

    def _run(
        self, query: str, params: dict[str, Any] | None = None, *, write: bool = False
    ) -> list[dict[str, Any]]:
        import neo4j

        from graph.store import write_timed_out

        with self._driver_errors():
            try:
                return self._transaction(
                    _rows(query, params), write=write, timeout=self.write_timeout if write else None
                )
            except neo4j.exceptions.Neo4jError as exc:
                # a write stuck on a lock or a runaway statement stops on the server, rolled back
                if write and "TransactionTimedOut" in (exc.code or ""):
                    raise write_timed_out(self.write_timeout) from exc
                raise

    def read(self, query: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        import neo4j

        check_read(query)

        # A read transaction: the server refuses writes in it (execute_query alone does not),
        # and stops it at the time limit (a client error, which is not retried).
        with self._driver_errors():
            try:
                return self._transaction(_rows(query, params), write=False, timeout=self.timeout)
            except neo4j.exceptions.Neo4jError as exc:
                if "TransactionTimedOut" in (exc.code or ""):
                    raise timed_out(self.timeout) from exc
                if not isinstance(exc, neo4j.exceptions.ClientError):
                    raise
                if "AccessMode" in (exc.code or "") or "Forbidden" in (exc.code or ""):
                    raise QueryError(
                        "this query writes to the graph; only read-only queries are allowed here"
                    ) from exc
                raise

    def clear(self) -> None:
        """Delete every node and relationship (the tests and the benchmarks empty a database with it)."""
        # CALL ... IN TRANSACTIONS needs an auto-commit transaction: session.run
        with self._driver_errors(), self._driver.session(database=self.database) as s:
            for query in CLEAR:
                s.run(query).consume()

    def close(self) -> None:
        self._driver.close()
