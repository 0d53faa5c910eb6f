"""Encoders that remember vectors: in memory for one batch chunk, or in a vector store (the\nSQLite cache file of `service/store/vectors.py`)."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from typing import Protocol

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


class VectorStore(Protocol):
    """Where a CachedEncoder keeps vectors (`service/store/vectors.py`): raw float32 bytes by
    model and key."""

    def lookup(self, model: str, keys: list[str]) -> dict[str, bytes]: ...

    def put(self, model: str, rows: list[tuple[str, bytes]]) -> None: ...

    def close(self) -> None: ...


class CachedEncoder:
    """Wraps an encoder with a vector store keyed by (model, sha256 of text)."""

    def __init__(self, inner: Encoder, vectors: VectorStore) -> None:
        self.inner = inner
        self.name = inner.name
        self.dimensions = inner.dimensions
        self.vectors = vectors
        self.hits = 0
        self.misses = 0

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        keys = [hashlib.sha256(t.encode("utf-8")).hexdigest() for t in texts]
        found = {
            key: np.frombuffer(blob, dtype=np.float32)
            for key, blob in self.vectors.lookup(self.name, sorted(set(keys))).items()
        }
        missing = sorted({k: t for k, t in zip(keys, texts, strict=True) if k not in found}.items())
        self.hits += len(texts) - sum(1 for k in keys if k not in found)
        self.misses += len(missing)
        if missing:
            vectors = self.inner.encode([text for _, text in missing])
            for (key, _), vector in zip(missing, vectors, strict=True):
                found[key] = vector
            self.vectors.put(
                self.name,
                [(key, np.asarray(found[key], dtype=np.float32).tobytes()) for key, _ in missing],
            )
        if not texts:
            return empty(self.dimensions)
        return np.stack([found[k] for k in keys]).astype(np.float32)

    def warm(self) -> None:
        self.inner.warm()

    def routes(self) -> tuple[Encoder, ...]:
        return (self,)

    def load(self) -> None:
        self.inner.load()

    def close(self) -> None:
        self.vectors.close()
        self.inner.close()
