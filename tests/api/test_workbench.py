"""The workbench as an analyst reads it: the guide, side labels, history links, the home list."""

from __future__ import annotations

from tests.api.conftest import Client
from tests.api.test_pages import submit


def test_the_report_links_to_a_guide_that_says_what_the_numbers_mean(client: Client) -> None:
    page = client.get(submit(client)).text
    assert 'href="/how-to-read"' in page
    assert "that counts as the same point" in page
    guide = client.get("/how-to-read")
    assert guide.status_code == 200
    assert "How to read this" in guide.text and "Salience" in guide.text
    assert "fake-bow" in guide.text and "at 0.35 or above" in guide.text
