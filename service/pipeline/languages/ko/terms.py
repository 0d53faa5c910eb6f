"""Korean terms: noun phrases from Kiwi's morphemes, without roles, titles or verb stems."""

from __future__ import annotations

from collections.abc import Sequence

from service.pipeline.languages.base import Term, Token
from service.pipeline.languages.frequency import listed_specificity
from service.pipeline.languages.ko.split import morphemes

# Kiwi tags of the morphemes a Korean noun phrase is built from; a run starts with a noun.
_NOUN_START = frozenset({"NNG", "NNP", "SL", "SH", "XPN"})
_NOUN_PART = _NOUN_START | {"XSN", "SN"}
# Roles, titles and counterpart words name who spoke, never what was stressed (like the
# English titles): "양 장관", "미측", "양국".
_KO_ROLES = frozenset(
    """장관 대통령 총리 차관 차관보 대사 국무장관 외교장관 외교부 국무부 정부 양측 양국 측 미측
    우리측 올해 오늘 이날 금일 당시 이번 회담 면담 통화 회의""".split()
)
# A Korean noun missing from the word list is most often a compound ("연합방위태세").
UNLISTED_SPECIFICITY = 0.8


def specificity(word: str, common_zipf: float) -> float:
    """A Korean word's specificity by wordfreq's Korean list."""
    return listed_specificity(word, "ko", common_zipf, UNLISTED_SPECIFICITY)


def korean_terms(
    text: str, common_zipf: float, analysed: Sequence[Token] | None = None
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
        rarity = 1.0 if proper else specificity(term, common_zipf)
        if rarity > 0:
            found.setdefault(term, Term(term, rarity, proper=bool(proper)))
    return sorted(found.values(), key=lambda t: -t.specificity)
