"""The batch as a Ray Data pipeline: read → clean/split (tasks) → embed (actor pool) → compare.

Yields the same finished `Item`s as `runner.run_items`, so the journal, the reports, the trends and
the progress bar are the in-process engine's. Each embedding actor loads its encoder once and
embeds a batch of meetings per call; workers rebuild the encoder by its settings name (`kind`).
"""

from __future__ import annotations

import os
import pickle
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache, partial
from typing import Any

import msgspec
import numpy as np

from service.batch.items import Item
from service.batch.runners.local import compared_item, prepared_item
from service.comparisons import ComparisonRequest
from service.errors import InvalidInput
from service.pipeline import Prepared, embedded_texts
from service.pipeline.embed import Encoder, MemoEncoder, route
from service.pipeline.types import Report
from service.settings import DEFAULT_BATCH_CHUNK


def start_ray(address: str | None = None, num_cpus: int | None = None) -> None:
    """Join the cluster at `address` (its GCS, HOST:6379, or `auto`), or start a local Ray.

    Ray Data needs a driver attached to the cluster, so Ray Client (`ray://`) addresses are
    refused with a clear error rather than failing mid-run.
    """
    import ray

    if address and address.startswith("ray://"):
        raise InvalidInput(
            f"{address}: Ray Data does not run over Ray Client; give the cluster's GCS address "
            "(HOST:6379) from a machine that can reach it, or run the batch as a Ray job"
        )
    if ray.is_initialized():
        return
    quiet: dict[str, Any] = {"log_to_driver": False, "logging_level": "ERROR"}
    if address:
        try:
            ray.init(address=address, **quiet)
        except ConnectionError as error:
            raise InvalidInput(f"cannot reach the Ray cluster at {address}: {error}") from None
    else:
        # "local": always a new Ray of our own, never a cluster `ray start` left on this machine
        ray.init(
            address="local", num_cpus=num_cpus or os.cpu_count(), include_dashboard=False, **quiet
        )
    context = ray.data.DataContext.get_current()
    context.enable_progress_bars = False  # the batch's own bar reports progress


@lru_cache(maxsize=4)
def _encoder(kind: str) -> Encoder:
    """The configured (cached, routing) encoder, built once per Ray worker process."""
    from service.runtime import cached_encoder

    return cached_encoder(kind)


def _split(row: dict[str, Any], kind: str) -> dict[str, Any]:
    """A task: prepare the meeting once (check, detect, split) and pick its encoder route."""
    prepared = prepared_item(_item(row))
    if not isinstance(prepared, Prepared):
        return {**row, "route": "", "texts": b"[]", "prepared": b"", "error": prepared.error}
    chosen = route(_encoder(kind), prepared.languages).name
    texts = list(dict.fromkeys(embedded_texts(prepared)))
    return {**row, "route": chosen, "texts": msgspec.json.encode(texts),
            "prepared": pickle.dumps(prepared), "error": ""}  # fmt: skip


class EmbedActor:
    """One loaded encoder per actor; each call embeds a batch of meetings, one call per route."""

    def __init__(self, kind: str) -> None:
        self.encoder = _encoder(kind)
        self.routes: dict[str, Encoder] = {}

    def __call__(self, batch: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
        texts = [msgspec.json.decode(t, type=list[str]) for t in batch["texts"]]
        by_route: dict[str, dict[str, None]] = {}
        for name, wanted in zip(batch["route"], texts, strict=True):
            by_route.setdefault(str(name), {}).update(dict.fromkeys(wanted))
        vectors: dict[str, dict[str, np.ndarray]] = {}
        for name, needed in by_route.items():
            encoded = self._route(name).encode(list(needed)) if needed else np.zeros((0, 0))
            vectors[name] = dict(zip(needed, encoded, strict=True))
        packed = [
            _pack({t: vectors[str(name)][t] for t in wanted})
            for name, wanted in zip(batch["route"], texts, strict=True)
        ]
        return {**batch, "vectors": np.array(packed, dtype=object)}

    def _route(self, name: str) -> Encoder:
        if name not in self.routes:
            found = [e for e in (self.encoder, *self.encoder.routes()) if e.name == name]
            self.routes[name] = found[0]
        return self.routes[name]


def _pack(vectors: dict[str, np.ndarray]) -> bytes:
    texts = list(vectors)
    matrix = np.stack([vectors[t] for t in texts]).astype(np.float32) if texts else np.zeros(0)
    header = msgspec.json.encode({"texts": texts, "shape": list(matrix.shape)})
    return len(header).to_bytes(4, "big") + header + matrix.tobytes()


def _unpack(data: bytes) -> dict[str, np.ndarray]:
    size = int.from_bytes(data[:4], "big")
    header = msgspec.json.decode(data[4 : 4 + size])
    matrix = np.frombuffer(data[4 + size :], dtype=np.float32).reshape(header["shape"])
    return dict(zip(header["texts"], matrix, strict=True))


def _compare(row: dict[str, Any], kind: str) -> dict[str, Any]:
    """A task: align and classify one prepared meeting with the vectors its actor computed."""
    if row["error"]:
        return {"key": row["key"], "report": b"", "error": row["error"]}
    prepared: Prepared = pickle.loads(row["prepared"])
    encoder = MemoEncoder(route(_encoder(kind), prepared.languages), _unpack(row["vectors"]))
    done = compared_item(_item(row), prepared, encoder)
    report = msgspec.json.encode(done.outcome) if done.outcome is not None else b""
    return {"key": row["key"], "report": report, "error": done.error or ""}


def _item(row: dict[str, Any]) -> Item:
    body = ComparisonRequest.stored(row["body"])
    return Item.of(str(row["key"]), str(row["where"]), body)


def run_items_on_ray(
    items: Iterable[Item],
    kind: str,
    *,
    chunk: int = DEFAULT_BATCH_CHUNK,
    actors: int | None = None,
) -> Iterator[Item]:
    """Compare every item on Ray (started or connected already); yield outcomes as they finish."""
    import ray

    by_key: dict[str, Item] = {}
    rows = []
    for item in items:
        if item.body is None:
            yield item if item.status == "error" else item.failed("invalid item")
            continue
        by_key[item.key] = item
        rows.append({"key": item.key, "where": item.where, "body": msgspec.json.encode(item.body)})
    if not rows:
        return
    cpus = int(ray.cluster_resources().get("CPU", 1))  # type: ignore[no-untyped-call]
    dataset = (
        ray.data.from_items(rows)
        .map(partial(_split, kind=kind))
        .map_batches(
            EmbedActor,
            fn_constructor_kwargs={"kind": kind},
            batch_size=chunk,
            compute=ray.data.ActorPoolStrategy(size=actors or max(1, cpus // 2)),
            batch_format="numpy",
        )
        .map(partial(_compare, kind=kind))
    )
    for row in dataset.iter_rows():
        item = by_key[str(row["key"])]
        if row["report"]:
            yield item.compared(msgspec.json.decode(row["report"], type=Report))
        else:
            yield item.failed(str(row["error"]) or "failed")


def ray_engine(
    kind: str, chunk: int, address: str | None = None
) -> Callable[[list[Item]], Iterator[Item]]:
    """An engine for `run_into_folder` and the service worker: Ray started on first use."""

    def run(items: list[Item]) -> Iterator[Item]:
        start_ray(address)
        return run_items_on_ray(items, kind, chunk=chunk)

    return run
