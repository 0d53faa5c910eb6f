"""Batch test helpers: the fixture batches and meetings made from the real readouts."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import ROOT

BATCHES = ROOT / "fixtures" / "batches"
HISTORY = BATCHES / "history.jsonl"
WITH_ERRORS = BATCHES / "with_errors.jsonl"


def history() -> list[dict[str, object]]:
    return [json.loads(line) for line in HISTORY.read_text(encoding="utf-8").splitlines()]


def numbered_meetings(count: int) -> list[dict[str, object]]:
    """`count` distinct meetings: the real pairs in turn, each side with a numbered closing line."""
    bodies = history()
    out = []
    for number in range(count):
        body = json.loads(json.dumps(bodies[number % len(bodies)]))
        body["title"] = f"{body['title']} #{number}"
        for readout in body["readouts"]:
            readout["text"] += f"\nThe ministers held session number {number} of the talks.\n"
        out.append(body)
    return out


def write_jsonl(path: Path, bodies: list[dict[str, object]]) -> Path:
    path.write_text("".join(json.dumps(b) + "\n" for b in bodies), encoding="utf-8")
    return path
