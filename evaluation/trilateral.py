"""Score a report of three or more readouts against a meeting's gold topics
(fixtures/trilateral/*/gold.json, ANNOTATION.md beside it): `carried`, `only_one` and
`all_but_one`, each as precision and recall, matched by character spans as the inventories are."""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import permutations
from pathlib import Path
from typing import Literal

import msgspec

from evaluation.counts import Ratio
from evaluation.inventory import keyword_spans, overlaps
from service.pipeline.types import Claim, Readout, Report

Kind = Literal["matter", "boilerplate"]
FIGURES = (
    "carried_precision",
    "carried_recall",
    "only_one_precision",
    "only_one_recall",
    "all_but_one_precision",
    "all_but_one_recall",
)


class GoldTopic(msgspec.Struct, frozen=True):
    """A matter (or the boilerplate) of the meeting: the sides that state it, those that may
    (`uncertain`: a related statement, or a cut-off text), and verbatim keywords per side."""

    topic: str
    kind: Kind
    sides: list[str]
    uncertain: list[str]
    keywords: dict[str, list[str]]
    note: str = ""

    @property
    def certain(self) -> bool:
        return self.kind == "matter" and not self.uncertain


class Gold(msgspec.Struct, frozen=True):
    meeting: str
    date: str
    sides: list[str]
    files: dict[str, str]
    topics: list[GoldTopic]


@dataclass(frozen=True)
class Meeting:
    """A gold file with its readouts, each topic's keyword spans per side."""

    gold: Gold
    texts: dict[str, str]
    spans: list[dict[str, list[tuple[int, int]]]]

    def readouts(self) -> list[Readout]:
        return [Readout(side=s, text=self.texts[s]) for s in self.gold.sides]

    def touches(self, n: int, claim: Claim) -> bool:
        return overlaps(self.spans[n].get(claim.side, ()), claim.start, claim.end)


@dataclass
class Scores:
    """Each figure as hits out of a total, with what was missed and what was wrong."""

    ratios: dict[str, Ratio] = field(default_factory=lambda: {f: Ratio() for f in FIGURES})
    missed: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)

    def count(self, figure: str, hit: bool, what: str) -> None:
        self.ratios[figure] = self.ratios[figure].count(hit)
        if not hit:
            (self.missed if figure.endswith("recall") else self.wrong).append(f"{figure}: {what}")


def load_meeting(folder: Path) -> Meeting:
    gold = msgspec.json.decode((folder / "gold.json").read_bytes(), type=Gold)
    texts = {s: (folder / f).read_text(encoding="utf-8") for s, f in gold.files.items()}
    spans = [
        {side: keyword_spans(texts[side], words) for side, words in topic.keywords.items()}
        for topic in gold.topics
    ]
    return Meeting(gold, texts, spans)


def score(report: Report, meeting: Meeting) -> Scores:
    """Every figure of FIGURES for one report of the meeting's readouts."""
    claims = {c.id: c for c in report.claims}
    topics = meeting.gold.topics
    found = Scores()
    # carried: each (claim, carrier, counterpart) right when one topic covers both claims
    for entry in report.carried or []:
        for side, other in zip(entry.carried_by, entry.counterparts, strict=True):
            a, b = claims[entry.claim_id], claims[other]
            right = any(
                {a.side, b.side} <= {*t.sides, *t.uncertain}
                and meeting.touches(n, a)
                and meeting.touches(n, b)
                for n, t in enumerate(topics)
            )
            found.count("carried_precision", right, f"{a.text!r} carried by {side} {b.text!r}")
    for n, topic in enumerate(topics):
        if topic.kind != "matter":
            continue
        for x, y in permutations(topic.sides, 2):
            hit = any(
                entry.side == x
                and meeting.touches(n, claims[entry.claim_id])
                and any(
                    s == y and meeting.touches(n, claims[c])
                    for s, c in zip(entry.carried_by, entry.counterparts, strict=True)
                )
                for entry in report.carried or []
            )
            found.count("carried_recall", hit, f"{topic.topic}: {x} carried by {y}")
    _only_one(report, meeting, claims, found)
    _all_but_one(report, meeting, claims, found)
    return found


def _only_one(report: Report, meeting: Meeting, claims: dict[str, Claim], found: Scores) -> None:
    topics = meeting.gold.topics
    listed = [claims[i] for i in report.only_one or []]
    for claim in listed:
        right = any(
            t.kind == "matter" and set(t.sides) <= {claim.side} and meeting.touches(n, claim)
            for n, t in enumerate(topics)
        )
        found.count("only_one_precision", right, f"{claim.side} {claim.text!r}")
    for n, topic in enumerate(topics):
        if topic.certain and len(topic.sides) == 1:
            hit = any(c.side == topic.sides[0] and meeting.touches(n, c) for c in listed)
            found.count("only_one_recall", hit, f"{topic.topic} ({topic.sides[0]})")


def _all_but_one(report: Report, meeting: Meeting, claims: dict[str, Claim], found: Scores) -> None:
    topics, everyone = meeting.gold.topics, set(meeting.gold.sides)
    entries = report.all_but_one or []

    def covers(n: int, claim_ids: list[str]) -> bool:
        return all(meeting.touches(n, claims[i]) for i in claim_ids)

    for entry in entries:
        right = any(
            t.kind == "matter" and entry.left_out not in t.sides and covers(n, entry.claim_ids)
            for n, t in enumerate(topics)
        )
        found.count("all_but_one_precision", right, f"{entry.text!r} (not {entry.left_out})")
    for n, topic in enumerate(topics):
        if topic.certain and len(topic.sides) == len(everyone) - 1:
            (out,) = everyone - set(topic.sides)
            hit = any(
                e.left_out == out and set(e.sides) == set(topic.sides) and covers(n, e.claim_ids)
                for e in entries
            )
            found.count("all_but_one_recall", hit, f"{topic.topic} (not {out})")


def naive(report: Report, meeting: Meeting) -> dict[str, Ratio]:
    """The naive recipe: every non-framing claim listed as said by its side only."""
    only = msgspec.structs.replace(
        report, only_one=[c.id for c in report.claims if c.verdict != "framing"]
    )
    ratios = score(only, meeting).ratios
    return {f: ratios[f] for f in ("only_one_precision", "only_one_recall")}
