"""A batch chunk that mixes English and Korean meetings embeds each with its own encoder."""

from __future__ import annotations

from pathlib import Path

import msgspec

from service.batch.inputs import read_items
from service.batch.runners.local import RunStats, run_items
from service.pipeline import compare
from service.pipeline.embed import FakeEncoder
from service.pipeline.embed.routing import RoutingEncoder
from tests.batch.conftest import write_jsonl
from tests.conftest import RUBIO_CHO


def body(title: str, korean: bool) -> dict[str, object]:
    other = (RUBIO_CHO / ("kr_ko.txt" if korean else "kr.txt")).read_text()
    return {
        "title": title,
        "readouts": [
            {"side": "US", "text": (RUBIO_CHO / "us.txt").read_text()},
            {"side": "KR", "text": other},
        ],
    }


def test_each_meeting_gets_the_encoder_of_its_languages(tmp_path: Path) -> None:
    bodies = [body("english", False), body("korean", True), body("english again", False)]
    items = read_items(write_jsonl(tmp_path / "b.jsonl", bodies))
    english, multilingual = FakeEncoder(name="fake-en"), FakeEncoder(name="fake-multi")
    stats = RunStats()
    outcomes = list(run_items(items, RoutingEncoder(english, multilingual), chunk=3, stats=stats))
    assert [o.outcome.model.encoder for o in outcomes if o.outcome] == [
        "fake-en",
        "fake-multi",
        "fake-en",
    ]
    assert english.calls == 1 and stats.encoder_calls == 2
    for item, outcome in zip(items, outcomes, strict=True):
        assert item.body is not None and outcome.outcome is not None
        alone = compare(
            item.body.readouts,
            RoutingEncoder(FakeEncoder(name="fake-en"), FakeEncoder(name="fake-multi")),
            title=item.body.title,
        )
        alone = msgspec.structs.replace(alone, id=item.key)
        assert msgspec.json.encode(outcome.outcome) == msgspec.json.encode(alone)
