"""The judge: each claim is shared, partial, opposed, framing or one-sided, with its evidence.

A claim is `shared`, `partial` or `opposed` only against its counterpart (align.py's
`matches`): what the other readout says about the same matter. A claim with no counterpart is
`one-sided` and shows none; it leads the list when it names what the other readout never
does, and ranks below the partial ones when it adds no such term and some claim of the other
side comes near it (best centred cosine at or above the calibrated threshold). One that adds
no term and sits as close to a claim of the other side as `restated_threshold` restates what
that side said (its counterpart went to a closer claim, counterparts being one to one): it is
`shared` with no emphasis.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

import msgspec
import numpy as np

from service.pipeline.classify.calibration import OFF
from service.pipeline.classify.framing import Roles, roles
from service.pipeline.classify.polarity import opposition
from service.pipeline.classify.terms import (
    COMMON_ZIPF,
    PARTIAL_SPECIFICITY,
    Term,
    added_terms,
    distinctive_terms,
    substantive,
    vocabulary,
)
from service.pipeline.language import all_english
from service.pipeline.languages import language_named
from service.pipeline.languages.base import Sign, Tokens
from service.pipeline.types import Claim, Closest, Emphasis, EmphasisKind, Match, Verdict

# A claim near the top of a readout is what that government chose to lead with.
LEAD_WEIGHT = 0.5
MAX_TERMS = 6
PARTIAL_WEIGHT = 0.5
# Above every partial emphasis (whose salience stays below 0.75): one-sided and substantive first.
SUBSTANTIVE_BONUS = 1.0
# A one-sided claim near the other side without a term of its own ranks below partial ones.
NEAR_WEIGHT = 0.25


def classify(
    left: list[Claim],
    right: list[Claim],
    similarity: np.ndarray,
    threshold: float,
    languages: tuple[str, str] = ("en", "en"),
    common_zipf: float = COMMON_ZIPF,
    terms: Mapping[str, list[Term]] | None = None,
    partial_specificity: float = PARTIAL_SPECIFICITY,
    counterparts: Sequence[Match] = (),
    found_roles: Roles | None = None,
    restated_threshold: float = OFF,
    morphemes: Mapping[str, Tokens] | None = None,
) -> tuple[list[Claim], list[Emphasis]]:
    """Give every claim of both sides a verdict; return the claims and the emphases found.

    `counterparts` are the matched pairs (align.py); `found_roles` the framing claims and
    participants when the caller has them (`framing.roles` otherwise); `restated_threshold`
    as above (off unless given). Opposition: two English claims by their words (polarity.py),
    any other two by which side their stance words take (each language's `sign`, read from
    the claims' `morphemes` where the split has them). `terms` gives each
    claim's distinctive terms when they cannot be found by comparing words (readouts in two
    languages, see coverage.py); the English checks for opposed and intensified wording then
    stay off, as they read English words.
    """
    verdicts: list[Claim] = []
    emphases: list[Emphasis] = []
    english = all_english(languages)
    sides = ((left, right, similarity, languages[0]), (right, left, similarity.T, languages[1]))
    language_of = {c.id: language for claims, _, _, language in sides for c in claims}
    opposed = _opposition(english, language_of, morphemes or {})
    if found_roles is None:
        found_roles = roles(
            [c for claims, _, _, language in sides if language == "en" for c in claims],
            common_zipf,
        )
    partner: dict[str, tuple[str, float]] = {}
    for match in counterparts:
        first, second = match.claims
        partner[first] = (second, match.similarity)
        partner[second] = (first, match.similarity)
    for claims, others, matrix, language in sides:
        by_id = {c.id: c for c in others}
        other_vocabulary = vocabulary(c.text for c in others)
        for row, claim in enumerate(claims):
            if claim.id in found_roles.framing:
                verdicts.append(_with_verdict(claim, "framing"))
                continue
            found = (
                terms[claim.id]
                if terms is not None
                else distinctive_terms(claim.text, other_vocabulary, language, common_zipf)
            )
            found = substantive(found, found_roles.participants, partial_specificity)
            paired = partner.get(claim.id)
            counterpart = (by_id[paired[0]], paired[1]) if paired else None
            best = float(matrix[row].max()) if len(others) else 0.0
            verdict, emphasis = _judge(
                claim, counterpart, best, (threshold, restated_threshold), found, english, opposed
            )
            verdicts.append(_with_verdict(claim, verdict))
            if emphasis is not None:
                emphases.append(emphasis)
    emphases.sort(key=lambda e: -e.salience)
    return verdicts, emphases


def _judge(
    claim: Claim,
    counterpart: tuple[Claim, float] | None,
    best: float,
    thresholds: tuple[float, float],
    terms: list[Term],
    english: bool,
    opposed: Callable[[Claim, Claim], list[str]],
) -> tuple[Verdict, Emphasis | None]:
    """`best` is the claim's highest centred cosine to any claim of the other side;
    `thresholds` the near and the restated threshold."""
    lead = 1.0 + LEAD_WEIGHT * (1.0 - claim.position)
    threshold, restated = thresholds
    if counterpart is None and not terms and best >= restated:
        return "shared", None
    if counterpart is None:
        specificity = max((t.specificity for t in terms), default=0.0)
        salience = (1.0 - max(min(best, 1.0), 0.0)) * lead * (0.5 + 0.5 * specificity)
        # A claim with no counterpart that names what the other side never does leads the list;
        # one near a claim of the other side (at or above the threshold) that adds no such term
        # may be a matter the other side put differently, and ranks below the partial ones.
        if terms:
            salience += SUBSTANTIVE_BONUS
        elif best >= threshold:
            salience *= NEAR_WEIGHT
        return "one-sided", _emphasis(claim, "one-sided", terms, salience, None)
    other, similarity = counterpart
    closest = Closest(claim_id=other.id, similarity=round(similarity, 4))
    evidence = opposed(claim, other)
    if evidence:
        return "opposed", _emphasis(claim, "opposed", terms, lead, closest, evidence)
    if english:
        terms = added_terms(terms, claim.text, other.text)
    if terms:
        specificity = sum(t.specificity for t in terms[:3]) / min(len(terms), 3)
        # Partial emphases rank below one-sided ones: the topic itself is shared.
        salience = PARTIAL_WEIGHT * specificity * lead * (1.0 - max(min(similarity, 1.0), 0.0))
        return "partial", _emphasis(claim, "partial", terms, salience, closest)
    return "shared", None


def _opposition(
    english: bool, language_of: Mapping[str, str], morphemes: Mapping[str, Tokens]
) -> Callable[[Claim, Claim], list[str]]:
    """Evidence that two matched claims take opposite sides (empty when they do not)."""
    if english:
        return lambda mine, theirs: opposition(mine.text, theirs.text)

    def sign(claim: Claim) -> Sign | None:
        return language_named(language_of[claim.id]).sign(claim.text, morphemes.get(claim.id))

    def by_sides(mine: Claim, theirs: Claim) -> list[str]:
        own, other = sign(mine), sign(theirs)
        if own is None or other is None or own.direction == other.direction:
            return []
        return [own.word, other.word]

    return by_sides


def _emphasis(
    claim: Claim,
    kind: EmphasisKind,
    terms: list[Term],
    salience: float,
    closest: Closest | None,
    evidence: list[str] | None = None,
) -> Emphasis:
    return Emphasis(
        side=claim.side,
        claim_id=claim.id,
        kind=kind,
        text=claim.text,
        terms=[t.text for t in terms[:MAX_TERMS]],
        salience=round(salience, 4),
        closest=closest,
        evidence=evidence or [],
    )


def _with_verdict(claim: Claim, verdict: Verdict) -> Claim:
    return msgspec.structs.replace(claim, verdict=verdict)
