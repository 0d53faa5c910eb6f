"""Run a batch into an output folder: journal, one report per meeting, trends and a summary."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path

import msgspec

from service.batch.fetching import fetched
from service.batch.folder.journal import Journal, write_durably
from service.batch.items import Item
from service.batch.runners.local import run_items
from service.batch.trends.tally import Trends, to_csv, to_json, trends_of
from service.fetch import FetchPolicy
from service.pipeline.embed import Encoder
from service.pipeline.history import batch_history
from service.pipeline.types import Precedent, Report
from service.settings import DEFAULT_BATCH_CHUNK

SUMMARY_TOPICS = 8
# Runs the items still to do and yields each outcome (`run_items`, or the Ray engine).
Engine = Callable[[list[Item]], Iterator[Item]]


class Results(msgspec.Struct, frozen=True):
    """`results.json`: every item of the input, in order, with its status."""

    total: int
    ok: int
    failed: int
    items: list[Item]


@dataclass
class BatchResult:
    entries: list[Item]
    trends: Trends
    skipped: int
    reports: list[Report] = field(default_factory=list)
    # Per report id: its emphases against the batch's earlier meetings of the same sides.
    history: dict[str, list[Precedent]] = field(default_factory=dict)

    @property
    def failed(self) -> int:
        return sum(1 for e in self.entries if e.status != "ok")


def run_into_folder(
    items: list[Item],
    out: Path,
    encoder: Encoder,
    *,
    chunk: int = DEFAULT_BATCH_CHUNK,
    on_start: Callable[[int, int, int], None] | None = None,
    on_done: Callable[[Item], None] | None = None,
    engine: Engine | None = None,
    fetch_policy: FetchPolicy | None = None,
) -> BatchResult:
    """Run what the journal in `out` lacks, then write trends and the summary over all items.

    `on_start(total, done, failed)` learns what earlier runs finished; `on_done` gets each entry;
    `engine` replaces the in-process runner (the Ray engine); the journal is the same. A line
    whose readout gives a URL and no text is fetched within `fetch_policy` (none: refused).
    """
    with Journal(out) as journal:
        todo = [item for item in items if not journal.done(item.key)]
        if on_start is not None:
            earlier = [journal.entries[i.key] for i in items if journal.done(i.key)]
            on_start(len(items), len(earlier), sum(e.status != "ok" for e in earlier))
        ready, refused = fetched(todo, fetch_policy or FetchPolicy(hosts=()))
        outcomes = engine(ready) if engine else run_items(ready, encoder, chunk=chunk)
        for finished in chain(refused, outcomes):
            entry = journal.record(finished)
            if on_done is not None:
                on_done(entry)
        entries = [journal.entries[item.key] for item in items]
        reports = [journal.report(e) for e in entries if e.status == "ok"]
    trends = trends_of(reports, encoder)
    history = batch_history(reports, encoder)
    result = BatchResult(entries, trends, len(items) - len(todo), reports, history)
    write_outputs(out, result)
    return result


def write_outputs(out: Path, result: BatchResult) -> None:
    ok = len(result.entries) - result.failed
    results = Results(len(result.entries), ok, result.failed, result.entries)
    write_durably(
        out / "results.json", msgspec.json.format(msgspec.json.encode(results), indent=1) + b"\n"
    )
    write_durably(out / "trends.json", to_json(result.trends))
    write_durably(out / "trends.csv", to_csv(result.trends).encode())
    history = {key: found for key, found in result.history.items() if found}
    write_durably(out / "history.json", msgspec.json.format(msgspec.json.encode(history)) + b"\n")
    write_durably(out / "summary.md", summary(result).encode())


def summary(result: BatchResult) -> str:
    """A short Markdown summary: counts, errors, and the topics each side stressed most often."""
    trends = result.trends
    ok = len(result.entries) - result.failed
    lines = [
        "# Batch summary",
        "",
        f"{len(result.entries)} meetings: {ok} compared, {result.failed} failed"
        f" ({result.skipped} already done before this run).",
        f"{len(trends.topics)} topics (cut {trends.cut:.3f}); periods: {', '.join(trends.periods)}.",
        "",
    ]
    for side in trends.sides:
        stressed = [t for t in trends.topics if t.by_side.get(side)]
        stressed.sort(key=lambda t: -t.by_side[side])
        lines += [f"## What {side} stressed alone, most often", ""]
        for topic in stressed[:SUMMARY_TOPICS]:
            only = " (only this side)" if topic.only_side == side else ""
            lines.append(f"- {topic.name}: {_meetings(topic.by_side[side])}{only}")
        lines.append("")
    lines += _new_lines(result)
    failures = [e for e in result.entries if e.status != "ok"]
    if failures:
        lines += ["## Failed", ""]
        lines += [f"- {e.where}: {e.error}" for e in failures]
        lines.append("")
    return "\n".join(lines)


def _new_lines(result: BatchResult) -> list[str]:
    """Per meeting with earlier ones of the same sides: the emphases none of them carried."""
    lines: list[str] = []
    for report in sorted(result.reports, key=lambda r: r.date or "", reverse=True):
        claims = {c.id: c.text for c in report.claims}
        new = [p for p in result.history.get(report.id or "", []) if not p.carried]
        if new:
            lines.append(f"- {report.date} {report.title or ' vs '.join(report.sides)}:")
            lines += [f'  - {p.side}: "{" ".join(claims[p.claim_id].split())[:120]}"' for p in new]
    if not lines:
        return []
    return ["## New: emphases no earlier meeting of the same sides carried", "", *lines, ""]


def _meetings(count: int) -> str:
    return f"{count} meeting" + ("" if count == 1 else "s")
