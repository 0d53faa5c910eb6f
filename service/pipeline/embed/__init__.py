"""Stage 3, embed: the Encoder protocol, its models, caches and the one place an encoder is chosen."""

from service.pipeline.embed.cache import CachedEncoder, MemoEncoder
from service.pipeline.embed.fake import FakeEncoder
from service.pipeline.embed.protocol import Encoder
from service.pipeline.embed.routing import ENCODER_KINDS, RoutingEncoder, make_encoder, route

__all__ = [
    "ENCODER_KINDS",
    "CachedEncoder",
    "Encoder",
    "FakeEncoder",
    "MemoEncoder",
    "RoutingEncoder",
    "make_encoder",
    "route",
]
