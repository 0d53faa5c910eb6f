"""Stage 1, clean: find the body of a scraped readout, dropping page chrome, keeping offsets."""

from __future__ import annotations

import re

import msgspec

from service.errors import InvalidInput

# Lines that are page furniture on official sites, whatever the meeting.
_CHROME_LINE = re.compile(
    r"""^(?:
        (?:the\s+)?(?:below|following)\s+is\s+attributable\s+to\b.*
      | (?:office\s+of\s+the\s+)?spokesperson(?:'s)?(?:\s+office)?\.?
      | (?:press\s+releases?|readout|media\s+note|remarks|share|print|e-?mail|tweet)\.?
      | (?:u\.?s\.?\s+)?department\s+of\s+state
      | \*?\s*(?:unofficial|provisional)\s+translation\.?
      | log\s+in\s+to\s+(?:comment|reply)\b.*
      | (?:\d+\s+)?comments?\b.{0,20}
      | (?:photo|image|\(photo|\[photo|photo\s+by|source)\b[^.]{0,200}
      | by\s+[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){0,3}
      | date\s*[:.]?\s*.{0,40}
      | •?\s*date\s*:.*
    )$""",
    re.IGNORECASE | re.VERBOSE,
)
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DATE_LINE = re.compile(
    rf"^[\s•*-]*(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|\d{{1,2}}\s+{_MONTH},?\s+\d{{4}}|\d{{4}}[-./]\d{{1,2}}[-./]\d{{1,2}}"
    rf"|\d{{1,2}}/\d{{1,2}}/\d{{4}})(?:\s+[\d:]+\s*(?:[ap]\.?m\.?)?(?:\s+[A-Z]{{2,4}})?)?\s*$",
    re.IGNORECASE,
)
# Paragraph markers: "1.", "(3)", "• (1)", "O ", "-", "ㅇ", "□", "○".
_MARKER = re.compile(r"^\s*(?:[•·▪○□ㅇ◦*-]\s*)?(?:\(?\d{1,2}[.)]\s*|\(\d{1,2}\)\s*|[Oo○ㅇ□]\s+)?")
_INLINE_ATTRIBUTION = re.compile(
    r"(?:the\s+)?(?:below|following)\s+is\s+attributable\s+to\s+[^:]{0,80}:\.?\s*",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.!?…:;\"”’)\]。다]\s*$")
_WORD = re.compile(r"[^\W\d_][\w'’.-]*", re.UNICODE)


class Segment(msgspec.Struct, frozen=True):
    """A stretch of the original text that survived cleaning: text[start:end]."""

    start: int
    end: int


def clean(text: str) -> list[Segment]:
    """Return the spans of `text` that carry the readout's content, in order.

    Raises InvalidInput when nothing readable is left.
    """
    body_start = _body_start(text)
    segments: list[Segment] = []
    seen: set[str] = set()
    current: Segment | None = None
    lines = _lines(text, body_start)
    for index, (start, end) in enumerate(lines):
        line = text[start:end]
        normalised = " ".join(line.split()).lower()
        if not normalised:
            current = _flush(segments, current)
            continue
        next_blank = index + 1 == len(lines) or not text[slice(*lines[index + 1])].strip()
        if _is_chrome(line, next_blank) or normalised in seen:
            current = _flush(segments, current)
            continue
        seen.add(normalised)
        marker = _MARKER.match(line)
        content_start = start + (marker.end() if marker else 0)
        if not text[content_start:end].strip():
            continue
        starts_item = content_start > start + (len(line) - len(line.lstrip()))
        if current is not None and not starts_item:
            current = Segment(current.start, end)
        else:
            current = _flush(segments, current)
            current = Segment(content_start, end)
    _flush(segments, current)
    segments = [_trim(text, s) for s in segments]
    segments = [s for s in segments if s.end > s.start]
    if not segments:
        raise InvalidInput(
            "the readout has no readable sentences: only menus, headings, links or sharing"
            " buttons of a web page were found"
        )
    return segments


def _body_start(text: str) -> int:
    """Skip a page header that runs into the body on one line, up to an attribution clause."""
    found = _INLINE_ATTRIBUTION.search(text, 0, min(len(text), 600))
    return found.end() if found else 0


def _lines(text: str, begin: int) -> list[tuple[int, int]]:
    spans = []
    position = begin
    for line in text[begin:].splitlines(keepends=True):
        stripped = line.rstrip("\r\n")
        spans.append((position, position + len(stripped)))
        position += len(line)
    return spans


def _is_chrome(line: str, stands_alone: bool) -> bool:
    stripped = line.strip()
    if _CHROME_LINE.match(stripped) or _DATE_LINE.match(stripped):
        return True
    return _is_heading(stripped, stands_alone) or _is_signature(stripped)


# A signature names an office: a title, its portfolio and office, nothing else.
_SIGNATURE_WORDS = 12


def _is_signature(line: str) -> bool:
    """A line that is only a title ("Spokesperson and Deputy Minister for Public Relations of
    MOFAT"): it opens with a title word and every word is part of a title, a joiner or a name."""
    from service.pipeline.languages.en.words import title_at

    words = _WORD.findall(line)
    if not words or len(words) > _SIGNATURE_WORDS or _SENTENCE_END.search(line):
        return False
    small = {"and", "of", "for", "the"}
    return title_at(words, 0) and all(
        title_at(words, i) or w.lower() in small or w[0].isupper() for i, w in enumerate(words)
    )


def _is_heading(line: str, stands_alone: bool) -> bool:
    """A short line that ends no sentence and is mostly capitalised words: a title.

    A capitalised line followed by more text is a hard-wrapped body line, not a title.
    """
    if _SENTENCE_END.search(line):
        return False
    words = _WORD.findall(line)
    if len(words) <= 3:
        return True
    if len(words) > 25 or not stands_alone:
        return False
    capitalised = sum(1 for w in words if w[0].isupper() or w.lower() in _TITLE_SMALL_WORDS)
    return capitalised / len(words) >= 0.75


_TITLE_SMALL_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "as",
        "at",
        "by",
        "for",
        "from",
        "in",
        "of",
        "on",
        "or",
        "the",
        "to",
        "with",
        "vs",
        "via",
    ]
)


def _flush(segments: list[Segment], current: Segment | None) -> Segment | None:
    """Close the open paragraph; returns None, the new open paragraph."""
    if current is not None:
        segments.append(current)
    return None


def _trim(text: str, segment: Segment) -> Segment:
    start, end = segment.start, segment.end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Segment(start, end)
