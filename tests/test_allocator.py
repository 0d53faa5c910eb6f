"""glibc's allocator tuned by `readout-diff serve`: applied where mallopt exists, skipped elsewhere."""

from __future__ import annotations

import ctypes
import ctypes.util
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

from service import allocator
from service.allocator import M_ARENA_MAX, SETTINGS, tune_allocator
from service.cli import main


def test_glibc_takes_every_setting() -> None:
    if not sys.platform.startswith("linux") or ctypes.util.find_library("c") is None:
        pytest.skip("glibc only")
    assert tune_allocator() is True
    assert SETTINGS == {M_ARENA_MAX: 2}


ARENAS = textwrap.dedent(
    """
    import ctypes, ctypes.util, sys, tempfile, threading
    from service.allocator import tune_allocator
    libc = ctypes.CDLL(ctypes.util.find_library("c"))
    libc.malloc.restype = ctypes.c_void_p
    libc.malloc.argtypes = [ctypes.c_size_t]
    libc.fdopen.restype = ctypes.c_void_p
    libc.fdopen.argtypes = [ctypes.c_int, ctypes.c_char_p]
    libc.malloc_info.argtypes = [ctypes.c_int, ctypes.c_void_p]
    libc.fclose.argtypes = [ctypes.c_void_p]
    if sys.argv[1] == "tuned":
        assert tune_allocator()
    barrier = threading.Barrier(8)
    def work():
        barrier.wait()
        for _ in range(100):
            libc.malloc(1000)
        barrier.wait()
    threads = [threading.Thread(target=work) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    with tempfile.TemporaryFile() as out:
        stream = libc.fdopen(out.fileno(), b"w")
        libc.malloc_info(0, stream)
        libc.fflush(None)
        out.seek(0)
        print(out.read().decode().count("<heap nr="))
    """
)


def _arenas(mode: str) -> int:
    found = subprocess.run(
        [sys.executable, "-c", ARENAS, mode], capture_output=True, text=True, check=True
    )
    return int(found.stdout.strip())


def test_threads_started_after_tuning_share_two_arenas() -> None:
    """Eight threads allocating at once: glibc's default gives them arenas of their own (on
    two cores up to 16), tuned they share the two (malloc_info counts the arenas)."""
    if not sys.platform.startswith("linux") or ctypes.util.find_library("c") is None:
        pytest.skip("glibc only")
    tuned, default = _arenas("tuned"), _arenas("default")
    assert tuned <= SETTINGS[M_ARENA_MAX], f"{tuned} arenas, limit {SETTINGS[M_ARENA_MAX]}"
    assert default > tuned, f"the default gave {default} arenas: the test shows nothing"


def test_a_c_library_without_mallopt_is_left_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    class NoMallopt:
        def __init__(self, name: Any) -> None:
            pass

    monkeypatch.setattr(allocator.ctypes, "CDLL", NoMallopt)
    assert tune_allocator() is False


def test_serve_tunes_the_allocator_before_it_starts(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    calls: list[str] = []
    monkeypatch.setattr(allocator, "tune_allocator", lambda: calls.append("tune") or True)
    import uvicorn

    monkeypatch.setattr(uvicorn, "run", lambda *args, **kwargs: calls.append("run"))
    assert main(["serve", "--no-examples", "--data", str(tmp_path / "data")]) == 0
    assert calls == ["tune", "run"]
