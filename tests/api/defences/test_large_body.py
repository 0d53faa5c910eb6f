"""A client without `Expect: 100-continue` that sends too much reads the 413, not a reset."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.live import live_server

pytestmark = pytest.mark.slow


def test_urllib_posting_five_megabytes_reads_the_413_problem(tmp_path: Path) -> None:
    body = json.dumps(
        {"readouts": [{"side": "US", "text": "x " * 2_500_000}, {"side": "KR", "text": "y"}]}
    ).encode()
    with live_server(tmp_path / "data") as server:
        request = urllib.request.Request(
            f"{server.url}/api/comparisons",
            data=body,
            headers={"Content-Type": "application/json"},
            method="POST",
        )
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(request, timeout=30)
        assert refused.value.code == 413
        assert refused.value.headers["Content-Type"].startswith("application/problem+json")
        assert json.loads(refused.value.read())["status"] == 413
        # the server goes on serving
        with urllib.request.urlopen(f"{server.url}/health", timeout=10) as health:
            assert health.status == 200
