"""The strength scale on readout sentences (fixtures unless marked built), English and Korean."""

from __future__ import annotations

import pytest

from service.pipeline.languages.en.scale import english_predicate
from service.pipeline.languages.ko.split import morphemes
from service.pipeline.readings.level import LEVEL_NAMES, claim_predicate


@pytest.mark.parametrize(
    ("sentence", "predicate", "level"),
    [
        (
            "Secretary Rubio and Foreign Minister Cho discussed efforts to advance the shared "
            "prosperity of the United States and the ROK",
            "discussed",
            1,
        ),
        (
            "They both welcomed the announcement of a full and complete trade deal",
            "welcomed",
            2,
        ),
        (
            "Both emphasized that maintaining peace and stability across the Taiwan Strait was "
            "an indispensable element of security",
            "emphasized",
            3,
        ),
        (
            "and expressed serious concerns about North Korea's increasing military cooperation "
            "with Russia",
            "expressed serious concerns",
            3,
        ),
        (
            "They condemned the Democratic People's Republic of Korea (DPRK)'s ballistic missile "
            "launches, which have been in violation of multiple UN Security Council resolutions.",
            "condemned",
            4,
        ),
        # Built sentences: an intensifier before the verb raises it, capped at the top level.
        ("The Secretary strongly condemned the launches", "strongly condemned", 4),
        (
            "The Secretary firmly opposes any unilateral attempt to change the status quo",
            "firmly opposes",
            4,
        ),
    ],
)
def test_english_predicates_and_levels(sentence: str, predicate: str, level: int) -> None:
    found = english_predicate(sentence)
    assert found is not None
    assert (found.text, found.level) == (predicate, level)


def test_a_hedge_lowers_the_level() -> None:
    plain = english_predicate("The two sides discussed cooperation on supply chains")
    hedged = english_predicate("The two sides agreed to explore cooperation on supply chains")
    agreed = english_predicate("The two sides agreed to expand cooperation on supply chains")
    assert plain is not None and hedged is not None and agreed is not None
    assert (agreed.level, hedged.level, plain.level) == (2, 1, 1)


def test_a_claim_that_reports_only_a_meeting_has_no_level() -> None:
    assert (
        english_predicate("Secretary of State Marco Rubio met with Foreign Minister Cho Hyun today")
        is None
    )


def _korean(sentence: str) -> tuple[str, int] | None:
    found = claim_predicate(sentence, "ko", morphemes(sentence))
    return None if found is None else (found.text, found.level)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "양 장관은 한미동맹이 역내 평화·안정·번영의 핵심축임을 재확인하는 한편",
            ("재확인하는", 3),
        ),
        ("양 장관은 한미 관세협상의 타결을 축하하고", ("축하하고", 2)),
        ("북한의 완전한 비핵화 목표를 확고히 견지하기로 했다.", ("확고히 견지하기로", 4)),
        # Built in the ministry's wording: the fixtures' Korean text has no 논의, 규탄 or 우려.
        ("양 장관은 한반도 정세에 대해 논의했다.", ("논의했다", 1)),
        ("정부는 북한의 탄도미사일 발사를 강력히 규탄했다.", ("강력히 규탄했다", 4)),
        ("양측은 북러 군사협력에 대해 심각한 우려를 표명했다.", ("심각한 우려를 표명했다", 3)),
        ("한일 간 협력이 공조의 토대라는 데 의견을 같이했다.", ("의견을 같이했다", 2)),
    ],
)
def test_korean_predicates_and_levels(sentence: str, expected: tuple[str, int]) -> None:
    assert _korean(sentence) == expected


def test_korean_without_a_stance_has_no_level() -> None:
    assert (
        _korean(
            "조 장관은 올해 경주에서 개최되는 APEC 정상회의에 트럼프 대통령을 초청하였음을 전하며"
        )
        is None
    )


def test_every_level_is_named() -> None:
    assert sorted(LEVEL_NAMES) == [1, 2, 3, 4]
