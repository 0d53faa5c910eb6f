"""The README's measured tables, written by the benches that measure them.

A table lives between two marker lines, `<!-- <name>: begin -->` and `<!-- <name>: end -->`,
where <name> is the bench script that prints it (`bench/quality.py`); `write_block` replaces
what stands between them, so the README never holds a figure the current lock does not give.
"""

from __future__ import annotations

import re
from pathlib import Path

README = Path(__file__).resolve().parents[1] / "README.md"


def markers(name: str) -> tuple[str, str]:
    return f"<!-- {name}: begin -->", f"<!-- {name}: end -->"


def read_block(name: str, readme: Path = README) -> str:
    """What stands between `name`'s markers (ValueError when they are missing)."""
    begin, end = markers(name)
    found = re.search(re.escape(begin) + r"\n(.*?)" + re.escape(end), readme.read_text(), re.S)
    if found is None:
        raise ValueError(f"{readme} has no block {begin} … {end}")
    return found.group(1)


def write_block(name: str, text: str, readme: Path = README) -> None:
    """Replace the block of `name` with `text` (ValueError when its markers are missing)."""
    read_block(name, readme)
    begin, end = markers(name)
    pattern = re.escape(begin) + r"\n.*?" + re.escape(end)
    body = text.rstrip("\n") + "\n"
    readme.write_text(
        re.sub(pattern, lambda _: f"{begin}\n{body}{end}", readme.read_text(), flags=re.S)
    )
