"""A trilateral's joint subject in Japanese (三者は, after a leading adverbial) is all sides'."""

from __future__ import annotations

import pytest

from service.pipeline.languages.ja.speaker import subject

CAST = (frozenset({"林"}), frozenset({"ブリンケン"}))


@pytest.mark.parametrize(
    "text",
    [
        "その上で、三者は、日米同盟・米韓同盟の抑止力を高めることで一致しました。",
        "三外相は、連携を確認しました。",
        "3か国は、緊密に連携していくことで一致しました。",
        "両外相は、意見交換を行いました。",
    ],
)
def test_the_three_are_both_sides(text: str) -> None:
    assert subject(text, *CAST) == "both"


def test_a_name_after_a_leading_adverbial_is_still_that_persons() -> None:
    assert subject("冒頭、ブリンケン長官から、哀悼の意が表されました。", *CAST) == "other"
