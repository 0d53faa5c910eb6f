"""The Litestar app factory: settings, encoder and store wired once, in a lifespan hook."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import anyio.to_thread
from litestar import Litestar, get
from litestar.datastructures import State
from litestar.di import NamedDependency, Provide
from litestar.exceptions import NotFoundException
from litestar.openapi.config import OpenAPIConfig
from litestar.openapi.plugins import JsonRenderPlugin

from service.api.batch import BatchController, BatchPageController
from service.api.comparisons import ComparisonController
from service.api.defences import drain_refused_bodies, shield, write_gate
from service.api.pages import PageController, static_file, template_config, unknown_url
from service.api.problems import problem_details_plugin
from service.api.schemas import Health, StrictStructSchemaPlugin
from service.batch.queue import Batches, BatchRecords, BatchWorker
from service.comparisons import Comparisons
from service.fetch import fetch_policy
from service.pipeline.embed import Encoder
from service.runtime import configured_encoder
from service.settings import Settings
from service.store import Store

log = logging.getLogger("readout_diff.api")


def provide_comparison_service(state: State) -> Comparisons:
    service: Comparisons = state.comparisons
    return service


def provide_batch_service(state: State) -> Batches:
    service: Batches = state.batches
    return service


@get("/health", tags=["service"], sync_to_thread=True)
def health(comparison_service: NamedDependency[Comparisons]) -> Health:
    """Liveness, the encoder in use and how many comparisons are stored."""
    return Health(
        status="ok",
        model=comparison_service.encoder.name,
        comparisons=comparison_service.count(),
    )


def create_app(settings: Settings | None = None, encoder: Encoder | None = None) -> Litestar:
    """Build the service; `encoder` replaces the configured one (tests pass a FakeEncoder)."""
    settings = settings or Settings.from_env()

    @asynccontextmanager
    async def lifespan(app: Litestar) -> AsyncIterator[None]:
        store = Store(settings.database, pool_size=settings.database_pool)
        model = encoder or configured_encoder(settings, store=store)
        await anyio.to_thread.run_sync(model.warm)
        service = Comparisons(
            store,
            model,
            max_readout_chars=settings.max_readout_chars,
            fetch_policy=fetch_policy(settings, settings.fetch_hosts),
        )
        app.state.comparisons = service
        await anyio.to_thread.run_sync(service.key_meetings)
        if settings.examples:
            loaded = await anyio.to_thread.run_sync(service.load_examples, settings.examples_dir)
            if loaded:
                log.info("loaded %d example comparisons from %s", loaded, settings.examples_dir)
        engine = None
        if settings.ray_address:  # batches go to the Ray cluster; comparisons stay here
            from service.batch.runners import ray_engine

            engine = ray_engine(settings.encoder, settings.batch_chunk, settings.ray_address)
        worker = BatchWorker(
            BatchRecords(store), service, chunk=settings.batch_chunk,
            lease=settings.batch_lease, engine=engine,
        )  # fmt: skip
        app.state.batches = Batches(
            worker.records, worker,
            max_batches=settings.max_queued_batches, max_items=settings.max_queued_items,
        )  # fmt: skip
        resumed = await anyio.to_thread.run_sync(worker.start)
        if resumed:
            log.info("resuming %d unfinished batches", resumed)
        try:
            yield
        finally:
            await anyio.to_thread.run_sync(worker.stop)
            store.close()
            if encoder is None:
                model.close()

    app = Litestar(
        guards=[write_gate(settings.api_token, settings.max_json_depth)],
        state=State(
            {
                "token_required": settings.api_token is not None,
                "max_body_bytes": settings.max_body_bytes,
            }
        ),
        route_handlers=[
            ComparisonController,
            PageController,
            BatchController,
            BatchPageController,
            health,
            static_file,
        ],
        dependencies={
            "comparison_service": Provide(provide_comparison_service, sync_to_thread=False),
            "batch_service": Provide(provide_batch_service, sync_to_thread=False),
        },
        lifespan=[lifespan],
        exception_handlers={NotFoundException: unknown_url},
        template_config=template_config(),
        plugins=[problem_details_plugin(), StrictStructSchemaPlugin()],
        openapi_config=OpenAPIConfig(
            title="readout-diff",
            version="0.1.0",
            description="Compare two governments' readouts of the same meeting.",
            path="/schema",
            render_plugins=[JsonRenderPlugin()],
        ),
        request_max_body_size=settings.max_body_bytes,
        middleware=[drain_refused_bodies],
    )
    app.asgi_handler = shield(
        app.asgi_handler, answered_hosts(settings), body_timeout=settings.body_timeout,
        max_body_bytes=settings.max_body_bytes, large_bodies=settings.large_bodies,
    )  # fmt: skip
    return app


def answered_hosts(settings: Settings) -> tuple[str, ...]:
    """The allowed hosts, and the address the server binds when it is one address, not all."""
    bound = settings.host.strip("[]").lower()
    wildcard = bound in {"", "0.0.0.0", "::"}
    return settings.allowed_hosts + (
        () if wildcard or bound in settings.allowed_hosts else (bound,)
    )
