"""Three readouts: an `attributed` quote names the side its speaker belongs to, not the first
other side, and one the pairs cannot tell apart names every candidate."""

from __future__ import annotations

import msgspec

from service.pipeline import compare
from service.pipeline.embed import FakeEncoder
from service.pipeline.multi import merge
from service.pipeline.types import Attribution, ModelInfo, Quote, Readout, Report
from service.render.attributions import attribution_lines

US = (
    "Secretary Blinken met with Japanese Foreign Minister Hayashi and Korean Foreign Minister Park"
    " in Bali. Foreign Minister Park stressed the need to protect migratory whales in the Arctic."
    " They discussed the Indo-Pacific."
)
JP = (
    "Foreign Minister Hayashi met with Secretary Blinken and Foreign Minister Park in Bali."
    " They discussed the Indo-Pacific."
)
KR = (
    "Foreign Minister Park met with Secretary Blinken and Foreign Minister Hayashi in Bali."
    " They discussed the Indo-Pacific."
)


def test_the_quote_is_given_to_the_side_whose_minister_it_names() -> None:
    readouts = [Readout("JP", JP), Readout("US", US), Readout("KR", KR)]
    report = compare(readouts, FakeEncoder())
    whales = [a for a in report.attributions if "whales" in a.quote.text]
    assert [(a.kind, a.others) for a in whales] == [("attributed", ["KR"])]
    (line,) = [x for x in attribution_lines(report) if "whales" in x.quote]
    assert line.heading.startswith("US's readout has KR say this; KR's own readout does not")


def _pair(sides: list[str], attributions: list[Attribution]) -> Report:
    model = ModelInfo(encoder="fake", threshold=0.5)
    return Report(None, None, None, sides, [], [], [], model, attributions=attributions)


def test_a_quote_both_pairs_found_names_both_sides_once_with_the_nearer_counterpart() -> None:
    quote = Quote("US", "US-3", "The Foreign Minister stressed whales.", "other")
    by_jp = Attribution("attributed", quote, Quote("JP", "JP-1", "Whaling."), 0.4)
    by_kr = Attribution("attributed", quote, Quote("KR", "KR-2", "Whales."), 0.6)
    merged = merge(
        ["US", "JP", "KR"],
        [_pair(["US", "JP"], [by_jp]), _pair(["US", "KR"], [by_kr]), _pair(["JP", "KR"], [])],
        None,
        None,
    )
    assert merged.attributions == [msgspec.structs.replace(by_kr, others=["JP", "KR"])]
    (line,) = attribution_lines(merged)
    assert line.heading == "US's readout has JP or KR say this; neither's own readout does"
    assert line.counterpart.startswith('KR, nearest (similarity 0.60): "Whales."')


def test_a_pair_report_has_no_others_field() -> None:
    report = compare([Readout("US", US), Readout("KR", KR)], FakeEncoder())
    encoded = msgspec.json.decode(msgspec.json.encode(report))
    assert all("others" not in a for a in encoded["attributions"])
