"""A crash-safe record of finished comparisons in the output folder, so reruns resume."""

from __future__ import annotations

import errno
import fcntl
import os
import re
from pathlib import Path

import msgspec

from service.batch.items import Item
from service.errors import Conflict, InvalidInput, StorageFull
from service.pipeline.types import Report
from service.render.json import to_json

JOURNAL = "journal.jsonl"
REPORTS = "reports"


class Journal:
    """Append-only `journal.jsonl` plus `reports/*.json`; held under an exclusive lock.

    An item counts as done only once its line is on disk (written, flushed, fsynced): its report
    file is written and fsynced first, so every journalled report exists. A line cut short by a
    kill is dropped on the next open, and that item simply runs again.
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        try:
            (folder / REPORTS).mkdir(parents=True, exist_ok=True)
            self._lock = open(folder / ".lock", "w")  # noqa: SIM115 (held while open)
        except OSError as error:
            raise InvalidInput(
                f"{folder}: cannot write the output folder ({error.strerror})"
            ) from None
        try:
            fcntl.flock(self._lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            self._lock.close()
            raise Conflict(f"{folder}: another batch is writing to this folder") from None
        self.entries: dict[str, Item] = self._load()
        self._file = open(folder / JOURNAL, "ab")  # noqa: SIM115 (closed in close())

    def __enter__(self) -> Journal:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        self._file.close()
        self._lock.close()

    def done(self, key: str) -> bool:
        return key in self.entries

    def record(self, item: Item) -> Item:
        """Make one finished item durable; return its journal line (no body, no report)."""
        report = item.outcome
        entry = msgspec.structs.replace(item, body=None, outcome=None)
        try:
            if report is not None:
                name = f"{REPORTS}/{report_name(entry)}"
                write_durably(self.folder / name, to_json(report) + b"\n")
                entry = msgspec.structs.replace(entry, report_file=name)
            line = msgspec.json.encode(entry) + b"\n"
            self._file.write(line)
            self._file.flush()
            os.fsync(self._file.fileno())
        except OSError as error:
            if error.errno != errno.ENOSPC:
                raise
            # A half-written line is cut off when the journal is next read; the meeting counts
            # as not done and is compared again on the next run.
            raise StorageFull(
                f"no space left in {self.folder}; {len(self.entries)} meetings are kept in the "
                f"journal: free some space and run the same command again to finish"
            ) from None
        self.entries[entry.key] = entry
        return entry

    def report(self, entry: Item) -> Report:
        assert entry.report_file is not None
        return msgspec.json.decode((self.folder / entry.report_file).read_bytes(), type=Report)

    def _load(self) -> dict[str, Item]:
        path = self.folder / JOURNAL
        if not path.exists():
            return {}
        raw = path.read_bytes()
        entries: dict[str, Item] = {}
        good = 0
        for line in raw.splitlines(keepends=True):
            try:
                entry = msgspec.json.decode(line, type=Item)
            except msgspec.DecodeError:
                break  # the tail a kill cut short; everything after it is unwritten
            if not line.endswith(b"\n"):
                break
            entries[entry.key] = entry
            good += len(line)
        if good < len(raw):
            with open(path, "r+b") as file:
                file.truncate(good)
        return entries


def report_name(entry: Item) -> str:
    """`<date>_<title slug>_<key>.json`: sortable, readable, unique by key."""
    slug = re.sub(r"[^a-z0-9]+", "-", (entry.title or "untitled").lower()).strip("-")[:48]
    return f"{entry.date or 'undated'}_{slug or 'untitled'}_{entry.key}.json"


def write_durably(path: Path, data: bytes) -> None:
    """Write to a temporary name, fsync, rename: the file is whole or absent, never half."""
    temporary = path.with_name(path.name + ".part")
    try:
        with open(temporary, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
    except OSError:
        temporary.unlink(missing_ok=True)
        raise
    os.replace(temporary, path)
    directory = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(directory)
    finally:
        os.close(directory)
