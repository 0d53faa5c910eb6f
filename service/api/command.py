"""`readout-diff serve`: run the web service with uvicorn."""

from __future__ import annotations

import argparse
import dataclasses
import sys
from pathlib import Path

from service.commands import Commands, add_command
from service.database import require_sound
from service.db_command import EXIT_DAMAGED
from service.errors import DamagedDatabase
from service.settings import Settings

HELP = """\
Serve the web pages and the JSON API. Reports are kept in a SQLite file under READOUT_DIFF_DATA
(default ./data); on first start the fixture pairs are loaded as examples
(READOUT_DIFF_EXAMPLES=0 turns that off).

example: readout-diff serve --host 127.0.0.1 --port 8000"""


def _serve(args: argparse.Namespace) -> int:
    import uvicorn

    from service.allocator import tune_allocator
    from service.api.app import create_app

    tune_allocator()
    settings = Settings.from_env()
    changes: dict[str, object] = {
        "host": args.host or settings.host,
        "port": args.port or settings.port,
    }
    if args.data is not None:
        changes["data_dir"] = Path(args.data)
    if args.no_examples:
        changes["examples"] = False
    settings = dataclasses.replace(settings, **changes)  # type: ignore[arg-type]
    if settings.database_url is None:
        try:
            require_sound(settings.database_path)
            _open_once(settings.database_path)
        except DamagedDatabase as error:
            print(f"readout-diff: error: {error}", file=sys.stderr)
            return EXIT_DAMAGED
    uvicorn.run(create_app(settings), host=settings.host, port=settings.port, log_level="info")
    return 0


def _open_once(path: Path) -> None:
    """Open (and migrate) the SQLite file now, so that a read-only file or folder is one line
    here rather than a traceback from the server's start-up."""
    import sqlite3

    from service.store import Store

    try:
        Store(path, pool_size=1).close()
    except (sqlite3.Error, OSError) as error:
        raise DamagedDatabase(f"cannot open the database {path} for writing: {error}") from None


def _port(raw: str) -> int:
    if not raw.isdigit() or not 0 < int(raw) < 65536:
        raise argparse.ArgumentTypeError(f"must be a number from 1 to 65535, got {raw!r}")
    return int(raw)


def register(commands: Commands) -> None:
    serve = add_command(commands, "serve", "run the web service (pages and JSON API)", HELP)
    serve.add_argument("--host", help="address to bind (default: READOUT_DIFF_HOST or 127.0.0.1)")
    serve.add_argument(
        "--port", type=_port, help="port to bind (default: READOUT_DIFF_PORT or 8000)"
    )
    serve.add_argument("--data", help="data folder (default: READOUT_DIFF_DATA or ./data)")
    serve.add_argument(
        "--no-examples", action="store_true", help="do not load the example pairs on first start"
    )
    serve.set_defaults(handler=_serve)
