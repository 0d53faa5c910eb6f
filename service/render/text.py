"""The report as plain terminal text: emphases per side, ranked, then the shared claims."""

from __future__ import annotations

import textwrap

from service.pipeline.types import Report
from service.render.attributions import SECTION_TITLE, attribution_lines
from service.render.common import (
    KIND_LABEL,
    claim_index,
    describe,
    one_line,
    precedents_by_claim,
    shared_pairs,
    source_lines,
    strength_gap_line,
    strength_gap_quotes,
    title,
)
from service.render.reading import emphases_heading, same_matter, threshold_words
from service.render.sides import ALL_BUT_ONE_TITLE, all_but_one_lines


def to_text(report: Report, width: int = 100) -> str:
    claims = claim_index(report)
    rule = "=" * min(width, 100)
    out = [rule, title(report), rule]
    sources = source_lines(report)
    if sources:
        out += ["Sources:"] + [f"  {line}" for line in sources]
    history = precedents_by_claim(report)
    threshold = same_matter(report)
    for side in report.sides:
        emphases = [e for e in report.emphases if e.side == side]
        out += ["", f"{emphases_heading(side)} ({len(emphases)} emphases)", "-" * 40]
        for number, emphasis in enumerate(emphases, 1):
            first, *rest = describe(emphasis, claims, history, threshold=threshold)
            label = f"{number:>2}. [{KIND_LABEL[emphasis.kind]}] "
            out += textwrap.wrap(
                first, width, initial_indent=label, subsequent_indent=" " * len(label)
            )
            for line in rest:
                out += textwrap.wrap(
                    line,
                    width,
                    initial_indent=" " * len(label),
                    subsequent_indent=" " * (len(label) + 2),
                )
    if report.all_but_one:
        out += ["", ALL_BUT_ONE_TITLE, "-" * 40]
        for number, lines in enumerate(all_but_one_lines(report, claims), 1):
            label = f"{number:>2}. "
            out += textwrap.wrap(lines.heading, width, initial_indent=label)
            for quote in lines.quotes:
                out += textwrap.wrap(
                    quote, width, initial_indent="    ", subsequent_indent="      "
                )
    if report.attributions:
        out += ["", SECTION_TITLE, "-" * 40]
        for item in attribution_lines(report):
            label = f"[{item.kind}] "
            out += textwrap.wrap(item.heading, width, initial_indent=label)
            for line in (item.quote, item.counterpart):
                out += textwrap.wrap(line, width, initial_indent="    ", subsequent_indent="      ")
    out += ["", "Shared (similarity, then each side's claim)", "-" * 40]
    for left, right, similarity in shared_pairs(report):
        out += textwrap.wrap(
            f"{left.side}: {one_line(left.text)}",
            width,
            initial_indent=f"{similarity:.2f} ",
            subsequent_indent="     ",
        )
        out += textwrap.wrap(
            f"{right.side}: {one_line(right.text)}",
            width,
            initial_indent="     ",
            subsequent_indent="     ",
        )
    if report.strength_gaps:
        out += ["", "Said with different strength (levels 1 noted to 4 condemned)", "-" * 40]
        for number, gap in enumerate(report.strength_gaps, 1):
            label = f"{number:>2}. "
            out += textwrap.wrap(
                strength_gap_line(gap), width, initial_indent=label, subsequent_indent=" " * 4
            )
            for quote in strength_gap_quotes(gap, claims):
                out += textwrap.wrap(
                    quote, width, initial_indent=" " * 4, subsequent_indent=" " * 6
                )
    out += ["", *textwrap.wrap(threshold_words(report.model.encoder, threshold), width)]
    return "\n".join(out) + "\n"
