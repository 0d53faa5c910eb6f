"""The reporting frame that matching strips from an English claim (en/matter.py): where the
first word of the strength lexicon, as it stood when matching was calibrated, ends, whatever its
role.

This is not the claim's stance (en/scale.py reads that, for the strength scale): it is kept
word for word so that the counterparts, and the emphasis figures built on them, stay as
calibrated while the stance lexicon grows. It goes when align.py takes a frame of its own.
"""

from __future__ import annotations

import re

from service.pipeline.languages.base import level_words

# The lexicon of docs/strength.md before the stance verbs were added, by stem: a word is a form
# of a stem when it is the stem plus an inflection ("discuss" → discussed, discusses, discussing).
# Only the stems are read here; the levels stay as the lexicon was written.
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
# Objects that belong to their verb when present: "exchanged views".
_TAKES_NEXT = {"exchange": "views"}
_PREDICATE_WORD = re.compile(r"[A-Za-z]+(?:[-'][A-Za-z]+)*")


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


def frame_end(text: str) -> int | None:
    """Where the claim's first lexicon word (with the word it needs or takes) ends, or None."""
    found = list(_PREDICATE_WORD.finditer(text))
    words = [m.group(0).lower() for m in found]
    for at, word in enumerate(words):
        stem = _stem(word)
        needed = _NEEDS_NEXT.get(stem or "")
        if stem is None or (needed and words[at + 1 : at + 2] != [needed]):
            continue
        takes = words[at + 1 : at + 2] == [_TAKES_NEXT.get(stem)]
        return found[at + 1 if needed or takes else at].end()
    return None
