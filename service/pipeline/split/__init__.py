"""Stage 2, split: cleaned segments into sentences, then sentences into claims (spans.py merges)."""

from __future__ import annotations

from typing import NamedTuple

from service.pipeline.clean import Segment
from service.pipeline.split.english import claim_spans, sentences
from service.pipeline.split.korean import Morpheme, cjk_sentences, korean_claim_spans
from service.pipeline.types import Claim

__all__ = ["Morpheme", "Split", "split"]


class Split(NamedTuple):
    """A readout's claims, and the morphemes of each Korean claim by claim id."""

    claims: list[Claim]
    morphemes: dict[str, tuple[Morpheme, ...]]


def split(text: str, segments: list[Segment], side: str, language: str = "en") -> Split:
    """Split the cleaned readout into claims with spans into `text`, in reading order.

    Korean text splits at its own sentence enders and clause joins (korean.py); Japanese and
    Chinese at their sentence enders; everything else as English.
    """
    found: list[tuple[int, Segment, tuple[Morpheme, ...] | None]] = []
    if language == "en":
        for index, sentence in enumerate(sentences(text, segments)):
            found.extend((index, part, None) for part in claim_spans(text, sentence))
    else:
        for index, sentence in enumerate(cjk_sentences(text, segments)):
            if language == "ko":
                found.extend((index, part, m) for part, m in korean_claim_spans(text, sentence))
            else:
                found.append((index, sentence, None))
    total = max(len(found), 1)
    claims = [
        Claim(
            id=f"{side}-{number + 1}",
            side=side,
            text=text[span.start : span.end],
            start=span.start,
            end=span.end,
            sentence=sentence_index,
            position=round(number / total, 4),
        )
        for number, (sentence_index, span, _) in enumerate(found)
    ]
    analysed = {c.id: m for c, (_, _, m) in zip(claims, found, strict=True) if m is not None}
    return Split(claims, analysed)
