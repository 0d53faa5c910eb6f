"""The analyst's workbench in Chromium: exports, the print PDF, home filters, errors, phone."""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

import pytest

from service.meetings import side_files, side_of_file
from tests.conftest import PAIRS, RUBIO_CHO
from tests.live import LiveServer, call

pytestmark = pytest.mark.slow
BODY = {
    "title": "Rubio and Cho Hyun",
    "date": "2025-07-31",
    "readouts": [
        {
            "side": "US",
            "text": (RUBIO_CHO / "us.txt").read_text(encoding="utf-8"),
            "source": "U.S. Department of State",
            "url": "https://www.state.gov/readout",
        },
        {"side": "KR", "text": (RUBIO_CHO / "kr.txt").read_text(encoding="utf-8")},
    ],
}


@pytest.fixture(scope="module")
def report(server: LiveServer) -> dict[str, Any]:
    created: dict[str, Any] = call(server.url + "/api/comparisons", BODY)
    return created


def _flat(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize(
    ("label", "extension", "marker"),
    [("Markdown", "md", "## Shared"), ("HTML", "html", "<style>"), ("JSON", "json", '"emphases"')],
)
def test_each_export_downloads_from_the_report_page(
    browser: Any,
    server: LiveServer,
    report: dict[str, Any],
    tmp_path: Path,
    label: str,
    extension: str,
    marker: str,
) -> None:
    page = browser.new_page(accept_downloads=True)
    page.goto(f"{server.url}/comparisons/{report['id']}")
    with page.expect_download() as download_info:
        page.click(f".exports a:text-is('{label}')")
    download = download_info.value
    assert download.suggested_filename == f"2025-07-31-rubio-and-cho-hyun.{extension}"
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)
    content = saved.read_text(encoding="utf-8")
    assert marker in content
    if extension == "html":  # the standalone file works offline: open it from disk
        page.goto(saved.as_uri())
        assert page.locator(".emphasis").count() == len(report["emphases"])
        assert page.evaluate("getComputedStyle(document.body).fontFamily").startswith("system-ui")
    page.close()


def test_the_printed_report_holds_every_emphasis_and_no_buttons(
    browser: Any,
    server: LiveServer,
    report: dict[str, Any],
) -> None:
    from pypdf import PdfReader

    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(f"{server.url}/comparisons/{report['id']}")
    assert page.locator("details.more:not([open])").count() > 0  # something is collapsed
    pdf = page.pdf(format="A4", print_background=True)
    page.close()
    text = _flat(" ".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(pdf)).pages))
    assert report["emphases"]
    for emphasis in report["emphases"]:
        words = _flat(emphasis["text"]).split()[:8]
        assert " ".join(words) in text, emphasis["text"]
    assert "Delete comparison" not in text and "Print or save" not in text
    assert "what each side of a meeting said" not in text  # the header is left out


def test_sources_are_shown_and_linked(
    page: Any,
    server: LiveServer,
    report: dict[str, Any],
) -> None:
    page.goto(f"{server.url}/comparisons/{report['id']}")
    link = page.locator(".sources a", has_text="U.S. Department of State")
    assert link.get_attribute("href") == "https://www.state.gov/readout"
    assert page.locator("time[datetime='2025-07-31']").count() == 1
    page.close()


def test_home_filters_and_marks_examples(
    page: Any,
    server: LiveServer,
    report: dict[str, Any],
) -> None:
    page.goto(server.url + "/")
    fonts = page.evaluate(
        "[getComputedStyle(document.querySelector('textarea')).fontFamily,"
        " getComputedStyle(document.body).fontFamily]"
    )
    assert fonts[0] == fonts[1]  # the textareas are in the sans interface font
    dates = page.locator(".cards .when").all_inner_texts()
    assert dates == sorted(dates, reverse=True)
    assert page.locator(".cards li.example .tag", has_text="example").count() >= 2
    # The same Rubio-Cho meeting as the bundled example is listed once.
    assert page.locator(".cards .when", has_text="2025-07-31").count() == 1
    page.fill(".filters input[name=side]", "JP")
    page.click(".filters button[type=submit]")
    japan = [f for f in PAIRS.iterdir() if "JP" in {side_of_file(p) for p in side_files(f)}]
    assert page.locator(".cards li").count() == len(japan)
    assert "Blinken Hayashi" in page.inner_text(".cards")
    page.goto(server.url + "/")
    page.fill(".filters input[name=date_from]", "2024-01-01")
    page.fill(".filters input[name=date_to]", "2024-12-31")
    page.click(".filters button[type=submit]")
    in_2024 = sorted(
        (f.name[:10] for f in PAIRS.iterdir() if f.name.startswith("2024")), reverse=True
    )
    assert page.locator(".cards .when").all_inner_texts() == in_2024
    page.fill(".filters input[name=text]", "Ukraine")
    page.click(".filters button[type=submit]")
    assert "ukraine" in page.inner_text(".snippet mark").lower()
    page.close()


def test_form_errors_read_as_plain_words_and_reload_safely(
    page: Any,
    server: LiveServer,
) -> None:
    page.goto(server.url + "/")
    page.fill("textarea[name=text_a]", "   \n  ")
    page.fill("textarea[name=text_b]", "The ministers met in Seoul and agreed to meet again.")
    page.evaluate("document.querySelectorAll('textarea').forEach(t => t.required = false)")
    page.click("form.compare button[type=submit]")
    assert page.inner_text(".form-error") == "Could not compare: The first readout is empty."
    assert page.input_value("textarea[name=text_b]").startswith("The ministers met")
    assert re.fullmatch(rf"{re.escape(server.url)}/?", page.url)
    response = page.reload()
    assert response is not None and response.status != 405
    page.goto(server.url + "/")
    page.fill("input[name=date]", "2025-02-30")
    page.evaluate("document.querySelector('input[name=date]').type = 'text'")
    page.fill("input[name=date]", "2025-02-30")
    page.fill("textarea[name=text_a]", "The ministers met in Seoul.")
    page.fill("textarea[name=text_b]", "The ministers met in Seoul and agreed.")
    page.click("form.compare button[type=submit]")
    assert "The meeting date must be a real day, as YYYY-MM-DD." in page.inner_text(".form-error")
    page.close()


def test_unknown_urls_are_a_page_for_browsers_and_a_problem_for_clients(
    page: Any,
    server: LiveServer,
) -> None:
    response = page.goto(server.url + "/no/such/page")
    assert response is not None and response.status == 404
    assert page.inner_text("h1") == "Not found" and page.locator("a[href='/']").count() >= 1
    problem = page.request.get(server.url + "/no/such/page", headers={"Accept": "application/json"})
    assert problem.status == 404
    assert problem.headers["content-type"].startswith("application/problem+json")
    page.close()


def test_on_a_phone_a_card_shows_its_claim_and_counterpart_and_leads_back(
    browser: Any,
    server: LiveServer,
    report: dict[str, Any],
) -> None:
    page = browser.new_page(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page.goto(f"{server.url}/comparisons/{report['id']}")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    card = page.locator(".emphasis[data-target]", has=page.locator(".closest")).first
    target = card.get_attribute("data-target")
    card.tap()
    claim = page.locator(f"#claim-{target}")
    page.wait_for_function(
        "el => { const r = el.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; }",
        arg=claim.element_handle(),
        timeout=5000,
    )
    peek = page.locator(".peek")
    assert peek.is_visible() and len(peek.inner_text()) > 20
    page.tap(".peek-back")
    page.wait_for_function(
        "el => { const r = el.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; }",
        arg=card.element_handle(),
        timeout=5000,
    )
    assert not peek.is_visible()
    page.close()
