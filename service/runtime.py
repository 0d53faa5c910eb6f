"""Process-wide objects shared by CLI, service and batch: the cached encoder."""

from __future__ import annotations

from functools import lru_cache

from service.pipeline.embed import CachedEncoder, Encoder, make_encoder
from service.settings import Settings


@lru_cache(maxsize=4)
def cached_encoder(kind: str | None = None) -> Encoder:
    """The configured encoder wrapped in the on-disk embedding cache under READOUT_DIFF_DATA."""
    settings = Settings.from_env()
    return CachedEncoder(
        make_encoder(kind or settings.encoder, fake_delay=settings.fake_delay), settings.cache_path
    )
