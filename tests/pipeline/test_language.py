"""Language detection by script share, on the real fixtures and on mixed-script text."""

from __future__ import annotations

from pathlib import Path

import pytest

from service.pipeline.language import all_english, detect_language
from tests.conftest import PAIRS, RUBIO_CHO, SINGLES

# A ministry's own text is named <side>_<language>.txt (kr_ko.txt, jp_ja.txt, cn_zh.txt).
ORIGINALS = sorted(PAIRS.glob("*/*_*.txt"))


def test_the_korean_ministry_text_is_korean() -> None:
    assert detect_language((RUBIO_CHO / "kr_ko.txt").read_text()) == "ko"


@pytest.mark.parametrize("path", ORIGINALS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_original_language_fixture_is_its_language(path: Path) -> None:
    assert detect_language(path.read_text()) == path.stem.split("_")[1]


@pytest.mark.parametrize(
    "path",
    [p for p in sorted([*PAIRS.glob("*/*.txt"), *SINGLES.glob("*.txt")]) if p not in ORIGINALS],
    ids=lambda p: p.name,
)
def test_every_english_fixture_is_english(path: Path) -> None:
    assert detect_language(path.read_text()) == "en"


def test_latin_names_inside_korean_text_do_not_make_it_english() -> None:
    assert detect_language("조 장관은 APEC 정상회의에 트럼프 대통령을 초청했다. AI, UN, G7") == "ko"


def test_a_korean_name_quoted_in_english_text_stays_english() -> None:
    text = "Secretary Blinken met Foreign Minister Cho Tae-yul (조태열) in Washington today."
    assert detect_language(text) == "en"


def test_kana_marks_japanese_and_han_alone_chinese() -> None:
    assert detect_language("林外務大臣は、ブリンケン国務長官と会談した。") == "ja"
    assert detect_language("王毅同布林肯举行会谈。双方同意保持沟通。") == "zh"


def test_text_without_letters_defaults_to_english() -> None:
    assert detect_language("1. 2. 3. — 2025-07-31") == "en"


def test_all_english_only_when_both_are() -> None:
    assert all_english(("en", "en"))
    assert not all_english(("en", "ko"))
    assert not all_english(("ko", "ko"))
