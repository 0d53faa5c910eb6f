"""The similarity itself as the lever: each encoder's part cosine and their ensembles, compared on
one footing (bench/matching.py, docs/matching.md).

Every encoder of `Evidence.encoders` scores the same parts, centred on its own background. An
ensemble averages them as they are, as per-meeting z-scores (each encoder's scores over the
meeting's candidate pairs, less their mean, over their spread), or as per-meeting ranks (the
share of candidate pairs scoring at most as much). Each similarity is read four ways: AUC (a
right pair outranks a wrong one among all candidate pairs), top-1 (a claim with a right
counterpart has it as its best candidate), the k = 1 ceiling (`misses.best_of_either`), mutual
best with a fitted threshold, in-sample and leave-one-pair-out, and the best recall mutual best
reaches at the bar's precision as the threshold is swept.
"""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Callable, Sequence

import numpy as np
from scipy.stats import rankdata

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
from evaluation.misses import best_of_either

Similarity = Callable[[Evidence], np.ndarray]
Z_SCORES = [round(float(x), 2) for x in np.arange(0.0, 5.01, 0.1)]
RANKS = [round(float(x), 4) for x in np.arange(0.80, 1.0001, 0.0025)]
# The match precision issue 23's bar asks for (at two-sided recall 0.75).
BAR_PRECISION = 0.85
# The fitted weighted mean: each encoder's weight in steps of this, the weights summing to 1.
WEIGHT_STEP = 0.25


def _candidates(e: Evidence, scores: np.ndarray) -> np.ndarray:
    found: np.ndarray = scores[~e.mixed]
    return found if found.size else scores.ravel()


def zscore(e: Evidence, scores: np.ndarray) -> np.ndarray:
    """Scores less their mean over the meeting's candidate pairs, over their spread."""
    among = _candidates(e, scores)
    spread = float(among.std()) or 1.0
    normal: np.ndarray = (scores - float(among.mean())) / spread
    return normal


def rank(e: Evidence, scores: np.ndarray) -> np.ndarray:
    """The share of the meeting's candidate pairs scoring at most as much as each pair."""
    among = np.sort(_candidates(e, scores))
    share: np.ndarray = np.searchsorted(among, scores, side="right") / max(len(among), 1)
    return share


NORMALS: dict[str, tuple[Callable[[Evidence, np.ndarray], np.ndarray] | None, list[float]]] = {
    "mean": (None, THRESHOLDS),
    "mean z-score": (zscore, Z_SCORES),
    "mean rank": (rank, RANKS),
}


def ensemble(names: Sequence[str] | None, normal: str) -> Similarity:
    """The mean over `names` (None: every encoder) of each encoder's part cosine, normalised per
    meeting as `normal` names (a key of `NORMALS`)."""
    how = NORMALS[normal][0]

    def similarity(e: Evidence) -> np.ndarray:
        found = e.by_encoder
        each = [found[n] if how is None else how(e, found[n]) for n in names or found]
        mean: np.ndarray = np.mean(each, axis=0)
        return mean

    return similarity


def similarities(e: Evidence) -> dict[str, tuple[Similarity, list[float]]]:
    """Each encoder alone, then every ensemble holding the pipeline's own encoder (the first),
    each way of normalising: label -> (similarity, its threshold grid)."""
    names = list(e.by_encoder)
    found: dict[str, tuple[Similarity, list[float]]] = {
        name: (ensemble([name], "mean"), THRESHOLDS) for name in names
    }
    for size in range(2, len(names) + 1):
        for group in itertools.combinations(names, size):
            if group[0] != names[0]:
                continue
            for normal, (_, grid) in NORMALS.items():
                found[f"{normal}: {' + '.join(group)}"] = (ensemble(group, normal), grid)
    return found


def auc(found: Sequence[Evidence], similarity: Similarity) -> float:
    """Mean over annotators of the chance that a right candidate pair outscores a wrong one."""
    values = []
    for annotator in found[0].right_pairs:
        scores = np.concatenate([similarity(e)[~e.mixed] for e in found])
        right = np.concatenate([e.right_pairs[annotator][~e.mixed] for e in found])
        ranks = rankdata(scores)  # ties share their mean rank
        hits, misses = int(right.sum()), int((~right).sum())
        if hits and misses:
            values.append((ranks[right].sum() - hits * (hits + 1) / 2) / (hits * misses))
    return float(np.mean(values)) if values else 0.0


def top1(found: Sequence[Evidence], similarity: Similarity) -> float:
    """Mean over annotators of the share of claims, on either side, that have a right candidate
    and whose best-scoring candidate is right."""
    values = []
    for annotator in found[0].right_pairs:
        hits = total = 0
        for e in found:
            scores = np.where(e.mixed, -np.inf, similarity(e))
            right = e.right_pairs[annotator] & ~e.mixed
            for rows, good in ((scores, right), (scores.T, right.T)):
                for row, ok in zip(rows, good, strict=True):
                    if ok.any():
                        total += 1
                        hits += bool(ok[int(row.argmax())])
        values.append(hits / total if total else 0.0)
    return float(np.mean(values))


def rescored(found: Sequence[Evidence], similarity: Similarity) -> list[Evidence]:
    """The evidence with `about` replaced by `similarity` (for rules and ceilings that read it)."""
    return [dataclasses.replace(e, about=similarity(e)) for e in found]


def ceiling(found: Sequence[Evidence], similarity: Similarity) -> Figures:
    return best_of_either(rescored(found, similarity), 1)


def recall_at_bar(scored: Sequence[Evidence], grid: Sequence[float]) -> float:
    """The best two-sided recall of mutual best by `about` at any threshold of `grid` whose
    precision reaches `BAR_PRECISION` (in-sample: a sweep, not a fit)."""
    swept = [figures(scored, [mutual_best(e.about, e.mixed, t) for e in scored]) for t in grid]
    return max((f.recall for f in swept if f.precision >= BAR_PRECISION), default=0.0)


def mutual(grid: Sequence[float]) -> Rule:
    """Mutual best by `about` at or above a threshold fitted on `grid` (on rescored evidence)."""
    return grid_rule(grid, lambda e, t: mutual_best(e.about, e.mixed, t))


def mutual_by(similarity: Similarity, grid: Sequence[float]) -> Rule:
    """Mutual best by `similarity`, each pair's evidence rescored once per fit."""

    def fitted(train: Sequence[Evidence]) -> Selector:
        select = mutual(grid)(rescored(train, similarity))
        return lambda e: select(rescored([e], similarity)[0])

    return fitted


def weighted_mean() -> Rule:
    """Mutual best by a weighted mean of the encoders' part cosines: the weights (steps of
    `WEIGHT_STEP`, summing to 1) and the threshold fitted together on the fitting pairs."""

    def fitted(train: Sequence[Evidence]) -> Selector:
        steps = round(1 / WEIGHT_STEP)
        splits = itertools.product(range(steps + 1), repeat=len(train[0].by_encoder))
        weights = [tuple(k * WEIGHT_STEP for k in s) for s in splits if sum(s) == steps]
        points = [(w, t) for w in weights for t in THRESHOLDS]
        return grid_rule(points, _weighted)(train)

    return fitted


def _weighted(e: Evidence, point: tuple[tuple[float, ...], float]) -> Pairs:
    weights, t = point
    scores = sum(w * s for w, s in zip(weights, e.by_encoder.values(), strict=True))
    return mutual_best(np.asarray(scores), e.mixed, t)
