"""Claims that only frame the meeting (who met whom, where, who said it, that views were
exchanged) and the names of the participants; neither is ever an emphasis.

Recognised by role, not by topic: a framing claim uses the genre's words for meeting, talking
and reporting, and carries no substance beyond them (no rare content word, no name other than
the participants'). Participants are people named with a title ("Secretary Rubio", "Foreign
Minister Cho Hyun") and every name in the opening claim that reports the meeting itself.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from service.pipeline.classify.terms import (
    COMMON_ZIPF,
    NAME_JOINERS,
    Words,
    is_proper,
    is_verb_form,
    participant_name,
    specificity,
    words_of,
)
from service.pipeline.languages.en.words import (
    CONNECTIVES,
    FRAMING_PREFIXES,
    FRAMING_WORDS,
    LEAD_INS,
    TIME_WORDS,
    title_at,
)
from service.pipeline.types import Claim

_ROLE_PREFIXES = FRAMING_PREFIXES
_ROLE_WORDS = FRAMING_WORDS
# Discourse connectives and time words place a sentence; they never carry a topic.
_DISCOURSE = CONNECTIVES | TIME_WORDS
# A claim's opening adverbial ("At the outset,", "In response,") places it: up to this many
# words before the first comma, none of them a name.
LEADING_ADVERBIAL_WORDS = 4


@dataclass(frozen=True)
class Roles:
    """What frames this meeting: the participants' names (lower case) and the framing claims."""

    participants: frozenset[str]
    framing: frozenset[str]


def _is_role_word(lower: str) -> bool:
    return lower in _ROLE_WORDS or lower.startswith(_ROLE_PREFIXES)


def people_in(words: Words) -> set[str]:
    """Names of who met and where: the names after a title ("Secretary of State Antony J.
    Blinken"), before one ("Seoul's Foreign Ministry") and after a meeting word ("meeting in
    Rio de Janeiro")."""
    names: set[str] = set()
    plain = [w for w, _ in words]
    for index in range(len(words)):
        lower = words[index][0].lower()
        if title_at(plain, index):
            names |= _name_after(words, index + 1, titled=True)
            names |= _name_before(words, index)
        elif (
            _is_role_word(lower)
            and words[index + 1 : index + 2]
            and words[index + 1][0] in ("in", "at")
        ):
            names |= _name_after(words, index + 2, titled=False)
    return names


def _name_after(words: Words, index: int, titled: bool) -> set[str]:
    """The name from `index` on, past the rest of its title when it follows one."""
    plain = [w for w, _ in words]
    while (
        titled
        and index < len(words)
        and (title_at(plain, index) or words[index][0].lower() in NAME_JOINERS)
    ):
        index += 1
    found = set()
    while index < len(words) and (is_proper(words, index) or words[index][0] in NAME_JOINERS):
        found.add(words[index][0].lower())
        index += 1
    return found - NAME_JOINERS


def _name_before(words: Words, index: int) -> set[str]:
    found = set()
    index -= 1
    # a name may open the sentence, where capitals alone do not make a word proper
    while index >= 0 and (is_proper(words, index) or (index == 0 and words[0][0][0].isupper())):
        found.add(participant_name(words[index][0]))
        index -= 1
    return found


def roles(claims: Sequence[Claim], common_zipf: float = COMMON_ZIPF) -> Roles:
    """Find the participants and the framing claims among the English claims of both sides."""
    words = {c.id: words_of(c.text) for c in claims}
    people: set[str] = set()
    for found in words.values():
        people |= people_in(found)
    participants = set(people)
    # Each readout's first claim reports the meeting: every name in it is a participant.
    for claim in claims:
        found = words[claim.id]
        if claim.position == 0 and any(_is_role_word(w.lower()) for w, _ in found):
            participants.update(
                w.lower() for index, (w, _) in enumerate(found) if is_proper(found, index)
            )
    framing = {
        claim.id
        for claim in claims
        if (
            any(_is_role_word(w.lower()) for w, _ in words[claim.id])
            and (
                # the opening claim that names who met is logistics, however it is worded
                (claim.position == 0 and any(w.lower() in people for w, _ in words[claim.id]))
                or not substance(words[claim.id], frozenset(participants), common_zipf, claim.text)
            )
        )
        or _announces(claim.text)
    }
    return Roles(frozenset(participants), frozenset(framing))


def substance(
    words: Words, participants: frozenset[str], common_zipf: float, text: str = ""
) -> list[str]:
    """The words that say what a claim is about: names other than the participants', and rare
    content words that are not the genre's words for meeting and reporting, nor those of the
    claim's opening adverbial."""
    found = []
    plain = [w for w, _ in words]
    opening = _leading_adverbial(words, text)
    for index, (word, offset) in enumerate(words):
        lower = word.lower()
        if offset < opening:
            continue
        if lower in _DISCOURSE or title_at(plain, index) or _DIGIT.search(word):
            continue
        if is_proper(words, index):
            if participant_name(lower) not in participants:
                found.append(word)
        elif (
            not _is_role_word(lower)
            and not is_verb_form(lower)
            and specificity(lower, "en", common_zipf) > 0
        ):
            found.append(word)
    return found


_DIGIT = re.compile(r"\d")


def _announces(text: str) -> bool:
    """A claim that announces the points that follow: "… is as follows."."""
    lower = text.lower()
    return any(lead in lower for lead in LEAD_INS)


def _leading_adverbial(words: Words, text: str) -> int:
    """Where a claim's opening adverbial ends ("At the outset," "In response,"): the offset of
    its comma when a few words without a name stand before it, else 0."""
    comma = text.find(",")
    if comma < 0:
        return 0
    before = [(index, w) for index, (w, offset) in enumerate(words) if offset < comma]
    if not before or len(before) > LEADING_ADVERBIAL_WORDS:
        return 0
    if any(is_proper(words, index) or _DIGIT.search(w) for index, w in before):
        return 0
    return comma
