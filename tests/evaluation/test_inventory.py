"""Span scoring against a topic inventory, on a small hand-made pair."""

from __future__ import annotations

from evaluation.counts import Ratio
from evaluation.inventory import Inventory, Topic, locate, tally
from service.pipeline.types import Claim, Emphasis, EmphasisKind, ModelInfo, Report

US = "They met in Washington. They stressed the Taiwan Strait. They welcomed the trade deal."
KR = "They met in Washington. They welcomed the trade agreement."
INVENTORY = Inventory(
    pair="test",
    topics=[
        Topic("logistics", "boilerplate", {"US": ["met in Washington"], "KR": ["met in"]}),
        Topic("Taiwan", "one-sided", {"US": ["Taiwan Strait"]}, side="US"),
        Topic("trade", "shared", {"US": ["trade deal"], "KR": ["trade agreement"]}),
    ],
)


def _claims(side: str, text: str) -> list[Claim]:
    claims, start = [], 0
    for index, sentence in enumerate(text.split(". "), start=1):
        end = start + len(sentence)
        claims.append(Claim(f"{side}-{index}", side, sentence, start, end))
        start = end + 2
    return claims


def _report(flags: list[tuple[str, EmphasisKind, float]]) -> Report:
    claims = _claims("US", US) + _claims("KR", KR)
    by_id = {c.id: c for c in claims}
    emphases = [
        Emphasis(by_id[i].side, i, kind, by_id[i].text, [], salience, None)
        for i, kind, salience in flags
    ]
    return Report(None, None, None, ["US", "KR"], claims, [], emphases, ModelInfo("test", 0.5))


def test_keywords_are_found_by_span_case_insensitively() -> None:
    (logistics, taiwan, _) = locate(INVENTORY, {"US": US, "KR": KR})
    assert taiwan.spans["US"] == [(US.index("Taiwan"), US.index("Taiwan") + len("Taiwan Strait"))]
    assert logistics.touches("KR", 0, 10) and not logistics.touches("KR", 30, 40)


def test_an_emphasis_is_right_only_on_a_topic_its_side_stated_alone() -> None:
    topics = locate(INVENTORY, {"US": US, "KR": KR})
    result = tally(_report([("US-2", "one-sided", 2.0), ("US-3", "partial", 1.0)]), topics)
    assert (result.precision.hits, result.precision.total) == (1, 2)
    assert (result.recall.hits, result.recall.total) == (1, 1)
    assert float(result.precision) == 0.5 and float(result.recall) == 1.0
    assert result.top_precision == Ratio(1, 2)


def test_an_opposed_emphasis_on_a_one_sided_topic_is_wrong_and_finds_nothing() -> None:
    topics = locate(INVENTORY, {"US": US, "KR": KR})
    result = tally(_report([("US-2", "opposed", 1.0)]), topics)
    assert (result.opposed.hits, result.opposed.total) == (0, 1)
    assert result.recall.hits == 0 and result.missed


def test_no_emphasis_misses_every_one_sided_topic_and_flags_nothing() -> None:
    result = tally(_report([]), locate(INVENTORY, {"US": US, "KR": KR}))
    assert float(result.recall) == 0.0 and float(result.precision) == 1.0
    assert float(result.flagged_share) == 0.0 and result.flagged_share.total == 5
