"""The gold gap items: located by every occurrence of their keywords, read against a report."""

from __future__ import annotations

import msgspec

from evaluation.gap_items import Gaps, Item, attribution_right, levels_read, locate_items
from service.pipeline.types import Attribution, Claim, Quote

TEXTS = {"US": "Trade, trade and more TRADE.", "KR": "They agreed on trade."}
CLAIMS = {
    "US-1": Claim("US-1", "US", TEXTS["US"], 0, len(TEXTS["US"])),
    "KR-1": Claim("KR-1", "KR", TEXTS["KR"], 0, len(TEXTS["KR"])),
}


def test_every_occurrence_of_a_keyword_is_located_whatever_its_case() -> None:
    (found,) = locate_items(
        Gaps(pair="test", items=[Item("strength", "trade", {"US": ["trade"], "KR": ["nothing"]})]),
        TEXTS,
    )
    assert found.spans == {"US": [(0, 5), (7, 12), (22, 27)], "KR": []}
    assert found.touches("US", CLAIMS["US-1"]) and not found.touches("KR", CLAIMS["KR-1"])


def test_an_attribution_is_right_only_with_the_items_kind_and_side() -> None:
    (item,) = locate_items(
        Gaps(pair="test", items=[Item("attributed", "trade", {"KR": ["agreed"]},
                                      attributing_side="KR")]),
        TEXTS,
    )  # fmt: skip
    quote = Quote("KR", "KR-1", TEXTS["KR"])
    assert attribution_right(Attribution("attributed", quote, None, 0.0), item, CLAIMS)
    assert not attribution_right(Attribution("joint-vs-own", quote, None, 0.0), item, CLAIMS)
    us = Quote("US", "US-1", TEXTS["US"])
    assert not attribution_right(Attribution("attributed", us, None, 0.0), item, CLAIMS)


def test_levels_read_names_the_wanted_levels_and_what_the_scale_read() -> None:
    (item,) = locate_items(
        Gaps(pair="test", items=[Item("strength", "trade", {"KR": ["agreed"]},
                                      stronger_side="KR", levels={"KR": 3, "US": 1})]),
        TEXTS,
    )  # fmt: skip
    graded = {
        **CLAIMS,
        "KR-1": msgspec.structs.replace(CLAIMS["KR-1"], predicate="agreed", strength=2),
    }
    assert levels_read(item, graded) == "KR stronger (KR 3, US 1); read: KR 'agreed'=2"
    assert levels_read(item, {}) == "KR stronger (KR 3, US 1); read: nothing"
