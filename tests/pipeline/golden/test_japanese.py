"""Golden tests: the Japanese-language readouts (and the Chinese original) through the default
route with the real encoders: what a reader saw wrong on these pairs before each language had
its own room (issue 24) stays fixed."""

from __future__ import annotations

import re

import pytest

from evaluation.inventory import load_inventory_cases
from evaluation.scoring import FIXTURES
from service.pipeline import compare
from service.pipeline.embed import make_encoder
from service.pipeline.embed.routing import RoutingEncoder
from service.pipeline.types import Report

pytestmark = pytest.mark.slow
CASES = load_inventory_cases(FIXTURES / "pairs", "expected_ja.json")
# A term never ends in a particle or a conjunction ("昨日は", "強化及").
_GLUED = re.compile(r"(?:は|が|を|に|の|で|と|や|及|及び|から|より)$")


@pytest.fixture(scope="module")
def reports() -> dict[str, Report]:
    encoder = RoutingEncoder(make_encoder("minilm-onnx-int8"), make_encoder("use"))
    return {case.name.split("/")[0]: compare(case.readouts, encoder) for case in CASES}


def test_the_opening_logistics_are_framing_not_an_emphasis(reports: dict[str, Report]) -> None:
    for name in ("2021-07-23_motegi-blinken-call", "2024-12-25_iwaya-li-qiang-beijing"):
        report = reports[name]
        opening = next(c for c in report.claims if c.side == "JP")
        assert "概要は以下のとおり" in opening.text
        assert opening.verdict == "framing", (name, opening.verdict)
    chinese = next(c for c in reports["2024-12-25_iwaya-li-qiang-beijing"].claims if c.side == "CN")
    assert "会见" in chinese.text and chinese.verdict == "framing"


def test_no_term_is_glued_to_a_particle_or_a_participant(reports: dict[str, Report]) -> None:
    for name, report in reports.items():
        for emphasis in report.emphases:
            for term in emphasis.terms:
                assert not _GLUED.search(term), (name, term)
                assert term not in {"茂木", "茂木外務大臣", "岩屋", "李強", "李强", "午前", "概要"}
                assert "关系处于" not in term, (name, term)  # a clause is no term


def test_the_agency_tag_is_not_something_only_china_said(reports: dict[str, Report]) -> None:
    report = reports["2024-12-25_iwaya-li-qiang-beijing"]
    assert not any("新华社" in c.text for c in report.claims)


def test_japanese_claims_carry_speakers_and_levels(reports: dict[str, Report]) -> None:
    claims = [c for c in reports["2021-07-23_motegi-blinken-call"].claims if c.side == "JP"]
    assert {c.speaker for c in claims} >= {"self", "other", "both"}
    assert any(c.strength is not None for c in claims)
    welcome = next(c for c in claims if "米国代表団" in c.text)
    assert (welcome.speaker, welcome.strength) == ("self", 3)  # 心から歓迎: warmly welcomed
