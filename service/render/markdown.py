"""The report as Markdown; readout text is escaped so it cannot inject markup, and no further."""

from __future__ import annotations

import re

from service.pipeline.types import Report
from service.render import common
from service.render.attributions import SECTION_TITLE, attribution_lines
from service.render.common import (
    KIND_LABEL,
    describe,
    one_line,
    shared_pairs,
    source_lines,
    strength_gap_line,
    strength_gap_quotes,
    title,
)
from service.render.reading import (
    HOW_TO_READ_TITLE,
    emphases_heading,
    how_to_read,
    same_matter,
    threshold_words,
)
from service.render.sides import ALL_BUT_ONE_TITLE, all_but_one_lines, shared_header

# Characters that make markup anywhere in a line (emphasis, code, links, HTML, tables,
# strikethrough, entities); '.', '-', '(', '#' and the like only do at a line's start.
_INLINE = str.maketrans({c: f"\\{c}" for c in "\\`*_[]<>|~&"})
_BLOCK_START = re.compile(r"^(\s*)(?:([#+=-])|(\d+)([.)]))")


def escape_markdown(text: str) -> str:
    """`text` as literal Markdown: inline markup escaped, and a block marker at its start."""
    text = text.translate(_INLINE)
    return _BLOCK_START.sub(
        lambda m: (
            m.group(1) + ("\\" + m.group(2) if m.group(2) else m.group(3) + "\\" + m.group(4))
        ),
        text,
        count=1,
    )


def to_markdown(report: Report) -> str:
    """Emphases per side (kind, salience, quote, details), then a table of the shared claims."""
    claims = common.claim_index(report)
    out = [f"# {escape_markdown(title(report))}", ""]
    sources = source_lines(report)
    if sources:
        out += ["Sources:", ""] + [f"- {escape_markdown(line)}" for line in sources] + [""]
    history = common.precedents_by_claim(report)
    threshold = same_matter(report)
    for side in report.sides:
        emphases = [e for e in report.emphases if e.side == side]
        out += [f"## {escape_markdown(emphases_heading(side))} ({len(emphases)})", ""]
        for number, emphasis in enumerate(emphases, 1):
            first, *rest = describe(emphasis, claims, history, threshold=threshold)
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
    out += ["", f"_{escape_markdown(threshold_words(report.model.encoder, threshold))}_", ""]
    out += [f"## {HOW_TO_READ_TITLE}", ""]
    out += [f"- **{term}**: {escape_markdown(text)}" for term, text in how_to_read(threshold)]
    return "\n".join(out) + "\n"
