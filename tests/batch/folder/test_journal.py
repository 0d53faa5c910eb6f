"""The journal: durable entries, reports on disk, a cut-off tail dropped, one writer at a time."""

from __future__ import annotations

from pathlib import Path

import msgspec
import pytest

from service.batch.folder.journal import JOURNAL, Journal
from service.batch.inputs import read_items
from service.batch.items import Item
from service.batch.runners.local import run_items
from service.errors import Conflict, InvalidInput
from service.pipeline.embed import FakeEncoder
from tests.batch.conftest import WITH_ERRORS


def _record_all(folder: Path) -> list[str]:
    items = read_items(WITH_ERRORS)
    with Journal(folder) as journal:
        for outcome in run_items(items, FakeEncoder()):
            journal.record(outcome)
    return [i.key for i in items]


def test_entries_survive_reopening_with_their_reports(tmp_path: Path) -> None:
    keys = _record_all(tmp_path)
    with Journal(tmp_path) as journal:
        assert set(journal.entries) == set(keys)
        ok = [e for e in journal.entries.values() if e.status == "ok"]
        assert len(ok) == 2
        for entry in ok:
            report = journal.report(entry)
            assert report.id == entry.key and report.date == entry.date
        assert all(e.error for e in journal.entries.values() if e.status == "error")


def test_a_line_cut_short_by_a_kill_is_dropped_and_truncated(tmp_path: Path) -> None:
    keys = _record_all(tmp_path)
    path = tmp_path / JOURNAL
    lines = path.read_bytes().splitlines(keepends=True)
    assert len(lines) == len(keys)
    last = msgspec.json.decode(lines[-1], type=Item).key
    path.write_bytes(b"".join(lines[:-1]) + lines[-1][:20])
    with Journal(tmp_path) as journal:
        assert set(journal.entries) == set(keys) - {last}
    assert path.read_bytes() == b"".join(lines[:-1])


def test_two_writers_on_one_folder_is_a_conflict(tmp_path: Path) -> None:
    with Journal(tmp_path), pytest.raises(Conflict, match="another batch"):
        Journal(tmp_path)


def test_an_output_path_that_is_a_file_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "out").write_text("not a folder")
    with pytest.raises(InvalidInput, match="cannot write the output folder"):
        Journal(tmp_path / "out")
