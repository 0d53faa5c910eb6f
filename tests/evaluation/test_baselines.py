"""The baselines the quality bench measures readout-diff against."""

from __future__ import annotations

from evaluation.baselines import flag_every_sentence, naive_sentences, sentence_claims
from service.pipeline.embed import FakeEncoder
from service.pipeline.types import Readout

US = Readout("US", "They met in Geneva. They stressed the Taiwan Strait. They welcomed the deal.")
KR = Readout("KR", "They met in Geneva. They welcomed the deal.")


def test_sentence_claims_keep_exact_spans() -> None:
    claims = sentence_claims(US)
    assert [US.text[c.start : c.end] for c in claims] == [c.text for c in claims]
    assert len(claims) == 3 and claims[0].position == 0.0 and claims[-1].position == 1.0


def test_flag_every_sentence_flags_each_in_reading_order() -> None:
    report = flag_every_sentence([US, KR])
    assert len(report.emphases) == len(report.claims) == 5
    us = [e.claim_id for e in report.emphases if e.side == "US"]
    assert us == ["US-1", "US-2", "US-3"]


def test_naive_sentences_flag_only_what_has_no_close_sentence() -> None:
    report = naive_sentences([US, KR], FakeEncoder(), threshold=0.9)
    assert [e.claim_id for e in report.emphases] == ["US-2"]
