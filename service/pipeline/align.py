"""Stage 4, align: each claim's counterpart on the other side, by what the two claims are about.

Two claims are counterparts when they are about the same matter. A claim's wording of who said
it and how ("Secretary Rubio and Foreign Minister Cho discussed …") is shared by every claim of
a readout, so the matter is compared without it: each English claim is embedded as its *matter*
(the words after its main predicate, `level.py`) and as the parts of that matter a list or a
comma separates, and two claims score the best centred cosine of any of their parts. A pair is
reported when each claim is the other's best (mutual best, so a claim has one counterpart at
most) above the calibrated `match_threshold`, and a claim that only frames the meeting (who
met whom, where, when) is a counterpart only of another such claim.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

import numpy as np

from service.pipeline.classify.level import english_predicate
from service.pipeline.types import Claim, Match

# A part shorter than this says too little to be matched alone ("the ROK").
MIN_PART_WORDS = 3
# Where a matter splits into parts: commas and semicolons, and list joiners before a verb or
# "including" / "as well as" (English function words, not fitted).
_PARTS = re.compile(
    r",\s+(?:and\s+|including\s+|as well as\s+)?|;\s+|\s+and\s+(?=[a-z]+(?:ed|ing)\b)"
    r"|\s+as well as\s+|\s+including\s+"
)


def similarity_matrix(left: np.ndarray, right: np.ndarray) -> np.ndarray:
    """Cosine similarity of every left claim with every right claim (rows are unit vectors)."""
    if left.size == 0 or right.size == 0:
        return np.zeros((left.shape[0], right.shape[0]), dtype=np.float32)
    cosine: np.ndarray = np.clip(left @ right.T, -1.0, 1.0).astype(np.float32)
    return cosine


def matter(text: str) -> str:
    """An English claim without its subject and predicate: what it says something about."""
    found = english_predicate(text)
    if found is None:
        return text
    rest = text[text.find(found.text) + len(found.text) :].strip(" ,.")
    return rest if len(rest.split()) >= 2 else text


def parts(text: str, language: str) -> list[str]:
    """What a claim is embedded as for matching: its matter, and the matter's parts when a list
    or a comma splits it into several (English); the claim itself in other languages."""
    if language != "en":
        return [text]
    whole = matter(text)
    pieces = [p.strip(" ,.") for p in _PARTS.split(whole)]
    pieces = [p for p in pieces if len(p.split()) >= MIN_PART_WORDS]
    return [whole, *pieces] if len(pieces) > 1 else [whole]


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
