"""Per-text memos keep short texts and pass long ones straight through."""

from __future__ import annotations

from service.pipeline.classify.terms import words_of as _words
from service.pipeline.memo import MAX_MEMO_CHARS, text_memo


def test_short_texts_are_computed_once_and_long_ones_every_time() -> None:
    calls: list[str] = []

    @text_memo(maxsize=8)
    def length(text: str) -> int:
        calls.append(text)
        return len(text)

    short, long = "The ministers met.", "word " * (MAX_MEMO_CHARS // 5 + 1)
    assert [length(short), length(short)] == [len(short)] * 2
    assert [length(long), length(long)] == [len(long)] * 2
    assert calls == [short, long, long]
    length.cache_clear()
    length(short)
    assert calls[-1] == short and len(calls) == 4


def test_a_pipeline_memo_holds_no_long_claim() -> None:
    _words.cache_clear()
    long_claim = "the alliance " * 1000
    assert _words(long_claim) == _words(long_claim)
    _words("a short claim")
    assert _words._cached.cache_info().currsize == 1  # type: ignore[attr-defined]
