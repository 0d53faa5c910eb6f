"""axe-core (the axe-playwright-python wheel's copy) on every kind of page, at 1280 and 390 px:
no serious or critical WCAG 2.1 A/AA violation; nothing is fetched at run time."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from typing import Any

import pytest

from tests.conftest import ROOT
from tests.live import LiveServer, call, live_server

pytestmark = pytest.mark.slow
HISTORY = ROOT / "fixtures" / "batches" / "history.jsonl"
RULES = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
SERIOUS = {"serious", "critical"}


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[LiveServer, list[str]]]:
    with live_server(tmp_path_factory.mktemp("a11y") / "data", READOUT_DIFF_EXAMPLES="1") as s:
        bodies = [json.loads(line) for line in HISTORY.read_text(encoding="utf-8").splitlines()]
        batch = call(s.url + "/api/batches", {"comparisons": bodies})
        deadline = time.monotonic() + 120
        while call(s.url + batch["url"])["status"] != "done" and time.monotonic() < deadline:
            time.sleep(0.3)
        report = call(s.url + "/api/comparisons?limit=1")["items"][0]["id"]
        yield s, ["/", f"/comparisons/{report}", "/batches", batch["page"], "/how-to-read"]


def _serious(page: Any) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, options=RULES).response
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes'][:3]]}"
        for v in results["violations"]
        if v["impact"] in SERIOUS
    ]


@pytest.mark.parametrize("width", [1280, 390])
def test_no_page_has_a_serious_accessibility_violation(
    browser: Any,
    pages: tuple[LiveServer, list[str]],
    width: int,
) -> None:
    server, paths = pages
    page = browser.new_page(viewport={"width": width, "height": 900})
    found = {}
    for path in paths:
        page.goto(server.url + path)
        page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
        problems = _serious(page)
        if problems:
            found[path] = problems
    page.close()
    assert not found, json.dumps(found, indent=1)
