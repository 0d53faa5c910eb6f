"""A meeting: a folder `<YYYY-MM-DD>_<name>/<side>.txt` read as a comparison body, and what
makes two stored copies one meeting."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Sequence
from pathlib import Path

from service.errors import InvalidInput
from service.files import read_limited
from service.pipeline.types import Readout
from service.settings import Settings

# A side file: `us.txt`, `kr.txt`, or a ministry's own-language text `kr_ko.txt`, `cn_zh.txt`.
_SIDE_FILE = re.compile(r"^([A-Za-z]{1,16})(?:_([a-z]{2}))?\.txt$")
_FOLDER = re.compile(r"^(\d{4}-\d{2}-\d{2})_(.+)$")


def looks_like_meeting(folder: Path) -> bool:
    """Named <YYYY-MM-DD>_<name>, or holding a side file: a meeting, if perhaps a broken one."""
    return _FOLDER.match(folder.name) is not None or any(
        p.is_file() and _SIDE_FILE.match(p.name) for p in folder.iterdir()
    )


def meeting_body(meeting: Path) -> dict[str, object]:
    """The folder's two side files, its date and a title from its name; U.S. readout first."""
    match = _FOLDER.match(meeting.name)
    if match is None:
        raise InvalidInput(f"folder name must be <YYYY-MM-DD>_<name>, got {meeting.name!r}")
    files = side_files(meeting)
    if len(files) != 2:
        names = ", ".join(p.name for p in files) or "none"
        raise InvalidInput(f"a meeting folder needs two <side>.txt files, found {names}")
    files.sort(key=lambda p: (side_of_file(p) != "US", side_of_file(p)))
    title = " ".join(word.capitalize() for word in match.group(2).split("-"))
    return {"readouts": [_read_side(p) for p in files], "title": title, "date": match.group(1)}


def side_of_file(path: Path) -> str:
    match = _SIDE_FILE.match(path.name)
    if match is None:
        raise InvalidInput(f"{path.name} is not a <side>.txt file")
    return match.group(1).upper()


def side_files(meeting: Path) -> list[Path]:
    """One readout per side: `<side>.txt`, or else the side's one `<side>_<language>.txt`."""
    by_side: dict[str, list[Path]] = {}
    for path in sorted(meeting.iterdir()):
        if path.is_file() and _SIDE_FILE.match(path.name):
            by_side.setdefault(side_of_file(path), []).append(path)
    chosen = []
    for side, paths in by_side.items():
        plain = [p for p in paths if "_" not in p.stem]
        if not plain and len(paths) > 1:
            names = ", ".join(p.name for p in paths)
            raise InvalidInput(
                f"{side} has several own-language texts ({names}) and no {side.lower()}.txt"
            )
        chosen.append((plain or paths)[0])
    return chosen


def read_text_file(path: Path, chars: int | None = None) -> str:
    """A readout file as UTF-8 text, refused unread when its size is over `chars` characters
    (UTF-8: at most 4 bytes a character); what is in it is `validate.check`'s to judge."""
    chars = chars if chars is not None else Settings.from_env().max_readout_chars
    raw = read_limited(path, 4 * chars, f"{chars} characters (READOUT_DIFF_MAX_READOUT_CHARS)")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InvalidInput(f"{path}: not UTF-8 text (byte {error.start})") from None


def _read_side(path: Path) -> dict[str, str]:
    return {"side": side_of_file(path), "text": read_text_file(path), "source": path.name}


EXAMPLE_SOURCE = "bundled example"
PARTIAL_NOTE = "partial: cut at its last full sentence"
# A full sentence ends with terminal punctuation, perhaps followed by closing quotes/brackets.
_SENTENCE_END = re.compile(r"[.!?。！？][\"'”’)\]]*(?=\s|$)")


def last_full_sentence(text: str) -> tuple[str, bool]:
    """`text` cut after its last full sentence, and whether anything was cut."""
    stripped = text.rstrip()
    ends = list(_SENTENCE_END.finditer(stripped))
    if not ends or ends[-1].end() == len(stripped):
        return text, False
    return stripped[: ends[-1].end()], True


def example_readout(side: dict[str, str]) -> dict[str, str]:
    """A fixture side as a bundled example: marked as one, trimmed (and marked) if cut mid-word."""
    text, partial = last_full_sentence(side["text"])
    source = f"{EXAMPLE_SOURCE}, {PARTIAL_NOTE}" if partial else EXAMPLE_SOURCE
    return {**side, "text": text, "source": f"{source} ({side.get('source', '')})"}


def is_example_source(source: str | None) -> bool:
    return source is not None and source.startswith(EXAMPLE_SOURCE)


# Two copies are one meeting when their readouts start alike: an example is trimmed at its last
# full sentence, so the same meeting added in full by a batch shares the start, not the end.
SAME_MEETING_CHARS = 400


def meeting_key(readouts: Sequence[Readout]) -> str:
    """What one meeting stored twice (a form, then a batch) shares: its sides and the start of
    each readout, whitespace aside; a hash."""
    parts = [(r.side.casefold(), " ".join(r.text.split())[:SAME_MEETING_CHARS]) for r in readouts]
    return hashlib.sha256(json.dumps(parts).encode()).hexdigest()[:32]


def entered(readouts: Sequence[Readout], title: str | None, date: str | None) -> int:
    """How much of the optional fields a person filled in: title, date, sources and URLs."""
    fields = [title, date, *(part for r in readouts for part in (r.source, r.url))]
    return sum(1 for part in fields if part and not is_example_source(part))
