"""Stage 6, report: render one Report as JSON, Markdown or terminal text."""

from __future__ import annotations

import msgspec

from service.pipeline.types import Claim, Emphasis, Report

KIND_LABEL = {"one-sided": "only", "partial": "stronger/more specific", "opposed": "opposed"}


def to_json(report: Report) -> bytes:
    """The report JSON of DESIGN.md (plus additive fields), pretty-printed."""
    return msgspec.json.format(msgspec.json.encode(report), indent=2)


def claim_index(report: Report) -> dict[str, Claim]:
    return {c.id: c for c in report.claims}


def shared_pairs(report: Report) -> list[tuple[Claim, Claim, float]]:
    """Each shared claim of the first side with its best counterpart, strongest first."""
    claims = claim_index(report)
    seen: set[str] = set()
    pairs = []
    for match in report.matches:
        left, right = (claims[i] for i in match.claims)
        if left.id in seen or left.verdict == "one-sided":
            continue
        seen.add(left.id)
        pairs.append((left, right, match.similarity))
    return pairs


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _describe(emphasis: Emphasis, claims: dict[str, Claim]) -> list[str]:
    lines = [f'"{_one_line(emphasis.text)}"']
    if emphasis.terms:
        lines.append("terms: " + ", ".join(emphasis.terms))
    if emphasis.evidence:
        lines.append("evidence: " + ", ".join(emphasis.evidence))
    if emphasis.closest is not None:
        other = claims[emphasis.closest.claim_id]
        lines.append(
            f"closest {other.side} ({emphasis.closest.similarity:.2f}): "
            f'"{_one_line(other.text)[:140]}"'
        )
    return lines


def _title(report: Report) -> str:
    heading = report.title or " vs ".join(report.sides)
    return f"{heading} ({report.date})" if report.date else heading


def to_markdown(report: Report) -> str:
    """A Markdown document; readout text is escaped so it cannot inject markup."""
    claims = claim_index(report)
    out = [f"# {escape_markdown(_title(report))}", ""]
    for side in report.sides:
        emphases = [e for e in report.emphases if e.side == side]
        out += [f"## What only {escape_markdown(side)} stressed ({len(emphases)})", ""]
        for number, emphasis in enumerate(emphases, 1):
            first, *rest = _describe(emphasis, claims)
            out.append(
                f"{number}. **{KIND_LABEL[emphasis.kind]}** ({emphasis.salience:.2f}) {escape_markdown(first)}"
            )
            out += [f"   - {escape_markdown(line)}" for line in rest]
        out.append("")
    out += [
        "## Shared",
        "",
        f"| {' | '.join(escape_markdown(s) for s in report.sides)} | similarity |",
        "|---|---|---|",
    ]
    for left, right, similarity in shared_pairs(report):
        out.append(
            f"| {escape_markdown(_one_line(left.text))} | {escape_markdown(_one_line(right.text))} | {similarity:.2f} |"
        )
    out += ["", f"_encoder {report.model.encoder}, threshold {report.model.threshold:.2f}_", ""]
    return "\n".join(out)


_MARKDOWN_SPECIAL = str.maketrans({c: f"\\{c}" for c in "\\`*_{}[]<>()#+-.!|~"})


def escape_markdown(text: str) -> str:
    return text.translate(_MARKDOWN_SPECIAL)


def to_text(report: Report, width: int = 100) -> str:
    """Plain terminal text: emphases per side, ranked, then the shared claims."""
    import textwrap

    claims = claim_index(report)
    rule = "=" * min(width, 100)
    out = [rule, _title(report), rule]
    for side in report.sides:
        emphases = [e for e in report.emphases if e.side == side]
        out += ["", f"Only {side} ({len(emphases)} emphases)", "-" * 40]
        for number, emphasis in enumerate(emphases, 1):
            first, *rest = _describe(emphasis, claims)
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
    out += ["", "Shared", "-" * 40]
    for left, right, similarity in shared_pairs(report):
        out += textwrap.wrap(
            f"{left.side}: {_one_line(left.text)}",
            width,
            initial_indent=f"{similarity:.2f} ",
            subsequent_indent="     ",
        )
        out += textwrap.wrap(
            f"{right.side}: {_one_line(right.text)}",
            width,
            initial_indent="     ",
            subsequent_indent="     ",
        )
    out += ["", f"encoder {report.model.encoder}, threshold {report.model.threshold:.2f}"]
    return "\n".join(out) + "\n"
