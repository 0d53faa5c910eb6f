"""Who each claim is said to have said: both sides, this readout's side, the other, or unknown.

Read from grammar, not names: a claim's subject is the phrase that opens it (or follows a
leading adverbial and its comma) up to its verb; a clause without its own subject inherits
its sentence's. Plural and joint subjects ("the two ministers", "both sides", "they",
"X and Y", 양측, 양 장관) are `both`. Anything else is matched against the meeting's own
cast, read from each readout's opening claim: who meets is that readout's side, who is met
"with" is the other, and the other readout's opening says the same the other way round.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from service.pipeline.languages import LANGUAGES
from service.pipeline.languages.en.words import title_at
from service.pipeline.readings.cast import Cast, cast_of, claim_tokens
from service.pipeline.types import Claim, Speaker

# Role words: who a subject can be without a name.
_JOINT = frozenset({"both", "two", "they", "ministers", "sides", "leaders", "secretaries"})
_SIDE = frozenset({"side", "sides", "government", "delegation", "counterpart"})
_DETERMINERS = frozenset({"the", "a", "an", "his", "her", "its", "our", "this", "that", "other"})
# Who only reports the readout (its ministry, its spokesperson) passes the word to the clause
# it reports: "Seoul's Foreign Ministry says they exchanged views" is the two sides speaking.
_REPORTERS = frozenset({"ministry", "department", "office", "spokesperson", "government"})
_REPORTING = frozenset({"says", "said", "stated", "noted", "announced", "added"})


@dataclass(frozen=True)
class Speakers:
    """Each claim's speaker, and which claims name it in their own subject (not inherited)."""

    of: dict[str, Speaker]
    named: set[str]


def _belongs(token: str, group: frozenset[str]) -> bool:
    # "Chinese" is China's, "Japanese" Japan's: a shared stem of four letters is a country's.
    return token in group or (len(token) >= 5 and any(token[:4] == g[:4] for g in group))


def _resolve(phrase: list[str], cast: Cast) -> Speaker:
    lowered = [t.lower() for t in phrase]
    if lowered[:1] == ["both"] and "and" in lowered:
        return _resolve(phrase[1:], cast)
    if "and" in lowered:
        cut = lowered.index("and")
        parts = {_resolve(phrase[:cut], cast), _resolve(phrase[cut + 1 :], cast)}
        if parts == {"self"} or parts == {"other"}:
            return parts.pop()
        return "both" if parts <= {"self", "other", "both"} else "unknown"
    if any(t in _JOINT for t in lowered):
        return "both"
    if "other" in lowered and any(t in _SIDE for t in lowered):
        return "other"
    titles = [title_at(lowered, i) for i in range(len(lowered))]
    named = [t for t, title in zip(lowered, titles, strict=True) if not title or len(lowered) == 1]
    own = sum(_belongs(t, cast.own) for t in named)
    other = sum(_belongs(t, cast.other) for t in named)
    if own == other:  # only titles, or both casts named: the title decides, if only one has it
        own = sum(t in cast.own for t, title in zip(lowered, titles, strict=True) if title)
        other = sum(t in cast.other for t, title in zip(lowered, titles, strict=True) if title)
    if own > other:
        return "self"
    if other > own:
        return "other"
    return "unknown"


def _subject(tokens: list[str]) -> tuple[list[str], int]:
    """The phrase before the verb from the start of `tokens`, and where the verb is."""
    phrase: list[str] = []
    for index, token in enumerate(tokens):
        lower = token.lower()
        if token == ",":
            return phrase, index
        if (
            token[0].isupper()
            or title_at(tokens, index)
            or lower in _JOINT
            or lower in _SIDE
            or lower in _DETERMINERS
            or lower in ("and", "of", "for")
        ):
            phrase.append(token)
            continue
        return phrase, index
    return phrase, len(tokens)


def _speaker_at(tokens: list[str], cast: Cast) -> Speaker:
    phrase, verb = _subject(tokens)
    words = [t for t in phrase if t.lower() not in _DETERMINERS]
    if not words or verb >= len(tokens):
        return "unknown"
    if tokens[verb] == ",":  # an apposition or a leading adverbial: only a name decides
        return _resolve(words, cast)
    if words[-1].lower() in _REPORTERS and tokens[verb].lower() in _REPORTING:
        reported = _speaker_at(tokens[verb + 1 :], cast)
        if reported != "unknown":
            return reported
    return _resolve(words, cast)


def speaker_of(text: str, cast: Cast) -> Speaker:
    """Who the claim's own subject is, or `unknown` when it has none (a continuing clause)."""
    for language in LANGUAGES.values():  # each language's cues read only its own script
        cued = language.subject(text, cast.named_own, cast.named_other)
        if cued is not None:
            return cued
    tokens = claim_tokens(text)
    # the subject opens the clause, or follows a leading adverbial and its comma
    starts = [0] + [i + 1 for i, t in enumerate(tokens[:-1]) if t == ","]
    for start in starts[:4]:
        found = _speaker_at(tokens[start:], cast)
        if found != "unknown":
            return found
    return "unknown"


_PRONOUN = re.compile(r"\s*(?:He|She)\b")
# Korean, Japanese and Chinese drop a subject their sentence shares with the one before.
_DROPS_SUBJECT = re.compile(r"[가-힣\u3040-\u30ff\u4e00-\u9fff]")


def speakers(claims: Sequence[Claim], others: Sequence[Claim]) -> Speakers:
    """Every claim of one readout with its speaker; a clause that continues its sentence
    without a subject of its own is said by whoever opened the sentence."""
    cast = cast_of(claims, others)
    found = Speakers({}, set())
    previous: Claim | None = None
    last_one: Speaker = "unknown"  # who "he" or "she" is: the last official named alone
    for claim in claims:
        speaker = speaker_of(claim.text, cast)
        continues = previous is not None and previous.sentence == claim.sentence
        opens = claim.text.lstrip()[:1]
        # an East Asian clause drops the subject its sentence shares with the one before
        dropped = _DROPS_SUBJECT.match(claim.text.lstrip()) is not None
        if _PRONOUN.match(claim.text) and speaker == "unknown":
            speaker = last_one
            found.named.add(claim.id)
        elif previous is not None and (
            (continues and (opens.islower() or speaker == "unknown"))
            or (dropped and speaker == "unknown")
        ):
            speaker = found.of[previous.id]
        elif speaker != "unknown":
            found.named.add(claim.id)
        found.of[claim.id] = speaker
        if speaker in ("self", "other") and claim.id in found.named:
            last_one = speaker
        previous = claim
    return found
