"""Encoders: the fake is deterministic and normalised; the cache stores and reuses vectors."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from service.errors import ReadoutDiffError
from service.pipeline.embed import CachedEncoder, Encoder, FakeEncoder, make_encoder
from service.store.vectors import VectorCache


def test_fake_encoder_is_deterministic_unit_length_and_lexical() -> None:
    encoder = FakeEncoder()
    vectors = encoder.encode(["peace in the strait", "peace in the strait", "trade deal signed"])
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0)
    assert np.allclose(vectors[0], vectors[1])
    assert float(vectors[0] @ vectors[2]) < float(vectors[0] @ vectors[1])
    assert isinstance(encoder, Encoder)


def test_cache_returns_the_same_vectors_without_calling_the_model(tmp_path: Path) -> None:
    inner = FakeEncoder()
    cache = CachedEncoder(inner, VectorCache(tmp_path / "cache.sqlite"))
    first = cache.encode(["alpha beta", "gamma delta", "alpha beta"])
    assert inner.calls == 1 and cache.misses == 2
    again = CachedEncoder(inner, VectorCache(tmp_path / "cache.sqlite")).encode(
        ["gamma delta", "alpha beta"]
    )
    assert inner.calls == 1, "a second process must read vectors from disk"
    assert np.allclose(again, first[[1, 0]])


def test_cache_keys_by_model_name(tmp_path: Path) -> None:
    path = tmp_path / "cache.sqlite"
    CachedEncoder(FakeEncoder(name="model-a"), VectorCache(path)).encode(["same text"])
    other = FakeEncoder(name="model-b")
    CachedEncoder(other, VectorCache(path)).encode(["same text"])
    assert other.calls == 1


def test_empty_input_gives_an_empty_matrix(tmp_path: Path) -> None:
    assert CachedEncoder(FakeEncoder(), VectorCache(tmp_path / "c.sqlite")).encode([]).shape == (
        0,
        256,
    )


def test_unknown_encoder_name_is_a_clear_error() -> None:
    with pytest.raises(ReadoutDiffError, match="unknown encoder"):
        make_encoder("gpt-9")


@pytest.mark.slow
def test_bundled_model_loads_offline_and_ranks_paraphrases_first() -> None:
    encoder = make_encoder("minilm")
    vectors = encoder.encode(
        [
            "They welcomed the bilateral trade agreement.",
            "Both welcomed the announcement of a full and complete trade deal.",
            "Peace and stability across the Taiwan Strait is indispensable.",
        ]
    )
    assert vectors.shape == (3, 384)
    assert float(vectors[0] @ vectors[1]) > float(vectors[0] @ vectors[2]) + 0.2
