"""A language read by a morphological analyser (Japanese, Chinese): its analyser, its word
lists and speaker cues bound to the shared token rules (morph.py) and sentence enders (cjk.py)."""

from __future__ import annotations

from collections.abc import Callable

from service.pipeline.clean import Segment
from service.pipeline.languages.base import Cast, Language, Piece, Predicate, Sign, Term, Tokens
from service.pipeline.languages.cjk import cjk_claims, cjk_sentences
from service.pipeline.languages.frequency import listed_specificity
from service.pipeline.languages.morph import Lexicon, is_framing, noun_terms
from service.pipeline.languages.morph_stance import stance, stance_sign
from service.pipeline.types import Speaker

# A compound the frequency list lacks (戦略的互恵関係, 战略互惠关系) is rarely an everyday word,
# but not a name either.
UNLISTED_SPECIFICITY = 0.8


def analysed_language(
    code: str,
    analyse: Callable[[str], Tokens],
    lexicon: Lexicon,
    subject: Callable[[str, frozenset[str], frozenset[str]], Speaker | None],
    parties: Callable[[str], Cast | None],
) -> Language:
    """The `Language` of `code` whose words come from `analyse` and whose lists are `lexicon`."""

    def specificity(word: str, common_zipf: float) -> float:
        return listed_specificity(word, code, common_zipf, UNLISTED_SPECIFICITY)

    def claims(text: str, sentence: Segment) -> list[Piece]:
        return cjk_claims(text, sentence, analyse, lexicon)

    def terms(text: str, common_zipf: float, tokens: Tokens | None) -> list[Term]:
        return noun_terms(text, tokens or analyse(text), lexicon, specificity, common_zipf)

    def predicate(text: str, tokens: Tokens | None) -> Predicate | None:
        return stance(text, tokens or analyse(text), lexicon)

    def sign(text: str, tokens: Tokens | None) -> Sign | None:
        return stance_sign(text, tokens or analyse(text), lexicon)

    def framing(text: str, tokens: Tokens | None, opening: bool, common_zipf: float) -> bool:
        return is_framing(text, tokens or analyse(text), lexicon, opening, specificity, common_zipf)

    return Language(
        code=code,
        sentences=cjk_sentences,
        claims=claims,
        terms=terms,
        specificity=specificity,
        predicate=predicate,
        subject=subject,
        parties=parties,
        framing=framing,
        drops_subject=True,
        sign=sign,
    )
