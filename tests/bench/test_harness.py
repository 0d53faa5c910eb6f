"""The shared harness: one percentile definition, and a server that is up when handed over and
gone afterwards."""

from __future__ import annotations

import statistics
from pathlib import Path

import httpx
import pytest

from bench.harness import percentile, serve


def test_percentile_interpolates_linearly_between_ranks() -> None:
    values = [float(v) for v in range(1, 21)]
    assert percentile(values, 0.5) == 10.5 == statistics.median(values)
    assert percentile(values, 0.95) == pytest.approx(19.05)
    assert percentile(list(reversed(values)), 0.99) == pytest.approx(19.81)
    assert percentile([3.0], 0.95) == 3.0


def test_percentile_agrees_with_the_inclusive_quantiles_of_the_standard_library() -> None:
    values = [0.3, 0.1, 0.7, 0.2, 0.9, 0.4, 0.25]
    cuts = statistics.quantiles(values, n=100, method="inclusive")
    assert percentile(values, 0.95) == pytest.approx(cuts[94])
    assert percentile(values, 0.99) == pytest.approx(cuts[98])


def test_percentile_of_nothing_is_an_error() -> None:
    with pytest.raises(ValueError, match="no values"):
        percentile([], 0.5)


def test_serve_hands_over_a_healthy_server_and_stops_it(tmp_path: Path) -> None:
    settings = {"READOUT_DIFF_ENCODER": "fake", "READOUT_DIFF_EXAMPLES": "0"}
    with serve(tmp_path / "data", settings, wait_s=60, logs=tmp_path) as server:
        assert httpx.get(f"{server.url}/health", timeout=5).status_code == 200
        assert 0 < server.ready_s < 60
        assert server.peak_rss_mb() > 10 and server.cpu_seconds() > 0
    assert server.process.poll() is not None, "the server is stopped on leaving"
    assert server.log is not None and server.log.name.startswith("server-")
    with pytest.raises(httpx.TransportError):
        httpx.get(f"{server.url}/health", timeout=2)


def test_a_server_that_cannot_start_says_why(tmp_path: Path) -> None:
    with (
        pytest.raises(RuntimeError, match="server exited"),
        serve(tmp_path / "data", {"READOUT_DIFF_ENCODER": "no-such"}, logs=tmp_path) as _,
    ):
        pass
