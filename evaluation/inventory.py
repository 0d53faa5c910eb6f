"""Score reports against complete topic inventories by character spans (fixtures/INVENTORY.md)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import msgspec

from evaluation.counts import Ratio, Sums, f_score, share
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
        return overlaps(self.spans.get(side, ()), start, end)


def overlaps(spans: Iterable[tuple[int, int]], start: int, end: int) -> bool:
    """Whether [start, end) overlaps any of `spans`: a claim under a keyword."""
    return any(s < end and start < e for s, e in spans)


@dataclass
class Tally(Sums):
    """One report, or the sum of several, against an annotator's inventory; they add up."""

    precision: Ratio = field(default_factory=Ratio)  # right emphases out of all emphases
    recall: Ratio = field(default_factory=Ratio)  # one-sided topics found, of the certain ones
    top_precision: Ratio = field(default_factory=Ratio)  # right among each side's top 3
    stronger_recall: Ratio = field(default_factory=Ratio)  # "stronger" topics found
    opposed: Ratio = field(default_factory=Ratio)  # opposed emphases right, of all opposed ones
    flagged_share: Ratio = field(default_factory=share)  # emphases out of claims
    wrong: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)

    @property
    def f1(self) -> float:
        return f_score(self.precision, self.recall, 1.0)


def load_inventory(path: Path) -> Inventory:
    return msgspec.json.decode(path.read_bytes(), type=Inventory)


def locate(inventory: Inventory, texts: dict[str, str]) -> list[Located]:
    """Find every keyword of every topic in its side's text (case-insensitive, all occurrences)."""
    located = []
    for topic in inventory.topics:
        spans: dict[str, list[tuple[int, int]]] = {}
        for side, keywords in topic.keywords.items():
            spans[side] = keyword_spans(texts[side], keywords)
        located.append(Located(topic, spans))
    return located


def keyword_spans(text: str, keywords: Sequence[str]) -> list[tuple[int, int]]:
    """Every occurrence of each keyword in `text`, case-insensitive, keyword by keyword."""
    lowered = text.lower()
    return [span for k in keywords for span in _occurrences(lowered, k.lower())]


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
    verdicts = [(e, is_right(e, *spans[e.claim_id], topics)) for e in report.emphases]
    result = Tally(flagged_share=Ratio(len(verdicts), len(report.claims), empty=0.0))
    for emphasis, right in verdicts:
        result.precision = result.precision.count(right)
        if emphasis.kind == "opposed":
            result.opposed = result.opposed.count(right)
        if not right:
            result.wrong.append(f"{name} {emphasis.claim_id} {emphasis.kind}: {emphasis.text}")
    for side in report.sides:
        ranked = sorted((v for v in verdicts if v[0].side == side), key=lambda v: -v[0].salience)
        for _, right in ranked[:TOP]:
            result.top_precision = result.top_precision.count(right)
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
            result.stronger_recall = result.stronger_recall.count(hit)
        elif not topic.uncertain:
            result.recall = result.recall.count(hit)
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
