"""Cross-language terms: Korean noun phrases by Kiwi, and coverage by CSLS over term vectors."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

import numpy as np

from service.pipeline.classify.coverage import claim_terms, uncovered_terms
from service.pipeline.languages.ko.terms import korean_terms
from service.pipeline.types import Claim
from tests.conftest import RUBIO_CHO

KOREAN = (RUBIO_CHO / "kr_ko.txt").read_text()


class DictionaryEncoder:
    """A fake encoder through the real interface: translations share a concept vector, a
    concept written "a+b" is the mean of a and b (a hub near both), other texts are random."""

    name = "fake-dictionary"
    dimensions = 512

    def __init__(self, concepts: dict[str, str]) -> None:
        self.concepts = concepts

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        rows = [self._concept(self.concepts.get(t, t)) for t in texts]
        return np.stack(rows) if rows else np.zeros((0, self.dimensions), dtype=np.float32)

    def _concept(self, key: str) -> np.ndarray:
        vector = np.sum([self._vector(part) for part in key.split("+")], axis=0)
        unit: np.ndarray = (vector / np.linalg.norm(vector)).astype(np.float32)
        return unit

    def _vector(self, key: str) -> np.ndarray:
        seed = int.from_bytes(hashlib.blake2b(key.encode(), digest_size=4).digest(), "little")
        vector: np.ndarray = np.random.default_rng(seed).normal(size=self.dimensions)
        return vector / np.linalg.norm(vector)


def texts(text: str) -> list[str]:
    return [t.text for t in korean_terms(text, common_zipf=3.75)]


def test_adjacent_noun_morphemes_form_one_term() -> None:
    found = texts("양 장관은 굳건한 연합방위태세를 유지하는 가운데")
    assert "연합방위태세" in found
    assert "현대화" in texts("동맹을 현대화 해 나가야 한다는 데 의견을 같이 했다.")


def test_roles_verb_stems_and_everyday_nouns_are_no_terms() -> None:
    found = texts("양 장관은 한미 관세협상의 타결을 축하하고")
    assert "장관" not in found and "축하" not in found
    assert "관세협상" in found
    everyday = texts("조 장관은 한미동맹의 근간을 이루어 온 안보와 경제의 두 축에 더해")
    assert "경제" not in everyday, "경제 (economy) is an everyday word"


def test_names_always_count() -> None:
    found = texts(
        "조 장관은 올해 경주에서 개최되는 APEC 정상회의에 트럼프 대통령을 초청하였음을 전하며"
    )
    assert {"APEC", "트럼프", "경주"} <= set(found)
    assert next(t for t in korean_terms("APEC 정상회의", 3.75) if t.text == "APEC").proper


def test_english_claims_keep_their_rare_words_and_names() -> None:
    found = [
        t.text
        for t in claim_terms(
            "Both emphasized peace and stability across the Taiwan Strait.", "en", 3.75
        )
    ]
    assert "Taiwan Strait" in found and "peace" not in found


def claim(identifier: str, text: str) -> Claim:
    return Claim(id=identifier, side=identifier.split("-")[0], text=text, start=0, end=len(text))


# A random pair of terms scores about 0 in CSLS, a translation about 1.8: any cut between works.
CUT = 0.5


def test_a_term_is_covered_by_its_translation_and_not_otherwise() -> None:
    us = [
        claim("US-1", "They reaffirmed the complete denuclearization of the DPRK."),
        claim("US-2", "They stressed peace across the Taiwan Strait."),
    ]
    kr = [
        claim("KR-1", "북한의 완전한 비핵화 목표를 확고히 견지하기로 했다."),
        claim("KR-2", "동맹을 현대화 해 나가야 한다는 데 의견을 같이 했다."),
    ]
    encoder = DictionaryEncoder({"비핵화": "denuclearization", "북한": "DPRK"})
    result = uncovered_terms(us, kr, ("en", "ko"), encoder, CUT, 3.75)
    assert "비핵화" not in [t.text for t in result["KR-1"]]
    assert "현대화" in [t.text for t in result["KR-2"]]
    assert "Taiwan Strait" in [t.text for t in result["US-2"]]
    assert "denuclearization" not in [t.text for t in result["US-1"]]


def test_a_hub_near_every_term_covers_none_of_them() -> None:
    kr = [claim("KR-1", "동맹을 현대화 하고 조선협력 및 관세협상을 했다.")]
    us = [claim("US-1", "They praised the linchpin and the Taiwan Strait.")]
    hub = DictionaryEncoder({"linchpin": "현대화+조선협력+관세협상"})
    vectors = hub.encode(["linchpin", "현대화"])
    assert float(vectors[0] @ vectors[1]) > 0.5, "by raw cosine the hub would cover 현대화"
    result = uncovered_terms(us, kr, ("en", "ko"), hub, CUT, 3.75)
    assert {"현대화", "조선협력", "관세협상"} <= {t.text for t in result["KR-1"]}


def test_without_terms_on_the_other_side_every_term_is_uncovered() -> None:
    us = [claim("US-1", "They discussed the Taiwan Strait.")]
    kr = [claim("KR-1", "그리고 좋았다.")]
    result = uncovered_terms(us, kr, ("en", "ko"), DictionaryEncoder({}), CUT, 3.75)
    assert [t.text for t in result["US-1"]] == ["Taiwan Strait"] and result["KR-1"] == []
