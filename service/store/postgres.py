"""The PostgreSQL backend: psycopg 3 with a connection pool, the same statements as SQLite."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, TypeVar

from service.store.backend import Cursor, Db, Dialect

T = TypeVar("T")

POSTGRES = Dialect(
    name="postgres",
    contains="strpos({column}, ?) > 0",
    skip_locked=" FOR UPDATE SKIP LOCKED",
    # Two instances starting at once on an empty database: one migrates, the other waits.
    migration_lock="SELECT pg_advisory_xact_lock(7261001)",
)
URL_SCHEMES = ("postgresql://", "postgres://")
_PLACEHOLDER = re.compile(r"\?")


def is_postgres_url(target: object) -> bool:
    return isinstance(target, str) and target.startswith(URL_SCHEMES)


def to_psycopg(sql: str) -> str:
    """`?` placeholders (the Store's one dialect) as psycopg's `%s`; a literal `%` doubled."""
    return _PLACEHOLDER.sub("%s", sql.replace("%", "%%"))


def _param(value: Any) -> Any:
    """PostgreSQL text cannot hold NUL: it is stored, and looked up, as U+FFFD (so an id or a
    filter with a NUL matches nothing, as on SQLite, instead of failing)."""
    return value.replace("\x00", "\ufffd") if isinstance(value, str) else value


def _params(parameters: Iterable[Any]) -> tuple[Any, ...]:
    return tuple(_param(value) for value in parameters)


class _PgDb:
    """A pooled connection speaking the Store's `Db` protocol."""

    def __init__(self, connection: Any) -> None:
        self._connection = connection

    def execute(self, sql: str, parameters: Any = (), /) -> Cursor:
        cursor: Cursor = self._connection.execute(to_psycopg(sql), _params(parameters))
        return cursor

    def executemany(self, sql: str, parameters: Iterable[Sequence[Any]], /) -> Cursor:
        cursor = self._connection.cursor()
        cursor.executemany(to_psycopg(sql), [_params(p) for p in parameters])
        result: Cursor = cursor
        return result


class PostgresBackend:
    """Every `write()` and `read()` borrows a pool connection for one transaction."""

    dialect = POSTGRES

    def __init__(self, url: str, *, pool_size: int = 10, timeout: float = 30.0) -> None:
        from psycopg_pool import ConnectionPool

        self.url = url
        self._pool = ConnectionPool(
            url,
            min_size=1,
            max_size=pool_size,
            timeout=timeout,
            kwargs={"autocommit": True},
            open=True,
            name="readout-diff",
        )
        self._pool.wait(timeout)

    def write(self, action: Callable[[Db], T]) -> T:
        """Run `action` in one transaction (READ COMMITTED; row claims lock what they take)."""
        with self._pool.connection() as connection, connection.transaction():
            return action(_PgDb(connection))

    @contextmanager
    def read(self) -> Iterator[Db]:
        """One REPEATABLE READ snapshot per `with`, as SQLite's read transaction gives."""
        with self._pool.connection() as connection, connection.transaction():
            connection.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            yield _PgDb(connection)

    @contextmanager
    def exclusive(self, key: int) -> Iterator[None]:
        """A session advisory lock, held on one pool connection until the block ends."""
        with self._pool.connection() as connection:
            connection.execute("SELECT pg_advisory_lock(%s)", (key,))
            try:
                yield
            finally:
                connection.execute("SELECT pg_advisory_unlock(%s)", (key,))

    def close(self) -> None:
        self._pool.close()
