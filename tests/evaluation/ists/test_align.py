"""The iSTS chunk aligner: alignment, labels from overlap, polarity and strength, NOALI."""

from __future__ import annotations

from evaluation.ists.align import Settings, align_all, label
from evaluation.ists.wa import Pair, chunk_ids
from service.pipeline.embed import FakeEncoder


def test_labels_follow_identity_opposition_and_specificity() -> None:
    settings = Settings()
    assert label(["the", "Philippines"], ["Philippines"], 0.9, settings) == ("EQUI", 5.0)
    assert label(["prices", "rise"], ["prices", "fall"], 0.9, settings)[0] == "OPPO"
    assert label(["a", "red", "car"], ["a", "car"], 0.7, settings)[0] == "SPE1"
    assert label(["car"], ["complete", "car"], 0.9, settings)[0] == "SPE2"
    assert label(["dog"], ["puppy"], 0.3, settings) == ("REL", 3.0)


def test_aligns_matching_chunks_and_leaves_the_rest_unaligned() -> None:
    left = [["China"], ["sends"], ["aid"], ["Thursday"]]
    right = [["China"], ["sends"], ["aid"]]
    pair = Pair(id="1", left=[t for c in left for t in c], right=[t for c in right for t in c])
    (result,) = align_all([pair], [(chunk_ids(left), chunk_ids(right))], FakeEncoder()).values()
    aligned = {(a.left, a.right, a.types) for a in result.alignments}
    assert ((1,), (1,), ("EQUI",)) in aligned and ((3,), (3,), ("EQUI",)) in aligned
    assert ((4,), (0,), ("NOALI",)) in aligned
