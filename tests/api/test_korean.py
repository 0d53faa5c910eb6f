"""The service takes a Korean readout against an English one with no extra field or flag."""

from __future__ import annotations

from pathlib import Path

import pytest
from litestar.testing import TestClient

from service.api.app import create_app
from service.pipeline.embed.multilingual import USE_NAME
from service.settings import Settings
from tests.api.conftest import TEST_HOSTS, US_TEXT
from tests.conftest import RUBIO_CHO

KR_KO_TEXT = (RUBIO_CHO / "kr_ko.txt").read_text(encoding="utf-8")


@pytest.mark.slow
def test_a_korean_pair_is_routed_to_the_multilingual_encoder(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path / "data", examples=False, allowed_hosts=TEST_HOSTS)
    readouts = [{"side": "US", "text": US_TEXT}, {"side": "KR", "text": KR_KO_TEXT}]
    with TestClient(create_app(settings)) as client:
        created = client.post("/api/comparisons", json={"readouts": readouts})
        assert created.status_code == 201, created.text
        report = created.json()
        assert report["model"]["encoder"] == USE_NAME
        korean = [e for e in report["emphases"] if e["side"] == "KR"]
        assert korean and all(any("\uac00" <= ch <= "\ud7a3" for ch in e["text"]) for e in korean)
        page = client.get(f"/comparisons/{report['id']}")
        assert page.status_code == 200 and "현대화" in page.text

        english = client.post(
            "/api/comparisons",
            json={"readouts": [readouts[0], {"side": "KR", "text": "The ministers met today."}]},
        )
        assert english.json()["model"]["encoder"] != USE_NAME, "English pairs keep the default"
