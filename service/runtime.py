"""Process-wide objects shared by CLI, service and batch: the cached encoder."""

from __future__ import annotations

from functools import lru_cache

from service.pipeline.embed import CachedEncoder, Encoder, make_encoder
from service.pipeline.embed.multilingual import MULTILINGUAL_KINDS
from service.pipeline.embed.routing import RoutingEncoder
from service.settings import Settings
from service.store.vectors import VectorCache

# Test encoders are never routed: tests see exactly the encoder they asked for.
_TEST_KINDS = frozenset({"fake", "fake-slow"})


@lru_cache(maxsize=4)
def cached_encoder(kind: str | None = None) -> Encoder:
    """The configured encoder, built once per process (see `configured_encoder`)."""
    return configured_encoder(Settings.from_env(), kind)


def configured_encoder(settings: Settings, kind: str | None = None) -> Encoder:
    """The configured encoder wrapped in the on-disk embedding cache under READOUT_DIFF_DATA.

    An English-only encoder comes inside a router that sends non-English pairs (a Korean
    readout against an English one) to the multilingual encoder, so no caller needs a flag.
    """
    kind = kind or settings.encoder
    size = settings.cache_max_mb
    encoder = CachedEncoder(
        make_encoder(kind, fake_delay=settings.fake_delay), VectorCache(settings.cache_path, size)
    )
    if kind in MULTILINGUAL_KINDS or kind in _TEST_KINDS:
        return encoder  # reads every language already, or a fake
    multilingual = CachedEncoder(
        make_encoder(settings.multilingual_encoder), VectorCache(settings.cache_path, size)
    )
    return RoutingEncoder(encoder, multilingual)
