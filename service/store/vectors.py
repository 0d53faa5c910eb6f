"""The embedding cache's table: vectors by (model, sha256 of text), bounded to about `max_mb`
megabytes (least recently used go first): in an SQLite file of its own beside a SQLite
database (`VectorCache`), or in the PostgreSQL database every instance shares
(`StoredVectors`). The encoder that uses it, `pipeline/embed/cache.py`, sees only its
`VectorStore` interface."""

from __future__ import annotations

import sqlite3
import threading
import time
from pathlib import Path

from service.store.access import Access
from service.store.backend import Db

# A full cache is trimmed to this share of its limit, so that trimming is rare.
TRIM_TO = 0.9
_CHUNK = 500  # keys per statement, under SQLite's parameter limit


class VectorCache:
    """The SQLite vector cache: `lookup` and `put` raw float32 vectors; a damaged file is set
    aside and rebuilt, and a full disk only loses vectors (they are recomputed)."""

    def __init__(self, path: Path, max_mb: float | None = None) -> None:
        self.path = path
        self.max_bytes = None if max_mb is None else int(max_mb * 1_000_000)
        path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        try:
            self._db = self._open(path)
        except sqlite3.DatabaseError as error:
            # Only a cache: a damaged one is set aside and rebuilt, never a reason not to start.
            from service.database import move_aside

            move_aside(path, str(error))
            self._db = self._open(path)
        self._clock: int = self._db.execute(
            "SELECT coalesce(max(used), 0) FROM embeddings"
        ).fetchone()[0]

    @staticmethod
    def _open(path: Path) -> sqlite3.Connection:
        db = sqlite3.connect(path, check_same_thread=False, timeout=30)
        try:
            db.execute("PRAGMA auto_vacuum=INCREMENTAL")  # takes effect on a new file only
            db.execute("PRAGMA journal_mode=WAL")
            # WAL with synchronous=NORMAL: no fsync per stored batch; a crash can lose only
            # the last vectors, which are recomputed.
            db.execute("PRAGMA synchronous=NORMAL")
            db.execute(
                "CREATE TABLE IF NOT EXISTS embeddings (model TEXT, hash TEXT, vector BLOB,"
                " used INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (model, hash))"
            )
            columns = {row[1] for row in db.execute("PRAGMA table_info(embeddings)")}
            if "used" not in columns:  # a cache written before it was bounded
                db.execute("ALTER TABLE embeddings ADD COLUMN used INTEGER NOT NULL DEFAULT 0")
            db.execute("CREATE INDEX IF NOT EXISTS embeddings_used ON embeddings (used)")
            db.execute("SELECT count(*) FROM embeddings WHERE rowid = 1").fetchone()
            db.commit()
        except sqlite3.DatabaseError:
            db.close()
            raise
        return db

    def lookup(self, model: str, keys: list[str]) -> dict[str, bytes]:
        """The stored vectors of `keys` for `model`, marked as just used."""
        found: dict[str, bytes] = {}
        with self._lock:
            self._clock += 1
            for start in range(0, len(keys), _CHUNK):
                chunk = keys[start : start + _CHUNK]
                marks = ",".join("?" * len(chunk))
                rows = self._db.execute(
                    f"SELECT hash, vector FROM embeddings WHERE model = ? AND hash IN ({marks})",
                    [model, *chunk],
                ).fetchall()
                found.update((key, bytes(blob)) for key, blob in rows)
            if found and self.max_bytes is not None:
                self._touch(model, list(found))
        return found

    def _touch(self, model: str, keys: list[str]) -> None:
        """Mark hits as just used (the LRU order); a failed write only ages them."""
        try:
            for start in range(0, len(keys), _CHUNK):
                chunk = keys[start : start + _CHUNK]
                marks = ",".join("?" * len(chunk))
                self._db.execute(
                    f"UPDATE embeddings SET used = ? WHERE model = ? AND hash IN ({marks})",
                    [self._clock, model, *chunk],
                )
            self._db.commit()
        except sqlite3.OperationalError:
            self._db.rollback()

    def put(self, model: str, rows: list[tuple[str, bytes]]) -> None:
        """Store vectors for `model`; on a full disk nothing is stored and nothing fails."""
        with self._lock:
            try:
                self._db.executemany(
                    "INSERT OR REPLACE INTO embeddings (model, hash, vector, used)"
                    " VALUES (?, ?, ?, ?)",
                    [(model, key, vector, self._clock) for key, vector in rows],
                )
                self._db.commit()
                self._trim()
            except sqlite3.OperationalError:
                # A full disk: the vectors are recomputed next time; the comparison goes on.
                self._db.rollback()

    def _trim(self) -> None:
        """Past `max_bytes` of pages in use, delete the least recently used rows (their share
        of the excess) down to TRIM_TO of it, and hand the freed pages back to the disk."""
        if self.max_bytes is None:
            return
        pages, free, size = (
            self._db.execute(f"PRAGMA {name}").fetchone()[0]
            for name in ("page_count", "freelist_count", "page_size")
        )
        used = (pages - free) * size
        if used <= self.max_bytes:
            return
        rows = self._db.execute("SELECT count(*) FROM embeddings").fetchone()[0]
        excess = rows - int(rows * TRIM_TO * self.max_bytes / used)
        self._db.execute(
            "DELETE FROM embeddings WHERE rowid IN"
            " (SELECT rowid FROM embeddings ORDER BY used LIMIT ?)",
            (excess,),
        )
        self._db.commit()
        # executescript steps the pragma to its end; execute() would free one page.
        self._db.executescript("PRAGMA incremental_vacuum;")

    def count(self) -> int:
        """How many vectors the cache holds."""
        with self._lock:
            return int(self._db.execute("SELECT count(*) FROM embeddings").fetchone()[0])

    def checkpoint(self) -> None:
        """Fold the write-ahead log into the file (so its size on disk is the cache's)."""
        with self._lock:
            self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def close(self) -> None:
        with self._lock:
            self._db.close()


class StoredVectors:
    """The vector cache in the Store's `embeddings` table (PostgreSQL: shared by every instance
    on the database); `used` is the time of the last hit, in microseconds."""

    def __init__(self, store: Access, max_mb: float | None = None) -> None:
        self.store = store
        self.max_bytes = None if max_mb is None else int(max_mb * 1_000_000)

    def lookup(self, model: str, keys: list[str]) -> dict[str, bytes]:
        found: dict[str, bytes] = {}
        with self.store.read() as db:
            for start in range(0, len(keys), _CHUNK):
                chunk = keys[start : start + _CHUNK]
                rows = db.execute(
                    "SELECT hash, vector FROM embeddings WHERE model = ?"
                    f" AND hash IN ({','.join('?' * len(chunk))})",
                    [model, *chunk],
                ).fetchall()
                found.update((key, bytes(blob)) for key, blob in rows)
        if found and self.max_bytes is not None:
            self.store.write(lambda db: self._touch(db, model, list(found)))
        return found

    @staticmethod
    def _touch(db: Db, model: str, keys: list[str]) -> None:
        for start in range(0, len(keys), _CHUNK):
            chunk = keys[start : start + _CHUNK]
            db.execute(
                f"UPDATE embeddings SET used = ? WHERE model = ? AND hash IN"
                f" ({','.join('?' * len(chunk))})",
                [time.time_ns() // 1000, model, *chunk],
            )

    def put(self, model: str, rows: list[tuple[str, bytes]]) -> None:
        now = time.time_ns() // 1000

        def insert(db: Db) -> None:
            db.executemany(
                "INSERT INTO embeddings (model, hash, vector, used) VALUES (?, ?, ?, ?)"
                " ON CONFLICT (model, hash) DO UPDATE SET vector = excluded.vector,"
                " used = excluded.used",
                [(model, key, vector, now) for key, vector in rows],
            )
            self._trim(db)

        self.store.write(insert)

    def _trim(self, db: Db) -> None:
        """Past `max_bytes` of vectors, the least recently used go, down to TRIM_TO of it."""
        if self.max_bytes is None:
            return
        count, size = db.execute("SELECT count(*), coalesce(sum(length(vector)), 0)"
                                 " FROM embeddings").fetchone()  # fmt: skip
        if int(size) <= self.max_bytes:
            return
        excess = int(count) - int(int(count) * TRIM_TO * self.max_bytes / int(size))
        db.execute(
            "DELETE FROM embeddings WHERE (model, hash) IN"
            " (SELECT model, hash FROM embeddings ORDER BY used LIMIT ?)",
            (excess,),
        )

    def close(self) -> None:
        """The Store is its owner's to close."""
