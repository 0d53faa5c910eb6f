"""Damaged files, backups and restores of the SQLite database (service/database.py, `db`)."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from service.cli import main
from service.comparisons import ComparisonRequest, Comparisons
from service.pipeline.embed import CachedEncoder, FakeEncoder
from service.pipeline.types import Readout
from service.store import Store
from service.store.vectors import VectorCache

US = Readout("US", "The Secretary stressed peace across the Taiwan Strait. They met in Washington.")
KR = Readout("KR", "The Minister stressed alliance modernization. They met in Washington.")


def _database(folder: Path, comparisons: int = 2) -> Path:
    path = folder / "readout-diff.sqlite"
    store = Store(path)
    service = Comparisons(store, FakeEncoder())
    for _ in range(comparisons):
        service.submit(ComparisonRequest([US, KR]))
    store.close()
    return path


def _truncate(path: Path) -> bytes:
    damaged = path.read_bytes()[:6000]
    path.write_bytes(damaged)
    for suffix in ("-wal", "-shm"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)
    return damaged


def test_db_check_reports_a_sound_and_a_damaged_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _database(tmp_path)
    assert main(["db", "check", "--data", str(tmp_path)]) == 0
    assert capsys.readouterr().out.strip().endswith(": ok")
    _truncate(path)
    assert main(["db", "check", "--data", str(tmp_path)]) == 3
    assert "malformed" in capsys.readouterr().out


def test_serve_on_a_damaged_database_says_so_in_one_line_and_keeps_the_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    damaged = _truncate(_database(tmp_path))
    assert main(["serve", "--data", str(tmp_path), "--port", "8765"]) == 3
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "Traceback" not in err
    assert "readout-diff.sqlite is damaged" in err and "db restore" in err
    assert (tmp_path / "readout-diff.sqlite").read_bytes() == damaged


def test_a_damaged_embedding_cache_is_moved_aside_and_rebuilt(tmp_path: Path) -> None:
    cache = tmp_path / "embeddings.sqlite"
    cache.write_bytes(b"this is not a database" * 100)
    encoder = CachedEncoder(FakeEncoder(), VectorCache(cache))
    assert encoder.encode(["peace across the Taiwan Strait"]).shape == (1, 256)
    encoder.close()
    (aside,) = tmp_path.glob("embeddings.sqlite.damaged-*")
    assert aside.read_bytes().startswith(b"this is not a database")
    assert CachedEncoder(FakeEncoder(), VectorCache(cache)).encode(["peace"]).shape == (1, 256)


def test_a_backup_taken_while_comparisons_are_written_restores_to_a_sound_database(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    data.mkdir()
    _database(data, comparisons=1)
    store = Store(data / "readout-diff.sqlite")
    writer = Comparisons(store, FakeEncoder())
    stop = threading.Event()

    def keep_writing() -> None:
        while not stop.is_set():
            writer.submit(ComparisonRequest([US, KR]))

    thread = threading.Thread(target=keep_writing)
    thread.start()
    time.sleep(0.2)
    before = writer.count()
    backup = tmp_path / "backup.sqlite"
    assert main(["db", "backup", str(backup), "--data", str(data)]) == 0
    stop.set()
    thread.join()
    store.close()
    assert main(["db", "backup", str(backup), "--data", str(data)]) == 2  # never overwritten
    restored = tmp_path / "restored"
    assert main(["db", "restore", str(backup), "--data", str(restored)]) == 0
    assert main(["db", "check", "--data", str(restored)]) == 0
    reopened = Store(restored / "readout-diff.sqlite")
    assert Comparisons(reopened, FakeEncoder()).count() >= before
    reopened.close()


def test_restore_is_refused_while_another_process_has_the_database_open(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _database(tmp_path)
    backup = tmp_path / "backup.sqlite"
    assert main(["db", "backup", str(backup), "--data", str(tmp_path)]) == 0
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sqlite3, sys, time; c = sqlite3.connect(sys.argv[1]);"
            "c.execute('PRAGMA journal_mode=WAL'); c.execute('SELECT 1 FROM comparisons');"
            "print('open', flush=True); time.sleep(60)",
            str(path),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "open"
        before = path.read_bytes()
        capsys.readouterr()
        assert main(["db", "restore", str(backup), "--data", str(tmp_path)]) == 2
        assert "is in use" in capsys.readouterr().err
        assert path.read_bytes() == before
    finally:
        holder.kill()
        holder.wait()
    assert main(["db", "restore", str(backup), "--data", str(tmp_path)]) == 0
