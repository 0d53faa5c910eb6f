"""Stage 2, split: cleaned segments into sentences, then sentences into claims, each by its
language's own rules (languages/)."""

from __future__ import annotations

from typing import NamedTuple

from service.pipeline.clean import Segment
from service.pipeline.languages import language_named
from service.pipeline.languages.base import Token, Tokens
from service.pipeline.types import Claim

__all__ = ["Morpheme", "Split", "split"]

Morpheme = Token


class Split(NamedTuple):
    """A readout's claims, and the tokens of each claim by claim id (where its language's
    terms are read from an analyser's tokens)."""

    claims: list[Claim]
    morphemes: dict[str, Tokens]


def split(text: str, segments: list[Segment], side: str, language: str = "en") -> Split:
    """Split the cleaned readout into claims with spans into `text`, in reading order."""
    room = language_named(language)
    found = [
        (index, piece)
        for index, sentence in enumerate(room.sentences(text, segments))
        for piece in room.claims(text, sentence)
    ]
    total = max(len(found), 1)
    claims = [
        Claim(
            id=f"{side}-{number + 1}",
            side=side,
            text=text[piece.span.start : piece.span.end],
            start=piece.span.start,
            end=piece.span.end,
            sentence=sentence_index,
            position=round(number / total, 4),
        )
        for number, (sentence_index, piece) in enumerate(found)
    ]
    analysed = {
        c.id: piece.tokens for c, (_, piece) in zip(claims, found, strict=True) if piece.tokens
    }
    return Split(claims, analysed)
