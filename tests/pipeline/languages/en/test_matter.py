"""English matter for matching: the claim without its subject and predicate, and its list parts."""

from __future__ import annotations

from service.pipeline.languages import language_named
from service.pipeline.languages.en.matter import matter, parts


def test_the_matter_drops_the_subject_and_the_predicate() -> None:
    assert matter("Secretary Blinken condemned the DPRK's ballistic missile launch") == (
        "the DPRK's ballistic missile launch"
    )
    assert matter("A claim without a stance verb") == "A claim without a stance verb"
    # A predicate with less than two words after it keeps the whole claim.
    assert matter("The ministers agreed.") == "The ministers agreed."


def test_short_pieces_are_not_parts_and_one_piece_is_no_list() -> None:
    assert parts("They discussed the ROK, and the alliance") == ["the ROK, and the alliance"]
    # One word after the predicate is too little matter: the claim stays whole.
    assert parts("They discussed trade") == ["They discussed trade"]


def test_the_english_room_splits_and_other_rooms_keep_the_claim_whole() -> None:
    text = "They welcomed the launch of the framework, which will drive inclusive growth"
    assert language_named("en").parts(text) == parts(text)
    assert len(parts(text)) == 3
    for code in ("ko", "ja", "zh"):
        assert language_named(code).parts("양측은 협력을 논의했다") == ["양측은 협력을 논의했다"]
