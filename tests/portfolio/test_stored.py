"""Portfolio tables kept between runs: only new, changed or failed proposals are screened again,
and the merged tables equal a full screening of the folder as it is now."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from workbench.model import ScreeningList
from workbench.portfolio import PortfolioTables, screen_portfolio
from workbench.portfolio.stored import refresh, stored_tables
from workbench.store import open_store

from .conftest import BROKEN


def _equal(a: PortfolioTables, b: PortfolioTables) -> None:
    for name, frame in a.frames().items():
        pd.testing.assert_frame_equal(frame, getattr(b, name), obj=name)


@pytest.fixture
def folder(portfolio: tuple[Path, dict[str, Any]], tmp_path: Path) -> Path:
    target = tmp_path / "proposals"
    shutil.copytree(portfolio[0], target)
    return target


def test_tables_the_command_wrote_are_reused_whole(
    folder: Path, lists: list[ScreeningList], tmp_path: Path
) -> None:
    out = tmp_path / "tables"
    full = screen_portfolio(folder, lists).tables
    full.write(out)
    assert full.screened["screening_key"].notna().all()
    got = refresh(out, folder, lists)
    # only the folders that failed are tried again (and D-001, whose id "same-id" claims too)
    assert set(got.screened) == {*BROKEN, "ASPIRE-2025-D-001"}
    assert set(got.reused) == set(full.screened["folder"]) - {"ASPIRE-2025-D-001"}
    _equal(got.tables, full)


def test_a_changed_proposal_is_screened_again_and_the_rest_kept(
    folder: Path, lists: list[ScreeningList], tmp_path: Path
) -> None:
    out = tmp_path / "tables"
    assert refresh(out, folder, lists).written  # nothing stored: everything screened
    path = folder / "ASPIRE-2025-D-001" / "proposal.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["title"] = "A revised title"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    shutil.rmtree(folder / "ASPIRE-2025-D-010")
    got = refresh(out, folder, lists)
    assert set(got.screened) == {"ASPIRE-2025-D-001", *BROKEN}  # D-001 changed
    assert "ASPIRE-2025-D-010" not in set(got.tables.proposals["folder"])
    p = got.tables.proposals.set_index("folder")
    assert p.loc["ASPIRE-2025-D-001", "title"] == "A revised title"
    _equal(got.tables, screen_portfolio(folder, lists).tables)
    stored = stored_tables(out)
    assert stored is not None
    _equal(stored, got.tables)


def test_other_lists_make_every_proposal_stale(
    folder: Path, lists: list[ScreeningList], tmp_path: Path
) -> None:
    out = tmp_path / "tables"
    refresh(out, folder, lists)
    fewer = lists[:1]
    got = refresh(out, folder, fewer)
    assert got.reused == ()
    _equal(got.tables, screen_portfolio(folder, fewer).tables)


def test_judgments_recorded_since_are_joined_without_screening_again(
    folder: Path, lists: list[ScreeningList], tmp_path: Path
) -> None:
    out = tmp_path / "tables"
    refresh(out, folder, lists)
    store = open_store(f"sqlite:///{tmp_path / 'store.db'}")
    try:
        s = store.start_review("ASPIRE-2025-D-001", reviewer="R", expected_seq=0)
        store.set_judgment(
            "ASPIRE-2025-D-001", "no-concern", "fine", reviewer="R", expected_seq=s.seq
        )
        got = refresh(out, folder, lists, store=store)
        full = screen_portfolio(folder, lists, store=store).tables
    finally:
        store.close()
    assert set(got.screened) == {*BROKEN, "ASPIRE-2025-D-001"}
    p = got.tables.proposals.set_index("proposal_id")
    assert p.loc["ASPIRE-2025-D-001", "outcome"] == "no-concern"
    _equal(got.tables, full)


def test_unreadable_tables_mean_a_full_screening(
    folder: Path, lists: list[ScreeningList], tmp_path: Path
) -> None:
    out = tmp_path / "tables"
    refresh(out, folder, lists)
    (out / "findings.parquet").write_bytes(b"not parquet")
    got = refresh(out, folder, lists)
    assert got.reused == ()
    _equal(got.tables, screen_portfolio(folder, lists).tables)
