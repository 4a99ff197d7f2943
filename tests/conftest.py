"""Shared test fixtures: paths to shipped data, test fixtures and (optionally) ../shared."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
FIXTURES = ROOT / "tests" / "fixtures"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def fixtures() -> Path:
    return FIXTURES


@pytest.fixture(scope="session")
def shared_raw() -> Path:
    """``../shared/data/raw`` when present (developer machines, CI); skips elsewhere."""
    raw = SHARED / "data" / "raw"
    if not raw.is_dir():
        pytest.skip("../shared/data/raw is not present in this clone")
    return raw
