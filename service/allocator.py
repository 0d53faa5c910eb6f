"""glibc's allocator tuned for a long-lived server of large, mostly read-only models."""

from __future__ import annotations

import ctypes
import ctypes.util

# mallopt(3) parameters of glibc's malloc.h.
M_TRIM_THRESHOLD = -1
M_MMAP_THRESHOLD = -3
M_ARENA_MAX = -8
# Two arenas for two cores' worth of encoder and request threads, instead of eight a core;
# blocks from 128 KiB up in their own mappings and freed memory over 128 KiB returned at once,
# instead of thresholds that grow with the largest block freed. Peak RSS with every analyser
# loaded: about 25 MB less, latency the same (bench/serving.py --all-languages).
SETTINGS = {M_ARENA_MAX: 2, M_MMAP_THRESHOLD: 128 * 1024, M_TRIM_THRESHOLD: 128 * 1024}


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
