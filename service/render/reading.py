"""'How to read this': what the report's numbers and headings mean, in words every output shares."""

from __future__ import annotations

from service.pipeline.classify.calibration import load_calibration
from service.pipeline.types import Report

SAME_POINT = "the {threshold} that counts as the same matter"
HOW_TO_READ_TITLE = "How to read this"


def same_matter(report: Report) -> float:
    """The similarity from which two claims are counterparts (each the other's best at or
    above it): the report's encoder's calibrated match threshold."""
    return load_calibration(report.model.encoder).match_threshold


def emphases_heading(side: str) -> str:
    """The heading over one side's emphases: said alone, or said more strongly."""
    return f"What only {side} said, or said more strongly"


def closest_words(kind: str, other_side: str, similarity: float, threshold: float) -> str:
    """The closest claim of the other side, its similarity in words.

    'KR counterpart (similarity 0.46, at or above the 0.40 that counts as the same matter)'; a
    report stored before counterparts were required may still hold a one-sided claim's nearest
    claim. The one place this wording lives ('no counterpart' is common.no_counterpart).
    """
    label = f"nearest {other_side} claim" if kind == "one-sided" else f"{other_side} counterpart"
    return f"{label} ({similarity_words(similarity, threshold)})"


def similarity_words(similarity: float, threshold: float) -> str:
    """'similarity 0.18, below the 0.22 that counts as the same matter'."""
    relation = "below" if similarity < threshold else "at or above"
    return (
        f"similarity {similarity:.2f}, {relation} {SAME_POINT.format(threshold=f'{threshold:.2f}')}"
    )


def threshold_words(encoder: str, threshold: float) -> str:
    """The report's footer: which model, and from what similarity two claims are one point."""
    return (
        f"encoder {encoder}; two claims are counterparts, about the same matter, at similarity"
        f" {threshold:.2f} or above, each the other's best"
    )


def how_to_read(threshold: float) -> list[tuple[str, str]]:
    """The short guide: (term, what it means), with this report's threshold filled in."""
    t = f"{threshold:.2f}"
    return [
        ("Claims and similarity", (
            "Each readout is cut into claims, and each claim is compared with every claim of the"
            " other readout by what it is about. Similarity runs from 0 (nothing in common) to 1"
            f" (the same matter in the same words). Two claims are counterparts when each is the"
            f" other's best match at {t} or above: they are about the same matter."
        )),
        ("What only one side said, or said more strongly", (
            "Each side's emphases, in three kinds. Only this side: the other readout has no"
            " counterpart, no claim about the same matter. Stronger or more specific: the other"
            " side has a counterpart (quoted with its similarity), but this claim"
            " carries terms the other readout never uses (listed as terms). Opposed: the other side"
            " has a counterpart but negates or reverses it (the words that show it are listed)."
        )),
        ("Salience", (
            "The order of the emphases: a claim with terms the other side never uses comes first,"
            " then one far from anything on the other side, specific, and early in its readout"
            " (governments lead with what matters to them). It ranks; it is not a probability."
        )),
        ("Said with different strength", (
            "Two claims about the same matter (counterparts, or two stances that name it alike)"
            " whose main verbs sit at different levels of the diplomatic scale:"
            " 1 noted (discussed), 2 welcomed (welcomed, expressed concern), 3 stressed"
            " (stressed, reaffirmed), 4 condemned."
        )),
        ("Attributed to the other side", (
            "One readout has the other side say something that side's own readout does not, or"
            " gives to both sides what the other gives to one."
        )),
        ("New or earlier", (
            "With earlier meetings of the same two sides stored, each emphasis says whether that"
            " side's earlier readouts carried it, with links to those reports."
        )),
        ("Shared and framing", (
            f"Shared: counterparts, at similarity {t} or above. Framing: who met whom, where and"
            " when, or that views were exchanged; never counted as an emphasis."
        )),
    ]  # fmt: skip
