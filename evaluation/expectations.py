"""Score reports against a fixture pair's expected differences (see fixtures/README.md)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import msgspec

from evaluation.counts import Ratio, Sums, share
from service.pipeline.types import Emphasis, Readout, Report


class SideFile(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    label: str
    file: str


class OneSided(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    side: str
    topic: str
    keywords: list[str]
    uncertain: bool = False


class Shared(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    topic: str
    keywords: dict[str, list[str]]


class Expectation(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    sides: dict[str, SideFile]
    one_sided: list[OneSided]
    shared: list[Shared]
    partial: dict[str, bool] = msgspec.field(default_factory=dict)
    notes: str = ""


@dataclass(frozen=True)
class Case:
    """One fixture pair: its two readouts and what a correct report shows."""

    name: str
    readouts: tuple[Readout, Readout]
    expected: Expectation


@dataclass
class Score(Sums):
    """Recall of one-sided topics and the rate of shared topics wrongly flagged; they add up."""

    recall: Ratio = field(default_factory=Ratio)  # expected one-sided topics found
    false_flag_rate: Ratio = field(default_factory=share)  # shared topics flagged, per side
    missed: list[str] = field(default_factory=list)
    flagged: list[str] = field(default_factory=list)


def load_cases(root: Path, expectation: str = "expected.json") -> list[Case]:
    """Every pair folder under `root` that has the given expectation file."""
    cases = []
    for folder in sorted(p for p in root.iterdir() if (p / expectation).exists()):
        expected = msgspec.json.decode((folder / expectation).read_bytes(), type=Expectation)
        a, b = expected.sides["A"], expected.sides["B"]
        readouts = tuple(
            Readout(side=s.label, text=(folder / s.file).read_text(encoding="utf-8"), source=s.file)
            for s in (a, b)
        )
        cases.append(Case(f"{folder.name}/{expectation}", readouts, expected))  # type: ignore[arg-type]
    return cases


def score(report: Report, expected: Expectation, name: str = "") -> Score:
    """Judge one report by the fixture rules: hits for one-sided topics, flags on shared ones."""
    result = Score()
    for topic in expected.one_sided:
        hit = any(
            _mentions(e.text, e.terms, topic.keywords)
            for e in report.emphases
            if e.side == topic.side
        )
        if hit or not topic.uncertain:
            result.recall = result.recall.count(hit)
        if not hit and not topic.uncertain:
            result.missed.append(f"{name} {topic.side}: {topic.topic}")
    for shared in expected.shared:
        for side, keywords in shared.keywords.items():
            lowered = [k.lower() for k in keywords]
            flag = next((e for e in report.emphases if _flags(e, side, lowered)), None)
            result.false_flag_rate = result.false_flag_rate.count(flag is not None)
            if flag is not None:
                result.flagged.append(f"{name} {side}: {shared.topic} ({flag.claim_id})")
    return result


def _flags(emphasis: Emphasis, side: str, keywords: list[str]) -> bool:
    """A one-sided emphasis whose text names a shared topic, or another kind whose terms do."""
    if emphasis.side != side:
        return False
    if emphasis.kind == "one-sided":
        return any(k in emphasis.text.lower() for k in keywords)
    return any(k in term.lower() for term in emphasis.terms for k in keywords)


def _mentions(text: str, terms: list[str], keywords: list[str]) -> bool:
    haystacks = [text.lower(), *(t.lower() for t in terms)]
    return any(k.lower() in h for k in keywords for h in haystacks)
