"""`readout-diff db check|backup|restore`: look after the SQLite database file."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from service.commands import Commands, Handler, add_command
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


HELP = """\
Look after the SQLite database under READOUT_DIFF_DATA (default ./data). For PostgreSQL
(READOUT_DIFF_DATABASE_URL) use pg_dump and pg_restore instead.

example: readout-diff db backup backups/readout-diff-2026-12-02.sqlite"""
# action, what it does, its argument (name, help) if any, an example, the handler
_ACTIONS: list[tuple[str, str, tuple[str, str] | None, str, Handler]] = [
    ("check", "run SQLite's integrity_check (exit 0 sound, 3 damaged)", None,
     "readout-diff db check --data ./data", _check),
    ("backup", "copy the database to a new file; safe while the service runs",
     ("destination", "a new file for the backup"),
     "readout-diff db backup backups/monday.sqlite", _backup),
    ("restore", "replace the database by a backup (refused while a service has it open)",
     ("source", "a backup made by `readout-diff db backup`"),
     "readout-diff db restore backups/monday.sqlite", _restore),
]  # fmt: skip


def register(commands: Commands) -> None:
    db = add_command(commands, "db", "check, back up or restore the SQLite database", HELP)
    actions = db.add_subparsers(dest="action", required=True, parser_class=type(db))
    for name, summary, argument, example, handler in _ACTIONS:
        action = actions.add_parser(name, help=summary, epilog=f"example: {example}")
        if argument is not None:
            action.add_argument(argument[0], help=argument[1])
        action.add_argument("--data", help="data folder (default: READOUT_DIFF_DATA or ./data)")
        action.set_defaults(handler=handler)
