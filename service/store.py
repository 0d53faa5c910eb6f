"""Persistence: one SQLite file (WAL, versioned migrations), one locked write path."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

import msgspec

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
]


class StoredComparison(msgspec.Struct, frozen=True):
    """One row of the comparisons table; request and report are JSON documents."""

    id: str
    title: str | None
    date: str | None
    sides: list[str]
    created_at: str
    summary: dict[str, int]
    request: bytes = b""
    report: bytes = b""


class ComparisonQuery(msgspec.Struct, frozen=True):
    """Filters and page for listing comparisons, newest first."""

    limit: int = 20
    offset: int = 0
    side: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    text: str | None = None


class Store:
    """The SQLite database: reads on per-thread connections, writes through `write()` only."""

    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        self._write_lock = threading.Lock()
        self._local = threading.local()
        self._connections: list[sqlite3.Connection] = []
        self._connections_lock = threading.Lock()
        self._writer = self._connect()
        self._writer.execute("PRAGMA journal_mode=WAL")
        self.migrate()

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

    def write(self, action: Callable[[sqlite3.Connection], T]) -> T:
        """Run `action` in one immediate transaction; the only way anything is written."""
        with self._write_lock:
            self._writer.execute("BEGIN IMMEDIATE")
            try:
                result = action(self._writer)
            except BaseException:
                self._writer.execute("ROLLBACK")
                raise
            self._writer.execute("COMMIT")
            return result

    @contextmanager
    def read(self) -> Iterator[sqlite3.Connection]:
        """A connection for consistent reads (one snapshot per `with`)."""
        connection = self._reader()
        connection.execute("BEGIN")
        try:
            yield connection
        finally:
            connection.execute("COMMIT")

    @property
    def schema_version(self) -> int:
        with self.read() as db:
            row = db.execute("SELECT version FROM schema_version").fetchone()
        return int(row[0]) if row else 0

    def migrate(self) -> int:
        """Apply the migrations this file has not seen yet; returns the new schema version."""

        def apply(db: sqlite3.Connection) -> int:
            db.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
            row = db.execute("SELECT version FROM schema_version").fetchone()
            if row is None:
                db.execute("INSERT INTO schema_version (version) VALUES (0)")
            version = int(row[0]) if row else 0
            for script in MIGRATIONS[version:]:
                for statement in script.split(";"):
                    if statement.strip():
                        db.execute(statement)
            db.execute("UPDATE schema_version SET version = ?", (len(MIGRATIONS),))
            return max(version, len(MIGRATIONS))

        return self.write(apply)

    def insert_comparison(
        self, row: StoredComparison, *, also: Callable[[sqlite3.Connection], None] | None = None
    ) -> None:
        """Insert one comparison; `also` runs in the same transaction (a batch marks its item)."""

        def insert(db: sqlite3.Connection) -> None:
            db.execute(
                "INSERT INTO comparisons (id, title, date, side_a, side_b, created_at, search,"
                " summary, request, report) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    row.id,
                    row.title,
                    row.date,
                    row.sides[0],
                    row.sides[1],
                    row.created_at,
                    _search_text(row),
                    msgspec.json.encode(row.summary).decode(),
                    row.request.decode(),
                    row.report.decode(),
                ),
            )
            if also is not None:
                also(db)

        self.write(insert)

    def get_comparison(self, comparison_id: str) -> StoredComparison | None:
        with self.read() as db:
            found = db.execute(
                f"SELECT {_COLUMNS}, request, report FROM comparisons WHERE id = ?",
                (comparison_id,),
            ).fetchone()
        return None if found is None else _row(found, full=True)

    def delete_comparison(self, comparison_id: str) -> bool:
        def delete(db: sqlite3.Connection) -> bool:
            return db.execute("DELETE FROM comparisons WHERE id = ?", (comparison_id,)).rowcount > 0

        return self.write(delete)

    def list_comparisons(self, query: ComparisonQuery) -> tuple[list[StoredComparison], int]:
        """One page of summaries (no request/report bodies) and the total that match."""
        where, params = _filters(query)
        with self.read() as db:
            total = db.execute(f"SELECT count(*) FROM comparisons{where}", params).fetchone()[0]
            rows = db.execute(
                f"SELECT {_COLUMNS} FROM comparisons{where}"
                " ORDER BY created_at DESC, rowid DESC LIMIT ? OFFSET ?",
                [*params, query.limit, query.offset],
            ).fetchall()
        return [_row(r, full=False) for r in rows], int(total)

    def count_comparisons(self) -> int:
        with self.read() as db:
            return int(db.execute("SELECT count(*) FROM comparisons").fetchone()[0])

    def close(self) -> None:
        with self._connections_lock:
            for connection in self._connections:
                connection.close()
            self._connections.clear()


_COLUMNS = "id, title, date, side_a, side_b, created_at, summary"


def _row(found: tuple[object, ...], *, full: bool) -> StoredComparison:
    return StoredComparison(
        id=str(found[0]),
        title=found[1] if isinstance(found[1], str) else None,
        date=found[2] if isinstance(found[2], str) else None,
        sides=[str(found[3]), str(found[4])],
        created_at=str(found[5]),
        summary=msgspec.json.decode(str(found[6]), type=dict[str, int]),
        request=str(found[7]).encode() if full else b"",
        report=str(found[8]).encode() if full else b"",
    )


def _search_text(row: StoredComparison) -> str:
    """What the text filter searches: title, sides and both readouts, case-folded."""
    readouts = msgspec.json.decode(row.request).get("readouts", [])
    parts = [row.title or "", *row.sides, *(r.get("text", "") for r in readouts)]
    return "\n".join(parts).casefold()


def _filters(query: ComparisonQuery) -> tuple[str, list[object]]:
    clauses: list[str] = []
    params: list[object] = []
    if query.side:
        clauses.append("(upper(side_a) = upper(?) OR upper(side_b) = upper(?))")
        params += [query.side, query.side]
    if query.date_from:
        clauses.append("date >= ?")
        params.append(query.date_from)
    if query.date_to:
        clauses.append("date <= ?")
        params.append(query.date_to)
    if query.text:
        # instr, not LIKE: user text may contain % and _.
        clauses.append("instr(search, ?) > 0")
        params.append(query.text.casefold())
    return (" WHERE " + " AND ".join(clauses) if clauses else ""), params
