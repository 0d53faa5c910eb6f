"""Each claim's strength level, and the pairs of claims about the same matter whose two sides
say it with different force.

A gap is reported only between claims about the same matter, and only where each side's
predicate is a stance the claim takes, as its language's room reads it (`Language.predicate`:
in English a verb of the scale in the reporting tense or a stance noun such a verb carries,
never "not", "exchanges" or "the tariff agreement"). A clause that states no predicate of its
own ("including by strengthening supply chains …") takes its sentence's. The pairs are align.py's
counterparts, their levels at least the calibrated `gap_levels` apart, and the stance pairs of
same_matter.py (English: close matters that name it alike), where any marked difference counts.
A claim that also frames the meeting ("… says they exchanged views on North Korea") is compared
like any other it is paired with.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import msgspec

from service.pipeline.readings.level import NOTED, TOP, claim_predicate
from service.pipeline.split import Morpheme
from service.pipeline.types import Claim, Match, StrengthGap


def graded(
    claims: Sequence[Claim],
    language_of: Mapping[str, str],
    morphemes: Mapping[str, tuple[Morpheme, ...]],
) -> list[Claim]:
    """The claims with their main predicate and its level; `language_of` maps claim id to
    language; a claim with none takes the predicate of the claim before it in its sentence."""
    result: list[Claim] = []
    for claim in claims:
        language = language_of[claim.id]
        found = claim_predicate(claim.text, language, morphemes.get(claim.id))
        if found is not None:
            claim = msgspec.structs.replace(claim, strength=found.level, predicate=found.text)
        elif result and _same_sentence(before := result[-1], claim) and before.strength:
            claim = msgspec.structs.replace(
                claim, strength=before.strength, predicate=before.predicate
            )
        result.append(claim)
    return result


def _same_sentence(before: Claim, claim: Claim) -> bool:
    return before.side == claim.side and before.sentence == claim.sentence


def _marked(one: int, other: int) -> bool:
    """A difference an analyst points out: one side takes no stance (1, noted) where the other
    does, or one side condemns (4) where the other does not. Between the two middle levels
    ("agreed", "concurred", "confirmed" against "reaffirmed", "underscored") the wording is
    mostly a ministry's house style for the same agreed text: the State Department reaffirms
    and underscores where Japan's ministry confirms, concurs and shares the view."""
    return one != other and (min(one, other) == NOTED or max(one, other) == TOP)


def strength_gaps(
    claims: Sequence[Claim],
    matches: Sequence[Match],
    min_levels: float = 1.0,
    also: Sequence[Match] = (),
) -> list[StrengthGap]:
    """Counterpart pairs (`matches`) whose levels differ by `min_levels` or more (calibrated),
    and stance pairs about the same matter (`also`, same_matter.py) whose levels differ at
    all, each markedly (`_marked`); the widest gap first, each pair once."""
    by_id = {c.id: c for c in claims}
    gaps: dict[tuple[str, str], StrengthGap] = {}
    for match, least in [*((m, min_levels) for m in matches), *((m, 1.0) for m in also)]:
        left, right = (by_id[i] for i in match.claims)
        if (
            left.strength is None
            or right.strength is None
            or abs(left.strength - right.strength) < least
            or not _marked(left.strength, right.strength)
        ):
            continue
        key = (left.id, right.id)
        if key in gaps:
            continue
        gaps[key] = StrengthGap(
            claims=[left.id, right.id],
            sides=[left.side, right.side],
            predicates=[left.predicate or "", right.predicate or ""],
            levels=[left.strength, right.strength],
            similarity=match.similarity,
        )
    return sorted(gaps.values(), key=lambda g: (-abs(g.levels[0] - g.levels[1]), -g.similarity))
