"""The real server, the real model and Debian's Chromium: submit a pair through the form."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from service.settings import Settings
from tests.conftest import RUBIO_CHO
from tests.live import live_server

pytestmark = pytest.mark.slow


def test_taiwan_strait_is_shown_as_us_only(browser: Any, tmp_path: Path) -> None:
    dialogs: list[str] = []
    with live_server(
        tmp_path / "data", wait_s=180, READOUT_DIFF_ENCODER=Settings().encoder
    ) as server:
        base = server.url
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        page.goto(base + "/")
        page.fill("input[name=title]", "Rubio and Cho Hyun <script>alert('title')</script>")
        page.fill("input[name=date]", "2025-07-31")
        page.fill("input[name=side_a]", "US")
        page.fill("textarea[name=text_a]", (RUBIO_CHO / "us.txt").read_text(encoding="utf-8"))
        page.fill("input[name=side_b]", "KR")
        page.fill("textarea[name=text_b]", (RUBIO_CHO / "kr.txt").read_text(encoding="utf-8"))
        page.click("button[type=submit]")
        page.wait_for_url(f"{base}/comparisons/*", timeout=60_000)

        assert "<script>alert('title')</script>" in page.inner_text("h1")  # shown, not run
        taiwan = page.locator(".readout .claim", has_text="Taiwan Strait")
        assert taiwan.count() == 1
        assert "v-one-sided" in (taiwan.get_attribute("class") or "")
        assert taiwan.get_attribute("id", timeout=1000).startswith("claim-US-")
        only_us = page.locator(".emphasis.k-one-sided", has_text="Taiwan Strait")
        assert only_us.count() == 1 and "only US" in (
            only_us.locator(".badge").text_content() or ""
        )

        # Hovering a shared claim outlines its counterpart on the other side.
        shared = page.locator(".readout .claim.v-shared[data-links]:not([data-links=''])").first
        counterpart = (shared.get_attribute("data-links") or "").split()[0]
        shared.hover()
        assert "is-linked" in (page.locator(f"#claim-{counterpart}").get_attribute("class") or "")

        # Clicking the emphasis pins its claim in the readout.
        only_us.click()
        assert "is-active" in (taiwan.get_attribute("class") or "")
        assert dialogs == []
        page.close()
