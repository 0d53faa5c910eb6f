"""The one span-merge algorithm: cut a sentence at candidate breaks, keep the pieces that stand."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from service.pipeline.clean import Segment

# Separators left at either end of a piece: whitespace, semicolons and commas (also the
# ideographic comma of Japanese and Chinese text).
_EDGE = frozenset(",;、")


@dataclass(frozen=True, order=True)
class Cut:
    """A candidate break `body[start:end]`; the pieces on both sides need `minimum` words."""

    start: int
    end: int
    minimum: int


def pieces(
    text: str,
    sentence: Segment,
    cuts: Iterable[Cut],
    minimum: int,
    size: Callable[[str], int] | None = None,
) -> list[Segment]:
    """Spans into `text` of the pieces of `sentence` between the cuts that leave pieces long enough.

    A piece needs `minimum` words, or the smaller minimum of the cut beside it (list items may
    be short). What opens a sentence before its first cut needs a claim's length: it is the
    lead-in of a list, not an item. A short last piece merges back into the one before.
    `size` measures a piece (whitespace words unless given: characters for scripts that
    write no spaces).
    """
    measure = size or words
    body = text[sentence.start : sentence.end]
    kept: list[tuple[int, int]] = []
    start, floor = 0, minimum
    for cut in sorted(cuts):
        if cut.start < start:
            continue
        if not body[start : cut.start].strip():
            start = cut.end  # a list mark that opens the sentence
            continue
        shared_floor = min(floor, cut.minimum)
        left_floor = shared_floor if start else floor
        if (
            measure(body[start : cut.start]) >= left_floor
            and measure(body[cut.end :]) >= shared_floor
        ):
            kept.append((start, cut.start))
            start, floor = cut.end, cut.minimum
    if start < len(body):
        if kept and measure(body[start:]) < floor:
            kept[-1] = (kept[-1][0], len(body))
        else:
            kept.append((start, len(body)))
    spans = [strip(text, sentence.start + s, sentence.start + e) for s, e in kept]
    return [s for s in spans if s.end > s.start]


def strip(text: str, start: int, end: int) -> Segment:
    """The span without the whitespace and separators at its ends."""
    while start < end and (text[start].isspace() or text[start] in _EDGE):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in _EDGE):
        end -= 1
    return Segment(start, end)


def words(fragment: str) -> int:
    """Words, or eojeol in Korean: what whitespace separates."""
    return len(fragment.split())
