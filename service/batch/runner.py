"""Run many meetings through the pipeline, encoding the claims of several meetings per call."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from service.batch.inputs import BatchItem
from service.comparisons import ComparisonRequest
from service.errors import ReadoutDiffError
from service.pipeline import claims_of, compare
from service.pipeline.embed import Encoder, MemoEncoder
from service.pipeline.language import detect_language
from service.pipeline.multilingual import encoder_for
from service.pipeline.types import Report
from service.settings import DEFAULT_BATCH_CHUNK

# Meetings whose claims go to the encoder in one call: large enough to fill the model's batches
# (about 20 claims a meeting, 64 a model batch), small enough that progress moves steadily.


@dataclass(frozen=True)
class Outcome:
    """A finished item: its report, or the error that stopped it."""

    item: BatchItem
    report: Report | None = None
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.report is not None


@dataclass
class RunStats:
    """Where the time went, for the benchmark and the summary."""

    meetings: int = 0
    failed: int = 0
    encoder_calls: int = 0
    encoder_seconds: float = 0.0
    seconds: float = 0.0
    texts_encoded: int = 0


def run_items(
    items: Iterable[BatchItem],
    encoder: Encoder,
    *,
    chunk: int = DEFAULT_BATCH_CHUNK,
    stats: RunStats | None = None,
    clock: Callable[[], float] = time.perf_counter,
) -> Iterator[Outcome]:
    """Compare every item, `chunk` meetings per encoder call; yield each outcome as it is ready."""
    stats = stats if stats is not None else RunStats()
    pending: list[BatchItem] = []
    for item in items:
        if item.body is None:
            stats.failed += 1
            yield Outcome(item=item, error=item.error or "invalid item")
            continue
        pending.append(item)
        if len(pending) >= chunk:
            yield from _run_chunk(pending, encoder, stats, clock)
            pending = []
    if pending:
        yield from _run_chunk(pending, encoder, stats, clock)


def _run_chunk(
    items: list[BatchItem], encoder: Encoder, stats: RunStats, clock: Callable[[], float]
) -> Iterator[Outcome]:
    started = clock()
    # A routing encoder embeds English pairs and, say, Korean ones with different models:
    # one call per model, and each meeting later reads the vectors of its own model.
    routes: dict[str, Encoder] = {}
    texts: dict[str, dict[str, None]] = {}
    route_of: list[str] = []
    for item in items:
        assert item.body is not None
        languages = tuple(detect_language(r.text) for r in item.body.readouts)
        chosen = encoder_for(encoder, languages)
        routes.setdefault(chosen.name, chosen)
        wanted = texts.setdefault(chosen.name, {})
        route_of.append(chosen.name)
        for readout, language in zip(item.body.readouts, languages, strict=True):
            try:
                wanted.update((c.text, None) for c in claims_of(readout, language))
            except ReadoutDiffError:
                continue  # compare() below reports it for this item alone
    lookups: dict[str, MemoEncoder] = {}
    for name, chosen in routes.items():
        wanted_texts = list(texts[name])
        lookups[name] = MemoEncoder(chosen)
        before = clock()
        if wanted_texts:
            lookups[name].encode(wanted_texts)  # the chunk's one call to this encoder
        stats.encoder_seconds += clock() - before
        stats.encoder_calls += 1
        stats.texts_encoded += len(wanted_texts)
    for item, name in zip(items, route_of, strict=True):
        outcome = _compare_one(item, lookups[name])
        stats.meetings += 1
        stats.failed += 0 if outcome.ok else 1
        yield outcome
    stats.seconds += clock() - started


def _compare_one(item: BatchItem, encoder: Encoder) -> Outcome:
    body: ComparisonRequest | None = item.body
    assert body is not None
    try:
        report = compare(body.readouts, encoder, title=body.title, date=body.date)
    except ReadoutDiffError as error:
        return Outcome(item=item, error=str(error))
    report.id = item.key
    return Outcome(item=item, report=report)
