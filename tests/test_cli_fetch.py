"""`readout-diff compare URL FILE`: a readout fetched from its page, errors on one line."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from service.cli import default_side, main
from tests.conftest import RUBIO_CHO
from tests.fetch.pages import serving

KR = str(RUBIO_CHO / "kr.txt")


@pytest.fixture(scope="module")
def site() -> Iterator[str]:
    with serving() as base:
        yield base


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["compare", *args, "--encoder", "fake"])
    out, err = capsys.readouterr()
    return code, out, err


def test_a_url_is_fetched_and_compared(
    capsys: pytest.CaptureFixture[str], data_dir: Path, site: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("READOUT_DIFF_FETCH_HOSTS", "127.0.0.1")
    code, out, err = run(capsys, f"{site}/us.html", KR, "--sides", "US,KR", "--format", "json")
    assert code == 0, err
    report = json.loads(out)
    us = report["readouts"][0]
    assert "Taiwan Strait" in us["text"] and "Privacy Policy" not in us["text"]
    assert us["url"] == f"{site}/us.html" and us["source"] == "U.S. Department of State"
    # the page's title and date fill the meeting's when none are given
    assert report["title"].startswith("Secretary Rubio's Meeting")
    assert report["date"] == "2025-07-31"


def test_the_loopback_is_refused_unless_named(
    capsys: pytest.CaptureFixture[str], data_dir: Path, site: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("READOUT_DIFF_FETCH_HOSTS", raising=False)
    code, out, err = run(capsys, f"{site}/us.html", KR, "--sides", "US,KR")
    assert code == 2 and out == ""
    assert "loopback, private or link-local" in err and len(err.strip().splitlines()) == 1


@pytest.mark.parametrize(
    ("path", "message"),
    [("/photo.png", "not an HTML page or text"), ("/empty.html", "no main text found"),
     ("/missing", "answered 404")],
)  # fmt: skip
def test_a_bad_url_exits_2_with_one_line(
    capsys: pytest.CaptureFixture[str],
    data_dir: Path,
    site: str,
    monkeypatch: pytest.MonkeyPatch,
    path: str,
    message: str,
) -> None:
    monkeypatch.setenv("READOUT_DIFF_FETCH_HOSTS", "127.0.0.1")
    code, out, err = run(capsys, f"{site}{path}", KR, "--sides", "US,KR")
    assert code == 2 and out == "" and message in err
    assert err.startswith("readout-diff: error:") and len(err.strip().splitlines()) == 1


def test_a_url_side_defaults_to_its_host() -> None:
    assert default_side("https://www.state.gov/secretary-rubios-meeting/") == "STATE"
    assert default_side("https://mofa.go.kr/eng/brd/view.do?seq=1") == "MOFA"
    assert default_side("fixtures/pairs/x/us.txt") == "US"
