"""Korean: Kiwi's morphemes (kiwipiepy, its model in the kiwipiepy_model wheel)."""

from __future__ import annotations

from service.pipeline.clean import Segment
from service.pipeline.languages.base import Language, Piece, Predicate, Sign, Tokens
from service.pipeline.languages.cjk import cjk_sentences
from service.pipeline.languages.ko.frame import korean_framing
from service.pipeline.languages.ko.matter import parts
from service.pipeline.languages.ko.speaker import subject
from service.pipeline.languages.ko.split import kiwi, korean_claim_spans, morphemes
from service.pipeline.languages.ko.stance import korean_predicate, korean_sign
from service.pipeline.languages.ko.terms import korean_terms, specificity


def _claims(text: str, sentence: Segment) -> list[Piece]:
    return [Piece(span, tokens) for span, tokens in korean_claim_spans(text, sentence)]


def _predicate(text: str, tokens: Tokens | None) -> Predicate | None:
    return korean_predicate(text, tokens) if tokens else None


def _sign(text: str, tokens: Tokens | None) -> Sign | None:
    return korean_sign(text, tokens) if tokens else None


def _framing(text: str, tokens: Tokens | None, opening: bool, common_zipf: float) -> bool:
    return korean_framing(text, tokens or morphemes(text), opening, common_zipf)


LANGUAGE = Language(
    code="ko",
    sentences=cjk_sentences,
    claims=_claims,
    terms=korean_terms,
    specificity=specificity,
    predicate=_predicate,
    subject=subject,
    framing=_framing,
    drops_subject=True,
    sign=_sign,
    parts=parts,
    # Kiwi's model takes seconds to read; SudachiPy (0.2 s, ~100 MB) and jieba (1.2 s,
    # ~100 MB) load on the first Japanese or Chinese readout, to keep start and RSS low.
    warm=kiwi,
)
