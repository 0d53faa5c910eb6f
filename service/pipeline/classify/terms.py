"""Terms as the classify stages read them: the lexical (same-language) checks and each
language's word specificity, with the cut-offs calibrated for all languages."""

from __future__ import annotations

from service.pipeline.languages import language_named
from service.pipeline.languages.base import Term
from service.pipeline.languages.en.terms import (
    COMMON_ZIPF,
    PARTIAL_SPECIFICITY,
    Vocabulary,
    Words,
    is_proper,
    is_verb_form,
    stem_key,
    vocabulary,
    words_of,
)
from service.pipeline.languages.en.terms import distinctive_terms as _lexical_terms
from service.pipeline.languages.en.words import NAME_JOINERS, STOPWORDS, TITLES

__all__ = [
    "COMMON_ZIPF",
    "NAME_JOINERS",
    "PARTIAL_SPECIFICITY",
    "STOPWORDS",
    "TITLES",
    "Term",
    "Vocabulary",
    "Words",
    "distinctive_terms",
    "is_proper",
    "is_verb_form",
    "specificity",
    "stem_key",
    "vocabulary",
    "words_of",
]


def distinctive_terms(
    text: str, other: Vocabulary, language: str = "en", common_zipf: float = COMMON_ZIPF
) -> list[Term]:
    """Content terms of `text` that the other readout never uses, most specific first: the
    word-by-word check of two readouts in one lexical `language` (English today, whose stems
    and names languages/en/terms.py reads)."""
    return _lexical_terms(text, other, common_zipf)


def specificity(word: str, language: str, common_zipf: float) -> float:
    """0 for an everyday word of `language`, rising towards 1 for rare ones."""
    return language_named(language).specificity(word, common_zipf)
