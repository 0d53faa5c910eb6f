"""`readout-diff serve`: help with an example, one-line errors for bad options."""

from __future__ import annotations

import pytest

from service.cli import main


def test_serve_help_shows_an_example(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["serve", "--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    assert "example: readout-diff serve --host 127.0.0.1 --port 8000" in out
    assert "READOUT_DIFF_DATA" in out


@pytest.mark.parametrize("port", ["eighty", "0", "70000"])
def test_bad_port_is_one_line_and_exit_2(capsys: pytest.CaptureFixture[str], port: str) -> None:
    assert main(["serve", "--port", port]) == 2
    err = capsys.readouterr().err
    assert err.startswith("readout-diff: error: argument --port") and err.count("\n") == 1
