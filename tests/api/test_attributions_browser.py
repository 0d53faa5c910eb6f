"""The report page in Chromium shows who said it: the attributions with both quotes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from service.settings import Settings
from tests.conftest import PAIRS
from tests.live import call, live_server

pytestmark = pytest.mark.slow


def test_the_page_lists_tokyos_own_account_against_the_us_joint_one(
    browser: Any,
    tmp_path: Path,
) -> None:
    folder = PAIRS / "2022-05-23_blinken-hayashi-tokyo"
    body = {
        "readouts": [
            {"side": side, "text": (folder / f"{side.lower()}.txt").read_text(encoding="utf-8")}
            for side in ("US", "JP")
        ]
    }
    with live_server(tmp_path / "data", READOUT_DIFF_ENCODER=Settings().encoder) as server:
        report = call(server.url + "/api/comparisons", body)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(f"{server.url}/comparisons/{report['id']}")
        section = page.locator("section.attributions")
        assert section.is_visible()
        item = section.locator("li.k-joint-vs-own", has_text="hailed the U.S.-Japan Alliance")
        assert item.is_visible()
        assert "US gives it to both sides; JP gives it to US alone" in item.inner_text()
        assert "cornerstone" in item.locator("blockquote").first.inner_text()
        assert page.locator("section.emphases").is_visible()
        assert page.locator("section.readouts").is_visible()
        page.close()
