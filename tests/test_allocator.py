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
from service.allocator import M_ARENA_MAX, M_MMAP_THRESHOLD, SETTINGS, tune_allocator
from service.cli import main


def test_glibc_takes_every_setting() -> None:
    if not sys.platform.startswith("linux") or ctypes.util.find_library("c") is None:
        pytest.skip("glibc only")
    assert tune_allocator() is True
    assert SETTINGS[M_ARENA_MAX] == 2 and SETTINGS[M_MMAP_THRESHOLD] == 128 * 1024


def test_a_block_over_the_threshold_gets_its_own_mapping() -> None:
    """After tuning, 200 KiB comes from mmap whatever size was freed before (the default
    threshold would have grown past it after a 4 MB block was freed)."""
    script = textwrap.dedent(
        """
        import ctypes, ctypes.util
        from service.allocator import tune_allocator
        libc = ctypes.CDLL(ctypes.util.find_library("c"))
        libc.malloc.restype = ctypes.c_void_p
        libc.free.argtypes = [ctypes.c_void_p]
        assert tune_allocator()
        libc.free(libc.malloc(4 * 1024 * 1024))
        block = libc.malloc(200 * 1024)
        maps = open("/proc/self/maps").read().splitlines()
        start = lambda line: int(line.split("-")[0], 16)
        heap = [line for line in maps if line.endswith("[heap]")]
        inside = any(start(h) <= block < int(h.split()[0].split("-")[1], 16) for h in heap)
        print("heap" if inside else "mapping")
        """
    )
    if not sys.platform.startswith("linux"):
        pytest.skip("glibc only")
    found = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert found == "mapping", f"a 200 KiB block came from the {found}, not its own mapping"


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
