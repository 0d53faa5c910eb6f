"""Baselines: lexical overlap on our claims, every sentence flagged, and naive sentence matching."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from service.pipeline import prepare
from service.pipeline.align import similarity_matrix
from service.pipeline.classify import classify
from service.pipeline.classify.terms import stem_key, vocabulary
from service.pipeline.clean import Segment
from service.pipeline.embed import Encoder
from service.pipeline.languages.en.split import sentences
from service.pipeline.types import Claim, Emphasis, Match, ModelInfo, Readout, Report

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
    prepared = prepare(readouts)
    left, right = prepared.left.claims, prepared.right.claims
    similarity = overlap_matrix([c.text for c in left], [c.text for c in right])
    claims, emphases = classify(left, right, similarity, threshold, common_zipf=-1.0)
    emphases = [e for e in emphases if e.kind == "one-sided"]
    matched = nearest_pairs(left, right, similarity, threshold)
    return _report(readouts, claims, emphases, matched, BASELINE_NAME, threshold)


def nearest_pairs(
    left: list[Claim], right: list[Claim], similarity: np.ndarray, threshold: float
) -> list[Match]:
    """The first recipe for counterparts: pairs above the threshold where either claim is the
    other's best (readout-diff's alignment before it compared matters, mutual best)."""
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


def sentence_claims(readout: Readout) -> list[Claim]:
    """Every syntok sentence of the raw text as one claim: no cleaning, no claim splitting."""
    text = readout.text
    spans = sentences(text, [Segment(0, len(text))])
    return [
        Claim(
            id=f"{readout.side}-{index}",
            side=readout.side,
            text=text[s.start : s.end],
            start=s.start,
            end=s.end,
            sentence=index - 1,
            position=(index - 1) / max(len(spans) - 1, 1),
        )
        for index, s in enumerate(spans, start=1)
    ]


def flag_every_sentence(readouts: Sequence[Readout]) -> Report:
    """The floor any method must beat: every sentence reported, in reading order."""
    left, right = (sentence_claims(r) for r in readouts)
    emphases = [
        Emphasis(c.side, c.id, "one-sided", c.text, [], 1.0 - c.position, None)
        for c in left + right
    ]
    return _report(readouts, left + right, emphases, [], "every-sentence", 0.0)


def naive_sentences(readouts: Sequence[Readout], encoder: Encoder, threshold: float) -> Report:
    """The recipe anyone would try first: sentences, MiniLM, a sentence whose best match on the
    other side is below `threshold` is one-sided, the farthest first."""
    left, right = (sentence_claims(r) for r in readouts)
    vectors = encoder.encode([c.text for c in left + right])
    similarity = similarity_matrix(vectors[: len(left)], vectors[len(left) :])
    emphases = []
    for claims, matrix in ((left, similarity), (right, similarity.T)):
        for row, claim in enumerate(claims):
            best = float(matrix[row].max()) if matrix.shape[1] else 0.0
            if best < threshold:
                emphases.append(
                    Emphasis(claim.side, claim.id, "one-sided", claim.text, [], 1.0 - best, None)
                )
    matched = nearest_pairs(left, right, similarity, threshold)
    return _report(readouts, left + right, emphases, matched, f"naive-{encoder.name}", threshold)


def _report(
    readouts: Sequence[Readout],
    claims: list[Claim],
    emphases: list[Emphasis],
    matched: list[Match],
    name: str,
    threshold: float,
) -> Report:
    return Report(
        id=None,
        title=None,
        date=None,
        sides=[r.side for r in readouts],
        claims=claims,
        matches=matched,
        emphases=sorted(emphases, key=lambda e: -e.salience),
        model=ModelInfo(encoder=name, threshold=threshold),
    )
