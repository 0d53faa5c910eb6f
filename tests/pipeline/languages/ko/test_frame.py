"""Korean framing, matching parts and coordinated modifiers (languages/ko/frame.py,
matter.py, split.py)."""

from __future__ import annotations

from service.pipeline.clean import clean
from service.pipeline.languages import language_named
from service.pipeline.languages.ko.matter import MIN_PART_LETTERS, parts
from service.pipeline.split import split

KO = language_named("ko")
ZIPF = 4.25


def framing(text: str, opening: bool = False) -> bool:
    return KO.framing(text, None, opening, ZIPF)


def korean_claims(text: str) -> list[str]:
    return [c.text for c in split(text, clean(text), "KR", "ko").claims]


def test_a_title_line_without_a_predicate_frames_only_when_it_opens() -> None:
    title = "조현 장관, 아세안 계기 한중 외교장관회담 개최"
    assert framing(title, opening=True)
    assert not framing(title, opening=False)
    assert not framing("양 장관은 공급망 협력 강화에 합의했다.", opening=True)


def test_the_lead_that_says_who_met_where_and_when_frames() -> None:
    assert framing("조 장관은 9.3.(수) 오전 (현지 시간) 왕이 중국 외교부장과 회담을 갖고")
    assert framing("조 장관은 루비오 미 국무장관과 만나")
    assert framing("조 장관은 12.1.(월) 왕이 외교부장과 통화하고")


def test_a_meeting_word_beside_a_matter_is_substance() -> None:
    assert not framing("조 장관은 정상회의에 대통령을 초청하였음을 전하며")
    assert not framing("양 장관은 공급망 협력 강화를 위해 회담을 갖고")
    assert not framing("양 장관은 정상회담의 성공적 개최를 위해 긴밀히 조율하기로 했다.")


def test_a_line_saying_the_meeting_was_held_frames() -> None:
    assert framing("이번 회담은 새 정부 출범 후 첫 대면 협의로 약 1주일만에 개최되었다.")
    assert not framing("조 장관은 올해 경주에서 개최되는 정상회의에 대한 지지를 당부했다.")


def test_the_lead_is_cut_after_the_meeting_verb() -> None:
    text = "조 장관은 루비오 미 국무장관과 만나 북한 문제, 지역 정세 등에 대해 의견을 교환했다."
    assert korean_claims(text) == [
        "조 장관은 루비오 미 국무장관과 만나",
        "북한 문제, 지역 정세 등에 대해 의견을 교환했다.",
    ]


def test_coordinated_modifiers_stay_in_one_claim() -> None:
    text = "양측은 국제사회의 단합되고 강력한 대응이 이루어지도록 긴밀히 공조하기로 했다."
    assert korean_claims(text) == [text]
    adverbs = "조 장관은 합의를 신속하고 내실 있게 이행해 나가자고 했다."
    assert korean_claims(adverbs) == [adverbs]
    relative = "양측은 북한 위협은 우선순위를 두고 다루어나가야 할 시급한 과제라고 했다."
    assert korean_claims(relative) == [relative]


def test_a_go_join_before_a_new_clause_still_cuts() -> None:
    text = "조 장관은 기여할 것임을 강조하고 이러한 차원에서 협력을 강화하겠다는 의지를 확인하였다."
    assert korean_claims(text) == [
        "조 장관은 기여할 것임을 강조하고",
        "이러한 차원에서 협력을 강화하겠다는 의지를 확인하였다.",
    ]


def test_comma_parts_are_matched_beside_the_whole_claim() -> None:
    claim = "양측은 원자력 발전 협력, 핵추진잠수함 건조 협력, 조선 분야 협력을 논의했다."
    found = parts(claim)
    assert found[0] == claim
    assert found[1:] == [
        "양측은 원자력 발전 협력",
        "핵추진잠수함 건조 협력",
        "조선 분야 협력을 논의했다",
    ]
    short = "양측은 AI, 원자력, 퀀텀 등 첨단기술 협력을 논의했다."
    assert all(len(p.replace(" ", "")) >= MIN_PART_LETTERS for p in parts(short)[1:])
    assert parts("양 장관은 굳건한 연합방위태세를 유지하기로 했다.") == [
        "양 장관은 굳건한 연합방위태세를 유지하기로 했다."
    ]
    assert KO.parts(claim) == found
