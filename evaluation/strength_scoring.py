"""The strength scale scored against the hand-labelled claims of fixtures/strength/labels.json."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from service.pipeline.prepare import Side, side_of
from service.pipeline.readings import LEVEL_NAMES, claim_predicate
from service.pipeline.types import Readout

ROOT = Path(__file__).resolve().parents[1] / "fixtures"
LABELS = ROOT / "strength" / "labels.json"


@dataclass(frozen=True)
class Graded:
    """One labelled claim: its text, the hand label and the scale's level (None: no stance)."""

    file: str
    text: str
    label: int | None
    predicted: int | None
    predicate: str | None


@cache
def _side(file: str) -> Side:
    return side_of(Readout(side="X", text=(ROOT / "pairs" / file).read_text(encoding="utf-8")))


def graded_labels(path: Path = LABELS) -> list[Graded]:
    """Every labelled claim with the level the scale gives it; KeyError if a claim is not found."""
    result = []
    for row in json.loads(path.read_text(encoding="utf-8")):
        side = _side(row["file"])
        (claim,) = [c for c in side.claims if " ".join(c.text.split()).startswith(row["claim"])]
        found = claim_predicate(claim.text, side.language, side.morphemes.get(claim.id))
        result.append(
            Graded(
                file=row["file"],
                text=claim.text,
                label=row["level"],
                predicted=found.level if found else None,
                predicate=found.text if found else None,
            )
        )
    return result


@dataclass(frozen=True)
class LevelScore:
    level: int | None
    name: str
    labelled: int
    predicted: int
    correct: int

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.correct / self.labelled if self.labelled else 0.0


def per_level(rows: list[Graded]) -> list[LevelScore]:
    """Precision and recall of each level, and of "no stance" (None)."""
    levels: list[int | None] = [*LEVEL_NAMES, None]
    return [
        LevelScore(
            level=level,
            name=LEVEL_NAMES.get(level, "no stance") if level else "no stance",
            labelled=sum(r.label == level for r in rows),
            predicted=sum(r.predicted == level for r in rows),
            correct=sum(r.label == level == r.predicted for r in rows),
        )
        for level in levels
    ]


def accuracy(rows: list[Graded]) -> float:
    return sum(r.label == r.predicted for r in rows) / len(rows)
