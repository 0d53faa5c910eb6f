"""A lexical baseline: the same claims, matched by content-word overlap instead of embeddings."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from service.pipeline import claims_of, validate
from service.pipeline.align import matches
from service.pipeline.classify import classify
from service.pipeline.terms import stem_key, vocabulary
from service.pipeline.types import ModelInfo, Readout, Report

BASELINE_NAME = "lexical-overlap"


def overlap_matrix(left: Sequence[str], right: Sequence[str]) -> np.ndarray:
    """Dice overlap of stemmed content words between every pair of claims."""

    def bag(text: str) -> set[str]:
        return set(vocabulary([text]).keys) - {
            stem_key(w) for w in ("the", "and", "of", "to", "in")
        }

    left_bags, right_bags = [bag(t) for t in left], [bag(t) for t in right]
    matrix = np.zeros((len(left), len(right)), dtype=np.float32)
    for i, a in enumerate(left_bags):
        for j, b in enumerate(right_bags):
            if a and b:
                matrix[i, j] = 2 * len(a & b) / (len(a) + len(b))
    return matrix


def compare_lexically(readouts: Sequence[Readout], threshold: float) -> Report:
    """Claims whose best word overlap is below `threshold` are one-sided; the rest shared."""
    validate(readouts)
    left, right = (claims_of(r) for r in readouts)
    similarity = overlap_matrix([c.text for c in left], [c.text for c in right])
    claims, emphases = classify(left, right, similarity, threshold, common_zipf=-1.0)
    emphases = [e for e in emphases if e.kind == "one-sided"]
    return Report(
        id=None,
        title=None,
        date=None,
        sides=[r.side for r in readouts],
        claims=claims,
        matches=matches(left, right, similarity, threshold),
        emphases=emphases,
        model=ModelInfo(encoder=BASELINE_NAME, threshold=threshold),
    )
