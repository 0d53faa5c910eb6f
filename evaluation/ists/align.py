"""readout-diff's aligner on iSTS chunks: cosine + word overlap, labels from polarity and strength."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from evaluation.ists.contrast import contrast as opposition
from evaluation.ists.wa import Alignment, Pair
from service.pipeline.classify.strength import added_intensity
from service.pipeline.embed import Encoder

_FUNCTION = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "to",
        "in",
        "on",
        "at",
        "for",
        "by",
        "with",
        "from",
        "and",
        "or",
        "'s",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "as",
        "its",
        "his",
        "her",
        "their",
        "this",
        "that",
        "these",
        "those",
        "it",
    ]
)


@dataclass(frozen=True)
class Settings:
    """Thresholds of the chunk aligner (similarity is the mean of cosine and word overlap)."""

    align: float = 0.45  # the least similarity for a chunk pair to align
    extra: float = 0.75  # a chunk already aligned may take a second partner this similar
    equi: float = 0.85  # cosine above which non-identical chunks are equivalent
    simi: float = 0.55  # cosine above which a loose pair is similar rather than related


def content(tokens: Sequence[str]) -> set[str]:
    """Lower-cased content words of a chunk, crudely stemmed; all words when it has none."""
    words = [t.lower().strip(".,:;!?\"'`") for t in tokens]
    words = [w for w in words if w]
    kept = {w[:6] for w in words if w not in _FUNCTION}
    return kept or {w[:6] for w in words}


def overlap(a: set[str], b: set[str]) -> float:
    """Dice coefficient of two word sets."""
    return 2 * len(a & b) / (len(a) + len(b)) if a and b else 0.0


def label(
    left: list[str], right: list[str], cosine: float, settings: Settings
) -> tuple[str, float]:
    """The iSTS type and score of an aligned chunk pair."""
    text_left, text_right = " ".join(left), " ".join(right)
    if opposition(text_left, text_right):
        return "OPPO", 4.0
    words_left, words_right = content(left), content(right)
    if words_left == words_right or cosine >= settings.equi:
        stronger_left = added_intensity(text_left, text_right)
        stronger_right = added_intensity(text_right, text_left)
        if stronger_left and not stronger_right:
            return "SPE1", 4.0
        if stronger_right and not stronger_left:
            return "SPE2", 4.0
        return "EQUI", 5.0
    if words_left > words_right or (
        added_intensity(text_left, text_right) and words_left >= words_right
    ):
        return "SPE1", 4.0 if cosine >= settings.simi else 3.0
    if words_right > words_left or (
        added_intensity(text_right, text_left) and words_right >= words_left
    ):
        return "SPE2", 4.0 if cosine >= settings.simi else 3.0
    if cosine >= settings.simi:
        return "SIMI", 4.0 if cosine >= (settings.simi + settings.equi) / 2 else 3.0
    return "REL", 3.0


def align_pair(
    pair: Pair,
    chunks: tuple[list[tuple[int, ...]], list[tuple[int, ...]]],
    vectors: tuple[np.ndarray, np.ndarray],
    settings: Settings = Settings(),
) -> Pair:
    """Align the gold chunks of one pair: greedy best-first, then high-similarity extras."""
    left_ids, right_ids = chunks
    left = [[pair.left[i - 1] for i in ids] for ids in left_ids]
    right = [[pair.right[i - 1] for i in ids] for ids in right_ids]
    cosine = np.clip(vectors[0] @ vectors[1].T, -1.0, 1.0) if left and right else np.zeros((0, 0))
    lexical = np.array([[overlap(content(a), content(b)) for b in right] for a in left])
    combined = (cosine + lexical) / 2 if left and right else cosine
    taken_left: set[int] = set()
    taken_right: set[int] = set()
    links: list[tuple[int, int]] = []
    order = sorted(np.ndindex(*combined.shape), key=lambda ij: -float(combined[ij]))
    for i, j in order:
        if combined[i, j] < settings.align:
            break
        if i not in taken_left and j not in taken_right:
            links.append((i, j))
            taken_left.add(i)
            taken_right.add(j)
    for i, j in order:
        if combined[i, j] < settings.extra:
            break
        best = int(np.argmax(combined[i])) == j or int(np.argmax(combined[:, j])) == i
        if (i, j) not in links and (i not in taken_left or j not in taken_right) and best:
            links.append((i, j))
            taken_left.add(i)
            taken_right.add(j)
    alignments = []
    for i, j in links:
        kind, score = label(left[i], right[j], float(cosine[i, j]), settings)
        alignments.append(Alignment(left_ids[i], right_ids[j], (kind,), score))
    alignments += [
        Alignment(ids, (0,), ("NOALI",), None)
        for i, ids in enumerate(left_ids)
        if i not in taken_left
    ]
    alignments += [
        Alignment((0,), ids, ("NOALI",), None)
        for j, ids in enumerate(right_ids)
        if j not in taken_right
    ]
    return Pair(id=pair.id, left=pair.left, right=pair.right, alignments=alignments)


def chunk_texts(pair: Pair, ids: list[tuple[int, ...]], tokens: list[str]) -> list[str]:
    """The text of each chunk."""
    return [" ".join(tokens[i - 1] for i in chunk) for chunk in ids]


def align_all(
    pairs: list[Pair],
    chunks: list[tuple[list[tuple[int, ...]], list[tuple[int, ...]]]],
    encoder: Encoder,
    settings: Settings = Settings(),
) -> dict[str, Pair]:
    """Align every pair, encoding all chunk texts in one batch."""
    texts = sorted(
        {
            text
            for pair, (left, right) in zip(pairs, chunks, strict=True)
            for text in chunk_texts(pair, left, pair.left) + chunk_texts(pair, right, pair.right)
        }
    )
    matrix = encoder.encode(texts) if texts else np.zeros((0, 1), dtype=np.float32)
    index = {text: row for row, text in enumerate(texts)}

    def vectors(pair: Pair, ids: list[tuple[int, ...]], tokens: list[str]) -> np.ndarray:
        rows = [index[t] for t in chunk_texts(pair, ids, tokens)]
        return matrix[rows] if rows else np.zeros((0, matrix.shape[1]), dtype=np.float32)

    return {
        pair.id: align_pair(
            pair,
            (left, right),
            (vectors(pair, left, pair.left), vectors(pair, right, pair.right)),
            settings,
        )
        for pair, (left, right) in zip(pairs, chunks, strict=True)
    }
