"""One Report renders as the DESIGN.md JSON, Markdown and terminal text."""

from __future__ import annotations

import json
import re

from service.pipeline import compare
from service.pipeline.embed import FakeEncoder
from service.pipeline.types import Readout, Report
from service.render import to_json, to_markdown, to_text
from tests.conftest import RUBIO_CHO


def report() -> Report:
    readouts = [
        Readout(side="US", text=(RUBIO_CHO / "us.txt").read_text()),
        Readout(side="KR", text=(RUBIO_CHO / "kr.txt").read_text()),
    ]
    return compare(readouts, FakeEncoder(), title="Rubio-Cho", date="2025-07-31")


def test_json_has_every_contract_field_with_its_kind() -> None:
    data = json.loads(to_json(report()))
    assert data["id"] is None and data["title"] == "Rubio-Cho" and data["date"] == "2025-07-31"
    assert data["sides"] == ["US", "KR"]
    claim = data["claims"][0]
    assert {k: type(claim[k]) for k in ("id", "side", "text", "start", "end")} == {
        "id": str,
        "side": str,
        "text": str,
        "start": int,
        "end": int,
    }
    assert all(
        isinstance(m["claims"], list) and isinstance(m["similarity"], float)
        for m in data["matches"]
    )
    for emphasis in data["emphases"]:
        assert emphasis["kind"] in {"one-sided", "partial", "opposed"}
        assert set(emphasis) >= {"side", "claim_id", "kind", "text", "terms", "salience", "closest"}
        assert emphasis["closest"] is None or set(emphasis["closest"]) == {"claim_id", "similarity"}
    assert set(data["model"]) == {"encoder", "threshold"} and data["model"]["encoder"] == "fake-bow"


def test_emphases_are_ranked_by_salience() -> None:
    saliences = [e.salience for e in report().emphases]
    assert saliences == sorted(saliences, reverse=True)


def test_markdown_escapes_readout_text() -> None:
    result = report()
    result.emphases[0] = type(result.emphases[0])(
        **{
            **{f: getattr(result.emphases[0], f) for f in result.emphases[0].__struct_fields__},
            "text": "<script>x</script> **bold**",
        }
    )
    markdown = to_markdown(result)
    assert "<script>" not in markdown and "\\<script\\>" in markdown
    assert "\\*\\*bold\\*\\*" in markdown
    assert markdown.startswith("# Rubio-Cho (2025-07-31)")


def test_text_lists_each_side_then_shared_claims() -> None:
    text = to_text(report())
    us, kr = text.index("What only US said"), text.index("What only KR said")
    shared = text.index("Shared")
    assert us < kr < shared
    assert "counterparts, about the same matter, at similarity" in " ".join(text.splitlines()[-2:])


def test_markdown_shared_table_leaves_out_the_emphases_and_labels_its_numbers() -> None:
    result = report()
    markdown = to_markdown(result)
    shared = markdown[markdown.index("## Shared") :].split("\n## Said with different strength")[0]
    assert shared.splitlines()[2].endswith("| similarity |")
    emphasised = {e.claim_id for e in result.emphases}
    claims = {c.id: c for c in result.claims}
    from service.render.markdown import escape_markdown

    for claim_id in emphasised:
        assert escape_markdown(" ".join(claims[claim_id].text.split())) not in shared
    listed = markdown[: markdown.index("## Shared")]
    numbered = [line for line in listed.splitlines() if line[:1].isdigit()]
    assert numbered and all("(salience " in line for line in numbered)


def test_markdown_has_no_needless_backslashes_and_renders_the_readout_text() -> None:
    from markdown_it import MarkdownIt

    result = report()
    markdown = to_markdown(result)
    assert "U\\.S\\." not in markdown and "\\-" not in markdown and "\\(" not in markdown
    assert "U.S." in markdown
    rendered = MarkdownIt("commonmark").enable("table").render(markdown)
    plain = " ".join(__import__("html").unescape(re.sub(r"<[^>]+>", "", rendered)).split())
    for emphasis in result.emphases:  # every quote comes out as written, not as markup
        assert " ".join(emphasis.text.split()) in plain


def test_markdown_escapes_a_block_marker_at_the_start_of_a_line() -> None:
    from service.render.markdown import escape_markdown

    assert escape_markdown("# not a heading") == "\\# not a heading"
    assert escape_markdown("1. not a list") == "1\\. not a list"
    assert escape_markdown("U.S.-ROK (2025) 1.5") == "U.S.-ROK (2025) 1.5"
    assert escape_markdown("a | b & <c>") == "a \\| b \\& \\<c\\>"


def test_markdown_and_text_cut_quotes_at_words_and_name_the_sources() -> None:
    from service.pipeline.types import Readout

    readouts = [
        Readout(
            side="US",
            text=(RUBIO_CHO / "us.txt").read_text(),
            source="U.S. Department of State",
            url="https://www.state.gov/readout",
        ),
        Readout(side="KR", text=(RUBIO_CHO / "kr.txt").read_text()),
    ]
    result = compare(readouts, FakeEncoder(), title="Rubio-Cho", date="2025-07-31")
    for output in (to_markdown(result), to_text(result)):
        assert "https://www.state.gov/readout" in output and "U.S. Department of State" in output
    markdown = to_markdown(result)
    quotes = re.findall(r'same matter\): "([^"]*)"', markdown)
    assert quotes
    for quote in quotes:
        assert not quote.endswith("…") or quote[-2] != " "
    words = {w for c in result.claims for w in c.text.split()}
    for quote in quotes:
        if quote.endswith("…"):
            assert quote[:-1].split()[-1].rstrip(".,;:") in {w.rstrip(".,;:") for w in words}
