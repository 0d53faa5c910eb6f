"""Run many meetings through the pipeline, encoding the claims of several meetings per call."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

import msgspec

from service.batch.items import Item
from service.errors import ReadoutDiffError
from service.pipeline import Prepared, compare_prepared, embedded_texts, prepare_checked
from service.pipeline.embed import Encoder, MemoEncoder, route
from service.settings import DEFAULT_BATCH_CHUNK

# Meetings whose claims go to the encoder in one call (`chunk`): large enough to fill the
# model's batches (about 20 claims a meeting, 64 a model batch), small enough that progress
# moves steadily.


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
    items: Iterable[Item],
    encoder: Encoder,
    *,
    chunk: int = DEFAULT_BATCH_CHUNK,
    stats: RunStats | None = None,
    clock: Callable[[], float] = time.perf_counter,
) -> Iterator[Item]:
    """Compare every pending item, `chunk` meetings per encoder call; yield each as it finishes."""
    stats = stats if stats is not None else RunStats()
    pending: list[Item] = []
    for item in items:
        if item.body is None:
            stats.failed += 1
            yield item if item.status == "error" else item.failed("invalid item")
            continue
        pending.append(item)
        if len(pending) >= chunk:
            yield from _run_chunk(pending, encoder, stats, clock)
            pending = []
    if pending:
        yield from _run_chunk(pending, encoder, stats, clock)


def prepared_item(item: Item) -> Prepared | Item:
    """The item's readouts split (checked when the item was read: `inputs.parse_body`), or
    the item failed with the reason."""
    body = item.body
    assert body is not None
    try:
        return prepare_checked(body.readouts, title=body.title, date=body.date)
    except ReadoutDiffError as error:
        return item.failed(str(error))


def compared_item(item: Item, prepared: Prepared, encoder: Encoder) -> Item:
    """The item with its report (id: the item's key), or failed with the reason."""
    try:
        report = compare_prepared(prepared, encoder)
    except ReadoutDiffError as error:
        return item.failed(str(error))
    return item.compared(msgspec.structs.replace(report, id=item.key))


def _run_chunk(
    items: list[Item], encoder: Encoder, stats: RunStats, clock: Callable[[], float]
) -> Iterator[Item]:
    started = clock()
    # A routing encoder embeds English pairs and, say, Korean ones with different models:
    # one call per model, and each meeting later reads the vectors of its own model.
    routes: dict[str, MemoEncoder] = {}
    texts: dict[str, dict[str, None]] = {}
    work: list[tuple[Item, Prepared | Item, str]] = []
    for item in items:
        prepared = prepared_item(item)
        name = ""
        if isinstance(prepared, Prepared):
            chosen = route(encoder, prepared.languages)
            name = chosen.name
            routes.setdefault(name, MemoEncoder(chosen))
            texts.setdefault(name, {}).update(dict.fromkeys(embedded_texts(prepared)))
        work.append((item, prepared, name))
    for name, memo in routes.items():
        before = clock()
        memo.encode(list(texts[name]))  # the chunk's one call to this encoder
        stats.encoder_seconds += clock() - before
        stats.encoder_calls += 1
        stats.texts_encoded += len(texts[name])
    for item, prepared, name in work:
        done = (
            compared_item(item, prepared, routes[name])
            if isinstance(prepared, Prepared)
            else prepared
        )
        stats.meetings += 1
        stats.failed += 0 if done.ok else 1
        yield done
    stats.seconds += clock() - started
