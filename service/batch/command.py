"""`readout-diff batch`: compare many meetings into a folder, with a progress bar; resumable."""

from __future__ import annotations

import argparse
import errno
import sys
from pathlib import Path

from service.commands import Commands, add_command
from service.errors import StorageFull
from service.settings import Settings

EXIT_OK, EXIT_SOME_FAILED = 0, 1
MAX_CHUNK = 1024

HELP = """\
Compare many meetings, group what each side stressed alone into topics, and count them per
side per year and quarter.

examples:
  readout-diff batch fixtures/batches/history.jsonl --out out/history
  readout-diff batch fixtures/pairs --out out/pairs
  readout-diff batch fixtures/batches/history.jsonl --out out/history --engine ray

Each line of a JSON-lines file is the body of POST /api/comparisons:
  {"title": "...", "date": "2025-07-31", "readouts": [{"side": "US", "text": "..."}, {"side": "KR", "text": "..."}]}
A folder holds one sub-folder per meeting, <YYYY-MM-DD>_<name>/, with two <side>.txt files.

Writes reports/*.json, journal.jsonl, results.json, trends.json, trends.csv and summary.md.
Run it again with the same --out to finish an interrupted batch: finished meetings are kept.
Exit status: 0 all compared, 1 some meetings failed (see results.json), 2 bad input, 4 the disk
is full (finished meetings are kept; free space and run it again)."""


# The disk filled up: what was finished is in the journal, the rest runs when space returns.
EXIT_NO_SPACE = 4


def _chunk(raw: str) -> int:
    try:
        value = int(raw)
    except ValueError:
        value = 0
    if not 1 <= value <= MAX_CHUNK:
        raise argparse.ArgumentTypeError(
            f"must be a whole number from 1 to {MAX_CHUNK}, got {raw!r}"
        )
    return value


def register(commands: Commands) -> None:
    """Add the `batch` subcommand to the `readout-diff` parser."""
    summary = "compare many meetings and count what each side stresses over time"
    parser = add_command(commands, "batch", summary, HELP)
    parser.add_argument("source", help="PAIRS.jsonl, or a folder of <date>_<name>/<side>.txt")
    parser.add_argument("--out", required=True, help="output folder (created; reused to resume)")
    parser.add_argument("--encoder", default=None, help="encoder name (default: from settings)")
    parser.add_argument(
        "--chunk", type=_chunk, default=None,
        help="meetings per encoder call (default: READOUT_DIFF_BATCH_CHUNK or 16)",
    )  # fmt: skip
    parser.add_argument(
        "--engine", choices=("inprocess", "ray"), default="inprocess",
        help="inprocess (default), or ray: a Ray Data pipeline (local Ray on this machine's "
        "cores, or the cluster at --address)",
    )  # fmt: skip
    parser.add_argument(
        "--address", default=None,
        help="the Ray cluster for --engine ray: its GCS address HOST:6379 or auto "
        "(default READOUT_DIFF_RAY_ADDRESS)",
    )  # fmt: skip
    parser.add_argument("--no-progress", action="store_true", help="no progress bar")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from service.batch.folder import run_into_folder
    from service.batch.inputs import read_items, skipped_folders
    from service.batch.progress import BatchProgress
    from service.fetch import fetch_policy
    from service.runtime import cached_encoder

    source, out = Path(args.source), Path(args.out)
    for folder in skipped_folders(source, out):
        print(f"note: skipping {folder}: not a meeting folder", file=sys.stderr)
    items = read_items(source, out)
    settings = Settings.from_env()
    encoder = cached_encoder(args.encoder)
    chunk = args.chunk or settings.batch_chunk
    engine = None
    if args.engine == "ray":
        from service.batch.runners import ray_engine

        engine = ray_engine(
            args.encoder or settings.encoder, chunk, args.address or settings.ray_address
        )
    bar: BatchProgress | None = None

    def start(total: int, done: int, failed: int) -> None:
        nonlocal bar
        bar = BatchProgress(total, done, failed, enabled=not args.no_progress).__enter__()
        if done:
            print(f"resuming: {done} of {total} meetings already done", file=sys.stderr)

    try:
        result = run_into_folder(
            items, Path(args.out), encoder, chunk=chunk, on_start=start, engine=engine,
            on_done=lambda entry: bar.advance(entry.status == "ok") if bar else None,
            fetch_policy=fetch_policy(settings, settings.fetch_hosts),  # as the API's
        )  # fmt: skip
    except (StorageFull, OSError) as error:
        if isinstance(error, OSError) and error.errno != errno.ENOSPC:
            raise
        message = str(error) if isinstance(error, StorageFull) else f"no space left in {args.out}"
        print(f"readout-diff: error: {message}", file=sys.stderr)
        return EXIT_NO_SPACE
    finally:
        if bar is not None:
            bar.__exit__(None, None, None)
    ok = len(result.entries) - result.failed
    print(
        f"{len(result.entries)} meetings: {ok} compared, {result.failed} failed; "
        f"{len(result.trends.topics)} topics; wrote {args.out}/trends.json, trends.csv, "
        f"summary.md, results.json"
    )
    for entry in result.entries:
        if entry.status != "ok":
            print(f"failed: {entry.where}: {entry.error}", file=sys.stderr)
    return EXIT_OK if result.failed == 0 else EXIT_SOME_FAILED
