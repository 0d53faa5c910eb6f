"""The batch page in Debian's Chromium, on the real server with the default real encoder."""

from __future__ import annotations

import json
import time
import urllib.request
from pathlib import Path
from typing import Any

import pytest

from service.settings import Settings
from tests.api.test_browser import browser  # noqa: F401 - the shared Chromium fixture
from tests.batch.conftest import history
from tests.batch.test_golden import recurring_one_sided_keywords
from tests.live import live_server

pytestmark = pytest.mark.slow


def call(url: str, payload: Any = None) -> Any:
    data = None if payload is None else json.dumps(payload).encode()
    request = urllib.request.Request(url, data=data, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=60) as response:
        return json.loads(response.read())


def test_batch_page_shows_charts_topics_and_links(browser: Any, tmp_path: Path) -> None:  # noqa: F811
    (side, keyword), meetings = next(iter(recurring_one_sided_keywords().items()))
    one_side = dict(history()[0], title="one side only")
    one_side["readouts"] = one_side["readouts"][:1]  # type: ignore[index]
    with live_server(
        tmp_path / "data", wait_s=180, READOUT_DIFF_ENCODER=Settings().encoder
    ) as server:
        base = server.url
        accepted = call(base + "/api/batches", {"comparisons": [*history(), one_side]})
        deadline = time.monotonic() + 120
        while call(base + accepted["url"])["status"] != "done" and time.monotonic() < deadline:
            time.sleep(0.2)
        batch = call(base + accepted["url"])
        assert batch["status"] == "done"

        page = browser.new_page(viewport={"width": 1280, "height": 900})
        requested: list[str] = []
        page.on("request", lambda request: requested.append(request.url))
        page.goto(base + accepted["page"])
        assert all(url.startswith(base) for url in requested), "no CDN: everything is local"

        sides = batch["trends"]["sides"]
        charts = page.locator("figure.chart")
        assert charts.count() == len(sides)
        for name in sides:
            chart = page.locator(f"figure.chart[data-side='{name}']")
            assert chart.locator("svg").count() == 1
            assert chart.locator("rect.bar").count() > 0, f"{name} stressed something alone"

        topic = page.locator(".topic", has_text=keyword.capitalize())
        assert topic.count() == 1
        assert topic.get_attribute("data-only") == side
        assert keyword in (topic.get_attribute("data-topic") or "").lower()
        links = topic.locator(".topic-meetings > li > a")
        assert links.count() == len(meetings)
        assert topic.locator("blockquote", has_text=keyword.capitalize()).count() == len(meetings)

        failed = page.locator(".items .item.i-error")
        assert failed.count() == 1 and "length >= 2" in failed.inner_text()

        title = links.first.inner_text().split(" · ", 1)[1]
        links.first.click()
        page.wait_for_url(f"{base}/comparisons/*")
        assert page.inner_text("h1") == title
        page.close()
