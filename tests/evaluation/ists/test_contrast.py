"""iSTS contrast: stances, figures and names that differ between matched chunks."""

from __future__ import annotations

from evaluation.ists.contrast import contrast
from service.pipeline.classify.polarity import opposition


def test_differing_figures_are_a_contrast_but_no_opposed_stance() -> None:
    a, b = "Tariffs will rise to 25 percent.", "Tariffs will rise to 15 percent."
    assert opposition(a, b) == []
    assert contrast(a, b) == ["15", "25"]


def test_shared_number_is_no_contrast() -> None:
    assert (
        contrast("They met on 31 July in 2025.", "The 2025 meeting was held in Washington.") == []
    )


def test_differing_entities_in_the_same_statement_contrast() -> None:
    evidence = contrast(
        "The ministers condemned the missile launch by Iran.",
        "The ministers condemned the missile launch by Russia.",
    )
    assert evidence == ["iran", "russia"]


def test_extra_entity_on_one_side_is_no_contrast() -> None:
    assert contrast("They discussed Ukraine.", "They discussed Ukraine and Russia.") == []


def test_numbers_in_unrelated_frames_are_no_contrast() -> None:
    assert (
        contrast(
            "They underscored the strength of the more than 70-year alliance.",
            "The ministers met after the February 22 trilateral meeting in Rio.",
        )
        == []
    )
