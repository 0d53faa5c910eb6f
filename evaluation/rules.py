"""The counterpart rules measured against each other (bench/matching.py, docs/matching.md).

Each is a `matching.Rule`: fitted on some dev pairs, it selects claim pairs on any pair. The
first is what `align.py` ships; the others are the alternatives issue 23 invites, each with its
settings fitted by the same F0.5 objective and plateau rule as the calibration.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from evaluation.ensemble import ensemble, mutual_by, weighted_mean
from evaluation.fitting import fit
from evaluation.matching import (
    THRESHOLDS,
    Evidence,
    Figures,
    Pairs,
    Rule,
    Selector,
    figures,
    grid_rule,
    mutual_best,
)

# Logistic scores: log-odds from -4 (p 0.02) to 2 (p 0.88).
LOG_ODDS = [round(float(x), 2) for x in np.arange(-4.0, 2.01, 0.1)]
FEATURES = ("part cosine", "whole cosine", "gap to row best", "gap to column best",
            "shared terms", "both framing")  # fmt: skip
# Ridge penalty of the logistic fit: keeps six weights sane on ~700 claim pairs.
RIDGE = 1.0


def mutual_parts() -> Rule:
    """Today's rule: mutual best by part cosine at or above a threshold (align.matches)."""
    return grid_rule(THRESHOLDS, lambda e, t: mutual_best(e.about, e.mixed, t))


def mutual_whole() -> Rule:
    """Mutual best by the whole claims' cosine (before matters and parts)."""
    return grid_rule(THRESHOLDS, lambda e, t: mutual_best(e.whole, e.mixed, t))


def with_shared_terms() -> Rule:
    """Mutual best by part cosine plus a weight times the shared specific terms."""
    points = [(w, t) for w in (0.02, 0.05, 0.1, 0.2) for t in THRESHOLDS]
    return grid_rule(points, lambda e, p: mutual_best(e.about + p[0] * e.shared, e.mixed, p[1]))


def near_ties() -> Rule:
    """Many-to-one: mutual best pairs, and a claim's best counterpart whose own best is another
    claim, when the two are within `margin` of each other and at or above a second threshold."""
    points = [
        (t, second, margin)
        for t in THRESHOLDS[4:14]
        for second in THRESHOLDS[8:20]
        for margin in (0.01, 0.02, 0.05, 0.1)
    ]
    return grid_rule(points, _near_ties)


def _near_ties(e: Evidence, point: tuple[float, float, float]) -> Pairs:
    t, second, margin = point
    scores = np.where(e.mixed, -np.inf, e.about)
    if scores.size == 0:
        return []
    row, column = scores.max(axis=1, keepdims=True), scores.max(axis=0, keepdims=True)
    row_best, column_best = scores >= row, scores >= column
    mutual = row_best & column_best & (scores >= t)
    near = (row_best & (scores >= column - margin)) | (column_best & (scores >= row - margin))
    kept = mutual | (near & (scores >= second))
    return [(int(i), int(j)) for i, j in zip(*np.nonzero(kept), strict=True)]


def features(e: Evidence) -> np.ndarray:
    """Per claim pair, the `FEATURES` (rows left, columns right, last axis the features)."""
    scores = np.where(e.mixed, -1.0, e.about)
    row = scores.max(axis=1, keepdims=True) if scores.size else scores
    column = scores.max(axis=0, keepdims=True) if scores.size else scores
    both = (e.framing[0][:, None] & e.framing[1][None, :]).astype(float)
    columns = [e.about, e.whole, scores - row, scores - column, e.shared, both]
    return np.stack([np.asarray(c, dtype=float) for c in columns], axis=-1)


def logistic_weights(train: Sequence[Evidence]) -> np.ndarray:
    """A ridge logistic regression of "both claims under one topic" (each annotator's label a
    sample of its own) on the `FEATURES`, by Newton's method; the last weight the intercept."""
    rows, labels = [], []
    for e in train:
        found = features(e)[~e.mixed]
        for right in e.right_pairs.values():
            rows.append(found)
            labels.append(right[~e.mixed].astype(float))
    x = np.hstack([np.concatenate(rows), np.ones((sum(len(r) for r in rows), 1))])
    y = np.concatenate(labels)
    weights = np.zeros(x.shape[1])
    penalty = np.diag([RIDGE] * (x.shape[1] - 1) + [0.0])
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-x @ weights))
        gradient = x.T @ (p - y) + penalty @ weights
        hessian = (x * (p * (1 - p) + 1e-9)[:, None]).T @ x + penalty
        weights = weights - np.linalg.solve(hessian, gradient)
    return weights


def log_odds(e: Evidence, weights: np.ndarray) -> np.ndarray:
    found: np.ndarray = features(e) @ weights[:-1] + weights[-1]
    return found


def logistic(mutual: bool) -> Rule:
    """The logistic combination of the `FEATURES`, fitted on the fitting pairs; then mutual best
    on its log-odds (one counterpart each), or every pair above the fitted log-odds (any number
    of counterparts), the threshold fitted on the same pairs."""

    def fitted(train: Sequence[Evidence]) -> Selector:
        weights = logistic_weights(train)
        best = fit(
            LOG_ODDS,
            lambda t: _figures(train, weights, t, mutual),
            lambda measured: measured.objective,
        )
        return lambda e: _select(e, weights, best.point, mutual)

    return fitted


def _figures(train: Sequence[Evidence], weights: np.ndarray, t: float, mutual: bool) -> Figures:
    return figures(train, [_select(e, weights, t, mutual) for e in train])


def _select(e: Evidence, weights: np.ndarray, t: float, mutual: bool) -> Pairs:
    scores = log_odds(e, weights)
    if mutual:
        return mutual_best(scores, e.mixed, t)
    kept = (scores >= t) & ~e.mixed
    return [(int(i), int(j)) for i, j in zip(*np.nonzero(kept), strict=True)]


RULES: dict[str, Rule] = {
    "mutual best, part cosine (align.py)": mutual_parts(),
    "mutual best, whole-claim cosine": mutual_whole(),
    "mutual best, part cosine + shared specific terms": with_shared_terms(),
    "many-to-one: mutual best + near ties": near_ties(),
    "logistic (6 features), mutual best": logistic(mutual=True),
    "logistic (6 features), every pair above": logistic(mutual=False),
    "mutual best, mean of the encoders' part cosines": mutual_by(
        ensemble(None, "mean"), THRESHOLDS
    ),
    "mutual best, fitted weighted mean of the encoders' part cosines": weighted_mean(),
}
