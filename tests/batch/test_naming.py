"""Topic names: noun phrases of the claims themselves, whole words, never cut-off fragments."""

from __future__ import annotations

from service.batch.naming import best_phrase, noun_phrases, phrase_idf


def _surfaces(text: str) -> set[str]:
    return set(noun_phrases(text).values())


def test_phrases_end_before_prepositions_and_keep_names_whole() -> None:
    phrases = _surfaces("They called for sustainable fisheries quotas around the Arafura Sea.")
    assert {"sustainable fisheries quotas", "fisheries quotas", "Arafura Sea"} <= phrases
    assert "Sea" not in phrases, "a name is never cut in two"
    assert not any("around" in p or p.startswith("called") for p in phrases)


def test_verbs_and_everyday_words_alone_are_no_phrases() -> None:
    phrases = _surfaces("The ministers agreed to swiftly respond and welcomed two new ports.")
    assert "respond" not in phrases and "agreed" not in phrases and "welcomed" not in phrases
    assert "two" not in phrases and "new ports" in phrases


def test_hyphens_and_possessives_read_as_written() -> None:
    phrases = _surfaces("They backed the U.S.-ROK Alliance and Kim Jong-un's whole-of-nation plan.")
    assert "U.S.-ROK Alliance" in phrases
    assert "Kim Jong-un" in phrases and not any(p.endswith("'s") for p in phrases)
    assert any(p.startswith("whole-of-nation") for p in phrases)


def test_a_rare_last_word_without_a_full_stop_is_taken_as_cut() -> None:
    assert not any("dete" in p for p in _surfaces("They agreed to strengthen the regional dete"))
    assert "regional deterrence" in _surfaces("They agreed to strengthen the regional deterrence")


def test_the_name_is_the_phrase_most_members_share() -> None:
    members = [
        noun_phrases("Both stressed peace across the Taiwan Strait."),
        noun_phrases("The US opposed any unilateral change in the Taiwan Strait."),
        noun_phrases("They hailed the new Fulbright geothermal fellowship."),
    ]
    batch = members + [noun_phrases(f"Talk number {n} covered trade quotas.") for n in range(6)]
    idf = phrase_idf(batch, len(batch))
    assert best_phrase(members[:2], idf) == "Taiwan Strait"
    assert best_phrase([members[2]], idf) == "new Fulbright geothermal fellowship"
    assert best_phrase([], idf) is None
