"""Chinese: jieba words (zh/analyser.py), the shared token rules (morph.py) and the
genre's Chinese word lists (zh/words.py)."""

from __future__ import annotations

from service.pipeline.clean import Segment
from service.pipeline.languages.base import Language, Piece, Predicate, Term, Tokens
from service.pipeline.languages.cjk import cjk_claims, cjk_sentences
from service.pipeline.languages.frequency import listed_specificity
from service.pipeline.languages.morph import is_framing, noun_terms, stance
from service.pipeline.languages.zh.analyser import analyse
from service.pipeline.languages.zh.speaker import parties, subject
from service.pipeline.languages.zh.words import LEXICON

# A compound the list lacks (战略互惠关系) is rarely an everyday word, but not a name.
UNLISTED_SPECIFICITY = 0.8


def specificity(word: str, common_zipf: float) -> float:
    """A Chinese word's specificity by wordfreq's Chinese list."""
    return listed_specificity(word, "zh", common_zipf, UNLISTED_SPECIFICITY)


def _claims(text: str, sentence: Segment) -> list[Piece]:
    return cjk_claims(text, sentence, analyse, LEXICON)


def _terms(text: str, common_zipf: float, tokens: Tokens | None) -> list[Term]:
    return noun_terms(text, tokens or analyse(text), LEXICON, specificity, common_zipf)


def _predicate(text: str, tokens: Tokens | None) -> Predicate | None:
    return stance(text, tokens or analyse(text), LEXICON)


def _framing(text: str, tokens: Tokens | None, opening: bool, common_zipf: float) -> bool:
    return is_framing(text, tokens or analyse(text), LEXICON, opening, specificity, common_zipf)


LANGUAGE = Language(
    code="zh",
    sentences=cjk_sentences,
    claims=_claims,
    terms=_terms,
    specificity=specificity,
    predicate=_predicate,
    subject=subject,
    parties=parties,
    framing=_framing,
    drops_subject=True,
)
