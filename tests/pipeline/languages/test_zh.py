"""Chinese: jieba words, clause joins, whole-word terms, asides and framing on the real
Xinhua readout of the 2024-12-25 Li Qiang–Iwaya meeting."""

from __future__ import annotations

from service.pipeline.clean import clean
from service.pipeline.languages import language_named
from service.pipeline.languages.zh.analyser import analyse
from service.pipeline.split import split
from tests.conftest import PAIRS

ZH = language_named("zh")
LI_QIANG = PAIRS / "2024-12-25_iwaya-li-qiang-beijing" / "cn_zh.txt"


def _split() -> tuple[list[str], dict[str, object]]:
    text = LI_QIANG.read_text()
    found = split(text, clean(text), "CN", "zh")
    return [c.text for c in found.claims], dict(found.morphemes)


def test_every_term_is_whole_words_and_never_a_clause() -> None:
    claims, _ = _split()
    for claim in claims:
        tokens = analyse(claim)
        starts = {t.start for t in tokens}
        ends = {t.start + t.len for t in tokens}
        for term in ZH.terms(claim, 3.75, None):
            at = claim.index(term.text)
            assert at in starts and at + len(term.text) in ends, (term.text, claim)
            # never the tail of a numbered word (国领导人 of 两国领导人)
            assert not (at and claim[at - 1] in "一二三四五六七八九十两几"), (term.text, claim)
            assert len(term.text) <= 8, (term.text, claim)  # a phrase, not a clause
            assert term.text not in {"李强", "岩屋毅", "双方", "中方", "日方", "当前"}


def test_the_clause_that_was_one_term_is_now_its_words() -> None:
    claims, _ = _split()
    claim = next(c for c in claims if "关键时期" in c)
    found = [t.text for t in ZH.terms(claim, 3.75, None)]
    assert "中日关系" in found and "关键时期" in found
    assert "中日关系处于改善发展的关键时期" not in found


def test_the_agency_tag_is_no_claim_and_the_opening_is_framing() -> None:
    text = LI_QIANG.read_text()
    found = split(text, clean(text), "CN", "zh")
    assert not any("新华社" in c.text for c in found.claims)
    first = found.claims[0]
    assert "会见" in first.text
    assert ZH.framing(first.text, found.morphemes.get(first.id), True, 3.75)


def test_a_sentence_splits_at_its_joins_and_list_marks_not_at_every_comma() -> None:
    text = (
        "双方同意进一步加强在经贸、科技、能源等各个领域的务实合作；双方还同意继续扩大两国之间的"
        "人文交流和地方合作，同时，切实加强两国青年、媒体、智库和地方政府之间的交往与对话。"
    )
    found = [text[c.start : c.end] for c in split(text, clean(text), "CN", "zh").claims]
    assert len(found) == 3, found
    assert found[0].endswith("务实合作") and found[2].startswith("切实加强")
    claims, _ = _split()
    assert not any(c == "李强指出" for c in claims)  # a reporting frame stays with its clause
    assert any(c.startswith("中方愿同日方") and "推动双边关系" in c for c in claims)


def test_stance_levels_and_joint_subjects() -> None:
    found = ZH.predicate("中方坚决反对任何形式的干涉。", None)
    assert found is not None and found.level == 4
    assert ZH.subject("双方要拓展经贸关系、深化互利合作。", frozenset(), frozenset()) == "both"


def test_the_cast_of_the_opening_names_who_speaks() -> None:
    from service.pipeline.languages.zh.speaker import parties

    claims, _ = _split()
    cast = parties(claims[0])
    assert cast == (frozenset({"李强"}), frozenset({"岩屋毅"}))
    own, other = cast
    assert ZH.subject("李强表示,当前,中日关系处于改善发展的关键时期。", own, other) == "self"
    assert ZH.subject("岩屋毅表示,日中有着2000多年友好交往历史。", own, other) == "other"
    assert ZH.subject("中方愿同日方一道把握好这一正确方向。", own, other) == "self"
    assert ZH.subject("日方愿同中方共同努力。", own, other) == "other"
