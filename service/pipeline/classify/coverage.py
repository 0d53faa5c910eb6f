"""Partial emphases across languages: a claim's distinctive terms, covered or not by meaning.

Surface words cannot be compared across languages ("비핵화" never appears in an English text),
so a term counts as covered when the other readout has a term whose embedding is close enough
(CSLS at or above the calibrated `term_threshold`): "비핵화" is covered by "denuclearization", "현대화" is not
covered by anything the U.S. readout says.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import lru_cache

import numpy as np

from service.pipeline.classify.terms import Term, Vocabulary, distinctive_terms
from service.pipeline.embed import Encoder
from service.pipeline.memo import text_memo
from service.pipeline.split.korean import Morpheme, morphemes
from service.pipeline.types import Claim

# Kiwi tags of the morphemes a Korean noun phrase is built from; a run starts with a noun.
_NOUN_START = frozenset({"NNG", "NNP", "SL", "SH", "XPN"})
_NOUN_PART = _NOUN_START | {"XSN", "SN"}
# Roles, titles and counterpart words name who spoke, never what was stressed (like the
# English _TITLES): "양 장관", "미측", "양국".
_KO_ROLES = frozenset(
    """장관 대통령 총리 차관 차관보 대사 국무장관 외교장관 외교부 국무부 정부 양측 양국 측 미측
    우리측 올해 오늘 이날 금일 당시 이번 회담 면담 통화 회의""".split()
)
# Japanese and Chinese have no analyser here: runs of Han, katakana or Latin letters.
_CJK_TERM = re.compile(r"[\u4e00-\u9fff\u30a0-\u30ffA-Za-z]{2,}")
# Cross-domain similarity local scaling (Conneau et al., "Word translation without parallel
# data", 2018): a word close to everything ("linchpin", "resolute") is a hub and covers nothing.
CSLS_NEIGHBOURS = 5


def claim_terms(
    text: str, language: str, common_zipf: float, analysed: tuple[Morpheme, ...] | None = None
) -> list[Term]:
    """The content terms of one claim in its own language, most specific first (a Korean
    claim's terms from its morphemes, when the split has them already)."""
    return list(_claim_terms(text, language, common_zipf, analysed))


@text_memo(maxsize=4096)
def _claim_terms(
    text: str, language: str, common_zipf: float, analysed: tuple[Morpheme, ...] | None
) -> tuple[Term, ...]:
    if language == "ko":
        return tuple(korean_terms(text, common_zipf, analysed))
    if language in ("ja", "zh"):
        found = dict.fromkeys(m.group(0) for m in _CJK_TERM.finditer(text))
        return tuple(Term(t, 0.5, proper=False) for t in found)
    return tuple(distinctive_terms(text, Vocabulary(frozenset()), language, common_zipf))


def korean_terms(
    text: str, common_zipf: float, analysed: Sequence[Morpheme] | None = None
) -> list[Term]:
    """Noun phrases of a Korean claim: adjacent noun morphemes joined ("연합방위태세").

    As for English, names always count; a common noun counts unless it is an everyday word
    (Zipf frequency in Korean above `common_zipf`) or the stem of a verb ("강화하고").
    """
    tokens = morphemes(text) if analysed is None else analysed
    runs: list[list[int]] = []  # [start, end, proper, predicate]
    for token in tokens:
        start, end = token.start, token.start + token.len
        proper = int(token.tag in ("NNP", "SL", "SH"))
        if runs and token.tag in _NOUN_PART and runs[-1][1] == start:
            runs[-1][1], runs[-1][2] = end, runs[-1][2] | proper
        elif token.tag in _NOUN_START:
            runs.append([start, end, proper, 0])
        elif runs and token.tag in ("XSV", "XSA") and runs[-1][1] == start:
            runs[-1][3] = 1
    found: dict[str, Term] = {}
    for start, end, proper, predicate in runs:
        term = text[start:end]
        if len(term) < 2 or term in _KO_ROLES or term.isdigit() or (predicate and not proper):
            continue
        specificity = 1.0 if proper else _korean_specificity(term, common_zipf)
        if specificity > 0:
            found.setdefault(term, Term(term, specificity, proper=bool(proper)))
    return sorted(found.values(), key=lambda t: -t.specificity)


@lru_cache(maxsize=65536)
def _korean_specificity(term: str, common_zipf: float) -> float:
    """0 for everyday nouns, rising towards 1 for rare ones; Zipf is the same scale in any
    language (log10 of uses per billion words), so the English cut-off applies."""
    from wordfreq import freq_to_zipf, get_frequency_dict

    frequency = get_frequency_dict("ko").get(term, 0.0)
    if not frequency:
        return 0.8  # compounds are rarely in the word list, and rarely everyday words
    zipf = float(freq_to_zipf(frequency))
    if zipf > common_zipf:
        return 0.0
    return round(min(1.0, 0.3 + (common_zipf - zipf) / 3.0), 3)


def uncovered_terms(
    left: Sequence[Claim],
    right: Sequence[Claim],
    languages: tuple[str, str],
    encoder: Encoder,
    term_threshold: float,
    common_zipf: float,
    analysed: Mapping[str, tuple[Morpheme, ...]] | None = None,
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
