"""Partial emphases across languages: a claim's distinctive terms, covered or not by meaning.

Surface words cannot be compared across languages ("비핵화" never appears in an English text),
so a term counts as covered when the other readout has a term whose embedding is close enough
(CSLS at or above the calibrated `term_threshold`): "비핵화" is covered by "denuclearization", "현대화" is not
covered by anything the U.S. readout says.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np

from service.pipeline.embed import Encoder
from service.pipeline.languages import language_named
from service.pipeline.languages.base import Term, Tokens
from service.pipeline.memo import text_memo
from service.pipeline.types import Claim

# Cross-domain similarity local scaling (Conneau et al., "Word translation without parallel
# data", 2018): a word close to everything ("linchpin", "resolute") is a hub and covers nothing.
CSLS_NEIGHBOURS = 5


def claim_terms(
    text: str, language: str, common_zipf: float, analysed: Tokens | None = None
) -> list[Term]:
    """The content terms of one claim in its own language, most specific first (from its
    tokens, when the split has them already)."""
    return list(_claim_terms(text, language, common_zipf, analysed))


@text_memo(maxsize=4096)
def _claim_terms(
    text: str, language: str, common_zipf: float, analysed: Tokens | None
) -> tuple[Term, ...]:
    return tuple(language_named(language).terms(text, common_zipf, analysed))


def uncovered_terms(
    left: Sequence[Claim],
    right: Sequence[Claim],
    languages: tuple[str, str],
    encoder: Encoder,
    term_threshold: float,
    common_zipf: float,
    analysed: Mapping[str, Tokens] | None = None,
) -> dict[str, list[Term]]:
    """For every claim id, its distinctive terms that no term of the other readout translates.

    Closeness is CSLS, not raw cosine: 2·cos(x, y) less the mean cosine of x with its nearest
    terms on y's side and of y with its nearest terms on x's side. Single-word embeddings
    have hubs ("linchpin", "resolute" sit near many Korean nouns); CSLS discounts them, so
    "Russia" is not taken as covered by "북한" while "비핵화" still is by "denuclearization".
    """
    sides = ((left, languages[0]), (right, languages[1]))
    analysed = analysed or {}
    terms = {
        c.id: claim_terms(c.text, lang, common_zipf, analysed.get(c.id))
        for cs, lang in sides
        for c in cs
    }
    texts = list(dict.fromkeys(t.text for found in terms.values() for t in found))
    vectors = dict(zip(texts, encoder.encode(texts), strict=True)) if texts else {}
    pools = {
        side: list(dict.fromkeys(t.text for c in claims for t in terms[c.id]))
        for side, claims in enumerate((left, right))
    }
    matrix = {side: _stack(vectors, pool) for side, pool in pools.items()}
    result: dict[str, list[Term]] = {}
    for side, claims in enumerate((left, right)):
        own, other = matrix[side], matrix[1 - side]
        if own.shape[0] == 0 or other.shape[0] == 0:
            # No terms here, or none there to cover them.
            result.update({c.id: terms[c.id] for c in claims})
            continue
        # Hubness of each word of the other side: how close it sits to this side's words.
        other_hub = _mean_top(other @ own.T)
        for claim in claims:
            found = terms[claim.id]
            if not found:
                result[claim.id] = []
                continue
            cosine = _stack(vectors, [t.text for t in found]) @ other.T
            csls = 2 * cosine - _mean_top(cosine)[:, None] - other_hub[None, :]
            best = csls.max(axis=1)
            result[claim.id] = [t for t, b in zip(found, best, strict=True) if b < term_threshold]
    return result


def _stack(vectors: dict[str, np.ndarray], texts: list[str]) -> np.ndarray:
    if not texts:
        return np.zeros((0, 1), dtype=np.float32)
    return np.stack([vectors[t] for t in texts])


def _mean_top(similarity: np.ndarray) -> np.ndarray:
    """Mean cosine of each row with its CSLS_NEIGHBOURS nearest columns."""
    if similarity.shape[1] == 0:
        return np.zeros(similarity.shape[0], dtype=np.float32)
    k = min(CSLS_NEIGHBOURS, similarity.shape[1])
    top = -np.sort(-similarity, axis=1)[:, :k]
    mean: np.ndarray = top.mean(axis=1)
    return mean
