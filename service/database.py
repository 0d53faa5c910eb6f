"""The SQLite database file: integrity checks, online backups and restores, damaged derived files."""

from __future__ import annotations

import logging
import sqlite3
import time
from contextlib import closing
from pathlib import Path

from service.errors import Conflict, DamagedDatabase, InvalidInput

log = logging.getLogger("readout-diff")


# Every readout-diff database has these from its first migration; the embedding cache or
# another program's file does not.
OWN_TABLES = frozenset({"schema_version", "comparisons"})


def integrity_problems(path: Path) -> list[str]:
    """SQLite's `integrity_check` of `path`, then whether it is a readout-diff database at all:
    empty when the file is sound and ours."""
    if not path.is_file():
        raise InvalidInput(f"{path}: no such database file")
    return _problems(path, "integrity_check")


def _problems(path: Path, check: str) -> list[str]:
    try:
        return _check(path, check, immutable=False)
    except sqlite3.OperationalError:
        # A WAL database in a read-only folder cannot be opened even to read (SQLite makes its
        # -shm file): read it as immutable, which a sound file on read-only media passes.
        try:
            return _check(path, check, immutable=True)
        except sqlite3.DatabaseError as error:
            return [str(error)]
    except sqlite3.DatabaseError as error:
        return [str(error)]


def _check(path: Path, check: str, *, immutable: bool) -> list[str]:
    with closing(_open_read_only(path, immutable=immutable)) as connection:
        rows = [str(row[0]) for row in connection.execute(f"PRAGMA {check}").fetchall()]
        if rows != ["ok"]:
            return rows
        tables = {
            str(name)
            for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        }
    if not tables:
        return ["the file is empty: it holds no readout-diff tables (a zero-byte or blank file)"]
    if not tables >= OWN_TABLES:
        found = ", ".join(sorted(tables)[:5])
        return [f"not a readout-diff database (its tables: {found})"]
    return []


def require_sound(path: Path) -> None:
    """Raise DamagedDatabase, naming the file and what to do, unless `path` is missing or sound.

    A quick check only (the schema and the first pages), so that a large database starts fast.
    """
    if not path.exists():
        return
    problems = _problems(path, "quick_check")
    if problems:
        raise DamagedDatabase(
            f"the database {path} is damaged or not ours ({problems[0]}); restore a backup with "
            f"`readout-diff db restore BACKUP`, or move the file aside to start empty"
        )


def backup(path: Path, destination: Path) -> None:
    """Copy the database to `destination` with SQLite's online backup: safe while it is in use."""
    if not path.is_file():
        raise InvalidInput(f"{path}: no such database file")
    if destination.exists():
        raise InvalidInput(f"{destination} exists; choose a new file for the backup")
    require_sound(path)
    try:
        destination.parent.mkdir(parents=True, exist_ok=True)
        with (
            closing(sqlite3.connect(path)) as source,
            closing(sqlite3.connect(destination)) as target,
        ):
            source.backup(target)
    except (sqlite3.Error, OSError) as error:
        raise InvalidInput(f"cannot back up to {destination}: {error}") from None


def restore(source: Path, path: Path) -> None:
    """Replace the database at `path` by the backup `source`, unless a process has it open."""
    problems = integrity_problems(source)
    if problems:
        raise InvalidInput(f"{source} is not a sound readout-diff backup: {problems[0]}")
    if path.exists() and in_use(path):
        raise Conflict(f"{path} is in use (is `readout-diff serve` running?); stop it first")
    partial = path.with_name(path.name + ".restoring")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with (
            closing(sqlite3.connect(source)) as origin,
            closing(sqlite3.connect(partial)) as target,
        ):
            origin.backup(target)
        for suffix in ("-wal", "-shm"):
            path.with_name(path.name + suffix).unlink(missing_ok=True)
        partial.replace(path)
    except (sqlite3.Error, OSError) as error:
        raise InvalidInput(f"cannot restore {path}: {error}") from None


# Every open connection of a WAL database holds a shared lock on this byte of its -shm file
# (SQLite's "DMS" slot, WALINDEX_LOCK_OFFSET 120 + 8).
_SHM_DMS_BYTE = 128


def in_use(path: Path) -> bool:
    """Whether another process has the database open (a running service keeps it open)."""
    import fcntl

    shm = path.with_name(path.name + "-shm")
    if not shm.exists():
        return False
    with open(shm, "r+b") as handle:
        try:
            fcntl.lockf(handle, fcntl.LOCK_EX | fcntl.LOCK_NB, 1, _SHM_DMS_BYTE)
        except OSError:
            return True
        fcntl.lockf(handle, fcntl.LOCK_UN, 1, _SHM_DMS_BYTE)
    return False


def move_aside(path: Path, reason: str) -> Path:
    """Rename a damaged derived file or folder (the embedding cache, the ONNX export) out of the
    way, with a warning; never used on the database itself."""
    aside = path.with_name(f"{path.name}.damaged-{time.strftime('%Y%m%d-%H%M%S')}")
    path.replace(aside)
    for suffix in ("-wal", "-shm"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)
    log.warning(
        "%s is damaged (%s): moved to %s, starting with an empty cache", path, reason, aside
    )
    return aside


def _open_read_only(path: Path, *, immutable: bool = False) -> sqlite3.Connection:
    flags = "mode=ro&immutable=1" if immutable else "mode=ro"
    return sqlite3.connect(f"file:{path}?{flags}", uri=True)
