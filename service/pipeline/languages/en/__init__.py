"""English: syntok sentences, regular-expression words, stems and the genre's word lists."""

from __future__ import annotations

from service.pipeline.clean import Segment
from service.pipeline.languages.base import Language, Piece, Predicate, Term, Tokens, no_subject
from service.pipeline.languages.en.matter import parts
from service.pipeline.languages.en.scale import english_predicate
from service.pipeline.languages.en.split import claim_spans, sentences
from service.pipeline.languages.en.stance import english_sign
from service.pipeline.languages.en.terms import Vocabulary, distinctive_terms
from service.pipeline.languages.frequency import english_specificity

_NOTHING = Vocabulary(frozenset())


def _claims(text: str, sentence: Segment) -> list[Piece]:
    return [Piece(span, ()) for span in claim_spans(text, sentence)]


def _terms(text: str, common_zipf: float, tokens: Tokens | None) -> list[Term]:
    return distinctive_terms(text, _NOTHING, common_zipf)


def _predicate(text: str, tokens: Tokens | None) -> Predicate | None:
    return english_predicate(text)


def _framing(text: str, tokens: Tokens | None, opening: bool, common_zipf: float) -> bool:
    # English framing is read across both readouts at once (classify/framing.py): the
    # participants of one side's opening name the other side's too.
    return False


LANGUAGE = Language(
    code="en",
    sentences=sentences,
    claims=_claims,
    terms=_terms,
    specificity=english_specificity,
    predicate=_predicate,
    subject=no_subject,
    framing=_framing,
    lexical=True,
    parts=parts,
    sign=lambda text, tokens: english_sign(text),
)
