"""Korean claims: sentences cut at clause joins (Kiwi's connective endings) and ▲ list marks."""

from __future__ import annotations

import re
import threading
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from service.pipeline.clean import Segment
from service.pipeline.languages.base import Token
from service.pipeline.languages.spans import Cut, pieces

# Enumerations marked "▲ item ▲ item" list separate topics, as English semicolons do.
_LIST_MARK = re.compile(r"\s*▲\s*")
# Connective endings that join two predicates into one sentence: "강화하고", "전하며", "했으며".
_JOIN_ENDINGS = frozenset({"고", "며", "으며"})
_PREDICATE_TAGS = frozenset({"VV", "VA", "VX", "XSV", "XSA", "EP", "VCP"})
# "회담을 갖고", "장관과 만나": the lead's meeting ends there and what was discussed follows.
_MEETING_VERBS = frozenset({"갖", "가지", "만나"})
_MEETING_ENDINGS = frozenset({"어", "아", "고"})
# Adnominal + noun joins that turn to another matter: "재확인하는 한편,", "유지하는 가운데".
_TURN_NOUNS = frozenset({"한편", "가운데"})
# Determiner-like adjectives that open a clause of their own ("이러한 차원에서").
_DEMONSTRATIVES = ("이러", "그러", "저러", "이런", "그런", "이와")
# A fragment with fewer eojeol (space-separated words) than this is no claim of its own.
MIN_CLAIM_EOJEOL = 3
MIN_LIST_ITEM_EOJEOL = 1


Morpheme = Token


Analysed = tuple[Segment, tuple[Morpheme, ...]]


def korean_claim_spans(text: str, sentence: Segment) -> list[Analysed]:
    """Break one Korean sentence at clause joins and ▲ list marks; short fragments merge back.

    Each claim comes with its morphemes: the one Kiwi pass over the sentence also serves the
    claim's terms (classify/coverage.py).
    """
    body = text[sentence.start : sentence.end]
    tokens = morphemes(body)
    cuts = [Cut(m.start(), m.end(), MIN_LIST_ITEM_EOJEOL) for m in _LIST_MARK.finditer(body)]
    cuts += [Cut(at, at, MIN_CLAIM_EOJEOL) for at in clause_joins(body, tokens)]
    spans = pieces(text, sentence, cuts, MIN_CLAIM_EOJEOL)
    return [(span, _within(tokens, span.start - sentence.start, span.end - sentence.start))
            for span in spans]  # fmt: skip


def _within(tokens: Sequence[Morpheme], start: int, end: int) -> tuple[Morpheme, ...]:
    """The morphemes inside [start, end), their offsets counted from `start`."""
    return tuple(
        t._replace(start=t.start - start)
        for t in tokens
        if start <= t.start and t.start + t.len <= end
    )


def clause_joins(sentence: str, tokens: Sequence[Morpheme]) -> list[int]:
    """Offsets just after each clause-joining ending of `sentence` (before its comma or space)."""
    joins: list[int] = []
    for index, token in enumerate(tokens):
        end = token.start + token.len
        at_word_end = end < len(sentence) and sentence[end] in " ,\t\n"
        if not at_word_end or index == 0:
            continue
        previous = tokens[index - 1]
        ending = token.tag == "EC" and token.form in _JOIN_ENDINGS
        turn = token.tag == "NNG" and token.form in _TURN_NOUNS
        met = (
            token.tag == "EC"
            and token.form in _MEETING_ENDINGS
            and previous.tag == "VV"
            and previous.form in _MEETING_VERBS
        )
        joined = ending and previous.tag in _PREDICATE_TAGS and not modifies(tokens, index)
        if joined or (turn and previous.tag == "ETM") or met:
            joins.append(end)
    return joins


def modifies(tokens: Sequence[Morpheme], index: int) -> bool:
    """A "-고" that joins two modifiers of one head ("단합되고 강력한 대응", "유연하고 열린
    접근", "신속하고 내실 있게"): the next word ends as a modifier, an adnominal (ETM) or the
    adverbial "-게", within the next two words ("우선순위를 두고 다루어나가야 할 과제": the
    clause ends in a modifier of a noun); a demonstrative ("이러한") opens a new clause."""
    words = 0
    for at in range(index + 1, len(tokens)):
        token = tokens[at]
        auxiliary = tokens[at + 1 : at + 2] and tokens[at + 1].tag == "VX"  # "다루어나가야 할"
        if token.tag in ("EF", "SF", "SP") or (
            token.tag == "EC" and token.form != "게" and not auxiliary
        ):
            return False
        if token.tag == "ETM" or (token.tag == "EC" and token.form == "게"):
            return not tokens[index + 1].form.startswith(_DEMONSTRATIVES)
        if token.tag.startswith(("NN", "NP", "J")):
            words += 1
            if words > 2:
                return False
    return False


@lru_cache(maxsize=1)
def kiwi() -> Any:
    """The Kiwi morphological analyser; its model ships in the kiwipiepy_model wheel (~3 s).

    Without the typo-correction and multi-word dictionaries (190 MB of the 490 it takes with
    them): ministries' texts are edited, and their multi-word names are nouns Kiwi joins anyway;
    the quality bench prints the same Korean figures either way."""
    from kiwipiepy import Kiwi

    return Kiwi(load_typo_dict=False, load_multi_dict=False)


_KIWI_LOCK = threading.Lock()


def morphemes(text: str) -> tuple[Morpheme, ...]:
    """Kiwi's morphemes of `text`, one caller at a time."""
    with _KIWI_LOCK:
        tokens = kiwi().tokenize(text)
    return tuple(Morpheme(t.form, t.tag, t.start, t.len) for t in tokens)
