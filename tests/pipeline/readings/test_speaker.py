"""Speakers of real readout sentences: joint subjects, this side's official, the other side's."""

from __future__ import annotations

import pytest

from service.pipeline.prepare import prepare
from service.pipeline.readings.cast import Cast, cast_of
from service.pipeline.readings.speaker import speaker_of, speakers
from service.pipeline.types import Readout
from tests.conftest import ROOT

PAIRS = ROOT / "fixtures" / "pairs"
SINGLES = ROOT / "fixtures" / "singles"


def _pair(folder: str, left: str, right: str) -> tuple[Cast, Cast]:
    base = PAIRS / folder
    prepared = prepare(
        [
            Readout(left.split(".")[0].upper(), (base / left).read_text(encoding="utf-8")),
            Readout(right.split(".")[0].upper(), (base / right).read_text(encoding="utf-8")),
        ]
    )
    a, b = prepared.left.claims, prepared.right.claims
    return cast_of(a, b), cast_of(b, a)


US_JP = _pair("2022-05-23_blinken-hayashi-tokyo", "us.txt", "jp.txt")
US_KR = _pair("2025-07-31_rubio-cho-hyun", "us.txt", "kr.txt")


@pytest.mark.parametrize(
    ("text", "cast", "expected"),
    [
        (
            "The two ministers exchanged their views on the current international affairs.",
            US_JP[1],
            "both",
        ),
        ("They reaffirmed their resolute support for Ukraine’s sovereignty", US_JP[0], "both"),
        (
            "Secretary Blinken and Foreign Minister Hayashi discussed their shared interest",
            US_JP[0],
            "both",
        ),
        (
            "Both emphasized that maintaining peace and stability across the Taiwan Strait",
            US_KR[0],
            "both",
        ),
        (
            "The Secretary underscored the importance of U.S.-Japan-ROK cooperation",
            US_JP[0],
            "self",
        ),
        (
            "At the outset, Minister Hayashi welcomed Secretary Blinken’s visit to Japan",
            US_JP[1],
            "self",
        ),
        (
            "In response, Secretary Blinken expressed his hope to strengthen the Japan-U.S. Alliance",
            US_JP[1],
            "other",
        ),
        (
            "Seoul further emphasised a third pillar of partnership in advanced technologies",
            US_KR[1],
            "self",
        ),
        (
            "Speaking with reporters after their meeting, the Korean foreign minister said the talks",
            US_KR[1],
            "self",
        ),
        ("Seoul's Foreign Ministry says they exchanged views on North Korea", US_KR[1], "both"),
        ("including at the United Nations Security Council.", US_JP[1], "unknown"),
    ],
)
def test_a_real_sentences_subject_names_its_speaker(text: str, cast: Cast, expected: str) -> None:
    assert speaker_of(text, cast) == expected


def test_the_same_title_is_this_side_in_one_readout_and_the_other_in_the_other() -> None:
    us, jp = US_JP
    assert speaker_of("The Foreign Minister stressed the alliance.", us) == "other"
    assert speaker_of("The Foreign Minister stressed the alliance.", jp) == "self"


def test_a_korean_readout_names_both_ministers_its_own_and_the_other_side() -> None:
    cast = Cast(frozenset(), frozenset())
    text = (PAIRS / "2025-07-31_rubio-cho-hyun" / "kr_ko.txt").read_text(encoding="utf-8")
    first, second = text.split("\n\n")[:2]
    assert speaker_of(first, cast) == "both"  # 양 장관은
    assert speaker_of(second, cast) == "self"  # 조 장관은
    assert speaker_of("미측은 한미동맹의 중요성을 강조했다.", cast) == "other"


def test_a_clause_without_its_own_subject_is_said_by_whoever_opened_its_sentence() -> None:
    base = PAIRS / "2022-05-23_blinken-hayashi-tokyo"
    prepared = prepare(
        [Readout("US", (base / "us.txt").read_text()), Readout("JP", (base / "jp.txt").read_text())]
    )
    found = speakers(prepared.right.claims, prepared.left.claims)
    by_text = {c.text.split()[0]: found.of[c.id] for c in prepared.right.claims}
    assert by_text["stated"] == "self"  # Minister Hayashi ... and stated that
    assert by_text["renewed"] == "self"
    stated = next(c for c in prepared.right.claims if c.text.startswith("stated"))
    assert stated.id not in found.named


def test_the_other_foreign_minister_in_a_korea_china_readout_is_the_other_side() -> None:
    text = (SINGLES / "2023-11-26_park-jin-wang-yi-busan_kr_partial.txt").read_text()
    prepared = prepare([Readout("KR", text), Readout("CN", "Wang Yi met with Park Jin in Busan.")])
    found = speakers(prepared.left.claims, prepared.right.claims)
    said = {c.text: found.of[c.id] for c in prepared.left.claims}
    invited = next(t for t in said if t.startswith("Foreign Minister Wang formally invited"))
    wished = next(t for t in said if t.startswith("Foreign Minister Park expressed"))
    assert said[invited] == "other"
    assert said[wished] == "self"
    assert said[next(t for t in said if t.startswith("The two sides reaffirmed"))] == "both"


def test_a_korean_subject_marked_with_also_names_its_speaker() -> None:
    """도 ("also") marks a subject as 은/는 do: "루비오 장관도 … 말했다" is the counterpart."""
    cast = Cast(frozenset(), frozenset())
    assert speaker_of("루비오 장관도 필요한 역할을 계속해 나가겠다고 말했다.", cast) == "other"
    assert speaker_of("조 장관도 같은 뜻을 밝혔다.", cast) == "self"


def test_a_subject_glued_at_a_lost_line_break_is_still_read() -> None:
    # from the 2018-08-02 Korean readout as scraped: "The twoMinisters discussed ways…"
    text = "The twoMinisters discussed ways to further advance the ROK-Japan relations."
    assert speaker_of(text, US_KR[1]) == "both"
    assert speaker_of(text.replace("twoMinisters", "two Ministers"), US_KR[1]) == "both"
