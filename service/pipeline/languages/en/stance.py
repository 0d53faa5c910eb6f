"""English intensifiers and hedges: the boosters and hedges of Hyland's metadiscourse lists
("Metadiscourse", 2005), grouped by what they strengthen (the stance verbs: en/scale.py)."""

from __future__ import annotations

import re
from collections.abc import Collection

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
