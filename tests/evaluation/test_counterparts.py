"""Counterpart, strength-gap, attribution and kind scoring on a small hand-made pair."""

from __future__ import annotations

import msgspec

from evaluation.counterparts import right_pair, tally
from evaluation.gap_items import Gaps, Item, locate_items
from evaluation.inventory import Inventory, Topic, locate
from service.pipeline.types import (
    Attribution,
    Claim,
    Emphasis,
    Match,
    ModelInfo,
    Quote,
    Report,
    StrengthGap,
)

US = "They met in Washington. They condemned the missile launch. They welcomed the trade deal."
KR = "The talks took place in Washington. They discussed the missile launch. Both agreed on trade."
TEXTS = {"US": US, "KR": KR}
TOPICS = locate(
    Inventory(
        pair="test",
        topics=[
            Topic("logistics", "boilerplate", {"US": ["met in Washington"]}),
            Topic("place", "boilerplate", {"KR": ["talks took place"]}),
            Topic("missile", "stronger", {"US": ["missile"], "KR": ["missile"]}, side="US"),
            Topic("trade", "shared", {"US": ["trade deal"], "KR": ["on trade"]}),
        ],
    ),
    TEXTS,
)
ITEMS = locate_items(
    Gaps(
        pair="test",
        items=[
            Item(
                "strength",
                "missile",
                {"US": ["condemned"], "KR": ["discussed"]},
                stronger_side="US",
            ),
            Item(
                "joint-vs-own",
                "trade",
                {"US": ["trade deal"], "KR": ["agreed on trade"]},
                joint_side="KR",
            ),
        ],
    ),
    TEXTS,
)


def _claims(side: str, text: str) -> list[Claim]:
    claims, start = [], 0
    for index, sentence in enumerate(text.split(". "), start=1):
        end = start + len(sentence)
        claims.append(Claim(f"{side}-{index}", side, sentence, start, end))
        start = end + 2
    return claims


CLAIMS = {c.id: c for c in _claims("US", US) + _claims("KR", KR)}


def _report(matches: list[tuple[str, str]], **parts: object) -> Report:
    report = Report(
        None, None, None, ["US", "KR"], list(CLAIMS.values()),
        [Match([a, b], 0.5) for a, b in matches], [], ModelInfo("test", 0.5),
    )  # fmt: skip
    return msgspec.structs.replace(report, **parts)


def test_a_pair_is_right_under_one_two_sided_topic_or_under_boilerplate_on_both_sides() -> None:
    assert right_pair(CLAIMS["US-2"], CLAIMS["KR-2"], TOPICS)
    assert right_pair(CLAIMS["US-1"], CLAIMS["KR-1"], TOPICS)  # two boilerplate topics
    assert not right_pair(CLAIMS["US-2"], CLAIMS["KR-3"], TOPICS)
    assert not right_pair(CLAIMS["US-1"], CLAIMS["KR-2"], TOPICS)


def test_match_precision_and_two_sided_topic_recall() -> None:
    result = tally(_report([("US-2", "KR-2"), ("US-3", "KR-2")]), TOPICS, None)
    assert (result.match_precision.hits, result.match_precision.total) == (1, 2)
    assert (result.topic_recall.hits, result.topic_recall.total) == (1, 2)
    assert result.missed == [" no pair: trade"]
    assert result.strength_precision.total == 0  # no gaps file, no gap figures


def test_kind_agrees_when_one_sided_says_only_and_stronger_says_partial() -> None:
    emphases = [
        Emphasis("US", "US-2", "one-sided", CLAIMS["US-2"].text, [], 1.0, None),
        Emphasis("US", "US-3", "partial", CLAIMS["US-3"].text, [], 1.0, None),
    ]
    result = tally(_report([], emphases=emphases), TOPICS, None)
    # US-2 is on a stronger topic but says "only"; US-3's topic is shared: not counted.
    assert (result.kind_agreement.hits, result.kind_agreement.total) == (0, 1)


def test_a_strength_gap_is_right_only_with_the_items_stronger_side() -> None:
    right = StrengthGap(["US-2", "KR-2"], ["US", "KR"], ["condemned", "discussed"], [4, 1], 0.5)
    wrong = StrengthGap(["US-2", "KR-2"], ["US", "KR"], ["condemned", "discussed"], [1, 4], 0.5)
    assert tally(_report([], strength_gaps=[right]), TOPICS, ITEMS).strength_precision.hits == 1
    result = tally(_report([], strength_gaps=[wrong]), TOPICS, ITEMS)
    assert (result.strength_precision.hits, result.strength_recall.hits) == (0, 0)
    assert result.strength_recall.total == 1


def test_joint_vs_own_is_right_with_the_joint_quote_on_the_joint_side() -> None:
    kr, us = (Quote(c.side, c.id, c.text) for c in (CLAIMS["KR-3"], CLAIMS["US-3"]))
    right = Attribution("joint-vs-own", kr, us, 0.5)
    flipped = Attribution("joint-vs-own", us, kr, 0.5)
    attributed = Attribution("attributed", kr, None, 0.0)
    result = tally(_report([], attributions=[right, flipped, attributed]), TOPICS, ITEMS)
    assert (result.attribution_precision.hits, result.attribution_precision.total) == (1, 3)
    assert (result.attribution_recall.hits, result.attribution_recall.total) == (1, 1)


def test_a_missed_strength_item_names_the_levels_the_scale_reads_under_it() -> None:
    graded = [
        msgspec.structs.replace(c, strength=level, predicate=word)
        for c, level, word in ((CLAIMS["US-2"], 4, "condemned"), (CLAIMS["KR-2"], 1, "discussed"))
    ]
    claims = [c for c in CLAIMS.values() if c.id not in ("US-2", "KR-2")] + graded
    result = tally(_report([], claims=claims), TOPICS, ITEMS, "test")
    missed = [line for line in result.missed if "gap missed" in line]
    assert missed == ["test gap missed: US stronger; read: US 'condemned'=4; KR 'discussed'=1"]
