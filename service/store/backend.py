"""The backend interface of the Store: a transaction to write in, a snapshot to read from."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Any, Protocol, TypeVar

T = TypeVar("T")


class Cursor(Protocol):
    """What a statement returns: rows and, for writes, how many rows it touched."""

    @property
    def rowcount(self) -> int: ...

    def fetchone(self) -> Any: ...

    def fetchall(self) -> list[Any]: ...


class Db(Protocol):
    """A connection inside one transaction; statements use `?` placeholders on every backend."""

    def execute(self, sql: str, parameters: Any = (), /) -> Cursor: ...

    def executemany(self, sql: str, parameters: Iterable[Sequence[Any]], /) -> Cursor: ...


@dataclass(frozen=True)
class Dialect:
    """The few fragments of SQL that differ between SQLite and PostgreSQL; all else is shared."""

    name: str
    # `{column}` contains the parameter, as a plain substring (no LIKE wildcards).
    contains: str
    # Appended to a row-claiming SELECT: skip rows another transaction has locked.
    skip_locked: str
    # Run first in the migration transaction, so concurrent starts migrate one at a time.
    migration_lock: str | None


class Backend(Protocol):
    """One database: `write()` runs an action in a transaction, `read()` yields a snapshot."""

    dialect: Dialect

    def write(self, action: Callable[[Db], T]) -> T: ...

    def read(self) -> AbstractContextManager[Db]: ...

    def exclusive(self, key: int) -> AbstractContextManager[None]:
        """Held by one process (and thread) at a time across every process on the database."""
        ...

    def close(self) -> None: ...
