"""`readout-diff db check|backup|restore`: look after the SQLite database file."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from service.settings import Settings

EXIT_DAMAGED = 3


def _database(args: argparse.Namespace) -> Path:
    return (
        Path(args.data) / "readout-diff.sqlite" if args.data else Settings.from_env().database_path
    )


def _check(args: argparse.Namespace) -> int:
    from service.database import integrity_problems

    path = _database(args)
    problems = integrity_problems(path)
    for problem in problems:
        print(f"{path}: {problem}")
    if not problems:
        print(f"{path}: ok")
    return EXIT_DAMAGED if problems else 0


def _backup(args: argparse.Namespace) -> int:
    from service.database import backup

    path = _database(args)
    backup(path, Path(args.destination))
    print(f"backed up {path} to {args.destination}")
    return 0


def _restore(args: argparse.Namespace) -> int:
    from service.database import restore

    path = _database(args)
    restore(Path(args.source), path)
    print(f"restored {path} from {args.source}", file=sys.stderr)
    return 0


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    db = commands.add_parser(
        "db",
        help="check, back up or restore the SQLite database",
        description="Look after the SQLite database under READOUT_DIFF_DATA (default ./data). "
        "For PostgreSQL (READOUT_DIFF_DATABASE_URL) use pg_dump and pg_restore instead.",
        epilog="example: readout-diff db backup backups/readout-diff-2026-12-02.sqlite",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    actions = db.add_subparsers(dest="action", required=True, parser_class=type(db))
    check = actions.add_parser(
        "check",
        help="run SQLite's integrity_check (exit 0 sound, 3 damaged)",
        epilog="example: readout-diff db check --data ./data",
    )
    check.set_defaults(handler=_check)
    backup = actions.add_parser(
        "backup",
        help="copy the database to a new file; safe while the service runs",
        epilog="example: readout-diff db backup backups/monday.sqlite",
    )
    backup.add_argument("destination", help="a new file for the backup")
    backup.set_defaults(handler=_backup)
    restore = actions.add_parser(
        "restore",
        help="replace the database by a backup (refused while a service has it open)",
        epilog="example: readout-diff db restore backups/monday.sqlite",
    )
    restore.add_argument("source", help="a backup made by `readout-diff db backup`")
    restore.set_defaults(handler=_restore)
    for action in (check, backup, restore):
        action.add_argument("--data", help="data folder (default: READOUT_DIFF_DATA or ./data)")
