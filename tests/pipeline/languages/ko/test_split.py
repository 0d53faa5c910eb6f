"""Korean splitting: sentence enders, clause joins and ▲ lists, with exact spans."""

from __future__ import annotations

import itertools

from service.pipeline.clean import Segment, clean
from service.pipeline.languages.cjk import cjk_sentences
from service.pipeline.languages.ko.split import korean_claim_spans
from service.pipeline.split import split
from tests.conftest import RUBIO_CHO

KOREAN = (RUBIO_CHO / "kr_ko.txt").read_text()


def korean_claims(text: str) -> list[str]:
    return [c.text for c in split(text, clean(text), "KR", "ko").claims]


def whole(text: str) -> Segment:
    return Segment(0, len(text))


def test_each_ministry_sentence_is_one_sentence_with_an_exact_span() -> None:
    found = cjk_sentences(KOREAN, clean(KOREAN))
    texts = [KOREAN[s.start : s.end] for s in found]
    assert len(texts) == 7
    assert all(t.endswith(("했다.", "같이했다.")) for t in texts)
    assert (
        texts[4]
        == "특히 조선협력 강화 필요성에 공감하고 이를 구체화하기 위한 범정부 협력 체계도 강화하기로 했다."
    )


def test_hanpyeon_join_separates_the_reaffirmation_from_modernization() -> None:
    sentence = KOREAN[: KOREAN.index("했다.") + 3]
    claims = [KOREAN[s.start : s.end] for s, _ in korean_claim_spans(KOREAN, whole(sentence))]
    assert claims[0].endswith("재확인하는 한편")
    assert "현대화" not in claims[0] and "현대화" in claims[-1]


def test_hago_and_hamyeo_joins_split_two_commitments() -> None:
    claims = korean_claims(KOREAN)
    assert "양 장관은 한미 관세협상의 타결을 축하하고" in claims
    assert (
        "조 장관은 올해 경주에서 개최되는 APEC 정상회의에 트럼프 대통령을 초청하였음을 전하며"
        in claims
    )
    assert "APEC 정상회의의 성공적 개최를 위한 미측의 지지와 협조를 당부했다." in claims


def test_haesseumyeo_joins_and_short_fragments_merge_back() -> None:
    text = "양국은 공급망 협력을 강화했으며 북한 문제를 긴밀히 논의했다. 그리고 좋았고 끝났다."
    assert korean_claims(text) == [
        "양국은 공급망 협력을 강화했으며",
        "북한 문제를 긴밀히 논의했다.",
        "그리고 좋았고 끝났다.",
    ]


def test_enumerations_with_list_marks_become_claims() -> None:
    text = "양측은 ▲한미동맹 강화 ▲북핵 문제 공조 ▲지역 정세에 대해 논의했다."
    assert korean_claims(text) == [
        "양측은 ▲한미동맹 강화",
        "북핵 문제 공조",
        "지역 정세에 대해 논의했다.",
    ]
    listed = "양 장관은 다음 사항을 논의했다: ▲공급망 ▲핵심광물 ▲에너지"
    assert korean_claims(listed)[1:] == ["공급망", "핵심광물", "에너지"]


def test_one_clause_sentences_and_noun_lists_stay_whole() -> None:
    sentence = "양 장관은 굳건한 연합방위태세를 유지하기로 했다."
    assert korean_claims(sentence) == [sentence]
    names = "조 장관은 AI, 원자력, 퀀텀 등 첨단기술 분야 협력을 희망했다."
    assert korean_claims(names) == [names]


def test_the_korean_fixture_splits_into_exact_ordered_spans() -> None:
    claims = split(KOREAN, clean(KOREAN), "KR", "ko").claims
    assert len(claims) >= 10
    assert all(KOREAN[c.start : c.end] == c.text and c.text.strip() == c.text for c in claims)
    assert all(a.end <= b.start for a, b in itertools.pairwise(claims))
    assert [c.sentence for c in claims] == sorted(c.sentence for c in claims)


def test_japanese_and_chinese_sentences_end_at_full_width_stops() -> None:
    text = "林大臣は会談を行った。両者は協力を確認した！次に進む"
    spans = cjk_sentences(text, [whole(text)])
    assert [text[s.start : s.end] for s in spans] == [
        "林大臣は会談を行った。",
        "両者は協力を確認した！",
        "次に進む",
    ]
    assert len(split(text, [whole(text)], "JP", "ja").claims) == 3


def test_decimal_points_and_latin_abbreviations_do_not_end_a_sentence() -> None:
    text = "양국은 2.5% 성장을 전망했다. 미 U.S. 측은 동의했다."
    spans = cjk_sentences(text, [whole(text)])
    assert [text[s.start : s.end] for s in spans] == [
        "양국은 2.5% 성장을 전망했다.",
        "미 U.S. 측은 동의했다.",
    ]
