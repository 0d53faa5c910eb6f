"""The reporting frame that matching strips from an English claim (align.matter): the first
word of the strength lexicon as it stood when matching was calibrated, whatever its role.

This is not the claim's stance (en/scale.py reads that, for the strength scale): it is kept
word for word so that the counterparts, and the emphasis figures built on them, stay as
calibrated while the stance lexicon grows. It goes when align.py takes a frame of its own.
"""

from __future__ import annotations

import re

from service.pipeline.languages.base import TOP, Predicate, level_words
from service.pipeline.languages.en.stance import hedges, intensifiers

# The lexicon of docs/strength.md before the stance verbs were added, by stem: a word is a form of a stem when
# it is the stem plus an inflection ("discuss" → discussed, discusses, discussing).
_ENGLISH = level_words(
    {
        1: "note discuss discussion review exchange consult consultation address mention touch",
        2: "welcome concern support appreciate appreciation agree hope congratulate commend "
        "thank gratitude encourage praise regret condolence satisfaction look",
        3: "stress emphasize emphasise underscore underline reaffirm reiterate affirm commit "
        "commitment highlight urge insist vow pledge oppose opposition",
        4: "condemn condemnation denounce deplore reject demand protest warn",
    }
)
_INFLECTIONS = ("", "s", "es", "ed", "d", "ing", "ment", "ments")
# "look" is a predicate only in "look forward", "touch" only in "touch on".
_NEEDS_NEXT = {"look": "forward", "touch": "on"}
# Objects shown with their verb when present: "exchanged views".
_TAKES_NEXT = {"exchange": "views"}
_PREDICATE_WORD = re.compile(r"[A-Za-z]+(?:[-'][A-Za-z]+)*")
# Words between "expressed" and its noun ("expressed serious concerns") belong to the predicate.
_EXPRESS = frozenset({"express", "expressed", "expresses", "expressing", "voiced", "conveyed"})
_INTENSIFIER_BEFORE = 2
_HEDGE_WINDOW = 3


def _stem(word: str) -> str | None:
    """The lexicon stem `word` is a form of ("discussed" → "discuss"), or None."""
    for ending in _INFLECTIONS:
        if not word.endswith(ending):
            continue
        bare = word[: len(word) - len(ending)] if ending else word
        for stem in (bare, bare + "e", bare[:-1] if bare[-2:-1] == bare[-1:] else bare):
            if stem in _ENGLISH:
                return stem
    return None


def frame_predicate(text: str) -> Predicate | None:
    """The first word of the frozen lexicon in an English claim, with its modifiers."""
    found = list(_PREDICATE_WORD.finditer(text))
    words = [m.group(0).lower() for m in found]
    for at, word in enumerate(words):
        stem = _stem(word)
        needed = _NEEDS_NEXT.get(stem or "")
        if stem is None or (needed and words[at + 1 : at + 2] != [needed]):
            continue
        level = _ENGLISH[stem]
        express = [j for j in range(max(0, at - 4), at) if words[j] in _EXPRESS]
        first = express[-1] if express else at
        adverbs = [
            j
            for j in range(max(0, first - _INTENSIFIER_BEFORE), first)
            if words[j].endswith("ly") and intensifiers(words[j])
        ]
        if adverbs:
            first = adverbs[0]
        if adverbs or intensifiers(" ".join(words[first + 1 : at])):
            level = min(TOP, level + 1)
        if hedges(" ".join(words[max(0, at - _HEDGE_WINDOW) : at + _HEDGE_WINDOW + 1])):
            level = max(1, level - 1)
        takes = words[at + 1 : at + 2] == [_TAKES_NEXT.get(stem)]
        last = at + 1 if needed or takes else at
        return Predicate(text[found[first].start() : found[last].end()], level)
    return None
