"""Strength gaps in every output: text, Markdown, HTML and JSON, and old reports still decode."""

from __future__ import annotations

import json

import msgspec

from service.pipeline.types import Report
from service.render import render, to_json, to_markdown, to_text
from tests.render.test_formats import report


def gapped() -> Report:
    result = report()
    assert result.strength_gaps, "the Rubio–Cho pair has claims matched at different levels"
    return result


def test_each_gap_joins_two_claims_of_the_two_sides_at_different_levels() -> None:
    result = gapped()
    claims = {c.id: c for c in result.claims}
    matched = {tuple(m.claims) for m in result.matches}
    for gap in result.strength_gaps:
        left, right = (claims[i] for i in gap.claims)
        assert tuple(gap.claims) in matched
        assert gap.sides == [left.side, right.side] == result.sides
        assert gap.levels == [left.strength, right.strength] and gap.levels[0] != gap.levels[1]
        assert gap.predicates == [left.predicate, right.predicate]
        # A clause without a predicate of its own shows its sentence's: in its readout's text.
        texts = {r.side: r.text for r in result.readouts}
        assert all(p in texts[c.side] for p, c in zip(gap.predicates, (left, right), strict=True))


def test_text_and_markdown_list_both_predicates_with_their_levels() -> None:
    result = gapped()
    gap = result.strength_gaps[0]
    text, markdown = to_text(result), to_markdown(result)
    assert "Said with different strength" in text and "## Said with different strength" in markdown
    section = text[text.index("Said with different strength") :]
    for side, predicate, level in zip(gap.sides, gap.predicates, gap.levels, strict=True):
        assert f"{side}: {predicate} ({level} " in section


def test_the_html_page_lists_each_gap_linked_to_both_claims() -> None:
    result = gapped()
    page = render(result, "html")
    section = page[page.index('<section class="strength-gaps"') :]
    section = section[: section.index("</section>")]
    assert section.count('<li class="strength-gap">') == len(result.strength_gaps)
    for gap in result.strength_gaps:
        for claim_id in gap.claims:
            assert f'href="#claim-{claim_id}"' in section


def test_json_carries_the_levels_and_a_report_stored_before_them_still_decodes() -> None:
    data = json.loads(to_json(gapped()))
    assert data["strength_gaps"] and {"claims", "predicates", "levels"} <= set(
        data["strength_gaps"][0]
    )
    assert any(c["strength"] is not None for c in data["claims"])
    del data["strength_gaps"]
    for claim in data["claims"]:
        del claim["strength"], claim["predicate"]
    old = msgspec.json.decode(json.dumps(data), type=Report)
    assert old.strength_gaps == [] and all(c.strength is None for c in old.claims)
    assert '<section class="strength-gaps"' not in render(old, "html")
