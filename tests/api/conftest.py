"""An app on a temporary data folder with the FakeEncoder (Litestar's TestClient); Chromium pages."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from litestar import Litestar
from litestar.testing import TestClient

from service.api.app import create_app
from service.pipeline.embed import FakeEncoder
from service.settings import Settings
from tests.conftest import RUBIO_CHO
from tests.live import LiveServer, live_server

Client = TestClient[Litestar]
# Litestar's TestClient sends `Host: testserver.local`; the defaults stay in the test's hosts.
TEST_HOSTS = (*Settings().allowed_hosts, "testserver.local")
US_TEXT = (RUBIO_CHO / "us.txt").read_text(encoding="utf-8")
KR_TEXT = (RUBIO_CHO / "kr.txt").read_text(encoding="utf-8")


def body(**changes: Any) -> dict[str, Any]:
    """A valid POST /api/comparisons body, with fields replaced."""
    payload: dict[str, Any] = {
        "title": "Rubio and Cho Hyun",
        "date": "2025-07-31",
        "readouts": [{"side": "US", "text": US_TEXT}, {"side": "KR", "text": KR_TEXT}],
    }
    payload.update(changes)
    return payload


@pytest.fixture
def settings(tmp_path: Path, database: Path | str) -> Settings:
    """Each backend in turn: the SQLite file under data_dir, then a PostgreSQL database."""
    url = database if isinstance(database, str) else None
    return Settings(
        data_dir=tmp_path / "data", examples=False, max_body_bytes=200_000, database_url=url,
        allowed_hosts=TEST_HOSTS,
    )  # fmt: skip


@pytest.fixture
def app(settings: Settings) -> Litestar:
    return create_app(settings, encoder=FakeEncoder())


@pytest.fixture
def client(app: Litestar) -> Iterator[TestClient[Litestar]]:
    with TestClient(app) as test_client:
        yield test_client


CHROMIUM = "/usr/bin/chromium"


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Debian's Chromium under Playwright, one per test module; skipped where it is missing."""
    required = os.environ.get("READOUT_DIFF_REQUIRE_BROWSER") == "1"
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        if required:
            raise
        pytest.skip("playwright is not installed")
    if shutil.which(CHROMIUM) is None:
        if required:
            pytest.fail(f"READOUT_DIFF_REQUIRE_BROWSER=1 but {CHROMIUM} is missing")
        pytest.skip(f"{CHROMIUM} is missing")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    """A fresh page of the module's Chromium, closed after the test even when it fails."""
    opened = browser.new_page()
    yield opened
    opened.close()


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    """A real `readout-diff serve` with the bundled examples, one per test module that asks."""
    with live_server(tmp_path_factory.mktemp("live") / "data", READOUT_DIFF_EXAMPLES="1") as s:
        yield s
