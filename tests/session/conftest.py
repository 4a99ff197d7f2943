"""A reviewer's session on small fixture proposals, with a temporary SQLite store (no UI)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from workbench.settings import Settings
from workbench.store.store import Store, open_store

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "widgets"
LIST = FIXTURES / "lists" / "watch-2025-06-01.csv"


def make_settings(data_dir: Path, db: Path, **changes: object) -> Settings:
    s = Settings(
        data_dir=data_dir,
        lists=(LIST,),
        db_url=f"sqlite:///{db}",
        language="ja",
        lookback_years=2,
        reviewer="",
        cache_dir=db.parent / "cache",
    )
    return s.replace(**changes) if changes else s


@pytest.fixture
def proposals(tmp_path: Path) -> Path:
    """A copy of the fixture proposals, free to edit."""
    target = tmp_path / "proposals"
    shutil.copytree(FIXTURES / "proposals", target)
    return target


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "workbench.db"


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    s = open_store(f"sqlite:///{db_path}")
    yield s
    s.close()
