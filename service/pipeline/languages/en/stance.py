"""English stance: reporting and stance verbs on the strength scale, intensifiers and hedges.

Verbs: the reporting verbs of diplomatic readouts (Quirk et al.'s speech-act verbs, the UN and
State Department readout vocabulary of noting, welcoming, stressing and condemning), graded as
docs/strength.md describes. Intensifiers and hedges: the boosters and hedges of Hyland's
metadiscourse lists ("Metadiscourse", 2005), grouped by what they strengthen.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from service.pipeline.languages.base import TOP, Predicate, Sign, level_words
from service.pipeline.languages.en.words import STANCE_ANTONYMS

# English intensifiers and boosters, grouped by what they strengthen. A counterpart that uses
# any word of a group already says it as strongly: "firm" answers "resolute".
INTENSIFIER_GROUPS: tuple[frozenset[str], ...] = tuple(
    frozenset(group.split())
    for group in (
        # resolve and steadfastness
        "resolute resolutely unwavering unwaveringly steadfast steadfastly firm firmly ironclad "
        "unshakable unshakeable unswerving staunch staunchly determined determination "
        "unyielding unflinching relentless tireless",
        # completeness
        "complete completely full fully total totally entire entirely comprehensive "
        "comprehensively thorough thoroughly absolute absolutely whole wholly all-out",
        # gravity
        "serious seriously grave gravely deep deeply profound profoundly severe severely "
        "strong strongly strongest acute",
        # urgency
        "urgent urgently immediate immediately swift swiftly prompt promptly rapid rapidly",
        # importance
        "vital critical crucial essential indispensable paramount fundamental utmost key "
        "significant significantly",
        # manner of statement
        "unequivocal unequivocally categorical categorically explicit explicitly clear clearly "
        "resolutely emphatic emphatically",
        # robustness and reach
        "robust vigorous vigorously strengthened enhanced ambitious unprecedented historic "
        "irreversible verifiable",
        # degree adverbs
        "very extremely highly greatly particularly especially fully exceedingly",
        # warmth and sincerity
        "warm warmly sincere sincerely heartfelt wholehearted wholeheartedly",
    )
)
_INTENSIFIERS = frozenset().union(*INTENSIFIER_GROUPS)
# Hedges soften a claim; a side whose counterpart hedges states it more strongly.
_HEDGES = frozenset(
    [
        "may",
        "might",
        "could",
        "possibly",
        "perhaps",
        "potential",
        "potentially",
        "consider",
        "considered",
        "explore",
        "exploring",
        "somewhat",
        "partly",
        "partially",
    ]
)
_WORD = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*")


def lower_words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def intensifiers(text: str) -> list[str]:
    """The intensifiers of `text`, in order of appearance, each once."""
    return _each_once(text, _INTENSIFIERS)


def hedges(text: str) -> list[str]:
    """The hedging words of `text`, in order, each once."""
    return _each_once(text, _HEDGES)


def _each_once(text: str, wanted: Collection[str]) -> list[str]:
    return list(dict.fromkeys(w for w in lower_words(text) if w in wanted))


# English reporting and stance verbs (and their nouns), by stem: a word is a form of a stem when
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


def english_predicate(text: str) -> Predicate | None:
    """The first reporting or stance predicate of an English claim, with its modifiers."""
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


# Negations of the verb they stand before, up to this many words ahead ("did not fully support").
_NEGATIONS = frozenset({"not", "never", "cannot"})
_NEGATION_REACH = 3


def english_sign(text: str) -> Sign | None:
    """Which way the claim's first side-taking stance verb goes (en/words.py: STANCE_ANTONYMS),
    turned round by a negation up to three words before it."""
    found = list(_PREDICATE_WORD.finditer(text))
    words = [m.group().lower() for m in found]
    for index, word in enumerate(words):
        direction = _side(word)
        if direction == 0:
            continue
        start = found[index].start()
        for back in range(max(0, index - _NEGATION_REACH), index):
            if words[back] in _NEGATIONS or words[back].endswith("n't"):
                direction, start = -direction, found[back].start()
                break
        return Sign(direction, text[start : found[index].end()])
    return None


def _side(word: str) -> int:
    if any(word.startswith(against) for _, against in STANCE_ANTONYMS):
        return -1  # "disapproved" is against before it is "approv"
    if any(word.startswith(favour) for favour, _ in STANCE_ANTONYMS):
        return 1
    return 0
