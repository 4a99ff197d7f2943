"""Portfolio screening on a small real portfolio: good folders screened, bad ones listed."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from workbench.errors import InputError
from workbench.matching import Matcher
from workbench.model import ScreeningList
from workbench.portfolio import PortfolioTables, find_proposals, screen_portfolio
from workbench.proposal import load_proposal
from workbench.publications import load_works_many
from workbench.screening import screen

from .conftest import BROKEN, DEMO


def keys(tables: PortfolioTables, pid: str) -> set[str]:
    return set(tables.findings.loc[tables.findings["proposal_id"] == pid, "key"])


def cited_keys(tables: PortfolioTables, pid: str) -> set[str]:
    """The key each finding had per list entry it cites (``check:subject:list:entry``)."""
    f = tables.findings[tables.findings["proposal_id"] == pid]
    out = set()
    for check, subject, entries in zip(f["check"], f["subject"], f["entries"], strict=True):
        for e in entries.split("; ") if isinstance(entries, str) else [":"]:
            out.add(f"{check}:{subject}:{e}")
    return out


def test_good_folders_are_screened_and_bad_ones_failed(local_run: Any) -> None:
    p = local_run.tables.proposals
    screened = set(p.loc[p["status"] == "screened", "folder"])
    failed = set(p.loc[p["status"] == "failed", "folder"])
    assert screened == {*DEMO, "D-005-parquet", "D-003-jsonl", "D-006-xlsx"}
    assert failed == set(BROKEN)


def test_every_bad_file_is_listed_with_its_error(local_run: Any) -> None:
    errors = local_run.tables.problems
    errors = errors[errors["severity"] == "error"]
    by_folder = {f: g for f, g in errors.groupby("folder")}
    assert set(by_folder) == set(BROKEN)
    assert by_folder["bad-json"]["file"].str.endswith("bad-json/proposal.json").all()
    csv = by_folder["bad-csv"]
    assert csv["file"].str.endswith("publications.csv").all()
    assert {"work_id", "author_name", "affiliation"} <= set(csv["field"])  # all missing columns
    assert by_folder["no-questionnaire"].iloc[0]["message"] == "no questionnaire"
    assert "not readable as Parquet" in by_folder["bad-parquet"].iloc[0]["message"]
    assert "already the id of the proposal in" in by_folder["same-id"].iloc[0]["message"]
    warnings = local_run.tables.problems
    ignored = warnings[warnings["file"].str.endswith("notes.txt")]
    assert list(ignored["severity"]) == ["warning"]


def test_findings_are_those_of_screening_each_proposal_alone(
    local_run: Any, portfolio: tuple[Path, dict[str, Any]], lists: list[ScreeningList]
) -> None:
    root, expected = portfolio
    matcher = Matcher.from_lists(lists)
    for pid in DEMO:
        folder = root / pid
        works = load_works_many(sorted(p for p in folder.iterdir() if p.name != "proposal.json"))
        result = screen(load_proposal(folder / "proposal.json"), works.value, matcher, lists)
        assert keys(local_run.tables, pid) == {f.key for f in result.findings}, pid
        row = local_run.tables.proposals.set_index("proposal_id").loc[pid]
        assert row["suggested_outcome"] == result.suggested_outcome.code
        assert row["as_of"] == expected[pid]["submitted"]  # each its own submission date
        want = {
            f"{e['check']}:{e['subject']}:{e['list'] or ''}:{e['entry_id'] or ''}"
            for e in expected[pid]["expected_findings"]
        }
        assert want <= cited_keys(local_run.tables, pid)


def test_partitioned_and_excel_inputs_give_the_same_findings(local_run: Any) -> None:
    t = local_run.tables
    assert keys(t, "ASPIRE-2025-D-005-PQ") == keys(t, "ASPIRE-2025-D-005")
    assert keys(t, "ASPIRE-2025-D-003-JL") == keys(t, "ASPIRE-2025-D-003")
    assert keys(t, "ASPIRE-2025-D-006") == {"partner_listed:o1:METI End User List:jp-eul-503"}
    ev = t.evidence
    a = ev[ev["proposal_id"] == "ASPIRE-2025-D-005"].drop(columns="proposal_id")
    b = ev[ev["proposal_id"] == "ASPIRE-2025-D-005-PQ"].drop(columns="proposal_id")
    pd.testing.assert_frame_equal(a.reset_index(drop=True), b.reset_index(drop=True))


def test_tables_are_tidy_and_carry_list_entries(local_run: Any) -> None:
    t = local_run.tables
    f = t.findings.set_index("key").loc["partner_listed:o1:METI End User List:jp-eul-503"]
    assert f["entry_country"] and f["list_version"] == "2025-09-29"
    assert f["subject_kind"] == "organization" and f["faq"].startswith("Q3.4")
    assert (t.evidence.groupby(["proposal_id", "key"]).size() > 0).all()
    n = t.findings.set_index(["proposal_id", "key"])["evidence"]
    counted = t.evidence.groupby(["proposal_id", "key"]).size()
    assert (n[counted.index] == counted).all()
    assert set(t.scope["kind"]) == {"person", "organization"}
    assert sorted(t.lists["name"]) == ["METI End User List", "US Consolidated Screening List"]


def test_as_of_applies_to_every_proposal(
    portfolio: tuple[Path, dict[str, Any]], lists: list[ScreeningList]
) -> None:
    folders = [f for f in find_proposals(portfolio[0]) if f.id in DEMO[:2]]
    run = screen_portfolio(folders, lists, as_of=date(2020, 1, 1))
    assert set(run.tables.proposals["as_of"]) == {"2020-01-01"}
    assert set(run.tables.proposals["window_start"]) == {"2018-01-01"}
    # D-003's co-authorship links are from 2024-2025: none inside a 2018-2019 window.
    assert "recent_coauthorship" not in set(run.tables.findings["check"])


def test_written_tables_read_back_equal(local_run: Any, tmp_path: Path) -> None:
    paths = local_run.tables.write(tmp_path)
    assert sorted(p.name for p in paths) == sorted(
        f"{n}.parquet" for n in local_run.tables.frames()
    )
    back = PortfolioTables.read(tmp_path)
    for name, df in local_run.tables.frames().items():
        pd.testing.assert_frame_equal(df, back.frames()[name], obj=name)


def test_missing_folder_and_unknown_engine_are_refused(
    lists: list[ScreeningList], tmp_path: Path
) -> None:
    with pytest.raises(InputError, match="folder not found"):
        screen_portfolio(tmp_path / "nowhere", lists)
    with pytest.raises(InputError, match="unknown engine 'spark'"):
        screen_portfolio(tmp_path, lists, engine="spark")


def test_progress_is_reported_per_proposal(
    portfolio: tuple[Path, dict[str, Any]], lists: list[ScreeningList]
) -> None:
    seen: list[tuple[int, int, str]] = []
    folders = [f for f in find_proposals(portfolio[0]) if f.id in ("ASPIRE-2025-D-001", "bad-json")]
    screen_portfolio(folders, lists, progress=lambda d, t, n: seen.append((d, t, n)))
    assert seen == [(1, 2, "ASPIRE-2025-D-001"), (2, 2, "bad-json")]
