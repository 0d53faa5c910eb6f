"""iSTS contrast: opposite stances, or differing figures or names in claims that otherwise match.

The iSTS labels (OPPO) need more than readout-diff's stance opposition, which is all the
service reports; this lives with the benchmark, outside the installed package.
"""

from __future__ import annotations

from service.pipeline.classify.polarity import opposition, words
from service.pipeline.memo import text_memo

# Share of content words two claims must have in common for a differing figure or name to clash.
SAME_FRAME = 0.6

_NOT_ENTITIES = frozenset(
    [
        "the",
        "a",
        "an",
        "he",
        "she",
        "it",
        "they",
        "we",
        "this",
        "that",
        "these",
        "those",
        "both",
        "and",
        "but",
        "secretary",
        "minister",
        "president",
        "mr",
        "mrs",
        "ms",
        "dr",
    ]
)


def contrast(claim: str, counterpart: str) -> list[str]:
    """Evidence that two matched claims differ: opposite stances, or, in claims that otherwise
    say the same thing, differing figures or names (for iSTS labels; not a stance of its own)."""
    return list(_contrast(claim, counterpart))


@text_memo(maxsize=4096)
def _contrast(claim: str, counterpart: str) -> tuple[str, ...]:
    stance = tuple(opposition(claim, counterpart))
    if stance:
        return stance
    mine, theirs = words(claim), words(counterpart)
    numbers, numbers_other = _numbers(mine), _numbers(theirs)
    if numbers and numbers_other and not numbers & numbers_other:
        # "70-year alliance" and "February 22" differ in topic, not in figure.
        return tuple(sorted(numbers | numbers_other)) if _same_frame(mine, theirs, set()) else ()
    return tuple(_entity_clash(mine, theirs))


def _entity_clash(mine: list[str], theirs: list[str]) -> list[str]:
    """Named entities that differ in claims that otherwise say the same thing."""
    entities, entities_other = _entities(mine), _entities(theirs)
    only, only_other = entities - entities_other, entities_other - entities
    if not only or not only_other:
        return []
    if not _same_frame(mine, theirs, entities | entities_other):
        return []
    return sorted(only | only_other)


def _same_frame(mine: list[str], theirs: list[str], leave_out: set[str]) -> bool:
    """Whether two claims share most content words once `leave_out` and numbers are set aside."""
    rest = _content([t for t in mine if t.lower() not in leave_out])
    rest_other = _content([t for t in theirs if t.lower() not in leave_out])
    union = rest | rest_other
    return bool(union) and len(rest & rest_other) / len(union) >= SAME_FRAME


def _numbers(tokens: list[str]) -> set[str]:
    return {t.rstrip("%").replace(",", "") for t in tokens if t[0].isdigit()}


def _entities(tokens: list[str]) -> set[str]:
    return {
        t.lower()
        for index, t in enumerate(tokens)
        if index > 0 and t[0].isupper() and t.lower() not in _NOT_ENTITIES and len(t) > 1
    }


def _content(tokens: list[str]) -> set[str]:
    return {t.lower()[:5] for t in tokens if len(t) > 3 and not t[0].isdigit()}
