"""Stage 2, split: cleaned segments into sentences (syntok), then sentences into claims."""

from __future__ import annotations

import re
from functools import lru_cache

from syntok import segmenter

from service.pipeline.split_ko import cjk_sentences, korean_claim_spans
from service.pipeline.types import Claim, Segment

# A new claim starts where a sentence moves on to another commitment: after a semicolon, or at
# a comma or "and" followed by a new finite verb ("..., and expressed"), a new determiner-led
# object ("..., the full implementation of"), or a subordinating turn ("..., while").
_DETERMINER = r"(?:the|a|an|its|their|our|his|her|this|these|those)"
_FINITE_VERB = r"(?:[a-z]{3,}ed|[a-z]{3,}(?:ied)|held|made|met|spoke|took|gave|said|sought|led|won)"
_NEW_VERB = rf"{_FINITE_VERB}\b(?![,.;])(?!\s+by\b)"
_NOMINAL = rf"{_DETERMINER}\s+(?:[\w’'-]+\s+){{0,3}}of\s"
_LIST_BREAK = re.compile(r";\s+(?:and\s+)?")
_CLAUSE_BREAK = re.compile(
    rf"""
      ,\s+(?:and\s+|as\s+well\s+as\s+)?(?={_NEW_VERB})
    | \s+and\s+(?={_NEW_VERB})
    | ,\s+(?:and\s+)?(?={_NOMINAL})
    | \s+and\s+(?={_NOMINAL})
    | ,\s+(?=while\s|whereas\s|including\s)
    """,
    re.VERBOSE,
)
# A fragment shorter than this is not a commitment of its own ("the Republic of Korea").
MIN_CLAIM_WORDS = 5
# Semicolons separate list items on purpose, so shorter items stand ("information cooperation").
MIN_LIST_ITEM_WORDS = 2


def sentences(text: str, segments: list[Segment]) -> list[Segment]:
    """Sentence spans (into `text`) found by syntok inside each cleaned segment."""
    return [
        Segment(segment.start + start, segment.start + end)
        for segment in segments
        for start, end in _sentence_offsets(text[segment.start : segment.end])
    ]


@lru_cache(maxsize=1024)
def _sentence_offsets(chunk: str) -> tuple[tuple[int, int], ...]:
    """Cached: syntok is most of the split stage, and resubmitted readouts repeat paragraphs."""
    found = []
    for paragraph in segmenter.analyze(chunk):
        for sentence in paragraph:
            tokens = [t for t in sentence if t.value]
            if tokens:
                found.append((tokens[0].offset, tokens[-1].offset + len(tokens[-1].value)))
    return tuple(found)


def split(text: str, segments: list[Segment], side: str, language: str = "en") -> list[Claim]:
    """Split the cleaned readout into claims with spans into `text`, in reading order.

    Korean text splits at its own sentence enders and clause joins (split_ko); Japanese and
    Chinese at their sentence enders; everything else as English.
    """
    pieces: list[tuple[int, Segment]] = []
    if language == "en":
        for index, sentence in enumerate(sentences(text, segments)):
            pieces.extend((index, part) for part in claim_spans(text, sentence))
    else:
        for index, sentence in enumerate(cjk_sentences(text, segments)):
            parts = korean_claim_spans(text, sentence) if language == "ko" else [sentence]
            pieces.extend((index, part) for part in parts)
    total = max(len(pieces), 1)
    return [
        Claim(
            id=f"{side}-{number + 1}",
            side=side,
            text=text[span.start : span.end],
            start=span.start,
            end=span.end,
            sentence=sentence_index,
            position=round(number / total, 4),
        )
        for number, (sentence_index, span) in enumerate(pieces)
    ]


def claim_spans(text: str, sentence: Segment) -> list[Segment]:
    """Break one sentence at commitment boundaries; fragments too short to stand merge back."""
    body = text[sentence.start : sentence.end]
    breaks = [(m.start(), m.end(), MIN_LIST_ITEM_WORDS) for m in _LIST_BREAK.finditer(body)]
    breaks += [(m.start(), m.end(), MIN_CLAIM_WORDS) for m in _CLAUSE_BREAK.finditer(body)]
    breaks.sort()
    merged: list[tuple[int, int]] = []
    start, minimum = 0, MIN_CLAIM_WORDS
    for cut_start, cut_end, cut_minimum in [*breaks, (len(body), len(body), MIN_CLAIM_WORDS)]:
        if cut_start < start:
            continue
        floor = min(minimum, cut_minimum)
        if _words(body[start:cut_start]) >= floor and _words(body[cut_start:]) >= floor:
            merged.append((start, cut_start))
            start, minimum = cut_end, cut_minimum
    if start < len(body):
        if merged and _words(body[start:]) < minimum:
            merged[-1] = (merged[-1][0], len(body))
        else:
            merged.append((start, len(body)))
    spans = [_strip(text, sentence.start + s, sentence.start + e) for s, e in merged]
    return [s for s in spans if s.end > s.start]


def _words(fragment: str) -> int:
    return len(fragment.split())


def _strip(text: str, start: int, end: int) -> Segment:
    while start < end and (text[start].isspace() or text[start] in ",;"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;"):
        end -= 1
    return Segment(start, end)
