"""The gold strength gaps and attribution asymmetries of the gaps_{A,B}.json files: each item
located in the texts by its keywords, and read against what a report found."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import msgspec

from evaluation.inventory import keyword_spans, overlaps
from service.pipeline.types import Attribution, Claim

ItemKind = Literal["strength", "attributed", "joint-vs-own"]


class Item(msgspec.Struct, frozen=True):
    """One strength difference or attribution asymmetry an analyst would point out."""

    kind: ItemKind
    matter: str
    keywords: dict[str, list[str]]
    stronger_side: str | None = None
    attributing_side: str | None = None
    joint_side: str | None = None
    levels: dict[str, int] = msgspec.field(default_factory=dict)
    predicates: dict[str, str] = msgspec.field(default_factory=dict)
    attributed_to: str | None = None
    own_speaker_side: str | None = None
    note: str = ""


class Gaps(msgspec.Struct, frozen=True):
    pair: str
    items: list[Item]


@dataclass(frozen=True)
class LocatedItem:
    """An item with each side's keyword occurrences as (start, end) spans."""

    item: Item
    spans: dict[str, list[tuple[int, int]]]

    def touches(self, side: str, claim: Claim) -> bool:
        return overlaps(self.spans.get(side, ()), claim.start, claim.end)


def locate_items(gaps: Gaps, texts: dict[str, str]) -> list[LocatedItem]:
    return [
        LocatedItem(
            item, {side: keyword_spans(texts[side], k) for side, k in item.keywords.items()}
        )
        for item in gaps.items
    ]


def levels_read(item: LocatedItem, by_id: dict[str, Claim]) -> str:
    """The item's levels beside what the scale reads in the claims under its keywords."""
    read = [
        f"{c.side} {c.predicate!r}={c.strength}" for c in by_id.values() if item.touches(c.side, c)
    ]
    levels = ", ".join(f"{side} {level}" for side, level in item.item.levels.items())
    wanted = f" ({levels})" if levels else ""
    return f"{item.item.stronger_side} stronger{wanted}; read: {'; '.join(read) or 'nothing'}"


def attribution_right(found: Attribution, item: LocatedItem, by_id: dict[str, Claim]) -> bool:
    """Its kind, and its quote(s) under the item's keywords; for `attributed` on the attributing
    side, for `joint-vs-own` the joint quote on the joint side."""
    if found.kind != item.item.kind:
        return False
    quote = by_id[found.quote.claim_id]
    if found.kind == "attributed":
        return quote.side == item.item.attributing_side and item.touches(quote.side, quote)
    if found.counterpart is None or quote.side != item.item.joint_side:
        return False
    other = by_id[found.counterpart.claim_id]
    return item.touches(quote.side, quote) and item.touches(other.side, other)
