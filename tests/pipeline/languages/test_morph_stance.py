"""The stance rules Japanese and Chinese share, on hand-made tokens and a small word list."""

from __future__ import annotations

import dataclasses

from service.pipeline.languages.base import Predicate, Sign, Token, Tokens
from service.pipeline.languages.morph import Lexicon
from service.pipeline.languages.morph_stance import stance, stance_sign

LEXICON = Lexicon(
    titles=frozenset(),
    roles=frozenset(),
    framing=frozenset(),
    calendar=frozenset(),
    levels={"意见交换": 1, "欢迎": 2, "强调": 3, "表示": 1, "支持": 2},
    carriers=frozenset({"表示"}),
    intensifiers=("高度",),
    hedges=("可能",),
    joins=frozenset(),
    favour=frozenset({"支持", "欢迎"}),
    negations=("不",),
    head_final=False,
)


def _tokens(*forms: str) -> tuple[str, Tokens]:
    found, at = [], 0
    for form in forms:
        found.append(Token(form, "VERB", at, len(form)))
        at += len(form)
    return "".join(forms), tuple(found)


def test_the_first_stance_word_head_initial_the_last_head_final() -> None:
    text, tokens = _tokens("双方", "欢迎", "并", "强调")
    assert stance(text, tokens, LEXICON) == Predicate("欢迎", 2)
    final = dataclasses.replace(LEXICON, head_final=True)
    assert stance(text, tokens, final) == Predicate("强调", 3)


def test_a_stance_word_may_span_tokens_and_a_reporting_verb_counts_only_alone() -> None:
    text, tokens = _tokens("表示", "意见", "交换")
    assert stance(text, tokens, LEXICON) == Predicate("意见交换", 1)
    text, tokens = _tokens("双方", "表示")
    assert stance(text, tokens, LEXICON) == Predicate("表示", 1)


def test_an_intensifier_before_raises_and_a_hedge_near_lowers() -> None:
    text, tokens = _tokens("高度", "欢迎")
    assert stance(text, tokens, LEXICON) == Predicate("高度欢迎", 3)
    text, tokens = _tokens("可能", "强调")
    assert stance(text, tokens, LEXICON) == Predicate("强调", 2)
    assert stance(*_tokens("双方", "会见"), LEXICON) is None


def test_a_negation_turns_the_side_round_before_or_after_the_word() -> None:
    assert stance_sign(*_tokens("支持", "和平"), LEXICON) == Sign(1, "支持")
    assert stance_sign(*_tokens("不", "支持"), LEXICON) == Sign(-1, "不支持")
    final = dataclasses.replace(LEXICON, negations=("ない",), head_final=True)
    assert stance_sign(*_tokens("支持", "し", "ない"), final) == Sign(-1, "支持しない")
    assert stance_sign(*_tokens("强调", "合作"), LEXICON) is None
