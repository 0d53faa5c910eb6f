"""Run a comparison method over fixture cases and score it; shared by calibration and benches."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from evaluation.counts import f_score
from evaluation.expectations import Case, Score, load_cases, score
from evaluation.inventory import InventoryCase, Tally, load_inventory_cases
from service.pipeline import compare, side_of
from service.pipeline.classify.calibration import Calibration
from service.pipeline.embed import Encoder
from service.pipeline.types import Readout, Report

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
Method = Callable[[Sequence[Readout]], Report]
FLAGGING_CHARGE = 0.05
# The objective weighs precision twice as much as recall (F-beta, beta 0.5): an analyst reads
# every flag, so a wrong one costs more than a topic found one rank lower.
BETA = 0.5
Scores = dict[str, dict[str, Tally]]


@dataclass(frozen=True)
class Evaluation:
    """A method's pooled score over cases, and the share of claims it flagged."""

    score: Score
    flagged_share: float

    @property
    def objective(self) -> float:
        """Recall minus false-flag rate, minus a charge for flagging much of the readouts.

        A report that flags every claim tells the reader nothing, so each point of claims
        flagged costs 0.05 points: a tie-breaker that never outweighs one missed topic.
        """
        recall, false_flags = float(self.score.recall), float(self.score.false_flag_rate)
        return recall - false_flags - FLAGGING_CHARGE * self.flagged_share

    def table_row(self, name: str, threshold: float, *extra: str) -> str:
        """A Markdown row: method, threshold, recall, false-flag rate, share flagged, extras."""
        s = self.score
        cells = [
            name,
            f"{threshold:.2f}",
            s.recall.shown(),
            s.false_flag_rate.shown(),
            f"{self.flagged_share:.2f}",
            *extra,
        ]
        return "| " + " | ".join(cells) + " |"


def f_beta(tally: Tally, beta: float = BETA) -> float:
    return f_score(tally.precision, tally.recall, beta)


def objective(scores: Scores) -> tuple[float, float]:
    """Mean over annotators of F0.5, then of top-3 precision to break ties (the grid search,
    evaluation/fitting.py, compares them to four decimals)."""
    totals = [per_pair["total"] for per_pair in scores.values()]
    return (
        sum(f_beta(t) for t in totals) / len(totals),
        sum(float(t.top_precision) for t in totals) / len(totals),
    )


def mean(scores: Mapping[str, Mapping[str, object]], figure: str) -> float:
    """One figure of the totals (precision, recall, f1, ...), averaged over the annotators."""
    totals = [per_pair["total"] for per_pair in scores.values()]
    return sum(float(getattr(t, figure)) for t in totals) / len(totals)


def calibrated_method(encoder: Encoder) -> Callable[[Calibration], Method]:
    """The pipeline with `encoder`, as a function of its calibration (for grid searches)."""
    return lambda calibration: pipeline_method(encoder, calibration)


def inventory_cases(cross_language: bool = False) -> list[InventoryCase]:
    """The dev pairs with their annotators' inventories: English pairs, or pairs of an English
    readout and one in another language."""
    names = ("expected_ko.json", "expected_ja.json", "expected_zh.json")
    return [
        case
        for name in (names if cross_language else ("expected.json",))
        for case in load_inventory_cases(FIXTURES / "pairs", name)
    ]


def evaluate(method: Method, cases: Sequence[Case]) -> Evaluation:
    total = Score()
    flagged = claims = 0
    for case in cases:
        report = method(case.readouts)
        total = total.add(score(report, case.expected, case.name.split("/")[0]))
        flagged += len(report.emphases)
        claims += len(report.claims)
    return Evaluation(total, flagged / claims if claims else 0.0)


def pipeline_method(encoder: Encoder, calibration: Calibration) -> Method:
    return lambda readouts: compare(readouts, encoder, calibration=calibration)


def background_vector(encoder: Encoder, folder: Path = FIXTURES / "singles") -> list[float]:
    """Mean claim embedding over single-side readouts: the direction all readouts share."""
    texts: list[str] = []
    for path in sorted(folder.glob("*.txt")):
        readout = Readout(side="X", text=path.read_text(encoding="utf-8"))
        texts.extend(c.text for c in side_of(readout).claims)
    return [round(float(v), 6) for v in encoder.encode(texts).mean(axis=0)]


def english_cases() -> list[Case]:
    return load_cases(FIXTURES / "pairs", "expected.json")


def cross_language_cases() -> list[Case]:
    """Pairs of an English readout and one in another language (expected_ko.json, ...)."""
    cases: list[Case] = []
    for expectation in ("expected_ko.json", "expected_ja.json", "expected_zh.json"):
        cases.extend(load_cases(FIXTURES / "pairs", expectation))
    return cases
