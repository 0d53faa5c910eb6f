"""Screenshots of the home and report pages at 1280 and 390 px into docs/, with the real model,
and of a three-readout report (the 2022-07-08 Bali trilateral: a column per side) at 1280 px.

python bench/screenshots_report.py [--only three]

Japanese text needs a CJK font in Chromium: where the system has none, FONTCONFIG_FILE may
name a fonts.conf that adds one (the shots in docs/ used Debian's fonts-noto-cjk so).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import urllib.request
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from service.settings import Settings
from tests.conftest import ROOT
from tests.live import call, live_server

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
WIDTHS = {"1280": (1280, 900), "390": (390, 844)}
TRILATERAL = ROOT / "fixtures" / "trilateral" / "2022-07-08_blinken-hayashi-park-bali"


def _trilateral(url: str) -> str:
    """The Bali meeting's three readouts posted to the service: the new report's id."""
    gold = json.loads((TRILATERAL / "gold.json").read_text(encoding="utf-8"))
    readouts = [
        {"side": side, "text": (TRILATERAL / gold["files"][side]).read_text(encoding="utf-8")}
        for side in gold["sides"]
    ]
    body = {"title": "U.S.–Japan–ROK foreign ministers, Bali", "date": gold["date"]}
    report: dict[str, Any] = call(url + "/api/comparisons", {**body, "readouts": readouts})
    return str(report["id"])


def main() -> int:
    from playwright.sync_api import sync_playwright

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", choices=["all", "three"], default="all")
    args = parser.parse_args()
    docs, wrote = ROOT / "docs", []
    with tempfile.TemporaryDirectory() as folder, live_server(
        Path(folder) / "data", wait_s=300, READOUT_DIFF_ENCODER=Settings().encoder,
        READOUT_DIFF_EXAMPLES="1",
    ) as server:  # fmt: skip
        with urllib.request.urlopen(server.url + "/api/comparisons?limit=10", timeout=60) as r:
            items = json.loads(r.read())["items"]
        newest = max(items, key=lambda item: item["date"] or "")
        three = _trilateral(server.url)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS
            )
            for width, viewport in WIDTHS.items() if args.only == "all" else ():
                page = browser.new_page(viewport={"width": viewport[0], "height": viewport[1]})
                page.goto(server.url + "/")
                page.screenshot(path=docs / f"home-{width}.png", full_page=width == "1280")
                page.goto(f"{server.url}/comparisons/{newest['id']}")
                page.screenshot(path=docs / f"report-{width}.png", full_page=False)
                page.close()
                wrote += [f"docs/home-{width}.png", f"docs/report-{width}.png"]
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.goto(f"{server.url}/comparisons/{three}")
            page.screenshot(path=docs / "report-three-1280.png", full_page=False)
            wrote.append("docs/report-three-1280.png")
            browser.close()
    print("wrote", ", ".join(wrote))
    return 0


if __name__ == "__main__":
    sys.exit(main())
