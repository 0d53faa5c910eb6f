"""The one place an encoder is chosen: by kind name from settings, and by the readouts' languages."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from service.errors import ReadoutDiffError
from service.pipeline import language
from service.pipeline.embed.fake import FakeEncoder
from service.pipeline.embed.minilm import SentenceTransformerEncoder
from service.pipeline.embed.protocol import Encoder
from service.pipeline.language import all_english
from service.pipeline.languages import warm_analysers

ENCODER_KINDS = ("minilm-onnx-int8", "minilm", "use", "e5", "fake", "fake-slow")


def make_encoder(kind: str, *, fake_delay: float = 0.0) -> Encoder:
    """The encoder named by settings: `minilm-onnx-int8` (default, English), `minilm`, `use` or
    `e5` (multilingual, see service.pipeline.embed.multilingual), `fake`, `fake-slow`.

    `fake-slow` is the fake sleeping `fake_delay` seconds per call; it shares the fake's name,
    vectors and cache entries.
    """
    if kind == "minilm":
        return SentenceTransformerEncoder()
    if kind == "minilm-onnx-int8":
        from service.pipeline.embed.onnx import OnnxEncoder

        return OnnxEncoder()
    if kind == "fake":
        return FakeEncoder()
    if kind == "fake-slow":
        return FakeEncoder(delay=fake_delay)
    if kind in ("use", "e5"):
        from service.pipeline.embed.multilingual import E5Encoder, UseEncoder

        return UseEncoder() if kind == "use" else E5Encoder()
    raise ReadoutDiffError(
        f"unknown encoder {kind!r} (expected one of: {', '.join(ENCODER_KINDS)})"
    )


class RoutingEncoder:
    """The English encoder while every text is English, the multilingual one otherwise."""

    def __init__(self, english: Encoder, multilingual: Encoder) -> None:
        self.english = english
        self.multilingual = multilingual
        self.name = english.name
        self.dimensions = english.dimensions

    def for_languages(self, languages: tuple[str, ...]) -> Encoder:
        return self.english if all_english(languages) else self.multilingual

    def load(self) -> None:
        self.english.load()
        self.multilingual.load()

    def warm(self) -> None:
        """Both models, and the analysers of the languages the multilingual one serves."""
        self.english.warm()
        self.multilingual.warm()
        warm_analysers()

    def routes(self) -> tuple[Encoder, ...]:
        return (self.english, self.multilingual)

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        return route(self, tuple(language.detect_language(t) for t in texts)).encode(texts)

    def close(self) -> None:
        self.english.close()
        self.multilingual.close()


def route(encoder: Encoder, languages: tuple[str, ...]) -> Encoder:
    """The encoder that will embed a pair in these languages (a router's pick, else itself)."""
    if isinstance(encoder, RoutingEncoder):
        return encoder.for_languages(languages)
    return encoder
