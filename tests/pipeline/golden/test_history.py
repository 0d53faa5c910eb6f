"""Is it new? The 2025-07-31 emphases against what each side said on 2024-02-28, real model."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from service.comparisons import Comparisons
from service.pipeline.embed import make_encoder
from service.pipeline.types import Report
from service.store import ComparisonQuery, Store
from tests.conftest import PAIRS, ROOT

pytestmark = pytest.mark.slow
LABELS = json.loads((ROOT / "fixtures" / "history" / "2025-07-31_rubio-cho-hyun.json").read_text())


def scored(report: Report) -> list[tuple[bool, bool]]:
    """(labelled carried, found carried) for every labelled claim that is still an emphasis."""
    claims = {c.id: c for c in report.claims}
    found = {claims[p.claim_id].text: p.carried > 0 for p in report.history}
    pairs = []
    for label in LABELS["emphases"]:
        now = [v for text, v in found.items() if text.startswith(label["starts"])]
        pairs.extend((label["carried"], carried) for carried in now[:1])
    return pairs


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Report:
    store = Store(Path(tmp_path_factory.mktemp("history")) / "db.sqlite")
    store.migrate()
    comparisons = Comparisons(store, make_encoder("minilm-onnx-int8"))
    comparisons.load_examples(PAIRS)
    (row,) = [r for r in comparisons.page(ComparisonQuery())[0] if r.date == "2025-07-31"]
    found = comparisons.get(row.id)
    store.close()
    return found


def test_every_emphasis_is_checked_against_the_one_earlier_meeting(report: Report) -> None:
    assert len(report.history) == len(report.emphases)
    assert {(p.meetings, tuple(p.dates)) for p in report.history} <= {(1, ()), (1, ("2024-02-28",))}


def test_taiwan_strait_is_new_for_the_us(report: Report) -> None:
    claims = {c.id: c for c in report.claims}
    (taiwan,) = [p for p in report.history if "Taiwan Strait" in claims[p.claim_id].text]
    assert taiwan.side == "US" and taiwan.carried == 0 and taiwan.counterpart == "KR"


def test_new_and_carried_agree_with_the_labels(report: Report) -> None:
    pairs = scored(report)
    assert len(pairs) >= 10, pairs  # most labelled claims are still emphases
    flagged_new = [label for label, found in pairs if not found]
    accuracy = sum(label == found for label, found in pairs) / len(pairs)
    assert sum(not label for label in flagged_new) / len(flagged_new) >= 0.85, pairs
    assert accuracy >= 0.85, pairs
