"""Stage 4, align: each claim's counterpart on the other side, by what the two claims are about.

Two claims are counterparts when they are about the same matter. Each claim is embedded as its
language room's `parts` (English: its *matter*, the words after its main predicate, and the
parts of that matter a list or a comma separates, `languages/en/matter.py`; other languages:
the claim itself), and two claims score the best centred cosine of any of their parts. A pair
is reported when each claim is the other's best (mutual best, so a claim has one counterpart
at most) above the calibrated `match_threshold`, and a claim that only frames the meeting (who
met whom, where, when) is a counterpart only of another such claim. docs/matching.md has the
procedure that chose this rule and what else was measured against it.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

import numpy as np

from service.pipeline.languages import language_named
from service.pipeline.types import Claim, Match

Pieces = list[tuple[int, str]]


def similarity_matrix(left: np.ndarray, right: np.ndarray) -> np.ndarray:
    """Cosine similarity of every left claim with every right claim (rows are unit vectors)."""
    if left.size == 0 or right.size == 0:
        return np.zeros((left.shape[0], right.shape[0]), dtype=np.float32)
    cosine: np.ndarray = np.clip(left @ right.T, -1.0, 1.0).astype(np.float32)
    return cosine


def parts(text: str, language: str) -> list[str]:
    """What a claim is embedded as for matching: its language room's parts (base.Language)."""
    return language_named(language).parts(text)


def pieces(claims: Sequence[Claim], language: str) -> Pieces:
    """Every part of `claims` as (index of its claim, text), claim by claim."""
    return [(index, piece) for index, c in enumerate(claims) for piece in parts(c.text, language)]


def part_scores(left: Pieces, right: Pieces, vectors: np.ndarray) -> np.ndarray:
    """Per claim pair, the best cosine of their parts; `vectors` embeds `left` then `right`."""
    owners = [index for index, _ in left + right]
    split = len(left)
    return part_matrix(vectors[:split], vectors[split:], owners[:split], owners[split:])


def part_matrix(
    left: np.ndarray, right: np.ndarray, left_owner: Sequence[int], right_owner: Sequence[int]
) -> np.ndarray:
    """Per claim pair, the best cosine between any part of one and any part of the other
    (`*_owner[k]` is the claim index of part row k)."""
    rows, cols = max(left_owner, default=-1) + 1, max(right_owner, default=-1) + 1
    best = np.full((rows, cols), -1.0, dtype=np.float32)
    if rows == 0 or cols == 0:
        return best
    cosine = similarity_matrix(left, right)
    owner_left, owner_right = np.asarray(left_owner), np.asarray(right_owner)
    for i in range(rows):
        block = cosine[owner_left == i]
        per_right = np.full(cols, -1.0, dtype=np.float32)
        np.maximum.at(per_right, owner_right, block.max(axis=0))
        best[i] = per_right
    return best


def matches(
    left: list[Claim],
    right: list[Claim],
    similarity: np.ndarray,
    threshold: float,
    framing: Collection[str] = frozenset(),
) -> list[Match]:
    """Pairs of claims that are each other's best counterpart at or above `threshold`, a
    framing claim only with another framing claim; the closest pair first."""
    if similarity.size == 0:
        return []
    scores = similarity.copy()
    left_framing = np.array([c.id in framing for c in left])
    right_framing = np.array([c.id in framing for c in right])
    scores[left_framing[:, None] != right_framing[None, :]] = -np.inf
    best_right = scores.argmax(axis=1)
    best_left = scores.argmax(axis=0)
    found = [
        Match(claims=[left[i].id, right[j].id], similarity=round(float(scores[i, j]), 4))
        for i, j in enumerate(best_right.tolist())
        if best_left[j] == i and scores[i, j] >= threshold
    ]
    return sorted(found, key=lambda m: -m.similarity)
