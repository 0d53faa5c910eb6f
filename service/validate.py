"""The one input check: what every entry point (API, pages, CLI, batch) accepts as a comparison."""

from __future__ import annotations

import datetime
import re
import unicodedata
from collections.abc import Sequence

from service.errors import InvalidInput
from service.pipeline.types import Readout

MAX_SIDE_LENGTH = 16
# A comparison takes two readouts of one meeting, or up to six (a Quad meeting has four).
MIN_READOUTS, MAX_READOUTS = 2, 6
# Control characters (C0, DEL, C1): never part of a side label; NUL never in a readout.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _invisible(label: str) -> bool:
    """Format characters (zero-width space and joiners, bidi marks, BOM): "U\u200bS" would
    be shown as US but stored as another side."""
    return any(unicodedata.category(ch) == "Cf" for ch in label)


def too_long_side(label: str) -> str:
    """The words for a side label over MAX_SIDE_LENGTH: it is refused, never cut."""
    return (
        f"the side label {label!r} has {len(label)} characters; a side label has at most"
        f" {MAX_SIDE_LENGTH} (a short name such as US, KR or USA)"
    )


def side_key(label: str) -> str:
    """What makes two side labels the same side: case and compatibility forms ("ＵＳ") aside."""
    return unicodedata.normalize("NFKC", label.strip()).casefold()


def validate(
    readouts: Sequence[Readout], *, date: str | None = None, max_chars: int | None = None
) -> None:
    """Raise InvalidInput unless there are 2 to 6 readouts with distinct, short sides.

    Also checks what every entry point shares: readout text (not empty, no NUL, at most
    `max_chars`), http(s) source URLs and a real YYYY-MM-DD date.
    """
    if not MIN_READOUTS <= len(readouts) <= MAX_READOUTS:
        raise InvalidInput(
            f"a comparison needs {MIN_READOUTS} to {MAX_READOUTS} readouts, got {len(readouts)}"
        )
    for readout in readouts:
        side = readout.side.strip()
        bad = _CONTROL.search(readout.side) or _invisible(readout.side)
        if len(side) > MAX_SIDE_LENGTH and not bad:
            raise InvalidInput(too_long_side(side))
        if not side or bad:
            raise InvalidInput(
                f"side labels must be 1-{MAX_SIDE_LENGTH} printable characters: {readout.side!r}"
            )
        if not readout.text.strip():
            raise InvalidInput(f"the {side} readout is empty")
        if "\x00" in readout.text:
            raise InvalidInput(f"the {side} readout contains NUL bytes: binary data, not text")
        if max_chars is not None and len(readout.text) > max_chars:
            raise InvalidInput(
                f"the {side} readout has {len(readout.text)} characters; the limit is {max_chars}"
            )
        if readout.url is not None and not readout.url.startswith(("http://", "https://")):
            raise InvalidInput(f"the {side} readout's url must start with http:// or https://")
    seen: dict[str, str] = {}
    for readout in readouts:
        key = side_key(readout.side)
        if key in seen:
            what = "two readouts" if len(readouts) == 2 else "readouts"
            raise InvalidInput(f"the {what} need different sides, both are {seen[key]!r}")
        seen[key] = readout.side
    check_date(date)


MAX_BATCH_NAME = 200


def batch_name(name: str | None) -> str | None:
    """A batch's name as stored: trimmed, None when blank; InvalidInput for control or
    invisible format characters, or more than MAX_BATCH_NAME characters."""
    name = (name or "").strip()
    if _CONTROL.search(name) or _invisible(name):
        raise InvalidInput("a batch name must be printable text (no control characters)")
    if len(name) > MAX_BATCH_NAME:
        raise InvalidInput(f"a batch name has at most {MAX_BATCH_NAME} characters, got {len(name)}")
    return name or None


def check_date(date: str | None) -> None:
    """Raise InvalidInput unless `date` is None or a real calendar day as YYYY-MM-DD."""
    if date is None:
        return
    try:
        if not _DATE.match(date):
            raise ValueError
        datetime.date.fromisoformat(date)
    except ValueError:
        raise InvalidInput(f"date must be a real day as YYYY-MM-DD, got {date!r}") from None
