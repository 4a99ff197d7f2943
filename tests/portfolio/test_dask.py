"""The Dask engine on a real 2-worker LocalCluster gives the very tables of the local engine."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd

from workbench.model import ScreeningList
from workbench.portfolio import screen_portfolio


def test_dask_local_cluster_tables_equal_local_tables(
    local_run: Any, portfolio: tuple[Path, dict[str, Any]], lists: list[ScreeningList]
) -> None:
    done: list[str] = []
    run = screen_portfolio(
        portfolio[0], lists, engine="dask", progress=lambda d, t, name: done.append(name)
    )
    assert run.engine == "dask" and run.workers == 2
    assert sorted(done) == sorted(local_run.tables.proposals["folder"])
    for name, df in local_run.tables.frames().items():
        pd.testing.assert_frame_equal(df, run.tables.frames()[name], obj=name)
    assert len(run.tables.failed) == 5 and len(run.tables.findings) > 15
