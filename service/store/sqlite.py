"""The SQLite backend: one file in WAL mode, per-thread readers, one locked writer."""

from __future__ import annotations

import fcntl
import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

from service.errors import StorageFull
from service.store.backend import Db, Dialect

T = TypeVar("T")

SQLITE = Dialect(
    name="sqlite",
    contains="instr({column}, ?) > 0",  # instr, not LIKE: user text may contain % and _
    skip_locked="",  # BEGIN IMMEDIATE already serialises every writer
    migration_lock=None,
)


class SqliteBackend:
    """Reads on per-thread connections, writes through one connection under a lock."""

    dialect = SQLITE

    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        self._write_lock = threading.Lock()
        self._local = threading.local()
        self._connections: list[sqlite3.Connection] = []
        self._connections_lock = threading.Lock()
        self._writer = self._connect()
        self._writer.execute("PRAGMA journal_mode=WAL")

    def _connect(self) -> sqlite3.Connection:
        connection = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
        connection.execute("PRAGMA busy_timeout=5000")
        connection.execute("PRAGMA foreign_keys=ON")
        with self._connections_lock:
            self._connections.append(connection)
        return connection

    def _reader(self) -> sqlite3.Connection:
        connection: sqlite3.Connection | None = getattr(self._local, "connection", None)
        if connection is None:
            connection = self._connect()
            self._local.connection = connection
        return connection

    def write(self, action: Callable[[Db], T]) -> T:
        """Run `action` in one immediate transaction."""
        with self._write_lock:
            self._writer.execute("BEGIN IMMEDIATE")
            try:
                result = action(self._writer)
                self._writer.execute("COMMIT")
            except sqlite3.OperationalError as error:
                self._rollback()
                if _is_full(error):
                    raise StorageFull(f"no space left to store it ({error})") from None
                raise
            except BaseException:
                self._rollback()
                raise
            return result

    def _rollback(self) -> None:
        if self._writer.in_transaction:
            self._writer.execute("ROLLBACK")

    @contextmanager
    def read(self) -> Iterator[Db]:
        """A connection for consistent reads (one snapshot per `with`)."""
        connection = self._reader()
        connection.execute("BEGIN")
        try:
            yield connection
        finally:
            connection.execute("COMMIT")

    @contextmanager
    def exclusive(self, key: int) -> Iterator[None]:
        """A lock file beside the database (`<file>.lock-<key>`), flocked: one open file per
        holder, so threads exclude each other as processes do."""
        with open(f"{self.path}.lock-{key}", "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)

    def close(self) -> None:
        with self._connections_lock:
            for connection in self._connections:
                connection.close()
            self._connections.clear()


def _is_full(error: sqlite3.OperationalError) -> bool:
    """SQLITE_FULL ("database or disk is full"), or the OS's ENOSPC surfacing as an I/O error."""
    return getattr(error, "sqlite_errorcode", None) == sqlite3.SQLITE_FULL or "disk is full" in str(
        error
    )
