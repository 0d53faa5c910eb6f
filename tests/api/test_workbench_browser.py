"""The workbench as an analyst meets it, in Chromium: words for numbers, refusals in words."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT, RUBIO_CHO
from tests.live import LiveServer, call

pytestmark = pytest.mark.slow
US = (RUBIO_CHO / "us.txt").read_text(encoding="utf-8")
KR = (RUBIO_CHO / "kr.txt").read_text(encoding="utf-8")
WITH_ERRORS = ROOT / "fixtures" / "batches" / "with_errors.jsonl"


@pytest.fixture(scope="module")
def report(server: LiveServer) -> dict[str, Any]:
    body = {
        "title": "Rubio and Cho Hyun",
        "date": "2025-07-31",
        "readouts": [{"side": "US", "text": US}, {"side": "KR", "text": KR}],
    }
    created: dict[str, Any] = call(server.url + "/api/comparisons", body)
    return created


def _fill_pair(page: Any, side_a: str = "US", text_a: str = US) -> None:
    page.fill("input[name=side_a]", side_a)
    page.fill("textarea[name=text_a]", text_a)
    page.fill("input[name=side_b]", "KR")
    page.fill("textarea[name=text_b]", KR)


def test_the_report_says_its_numbers_in_words_and_links_the_guide(
    page: Any,
    server: LiveServer,
    report: dict[str, Any],
) -> None:
    page.goto(f"{server.url}/comparisons/{report['id']}")
    closest = page.locator(".emphasis .closest span").all_text_contents()  # folded ones too
    assert closest and all("that counts as the same matter" in c for c in closest), closest
    headings = page.locator(".emphases h2").all_inner_texts()
    assert any(h.startswith("What only US said, or said more strongly") for h in headings)
    page.click("a.how-link")
    page.wait_for_url(f"{server.url}/how-to-read")
    assert page.inner_text("h1") == "How to read this"
    assert "Salience" in page.inner_text(".guide")
    page.close()


def test_a_long_side_label_is_refused_in_words_not_cut(
    page: Any,
    server: LiveServer,
) -> None:
    page.goto(server.url + "/")
    label = "UNITED STATES OF AMERICA"
    _fill_pair(page, side_a=label)
    assert page.input_value("input[name=side_a]") == label  # typed in full, not cut
    page.click("form.compare button[type=submit]")
    error = page.inner_text(".form-error")
    assert f"'{label}' has 24 characters" in error and "at most 16" in error
    assert page.input_value("input[name=side_a]") == label
    page.close()


def test_a_paste_over_the_limit_is_stopped_with_what_was_typed_kept(
    browser: Any,
    server: LiveServer,
) -> None:
    page = browser.new_page()
    page.goto(server.url + "/")
    big = "The ministers discussed trade and the alliance at length. " * 22_000  # 1.3 MB
    _fill_pair(page, text_a=big)
    page.click("form.compare button[type=submit]")
    note = page.locator(".size-error")
    note.wait_for(state="visible")
    assert "Too large" in note.inner_text() and "what you typed is still here" in note.inner_text()
    assert page.url.rstrip("/") == server.url and page.input_value("textarea[name=text_a]") == big
    page.close()
    # Without the script the server answers the same in words: a page, not problem+json.
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(server.url + "/")
    _fill_pair(page, text_a=big)
    with page.expect_navigation():
        page.click("form.compare button[type=submit]")
    assert page.inner_text("h1") == "Too large"
    assert "Back button" in page.inner_text("main") and "READOUT_DIFF" not in page.content()
    context.close()


def test_a_batch_with_bad_lines_runs_the_rest_and_lists_each_error(
    page: Any,
    server: LiveServer,
    tmp_path: Path,
) -> None:
    page.goto(server.url + "/batches")
    page.set_input_files("input[name=file]", str(WITH_ERRORS))
    page.fill("textarea[name=jsonl]", WITH_ERRORS.read_text(encoding="utf-8").splitlines()[0])
    page.click(".batch-form button[type=submit]")
    assert "send one of them" in page.inner_text(".form-error")
    page.fill("textarea[name=jsonl]", "")
    page.set_input_files("input[name=file]", str(WITH_ERRORS))
    page.click(".batch-form button[type=submit]")
    page.wait_for_url(f"{server.url}/batches/*")
    errors = page.locator(".item.i-error")
    assert errors.count() >= 6
    assert "line 4" in page.inner_text(".items") and "it is not a JSON object" in page.inner_text(
        ".items"
    )
    # the good lines appear as the batch runs them: wait for them rather than race the worker
    page.wait_for_function(
        "document.querySelectorAll('.item:not(.i-error)').length >= 3", timeout=60_000
    )
    page.close()


def test_each_history_line_links_the_earlier_report_by_its_date(
    page: Any,
    server: LiveServer,
    report: dict[str, Any],
) -> None:
    page.goto(f"{server.url}/comparisons/{report['id']}")
    lines = page.locator(".emphasis .history")
    assert lines.count() == len(report["emphases"])
    link = page.locator(".emphasis .history a").first
    date, href = link.text_content(), link.get_attribute("href")
    assert date and href and href.startswith("/comparisons/")
    page.goto(server.url + href)
    assert page.locator(f"time[datetime='{date}']").count() == 1
    page.close()


def test_the_skip_link_is_the_first_stop_and_leads_to_the_content(
    page: Any,
    server: LiveServer,
) -> None:
    page.goto(server.url + "/")
    assert page.locator(".skip-link").bounding_box()["y"] < 0  # out of sight until focused
    page.keyboard.press("Tab")
    focused = page.evaluate("[document.activeElement.className, document.activeElement.innerText]")
    assert focused == ["skip-link", "Skip to the content"]
    assert page.locator(".skip-link").bounding_box()["y"] >= 0
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    page.close()


def test_on_a_phone_the_stored_comparisons_come_before_the_empty_form(
    browser: Any,
    server: LiveServer,
    report: dict[str, Any],
) -> None:
    page = browser.new_page(viewport={"width": 390, "height": 844}, is_mobile=True)
    page.goto(server.url + "/")
    first = page.locator(".cards li").first.bounding_box()
    assert first is not None and first["y"] + first["height"] < 844, "the first card is in view"
    page.click("a.to-form")
    assert page.locator("#new").bounding_box()["y"] < 200
    page.close()
    wide = browser.new_page(viewport={"width": 1280, "height": 900})
    wide.goto(server.url + "/")
    assert not wide.locator("a.to-form").is_visible()
    wide.close()


def test_deleting_a_comparison_says_so(
    page: Any,
    server: LiveServer,
) -> None:
    body = {"title": "To be deleted", "date": "2020-01-02",
            "readouts": [{"side": "US", "text": US}, {"side": "KR", "text": KR}]}  # fmt: skip
    created = call(server.url + "/api/comparisons", body)
    page.on("dialog", lambda dialog: dialog.accept())
    page.goto(f"{server.url}/comparisons/{created['id']}")
    page.click("form.delete button[type=submit]")
    page.wait_for_url(f"{server.url}/?deleted=*")
    assert page.inner_text(".notice") == "Deleted the comparison “To be deleted (2020-01-02)”."
    assert page.locator(f"a[href='/comparisons/{created['id']}']").count() == 0
    page.close()
