"""Strength of wording: the intensifiers one claim adds that its counterpart does without
(the lists are English's, languages/en/stance.py)."""

from __future__ import annotations

from service.pipeline.languages.en.stance import (
    INTENSIFIER_GROUPS,
    hedges,
    intensifiers,
    lower_words,
)


def added_intensity(claim: str, counterpart: str) -> list[str]:
    """Intensifiers of `claim` whose group the counterpart never uses, in order of appearance.

    When the counterpart hedges ("may", "consider") and the claim does not, the claim's
    intensifiers all count, since the counterpart states the point more weakly.
    """
    mine = intensifiers(claim)
    if not mine:
        return []
    other_words = set(lower_words(counterpart))
    if hedges(counterpart) and not hedges(claim):
        return mine
    return [
        word
        for word in mine
        if not any(word in group and group & other_words for group in INTENSIFIER_GROUPS)
    ]
