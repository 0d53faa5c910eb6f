"""Screenshots of the batch list and trends pages (Chromium, 1280 and 390 px) into docs/.

    PYTHONPATH=. python bench/screenshots.py [PREFIX]   # docs/PREFIX-trends-1280.png, ...

Runs a real server on a temporary data folder with the default encoder, submits the dev pairs
of fixtures/pairs as a batch, waits for it and photographs the pages.
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import TYPE_CHECKING, Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from service.settings import Settings
from tests.live import live_server

if TYPE_CHECKING:
    from playwright.sync_api import FloatRect

ROOT = Path(__file__).resolve().parent.parent
PAIRS = ROOT / "fixtures" / "pairs"
WIDTHS = {1280: 900, 390: 844}


def _call(url: str, payload: Any = None) -> Any:
    data = None if payload is None else json.dumps(payload).encode()
    request = urllib.request.Request(url, data=data, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=60) as response:
        return json.loads(response.read())


def main(prefix: str) -> None:
    import msgspec
    from playwright.sync_api import sync_playwright

    from service.batch.inputs import read_items

    bodies = [msgspec.to_builtins(i.body) for i in read_items(PAIRS) if i.body is not None]
    with (
        tempfile.TemporaryDirectory() as folder,
        live_server(
            Path(folder) / "data", wait_s=180, READOUT_DIFF_ENCODER=Settings().encoder
        ) as server,
    ):
        accepted = _call(server.url + "/api/batches", {"comparisons": bodies})
        while _call(server.url + accepted["url"])["status"] not in ("done", "failed"):
            time.sleep(0.3)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path="/usr/bin/chromium",
                args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
            )
            for width, height in WIDTHS.items():
                page = browser.new_page(viewport={"width": width, "height": height})
                page.goto(server.url + accepted["page"])
                page.screenshot(
                    path=ROOT / "docs" / f"{prefix}-trends-{width}.png",
                    full_page=True,
                    clip=_around(page.locator(".charts, .trends").all()),
                )
                if page.request.get(server.url + "/batches").ok:
                    page.goto(server.url + "/batches")
                    page.screenshot(
                        path=ROOT / "docs" / f"{prefix}-list-{width}.png", full_page=True
                    )
                page.close()
            browser.close()


def _around(sections: list[Any]) -> FloatRect:
    """The page area from the first chart section to the end of the last."""
    boxes = [s.bounding_box() for s in sections]
    top = min(b["y"] for b in boxes)
    bottom = max(b["y"] + b["height"] for b in boxes)
    width = max(b["x"] + b["width"] for b in boxes)
    clip: FloatRect = {"x": 0, "y": top - 8, "width": width + 8, "height": bottom - top + 16}
    return clip


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "batch")
