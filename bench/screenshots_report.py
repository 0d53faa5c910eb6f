"""Screenshots of the home and report pages at 1280 and 390 px into docs/, with the real model.

python bench/screenshots_report.py
"""

from __future__ import annotations

import json
import sys
import tempfile
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from service.settings import Settings
from tests.conftest import ROOT
from tests.live import live_server

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
WIDTHS = {"1280": (1280, 900), "390": (390, 844)}


def main() -> int:
    from playwright.sync_api import sync_playwright

    docs = ROOT / "docs"
    with tempfile.TemporaryDirectory() as folder, live_server(
        Path(folder) / "data", wait_s=300, READOUT_DIFF_ENCODER=Settings().encoder,
        READOUT_DIFF_EXAMPLES="1",
    ) as server:  # fmt: skip
        with urllib.request.urlopen(server.url + "/api/comparisons?limit=10", timeout=60) as r:
            items = json.loads(r.read())["items"]
        newest = max(items, key=lambda item: item["date"] or "")
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS
            )
            for width, viewport in WIDTHS.items():
                page = browser.new_page(viewport={"width": viewport[0], "height": viewport[1]})
                page.goto(server.url + "/")
                page.screenshot(path=docs / f"home-{width}.png", full_page=width == "1280")
                page.goto(f"{server.url}/comparisons/{newest['id']}")
                page.screenshot(path=docs / f"report-{width}.png", full_page=False)
                page.close()
            browser.close()
    print("wrote", ", ".join(f"docs/{p}-{w}.png" for p in ("home", "report") for w in WIDTHS))
    return 0


if __name__ == "__main__":
    sys.exit(main())
