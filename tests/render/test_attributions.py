"""Attributions appear in every output, with both quotes; old reports without them decode."""

from __future__ import annotations

import json

import msgspec

from service.pipeline import compare
from service.pipeline.embed import FakeEncoder
from service.pipeline.types import Attribution, Quote, Readout, Report
from service.render import to_json, to_markdown, to_text
from service.render.html import to_html
from tests.conftest import RUBIO_CHO

JOINT = "including by strengthening supply chains and collaborating on critical technologies"
OWN = "Seoul further emphasised a third pillar of partnership in advanced technologies"
GIVEN = "Foreign Minister Wang formally invited Foreign Minister Park to visit China"


def report(*attributions: Attribution) -> Report:
    readouts = [
        Readout(side="US", text=(RUBIO_CHO / "us.txt").read_text()),
        Readout(side="KR", text=(RUBIO_CHO / "kr.txt").read_text()),
    ]
    found = compare(readouts, FakeEncoder(), title="Rubio-Cho")
    return msgspec.structs.replace(found, attributions=list(attributions))


BOTH = [
    Attribution(
        "joint-vs-own", Quote("US", "US-7", JOINT, "both"), Quote("KR", "KR-7", OWN, "self"), 0.4
    ),
    Attribution("attributed", Quote("KR", "KR-2", GIVEN, "other")),
]


def test_text_and_markdown_list_each_attribution_with_both_quotes() -> None:
    text = " ".join(to_text(report(*BOTH), width=400).split())
    assert "Attributed to the other side" in text
    assert "US gives it to both sides; KR gives it to KR alone" in text
    assert JOINT in text and OWN in text and GIVEN in text
    assert "KR's readout has US say this; US's own readout does not" in text
    assert "US: no counterpart" in text
    markdown = to_markdown(report(*BOTH))
    assert "## Attributed to the other side" in markdown
    assert "**attributed**" in markdown and "Seoul further emphasised" in markdown


def test_the_page_shows_the_section_only_when_there_are_attributions() -> None:
    page = to_html(report(*BOTH))
    assert 'class="attributions"' in page and "Foreign Minister Wang formally invited" in page
    assert 'class="attributions"' not in to_html(report())


def test_json_carries_speakers_and_attributions() -> None:
    data = json.loads(to_json(report(*BOTH)))
    assert {c["speaker"] for c in data["claims"]} <= {"both", "self", "other", "unknown"}
    assert data["attributions"][0]["counterpart"]["speaker"] == "self"


def test_a_stored_report_from_before_speakers_still_decodes() -> None:
    data = json.loads(to_json(report()))
    del data["attributions"]
    for claim in data["claims"]:
        del claim["speaker"]
    old = msgspec.json.decode(json.dumps(data), type=Report)
    assert old.attributions == [] and all(c.speaker == "unknown" for c in old.claims)
