"""Running an export: the session's allocation and threads."""

from __future__ import annotations

from pathlib import Path

import pytest

from service.pipeline.embed.onnx_session import open_export


@pytest.mark.slow
def test_the_session_allocates_plainly_on_one_thread(export: Path) -> None:
    """No growing arena, no per-shape memory plans (bench/memory.py): less held, same vectors."""
    session, _ = open_export(export)
    options = session.get_session_options()
    assert not options.enable_cpu_mem_arena and not options.enable_mem_pattern
    assert options.intra_op_num_threads == 1
