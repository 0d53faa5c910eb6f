"""The meeting's cast, from each readout's opening claim: who meets is that readout's side, who
is met "with" is the other, and the other readout's opening says the same the other way round.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from service.pipeline.languages import LANGUAGES
from service.pipeline.languages.en.words import title_at
from service.pipeline.types import Claim

_TOKEN = re.compile(r"[A-Za-z][\w.’'-]*[\w]|[A-Za-z]|[가-힣]+|,")
_STOP_CAST = frozenset({"who", "which", "in", "at", "on", "today", "to", "during", "since"})
_CALENDAR = frozenset(
    "january february march april may june july august september october november december".split()
)
# An opening claim reports who met whom: who is met follows "with" (or "hosted").
_MET = re.compile(r"\b(?:with|hosted|hosts|received|receives)\b")
_MEETS = re.compile(r"\b(?:says|said|met|meets|held|holds|had|has|hosted|hosts)\b")
_PREPOSITIONS = frozenset("during after before following in at on with for by".split())


@dataclass(frozen=True)
class Cast:
    """The meeting's people, titles and countries (lower case) on each side of one readout."""

    own: frozenset[str]
    other: frozenset[str]
    # Names as a language's own analyser reads them (Japanese, Chinese): languages/*/speaker.py
    named_own: frozenset[str] = frozenset()
    named_other: frozenset[str] = frozenset()


# A scraped page loses the space at a line break: "The twoMinisters discussed".
_GLUED = re.compile(r"(?<=[a-z])(?=[A-Z][a-z])")


def claim_tokens(text: str) -> list[str]:
    """A claim's words, possessives cut, a lost space at a line break restored."""
    unglued = _GLUED.sub(" ", text)
    return [t.removesuffix("’s").removesuffix("'s") for t in _TOKEN.findall(unglued)]


def _parties(opening: str) -> tuple[set[str], set[str]]:
    """Who meets and who is met in an opening claim: capitalised words and titles before
    " with ", and those of the phrase after it."""
    head, tail = _MET.split(opening, maxsplit=1)
    head = _MEETS.split(head)[0]
    return _capitalised(head, stop=frozenset()), _capitalised(tail)


def _capitalised(text: str, stop: frozenset[str] = _STOP_CAST) -> set[str]:
    found = set()
    tokens = claim_tokens(text)
    for index, token in enumerate(tokens):
        if token.lower() in stop:
            break
        if token.lower() in _CALENDAR or token.lower() in _PREPOSITIONS:
            continue
        if token[0].isupper() or title_at(tokens, index):
            found.add(token.lower())
    return found


def _opening(claims: Sequence[Claim]) -> str | None:
    """The claim that reports who met whom: among the first few, the first with a meeting
    verb and its "with" (a heading such as "Outcome of … Meeting" comes before it)."""
    return next((c.text for c in claims[:3] if _MET.search(c.text) and _MEETS.search(c.text)), None)


def cast_of(claims: Sequence[Claim], others: Sequence[Claim]) -> Cast:
    """Each side's cast for the readout of `claims`, from both readouts' opening claims."""
    own: set[str] = set()
    other: set[str] = set()
    opening, their_opening = _opening(claims), _opening(others)
    if opening:
        meets, met = _parties(opening)
        own |= meets
        other |= met
    elif claims:  # "Seoul's Foreign Ministry says …": who reports is this side
        own |= _capitalised(_MEETS.split(claims[0].text)[0], stop=frozenset())
    if their_opening:
        meets, met = _parties(their_opening)
        other |= meets
        own |= met
    common = own & other
    named_own, named_other = _named_parties(claims, others)
    return Cast(frozenset(own - common), frozenset(other - common), named_own, named_other)


def _named_parties(
    claims: Sequence[Claim], others: Sequence[Claim]
) -> tuple[frozenset[str], frozenset[str]]:
    """The cast by name, from whichever readout's opening its language's rules can read
    (who meets in this readout is this side; who meets in the other's is the other side)."""
    own: set[str] = set()
    other: set[str] = set()
    for readout, flip in ((claims, False), (others, True)):
        found = next(
            (
                parties
                for claim in readout[:3]
                for language in LANGUAGES.values()
                if (parties := language.parties(claim.text)) is not None
            ),
            None,
        )
        if found is not None:
            meets, met = found
            own |= met if flip else meets
            other |= meets if flip else met
    return frozenset(own - other), frozenset(other - own)
