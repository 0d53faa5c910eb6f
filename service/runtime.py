"""Process-wide objects shared by CLI, service and batch: the cached encoder."""

from __future__ import annotations

from functools import lru_cache

from service.pipeline.embed import CachedEncoder, Encoder, make_encoder
from service.pipeline.embed.multilingual import MULTILINGUAL_KINDS
from service.pipeline.embed.routing import RoutingEncoder
from service.settings import Settings
from service.store import Store
from service.store.vectors import StoredVectors, VectorCache

# Test encoders are never routed: tests see exactly the encoder they asked for.
_TEST_KINDS = frozenset({"fake", "fake-slow"})


@lru_cache(maxsize=4)
def cached_encoder(kind: str | None = None) -> Encoder:
    """The configured encoder, built once per process (see `configured_encoder`)."""
    return configured_encoder(Settings.from_env(), kind)


def configured_encoder(
    settings: Settings, kind: str | None = None, store: Store | None = None
) -> Encoder:
    """The configured encoder wrapped in the embedding cache: the PostgreSQL `store`'s table
    when the service runs on one, else the cache file under READOUT_DIFF_DATA.

    An English-only encoder comes inside a router that sends non-English pairs (a Korean
    readout against an English one) to the multilingual encoder, so no caller needs a flag.
    """
    kind = kind or settings.encoder

    def cached(inner: Encoder) -> Encoder:
        size = settings.cache_max_mb
        if store is not None and store.dialect.name == "postgres":
            return CachedEncoder(inner, StoredVectors(store, size))
        return CachedEncoder(inner, VectorCache(settings.cache_path, size))

    encoder = cached(make_encoder(kind, fake_delay=settings.fake_delay))
    if kind in MULTILINGUAL_KINDS or kind in _TEST_KINDS:
        return encoder  # reads every language already, or a fake
    return RoutingEncoder(encoder, cached(make_encoder(settings.multilingual_encoder)))
