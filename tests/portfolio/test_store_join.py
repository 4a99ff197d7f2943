"""Reviewers' decisions joined from a real SQLite store into the portfolio tables."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

from workbench.model import ScreeningList
from workbench.portfolio import find_proposals, screen_portfolio
from workbench.store import open_store

PID = "ASPIRE-2025-D-005"


def test_judgments_dispositions_and_measures_are_joined(
    portfolio: tuple[Path, dict[str, Any]],
    lists: list[ScreeningList],
    tmp_path: Path,
    local_run: Any,
) -> None:
    f = local_run.tables.findings
    keys = list(f.loc[f["proposal_id"] == PID, "key"])
    store = open_store(f"sqlite:///{tmp_path / 'wb.db'}")
    s = store.start_review(PID, reviewer="alice", expected_seq=0, finding_keys=keys)
    s = store.set_disposition(
        PID, keys[0], "confirmed", "same institute", reviewer="alice", expected_seq=s.seq
    )
    s = store.set_disposition(
        PID, keys[1], "dismissed", "<b>other</b> lab", reviewer="bob", expected_seq=s.seq
    )
    s = store.set_judgment(
        PID, "mitigation-before-start", "see measures", reviewer="alice", expected_seq=s.seq
    )
    s = store.add_measure(
        PID,
        "export-control-consultation",
        "consult the office",
        ["p2"],
        date.today() + timedelta(days=30),
        reviewer="alice",
        expected_seq=s.seq,
    )
    folders = [x for x in find_proposals(portfolio[0]) if x.id in (PID, "ASPIRE-2025-D-001")]
    run = screen_portfolio(folders, lists, store=store)
    p = run.tables.proposals.set_index("proposal_id")
    assert p.loc[PID, "review_status"] == "judged"
    assert p.loc[PID, "outcome"] == "mitigation-before-start"
    assert p.loc[PID, "judged_by"] == "alice"
    assert p.loc["ASPIRE-2025-D-001", "review_status"] == "not-reviewed"
    assert p.isna().loc["ASPIRE-2025-D-001", "outcome"]
    d = run.tables.findings.set_index("key")
    assert d.loc[keys[0], "disposition"] == "confirmed"
    assert d.loc[keys[1], "rationale"] == "<b>other</b> lab"  # stored and shown as data
    assert d.loc[keys[1], "decided_by"] == "bob"
    assert d.loc[keys[2:], "disposition"].isna().all()
    [m] = run.tables.measures.to_dict("records")
    assert (m["proposal_id"], m["kind"], m["persons"], m["status"]) == (
        PID,
        "export-control-consultation",
        "p2",
        "requested",
    )
    store.close()
