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

    def load(self) -> None:
        self.inner.load()

    def close(self) -> None:
        """The memo borrows its encoder: closing it is the owner's job."""


class CachedEncoder:
    """Wraps an encoder with an SQLite cache keyed by (model, sha256 of text)."""

    def __init__(self, inner: Encoder, path: Path) -> None:
        self.inner = inner
        self.name = inner.name
        self.dimensions = inner.dimensions
        self.path = path
        self.hits = 0
        self.misses = 0
        path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        try:
            self._db = self._open(path)
        except sqlite3.DatabaseError as error:
            # Only a cache: a damaged one is set aside and rebuilt, never a reason not to start.
            from service.database import move_aside

            move_aside(path, str(error))
            self._db = self._open(path)

    @staticmethod
    def _open(path: Path) -> sqlite3.Connection:
        db = sqlite3.connect(path, check_same_thread=False, timeout=30)
        try:
            db.execute("PRAGMA journal_mode=WAL")
            # WAL with synchronous=NORMAL: no fsync per stored batch; a crash can lose only
            # the last vectors, which are recomputed.
            db.execute("PRAGMA synchronous=NORMAL")
            db.execute(
                "CREATE TABLE IF NOT EXISTS embeddings (model TEXT, hash TEXT, vector BLOB,"
                " PRIMARY KEY (model, hash))"
            )
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
            for start in range(0, len(keys), 500):
                chunk = keys[start : start + 500]
                marks = ",".join("?" * len(chunk))
                rows = self._db.execute(
                    f"SELECT hash, vector FROM embeddings WHERE model = ? AND hash IN ({marks})",
                    [self.name, *chunk],
                ).fetchall()
                for key, blob in rows:
                    found[key] = np.frombuffer(blob, dtype=np.float32)
        return found

    def _store(self, rows: list[tuple[str, np.ndarray]]) -> None:
        with self._lock:
            try:
                self._db.executemany(
                    "INSERT OR REPLACE INTO embeddings (model, hash, vector) VALUES (?, ?, ?)",
                    [
                        (self.name, key, np.asarray(v, dtype=np.float32).tobytes())
                        for key, v in rows
                    ],
                )
                self._db.commit()
            except sqlite3.OperationalError:
                # A full disk: the vectors are recomputed next time; the comparison goes on.
                self._db.rollback()

    def load(self) -> None:
        self.inner.load()

    def close(self) -> None:
        with self._lock:
            self._db.close()
        self.inner.close()
