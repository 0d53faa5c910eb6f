"""glibc's allocator tuned for a long-lived server of large, mostly read-only models."""

from __future__ import annotations

import ctypes
import ctypes.util

# mallopt(3) parameters of glibc's malloc.h.
M_ARENA_MAX = -8
# Two arenas for the encoders', analysers' and request threads, instead of up to eight a core,
# each keeping its own freed memory: peak RSS with every analyser loaded about 10 MB less
# (bench/serving.py --all-languages). Fixed 128 KiB mmap and trim thresholds saved 8 MB more
# but cost a quarter more CPU per POST (every numpy block its own fresh mapping): not taken.
SETTINGS = {M_ARENA_MAX: 2}


def tune_allocator() -> bool:
    """Apply SETTINGS with mallopt before the server starts its threads; False where the C
    library has no mallopt (musl, macOS), which then keeps its own defaults."""
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c"))
        mallopt = libc.mallopt
    except (OSError, AttributeError, TypeError):
        return False
    mallopt.argtypes = [ctypes.c_int, ctypes.c_int]
    mallopt.restype = ctypes.c_int
    return all(mallopt(parameter, value) == 1 for parameter, value in SETTINGS.items())
