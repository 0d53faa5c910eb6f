"""Clusters: how alike two claims of a batch are, by meaning and by the rare words they share."""

from __future__ import annotations

import numpy as np
import pytest

from service.batch.trends.clusters import BatchClaim, average_linkage, similarity_of


def _claim(text: str, language: str, terms: dict[str, tuple[str, ...]]) -> BatchClaim:
    return BatchClaim(("m", "X"), text, language, terms, {})


def test_two_languages_are_compared_by_meaning_alone() -> None:
    """Words never overlap across languages, so the embedding stands for both halves there;
    within one language the overlap of rare words still counts half."""
    claims = [
        _claim("Free and Open Indo-Pacific", "en", {"Indo-Pacific": ("indo", "pacif")}),
        _claim("自由で開かれたインド太平洋", "ja", {"インド太平洋": ("インド太平洋",)}),
        _claim("the Indo-Pacific region", "en", {"Indo-Pacific": ("indo", "pacif")}),
    ]
    vectors = np.eye(3, dtype=np.float32)[[0, 0, 1]]  # the first two mean the same
    idf = {"indo": 1.0, "pacif": 1.0, "インド太平洋": 1.0}
    similarity = similarity_of(claims, vectors, idf)
    assert similarity[0, 1] == pytest.approx(1.0)  # cosine alone, not halved by no overlap
    assert similarity[0, 2] == pytest.approx(0.5)  # no cosine, full overlap of rare words


def test_average_linkage_joins_only_groups_alike_above_the_cut() -> None:
    similarity = np.array([[1.0, 0.9, 0.1], [0.9, 1.0, 0.2], [0.1, 0.2, 1.0]])
    labels = average_linkage(similarity, cut=0.5)
    assert labels[0] == labels[1] != labels[2]
    assert len(set(average_linkage(similarity, cut=0.95))) == 3
