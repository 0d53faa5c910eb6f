"""Stage 4, align: cosine similarities between the two sides' claims, order-free, many-to-many."""

from __future__ import annotations

import numpy as np

from service.pipeline.types import Claim, Match


def similarity_matrix(left: np.ndarray, right: np.ndarray) -> np.ndarray:
    """Cosine similarity of every left claim with every right claim (rows are unit vectors)."""
    if left.size == 0 or right.size == 0:
        return np.zeros((left.shape[0], right.shape[0]), dtype=np.float32)
    cosine: np.ndarray = np.clip(left @ right.T, -1.0, 1.0).astype(np.float32)
    return cosine


def matches(
    left: list[Claim], right: list[Claim], similarity: np.ndarray, threshold: float
) -> list[Match]:
    """Pairs above the threshold where either claim is the other's best counterpart.

    A claim may match several claims (one long claim covering two short ones); pairs that
    are merely above threshold but neither side's best are left out as noise.
    """
    if similarity.size == 0:
        return []
    best_right = similarity.argmax(axis=1)
    best_left = similarity.argmax(axis=0)
    rows, cols = np.nonzero(similarity >= threshold)
    found = [
        Match(claims=[left[i].id, right[j].id], similarity=round(float(similarity[i, j]), 4))
        for i, j in zip(rows.tolist(), cols.tolist(), strict=True)
        if best_right[i] == j or best_left[j] == i
    ]
    return sorted(found, key=lambda m: -m.similarity)
