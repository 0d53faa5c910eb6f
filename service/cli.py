"""The `readout-diff` command line: a thin shell over the pipeline, the store and batch."""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from service.commands import Commands, Handler, add_command
from service.errors import ReadoutDiffError, UsageError
from service.files import read_limited
from service.pipeline.types import Readout
from service.render import FORMATS
from service.settings import DEFAULT_ENCODER, Settings
from service.validate import MAX_SIDE_LENGTH, too_long_side

EXIT_USAGE = 2
EXIT_FAILURE = 1


COMPARE_HELP = """\
Compare two readouts and print what each side stressed alone.

example: readout-diff compare us.txt kr.txt --sides US,KR --format md
         readout-diff compare us.txt kr_ko.txt --sides US,KR  (Korean text as is)"""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(message)


def read_readout(path: Path, side: str, max_chars: int | None = None) -> Readout:
    """Read one readout file as UTF-8, with clear errors for what cannot be compared."""
    # UTF-8 takes at most 4 bytes a character: a bigger file is over the limit unread.
    chars = max_chars if max_chars is not None else Settings().max_readout_chars
    raw = read_limited(path, 4 * chars, f"{chars} characters (READOUT_DIFF_MAX_READOUT_CHARS)")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise UsageError(f"{path}: not UTF-8 text (byte {error.start})") from None
    if "\x00" in text:
        raise UsageError(f"{path}: binary data, expected text")
    if not text.strip():
        raise UsageError(f"{path}: the readout is empty")
    if max_chars is not None and len(text) > max_chars:
        raise UsageError(
            f"{path}: {len(text)} characters is over the limit of {max_chars}"
            " (READOUT_DIFF_MAX_READOUT_CHARS)"
        )
    return Readout(side=side, text=text, source=path.name)


def parse_sides(raw: str | None, paths: Sequence[Path]) -> list[str]:
    """`--sides US,KR`, or the file stems upper-cased."""
    if raw is None:
        return [p.stem.upper() for p in paths]  # checked once the files are read: stem_sides
    sides = [s.strip() for s in raw.split(",")]
    if len(sides) != len(paths) or not all(sides):
        raise UsageError(f"--sides needs {len(paths)} comma-separated labels, got {raw!r}")
    for side in sides:
        if len(side) > MAX_SIDE_LENGTH:
            raise UsageError(f"--sides: {too_long_side(side)}")
    if sides[0].upper() == sides[1].upper():
        raise UsageError(f"--sides needs two different labels, got {raw!r}")
    return sides


def check_stem_sides(stems: Sequence[str]) -> None:
    """File stems as side labels: one over the limit is refused, never cut."""
    for stem in stems:
        if len(stem) > MAX_SIDE_LENGTH:
            raise UsageError(f"{too_long_side(stem)}: name the sides with --sides")


def _compare(args: argparse.Namespace) -> int:
    from service.pipeline import compare
    from service.render import render
    from service.runtime import cached_encoder

    paths = [Path(args.a), Path(args.b)]
    sides = parse_sides(args.sides, paths)
    limit = Settings.from_env().max_readout_chars
    readouts = [read_readout(p, s, limit) for p, s in zip(paths, sides, strict=True)]
    if args.sides is None:
        check_stem_sides(sides)
    report = compare(readouts, cached_encoder(args.encoder), title=args.title, date=args.date)
    sys.stdout.write(render(report, args.format))
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="readout-diff",
        description="Compare two governments' readouts of the same meeting.",
    )
    commands: Commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    compare = add_command(commands, "compare", "compare two readout files", COMPARE_HELP)
    compare.add_argument("a", help="first readout (UTF-8 text file)")
    compare.add_argument("b", help="second readout (UTF-8 text file)")
    compare.add_argument("--sides", help="side labels, e.g. US,KR (default: file stems)")
    compare.add_argument("--format", choices=FORMATS, default="text")
    compare.add_argument("--title", help="meeting title shown in the report")
    compare.add_argument("--date", help="meeting date, YYYY-MM-DD")
    compare.add_argument(
        "--encoder",
        default=None,
        help=f"minilm-onnx-int8, minilm, use, e5 or fake (default: READOUT_DIFF_ENCODER, else "
        f"{DEFAULT_ENCODER}); with an English encoder a pair that is not English on both sides "
        "(a Korean readout) is embedded by use",
    )
    compare.set_defaults(handler=_compare)
    extensions = [importlib.import_module(name).register for name in _EXTENSION_MODULES]
    for register in extensions:
        register(commands)
    return parser


# Modules with a `register(commands)` function (cheap to import: no torch, no litestar at top).
_EXTENSION_MODULES: tuple[str, ...] = (
    "service.api.command",
    "service.batch.command",
    "service.db_command",
)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command; bad input prints one line to stderr and exits with code 2."""
    try:
        args = build_parser().parse_args(argv)
        handler: Handler = args.handler
        return handler(args)
    except ReadoutDiffError as error:
        print(f"readout-diff: error: {error}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("readout-diff: interrupted", file=sys.stderr)
        return 130
    except Exception as error:  # a bug or the system: still one line; the trace on request
        if os.environ.get("READOUT_DIFF_DEBUG") == "1":
            raise
        print(
            f"readout-diff: error: {type(error).__name__}: {error}"
            " (READOUT_DIFF_DEBUG=1 shows the traceback)",
            file=sys.stderr,
        )
        return EXIT_FAILURE


if __name__ == "__main__":
    raise SystemExit(main())
