"""Speaker detection scored against the hand-labelled claims in fixtures/speakers/labels.json."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from evaluation.scoring import FIXTURES
from service.pipeline import side_of
from service.pipeline.readings import speakers
from service.pipeline.types import Readout

LABELS = FIXTURES / "speakers" / "labels.json"
SPEAKERS = ("both", "self", "other", "unknown")


@dataclass(frozen=True)
class LabelScore:
    label: str
    precision: float
    recall: float
    support: int


@dataclass(frozen=True)
class SpeakerScore:
    """Per label precision and recall, the share right overall, and each (label, found) pair."""

    labels: list[LabelScore]
    accuracy: float
    total: int
    confusion: Counter[tuple[str, str]]


def labelled_pairs(path: Path = LABELS) -> list[tuple[str, str, str]]:
    """(claim text, label, detected speaker) for every labelled claim."""
    data = json.loads(path.read_text(encoding="utf-8"))
    out: list[tuple[str, str, str]] = []
    for entry in data["readouts"]:
        own = side_of(Readout("A", (FIXTURES / entry["file"]).read_text(encoding="utf-8")))
        other = (
            side_of(Readout("B", (FIXTURES / entry["counterpart"]).read_text(encoding="utf-8")))
            if entry["counterpart"]
            else None
        )
        found = speakers(own.claims, other.claims if other else [])
        for start, label in entry["claims"]:
            claim = next((c for c in own.claims if c.text.startswith(start)), None)
            if claim is None:
                raise ValueError(f"{entry['file']}: no claim starts with {start!r}")
            out.append((claim.text, label, found.of[claim.id]))
    return out


def score(path: Path = LABELS) -> SpeakerScore:
    pairs = labelled_pairs(path)
    confusion = Counter((label, found) for _, label, found in pairs)
    labels = []
    for label in SPEAKERS:
        found = sum(n for (_, f), n in confusion.items() if f == label)
        support = sum(n for (t, _), n in confusion.items() if t == label)
        right = confusion[(label, label)]
        labels.append(
            LabelScore(
                label, right / found if found else 0.0, right / support if support else 0.0, support
            )
        )
    right = sum(n for (t, f), n in confusion.items() if t == f)
    return SpeakerScore(labels, right / len(pairs), len(pairs), confusion)
