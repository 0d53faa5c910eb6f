"""Stage 2, split: cleaned segments into sentences, then sentences into claims (spans.py merges)."""

from __future__ import annotations

from service.pipeline.split.english import claim_spans, sentences
from service.pipeline.split.korean import cjk_sentences, korean_claim_spans
from service.pipeline.types import Claim, Segment

__all__ = ["split"]


def split(text: str, segments: list[Segment], side: str, language: str = "en") -> list[Claim]:
    """Split the cleaned readout into claims with spans into `text`, in reading order.

    Korean text splits at its own sentence enders and clause joins (korean.py); Japanese and
    Chinese at their sentence enders; everything else as English.
    """
    found: list[tuple[int, Segment]] = []
    if language == "en":
        for index, sentence in enumerate(sentences(text, segments)):
            found.extend((index, part) for part in claim_spans(text, sentence))
    else:
        for index, sentence in enumerate(cjk_sentences(text, segments)):
            parts = korean_claim_spans(text, sentence) if language == "ko" else [sentence]
            found.extend((index, part) for part in parts)
    total = max(len(found), 1)
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
        for number, (sentence_index, span) in enumerate(found)
    ]
