"""One Report renders as the DESIGN.md JSON, Markdown and terminal text."""

from __future__ import annotations

import json

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
    assert markdown.startswith("# Rubio\\-Cho \\(2025\\-07\\-31\\)")


def test_text_lists_each_side_then_shared_claims() -> None:
    text = to_text(report())
    us, kr, shared = text.index("Only US"), text.index("Only KR"), text.index("Shared")
    assert us < kr < shared
    assert "threshold" in text.splitlines()[-1]


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
