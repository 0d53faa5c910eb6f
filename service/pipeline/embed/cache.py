"""Encoders that remember vectors: in memory for one batch chunk, or in an SQLite cache file."""

from __future__ import annotations

import hashlib
import sqlite3
import threading
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from service.pipeline.embed.protocol import Encoder, empty


class MemoEncoder:
    """Remembers every vector in memory: a grid search or a batch chunk embeds each text once."""

    def __init__(self, inner: Encoder, vectors: dict[str, np.ndarray] | None = None) -> None:
        self.inner = inner
        self.name = inner.name
        self.dimensions = inner.dimensions
        self._memo: dict[str, np.ndarray] = vectors if vectors is not None else {}

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        missing = [t for t in dict.fromkeys(texts) if t not in self._memo]
        if missing:
            self._memo.update(zip(missing, self.inner.encode(missing), strict=True))
        if not texts:
            return empty(self.dimensions)
        return np.stack([self._memo[t] for t in texts])

    def warm(self) -> None:
        self.inner.warm()

    def routes(self) -> tuple[Encoder, ...]:
        return (self,)

    def load(self) -> None:
        self.inner.load()

    def close(self) -> None:
        """The memo borrows its encoder: closing it is the owner's job."""


# A full cache is trimmed to this share of its limit, so that trimming is rare.
TRIM_TO = 0.9


class CachedEncoder:
    """Wraps an encoder with an SQLite cache keyed by (model, sha256 of text), bounded to about
    `max_mb` megabytes: past it, the least recently used vectors go first."""

    def __init__(self, inner: Encoder, path: Path, max_mb: float | None = None) -> None:
        self.inner = inner
        self.name = inner.name
        self.dimensions = inner.dimensions
        self.path = path
        self.hits = 0
        self.misses = 0
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

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        keys = [hashlib.sha256(t.encode("utf-8")).hexdigest() for t in texts]
        found = self._lookup(sorted(set(keys)))
        missing = sorted({k: t for k, t in zip(keys, texts, strict=True) if k not in found}.items())
        self.hits += len(texts) - sum(1 for k in keys if k not in found)
        self.misses += len(missing)
        if missing:
            vectors = self.inner.encode([text for _, text in missing])
            for (key, _), vector in zip(missing, vectors, strict=True):
                found[key] = vector
            self._store([(key, found[key]) for key, _ in missing])
        if not texts:
            return empty(self.dimensions)
        return np.stack([found[k] for k in keys]).astype(np.float32)

    def _lookup(self, keys: list[str]) -> dict[str, np.ndarray]:
        found: dict[str, np.ndarray] = {}
        with self._lock:
            self._clock += 1
            for start in range(0, len(keys), 500):
                chunk = keys[start : start + 500]
                marks = ",".join("?" * len(chunk))
                rows = self._db.execute(
                    f"SELECT hash, vector FROM embeddings WHERE model = ? AND hash IN ({marks})",
                    [self.name, *chunk],
                ).fetchall()
                for key, blob in rows:
                    found[key] = np.frombuffer(blob, dtype=np.float32)
            if found and self.max_bytes is not None:
                self._touch(list(found))
        return found

    def _touch(self, keys: list[str]) -> None:
        """Mark hits as just used (the LRU order); a failed write only ages them."""
        try:
            for start in range(0, len(keys), 500):
                chunk = keys[start : start + 500]
                marks = ",".join("?" * len(chunk))
                self._db.execute(
                    f"UPDATE embeddings SET used = ? WHERE model = ? AND hash IN ({marks})",
                    [self._clock, self.name, *chunk],
                )
            self._db.commit()
        except sqlite3.OperationalError:
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

    def _store(self, rows: list[tuple[str, np.ndarray]]) -> None:
        with self._lock:
            try:
                self._db.executemany(
                    "INSERT OR REPLACE INTO embeddings (model, hash, vector, used)"
                    " VALUES (?, ?, ?, ?)",
                    [
                        (self.name, key, np.asarray(v, dtype=np.float32).tobytes(), self._clock)
                        for key, v in rows
                    ],
                )
                self._db.commit()
                self._trim()
            except sqlite3.OperationalError:
                # A full disk: the vectors are recomputed next time; the comparison goes on.
                self._db.rollback()

    def warm(self) -> None:
        self.inner.warm()

    def routes(self) -> tuple[Encoder, ...]:
        return (self,)

    def load(self) -> None:
        self.inner.load()

    def close(self) -> None:
        with self._lock:
            self._db.close()
        self.inner.close()
