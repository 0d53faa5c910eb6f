"""Terms as the classify stages read them: the lexical (same-language) checks, each language's
word specificity, and the one rule of a substantive added term (what makes `partial`, and
what history looks for in earlier readouts), with the cut-offs calibrated for all languages."""

from __future__ import annotations

from collections.abc import Collection, Iterable

from service.pipeline.classify.strength import added_intensity
from service.pipeline.languages import language_named
from service.pipeline.languages.base import Term
from service.pipeline.languages.en.terms import (
    COMMON_ZIPF,
    PARTIAL_SPECIFICITY,
    Vocabulary,
    Words,
    acronyms,
    is_proper,
    is_verb_form,
    stem_key,
    vocabulary,
    words_of,
)
from service.pipeline.languages.en.terms import distinctive_terms as _lexical_terms
from service.pipeline.languages.en.words import NAME_JOINERS, STOPWORDS, TITLES

# An added intensifier ("resolute", "complete") weighs like a moderately rare content word.
INTENSITY_SPECIFICITY = 0.5

__all__ = [
    "COMMON_ZIPF",
    "INTENSITY_SPECIFICITY",
    "NAME_JOINERS",
    "PARTIAL_SPECIFICITY",
    "STOPWORDS",
    "TITLES",
    "Term",
    "Vocabulary",
    "Words",
    "acronyms",
    "added_terms",
    "distinctive_terms",
    "is_proper",
    "is_verb_form",
    "participant_name",
    "specificity",
    "stem_key",
    "substantive",
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


def substantive(
    terms: Iterable[Term], participants: Collection[str], partial_specificity: float
) -> list[Term]:
    """The distinctive terms that add content, the one rule `partial` and history share: a
    name, or a term at least `partial_specificity` specific (calibrated), and never only the
    names of the meeting's participants (`framing.roles`)."""
    return [
        t
        for t in terms
        if not all(participant_name(w) in participants for w in t.text.split())
        and (t.proper or t.specificity >= partial_specificity)
    ]


def participant_name(word: str) -> str:
    """A word as the participants are listed: lower case, no possessive."""
    return word.lower().removesuffix("’s").removesuffix("'s")


def added_terms(terms: list[Term], claim: str, counterpart: str) -> list[Term]:
    """What an English claim adds to its counterpart: the intensifiers the counterpart lacks
    (`strength.added_intensity`), stronger wording first, then its substantive terms."""
    known = {t.text.lower() for t in terms}
    added = [
        Term(text=w, specificity=INTENSITY_SPECIFICITY, proper=False)
        for w in added_intensity(claim, counterpart)
    ]
    return [t for t in added if t.text not in known] + terms
