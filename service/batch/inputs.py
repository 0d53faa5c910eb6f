"""Batch input: a JSON-lines file of comparison bodies, or a folder of `<date>_<name>/<side>.txt`."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from pathlib import Path

import msgspec

from service import validate
from service.batch.items import Item
from service.comparisons import ComparisonRequest
from service.errors import InvalidInput, ReadoutDiffError
from service.files import read_limited
from service.meetings import looks_like_meeting, meeting_body
from service.settings import Settings
from service.wire import check_depth, decode_request

SAME_MEETING = "the same meeting as"
# A JSON-lines file is read whole: past this it is refused, not read (split it instead).
MAX_FILE_BYTES = 1 << 30


def parse_body(raw: bytes | object) -> ComparisonRequest:
    """A `POST /api/comparisons` body (JSON bytes or decoded), checked by the one check as
    the API checks it (the runner then prepares it without checking again)."""
    settings = Settings.from_env()
    try:
        if isinstance(raw, bytes | bytearray):
            check_depth(bytes(raw), settings.max_json_depth)
        request = decode_request(raw)
    except msgspec.DecodeError as error:
        raise InvalidInput(_decode_message(error)) from None
    validate.check(request.readouts, title=request.title, date=request.date,
                   max_chars=settings.max_readout_chars, to_fetch=True)  # fmt: skip
    return request


def read_items(source: Path, out: Path | None = None) -> list[Item]:
    """The items of a JSON-lines file or a folder; bad entries become error items.

    In a folder, the batch's own output folder `out` and folders that are no meeting (see
    `skipped_folders`) are left out.
    """
    if not source.exists():
        raise InvalidInput(f"{source}: no such file or folder")
    if source.is_dir():
        items = _unique_keys(list(_folder_items(source, out)))
    else:
        raw = read_limited(source, MAX_FILE_BYTES)
        items = lines_items(raw, lambda n: f"{source.name}:{n}")
    if not items:
        raise InvalidInput(f"{source}: no meetings found")
    if all(item.error for item in items) and not source.is_dir() and not _any_json(items):
        raise InvalidInput(f"{source}: not a JSON-lines file (no line is a JSON object)")
    return items


def items_from_bodies(bodies: list[object]) -> list[Item]:
    """The items of `POST /api/batches`: each body checked alone, as the lines of a file."""
    items = []
    for number, raw in enumerate(bodies, 1):
        where = f"item {number}"
        try:
            body = parse_body(raw)
        except ReadoutDiffError as error:
            key = _digest(msgspec.json.encode(raw))
            items.append(Item.invalid(key, where, str(error)))
        else:
            items.append(Item.of(_digest(msgspec.json.encode(body)), where, body))
    return _unique_keys(items)


def line_items(raw: bytes, where: Callable[[int], str]) -> Iterator[Item]:
    """The per-line rule of every JSON-lines batch (a file for the CLI, the batch form): each
    non-blank line is one meeting, a bad line an error item and the rest still run. Bytes that
    are not UTF-8 text are no JSON lines at all: refused whole."""
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise InvalidInput(f"not UTF-8 text (byte {error.start})") from None
    for number, line in enumerate(raw.splitlines(), 1):
        if not line.strip():
            continue
        key = _digest(line)
        try:
            body = parse_body(line)
        except ReadoutDiffError as error:
            yield Item.invalid(key, where(number), str(error))
        else:
            yield Item.of(_digest(msgspec.json.encode(body)), where(number), body)


def lines_items(raw: bytes, where: Callable[[int], str] = lambda n: f"line {n}") -> list[Item]:
    """The items of JSON lines (a file, or the batch form's paste or upload), a meeting listed
    twice counted once."""
    return _unique_keys(list(line_items(raw, where)))


def skipped_folders(folder: Path, out: Path | None = None) -> list[Path]:
    """Subfolders of a meeting folder that are not meetings: the output folder `out`, and any
    folder neither named <YYYY-MM-DD>_<name> nor holding a <side>.txt file."""
    if not folder.is_dir():
        return []
    return [p for p in _subfolders(folder) if not _is_meeting(p, out)]


def _subfolders(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.is_dir() and not p.name.startswith("."))


def _is_meeting(path: Path, out: Path | None) -> bool:
    if out is not None and path.resolve() == out.resolve():
        return False
    return looks_like_meeting(path)


def _folder_items(folder: Path, out: Path | None) -> Iterator[Item]:
    meetings = [p for p in _subfolders(folder) if _is_meeting(p, out)]
    for meeting in meetings:
        where = f"{folder.name}/{meeting.name}"
        try:
            body = parse_body(meeting_body(meeting))
        except ReadoutDiffError as error:
            yield Item.invalid(_digest(where.encode()), where, str(error))
        else:
            yield Item.of(_digest(msgspec.json.encode(body)), where, body)


def _decode_message(error: msgspec.DecodeError) -> str:
    message = str(error)
    if isinstance(error, msgspec.ValidationError):
        return f"not a comparison body: {message}"
    return f"not valid JSON ({message})"


def _any_json(items: list[Item]) -> bool:
    """Whether some line was JSON: an error other than "not valid JSON" (a copy of an earlier
    line says nothing of its own)."""
    return any(
        item.error and not item.error.startswith(("not valid JSON", SAME_MEETING)) for item in items
    )


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:16]


def _unique_keys(items: list[Item]) -> list[Item]:
    """A meeting listed twice is counted once; the copy becomes an error item of its own."""
    first: dict[str, str] = {}
    out = []
    for item in items:
        if item.key not in first:
            first[item.key] = item.where
            out.append(item)
            continue
        message = f"{SAME_MEETING} {first[item.key]}; counted once"
        out.append(Item.invalid(_digest(item.where.encode()), item.where, message))
    return out
