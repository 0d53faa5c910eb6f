"""`readout-diff compare a b c`: three readouts of one meeting in every format."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from service.cli import main
from tests.conftest import ROOT

MEETING = ROOT / "fixtures" / "trilateral" / "2023-08-23_blinken-park-hayashi-call"
FILES = [str(MEETING / name) for name in ("us.txt", "jp_partial.txt", "kr_ko.txt")]


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["compare", *args, "--encoder", "fake"])
    out, err = capsys.readouterr()
    return code, out, err


def test_three_files_make_one_report(capsys: pytest.CaptureFixture[str], data_dir: Path) -> None:
    code, out, err = run(capsys, *FILES, "--sides", "US,JP,KR", "--format", "json")
    assert code == 0, err
    report = json.loads(out)
    assert report["sides"] == ["US", "JP", "KR"]
    assert {"carried", "only_one", "all_but_one"} <= set(report)
    assert {c["side"] for c in report["claims"]} == {"US", "JP", "KR"}


def test_text_and_markdown_name_every_side(
    capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    text = run(capsys, *FILES, "--sides", "US,JP,KR")[1]
    assert all(f"What only {side} said" in text for side in ("US", "JP", "KR"))
    markdown = run(capsys, *FILES, "--sides", "US,JP,KR", "--format", "md")[1]
    assert markdown.startswith("# US vs JP vs KR")
    assert "| claim | counterpart | similarity |" in markdown


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--sides", "US,JP,us"], "need different sides"),
        (["--sides", "US,JP"], "needs 3 comma-separated labels"),
    ],
)
def test_bad_sides_exit_2(
    capsys: pytest.CaptureFixture[str], data_dir: Path, extra: list[str], message: str
) -> None:
    code, out, err = run(capsys, *FILES, *extra)
    assert code == 2 and out == "" and message in err


def test_one_or_seven_readouts_exit_2(capsys: pytest.CaptureFixture[str], data_dir: Path) -> None:
    assert "2 to 6 readouts" in run(capsys, FILES[0])[2]
    code, _, err = run(capsys, *(FILES * 3)[:7])
    assert code == 2 and "2 to 6 readouts, got 7" in err


def test_a_batch_line_of_three_readouts(
    capsys: pytest.CaptureFixture[str], data_dir: Path, tmp_path: Path
) -> None:
    sides = ("US", "JP", "KR")
    readouts = [
        {"side": s, "text": Path(f).read_text(encoding="utf-8")}
        for s, f in zip(sides, FILES, strict=True)
    ]
    lines = tmp_path / "meetings.jsonl"
    later = [{**readouts[0], "text": readouts[0]["text"] + "\nThey will meet again soon.\n"},
             *readouts[1:]]  # fmt: skip
    meetings = [{"title": "Trilateral", "date": "2023-08-23", "readouts": readouts},
                {"title": "Trilateral", "date": "2023-11-24", "readouts": later}]  # fmt: skip
    # two meetings of the same three sides: "is it new?" (a pair's question) is left out
    lines.write_text("".join(json.dumps(m) + "\n" for m in meetings))
    code = main(["batch", str(lines), "--out", str(tmp_path / "out"), "--encoder", "fake"])
    capsys.readouterr()
    assert code == 0
    results = json.loads((tmp_path / "out" / "results.json").read_text())
    assert results["ok"] == 2, results
    report = json.loads((tmp_path / "out" / results["items"][0]["report"]).read_text())
    assert report["sides"] == list(sides) and "all_but_one" in report
