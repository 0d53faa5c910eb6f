"""Run a comparison method over fixture cases and score it; shared by calibration and benches."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from service.pipeline import claims_of, compare
from service.pipeline.calibration import Calibration
from service.pipeline.embed import Encoder
from service.pipeline.types import Readout, Report
from service.quality import Case, Score, load_cases, score

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
Method = Callable[[Sequence[Readout]], Report]
FLAGGING_CHARGE = 0.05


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
        return self.score.recall - self.score.false_flag_rate - FLAGGING_CHARGE * self.flagged_share

    def table_row(self, name: str, threshold: float, *extra: str) -> str:
        """A Markdown row: method, threshold, recall, false-flag rate, share flagged, extras."""
        s = self.score
        cells = [
            name,
            f"{threshold:.2f}",
            f"{s.recall:.2f} ({s.found}/{s.expected})",
            f"{s.false_flag_rate:.2f} ({s.false_flags}/{s.shared_checks})",
            f"{self.flagged_share:.2f}",
            *extra,
        ]
        return "| " + " | ".join(cells) + " |"


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
        texts.extend(c.text for c in claims_of(readout))
    return [round(float(v), 6) for v in encoder.encode(texts).mean(axis=0)]


def english_cases() -> list[Case]:
    return load_cases(FIXTURES / "pairs", "expected.json")


def cross_language_cases() -> list[Case]:
    """Pairs of an English readout and one in another language (expected_ko.json, ...)."""
    cases: list[Case] = []
    for expectation in ("expected_ko.json", "expected_ja.json", "expected_zh.json"):
        cases.extend(load_cases(FIXTURES / "pairs", expectation))
    return cases
