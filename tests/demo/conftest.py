"""The demo, generated once per test session; tests import helpers as ``tests.demo.reader``."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

_ROOT = str(Path(__file__).resolve().parents[2])
if _ROOT not in sys.path:
    sys.path.insert(0, _ROOT)

from tests.demo.reader import Demo, listed_names  # noqa: E402
from workbench.demo.generate import generate  # noqa: E402


@pytest.fixture(scope="session")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Demo:
    out = tmp_path_factory.mktemp("demo")
    generate(out)
    return Demo(out)


@pytest.fixture(scope="session")
def listed() -> set[str]:
    return listed_names()
