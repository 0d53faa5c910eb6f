"""Distinctive terms: content the other readout never uses, without everyday or role words."""

from __future__ import annotations

from service.pipeline.classify.terms import (
    INTENSITY_SPECIFICITY,
    Term,
    added_terms,
    distinctive_terms,
    stem_key,
    substantive,
    vocabulary,
)


def terms(text: str, other: str) -> list[str]:
    return [t.text for t in distinctive_terms(text, vocabulary([other]))]


def test_a_proper_noun_run_missing_on_the_other_side_is_one_term() -> None:
    found = terms(
        "Both emphasized peace and stability across the Taiwan Strait.",
        "They discussed peace and prosperity on the Korean Peninsula.",
    )
    assert found[0] == "Taiwan Strait"


def test_plural_possessive_and_acronym_forms_count_as_used() -> None:
    assert stem_key("sanctions") == stem_key("sanction")
    assert (
        terms("They imposed sanctions on Russia’s banks.", "sanction measures against Russia") == []
    )
    assert terms("the Republic of Korea and the United States", "the ROK and the U.S. agreed") == []


def test_everyday_words_verbs_titles_and_dates_are_never_terms() -> None:
    found = terms(
        "On Wednesday the Secretary warmly discussed and welcomed important continued talks.",
        "The ministers met.",
    )
    assert found == []


def test_rare_lowercase_words_are_terms_ranked_by_rarity() -> None:
    found = distinctive_terms(
        "reaffirmed their resolute commitment to denuclearization", vocabulary(["commitment"])
    )
    assert [t.text for t in found] == ["denuclearization", "resolute"]
    assert found[0].specificity > found[1].specificity


def test_a_coordinated_member_the_other_side_lacks_is_a_term_even_if_common() -> None:
    found = terms(
        "shared serious concerns about nuclear and missile activities by North Korea",
        "They condemned the ballistic missile launches of North Korea.",
    )
    assert "nuclear" in found
    assert "missile" not in found


def test_a_hyphenated_name_stays_whole() -> None:
    other = vocabulary(["The ministers discussed trade."])
    text = "The minister met Ahn Gyu-back and backed a free and open Indo-Pacific."
    terms = [t.text for t in distinctive_terms(text, other)]
    assert "Ahn Gyu-back" in terms and "Indo-Pacific" in terms
    assert not {"Ahn Gyu", "back", "Indo Pacific"} & set(terms)
    assert all(term in text for term in terms)  # every term can be marked where it stands


def test_a_portfolio_after_a_title_is_not_part_of_the_name() -> None:
    other = vocabulary(["The ministers discussed trade."])
    terms = [t.text for t in distinctive_terms("Secretary of Defense Pete Hegseth spoke.", other)]
    assert "Pete Hegseth" in terms
    assert not any("Defense" in term for term in terms)


def test_a_substantive_term_is_a_name_or_specific_enough_and_never_only_a_participant() -> None:
    terms = [
        Term("Rubio", 1.0, proper=True),  # a participant: never an added term
        Term("Indo-Pacific", 1.0, proper=True),  # a name
        Term("linchpin", 0.94, proper=False),
        Term("prosperity", 0.41, proper=False),  # below the cut-off
        Term("Rubio's visit", 0.9, proper=False),  # not only a participant
    ]
    kept = substantive(terms, {"rubio"}, partial_specificity=0.5)
    assert [t.text for t in kept] == ["Indo-Pacific", "linchpin", "Rubio's visit"]
    assert [t.text for t in substantive(terms, set(), 0.3)] == [t.text for t in terms]


def test_added_terms_put_the_intensifiers_the_counterpart_lacks_first() -> None:
    terms = [Term("deterrence", 0.72, proper=False)]
    added = added_terms(terms, "They reaffirmed their ironclad commitment.", "They noted it.")
    assert [t.text for t in added] == ["ironclad", "deterrence"]
    assert added[0].specificity == INTENSITY_SPECIFICITY
    assert added_terms(terms, "They noted it.", "They noted it.") == terms
