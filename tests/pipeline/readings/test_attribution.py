"""Attributions from real readout claims: what one side gives the other, and joint vs own."""

from __future__ import annotations

import msgspec

from service.pipeline.prepare import prepare
from service.pipeline.readings.attribution import attribute
from service.pipeline.types import Claim, Closest, Emphasis, Match, Readout
from tests.conftest import ROOT

BASE = ROOT / "fixtures" / "pairs" / "2022-05-23_blinken-hayashi-tokyo"


def _claims() -> list[Claim]:
    prepared = prepare(
        [
            Readout("US", (BASE / "us.txt").read_text(encoding="utf-8")),
            Readout("JP", (BASE / "jp.txt").read_text(encoding="utf-8")),
        ]
    )
    return prepared.left.claims + prepared.right.claims


def _find(claims: list[Claim], start: str) -> Claim:
    return next(c for c in claims if c.text.startswith(start))


def test_what_japan_says_blinken_hoped_is_attributed_when_no_us_claim_matches() -> None:
    claims = _claims()
    hope = _find(claims, "In response, Secretary Blinken")
    hailed = _find(claims, "The Secretary and the Foreign Minister hailed")
    emphasis = Emphasis("JP", hope.id, "one-sided", hope.text, [], 1.0, Closest(hailed.id, 0.2))
    _, found = attribute(claims, [], [emphasis])
    (attributed,) = [a for a in found if a.kind == "attributed"]
    assert attributed.quote.side == "JP" and attributed.quote.claim_id == hope.id
    assert attributed.quote.speaker == "other"
    assert attributed.counterpart is not None
    assert attributed.counterpart.claim_id == hailed.id
    assert attributed.counterpart.speaker == "both"
    assert attributed.similarity == 0.2


def test_a_matched_claim_the_other_side_gives_alone_is_joint_vs_own_not_attributed() -> None:
    claims = _claims()
    hope = _find(claims, "In response, Secretary Blinken")
    hailed = _find(claims, "The Secretary and the Foreign Minister hailed")
    with_hayashi = msgspec.structs.replace(
        _find(claims, "At the outset, Minister Hayashi"), verdict="framing"
    )  # as classify finds it: the welcome of the visit only frames the meeting
    claims = [with_hayashi if c.id == with_hayashi.id else c for c in claims]
    matches = [Match([hailed.id, hope.id], 0.49), Match([hailed.id, with_hayashi.id], 0.3)]
    speakers, found = attribute(claims, matches, [])
    assert [a.kind for a in found] == ["joint-vs-own"]
    (joint,) = found
    assert joint.counterpart is not None
    assert (joint.quote.claim_id, joint.counterpart.claim_id) == (hailed.id, hope.id)
    assert {c.id: c.speaker for c in speakers}[with_hayashi.id] == "self"


def test_a_continuing_clause_does_not_count_as_a_one_side_statement() -> None:
    claims = _claims()
    reaffirmed = _find(claims, "They reaffirmed their resolute")
    renewed = _find(claims, "renewed their commitment")
    _, found = attribute(claims, [Match([reaffirmed.id, renewed.id], 0.5)], [])
    assert [a.kind for a in found] == ["attributed"]  # only the unmatched "In response, …"


def test_a_joint_claim_that_only_discussed_is_set_against_nothing() -> None:
    claims = _claims()
    hailed = msgspec.structs.replace(
        _find(claims, "The Secretary and the Foreign Minister hailed"), strength=1
    )  # as if it said only that the alliance was discussed (level 1, noted)
    hope = _find(claims, "In response, Secretary Blinken")
    claims = [hailed if c.id == hailed.id else c for c in claims]
    _, found = attribute(claims, [Match([hailed.id, hope.id], 0.49)], [])
    assert "joint-vs-own" not in [a.kind for a in found]


def test_a_one_side_statement_that_also_speaks_for_both_is_not_own() -> None:
    claims = _claims()
    hailed = _find(claims, "The Secretary and the Foreign Minister hailed")
    hope = _find(claims, "In response, Secretary Blinken")
    mixed = msgspec.structs.replace(
        hope, text=hope.text + " and the two ministers confirmed they would work together"
    )
    claims = [mixed if c.id == hope.id else c for c in claims]
    _, found = attribute(claims, [Match([hailed.id, hope.id], 0.49)], [])
    assert "joint-vs-own" not in [a.kind for a in found]


def _pair(name: str, left: str, right: str) -> list[Claim]:
    folder = BASE.parent / name
    prepared = prepare(
        [
            Readout(left.upper(), (folder / f"{left}.txt").read_text(encoding="utf-8")),
            Readout(right.upper(), (folder / f"{right}.txt").read_text(encoding="utf-8")),
        ]
    )
    return prepared.left.claims + prepared.right.claims


def test_a_joint_subject_in_what_a_side_reports_still_leaves_it_that_sides_statement() -> None:
    claims = _pair("2023-07-14_park-jin-wang-yi-jakarta", "kr", "cn")
    decided = _find(claims, "decided to promote bilateral exchanges")
    stressed = _find(claims, "Wang stressed that both sides should")
    _, found = attribute(claims, [Match([decided.id, stressed.id], 0.4)], [])
    assert [(a.kind, a.quote.claim_id) for a in found if a.kind == "joint-vs-own"] == [
        ("joint-vs-own", decided.id)
    ]


def test_a_framing_claim_that_quotes_a_side_counts_but_one_that_tells_who_met_does_not() -> None:
    claims = _pair("2026-02-03_rubio-cho-hyun", "us", "kr")
    agreed = _find(claims, "The two leaders agreed to continue")
    quoted = msgspec.structs.replace(_find(claims, "Cho said, "), verdict="framing")
    claims = [quoted if c.id == quoted.id else c for c in claims]
    _, found = attribute(claims, [Match([agreed.id, quoted.id], 0.4)], [])
    assert [a.kind for a in found if a.counterpart and a.counterpart.claim_id == quoted.id] == [
        "joint-vs-own"
    ]


def test_a_framing_claim_that_tells_who_met_whom_is_no_sides_statement() -> None:
    claims = _pair("2026-02-14_rubio-motegi-munich", "us", "jp")
    opening = msgspec.structs.replace(
        _find(claims, "Secretary of State Marco Rubio met"), verdict="framing"
    )
    concurred = _find(claims, "The two ministers concurred on advancing")
    claims = [opening if c.id == opening.id else c for c in claims]
    speakers, found = attribute(claims, [Match([opening.id, concurred.id], 0.4)], [])
    assert {c.id: c.speaker for c in speakers}[opening.id] == "self"
    assert not [a for a in found if a.kind == "joint-vs-own"]


def test_an_assurance_a_side_received_is_the_other_sides_word() -> None:
    claims = _pair("2025-09-10_rubio-cho-hyun-georgia-raid", "us", "kr")
    assurance = _find(claims, "We also received an assurance")
    speakers, found = attribute(claims, [], [])
    assert {c.id: c.speaker for c in speakers}[assurance.id] == "other"
    assert assurance.id in [a.quote.claim_id for a in found if a.kind == "attributed"]
    _, matched = attribute(claims, [Match([claims[0].id, assurance.id], 0.5)], [])
    assert assurance.id not in [a.quote.claim_id for a in matched]
