"""History of an emphasis: only earlier meetings of the same two sides count, once per day."""

from __future__ import annotations

from pathlib import Path

from service.comparisons import ComparisonRequest, Comparisons
from service.pipeline.embed import FakeEncoder
from service.pipeline.types import Readout
from service.render import render
from service.store import Store

TAIWAN = "The Secretary stressed peace and stability across the Taiwan Strait in the region."
ALLIANCE = "The two ministers reaffirmed the strength of the alliance between the two countries."
OTHER = "The Foreign Minister explained the new government's priorities for the economy."


def _submit(
    comparisons: Comparisons, date: str, us: str, kr: str, sides: tuple[str, str] = ("US", "KR")
) -> str:
    report = comparisons.submit(
        ComparisonRequest(
            [Readout(side=sides[0], text=us), Readout(side=sides[1], text=kr)], date=date
        )
    )
    assert report.id is not None
    return report.id


def test_only_earlier_meetings_of_the_same_sides_count_once_per_day(tmp_path: Path) -> None:
    store = Store(tmp_path / "db.sqlite")
    store.migrate()
    comparisons = Comparisons(store, FakeEncoder())
    _submit(comparisons, "2024-01-10", TAIWAN + " " + ALLIANCE, OTHER + " " + ALLIANCE)
    _submit(comparisons, "2024-01-10", TAIWAN + " " + ALLIANCE, OTHER + " " + ALLIANCE)  # twice
    _submit(comparisons, "2024-06-01", ALLIANCE, OTHER + " " + ALLIANCE)
    _submit(comparisons, "2024-03-01", TAIWAN, OTHER, sides=("US", "JP"))  # another counterpart
    _submit(comparisons, "2026-01-01", TAIWAN, OTHER)  # later
    latest = _submit(comparisons, "2025-07-31", TAIWAN + " " + ALLIANCE, OTHER + " " + ALLIANCE)
    report = comparisons.get(latest)
    claims = {c.id: c for c in report.claims}
    (taiwan,) = [p for p in report.history if "Taiwan" in claims[p.claim_id].text]
    assert (taiwan.side, taiwan.counterpart, taiwan.meetings) == ("US", "KR", 2)
    assert taiwan.carried == 1 and taiwan.dates == ["2024-01-10"]
    assert "earlier: in 1 of the last 2 US readouts with KR (2024-01-10)" in render(report, "text")
    assert "earlier: in 1 of the last 2 US readouts with KR" in render(report, "md")
    assert "in 1 of the last 2 US readouts with KR" in render(report, "html")
    store.close()


def test_a_first_meeting_has_no_history(tmp_path: Path) -> None:
    store = Store(tmp_path / "db.sqlite")
    store.migrate()
    comparisons = Comparisons(store, FakeEncoder())
    first = _submit(comparisons, "2025-07-31", TAIWAN + " " + ALLIANCE, OTHER)
    assert comparisons.get(first).history == []
    store.close()
