"""Counterpart rules compared on one footing: each dev pair's claim-pair evidence, computed once
with the real pipeline, then any selection rule scored on it, in-sample and leave-one-pair-out.

`Evidence` holds what a rule may read for every claim pair of a pair of readouts: the part
cosine that `align.py` matches on, the whole-claim cosine, the shared specific terms and which
claims only frame the meeting; beside it, what the gold inventories say (which claim pairs fall
under one topic, and each two-sided topic's claims per side). `figures` scores a rule's pairs
exactly as `counterparts.tally` scores a report's `matches` (tests assert the two agree).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

import numpy as np

from evaluation.counterparts import TWO_SIDED, CounterpartCase, f_half, right_pair
from evaluation.fitting import fit
from service.pipeline import compare_prepared, prepare
from service.pipeline.align import part_scores, pieces, similarity_matrix
from service.pipeline.classify.calibration import Calibration
from service.pipeline.embed import Encoder, route
from service.pipeline.languages import language_named, lexical
from service.pipeline.types import Claim

Pairs = list[tuple[int, int]]
# The thresholds a cosine rule is fitted on (the calibration's match_threshold grid).
THRESHOLDS = [round(float(x), 3) for x in np.arange(0.10, 0.601, 0.025)]
TopicClaims = tuple[str, list[int], list[int]]
Point = TypeVar("Point")


@dataclass(frozen=True)
class Evidence:
    """One dev pair: per claim pair (rows left, columns right) what a rule may read, and gold."""

    name: str
    left: list[Claim]
    right: list[Claim]
    about: np.ndarray  # best cosine of the two claims' parts (align.part_scores)
    whole: np.ndarray  # centred cosine of the whole claims
    shared: np.ndarray  # shared specific terms, weighted by specificity and rarity here
    framing: tuple[np.ndarray, np.ndarray]  # per claim: it only frames the meeting
    right_pairs: dict[str, np.ndarray]  # per annotator: both claims under one topic
    topics: dict[str, list[TopicClaims]]  # per annotator: each two-sided topic's claims
    # per encoder measured (the pipeline's first): its part cosine, centred on its own background
    encoders: dict[str, np.ndarray] = field(default_factory=dict)

    @property
    def by_encoder(self) -> dict[str, np.ndarray]:
        """Each encoder's part cosine (a fake of one encoder: `about` alone)."""
        return self.encoders or {"": self.about}

    @property
    def mixed(self) -> np.ndarray:
        """Pairs of a framing claim and a claim that is not: never counterparts."""
        left, right = self.framing
        mixed: np.ndarray = left[:, None] != right[None, :]
        return mixed


def evidence(
    case: CounterpartCase,
    encoder: Encoder,
    calibration: Calibration,
    others: Sequence[tuple[Encoder, Calibration]] = (),
) -> Evidence:
    """The pair's evidence with the pipeline's own parts, centring and framing; with `others`,
    each other encoder's part cosine of the same parts too (`Evidence.encoders`)."""
    prepared = prepare(case.case.readouts)
    report = compare_prepared(prepared, encoder, calibration)
    chosen = route(encoder, (prepared.left.language, prepared.right.language))
    left, right = prepared.left.claims, prepared.right.claims
    left_pieces = pieces(left, prepared.left.language)
    right_pieces = pieces(right, prepared.right.language)
    texts = [p for _, p in left_pieces + right_pieces]
    vectors = calibration.center(chosen.encode(prepared.texts + texts))
    claims = vectors[: len(prepared.texts)]
    framing = {c.id for c in report.claims if c.verdict == "framing"}
    words = lexical((prepared.left.language, prepared.right.language))
    about = part_scores(left_pieces, right_pieces, vectors[len(prepared.texts) :])
    encoders = {chosen.name: about}
    for other, centring in others:
        if other.name in encoders:  # the pipeline's own encoder named again
            continue
        encoders[other.name] = part_scores(
            left_pieces, right_pieces, centring.center(other.encode(texts))
        )
    return Evidence(
        name=case.case.name,
        left=left,
        right=right,
        about=about,
        whole=similarity_matrix(claims[: len(left)], claims[len(left) :]),
        shared=_shared_terms(left, right, prepared.left.language, calibration.common_zipf)
        if words
        else np.zeros((len(left), len(right))),
        framing=(np.array([c.id in framing for c in left]), np.array([c.id in framing for c in right])),
        right_pairs={
            annotator: np.array([[right_pair(a, b, topics) for b in right] for a in left])
            for annotator, topics in case.case.annotators.items()
        },
        topics={
            annotator: [
                (
                    t.topic.topic,
                    [i for i, c in enumerate(left) if t.touches(c.side, c.start, c.end)],
                    [j for j, c in enumerate(right) if t.touches(c.side, c.start, c.end)],
                )
                for t in topics
                if t.topic.relation in TWO_SIDED
            ]
            for annotator, topics in case.case.annotators.items()
        },
        encoders=encoders,
    )  # fmt: skip


def _shared_terms(
    left: Sequence[Claim], right: Sequence[Claim], language: str, common_zipf: float
) -> np.ndarray:
    """Sum over the specific words two claims share of their specificity times how rare the
    word is among this meeting's claims (log(claims / claims using it) / log(claims))."""
    room = language_named(language)

    def words(claim: Claim) -> dict[str, float]:
        found: dict[str, float] = {}
        for term in room.terms(claim.text, common_zipf, None):
            for word in term.text.lower().replace("-", " ").split():
                found[word] = max(found.get(word, 0.0), term.specificity)
        return found

    mine, theirs = [words(c) for c in left], [words(c) for c in right]
    everyone = len(mine) + len(theirs)
    used: dict[str, int] = {}
    for found in mine + theirs:
        for word in found:
            used[word] = used.get(word, 0) + 1
    shared = np.zeros((len(mine), len(theirs)))
    for i, a in enumerate(mine):
        for j, b in enumerate(theirs):
            shared[i, j] = sum(
                min(a[w], b[w]) * np.log(everyone / used[w]) / np.log(max(everyone, 2))
                for w in a.keys() & b.keys()
            )
    return shared


def mutual_best(scores: np.ndarray, mixed: np.ndarray, threshold: float) -> Pairs:
    """`align.matches` on a score matrix: each the other's best at or above `threshold`, a
    framing claim only with another framing claim."""
    if scores.size == 0:
        return []
    masked = np.where(mixed, -np.inf, scores)
    best_right, best_left = masked.argmax(axis=1), masked.argmax(axis=0)
    return [
        (i, int(j))
        for i, j in enumerate(best_right)
        if best_left[j] == i and masked[i, j] >= threshold
    ]


@dataclass(frozen=True)
class Figures:
    """Match precision and two-sided topic recall, the mean of the annotators."""

    precision: float
    recall: float
    pairs: int

    @property
    def objective(self) -> float:
        return f_half(self.precision, self.recall)


def figures(found: Sequence[Evidence], pairs: Sequence[Pairs]) -> Figures:
    """Score each pair's selected claim pairs as `counterparts.tally` scores `matches`."""
    precisions, recalls = [], []
    for annotator in found[0].right_pairs:
        hits = total = covered = topics = 0
        for one, chosen in zip(found, pairs, strict=True):
            hits += sum(bool(one.right_pairs[annotator][i, j]) for i, j in chosen)
            total += len(chosen)
            kept = set(chosen)
            for _, left, right in one.topics[annotator]:
                topics += 1
                covered += any((i, j) in kept for i in left for j in right)
        precisions.append(hits / total if total else 1.0)
        recalls.append(covered / topics if topics else 1.0)
    count = sum(len(p) for p in pairs)
    return Figures(float(np.mean(precisions)), float(np.mean(recalls)), count)


# A rule fitted on some pairs returns how it selects on any pair.
Selector = Callable[[Evidence], Pairs]
Rule = Callable[[Sequence[Evidence]], Selector]


def grid_rule(points: Sequence[Point], select: Callable[[Evidence, Point], Pairs]) -> Rule:
    """A rule with a grid of settings: the one with the best F0.5 on the fitting pairs, the
    middle of its plateau (evaluation/fitting.py's tie rule)."""

    def fitted(train: Sequence[Evidence]) -> Selector:
        best = fit(
            points,
            lambda point: figures(train, [select(e, point) for e in train]),
            lambda measured: measured.objective,
        )
        return lambda e: select(e, best.point)

    return fitted


def in_sample(rule: Rule, found: Sequence[Evidence]) -> Figures:
    selector = rule(found)
    return figures(found, [selector(e) for e in found])


def held_out(rule: Rule, found: Sequence[Evidence]) -> Figures:
    """Leave-one-pair-out: each pair selected by the rule fitted on the other pairs."""
    pairs = [rule([e for e in found if e is not one])(one) for one in found]
    return figures(found, pairs)
