"""The batch page in Debian's Chromium, on the real server with the default real encoder."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import pytest

from service.settings import Settings
from tests.batch.conftest import history
from tests.batch.test_golden import recurring_one_sided_keywords
from tests.live import call, live_server

pytestmark = pytest.mark.slow


def test_batch_page_shows_charts_topics_and_links(browser: Any, tmp_path: Path) -> None:
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
        chart = page.locator(".trends-body .plot-wide svg")
        assert chart.is_visible() and not page.locator(".trends-body .plot-narrow svg").is_visible()
        recurring = {t["name"] for t in batch["trends"]["topics"] if t["meetings"] > 1}
        dots = page.locator(".topic-trends .plot-wide svg text").all_text_contents()
        assert recurring and recurring <= {d.strip() for d in dots}, "a row per recurring topic"
        legend = [t.strip() for t in chart.locator("text").all_text_contents()]
        assert all(side in legend for side in sides), "one bar colour per side"
        header = page.locator(".trends-table thead th").all_inner_texts()
        assert header == ["Quarter", *sides]
        quarters = {m["date"][:4] for t in batch["trends"]["topics"] for m in t["mentions"]}
        assert len(page.locator(".trends-table tbody tr").all()) == len(
            {c["period"] for c in batch["trends"]["timeline"] if c["meetings"]}
        )
        assert quarters <= set(
            " ".join([t.strip() for t in chart.locator("text").all_text_contents()]).split()
        )

        topic = page.locator(".topic", has_text=keyword.capitalize())
        assert "·" not in (topic.get_attribute("data-topic") or ""), "a phrase, not fragments"
        assert topic.count() == 1
        assert topic.get_attribute("data-only") == side
        assert keyword in (topic.get_attribute("data-topic") or "").lower()
        links = topic.locator(".topic-meetings > li > a")
        assert links.count() == len(meetings)
        assert topic.locator("blockquote", has_text=keyword.capitalize()).count() == len(meetings)

        failed = page.locator(".items .item.i-error")
        assert failed.count() == 1 and "a comparison needs 2 to 6 readouts" in failed.inner_text()

        title = links.first.inner_text().split(" · ", 1)[1]
        links.first.click()
        page.wait_for_url(f"{base}/comparisons/*")
        assert page.inner_text("h1") == title
        page.close()


def _slow_server(tmp_path: Path) -> Any:
    """The fake encoder, slowed down, one meeting per call: a batch takes a few seconds."""
    return live_server(
        tmp_path / "data", READOUT_DIFF_ENCODER="fake-slow", READOUT_DIFF_FAKE_DELAY="0.5",
        READOUT_DIFF_BATCH_CHUNK="1",
    )  # fmt: skip


def _jsonl(bodies: list[dict[str, object]]) -> str:
    return "".join(json.dumps(b) + "\n" for b in bodies)


def _finishes_in_place(page: Any) -> None:
    """The batch page counts up and shows the trends, all without loading the page again."""
    page.evaluate("window.stillTheSamePage = true")
    assert page.text_content("[data-field=status]") in ("queued", "running")
    page.wait_for_selector("section.trends", timeout=60_000)
    assert page.evaluate("window.stillTheSamePage === true"), "no reload"
    assert page.text_content("[data-field=status]") == "done"
    assert page.locator("progress").evaluate("p => p.value === p.max && p.max > 0")
    assert page.locator(".items .status").all_text_contents() == ["ok"] * 3


def test_a_pasted_batch_finishes_without_reloading_and_is_listed(
    browser: Any,
    tmp_path: Path,
) -> None:
    with _slow_server(tmp_path) as server:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(server.url + "/")
        page.click("header nav a:text('Batches')")
        page.wait_for_url(server.url + "/batches")
        page.fill("textarea[name=jsonl]", _jsonl(history()))
        page.click("button[type=submit]")
        page.wait_for_url(f"{server.url}/batches/*")
        batch_url = page.url
        _finishes_in_place(page)
        page.goto(server.url + "/batches")
        row = page.locator(".batch-row").first
        assert "done" in row.inner_text().lower() and "3 compared" in row.inner_text()
        row.locator("a").click()
        assert page.url == batch_url
        page.close()


def test_an_uploaded_file_runs_and_a_bad_paste_is_explained(
    browser: Any,
    tmp_path: Path,
) -> None:
    upload = tmp_path / "meetings.jsonl"
    upload.write_text(_jsonl(history()), encoding="utf-8")
    with _slow_server(tmp_path) as server:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(server.url + "/batches")
        line = '{"readouts": [{"side": "US", "text": " "}, {"side": "KR", "text": "x"}]}\n'
        page.fill("textarea[name=jsonl]", line)
        page.click("button[type=submit]")
        error = page.locator(".form-error")
        assert error.is_visible()
        assert "line 1: the first readout's text is empty" in error.inner_text()
        assert "Expected" not in error.inner_text() and "$." not in error.inner_text()
        assert page.locator(".batch-row").count() == 0, "nothing started"
        page.fill("textarea[name=jsonl]", "")
        page.set_input_files("input[type=file]", str(upload))
        page.click("button[type=submit]")
        page.wait_for_url(f"{server.url}/batches/*")
        _finishes_in_place(page)
        page.close()


def test_the_trends_page_fits_a_phone(browser: Any, tmp_path: Path) -> None:
    with live_server(tmp_path / "data") as server:
        accepted = call(server.url + "/api/batches", {"comparisons": history()})
        while call(server.url + accepted["url"])["status"] != "done":
            time.sleep(0.1)
        page = browser.new_page(viewport={"width": 390, "height": 844})
        page.goto(server.url + accepted["page"])
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        chart = page.locator(".trends-body .plot-narrow svg")
        assert chart.is_visible() and not page.locator(".trends-body .plot-wide svg").is_visible()
        assert page.locator(".topic-trends .plot-narrow svg").is_visible()
        sizes = page.evaluate(
            """() => [...document.querySelectorAll('.plot-narrow svg text')].map(t => {
                 const m = t.getScreenCTM();
                 return parseFloat(getComputedStyle(t).fontSize) * Math.hypot(m.a, m.b);
               })"""
        )
        assert len(sizes) >= 4 and min(sizes) >= 11, sizes
        assert page.locator(".trends-table").is_visible()
        assert page.locator(".trends-table a[href$='trends.csv']").is_visible()
        page.goto(server.url + "/batches")
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        page.close()
