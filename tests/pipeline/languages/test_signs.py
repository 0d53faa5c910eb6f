"""Which side a claim's stance word takes, in every room: what opposition across languages
reads. Sentences in the register of each ministry's statements of support and protest."""

from __future__ import annotations

import pytest

from service.pipeline.clean import clean
from service.pipeline.languages import language_named
from service.pipeline.split import split


def _sign(text: str, language: str) -> tuple[int, str] | None:
    found = split(text, clean(text), "X", language)
    (claim,) = found.claims
    sign = language_named(language).sign(claim.text, found.morphemes.get(claim.id))
    return None if sign is None else (sign.direction, sign.word)


@pytest.mark.parametrize(
    ("language", "sentence", "expected"),
    [
        ("ja", "日本は、この決議を支持する旨述べました。", (1, "支持")),
        ("ja", "日本は、この決議を支持しない旨述べました。", (-1, "支持しない")),
        ("ja", "一方的な現状変更の試みに強く反対しました。", (-1, "反対")),
        ("zh", "中方支持联合国在这一问题上发挥作用。", (1, "支持")),
        ("zh", "中方不支持任何单方面改变现状的做法。", (-1, "不支持")),
        ("zh", "中方坚决反对任何形式的干涉。", (-1, "反对")),
        ("ko", "우리측은 이번 결의 채택을 환영했다.", (1, "환영")),
        ("ko", "우리측은 이번 결의를 지지하지 않았다.", (-1, "지지하지 않")),
        ("ko", "양측은 일방적인 현상 변경 시도에 반대했다.", (-1, "반대")),
        ("en", "The United States does not support the resolution.", (-1, "not support")),
        ("en", "The Secretary welcomed the resolution.", (1, "welcomed")),
        ("en", "Both sides condemned the missile launch.", (-1, "condemned")),
    ],
)
def test_the_side_a_stance_word_takes(
    language: str, sentence: str, expected: tuple[int, str]
) -> None:
    assert _sign(sentence, language) == expected


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        ("ja", "両外相は、幅広く意見交換を行いました。"),
        (
            "zh",
            "“互为合作伙伴、互不构成威胁”是两国共同作出的庄严承诺。",
        ),  # 不 negates no stance word
        ("ko", "양측은 한미동맹의 현대화에 대해 논의했다."),
        ("en", "They discussed trade and investment."),
    ],
)
def test_a_claim_that_takes_no_side_has_no_sign(language: str, sentence: str) -> None:
    assert _sign(sentence, language) is None
