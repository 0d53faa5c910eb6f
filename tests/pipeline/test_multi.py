"""Three to six readouts: every pair compared, each claim's carriers merged; a pair unchanged."""

from __future__ import annotations

import msgspec
import pytest

from service.errors import InvalidInput
from service.pipeline import compare
from service.pipeline.embed import FakeEncoder
from service.pipeline.multi import merge
from service.pipeline.types import Claim, Closest, Emphasis, Match, ModelInfo, Report
from tests.conftest import PAIRS, RUBIO_CHO

US = (RUBIO_CHO / "us.txt").read_text(encoding="utf-8")
KR = (RUBIO_CHO / "kr.txt").read_text(encoding="utf-8")
JP = (PAIRS / "2022-05-23_blinken-hayashi-tokyo" / "jp.txt").read_text(encoding="utf-8")


def _readouts(*pairs: tuple[str, str]) -> list[object]:
    from service.pipeline.types import Readout

    return [Readout(side=side, text=text) for side, text in pairs]


def test_a_pair_reads_as_before() -> None:
    report = compare(_readouts(("US", US), ("KR", KR)), FakeEncoder())  # type: ignore[arg-type]
    encoded = msgspec.json.decode(msgspec.json.encode(report))
    assert not {"carried", "only_one", "all_but_one"} & set(encoded)


def test_three_readouts_carry_every_sides_claims() -> None:
    report = compare(
        _readouts(("US", US), ("KR", KR), ("JP", JP)),
        FakeEncoder(),  # type: ignore[arg-type]
    )
    assert report.sides == ["US", "KR", "JP"]
    assert {c.side for c in report.claims} == {"US", "KR", "JP"}
    assert [r.side for r in report.readouts] == ["US", "KR", "JP"]
    assert isinstance(report.carried, list) and report.carried
    for entry in report.carried:
        assert sorted([*entry.carried_by, *entry.left_out, entry.side]) == sorted(report.sides)
        assert len(entry.counterparts) == len(entry.carried_by)
    ids = {c.id for c in report.claims}
    assert all(set(m.claims) <= ids for m in report.matches)
    assert isinstance(report.only_one, list)
    verdicts = {c.id: c.verdict for c in report.claims}
    assert all(verdicts[i] == "one-sided" for i in report.only_one)
    # a stored report of three sides decodes back
    again = msgspec.json.decode(msgspec.json.encode(report), type=Report)
    assert again.carried == report.carried


@pytest.mark.parametrize("count", [1, 7])
def test_two_to_six_readouts(count: int) -> None:
    readouts = _readouts(*[(f"S{n}", US) for n in range(count)])
    with pytest.raises(InvalidInput, match="needs 2 to 6 readouts"):
        compare(readouts, FakeEncoder())  # type: ignore[arg-type]


def test_sides_must_differ_among_all() -> None:
    with pytest.raises(InvalidInput, match="need different sides"):
        compare(_readouts(("US", US), ("KR", KR), ("us", JP)), FakeEncoder())  # type: ignore[arg-type]


def _claim(claim_id: str, verdict: str) -> Claim:
    return Claim(id=claim_id, side=claim_id.split("-")[0], text=claim_id, start=0, end=1,
                 verdict=verdict)  # type: ignore[arg-type]  # fmt: skip


def _pair(sides: list[str], verdicts: dict[str, str], matches: list[Match]) -> Report:
    emphases = [
        Emphasis(side=i.split("-")[0], claim_id=i, kind=v, text=i, terms=[], salience=0.5,  # type: ignore[arg-type]
                 closest=Closest(claim_id="X", similarity=0.1))
        for i, v in verdicts.items() if v == "one-sided"
    ]  # fmt: skip
    return Report(id=None, title=None, date=None, sides=sides,
                  claims=[_claim(i, v) for i, v in verdicts.items()], matches=matches,
                  emphases=emphases, model=ModelInfo("fake", 0.2))  # fmt: skip


def test_merge_lists_only_one_and_all_but_one() -> None:
    # A-1 is said by A and B, not C; A-2 by A alone; B-1 by B and C, not A.
    reports = [
        _pair(["A", "B"], {"A-1": "shared", "A-2": "one-sided", "B-1": "one-sided"},
              [Match(["A-1", "B-2"], 0.8)]),
        _pair(["A", "C"], {"A-1": "one-sided", "A-2": "one-sided", "C-1": "one-sided"}, []),
        _pair(["B", "C"], {"B-1": "shared", "B-2": "one-sided", "C-1": "shared"},
              [Match(["B-1", "C-1"], 0.7)]),
    ]  # fmt: skip
    report = merge(["A", "B", "C"], reports, None, None)
    assert report.only_one == ["A-2", "B-2"]
    verdicts = {c.id: c.verdict for c in report.claims}
    assert verdicts["A-1"] == "shared" and verdicts["A-2"] == "one-sided"
    entries = {(tuple(e.sides), e.left_out) for e in report.all_but_one or []}
    assert (("A", "B"), "C") in entries and (("B", "C"), "A") in entries
    carried = {c.claim_id: c for c in report.carried or []}
    assert carried["A-1"].carried_by == ["B"] and carried["A-1"].counterparts == ["B-2"]
    assert carried["A-2"].carried_by == [] and carried["A-2"].left_out == ["B", "C"]


def test_a_claim_is_framing_only_when_every_pair_reads_it_so() -> None:
    # C-1 reads as framing beside A only; beside B it is matched as substance: it is substance,
    # carried by B. C-2 reads as framing in both pairs, so B-2 matched to it is carried by none.
    reports = [
        _pair(["A", "B"], {"A-1": "one-sided", "B-1": "one-sided", "B-2": "one-sided"}, []),
        _pair(["A", "C"], {"A-1": "one-sided", "C-1": "framing", "C-2": "framing"}, []),
        _pair(["B", "C"], {"B-1": "partial", "B-2": "partial", "C-1": "partial", "C-2": "framing"},
              [Match(["B-1", "C-1"], 0.5), Match(["B-2", "C-2"], 0.4)]),
    ]  # fmt: skip
    report = merge(["A", "B", "C"], reports, None, None)
    verdicts = {c.id: c.verdict for c in report.claims}
    assert verdicts["C-1"] == "partial" and verdicts["C-2"] == "framing"
    carried = {c.claim_id: c for c in report.carried or []}
    assert carried["C-1"].carried_by == ["B"] and carried["B-1"].carried_by == ["C"]
    assert carried["B-2"].carried_by == [] and carried["B-2"].left_out == ["A", "C"]
    assert "B-2" in (report.only_one or []) and "C-2" not in carried


def test_all_but_one_never_leaves_out_a_side_that_carries_one_of_its_claims() -> None:
    # A-1 and B-1 match; B-1 and C-1 match, A-1 and C-1 do not: C carries the matter through
    # B-1, so "A and B, not C" would contradict the report's own carriers.
    reports = [
        _pair(["A", "B"], {"A-1": "shared", "B-1": "shared"}, [Match(["A-1", "B-1"], 0.8)]),
        _pair(["A", "C"], {"A-1": "one-sided", "C-1": "one-sided"}, []),
        _pair(["B", "C"], {"B-1": "shared", "C-1": "shared"}, [Match(["B-1", "C-1"], 0.7)]),
    ]  # fmt: skip
    report = merge(["A", "B", "C"], reports, None, None)
    carried = {c.claim_id: c for c in report.carried or []}
    assert carried["A-1"].left_out == ["C"] and carried["B-1"].carried_by == ["A", "C"]
    assert report.all_but_one == []
