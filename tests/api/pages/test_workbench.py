"""The workbench as an analyst reads it: the guide, side labels, history links, the home list."""

from __future__ import annotations

import html

from tests.api.conftest import Client
from tests.api.pages.test_pages import submit


def test_the_report_links_to_a_guide_that_says_what_the_numbers_mean(client: Client) -> None:
    page = client.get(submit(client)).text
    assert 'href="/how-to-read"' in page
    assert "that counts as the same matter" in page
    guide = client.get("/how-to-read")
    assert guide.status_code == 200
    assert "How to read this" in guide.text and "Salience" in guide.text
    assert "fake-bow" in guide.text and "at 0.30 or above" in guide.text


def test_a_long_side_label_is_refused_in_words_and_kept_in_the_form(client: Client) -> None:
    from tests.api.conftest import KR_TEXT, US_TEXT
    from tests.api.pages.test_pages import FORM

    label = "UNITED STATES OF AMERICA"
    data = {**FORM, "side_a": label, "text_a": US_TEXT, "text_b": KR_TEXT}
    response = client.post("/", data=data)
    assert response.status_code == 422
    page = html.unescape(response.text)
    assert f"'{label}' has 24 characters" in page and "at most 16" in page
    assert f'value="{label}"' in page and 'maxlength="16"' not in page.split("side_a")[1][:80]


def test_a_titled_submission_is_kept_over_a_later_batch_copy(client: Client) -> None:
    from tests.api.batch.test_endpoints import wait
    from tests.api.conftest import body

    entered = body(title="Rubio and Cho Hyun, Washington")
    entered["readouts"][0] |= {"source": "U.S. Department of State", "url": "https://x.gov/r"}
    mine = client.post("/api/comparisons", json=entered).json()["id"]
    copy = body(title="batch copy")
    batch = client.post("/api/batches", json={"comparisons": [copy]}).json()["id"]
    assert wait(client, batch)["status"] == "done"
    listing = client.get("/").text
    assert f"/comparisons/{mine}" in listing and "Rubio and Cho Hyun, Washington" in listing
    assert "batch copy" not in listing


def test_a_form_over_the_body_limit_gets_a_page_in_words(client: Client) -> None:
    big = "The ministers discussed trade. " * 10_000  # 310,000 bytes: over the tests' 200,000
    response = client.post(
        "/", data={"side_a": "US", "side_b": "KR", "text_a": big, "text_b": big},
        headers={"Accept": "text/html"},
    )  # fmt: skip
    assert response.status_code == 413 and response.headers["content-type"].startswith("text/html")
    page = html.unescape(response.text)
    assert "larger than the 0.2 MB this server takes" in page and "Back button" in page
    assert "READOUT_DIFF" not in page and "problem" not in page
    assert 'data-max-bytes="200000"' in client.get("/").text


def test_an_error_never_says_page_chrome(client: Client) -> None:
    from tests.api.conftest import KR_TEXT
    from tests.api.pages.test_pages import FORM

    data = {**FORM, "text_a": "Log in to comment", "text_b": KR_TEXT}
    response = client.post("/", data=data)
    assert response.status_code == 422
    assert "page chrome" not in response.text and "menus, headings" in response.text
