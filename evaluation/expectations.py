"""Score reports against a fixture pair's expected differences (see fixtures/README.md)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import msgspec

from service.pipeline.types import Readout, Report


class SideFile(msgspec.Struct, frozen=True):
    label: str
    file: str


class OneSided(msgspec.Struct, frozen=True):
    side: str
    topic: str
    keywords: list[str]
    uncertain: bool = False


class Shared(msgspec.Struct, frozen=True):
    topic: str
    keywords: dict[str, list[str]]


class Expectation(msgspec.Struct, frozen=True):
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
class Score:
    """Recall of one-sided topics and the rate of shared topics wrongly flagged."""

    found: int = 0
    expected: int = 0
    false_flags: int = 0
    shared_checks: int = 0
    missed: list[str] = field(default_factory=list)
    flagged: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.found / self.expected if self.expected else 1.0

    @property
    def false_flag_rate(self) -> float:
        return self.false_flags / self.shared_checks if self.shared_checks else 0.0

    def add(self, other: Score) -> Score:
        return Score(
            self.found + other.found,
            self.expected + other.expected,
            self.false_flags + other.false_flags,
            self.shared_checks + other.shared_checks,
            self.missed + other.missed,
            self.flagged + other.flagged,
        )


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
        if hit:
            result.found += 1
            result.expected += 1
        elif not topic.uncertain:
            result.expected += 1
            result.missed.append(f"{name} {topic.side}: {topic.topic}")
    for shared in expected.shared:
        for side, keywords in shared.keywords.items():
            result.shared_checks += 1
            lowered = [k.lower() for k in keywords]
            for emphasis in report.emphases:
                if emphasis.side != side:
                    continue
                in_text = emphasis.kind == "one-sided" and any(
                    k in emphasis.text.lower() for k in lowered
                )
                in_terms = emphasis.kind != "one-sided" and any(
                    k in term.lower() for term in emphasis.terms for k in lowered
                )
                if in_text or in_terms:
                    result.false_flags += 1
                    result.flagged.append(f"{name} {side}: {shared.topic} ({emphasis.claim_id})")
                    break
    return result


def _mentions(text: str, terms: list[str], keywords: list[str]) -> bool:
    haystacks = [text.lower(), *(t.lower() for t in terms)]
    return any(k.lower() in h for k in keywords for h in haystacks)
