"""The report page's "Said with different strength" section in Chromium, with the real encoder."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from service.settings import Settings
from tests.api.test_report_browser import BODY
from tests.live import call, live_server

pytestmark = pytest.mark.slow


def test_the_page_lists_each_gap_with_both_predicates_linked_to_their_claims(
    browser: Any,
    tmp_path: Path,
) -> None:
    with live_server(tmp_path / "data", wait_s=180, READOUT_DIFF_ENCODER=Settings().encoder) as s:
        report = call(s.url + "/api/comparisons", BODY, timeout=120)
        gaps = report["strength_gaps"]
        assert gaps, "the Rubio–Cho pair has matched claims said with different strength"
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(f"{s.url}/comparisons/{report['id']}")
        section = page.locator("section.strength-gaps")
        assert section.is_visible()
        items = section.locator("li.strength-gap")
        assert items.count() == len(gaps)
        for number, gap in enumerate(gaps):
            shown = " ".join(items.nth(number).inner_text().split())
            for predicate, level in zip(gap["predicates"], gap["levels"], strict=True):
                assert f"{' '.join(predicate.split())} {level}" in shown
        target = gaps[0]["claims"][1]
        items.nth(0).locator(f'a[href="#claim-{target}"]').click()
        assert page.evaluate("location.hash") == f"#claim-{target}"
        assert page.locator(f"#claim-{target}").is_visible()
        page.close()
