"""The one input check: what every entry point (API, pages, CLI, batch) accepts as a comparison."""

from __future__ import annotations

import datetime
import re
import unicodedata
from collections.abc import Sequence
from typing import Literal

import msgspec

from service.errors import InvalidInput
from service.pipeline.types import Readout

MAX_SIDE_LENGTH = 16
# A comparison takes two readouts of one meeting, or up to six (a Quad meeting has four).
MIN_READOUTS, MAX_READOUTS = 2, 6
MAX_TITLE_LENGTH = 300
MAX_SOURCE_LENGTH = 500
MAX_URL_LENGTH = 2000
MAX_SEARCH_LENGTH = 200  # the list's text filter
MAX_BATCH_NAME = 200
URL_SCHEMES = ("http://", "https://")
ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth")
# Control characters (C0, DEL, C1): never part of a side label; NUL never in a readout.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

Part = Literal["readouts", "side", "text", "source", "url", "title", "date"]
Code = Literal[
    "count",
    "empty",
    "spaces",
    "unprintable",
    "too-long",
    "same-side",
    "nul",
    "not-url",
    "not-a-day",
]


class Problem(msgspec.Struct, frozen=True):
    """Why a comparison is refused, as data: which field (`index` names the readout), what
    is wrong (`code`), the limit broken and the value refused; `message` says it in words."""

    part: Part
    code: Code
    message: str
    index: int | None = None
    limit: int | None = None
    value: str | None = None

    @property
    def key(self) -> str:
        """The field as a JSON path below the body: `readouts[1].side`, `date`."""
        return self.part if self.index is None else f"readouts[{self.index}].{self.part}"


class Refused(InvalidInput):
    """A comparison the one check refuses; `problem` says which field and why."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.message)
        self.problem = problem


def side_key(label: str) -> str:
    """What makes two side labels the same side: case and compatibility forms ("ＵＳ") aside."""
    return unicodedata.normalize("NFKC", label).casefold()


def too_long_side(label: str) -> str:
    """The words for a side label over MAX_SIDE_LENGTH: it is refused, never cut."""
    return (
        f"the side label {label!r} has {len(label)} characters; a side label has at most"
        f" {MAX_SIDE_LENGTH} (a short name such as US, KR or USA)"
    )


def _unprintable(label: str) -> bool:
    """Control characters, and format characters (zero-width space and joiners, bidi marks,
    BOM): "U\u200bS" would be shown as US but stored as another side."""
    return bool(_CONTROL.search(label)) or any(unicodedata.category(c) == "Cf" for c in label)


def check(
    readouts: Sequence[Readout],
    *,
    title: str | None = None,
    date: str | None = None,
    max_chars: int | None = None,
    to_fetch: bool = False,
) -> None:
    """Raise Refused unless there are 2 to 6 readouts with distinct, short, printable sides,
    each with text (not blank, no NUL, at most `max_chars`), http(s) URLs, a title and
    sources within their limits and a real YYYY-MM-DD date. Every entry point calls this.

    `to_fetch`: a readout with a URL and no text passes, to be fetched before it is compared
    (a batch line, checked as it is read; its page's text is checked again by `prepare`)."""
    problem = _problem(readouts, title, date, max_chars, to_fetch)
    if problem is not None:
        raise Refused(problem)


def _problem(
    readouts: Sequence[Readout],
    title: str | None,
    date: str | None,
    max_chars: int | None,
    to_fetch: bool = False,
) -> Problem | None:
    if not MIN_READOUTS <= len(readouts) <= MAX_READOUTS:
        return Problem("readouts", "count", f"a comparison needs {MIN_READOUTS} to"
                       f" {MAX_READOUTS} readouts, got {len(readouts)}")  # fmt: skip
    for index, readout in enumerate(readouts):
        found = _side_problem(index, readout.side) or _readout_problem(
            index, readout, max_chars, to_fetch
        )
        if found is not None:
            return found
    seen: dict[str, str] = {}
    for index, readout in enumerate(readouts):
        key = side_key(readout.side)
        if key in seen:
            what = "two readouts" if len(readouts) == 2 else "readouts"
            message = f"the {what} need different sides, both are {seen[key]!r}"
            return Problem("side", "same-side", message, index=index, value=readout.side)
        seen[key] = readout.side
    if title is not None and len(title) > MAX_TITLE_LENGTH:
        message = f"the title has {len(title)} characters; at most {MAX_TITLE_LENGTH}"
        return Problem("title", "too-long", message, limit=MAX_TITLE_LENGTH)
    if date is not None and not is_day(date):
        message = f"the date must be a real day as YYYY-MM-DD, got {date!r}"
        return Problem("date", "not-a-day", message, value=date)
    return None


def _side_problem(index: int, side: str) -> Problem | None:
    whose = f"the {ORDINALS[index]} readout's side label"
    if not side.strip():
        return Problem("side", "empty", f"{whose} is empty", index=index, value=side)
    if _unprintable(side):
        message = f"{whose} must be printable characters (no control characters): {side!r}"
        return Problem("side", "unprintable", message, index=index, value=side)
    if side != side.strip():
        message = f"{whose} has spaces at either end: {side!r}"
        return Problem("side", "spaces", message, index=index, value=side)
    if len(side) > MAX_SIDE_LENGTH:
        return Problem("side", "too-long", too_long_side(side), index=index,
                       limit=MAX_SIDE_LENGTH, value=side)  # fmt: skip
    return None


def _readout_problem(
    index: int, readout: Readout, max_chars: int | None, to_fetch: bool = False
) -> Problem | None:
    whose = f"the {ORDINALS[index]} readout's"
    text = readout.text
    if not text.strip() and not (to_fetch and readout.url):
        return Problem("text", "empty", f"{whose} text is empty", index=index)
    if "\x00" in text:
        message = f"{whose} text contains NUL bytes: binary data, not text"
        return Problem("text", "nul", message, index=index)
    if max_chars is not None and len(text) > max_chars:
        message = (f"{whose} text has {len(text)} characters; the limit is {max_chars}"
                   " (READOUT_DIFF_MAX_READOUT_CHARS)")  # fmt: skip
        return Problem("text", "too-long", message, index=index, limit=max_chars)
    if readout.url is not None and not readout.url.startswith(URL_SCHEMES):
        message = f"{whose} URL must start with http:// or https://"
        return Problem("url", "not-url", message, index=index, value=readout.url)
    for part, value, limit in (("url", readout.url, MAX_URL_LENGTH),
                               ("source", readout.source, MAX_SOURCE_LENGTH)):  # fmt: skip
        if value is not None and len(value) > limit:
            message = f"{whose} {part} has {len(value)} characters; at most {limit}"
            return Problem(part, "too-long", message, index=index, limit=limit)  # type: ignore[arg-type]
    return None


def batch_name(name: str | None) -> str | None:
    """A batch's name as stored: trimmed, None when blank; InvalidInput for control or
    invisible format characters, or more than MAX_BATCH_NAME characters."""
    name = (name or "").strip()
    if _unprintable(name):
        raise InvalidInput("a batch name must be printable text (no control characters)")
    if len(name) > MAX_BATCH_NAME:
        raise InvalidInput(f"a batch name has at most {MAX_BATCH_NAME} characters, got {len(name)}")
    return name or None


def is_day(value: str) -> bool:
    """Whether `value` is a real calendar day written YYYY-MM-DD."""
    if not _DATE.match(value):
        return False
    try:
        datetime.date.fromisoformat(value)
    except ValueError:
        return False
    return True
