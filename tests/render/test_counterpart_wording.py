"""An emphasis without a counterpart says so in every output instead of quoting a nearest claim."""

from __future__ import annotations

from service.render import render, to_markdown, to_text
from tests.render.test_formats import report


def test_every_output_says_no_counterpart_and_quotes_only_real_counterparts() -> None:
    result = report()
    alone = [e for e in result.emphases if e.closest is None]
    paired = [e for e in result.emphases if e.closest is not None]
    assert alone and all(e.kind == "one-sided" for e in alone)
    assert all(e.kind != "one-sided" for e in paired)
    matched = {i for m in result.matches for i in m.claims}
    assert all(e.claim_id in matched and e.closest.claim_id in matched for e in paired)  # type: ignore[union-attr]
    other = {"US": "KR", "KR": "US"}[alone[0].side]
    line = f"no counterpart in the {other} readout"
    for text in (to_text(result), to_markdown(result), render(result, "html")):
        assert line in text
        # the old wording showed a nearest claim as if it were a counterpart
        assert "closest US claim" not in text and "closest KR claim" not in text
        assert "nearest US claim" not in text and "nearest KR claim" not in text
