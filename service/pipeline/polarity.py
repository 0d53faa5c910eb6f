"""Opposition between two matched claims: one side affirms what the other denies."""

from __future__ import annotations

import re

_NEGATION = re.compile(
    r"\b(?:not|no|never|neither|nor|without|cannot|won't|don't|doesn't|didn't|isn't|aren't)\b"
    r"|n't\b",
    re.IGNORECASE,
)
# Verb pairs whose members assert opposite stances toward the same object.
_ANTONYMS = (
    ("support", "oppose"),
    ("welcome", "condemn"),
    ("welcome", "denounce"),
    ("welcome", "reject"),
    ("accept", "reject"),
    ("agree", "disagree"),
    ("approve", "disapprove"),
    ("endorse", "oppose"),
    ("lift", "impose"),
    ("increase", "decrease"),
    ("strengthen", "weaken"),
    ("expand", "reduce"),
)


def _stance_words(text: str) -> set[str]:
    words = {w.lower() for w in re.findall(r"[A-Za-z]+", text)}
    found = set()
    for left, right in _ANTONYMS:
        for stem in (left, right):
            if any(w.startswith(stem[:-1] if stem.endswith("e") else stem) for w in words):
                found.add(stem)
    return found


def opposition(claim: str, counterpart: str) -> list[str]:
    """Evidence words when the two claims take opposite stances; empty when they agree."""
    evidence: list[str] = []
    negated = [m.group(0).lower() for m in _NEGATION.finditer(claim)]
    negated_other = [m.group(0).lower() for m in _NEGATION.finditer(counterpart)]
    if bool(negated) != bool(negated_other):
        evidence.extend(negated or negated_other)
    mine, theirs = _stance_words(claim), _stance_words(counterpart)
    for left, right in _ANTONYMS:
        if (left in mine and right in theirs and right not in mine) or (
            right in mine and left in theirs and left not in mine
        ):
            evidence.extend([left, right])
    return sorted(set(evidence))
