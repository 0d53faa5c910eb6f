"""Topics across languages: the same subject in a Japanese and an English readout is one topic."""

from __future__ import annotations

import msgspec
import pytest

from service.batch.trends.topics import find_topics
from service.pipeline import compare
from service.pipeline.embed import make_encoder
from service.pipeline.embed.routing import RoutingEncoder
from service.pipeline.types import Readout
from tests.conftest import PAIRS


@pytest.mark.slow
def test_a_japanese_emphasis_joins_the_english_topic_of_its_subject() -> None:
    encoder = RoutingEncoder(make_encoder("minilm-onnx-int8"), make_encoder("use"))
    meetings = [
        ("2021-07-23_motegi-blinken-call", "jp_ja.txt"),
        ("2022-01-06_hayashi-blinken-call", "jp.txt"),
        ("2022-05-23_blinken-hayashi-tokyo", "jp.txt"),
        ("2026-02-14_rubio-motegi-munich", "jp.txt"),
    ]
    reports = []
    for number, (folder, japan) in enumerate(meetings):
        pair = [
            Readout(side="US", text=(PAIRS / folder / "us.txt").read_text()),
            Readout(side="JP", text=(PAIRS / folder / japan).read_text()),
        ]
        report = compare(pair, encoder)
        reports.append(msgspec.structs.replace(report, id=f"m{number}"))
    model = find_topics(reports, encoder)
    japanese = next(
        t for t in model.topics for m in t.mentions if m.meeting == "m0" and "中国" in m.text
    )
    assert len(japanese.meetings()) > 1, (
        "the Japanese claim on China stands alone instead of joining the English China topic"
    )
