"""Persistence: SQLite or PostgreSQL behind one Store, one schema and its migrations."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path
from typing import TypeVar

from service.store.backend import Backend, Db, Dialect
from service.store.postgres import PostgresBackend, is_postgres_url
from service.store.rows import (
    COLUMNS,
    ComparisonQuery,
    StoredComparison,
    comparison_row,
    filters,
    insert_values,
)
from service.store.sqlite import SqliteBackend

__all__ = ["MIGRATIONS", "ComparisonQuery", "Db", "Dialect", "Store", "StoredComparison"]

T = TypeVar("T")

# Applied in order, each once; append new steps, never edit old ones (batch adds its tables here).
MIGRATIONS: list[str] = [
    """
    CREATE TABLE comparisons (
        id TEXT PRIMARY KEY,
        title TEXT,
        date TEXT,
        side_a TEXT NOT NULL,
        side_b TEXT NOT NULL,
        created_at TEXT NOT NULL,
        search TEXT NOT NULL,
        summary TEXT NOT NULL,
        request TEXT NOT NULL,
        report TEXT NOT NULL
    );
    CREATE INDEX comparisons_newest ON comparisons (created_at DESC);
    CREATE INDEX comparisons_date ON comparisons (date);
    """,
    # Batches: the items of each, in input order; an item's comparison is written in the same
    # transaction that marks it done, so a resumed batch never runs it twice.
    """
    CREATE TABLE batches (
        id TEXT PRIMARY KEY,
        status TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        total INTEGER NOT NULL,
        error TEXT,
        trends TEXT
    );
    CREATE INDEX batches_status ON batches (status);
    CREATE TABLE batch_items (
        batch_id TEXT NOT NULL REFERENCES batches (id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        status TEXT NOT NULL,
        title TEXT,
        date TEXT,
        request TEXT,
        comparison_id TEXT REFERENCES comparisons (id) ON DELETE SET NULL,
        error TEXT,
        PRIMARY KEY (batch_id, position)
    );
    CREATE INDEX batch_items_comparison ON batch_items (comparison_id);
    """,
    # Batch claims: the instance working a batch and until when its lease runs; another
    # instance takes the batch over once the lease has expired (its owner died).
    """
    ALTER TABLE batches ADD COLUMN owner TEXT;
    ALTER TABLE batches ADD COLUMN lease_until TEXT
    """,
    # A comparison of three to six readouts keeps its third and later sides, a line each
    # between newlines ("\nJP\nKR\n"); a batch may be given a name.
    """
    ALTER TABLE comparisons ADD COLUMN more_sides TEXT NOT NULL DEFAULT '';
    ALTER TABLE batches ADD COLUMN name TEXT
    """,
    # A report's history is stored with it (kept current as meetings of its sides come and
    # go); rows stored before hold none yet (history_stored 0) and get it on their first read.
    # The home list shows one entry per meeting (`meeting_key`), the copy a person entered
    # most into (`entered`); rows stored before are keyed by `Store.unkeyed` once.
    """
    ALTER TABLE comparisons ADD COLUMN history_stored INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE comparisons ADD COLUMN meeting_key TEXT NOT NULL DEFAULT '';
    ALTER TABLE comparisons ADD COLUMN entered INTEGER NOT NULL DEFAULT 0;
    CREATE INDEX comparisons_meeting ON comparisons (meeting_key);
    CREATE INDEX comparisons_pair ON comparisons (side_a, side_b, date)
    """,
]


class Store:
    """The database: a SQLite file (a Path) or PostgreSQL (a `postgresql://` URL).

    Every statement is written once with `?` placeholders; each backend runs it. Writes go
    through `write()` only (one transaction each), reads through `read()` (one snapshot each).
    """

    def __init__(self, target: Path | str, *, pool_size: int = 10) -> None:
        self.target = target
        self.backend: Backend = (
            PostgresBackend(target, pool_size=pool_size)
            if isinstance(target, str) and is_postgres_url(target)
            else SqliteBackend(Path(target))
        )
        self.migrate()

    @property
    def dialect(self) -> Dialect:
        return self.backend.dialect

    @property
    def path(self) -> Path:
        """The SQLite file; a PostgreSQL store has none."""
        if isinstance(self.backend, SqliteBackend):
            return self.backend.path
        raise TypeError("a PostgreSQL store has no file path")

    def write(self, action: Callable[[Db], T]) -> T:
        """Run `action` in one transaction; the only way anything is written."""
        return self.backend.write(action)

    def read(self) -> AbstractContextManager[Db]:
        """A connection for consistent reads (one snapshot per `with`)."""
        return self.backend.read()

    def exclusive(self, key: int) -> AbstractContextManager[None]:
        """One holder at a time across every process on this database (e.g. loading examples)."""
        return self.backend.exclusive(key)

    @property
    def schema_version(self) -> int:
        with self.read() as db:
            row = db.execute("SELECT version FROM schema_version").fetchone()
        return int(row[0]) if row else 0

    def migrate(self) -> int:
        """Apply the migrations this database has not seen yet; returns the new schema version."""
        lock = self.dialect.migration_lock

        def apply(db: Db) -> int:
            if lock:
                db.execute(lock)
            db.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
            row = db.execute("SELECT version FROM schema_version").fetchone()
            if row is None:
                db.execute("INSERT INTO schema_version (version) VALUES (0)")
            version = int(row[0]) if row else 0
            for script in MIGRATIONS[version:]:
                for statement in script.split(";"):
                    if statement.strip():
                        db.execute(statement)
            db.execute("UPDATE schema_version SET version = ?", (max(version, len(MIGRATIONS)),))
            return max(version, len(MIGRATIONS))

        return self.write(apply)

    def insert_comparison(
        self, row: StoredComparison, *, also: Callable[[Db], None] | None = None
    ) -> None:
        """Insert one comparison; `also` runs in the same transaction (a batch marks its item)."""

        def insert(db: Db) -> None:
            db.execute(
                "INSERT INTO comparisons (id, title, date, side_a, side_b, created_at, search,"
                " summary, request, report, more_sides, history_stored, meeting_key, entered)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)",
                insert_values(row),
            )
            if also is not None:
                also(db)

        self.write(insert)

    def get_comparison(self, comparison_id: str) -> StoredComparison | None:
        with self.read() as db:
            found = db.execute(
                f"SELECT {COLUMNS}, request, report FROM comparisons WHERE id = ?",
                (comparison_id,),
            ).fetchone()
        return None if found is None else comparison_row(found, full=True)

    def delete_comparison(self, comparison_id: str) -> bool:
        def delete(db: Db) -> bool:
            return db.execute("DELETE FROM comparisons WHERE id = ?", (comparison_id,)).rowcount > 0

        return self.write(delete)

    def list_comparisons(self, query: ComparisonQuery) -> tuple[list[StoredComparison], int]:
        """One page of summaries and the total that match, in one snapshot; one row per
        meeting with `one_per_meeting` (its most entered copy, at its newest copy's place)."""
        where, params = filters(query, self.dialect)
        order = "(date IS NULL), date DESC, " if query.by_meeting_date else ""
        source = "comparisons"
        if query.one_per_meeting:
            meeting = "CASE WHEN meeting_key = '' THEN id ELSE meeting_key END"
            source = (
                f"(SELECT *, row_number() OVER (PARTITION BY {meeting} ORDER BY entered DESC,"
                f" created_at DESC, id DESC) AS copy, max(created_at) OVER (PARTITION BY"
                f" {meeting}) AS newest FROM comparisons{where}) AS meetings"
            )
            where, order = " WHERE copy = 1", order + "newest DESC, "
        extra = ", request" if query.with_requests else ""
        with self.read() as db:
            total = db.execute(f"SELECT count(*) FROM {source}{where}", params).fetchone()[0]
            rows = db.execute(
                f"SELECT {COLUMNS}{extra} FROM {source}{where}"
                f" ORDER BY {order}created_at DESC, id DESC LIMIT ? OFFSET ?",
                [*params, query.limit, query.offset],
            ).fetchall()
        if query.with_requests:
            return [comparison_row((*r, ""), full=True) for r in rows], int(total)
        return [comparison_row(r, full=False) for r in rows], int(total)

    def set_report(self, comparison_id: str, report: bytes) -> None:
        """Replace a stored report (its history brought up to date)."""
        self.write(
            lambda db: db.execute(
                "UPDATE comparisons SET report = ?, history_stored = 1 WHERE id = ?",
                (report.decode(), comparison_id),
            )
        )

    def same_sides(
        self,
        sides: tuple[str, str],
        *,
        before: str | None = None,
        after: str | None = None,
        limit: int = 1000,
    ) -> list[StoredComparison]:
        """The dated meetings of these two sides alone (either order, any case), before or after
        a meeting date, newest meeting first: whole rows before (their reports are read),
        summaries after (which of them to bring up to date is chosen by date)."""
        first, second = (side.upper() for side in sides)
        where = (
            " WHERE more_sides = '' AND date IS NOT NULL AND ((upper(side_a) = ? AND"
            " upper(side_b) = ?) OR (upper(side_a) = ? AND upper(side_b) = ?))"
        )
        params: list[object] = [first, second, second, first]
        if before is not None:
            where += " AND date < ?"
            params.append(before)
        if after is not None:
            where += " AND date > ?"
            params.append(after)
        extra = ", request, report" if before is not None else ""
        with self.read() as db:
            rows = db.execute(
                f"SELECT {COLUMNS}{extra} FROM comparisons{where}"
                " ORDER BY date DESC, created_at DESC, id DESC LIMIT ?",
                [*params, limit],
            ).fetchall()
        return [comparison_row(r, full=before is not None) for r in rows]

    def unkeyed(self) -> list[StoredComparison]:
        """Rows stored before meetings were keyed (`meeting_key` empty), with their requests."""
        with self.read() as db:
            rows = db.execute(
                f"SELECT {COLUMNS}, request FROM comparisons WHERE meeting_key = ''"
            ).fetchall()
        return [comparison_row((*r, ""), full=True) for r in rows]

    def set_meeting_key(self, comparison_id: str, key: str, entered: int) -> None:
        self.write(
            lambda db: db.execute(
                "UPDATE comparisons SET meeting_key = ?, entered = ? WHERE id = ?",
                (key, entered, comparison_id),
            )
        )

    def count_comparisons(self) -> int:
        with self.read() as db:
            return int(db.execute("SELECT count(*) FROM comparisons").fetchone()[0])

    def close(self) -> None:
        self.backend.close()
