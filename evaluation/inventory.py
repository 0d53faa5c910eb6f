"""Score reports against complete topic inventories by character spans (fixtures/INVENTORY.md)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import msgspec

from evaluation.expectations import load_cases
from service.pipeline.types import Emphasis, Readout, Report

Relation = Literal["one-sided", "stronger", "shared", "opposed", "boilerplate"]
TOP = 3


class Topic(msgspec.Struct, frozen=True):
    """One topic of an inventory: its relation and verbatim keywords per side."""

    topic: str
    relation: Relation
    keywords: dict[str, list[str]]
    side: str | None = None
    uncertain: bool = False
    added_terms: list[str] = msgspec.field(default_factory=list)
    note: str = ""


class Inventory(msgspec.Struct, frozen=True):
    """Every topic one annotator found in a pair of readouts."""

    pair: str
    topics: list[Topic]


@dataclass(frozen=True)
class Located:
    """A topic with each side's keyword occurrences as (start, end) spans."""

    topic: Topic
    spans: dict[str, list[tuple[int, int]]]

    def touches(self, side: str, start: int, end: int) -> bool:
        return any(s < end and start < e for s, e in self.spans.get(side, ()))


@dataclass
class Tally:
    """Counts behind precision, recall and the other inventory figures; they add up."""

    right: int = 0
    emphases: int = 0
    top_right: int = 0
    top: int = 0
    found: int = 0
    one_sided: int = 0
    stronger_found: int = 0
    stronger: int = 0
    claims: int = 0
    opposed_right: int = 0
    opposed: int = 0
    wrong: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.right / self.emphases if self.emphases else 1.0

    @property
    def recall(self) -> float:
        return self.found / self.one_sided if self.one_sided else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def top_precision(self) -> float:
        return self.top_right / self.top if self.top else 1.0

    @property
    def stronger_recall(self) -> float:
        return self.stronger_found / self.stronger if self.stronger else 1.0

    @property
    def flagged_share(self) -> float:
        return self.emphases / self.claims if self.claims else 0.0

    def add(self, other: Tally) -> Tally:
        counts = {
            name: getattr(self, name) + getattr(other, name)
            for name in self.__dataclass_fields__
            if name not in ("wrong", "missed")
        }
        return Tally(**counts, wrong=self.wrong + other.wrong, missed=self.missed + other.missed)


def load_inventory(path: Path) -> Inventory:
    return msgspec.json.decode(path.read_bytes(), type=Inventory)


def locate(inventory: Inventory, texts: dict[str, str]) -> list[Located]:
    """Find every keyword of every topic in its side's text (case-insensitive, all occurrences)."""
    located = []
    for topic in inventory.topics:
        spans: dict[str, list[tuple[int, int]]] = {}
        for side, keywords in topic.keywords.items():
            lowered = texts[side].lower()
            spans[side] = [span for k in keywords for span in _occurrences(lowered, k.lower())]
        located.append(Located(topic, spans))
    return located


def _occurrences(text: str, keyword: str) -> Iterable[tuple[int, int]]:
    start = text.find(keyword)
    while start >= 0 and keyword:
        yield start, start + len(keyword)
        start = text.find(keyword, start + 1)


def is_right(emphasis: Emphasis, start: int, end: int, topics: Sequence[Located]) -> bool:
    """Right when the claim's span overlaps a keyword of a topic this side stressed alone or more.

    An `opposed` emphasis is right only on a topic the annotator called opposed.
    """
    for located in topics:
        if not located.touches(emphasis.side, start, end):
            continue
        relation = located.topic.relation
        if emphasis.kind == "opposed":
            if relation == "opposed":
                return True
        elif relation in ("one-sided", "stronger") and located.topic.side == emphasis.side:
            return True
    return False


def tally(report: Report, topics: Sequence[Located], name: str = "") -> Tally:
    """Precision, recall and the rest of one report against one annotator's located topics."""
    spans = {c.id: (c.start, c.end) for c in report.claims}
    result = Tally(claims=len(report.claims))
    verdicts = [(e, is_right(e, *spans[e.claim_id], topics)) for e in report.emphases]
    for emphasis, right in verdicts:
        result.emphases += 1
        result.right += right
        if emphasis.kind == "opposed":
            result.opposed += 1
            result.opposed_right += right
        if not right:
            result.wrong.append(f"{name} {emphasis.claim_id} {emphasis.kind}: {emphasis.text}")
    for side in report.sides:
        ranked = sorted((v for v in verdicts if v[0].side == side), key=lambda v: -v[0].salience)
        result.top += len(ranked[:TOP])
        result.top_right += sum(right for _, right in ranked[:TOP])
    for located in topics:
        topic = located.topic
        if topic.relation not in ("one-sided", "stronger") or topic.side is None:
            continue
        hit = any(
            e.side == topic.side and located.touches(e.side, *spans[e.claim_id])
            for e in report.emphases
            if e.kind != "opposed"
        )
        if topic.relation == "stronger":
            result.stronger += 1
            result.stronger_found += hit
        elif not topic.uncertain:
            result.one_sided += 1
            result.found += hit
            if not hit:
                result.missed.append(f"{name} {topic.side}: {topic.topic}")
    return result


@dataclass(frozen=True)
class InventoryCase:
    """A dev pair, its two readouts and each annotator's located topics."""

    name: str
    readouts: tuple[Readout, Readout]
    annotators: dict[str, list[Located]]


def load_inventory_cases(root: Path, expectation: str = "expected.json") -> list[InventoryCase]:
    """Every pair under `root` with `expectation` and its inventories (inventory_A.json, ...;
    inventory_ko_A.json beside expected_ko.json)."""
    prefix = expectation.removeprefix("expected").removesuffix(".json")
    cases = []
    for case in load_cases(root, expectation):
        folder = root / case.name.split("/")[0]
        texts = {r.side: r.text for r in case.readouts}
        annotators = {
            path.stem.rsplit("_", 1)[1]: locate(load_inventory(path), texts)
            for path in sorted(folder.glob(f"inventory{prefix}_?.json"))
        }
        if annotators:
            cases.append(InventoryCase(case.name, case.readouts, annotators))
    return cases


def tallies(
    method: Callable[[Sequence[Readout]], Report], cases: Sequence[InventoryCase]
) -> dict[str, dict[str, Tally]]:
    """Per annotator, each pair's tally and their sum under "total"."""
    result: dict[str, dict[str, Tally]] = {}
    for case in cases:
        report = method(case.readouts)
        for annotator, topics in case.annotators.items():
            per_pair = result.setdefault(annotator, {"total": Tally()})
            per_pair[case.name] = tally(report, topics, case.name)
            per_pair["total"] = per_pair["total"].add(per_pair[case.name])
    return result


def mean_f1(found: dict[str, dict[str, Tally]]) -> float:
    """The calibration objective: F1 over all pairs, averaged over the annotators."""
    return sum(t["total"].f1 for t in found.values()) / len(found) if found else 0.0
