"""How every `readout-diff` subcommand is declared: a one-line summary, a description, examples."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeAlias

if TYPE_CHECKING:
    Commands: TypeAlias = argparse._SubParsersAction[argparse.ArgumentParser]
else:
    Commands = argparse._SubParsersAction
# What runs a subcommand: its parsed arguments in, the exit code out.
Handler = Callable[[argparse.Namespace], int]


def add_command(commands: Commands, name: str, summary: str, text: str) -> argparse.ArgumentParser:
    """A subcommand whose --help shows `text`: its first paragraph, then the rest as written
    (the examples)."""
    description, _, examples = text.partition("\n\n")
    parser: argparse.ArgumentParser = commands.add_parser(
        name,
        help=summary,
        description=description,
        epilog=examples,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    return parser
