"""Persistence: SQLite or PostgreSQL behind one Store, one schema and its migrations."""

from __future__ import annotations

from contextlib import AbstractContextManager
from pathlib import Path

from service.store.backend import Backend, Db, Dialect
from service.store.batches import BatchTable
from service.store.comparisons import ComparisonTable
from service.store.postgres import PostgresBackend, is_postgres_url
from service.store.rows import ComparisonQuery, StoredComparison
from service.store.sqlite import SqliteBackend

__all__ = ["MIGRATIONS", "ComparisonQuery", "Db", "Dialect", "Store", "StoredComparison"]


# Applied in order, each once; append new steps, never edit old ones (batch adds its tables here).
# A step is the same SQL on both backends, or each dialect's own (by `Dialect.name`).
MIGRATIONS: list[str | dict[str, str]] = [
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
    # Each readout's text once a row: in the request; the stored report's readouts go without
    # it (the Comparisons service puts it back on reading). Up to six readouts a report.
    {
        "sqlite": "UPDATE comparisons SET report = json_remove(report, "
        + ", ".join(f"'$.readouts[{n}].text'" for n in range(6))
        + ")",
        "postgres": "UPDATE comparisons SET report = (report::jsonb "
        + " ".join(f"#- '{{readouts,{n},text}}'" for n in range(6))
        + ")::text",
    },
    # On PostgreSQL the embedding cache is a table every instance shares (`vectors.py`); a
    # SQLite database keeps it in a file of its own beside the database.
    {
        "sqlite": "",
        "postgres": """
        CREATE TABLE IF NOT EXISTS embeddings (model TEXT NOT NULL, hash TEXT NOT NULL,
            vector BYTEA NOT NULL, used BIGINT NOT NULL DEFAULT 0, PRIMARY KEY (model, hash));
        CREATE INDEX IF NOT EXISTS embeddings_used ON embeddings (used)
        """,
    },
]


class Store(ComparisonTable, BatchTable):
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
    def path(self) -> Path:
        """The SQLite file; a PostgreSQL store has none."""
        if isinstance(self.backend, SqliteBackend):
            return self.backend.path
        raise TypeError("a PostgreSQL store has no file path")

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
            for step in MIGRATIONS[version:]:
                script = step if isinstance(step, str) else step[self.dialect.name]
                for statement in script.split(";"):
                    if statement.strip():
                        db.execute(statement)
            db.execute("UPDATE schema_version SET version = ?", (max(version, len(MIGRATIONS)),))
            return max(version, len(MIGRATIONS))

        return self.write(apply)

    def close(self) -> None:
        self.backend.close()
