"""Speaker detection on the hand-labelled fixture claims stays as precise as measured."""

from __future__ import annotations

from evaluation.speakers import labelled_pairs, score


def test_every_label_names_a_claim_the_splitter_makes() -> None:
    assert len(labelled_pairs()) >= 130


def test_each_speaker_is_read_with_the_measured_precision_and_recall() -> None:
    result = score()
    by_label = {s.label: s for s in result.labels}
    # measured: both 1.00/0.99, self 0.97/1.00, other 1.00/1.00 (bench/speaker.py)
    assert by_label["both"].precision >= 0.95 and by_label["both"].recall >= 0.95
    assert by_label["self"].precision >= 0.9 and by_label["self"].recall >= 0.95
    assert by_label["other"].support >= 4 and by_label["other"].precision == 1.0
    assert by_label["other"].recall >= 0.75
    assert result.accuracy >= 0.95
