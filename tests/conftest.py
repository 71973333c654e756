"""Shared fixtures: the demo district served over real sockets, and its truth file."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from crawler.demo.farm import DemoFarm
from crawler.demo.truth import Truth, load_truth


@pytest.fixture(scope="session")
def demo_farm() -> Iterator[DemoFarm]:
    """The demo district on 127.0.0.11 … 127.0.0.23, one free port, variant «current». Do not change its state
    (variant, down sites) in a test: start your own DemoFarm for that."""
    farm = DemoFarm(port=0, variant="current")
    farm.start()
    try:
        yield farm
    finally:
        farm.stop()


@pytest.fixture(scope="session")
def truth() -> Truth:
    return load_truth()
