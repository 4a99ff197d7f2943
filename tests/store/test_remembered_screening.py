"""``workbench screen`` and ``workbench portfolio screen`` apply the store's remembered verdicts.

A store is configured by ``--db URL`` or ``WORKBENCH_DB_URL``; a verdict scoped
to one proposal applies only there, one scoped to all proposals everywhere; the
matches they hid are reported (JSON ``suppressed_by_memory``, a line of the text
report, two columns of the portfolio's proposals table); ``--no-memory`` shows
every match again.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from workbench.cli import main
from workbench.store import Store

from .remembering import (
    NWPU,
    POLYUS,
    dismiss,
    dismiss_all,
    entries_of,
    remember,
    screen_args,
    screen_json,
)

D005, D010 = "ASPIRE-2025-D-005", "ASPIRE-2025-D-010"


@pytest.fixture(autouse=True)
def _no_configured_store(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("WORKBENCH_DB_URL", "WORKBENCH_LISTS", "WORKBENCH_LOOKBACK_YEARS"):
        monkeypatch.delenv(name, raising=False)


def _keys(data: dict) -> set[str]:  # type: ignore[type-arg]
    return {f["key"] for f in data["findings"]}


def test_a_remembered_dismissal_hides_its_matches_on_the_command_line_and_says_so(
    demo_proposals: Path, db_url: str, store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = demo_proposals / D005
    before = screen_json(capsys, folder)
    assert before["suppressed_by_memory"] == {
        "count": 0,
        "memory_ids": [],
        "matches": [],
        "applied": False,
    }
    listed = entries_of(before, "listed_affiliation", "p2")
    assert len(listed) == 2  # on two lists: both remembered, as the page records it
    ids = remember(store, D005, *dismiss_all(NWPU, before, "listed_affiliation", "p2"))
    url = db_url

    after = screen_json(capsys, folder, "--db", url)
    hidden = after["suppressed_by_memory"]
    assert hidden["applied"] and hidden["memory_ids"] == ids
    assert hidden["count"] == len(hidden["matches"]) == 2
    assert {(m["text"], m["list"], m["entry_id"]) for m in hidden["matches"]} == {
        (NWPU, *e) for e in listed
    }
    gone = {k for k in _keys(before) if k.startswith("listed_affiliation:")}
    assert len(gone) == 2 and not gone & _keys(after)  # declared only as that text: both gone
    # the works' own byline strings still name the organisation, now as undeclared
    assert {k for k in _keys(after) if k.startswith("recent_coauthorship:")} == {
        k for k in _keys(before) if k.startswith("recent_coauthorship:")
    }
    assert set(before) <= set(after)  # every field of the contract kept

    code = main(["screen", *screen_args(folder), "--db", url, "--format", "text", "--lang", "en"])
    text = capsys.readouterr().out
    assert code == 0
    assert f"matches hidden by remembered dismissals: 2 ({', '.join(ids)})" in text

    again = screen_json(capsys, folder, "--db", url, "--no-memory")
    assert _keys(again) == _keys(before) and not again["suppressed_by_memory"]["applied"]


def test_the_store_named_by_the_setting_is_read_and_none_turns_it_off(
    demo_proposals: Path,
    db_url: str,
    store: Store,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    folder = demo_proposals / D010
    before = screen_json(capsys, folder)
    remember(
        store,
        "ASPIRE-2025-D-002",
        *dismiss_all(POLYUS, before, "recent_coauthorship", "p2", "all"),
    )
    monkeypatch.setenv("WORKBENCH_DB_URL", db_url)
    after = screen_json(capsys, folder)
    assert after["suppressed_by_memory"]["count"] == 1
    assert _keys(before) - _keys(after) == {
        k for k in _keys(before) if k.startswith("recent_coauthorship:p2:")
    }
    assert _keys(screen_json(capsys, folder, "--db", "none")) == _keys(before)


def test_a_verdict_for_one_proposal_does_not_apply_to_another(
    demo_proposals: Path, db_url: str, store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = demo_proposals / D010
    before = screen_json(capsys, folder)
    (entry,) = entries_of(before, "recent_coauthorship", "p2")
    remember(store, D005, dismiss(POLYUS, *entry))  # recorded while reviewing another proposal
    after = screen_json(capsys, folder, "--db", db_url)
    assert _keys(after) == _keys(before)
    assert after["suppressed_by_memory"] == {**before["suppressed_by_memory"], "applied": True}
    remember(store, D010, dismiss(POLYUS, *entry))  # now for this one
    assert _keys(screen_json(capsys, folder, "--db", db_url)) < _keys(before)


def test_the_portfolio_applies_each_proposal_its_verdicts_and_counts_what_they_hid(
    demo_proposals: Path,
    db_url: str,
    store: Store,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    d010 = screen_json(capsys, demo_proposals / D010)
    (kept,) = remember(store, D010, *dismiss_all(POLYUS, d010, "recent_coauthorship", "p2"))
    remember(store, D005, dismiss(POLYUS, "METI End User List", "jp-eul-1"))  # not D-010's
    url = db_url
    common = [str(demo_proposals), "--db", url, "--no-progress"]

    assert main(["portfolio", "screen", *common, "--out", str(tmp_path / "on")]) == 0
    out = capsys.readouterr().out
    assert f"matches hidden by remembered dismissals: 1 in 1 proposal(s) ({kept})" in out
    on = pd.read_parquet(tmp_path / "on" / "proposals.parquet").set_index("proposal_id")
    assert on.loc[D010, "suppressed_by_memory"] == 1
    assert on.loc[D010, "suppressed_memory_ids"] == kept
    assert on["suppressed_by_memory"].sum() == 1

    off = tmp_path / "off"
    assert main(["portfolio", "screen", *common, "--no-memory", "--out", str(off)]) == 0
    capsys.readouterr()
    found_on = pd.read_parquet(tmp_path / "on" / "findings.parquet")
    found_off = pd.read_parquet(off / "findings.parquet")
    hidden = set(found_off["key"]) - set(found_on["key"])
    assert hidden == {k for k in _keys(d010) if k.startswith("recent_coauthorship:p2:")}
