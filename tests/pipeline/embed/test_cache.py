"""Issue 25 item 5: the embedding cache file is bounded, least recently used out."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from service.pipeline.embed import CachedEncoder
from service.store.vectors import VectorCache


class Counting:
    """A 384-dimension encoder (the size of all-MiniLM's vectors) that counts what it encodes."""

    name = "counting"
    dimensions = 384

    def __init__(self) -> None:
        self.encoded = 0

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        self.encoded += len(texts)
        seed = np.random.default_rng(len(texts))
        return seed.random((len(texts), self.dimensions), dtype=np.float32)

    def load(self) -> None: ...

    def close(self) -> None: ...


def _texts(group: int, n: int = 500) -> list[str]:
    return [
        f"Claim {i} of meeting {group}: the ministers reaffirmed the alliance." for i in range(n)
    ]


def _file_mb(path: Path, cache: CachedEncoder) -> float:
    assert isinstance(cache.vectors, VectorCache)
    cache.vectors.checkpoint()
    return path.stat().st_size / 1_000_000


def test_the_cache_stays_near_its_limit_and_keeps_what_is_used(tmp_path: Path) -> None:
    path = tmp_path / "embeddings.sqlite"
    inner = Counting()
    cache = CachedEncoder(inner, VectorCache(path, max_mb=2))
    kept = _texts(0)
    cache.encode(kept)
    for group in range(1, 20):  # about 10 MB of vectors through a 2 MB cache
        cache.encode(_texts(group))
        cache.encode(kept)  # used again each time: never the least recently used
    size = _file_mb(path, cache)
    assert size <= 2.0, f"cache file {size:.2f} MB, limit 2 MB"
    before = inner.encoded
    cache.encode(kept)
    assert inner.encoded == before, "the texts used all along were trimmed"
    cache.encode(_texts(1))
    assert inner.encoded == before + 500, "the least recently used texts were kept"
    cache.close()


def test_an_unbounded_cache_keeps_everything(tmp_path: Path) -> None:
    cache = CachedEncoder(Counting(), VectorCache(tmp_path / "c.sqlite"))
    for group in range(8):
        cache.encode(_texts(group))
    assert _file_mb(tmp_path / "c.sqlite", cache) > 2.0
    cache.close()


def test_a_cache_written_before_the_bound_is_read_and_trimmed(tmp_path: Path) -> None:
    path = tmp_path / "embeddings.sqlite"
    old = sqlite3.connect(path)
    old.execute(
        "CREATE TABLE embeddings (model TEXT, hash TEXT, vector BLOB, PRIMARY KEY (model, hash))"
    )
    vector = np.zeros(384, dtype=np.float32).tobytes()
    old.executemany(
        "INSERT INTO embeddings VALUES ('counting', ?, ?)",
        [(f"{i:064x}", vector) for i in range(3000)],
    )
    old.commit()
    old.close()
    inner = Counting()
    cache = CachedEncoder(inner, VectorCache(path, max_mb=2))
    cache.encode(_texts(1))
    assert isinstance(cache.vectors, VectorCache)
    rows = cache.vectors.count()
    assert rows < 3000 and inner.encoded == 500
    cache.close()
