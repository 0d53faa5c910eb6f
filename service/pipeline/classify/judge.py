"""The judge: each claim is shared, partial, opposed, framing or one-sided, with its evidence."""

from __future__ import annotations

from collections.abc import Mapping

import msgspec
import numpy as np

from service.pipeline.classify.framing import Roles, roles
from service.pipeline.classify.polarity import opposition
from service.pipeline.classify.strength import added_intensity
from service.pipeline.classify.terms import (
    COMMON_ZIPF,
    PARTIAL_SPECIFICITY,
    Term,
    distinctive_terms,
    vocabulary,
)
from service.pipeline.languages import language_named, lexical
from service.pipeline.types import Claim, Closest, Emphasis, EmphasisKind, Verdict

# A claim near the top of a readout is what that government chose to lead with.
LEAD_WEIGHT = 0.5
MAX_TERMS = 6
PARTIAL_WEIGHT = 0.5
# Above every partial emphasis (whose salience stays below 0.75): one-sided and substantive first.
SUBSTANTIVE_BONUS = 1.0
# An added intensifier ("resolute", "complete") weighs like a moderately rare content word.
INTENSITY_SPECIFICITY = 0.5


def classify(
    left: list[Claim],
    right: list[Claim],
    similarity: np.ndarray,
    threshold: float,
    languages: tuple[str, str] = ("en", "en"),
    common_zipf: float = COMMON_ZIPF,
    terms: Mapping[str, list[Term]] | None = None,
    partial_specificity: float = PARTIAL_SPECIFICITY,
    framing: frozenset[str] = frozenset(),
) -> tuple[list[Claim], list[Emphasis]]:
    """Give every claim of both sides a verdict; return the claims and the emphases found.

    `terms` gives each claim's distinctive terms when they cannot be found by comparing
    words (readouts in two languages, see crosslingual.py); the English checks for opposed
    and intensified wording then stay off, as they read English words. `framing` names the
    claims that their own language's rules found to frame the meeting (languages/).
    """
    verdicts: list[Claim] = []
    emphases: list[Emphasis] = []
    english = lexical(languages)
    sides = ((left, right, similarity, languages[0]), (right, left, similarity.T, languages[1]))
    found_roles = roles(
        [c for claims, _, _, code in sides if language_named(code).lexical for c in claims],
        common_zipf,
    )
    for claims, others, matrix, language in sides:
        other_vocabulary = vocabulary(c.text for c in others)
        for row, claim in enumerate(claims):
            if claim.id in found_roles.framing or claim.id in framing:
                verdicts.append(_with_verdict(claim, "framing"))
                continue
            found = (
                terms[claim.id]
                if terms is not None
                else distinctive_terms(claim.text, other_vocabulary, language, common_zipf)
            )
            found = _substantive(found, found_roles, partial_specificity)
            verdict, emphasis = _judge(claim, others, matrix[row], threshold, found, english)
            verdicts.append(_with_verdict(claim, verdict))
            if emphasis is not None:
                emphases.append(emphasis)
    emphases.sort(key=lambda e: -e.salience)
    return verdicts, emphases


def _judge(
    claim: Claim,
    others: list[Claim],
    scores: np.ndarray,
    threshold: float,
    terms: list[Term],
    english: bool = True,
) -> tuple[Verdict, Emphasis | None]:
    closest = None
    best = 0.0
    if len(others):
        column = int(np.argmax(scores))
        best = float(scores[column])
        closest = Closest(claim_id=others[column].id, similarity=round(best, 4))
    lead = 1.0 + LEAD_WEIGHT * (1.0 - claim.position)
    if closest is None or best < threshold:
        specificity = max((t.specificity for t in terms), default=0.0)
        salience = (1.0 - max(best, 0.0)) * lead * (0.5 + 0.5 * specificity)
        # A claim with no counterpart that names what the other side never does leads the list.
        salience += SUBSTANTIVE_BONUS if terms else 0.0
        return "one-sided", _emphasis(claim, "one-sided", terms, salience, closest)
    counterpart = others[int(np.argmax(scores))]
    evidence = opposition(claim.text, counterpart.text) if english else []
    if evidence:
        return "opposed", _emphasis(claim, "opposed", terms, lead, closest, evidence)
    if english:
        terms = _with_intensity(terms, added_intensity(claim.text, counterpart.text))
    if terms:
        specificity = sum(t.specificity for t in terms[:3]) / min(len(terms), 3)
        # Partial emphases rank below one-sided ones: the topic itself is shared.
        salience = PARTIAL_WEIGHT * specificity * lead * (1.0 - max(best, 0.0))
        return "partial", _emphasis(claim, "partial", terms, salience, closest)
    return "shared", None


def _substantive(terms: list[Term], found: Roles, partial_specificity: float) -> list[Term]:
    """The terms that add content: not the participants' names, not mildly rare words."""
    return [
        t
        for t in terms
        if not all(_name(w) in found.participants for w in t.text.split())
        and (t.proper or t.specificity >= partial_specificity)
    ]


def _name(word: str) -> str:
    return word.lower().removesuffix("’s").removesuffix("'s")


def _with_intensity(terms: list[Term], intensity: list[str]) -> list[Term]:
    """Stronger wording first: intensifiers the counterpart lacks, then the distinctive terms."""
    known = {t.text.lower() for t in terms}
    added = [Term(text=w, specificity=INTENSITY_SPECIFICITY, proper=False) for w in intensity]
    return [t for t in added if t.text not in known] + terms


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
