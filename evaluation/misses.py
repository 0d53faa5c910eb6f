"""Why a two-sided topic gets no right pair, and how far any selection by rank could go.

For each gold topic both readouts mention that the selected pairs leave uncovered, `misses`
takes the best-scoring pair of claims under that topic (one on each side) and says what stopped
it: no claim holds the topic's words on one side, every such pair mixes a framing claim with one
that is not, the pair is each other's best but under the threshold, one claim's best is the
other but that one prefers a third claim (a many-to-one case), or neither is the other's best.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from evaluation.matching import Evidence, Figures, Pairs, figures

CAUSES = (
    "no claim under the topic on one side",
    "framing against substance",
    "each other's best, under the threshold",
    "one side's best, the other prefers a third claim",
    "neither side's best",
)


@dataclass(frozen=True)
class Miss:
    """A two-sided topic with no right pair: its best candidate pair and what stopped it."""

    pair: str
    annotator: str
    topic: str
    cause: str
    score: float = 0.0
    # the other claim's rank among each claim's candidates (0: framing kept them apart)
    ranks: tuple[int, int] = (0, 0)
    texts: tuple[str, str] = ("", "")


def misses(e: Evidence, chosen: Pairs) -> list[Miss]:
    """Every annotator's uncovered two-sided topics of one pair, with their causes."""
    kept = set(chosen)
    scores = np.where(e.mixed, -np.inf, e.about)
    found = []
    for annotator, topics in e.topics.items():
        for topic, left, right in topics:
            if any((i, j) in kept for i in left for j in right):
                continue
            found.append(_miss(e, annotator, topic, left, right, scores))
    return found


def _miss(
    e: Evidence, annotator: str, topic: str, left: list[int], right: list[int], scores: np.ndarray
) -> Miss:
    if not left or not right:
        return Miss(e.name, annotator, topic, CAUSES[0])
    candidates = [(i, j) for i in left for j in right if not e.mixed[i, j]]
    if not candidates:
        i, j = max(((i, j) for i in left for j in right), key=lambda p: float(e.about[p]))
        texts = (e.left[i].text, e.right[j].text)
        return Miss(
            e.name, annotator, topic, CAUSES[1], round(float(e.about[i, j]), 3), texts=texts
        )
    i, j = max(candidates, key=lambda p: float(scores[p]))
    score = float(scores[i, j])
    ranks = (int((scores[i] > score).sum()) + 1, int((scores[:, j] > score).sum()) + 1)
    cause = CAUSES[2] if ranks == (1, 1) else CAUSES[3] if 1 in ranks else CAUSES[4]
    texts = (e.left[i].text, e.right[j].text)
    return Miss(e.name, annotator, topic, cause, round(score, 3), ranks, texts)


def best_of_either(found: Sequence[Evidence], k: int) -> Figures:
    """The ceiling of selecting by rank: every claim with its `k` best-scoring counterparts
    (framing only with framing), from either side, whatever their score."""
    pairs = []
    for e in found:
        scores = np.where(e.mixed, -np.inf, e.about)
        chosen: set[tuple[int, int]] = set()
        for i in range(scores.shape[0]):
            chosen.update((i, int(j)) for j in np.argsort(-scores[i])[:k] if scores[i, j] > -1)
        for j in range(scores.shape[1]):
            chosen.update((int(i), j) for i in np.argsort(-scores[:, j])[:k] if scores[i, j] > -1)
        pairs.append(sorted(chosen))
    return figures(found, pairs)
