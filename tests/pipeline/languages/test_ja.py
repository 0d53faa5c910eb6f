"""Japanese: SudachiPy tokens, clause joins, whole-word terms, framing and stance on real
sentences of the Ministry of Foreign Affairs' Japanese readouts."""

from __future__ import annotations

import pytest

from service.pipeline.clean import clean
from service.pipeline.languages import language_named
from service.pipeline.languages.ja.analyser import analyse
from service.pipeline.split import split
from tests.conftest import PAIRS

JA = language_named("ja")
MOTEGI = PAIRS / "2021-07-23_motegi-blinken-call" / "jp_ja.txt"
IWAYA = PAIRS / "2024-12-25_iwaya-li-qiang-beijing" / "jp_ja.txt"
KISHIDA = PAIRS / "2016-07-25_kishida-wang-yi-vientiane" / "jp_ja.txt"
# Particles and conjunctions a term must never end in or carry ("強化及", "昨日は").
_PARTICLES = ("は", "が", "を", "に", "の", "で", "と", "や", "及", "及び", "から", "より")


def _claims(path: object) -> list[str]:
    text = MOTEGI.read_text() if path is MOTEGI else IWAYA.read_text()
    return [c.text for c in split(text, clean(text), "JP", "ja").claims]


@pytest.mark.parametrize("path", [MOTEGI, IWAYA], ids=["motegi", "iwaya"])
def test_every_term_is_whole_words_without_particles_titles_or_names(path: object) -> None:
    for claim in _claims(path):
        tokens = analyse(claim)
        starts = {t.start for t in tokens}
        ends = {t.start + t.len for t in tokens}
        for term in JA.terms(claim, 3.75, None):
            at = claim.index(term.text)
            assert at in starts and at + len(term.text) in ends, (term.text, claim)
            assert not term.text.endswith(_PARTICLES), (term.text, claim)
            assert not term.text.endswith(("大臣", "長官", "総理")), (term.text, claim)
            assert term.text not in {"茂木", "ブリンケン", "岩屋", "李強", "午前", "概要"}


def test_the_motegi_terms_are_the_topics_not_their_glue() -> None:
    claims = _claims(MOTEGI)
    welcome = next(c for c in claims if "米国代表団" in c)
    assert "米国代表団" in [t.text for t in JA.terms(welcome, 3.75, None)]
    topics = next(c for c in claims if "キューバ情勢" in c)
    found = {t.text for t in JA.terms(topics, 3.75, None)}
    assert {"キューバ情勢", "新型コロナウイルス", "中米カリブ"} <= found
    assert "茂木" not in found


def test_a_sentence_splits_at_its_clause_joins() -> None:
    claims = _claims(IWAYA)
    assert any(c.endswith("一致するとともに") for c in claims)
    assert any(c.startswith("あらゆるレベルでの交流") for c in claims)
    # "…を通じて、" is a postposition, not a new clause
    assert not any(c.endswith("促進を通じて") for c in claims)
    # but "…したことを踏まえ、" governs a clause of its own: what follows is a new one
    assert any(c.endswith("方向性を確認したことを踏まえ") for c in claims)
    assert any(c.startswith("頻繁かつ率直に議論を重ね") for c in claims)


def test_a_closing_lead_in_is_its_own_claim_however_short() -> None:
    text = (KISHIDA.read_text().split("冒頭発言")[1]).split("\n")[1]
    found = [text[c.start : c.end] for c in split(text, clean(text), "JP", "ja").claims]
    assert found[0].endswith("大事にしていきたい旨述べたのに対し"), found
    assert found[1] == "岸田大臣より、以下のとおり述べた。", found


def test_the_opening_that_reports_the_meeting_is_framing_and_the_rest_is_not() -> None:
    text = MOTEGI.read_text()
    found = split(text, clean(text), "JP", "ja")
    first, *rest = found.claims
    assert "概要は以下のとおり" in first.text
    assert JA.framing(first.text, found.morphemes.get(first.id), True, 3.75)
    assert not any(JA.framing(c.text, found.morphemes.get(c.id), False, 3.75) for c in rest)


@pytest.mark.parametrize(
    ("sentence", "predicate", "level"),
    [
        ("米国代表団を心から歓迎する旨述べました。", "心から歓迎", 3),
        ("関係国と連携していくことを確認しました。", "確認", 2),  # confirmed: the level of 一致
        ("日米同盟の重要性を再確認しました。", "再確認", 3),
        ("北朝鮮の弾道ミサイル発射を強く非難しました。", "強く非難", 4),
        ("両外相は、幅広く意見交換を行いました。", "意見交換", 1),
    ],
)
def test_stance_words_and_their_levels(sentence: str, predicate: str, level: int) -> None:
    found = JA.predicate(sentence, None)
    assert found is not None and (found.text, found.level) == (predicate, level)


def test_a_joint_subject_is_both_sides() -> None:
    assert (
        JA.subject("両外相は、日米同盟の強化を確認しました。", frozenset(), frozenset()) == "both"
    )
    assert JA.subject("茂木外務大臣から、歓迎する旨述べました。", frozenset(), frozenset()) is None


def test_the_cast_of_the_opening_names_who_speaks() -> None:
    from service.pipeline.languages.ja.speaker import parties

    opening = _claims(MOTEGI)[0]
    cast = parties(opening)
    assert cast is not None
    own, other = cast
    assert (
        JA.subject("冒頭、ブリンケン国務長官から、成功を祈念する旨述べました。", own, other)
        == "other"
    )
    assert JA.subject("これに対し、茂木外務大臣から、歓迎する旨述べました。", own, other) == "self"
    assert JA.subject("中国側から、懸念が示されました。", own, other) == "other"
