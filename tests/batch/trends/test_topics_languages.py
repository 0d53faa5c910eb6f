"""Topics across languages: the same subject in a Japanese and an English readout is one topic."""

from __future__ import annotations

import msgspec
import numpy as np
import pytest

from service.batch.trends import topics
from service.batch.trends.topics import find_topics
from service.pipeline import compare
from service.pipeline.embed import make_encoder
from service.pipeline.embed.routing import RoutingEncoder
from service.pipeline.types import Readout
from tests.conftest import PAIRS


def _claim(text: str, language: str, terms: dict[str, tuple[str, ...]]) -> topics._Claim:
    return topics._Claim(("m", "X"), text, language, terms, {})


def test_two_languages_are_compared_by_meaning_alone() -> None:
    """Words never overlap across languages, so the embedding stands for both halves there;
    within one language the overlap of rare words still counts half."""
    claims = [
        _claim("Free and Open Indo-Pacific", "en", {"Indo-Pacific": ("indo", "pacif")}),
        _claim("自由で開かれたインド太平洋", "ja", {"インド太平洋": ("インド太平洋",)}),
        _claim("the Indo-Pacific region", "en", {"Indo-Pacific": ("indo", "pacif")}),
    ]
    vectors = np.eye(3, dtype=np.float32)[[0, 0, 1]]  # the first two mean the same
    idf = {"indo": 1.0, "pacif": 1.0, "インド太平洋": 1.0}
    similarity = topics._similarity(claims, vectors, idf)
    assert similarity[0, 1] == pytest.approx(1.0)  # cosine alone, not halved by no overlap
    assert similarity[0, 2] == pytest.approx(0.5)  # no cosine, full overlap of rare words


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
