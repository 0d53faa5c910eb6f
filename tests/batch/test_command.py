"""`readout-diff batch` end to end: outputs, exit codes, resuming, and a real SIGKILL mid-batch."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from service.cli import main
from service.runtime import cached_encoder
from tests.batch.conftest import HISTORY, WITH_ERRORS, numbered_meetings, write_jsonl
from tests.conftest import PAIR_COUNT, ROOT


@pytest.fixture(autouse=True)
def fresh_encoder(data_dir: Path) -> Iterator[None]:
    cached_encoder.cache_clear()
    yield
    cached_encoder.cache_clear()


def batch(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["batch", *args, "--encoder", "fake", "--no-progress"])
    out, err = capsys.readouterr()
    return code, out, err


def _results(out: Path) -> dict[str, object]:
    results: dict[str, object] = json.loads((out / "results.json").read_text())
    return results


def test_history_writes_reports_trends_and_summary(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    out = tmp_path / "out"
    code, stdout, _ = batch(capsys, str(HISTORY), "--out", str(out))
    assert code == 0 and "3 compared, 0 failed" in stdout
    results = _results(out)
    assert (results["ok"], results["failed"]) == (3, 0)
    for entry in results["items"]:  # type: ignore[attr-defined]
        report = json.loads((out / entry["report"]).read_text())
        assert report["id"] == entry["key"] and report["date"] == entry["date"]
    trends = json.loads((out / "trends.json").read_text())
    assert trends["topics"] and trends["sides"] == ["JP", "KR", "US"]
    assert (out / "trends.csv").read_text().startswith("topic_id,topic,side,year,quarter")
    assert "# Batch summary" in (out / "summary.md").read_text()


def test_failed_lines_give_exit_1_and_error_entries(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    out = tmp_path / "out"
    code, stdout, stderr = batch(capsys, str(WITH_ERRORS), "--out", str(out))
    assert code == 1 and "2 compared, 9 failed" in stdout
    results = _results(out)
    wheres = [e["where"] for e in results["items"]]  # type: ignore[attr-defined]
    assert wheres == [f"with_errors.jsonl:{n}" for n in range(1, 12)], "input order"
    assert "with_errors.jsonl:4: not valid JSON" in stderr
    assert "Traceback" not in stderr


def test_rerun_skips_finished_meetings(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert batch(capsys, str(WITH_ERRORS), "--out", str(out))[0] == 1
    journal = (out / "journal.jsonl").read_bytes()
    stamps = {p.name: p.stat().st_mtime_ns for p in (out / "reports").iterdir()}
    code, _, stderr = batch(capsys, str(WITH_ERRORS), "--out", str(out))
    assert code == 1 and "resuming: 11 of 11 meetings already done" in stderr
    assert (out / "journal.jsonl").read_bytes() == journal
    assert {p.name: p.stat().st_mtime_ns for p in (out / "reports").iterdir()} == stamps


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["missing.jsonl", "--out", "o"], "no such file"),
        ([str(HISTORY), "--out", "o", "--chunk", "0"], "--chunk"),
        ([str(HISTORY)], "--out"),
        ([str(HISTORY), "--out", str(HISTORY)], "cannot write the output folder"),
    ],
)
def test_bad_input_exits_2_with_one_line(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    args: list[str],
    message: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    code, _, stderr = batch(capsys, *args)
    assert code == 2 and message in stderr and len(stderr.strip().splitlines()) == 1


def test_help_shows_an_example(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["batch", "--help"])
    assert "readout-diff batch fixtures/batches/history.jsonl --out" in capsys.readouterr().out


def test_progress_bar_counts_meetings_and_failures(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    args = ["batch", str(WITH_ERRORS), "--out", str(tmp_path / "o"), "--encoder", "fake"]
    assert main(args) == 1
    first = capsys.readouterr().err
    assert "11/11" in first and "9 failed" in first
    assert main(args) == 1
    assert "9 failed" in capsys.readouterr().err, "a resumed bar counts earlier failures"


def _cli(args: list[str], data: Path, delay: str) -> subprocess.Popen[str]:
    env = dict(os.environ, PYTHONPATH=str(ROOT), READOUT_DIFF_DATA=str(data),
               READOUT_DIFF_ENCODER="fake-slow", READOUT_DIFF_FAKE_DELAY=delay)  # fmt: skip
    return subprocess.Popen(
        [sys.executable, "-m", "service.cli", "batch", *args, "--no-progress"],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip


def _journal_keys(out: Path) -> list[str]:
    path = out / "journal.jsonl"
    if not path.exists():
        return []
    lines = path.read_text().splitlines()
    return [json.loads(line)["key"] for line in lines if line.endswith("}")]


def test_sigkill_mid_batch_then_rerun_finishes_with_nothing_lost_or_doubled(tmp_path: Path) -> None:
    meetings = 8
    source = write_jsonl(tmp_path / "b.jsonl", numbered_meetings(meetings))
    out, data = tmp_path / "out", tmp_path / "data"
    args = [str(source), "--out", str(out), "--chunk", "1"]
    first = _cli(args, data, delay="0.4")
    deadline = time.monotonic() + 60
    while len(_journal_keys(out)) < 2 and first.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    first.send_signal(signal.SIGKILL)
    first.wait(timeout=10)
    assert first.returncode == -signal.SIGKILL
    before = _journal_keys(out)
    assert 2 <= len(before) < meetings, "killed mid-batch"
    # Reports of journalled meetings must stay untouched (one written but not yet journalled
    # when the kill came may be written again).
    stamps = {
        p.name: p.stat().st_mtime_ns
        for p in (out / "reports").glob("*.json")
        if any(p.name.endswith(f"_{key}.json") for key in before)
    }
    assert len(stamps) == len(before)

    second = _cli(args, data, delay="0")
    _, stderr = second.communicate(timeout=120)
    assert second.returncode == 0, stderr
    assert f"resuming: {len(before)} of {meetings} meetings already done" in stderr
    after = _journal_keys(out)
    assert after[: len(before)] == before and len(after) == len(set(after)) == meetings
    reports = sorted((out / "reports").glob("*.json"))
    assert len(reports) == meetings and not list((out / "reports").glob("*.part"))
    assert {p.name: p.stat().st_mtime_ns for p in reports if p.name in stamps} == stamps
    titles = sorted(json.loads(p.read_text())["title"] for p in reports)
    assert titles == sorted(m["title"] for m in numbered_meetings(meetings))  # type: ignore[type-var]
    assert _results(out)["ok"] == meetings


def test_an_out_folder_inside_the_meetings_folder_is_skipped_on_every_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import shutil

    meetings = tmp_path / "meetings"
    shutil.copytree(ROOT / "fixtures" / "pairs", meetings)
    out = meetings / "out"
    first = batch(capsys, str(meetings), "--out", str(out))
    (meetings / "notes").mkdir()
    (meetings / "notes" / "todo.md").write_text("not a meeting", encoding="utf-8")
    code, stdout, stderr = batch(capsys, str(meetings), "--out", str(out))
    assert first[0] == 0 and code == 0, stderr
    assert f"{PAIR_COUNT} meetings: {PAIR_COUNT} compared, 0 failed" in stdout
    assert f"skipping {out}: not a meeting folder" in stderr
    assert "skipping" in stderr and "notes" in stderr
    assert _results(out)["failed"] == 0 and _results(out)["total"] == PAIR_COUNT


def test_a_full_disk_stops_the_batch_with_its_journal_and_the_rerun_finishes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import subprocess

    disk = tmp_path / "disk"
    disk.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=300k", "tmpfs", str(disk)], capture_output=True
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs here: {mounted.stderr.decode().strip()}")
    try:
        filler = disk / "filler"
        filler.write_bytes(b"\0" * 250_000)
        out = disk / "out"
        code, _, err = batch(capsys, str(HISTORY), "--out", str(out))
        assert code == 4 and "no space left" in err and "Traceback" not in err
        kept = (out / "journal.jsonl").read_text().splitlines()
        assert 0 < len(kept) < 3 and not list((out / "reports").glob("*.part"))
        filler.unlink()
        code, _, err = batch(capsys, str(HISTORY), "--out", str(out))
        assert code == 0 and f"resuming: {len(kept)} of 3" in err
        assert _results(out)["ok"] == 3
    finally:
        subprocess.run(["umount", "-l", str(disk)], check=False)
