"""Each claim's strength level, and the matched pairs whose two sides say it with different force."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import msgspec

from service.pipeline.classify.level import claim_predicate
from service.pipeline.split import Morpheme
from service.pipeline.types import Claim, Match, StrengthGap


def graded(
    claims: Sequence[Claim],
    language_of: Mapping[str, str],
    morphemes: Mapping[str, tuple[Morpheme, ...]],
) -> list[Claim]:
    """The claims with their main predicate and its level; `language_of` maps claim id to language."""
    result = []
    for claim in claims:
        found = claim_predicate(claim.text, language_of[claim.id], morphemes.get(claim.id))
        if found is not None:
            claim = msgspec.structs.replace(claim, strength=found.level, predicate=found.text)
        result.append(claim)
    return result


def strength_gaps(claims: Sequence[Claim], matches: Sequence[Match]) -> list[StrengthGap]:
    """Matched pairs whose levels differ, the widest gap first, each pair once."""
    by_id = {c.id: c for c in claims}
    gaps: dict[tuple[str, str], StrengthGap] = {}
    for match in matches:
        left, right = (by_id[i] for i in match.claims)
        if left.strength is None or right.strength is None or left.strength == right.strength:
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
