"""The iSTS F1 measures: token-to-token alignment F1, plain and with type and score agreement.

Follows the SemEval iSTS scorer (evalF1.pl, after Melamed 1998): every chunk alignment yields
the token pairs of its two chunks (NOALI/ALIC and punctuation are left out); each token pair
weighs 1 / max(fan-out of its two tokens), the fan-out taken in the set it belongs to (system
for precision, gold for recall). Type agreement is the Jaccard of the two type sets, score
agreement 1 - |gold - system| / 5. The official figure pools all pairs (`pooled`); `pair`
averages each sentence pair's F1 instead.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from evaluation.ists.wa import Pair

Mode = Literal["ali", "type", "score", "typescore"]
MODES: tuple[Mode, ...] = ("ali", "type", "score", "typescore")
_PUNCTUATION = re.compile(r"^[.,:'`?;\"-]$")


@dataclass(frozen=True)
class Links:
    """Token pairs of one sentence pair, their types and scores, and each token's fan-out."""

    types: dict[tuple[int, int], frozenset[str]]
    scores: dict[tuple[int, int], float]
    weights: dict[tuple[int, int], float]


def links(pair: Pair, tokens: Pair) -> Links:
    """Token pairs of `pair`; punctuation is judged on the tokens of `tokens` (the gold pair)."""
    types: dict[tuple[int, int], frozenset[str]] = {}
    scores: dict[tuple[int, int], float] = {}
    for alignment in pair.alignments:
        if alignment.left[0] == 0 or alignment.right[0] == 0:
            continue
        left = [t for t in alignment.left if not _punctuation(tokens.left, t)]
        right = [t for t in alignment.right if not _punctuation(tokens.right, t)]
        for t1 in left:
            for t2 in right:
                types[(t1, t2)] = frozenset(t.lower() for t in alignment.types)
                scores[(t1, t2)] = alignment.score or 0.0
    fan_left: dict[int, int] = {}
    fan_right: dict[int, int] = {}
    for t1, t2 in types:
        fan_left[t1] = fan_left.get(t1, 0) + 1
        fan_right[t2] = fan_right.get(t2, 0) + 1
    weights = {(t1, t2): 1.0 / max(fan_left[t1], fan_right[t2]) for t1, t2 in types}
    return Links(types, scores, weights)


def _punctuation(tokens: list[str], index: int) -> bool:
    return 0 < index <= len(tokens) and bool(_PUNCTUATION.match(tokens[index - 1]))


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    """|a ∩ b| / |a ∪ b|; 0 for two empty sets."""
    union = a | b
    return len(a & b) / len(union) if union else 0.0


def overlap(mine: Links, theirs: Links, mode: Mode) -> float:
    """Weighted token pairs of `mine` also in `theirs`, discounted for type/score disagreement."""
    total = 0.0
    for key, weight in mine.weights.items():
        if key not in theirs.types:
            continue
        agree = 1.0
        if mode in ("type", "typescore"):
            agree *= jaccard(mine.types[key], theirs.types[key])
        if mode in ("score", "typescore"):
            agree *= 1.0 - abs(mine.scores[key] - theirs.scores[key]) / 5.0
        total += weight * agree
    return total


@dataclass(frozen=True)
class Counts:
    """Precision and recall numerators and denominators of one sentence pair."""

    overlap_system: float
    system: float
    overlap_gold: float
    gold: float

    def f1(self) -> float:
        precision = self.overlap_system / self.system if self.system else 0.0
        recall = self.overlap_gold / self.gold if self.gold else 0.0
        return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def pair_counts(gold: Pair, system: Pair | None, mode: Mode) -> Counts:
    """The four sums of one sentence pair; a pair the system left out has nothing in common."""
    gold_links = links(gold, gold)
    if system is None:
        return Counts(0.0, 0.0, 0.0, sum(gold_links.weights.values()))
    system_links = links(system, gold)
    return Counts(
        overlap_system=overlap(system_links, gold_links, mode),
        system=sum(system_links.weights.values()),
        overlap_gold=overlap(gold_links, system_links, mode),
        gold=sum(gold_links.weights.values()),
    )


def f1(
    gold: Mapping[str, Pair],
    system: Mapping[str, Pair],
    mode: Mode = "ali",
    average: Literal["pooled", "pair"] = "pooled",
) -> float:
    """F1 of `system` against `gold` for one mode, pooled over pairs or averaged per pair."""
    counts = [pair_counts(pair, system.get(pid), mode) for pid, pair in gold.items()]
    if average == "pair":
        # A pair where neither side aligns anything (all NOALI) is in full agreement.
        per_pair = [c.f1() if c.gold or c.system else 1.0 for c in counts]
        return sum(per_pair) / len(per_pair) if per_pair else 0.0
    pooled = Counts(
        overlap_system=sum(c.overlap_system for c in counts),
        system=sum(c.system for c in counts),
        overlap_gold=sum(c.overlap_gold for c in counts),
        gold=sum(c.gold for c in counts),
    )
    return pooled.f1()


def scores(
    gold: Mapping[str, Pair],
    system: Mapping[str, Pair],
    average: Literal["pooled", "pair"] = "pooled",
) -> dict[Mode, float]:
    """All four F1s: alignment, type, score, type+score."""
    return {mode: f1(gold, system, mode, average) for mode in MODES}
