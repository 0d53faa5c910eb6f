"""Topic names: noun phrases of the claims themselves, whole words, never cut-off fragments."""

from __future__ import annotations

from service.batch.trends.naming import best_phrase, noun_phrases, phrase_idf


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


def test_a_name_is_shared_by_most_members_and_never_says_when() -> None:
    members = [
        noun_phrases("They reaffirmed trilateral cooperation after the meeting in Rio de Janeiro."),
        noun_phrases("They discussed trilateral cooperation for six days."),
    ]
    idf = phrase_idf(members, len(members))
    assert best_phrase(members, idf) == "trilateral cooperation"
    alone = [noun_phrases("The talks lasted six days in November last year.")]
    assert best_phrase(alone, phrase_idf(alone, 1)) is None


def test_a_name_with_of_is_one_phrase() -> None:
    phrases = _surfaces("They condemned the Democratic People's Republic of Korea's launch.")
    assert "Democratic People's Republic of Korea" in phrases
    assert "Korea" not in phrases


def test_a_state_is_one_subject_under_any_of_its_names() -> None:
    from service.batch.trends.subjects import is_side, subject

    assert (
        subject("North Korea")
        == subject("DPRK")
        == subject("Democratic People's Republic of Korea")
    )
    assert subject("UNSC resolutions") == subject("UN Security Council resolutions")
    assert subject("United Nations Security Council") <= subject("UNSC resolutions")
    assert is_side("United States", frozenset({"us", "kr"}))
    assert not is_side("North Korea", frozenset({"us", "kr"}))


def test_topics_about_one_subject_are_merged_under_the_proper_name() -> None:
    from service.batch.trends.topics import Mention, Topic, merge_by_subject

    def topic(name: str, n: int) -> Topic:
        mentions = [Mention(f"m{name}{i}", None, None, "US", "one-sided", "c", name, 1.0)
                    for i in range(n)]  # fmt: skip
        return Topic("", name, [], mentions)

    topics = [topic("North Korea", 3), topic("DPRK's ballistic missile launch", 2),
              topic("UNSC resolutions", 1), topic("United Nations Security Council", 1),
              topic("Taiwan Strait", 2)]  # fmt: skip
    merged = {t.name: len(t.mentions) for t in merge_by_subject(topics)}
    assert merged == {"North Korea": 5, "United Nations Security Council": 2, "Taiwan Strait": 2}


def test_where_a_meeting_took_place_names_no_topic() -> None:
    members = [
        noun_phrases("They met on the sidelines of the ASEAN Regional Forum."),
        noun_phrases("The talks were held on the sidelines of the G20 Summit."),
    ]
    assert best_phrase(members, phrase_idf(members, 2)) != "sidelines"
