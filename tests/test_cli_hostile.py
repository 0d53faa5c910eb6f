"""Issue 25 items 3 and 4 on the command line: devices, FIFOs and big files refused unread;
empty, foreign and unwritable databases refused in one line, never a traceback."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from service.cli import main
from service.comparisons import ComparisonRequest, Comparisons
from service.pipeline.embed import CachedEncoder, FakeEncoder
from service.pipeline.types import Readout
from service.store import Store
from service.store.vectors import VectorCache
from tests.conftest import RUBIO_CHO
from tests.tmpfs import mounted_tmpfs

US = str(RUBIO_CHO / "us.txt")


def _one_line(capsys: pytest.CaptureFixture[str], says: str) -> str:
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1, err
    assert "Traceback" not in err and says in err, err
    return err


@pytest.mark.timeout(20)
def test_compare_refuses_a_device_and_a_fifo_unread(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["compare", US, "/dev/zero", "--encoder", "fake"]) == 2
    _one_line(capsys, "/dev/zero: not a regular file")
    fifo = tmp_path / "kr.txt"
    os.mkfifo(fifo)
    assert main(["compare", US, str(fifo), "--encoder", "fake"]) == 2
    _one_line(capsys, "not a regular file")
    assert main(["batch", "/dev/zero", "--out", str(tmp_path / "out")]) == 2
    _one_line(capsys, "not a regular file")


def test_compare_refuses_a_file_over_the_limit_by_its_size(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("READOUT_DIFF_MAX_READOUT_CHARS", "1000")
    small, big = tmp_path / "us.txt", tmp_path / "kr.txt"
    small.write_text("The ministers met.", encoding="utf-8")
    big.write_text("The ministers met. " * 400, encoding="utf-8")
    assert main(["compare", str(small), str(big), "--encoder", "fake"]) == 2
    _one_line(capsys, "over the limit of 1000 characters")


def _database(folder: Path) -> Path:
    path = folder / "readout-diff.sqlite"
    store = Store(path)
    Comparisons(store, FakeEncoder()).submit(
        ComparisonRequest(
            [Readout("US", "They stressed peace."), Readout("KR", "They stressed trade.")]
        )
    )
    store.close()
    return path


def test_an_empty_database_file_is_refused_by_check_and_serve(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "readout-diff.sqlite").write_bytes(b"")
    assert main(["db", "check", "--data", str(tmp_path)]) == 3
    assert "the file is empty" in capsys.readouterr().out
    assert main(["serve", "--data", str(tmp_path), "--port", "8766"]) == 3
    _one_line(capsys, "the file is empty")
    assert (tmp_path / "readout-diff.sqlite").read_bytes() == b""


def test_restore_takes_only_a_readout_diff_database(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    data.mkdir()
    path = _database(data)
    cache = CachedEncoder(FakeEncoder(), VectorCache(data / "embeddings.sqlite"))
    cache.encode(["They stressed peace."])
    cache.close()
    before = path.read_bytes()
    assert main(["db", "restore", str(data / "embeddings.sqlite"), "--data", str(data)]) == 2
    _one_line(capsys, "not a readout-diff database (its tables: embeddings)")
    assert path.read_bytes() == before
    assert main(["db", "check", "--data", str(data)]) == 0


def test_backup_to_a_place_that_cannot_hold_it_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _database(tmp_path)
    assert main(["db", "backup", "/proc/x", "--data", str(tmp_path)]) == 2
    _one_line(capsys, "cannot back up to /proc/x")


def test_serve_on_a_data_folder_it_cannot_write_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    not_a_folder = tmp_path / "data"
    not_a_folder.write_text("a file where the data folder should be")
    assert main(["serve", "--data", str(not_a_folder), "--port", "8767"]) == 3
    _one_line(capsys, "cannot open the database")


@pytest.fixture
def read_only_data(tmp_path: Path) -> Iterator[Path]:
    """A data folder holding a sound database on a file system mounted read-only (root can
    write a read-only file, not a read-only mount); skipped where mounting is refused."""
    with mounted_tmpfs(tmp_path / "disk", "8m") as mount:
        _database(mount)
        subprocess.run(["mount", "-o", "remount,ro", str(mount)], check=True)
        yield mount


def test_serve_on_a_read_only_database_is_one_line(
    read_only_data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["serve", "--data", str(read_only_data), "--port", "8768"]) == 3
    _one_line(capsys, "cannot open the database")
    assert main(["db", "check", "--data", str(read_only_data)]) == 0  # reading still works


def test_an_unexpected_error_is_one_line_with_its_exit_code(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import service.cli

    def broken(_: object) -> int:
        raise RuntimeError("the disk caught fire")

    monkeypatch.setattr(service.cli, "_compare", broken)
    assert main(["compare", US, US]) == 1
    _one_line(capsys, "RuntimeError: the disk caught fire")
