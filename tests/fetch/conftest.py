"""The local readout server, one per test module."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.fetch.pages import serving


@pytest.fixture(scope="module")
def site() -> Iterator[str]:
    with serving() as base:
        yield base
