"""The report as Markdown; readout text is escaped so it cannot inject markup."""

from __future__ import annotations

from service.pipeline.types import Report
from service.render import common
from service.render.attributions import SECTION_TITLE, attribution_lines
from service.render.common import (
    KIND_LABEL,
    describe,
    one_line,
    shared_pairs,
    strength_gap_line,
    strength_gap_quotes,
    title,
)
from service.render.sides import ALL_BUT_ONE_TITLE, all_but_one_lines, shared_header

_MARKDOWN_SPECIAL = str.maketrans({c: f"\\{c}" for c in "\\`*_{}[]<>()#+-.!|~"})


def escape_markdown(text: str) -> str:
    return text.translate(_MARKDOWN_SPECIAL)


def to_markdown(report: Report) -> str:
    """Emphases per side (kind, salience, quote, details), then a table of the shared claims."""
    claims = common.claim_index(report)
    out = [f"# {escape_markdown(title(report))}", ""]
    history = common.precedents_by_claim(report)
    for side in report.sides:
        emphases = [e for e in report.emphases if e.side == side]
        out += [f"## What only {escape_markdown(side)} stressed ({len(emphases)})", ""]
        for number, emphasis in enumerate(emphases, 1):
            first, *rest = describe(emphasis, claims, history)
            out.append(
                f"{number}. **{KIND_LABEL[emphasis.kind]}** (salience {emphasis.salience:.2f})"
                f" {escape_markdown(first)}"
            )
            out += [f"   - {escape_markdown(line)}" for line in rest]
        out.append("")
    if report.all_but_one:
        out += [f"## {ALL_BUT_ONE_TITLE}", ""]
        for number, lines in enumerate(all_but_one_lines(report, claims), 1):
            out.append(f"{number}. **{escape_markdown(lines.heading)}**")
            out += [f"   - {escape_markdown(quote)}" for quote in lines.quotes]
        out.append("")
    if report.attributions:
        out += [f"## {SECTION_TITLE}", ""]
        for item in attribution_lines(report):
            out.append(f"- **{item.kind}** {escape_markdown(item.heading)}")
            out += [
                f"  - {escape_markdown(item.quote)}",
                f"  - {escape_markdown(item.counterpart)}",
            ]
        out.append("")
    out += [
        "## Shared",
        "",
        f"| {' | '.join(escape_markdown(s) for s in shared_header(report))} |",
        "|---|---|---|",
    ]
    prefix = len(report.sides) > 2  # which side each cell is, when the columns do not say
    for left, right, similarity in shared_pairs(report):
        cells = [
            f"{c.side}: {one_line(c.text)}" if prefix else one_line(c.text) for c in (left, right)
        ]
        out.append(f"| {' | '.join(escape_markdown(c) for c in cells)} | {similarity:.2f} |")
    if report.strength_gaps:
        out += ["", "## Said with different strength", ""]
        for number, gap in enumerate(report.strength_gaps, 1):
            out.append(f"{number}. {escape_markdown(strength_gap_line(gap))}")
            out += [f"   - {escape_markdown(q)}" for q in strength_gap_quotes(gap, claims)]
    out += ["", f"_encoder {report.model.encoder}, threshold {report.model.threshold:.2f}_", ""]
    return "\n".join(out)
