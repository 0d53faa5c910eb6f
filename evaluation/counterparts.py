"""Score what a report builds on claim pairs: its counterparts, strength gaps, attributions and
emphasis kinds, against the inventories and gaps files of fixtures/INVENTORY.md (the items
of the gaps files: gap_items.py)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import msgspec

from evaluation.counts import Ratio, Sums, f_score
from evaluation.gap_items import Gaps, LocatedItem, attribution_right, levels_read, locate_items
from evaluation.inventory import InventoryCase, Located, load_inventory_cases
from evaluation.scoring import BETA, FIXTURES, Method, mean
from service.pipeline.classify.calibration import OFF
from service.pipeline.types import Claim, Report

# Topics both readouts mention with a stance: what a counterpart should be found for.
TWO_SIDED = frozenset({"shared", "stronger", "opposed"})
# A right pair falls under one of these topics (or both its claims under boilerplate).
PAIRED = TWO_SIDED | {"boilerplate"}
# The strength-gap grids of bench/calibrate.py: levels apart on counterparts, then how close the
# matters of two stance claims that name one matter alike must score (same_matter.py), or off.
GAP_GRID: dict[str, list[float]] = {"gap_levels": [1.0, 2.0, 3.0]}
GAP_SIMILARITY_GRID: dict[str, list[float]] = {
    "gap_similarity": [*(round(0.20 + 0.025 * step, 3) for step in range(25)), OFF]
}


@dataclass
class PairTally(Sums):
    """One report, or the sum of several, against one annotator; the tallies add up."""

    match_precision: Ratio = field(default_factory=Ratio)  # matches about one matter
    topic_recall: Ratio = field(default_factory=Ratio)  # two-sided topics with a right pair
    kind_agreement: Ratio = field(default_factory=Ratio)  # emphases whose kind fits their topic
    strength_precision: Ratio = field(default_factory=Ratio)
    strength_recall: Ratio = field(default_factory=Ratio)
    attribution_precision: Ratio = field(default_factory=Ratio)
    attribution_recall: Ratio = field(default_factory=Ratio)
    wrong: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class CounterpartCase:
    """A dev pair with each annotator's located topics and (English pairs) located items."""

    case: InventoryCase
    items: dict[str, list[LocatedItem]]


def load_counterpart_cases(root: Path, expectation: str = "expected.json") -> list[CounterpartCase]:
    """The inventory cases of `expectation`; gaps_{A,B}.json are read for the English pairs only
    (their keywords quote the English texts)."""
    cases = []
    for case in load_inventory_cases(root, expectation):
        folder = root / case.name.split("/")[0]
        texts = {r.side: r.text for r in case.readouts}
        items: dict[str, list[LocatedItem]] = {}
        if expectation == "expected.json":
            for path in sorted(folder.glob("gaps_?.json")):
                gaps = msgspec.json.decode(path.read_bytes(), type=Gaps)
                items[path.stem.rsplit("_", 1)[1]] = locate_items(gaps, texts)
        cases.append(CounterpartCase(case, items))
    return cases


def _touches(topic: Located, claim: Claim) -> bool:
    return topic.touches(claim.side, claim.start, claim.end)


def right_pair(left: Claim, right: Claim, topics: Sequence[Located]) -> bool:
    """Both claims fall under one topic both readouts mention, or both under boilerplate."""
    if any(t.topic.relation in PAIRED and _touches(t, left) and _touches(t, right) for t in topics):
        return True
    boilerplate = [t for t in topics if t.topic.relation == "boilerplate"]
    return any(_touches(t, left) for t in boilerplate) and any(
        _touches(t, right) for t in boilerplate
    )


def tally(
    report: Report,
    topics: Sequence[Located],
    items: Sequence[LocatedItem] | None,
    name: str = "",
) -> PairTally:
    """The counterpart figures of one report against one annotator (gap figures only when the
    annotator's `items` are given)."""
    by_id = {c.id: c for c in report.claims}
    result = PairTally()
    pairs = [(by_id[m.claims[0]], by_id[m.claims[1]]) for m in report.matches]
    for left, right in pairs:
        ok = right_pair(left, right, topics)
        result.match_precision = result.match_precision.count(ok)
        if not ok:
            result.wrong.append(f"{name} match: {left.text[:70]!r} ~ {right.text[:70]!r}")
    for topic in topics:
        if topic.topic.relation not in TWO_SIDED:
            continue
        hit = any(_touches(topic, a) and _touches(topic, b) for a, b in pairs)
        result.topic_recall = result.topic_recall.count(hit)
        if not hit:
            result.missed.append(f"{name} no pair: {topic.topic.topic}")
    for emphasis in report.emphases:
        if emphasis.kind == "opposed":
            continue
        claim = by_id[emphasis.claim_id]
        own = [
            t.topic.relation
            for t in topics
            if t.topic.relation in ("one-sided", "stronger")
            and t.topic.side == claim.side
            and _touches(t, claim)
        ]
        if own:
            wanted = "one-sided" if emphasis.kind == "one-sided" else "stronger"
            result.kind_agreement = result.kind_agreement.count(wanted in own)
    if items is not None:
        _gaps(report, by_id, items, result, name)
    return result


def _gaps(
    report: Report,
    by_id: dict[str, Claim],
    items: Sequence[LocatedItem],
    result: PairTally,
    name: str,
) -> None:
    strength = [i for i in items if i.item.kind == "strength"]
    found: set[int] = set()
    for gap in report.strength_gaps:
        left, right = (by_id[i] for i in gap.claims)
        stronger = left.side if gap.levels[0] > gap.levels[1] else right.side
        hits = {
            n
            for n, i in enumerate(strength)
            if i.touches(left.side, left)
            and i.touches(right.side, right)
            and i.item.stronger_side == stronger
        }
        found |= hits
        result.strength_precision = result.strength_precision.count(bool(hits))
        if not hits:
            result.wrong.append(f"{name} gap: {gap.predicates} {left.text[:50]!r}")
    for n, item in enumerate(strength):
        result.strength_recall = result.strength_recall.count(n in found)
        if n not in found:
            result.missed.append(f"{name} gap missed: {levels_read(item, by_id)}")
    told = [i for i in items if i.item.kind != "strength"]
    found = set()
    for attribution in report.attributions:
        hits = {n for n, i in enumerate(told) if attribution_right(attribution, i, by_id)}
        found |= hits
        result.attribution_precision = result.attribution_precision.count(bool(hits))
        if not hits:
            result.wrong.append(f"{name} {attribution.kind}: {attribution.quote.text[:70]!r}")
    for n in range(len(told)):
        result.attribution_recall = result.attribution_recall.count(n in found)


Scores = dict[str, dict[str, PairTally]]


def counterpart_tallies(
    method: Method,
    cases: Sequence[CounterpartCase],
) -> Scores:
    """Per annotator, each pair's tally and their sum under "total"."""
    result: Scores = {}
    for case in cases:
        report = method(case.case.readouts)
        for annotator, topics in case.case.annotators.items():
            items = case.items.get(annotator) if case.items else None
            per_pair = result.setdefault(annotator, {"total": PairTally()})
            per_pair[case.case.name] = tally(report, topics, items, case.case.name)
            per_pair["total"] = per_pair["total"].add(per_pair[case.case.name])
    return result


def mean_of(scores: Scores, figure: str) -> float:
    """One figure of the totals, averaged over the annotators."""
    return mean(scores, figure)


def counterpart_cases(language: str = "en") -> list[CounterpartCase]:
    """The dev pairs of one kind: "en" (both English), "ko" or "ja" (one readout in Korean or
    Japanese)."""
    expectation = "expected.json" if language == "en" else f"expected_{language}.json"
    return load_counterpart_cases(FIXTURES / "pairs", expectation)


def case_name(case: CounterpartCase) -> str:
    return case.case.name


def f_half(precision: Ratio | float, recall: Ratio | float) -> float:
    """F0.5 of a precision and a recall: precision weighs twice."""
    return f_score(precision, recall, BETA)


def match_objective(scores: Scores) -> tuple[float, float]:
    """Mean over annotators of F0.5 of match precision and two-sided recall (precision weighs
    twice: every pair is shown as a counterpart), then of kind agreement to break ties."""
    totals = [per_pair["total"] for per_pair in scores.values()]
    return (
        sum(f_half(t.match_precision, t.topic_recall) for t in totals) / len(totals),
        sum(float(t.kind_agreement) for t in totals) / len(totals),
    )


def gap_objective(scores: Scores) -> float:
    """Mean over annotators of F0.5 of strength-gap precision and recall."""
    totals = [per_pair["total"] for per_pair in scores.values()]
    return sum(f_half(t.strength_precision, t.strength_recall) for t in totals) / len(totals)
