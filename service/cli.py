"""The `readout-diff` command line: a thin shell over the pipeline, the store and batch."""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from service.commands import Commands, Handler, add_command
from service.errors import ReadoutDiffError, UsageError
from service.meetings import read_text_file
from service.pipeline.types import Readout
from service.render import FORMATS
from service.settings import DEFAULT_ENCODER, Settings
from service.validate import Refused

if TYPE_CHECKING:
    from service.fetch import Extracted

EXIT_USAGE = 2
EXIT_FAILURE = 1


COMPARE_HELP = """\
Compare two to six readouts of one meeting and print what each side stressed alone.

A readout is a UTF-8 text file or an http(s) URL, whose page's main text is fetched
(any public host; a loopback or private one only when READOUT_DIFF_FETCH_HOSTS names it).

example: readout-diff compare us.txt kr.txt --sides US,KR --format md
         readout-diff compare us.txt kr_ko.txt --sides US,KR  (Korean text as is)
         readout-diff compare https://www.state.gov/... kr.txt --sides US,KR
         readout-diff compare us.txt jp.txt kr.txt --sides US,JP,KR  (three readouts)"""
URL_PREFIXES = ("http://", "https://")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(message)


def read_readout(path: Path, side: str, max_chars: int | None = None) -> Readout:
    """Read one readout file (`read_text_file`: UTF-8, within the limit)."""
    return Readout(side=side, text=read_text_file(path, max_chars), source=path.name)


def default_side(argument: str) -> str:
    """A file's stem upper-cased; a URL's host without `www.` and its domain ending."""
    if argument.startswith(URL_PREFIXES):
        host = (urlsplit(argument).hostname or "url").removeprefix("www.")
        return host.split(".")[0].upper()
    return Path(argument).stem.upper()


def parse_sides(raw: str | None, arguments: Sequence[str | Path]) -> list[str]:
    """`--sides US,KR`, or each file's stem (a URL's host) upper-cased; the labels themselves
    are checked with the readouts (`validate.check`)."""
    if raw is None:
        return [default_side(str(a)) for a in arguments]
    sides = [s.strip() for s in raw.split(",")]
    if len(sides) != len(arguments) or not all(sides):
        raise UsageError(f"--sides needs {len(arguments)} comma-separated labels, got {raw!r}")
    return sides


def load_readouts(
    arguments: Sequence[str], sides: Sequence[str], settings: Settings
) -> tuple[list[Readout], list[Extracted]]:
    """Each argument read as a file or fetched as a URL; the pages fetched, for their titles."""
    from service.fetch import fetch, fetch_policy

    # A person at a shell may fetch from any public host, and the private ones they name.
    policy = fetch_policy(settings, ("*", *settings.fetch_hosts))
    readouts, pages = [], []
    for argument, side in zip(arguments, sides, strict=True):
        if argument.startswith(URL_PREFIXES):
            page = fetch(argument, policy)
            pages.append(page)
            readouts.append(Readout(side=side, text=page.text, source=page.publisher, url=argument))
        else:
            readouts.append(read_readout(Path(argument), side, settings.max_readout_chars))
    return readouts, pages


def _compare(args: argparse.Namespace) -> int:
    from service.pipeline import compare_prepared, prepare
    from service.render import render
    from service.runtime import cached_encoder

    arguments: list[str] = args.readouts
    sides = parse_sides(args.sides, arguments)
    settings = Settings.from_env()
    readouts, pages = load_readouts(arguments, sides, settings)
    title = args.title or next((p.title for p in pages if p.title), None)
    date = args.date or next((p.date for p in pages if p.date), None)
    try:
        prepared = prepare(readouts, title=title, date=date, max_chars=settings.max_readout_chars)
    except Refused as refused:
        if refused.problem.part != "side":
            raise
        if args.sides is None:  # the labels came from the file names
            raise UsageError(f"{refused}: name the sides with --sides") from None
        raise UsageError(f"--sides: {refused}") from None
    report = compare_prepared(prepared, cached_encoder(args.encoder))
    sys.stdout.write(render(report, args.format))
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="readout-diff",
        description="Compare two governments' readouts of the same meeting.",
    )
    commands: Commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    compare = add_command(commands, "compare", "compare two to six readouts", COMPARE_HELP)
    compare.add_argument(
        "readouts", nargs="+", metavar="READOUT", help="a UTF-8 text file or an http(s) URL"
    )
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
