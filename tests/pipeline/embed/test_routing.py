"""Encoder routing by language: English pairs keep the English encoder, others go multilingual."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from service.pipeline import compare
from service.pipeline.embed import (
    CachedEncoder,
    Encoder,
    FakeEncoder,
    RoutingEncoder,
    make_encoder,
    route,
)
from service.pipeline.embed.multilingual import E5_NAME, USE_NAME
from service.pipeline.types import Readout
from service.runtime import cached_encoder
from service.store.vectors import VectorCache
from tests.conftest import RUBIO_CHO

US = Readout("US", (RUBIO_CHO / "us.txt").read_text())
KR_EN = Readout("KR", (RUBIO_CHO / "kr.txt").read_text())
KR_KO = Readout("KR", (RUBIO_CHO / "kr_ko.txt").read_text())


def router() -> RoutingEncoder:
    return RoutingEncoder(FakeEncoder(name="fake-en"), FakeEncoder(name="fake-multi"))


def test_a_router_is_an_encoder_and_a_language_router() -> None:
    routing = router()
    assert isinstance(routing, Encoder) and isinstance(routing, RoutingEncoder)
    assert not isinstance(FakeEncoder(), RoutingEncoder)


def test_english_pairs_stay_english_and_any_other_language_goes_multilingual() -> None:
    routing = router()
    assert routing.for_languages(("en", "en")).name == "fake-en"
    assert routing.for_languages(("en", "ko")).name == "fake-multi"
    assert routing.for_languages(("ja", "ja")).name == "fake-multi"
    assert route(routing, ("ko", "en")).name == "fake-multi"
    plain = FakeEncoder()
    assert route(plain, ("ko", "en")) is plain


def test_encode_routes_a_batch_by_the_languages_of_its_texts() -> None:
    routing = router()
    routing.encode(["peace in the strait"])
    assert isinstance(routing.english, FakeEncoder) and routing.english.calls == 1
    routing.encode(["peace in the strait", "한반도의 평화"])
    assert isinstance(routing.multilingual, FakeEncoder) and routing.multilingual.calls == 1


def test_compare_reports_the_encoder_actually_used_and_the_languages() -> None:
    korean = compare([US, KR_KO], router())
    assert korean.model.encoder == "fake-multi"
    assert [r.language for r in korean.readouts] == ["en", "ko"]
    assert any("비핵화" in c.text for c in korean.claims)
    english = compare([US, KR_EN], router())
    assert english.model.encoder == "fake-en"
    assert [r.language for r in english.readouts] == ["en", "en"]


def test_cross_language_pairs_skip_the_english_opposition_checks() -> None:
    report = compare(
        [
            Readout("US", "The United States does not support the plan."),
            Readout("KR", "양국은 계획을 지지했다."),
        ],
        router(),
    )
    assert all(e.kind != "opposed" for e in report.emphases)


def test_the_runtime_encoder_routes_without_a_flag(data_dir: Path) -> None:
    cached_encoder.cache_clear()
    try:
        encoder = cached_encoder("minilm")
        assert isinstance(encoder, RoutingEncoder)
        assert encoder.for_languages(("en", "ko")).name == USE_NAME
        assert encoder.for_languages(("en", "en")).name == "all-MiniLM-L6-v2"
        assert not isinstance(cached_encoder("fake"), RoutingEncoder)
    finally:
        cached_encoder.cache_clear()


def test_the_multilingual_encoder_is_a_setting(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("READOUT_DIFF_MULTILINGUAL_ENCODER", "e5")
    cached_encoder.cache_clear()
    try:
        encoder = cached_encoder("minilm")
        assert route(encoder, ("ko", "en")).name == E5_NAME
    finally:
        cached_encoder.cache_clear()


@pytest.mark.slow
@pytest.mark.parametrize("kind", ["use", "e5"])
def test_multilingual_encoders_load_offline_and_embed_unit_vectors(kind: str) -> None:
    encoder = make_encoder(kind)
    vectors = encoder.encode(["북한의 완전한 비핵화", "complete denuclearization of North Korea"])
    assert vectors.shape[0] == 2 and vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)
    assert encoder.encode([]).shape[0] == 0


@pytest.mark.slow
def test_use_ranks_the_translation_first(tmp_path: Path) -> None:
    encoder = CachedEncoder(make_encoder("use"), VectorCache(tmp_path / "cache.sqlite"))
    korean = encoder.encode(["양 장관은 북한의 완전한 비핵화 목표를 확고히 견지하기로 했다."])
    english = encoder.encode(
        [
            "Both emphasized peace and stability across the Taiwan Strait.",
            "They reaffirmed their commitment to the complete denuclearization of North Korea.",
            "They welcomed the announcement of a full and complete trade deal.",
        ]
    )
    assert int(np.argmax(english @ korean[0])) == 1


def test_the_configured_router_closes_both_caches(data_dir: Path) -> None:
    from service.runtime import configured_encoder
    from service.settings import Settings

    encoder = configured_encoder(Settings.from_env(), "minilm")
    assert isinstance(encoder, RoutingEncoder)
    encoder.close()
    for inner in (encoder.english, encoder.multilingual):
        assert isinstance(inner, CachedEncoder)
        with pytest.raises(Exception, match="closed"):
            inner.encode(["한반도"])
