"""English: sentences by syntok, claims at the clause and list breaks between commitments."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from syntok import segmenter

from service.pipeline.clean import Segment
from service.pipeline.languages.spans import Cut, pieces

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


def sentences(text: str, segments: Sequence[Segment]) -> list[Segment]:
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


def claim_spans(text: str, sentence: Segment) -> list[Segment]:
    """Break one sentence at commitment boundaries; fragments too short to stand merge back."""
    body = text[sentence.start : sentence.end]
    cuts = [Cut(m.start(), m.end(), MIN_LIST_ITEM_WORDS) for m in _LIST_BREAK.finditer(body)]
    cuts += [Cut(m.start(), m.end(), MIN_CLAIM_WORDS) for m in _CLAUSE_BREAK.finditer(body)]
    return pieces(text, sentence, cuts, MIN_CLAIM_WORDS)
