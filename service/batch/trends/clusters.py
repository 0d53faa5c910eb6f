"""Claims grouped by meaning and rare shared words: their similarity, a per-batch cut, linkage."""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

import numpy as np

from service.batch.trends.naming import Phrase

CUT_PERCENTILE = 95.0


@dataclass(frozen=True)
class BatchClaim:
    """A claim of the batch as the topics read it."""

    readout: tuple[str, str]
    text: str
    language: str
    terms: dict[str, tuple[str, ...]]  # surface term -> its stem keys
    phrases: dict[Phrase, str]  # candidate noun phrases, see naming.noun_phrases
    people: frozenset[str] = frozenset()  # who met and where, in its meeting's readouts


def claim_keys(claim: BatchClaim) -> set[str]:
    """Every stem key of a claim's terms."""
    return {k for keys in claim.terms.values() for k in keys}


def idf_of(claims: list[BatchClaim]) -> dict[str, float]:
    """Rarity of each word key across every claim of the batch."""
    counts = Counter(k for c in claims for k in claim_keys(c))
    return {k: math.log((len(claims) + 1) / (n + 0.5)) for k, n in counts.items()}


def similarity_of(
    claims: list[BatchClaim], vectors: np.ndarray, idf: dict[str, float]
) -> np.ndarray:
    """Average of embedding cosine and idf-weighted overlap (Jaccard) of rare words (between
    claims in two languages, the cosine alone)."""
    vocabulary = sorted({k for c in claims for k in claim_keys(c)})
    column = {k: i for i, k in enumerate(vocabulary)}
    weights = np.array([idf[k] for k in vocabulary], dtype=np.float64)
    present = np.zeros((len(claims), len(vocabulary)), dtype=np.float64)
    for row, claim in enumerate(claims):
        for key in claim_keys(claim):
            present[row, column[key]] = 1.0
    shared = (present * weights) @ present.T
    mass = present @ weights
    union = mass[:, None] + mass[None, :] - shared
    overlap = np.divide(shared, union, out=np.zeros_like(shared), where=union > 0)
    cosine = np.clip(vectors @ vectors.T, -1.0, 1.0).astype(np.float64)
    # Words of two languages never overlap: there the embedding, which reads meaning across
    # languages, stands for both halves.
    languages = np.array([c.language for c in claims])
    same = languages[:, None] == languages[None, :]
    combined: np.ndarray = np.where(same, 0.5 * cosine + 0.5 * overlap, cosine)
    return combined


def within_readout_cut(
    claims: list[BatchClaim], by_text: dict[str, np.ndarray], idf: dict[str, float]
) -> float:
    """The batch's cut: a high percentile of how alike two claims of one readout are."""
    readouts: dict[tuple[str, str], list[BatchClaim]] = {}
    for claim in claims:
        readouts.setdefault(claim.readout, []).append(claim)
    scores: list[np.ndarray] = []
    for group in readouts.values():
        if len(group) > 1:
            matrix = similarity_of(group, np.stack([by_text[c.text] for c in group]), idf)
            scores.append(matrix[np.triu_indices(len(group), k=1)])
    if not scores:
        return 1.0  # nothing to calibrate on: every emphasis stays its own topic
    return float(np.percentile(np.concatenate(scores), CUT_PERCENTILE))


def average_linkage(similarity: np.ndarray, cut: float) -> list[int]:
    """Merge the two most similar groups (mean pairwise similarity) while that is >= cut."""
    if len(similarity) == 1:
        return [0]
    from scipy.cluster.hierarchy import fcluster, linkage
    from scipy.spatial.distance import squareform

    distance = np.clip(1.0 - similarity, 0.0, None)
    np.fill_diagonal(distance, 0.0)
    tree = linkage(squareform(distance, checks=False), method="average")
    return [int(label) for label in fcluster(tree, t=1.0 - cut, criterion="distance")]
