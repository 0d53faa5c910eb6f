"""History kept with the stored report: a read does no pipeline work, and the history follows
the meetings of the same sides as they are stored, stored out of order, or deleted."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

import msgspec
import numpy as np
import pytest

from service.comparisons import ComparisonRequest, Comparisons
from service.pipeline.embed import Encoder, FakeEncoder
from service.pipeline.types import Readout
from service.store import ComparisonQuery, Store
from tests.pipeline.test_history import ALLIANCE, OTHER, TAIWAN


class CountingEncoder(FakeEncoder):
    """A FakeEncoder that counts the texts it is asked to embed."""

    def __init__(self) -> None:
        super().__init__()
        self.texts = 0

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        self.texts += len(texts)
        return super().encode(texts)

    def routes(self) -> tuple[Encoder, ...]:
        return (self,)


@pytest.fixture
def comparisons(tmp_path: Path) -> Iterator[Comparisons]:
    store = Store(tmp_path / "db.sqlite")
    yield Comparisons(store, CountingEncoder())
    store.close()


def _submit(comparisons: Comparisons, date: str, us: str, kr: str = OTHER) -> str:
    readouts = [Readout(side="US", text=us), Readout(side="KR", text=kr)]
    report = comparisons.submit(ComparisonRequest(readouts, date=date))
    assert report.id is not None
    return report.id


def _taiwan(comparisons: Comparisons, comparison_id: str) -> tuple[int, int, list[str]]:
    report = comparisons.get(comparison_id)
    claims = {c.id: c.text for c in report.claims}
    (found,) = [p for p in report.history if "Taiwan" in claims[p.claim_id]]
    return found.carried, found.meetings, found.dates


def test_a_read_embeds_nothing(comparisons: Comparisons) -> None:
    _submit(comparisons, "2024-01-10", TAIWAN)
    latest = _submit(comparisons, "2025-07-31", TAIWAN + " " + ALLIANCE)
    encoder = comparisons.encoder
    assert isinstance(encoder, CountingEncoder)
    before = encoder.texts
    assert _taiwan(comparisons, latest) == (1, 1, ["2024-01-10"])
    assert encoder.texts == before, "GET embedded texts: history was computed on reading"


def test_an_earlier_meeting_stored_later_updates_the_later_one(comparisons: Comparisons) -> None:
    latest = _submit(comparisons, "2025-07-31", TAIWAN + " " + ALLIANCE)
    assert comparisons.get(latest).history == []
    _submit(comparisons, "2024-01-10", TAIWAN)
    assert _taiwan(comparisons, latest) == (1, 1, ["2024-01-10"])
    older = _submit(comparisons, "2023-05-01", ALLIANCE)
    assert _taiwan(comparisons, latest) == (1, 2, ["2024-01-10"])
    comparisons.delete(older)
    assert _taiwan(comparisons, latest) == (1, 1, ["2024-01-10"])


def test_a_meeting_beyond_the_last_five_leaves_the_later_one_alone(
    comparisons: Comparisons,
) -> None:
    latest = _submit(comparisons, "2025-07-31", TAIWAN + " " + ALLIANCE)
    for month in range(1, 6):
        _submit(comparisons, f"2025-0{month}-01", ALLIANCE)
    stored = comparisons.store.get_comparison(latest)
    assert stored is not None
    _submit(comparisons, "2020-01-01", TAIWAN)  # a sixth, older than the five it keeps
    again = comparisons.store.get_comparison(latest)
    assert again is not None and again.report == stored.report


def test_a_report_stored_before_history_was_kept_gets_it_on_its_first_read(
    comparisons: Comparisons,
) -> None:
    _submit(comparisons, "2024-01-10", TAIWAN)
    latest = _submit(comparisons, "2025-07-31", TAIWAN + " " + ALLIANCE)
    stored = comparisons.store.get_comparison(latest)
    assert stored is not None
    bare = msgspec.json.encode(
        msgspec.structs.replace(comparisons.get(latest), history=[])
    ).decode()
    comparisons.store.write(
        lambda db: db.execute(
            "UPDATE comparisons SET report = ?, history_stored = 0 WHERE id = ?", (bare, latest)
        )
    )
    assert _taiwan(comparisons, latest) == (1, 1, ["2024-01-10"])
    kept = comparisons.store.get_comparison(latest)
    assert kept is not None and kept.history_stored


def test_the_home_list_counts_meetings_not_copies_across_pages(comparisons: Comparisons) -> None:
    for day in range(1, 6):
        for title in (None, f"Meeting {day}"):  # each meeting stored twice, once with a title
            readouts = [Readout("US", f"{TAIWAN} Day {day}."), Readout("KR", OTHER)]
            comparisons.submit(ComparisonRequest(readouts, title=title, date=f"2025-01-0{day}"))
    query = ComparisonQuery(limit=2, by_meeting_date=True, one_per_meeting=True)
    pages = [comparisons.page(msgspec.structs.replace(query, offset=o)) for o in (0, 2, 4)]
    assert [total for _, total in pages] == [5, 5, 5]
    titles = [row.title for rows, _ in pages for row in rows]
    assert titles == [f"Meeting {day}" for day in range(5, 0, -1)]
    assert comparisons.page(ComparisonQuery(limit=20))[1] == 10, "each copy is still stored"
