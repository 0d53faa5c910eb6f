"""The bad-input corpus against the command line: exit 2, one line on stderr, no traceback."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.bad_inputs import ACCEPTED, CLI_ONLY, PAIRS, SCRIPT, TAG_SIDE, Accepted, Command, Pair
from tests.conftest import ROOT


def run_cli(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "READOUT_DIFF_ENCODER": "fake",
        "READOUT_DIFF_DATA": str(cwd / "data"),
    }
    return subprocess.run(
        [sys.executable, "-m", "service.cli", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def assert_refused(result: subprocess.CompletedProcess[str], says: str) -> None:
    lines = result.stderr.splitlines()
    assert result.returncode == 2, result.stderr[-2000:]
    assert len(lines) == 1, result.stderr[-2000:]
    assert lines[0].startswith("readout-diff: error: ")
    assert says.lower() in lines[0].lower()
    assert "Traceback" not in result.stderr
    assert result.stdout == ""


def _write_pair(folder: Path, texts: tuple[str, str]) -> list[str]:
    names = ["a.txt", "b.txt"]
    for name, text in zip(names, texts, strict=True):
        (folder / name).write_text(text, encoding="utf-8", newline="")
    return names


@pytest.mark.parametrize("case", [p for p in PAIRS if p.cli], ids=lambda c: c.name)
def test_a_bad_pair_exits_2_with_one_line(tmp_path: Path, case: Pair) -> None:
    args = ["compare", *_write_pair(tmp_path, case.texts), "--sides", ",".join(case.sides)]
    if case.date is not None:
        args += ["--date", case.date]
    assert_refused(run_cli(args, tmp_path), case.says)


@pytest.mark.parametrize("case", CLI_ONLY, ids=lambda c: c.name)
def test_a_bad_command_line_exits_2_with_one_line(tmp_path: Path, case: Command) -> None:
    for name, data in case.files.items():
        (tmp_path / name).write_bytes(data)
    assert_refused(run_cli(case.args, tmp_path), case.says)
    assert not (tmp_path / "out" / "reports").exists(), "a refused batch writes no reports"


@pytest.mark.parametrize("case", ACCEPTED, ids=lambda c: c.name)
def test_odd_but_legitimate_input_is_compared(tmp_path: Path, case: Accepted) -> None:
    args = ["compare", *_write_pair(tmp_path, case.texts), "--sides", ",".join(case.sides)]
    result = run_cli([*args, "--format", "json"], tmp_path)
    assert result.returncode == 0, result.stderr[-2000:]
    report = json.loads(result.stdout)
    texts = dict(zip(case.sides, case.texts, strict=True))
    assert report["claims"]
    for claim in report["claims"]:
        assert texts[claim["side"]][claim["start"] : claim["end"]] == claim["text"]
    if case.texts[0] == case.texts[1]:
        assert report["emphases"] == []


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_html_in_text_side_and_title_is_escaped_in_the_output(tmp_path: Path, fmt: str) -> None:
    case = next(c for c in ACCEPTED if "<script>" in c.name)
    args = ["compare", *_write_pair(tmp_path, case.texts), "--sides", ",".join(case.sides)]
    result = run_cli([*args, "--title", SCRIPT, "--format", fmt], tmp_path)
    assert result.returncode == 0, result.stderr[-2000:]
    assert SCRIPT not in result.stdout
    assert TAG_SIDE not in result.stdout and "<b>welcomed" not in result.stdout
    escaped = "\\<script\\>" if fmt == "md" else "&lt;script&gt;"
    assert escaped in result.stdout
