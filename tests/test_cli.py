"""The CLI through its entry point: formats, and one-line errors with exit code 2."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from service.cli import main
from tests.conftest import RUBIO_CHO

US, KR = str(RUBIO_CHO / "us.txt"), str(RUBIO_CHO / "kr.txt")


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main([*args, "--encoder", "fake"] if args and args[0] == "compare" else list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_compare_json_prints_the_report(capsys: pytest.CaptureFixture[str], data_dir: Path) -> None:
    code, out, _ = run(capsys, "compare", US, KR, "--sides", "US,KR", "--format", "json")
    assert code == 0
    report = json.loads(out)
    assert report["sides"] == ["US", "KR"] and report["emphases"]


def test_sides_default_to_file_stems(capsys: pytest.CaptureFixture[str], data_dir: Path) -> None:
    code, out, _ = run(capsys, "compare", US, KR, "--format", "json")
    assert code == 0 and json.loads(out)["sides"] == ["US", "KR"]


def test_markdown_and_text_formats(capsys: pytest.CaptureFixture[str], data_dir: Path) -> None:
    assert run(capsys, "compare", US, KR, "--format", "md")[1].startswith("# US vs KR")
    assert "What only US said" in run(capsys, "compare", US, KR)[1]


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda d: d / "missing.txt", "no such file"),
        (lambda d: _write(d / "empty.txt", b"   \n\t"), "empty"),
        (lambda d: _write(d / "latin1.txt", "Caf\xe9 talks".encode("latin-1")), "not UTF-8"),
        (lambda d: _write(d / "binary.txt", b"abc\x00def"), "binary"),
        (lambda d: d, "directory"),
    ],
)
def test_bad_files_exit_2_with_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, data_dir: Path, make: object, message: str
) -> None:
    bad = make(tmp_path)  # type: ignore[operator]
    code, out, err = run(capsys, "compare", US, str(bad))
    assert code == 2 and out == ""
    assert message in err and len(err.strip().splitlines()) == 1


@pytest.mark.parametrize("sides", ["US", "US,KR,JP", "US,us", "US,", "A" * 17 + ",KR"])
def test_wrong_sides_exit_2(capsys: pytest.CaptureFixture[str], data_dir: Path, sides: str) -> None:
    code, _, err = run(capsys, "compare", US, KR, "--sides", sides)
    assert code == 2 and "--sides" in err and len(err.strip().splitlines()) == 1


def test_unknown_format_and_command_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "compare", US, KR, "--format", "pdf")[0] == 2
    code, _, err = run(capsys, "frobnicate")
    assert code == 2 and err.count("\n") == 1


def test_help_shows_an_example(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["compare", "--help"])
    assert exit_info.value.code == 0
    assert "example: readout-diff compare us.txt kr.txt" in capsys.readouterr().out


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_help_names_the_default_encoder_the_settings_use(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from service.settings import Settings

    with pytest.raises(SystemExit):
        main(["compare", "--help"])
    help_text = " ".join(capsys.readouterr().out.split())
    assert f"else {Settings().encoder})" in help_text


def test_a_long_file_stem_is_refused_as_a_side_not_cut(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, data_dir: Path
) -> None:
    long = tmp_path / "united_states_of_america.txt"
    long.write_text((RUBIO_CHO / "us.txt").read_text(encoding="utf-8"), encoding="utf-8")
    code, out, err = run(capsys, "compare", str(long), KR)
    assert code == 2 and out == "" and len(err.strip().splitlines()) == 1
    assert "'UNITED_STATES_OF_AMERICA' has 24 characters" in err and "--sides" in err
