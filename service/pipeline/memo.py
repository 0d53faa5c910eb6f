"""Memos of per-text work, bounded in entries and in the length of the texts they keep."""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache, update_wrapper
from typing import Generic, ParamSpec, TypeVar, cast

P = ParamSpec("P")
R = TypeVar("R")

# A claim this long is rare in a real readout (a readout with no sentence end is one claim);
# keeping its words would let a few hostile requests hold gigabytes, so it is not memoised.
MAX_MEMO_CHARS = 4000


class TextMemo(Generic[P, R]):
    """`lru_cache` that passes calls on texts longer than MAX_MEMO_CHARS straight through."""

    def __init__(self, function: Callable[P, R], maxsize: int) -> None:
        self._function = function
        cached = lru_cache(maxsize=maxsize)(function)
        self._cached = cast("Callable[P, R]", cached)
        self.cache_clear = cached.cache_clear
        update_wrapper(self, function)

    def __call__(self, *args: P.args, **kwargs: P.kwargs) -> R:
        length = sum(len(a) for a in (*args, *kwargs.values()) if isinstance(a, str))
        if length > MAX_MEMO_CHARS:
            return self._function(*args, **kwargs)
        return self._cached(*args, **kwargs)


def text_memo(maxsize: int) -> Callable[[Callable[P, R]], TextMemo[P, R]]:
    """Decorate a pure function of texts (and other hashable values) with a bounded memo."""

    def decorate(function: Callable[P, R]) -> TextMemo[P, R]:
        return TextMemo(function, maxsize)

    return decorate
