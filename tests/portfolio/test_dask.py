"""The Dask engine on a real 2-worker LocalCluster gives the very tables of the local engine."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from workbench.model import ScreeningList
from workbench.portfolio import screen_portfolio
from workbench.portfolio.dask_engine import LISTS_FOLDER, partitions
from workbench.session.list_index import SharedIndex
from workbench.session.screening_cache import DiskCache


def test_dask_local_cluster_tables_equal_local_tables(
    local_run: Any,
    portfolio: tuple[Path, dict[str, Any]],
    lists: list[ScreeningList],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("WORKBENCH_CACHE_DIR", str(tmp_path))
    done: list[str] = []
    run = screen_portfolio(
        portfolio[0], lists, engine="dask", progress=lambda d, t, name: done.append(name)
    )
    assert run.engine == "dask" and run.workers == 2
    assert sorted(done) == sorted(local_run.tables.proposals["folder"])
    for name, df in local_run.tables.frames().items():
        pd.testing.assert_frame_equal(df, run.tables.frames()[name], obj=name)
    assert len(run.tables.failed) == 5 and len(run.tables.findings) > 15
    # the workers read the lists and their index from the shared index folder, built once
    index = SharedIndex(tmp_path / "index")
    assert index.stored(lists)
    assert DiskCache(tmp_path / "index" / LISTS_FOLDER).has(index.key(lists))
    assert dict(run.phases)["read index"] > 0 and dict(run.phases)["tasks"] > 0
    assert run.digests is not None and run.digests.used == local_run.digests.used


def test_partitions_hold_every_folder_once_balanced_by_size() -> None:
    sizes = [900, 10, 10, 10, 500, 400, 10, 50]
    parts = partitions(sizes, 2, size=lambda x: x)
    assert sorted(x for p in parts for x in p) == sorted(sizes)
    assert [sum(p) for p in parts] == [950, 940]  # 1,890 cut as evenly as the sizes allow
