"""Re-screening a portfolio against a new list version: exactly who gains or loses, and why."""

from __future__ import annotations

import dataclasses
import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from workbench.cli import main
from workbench.errors import InputError
from workbench.lists import shipped_lists
from workbench.model import ListEntry, ScreeningList
from workbench.portfolio import rescreen

METI = "METI End User List"


def new_meti(old: ScreeningList) -> ScreeningList:
    entries = []
    for e in old.entries:
        if e.entry_id == "jp-eul-541":  # Harbin Institute of Technology: removed
            continue
        if e.entry_id == "jp-eul-559":  # renumbered
            e = dataclasses.replace(e, entry_id="jp-eul-9559")
        entries.append(e)
    entries.append(ListEntry(METI, "jp-eul-9001", "The University of Tokyo", country="Japan"))
    return dataclasses.replace(
        old,
        entries=tuple(entries),
        version=date(2026, 4, 1),
        source="new.json",
        content_hash="new",
    )


@pytest.fixture(scope="module")
def report(portfolio: tuple[Path, dict[str, Any]], lists: list[ScreeningList]) -> Any:
    meti = next(x for x in lists if x.name == METI)
    others = [x for x in lists if x.name != METI]
    return rescreen(portfolio[0], meti, new_meti(meti), others)


def test_losses_gains_and_renumbered_are_exactly_those_of_the_changed_entries(report: Any) -> None:
    old_f, new_f = report.old.findings, report.new.findings
    c = report.changes
    lost = c[c["change"] == "lost"]
    assert set(zip(lost["proposal_id"], lost["key"], strict=True)) == set(
        zip(
            *old_f.loc[old_f["entry_id"] == "jp-eul-541", ["proposal_id", "key"]].T.values,
            strict=True,
        )
    )
    assert set(lost["proposal_id"]) == {"ASPIRE-2025-D-003", "ASPIRE-2025-D-003-JL"}
    assert lost["reason"].str.contains("removed in version 2026-04-01").all()
    moved = c[c["change"] == "renumbered"]
    # D-005's NWPU findings cite METI's jp-eul-559 after the CSL entry: still renumbered
    assert len(moved) == old_f["entries"].str.contains("METI End User List:jp-eul-559").sum() > 0
    assert set(moved["proposal_id"]) == {"ASPIRE-2025-D-005", "ASPIRE-2025-D-005-PQ"}
    assert moved["reason"].str.contains("renumbered jp-eul-559 → jp-eul-9559").all()
    gained = c[c["change"] == "gained"]
    assert set(gained["key"]) == set(new_f.loc[new_f["entry_id"] == "jp-eul-9001", "key"])
    assert "listed_affiliation:p1:METI End User List:jp-eul-9001" in set(
        gained.loc[gained["proposal_id"] == "ASPIRE-2025-D-001", "key"]
    )
    assert (
        gained["reason"].str.contains("'The University of Tokyo' added in version 2026-04-01").all()
    )
    assert set(c["change"]) <= {"lost", "gained", "renumbered", "evidence"}
    # Renumbering alone loses nothing: D-005's METI findings are all "renumbered".
    assert not ((c["proposal_id"] == "ASPIRE-2025-D-005") & (c["change"] == "lost")).any()
    assert set(report.affected) == set(lost["proposal_id"]) | set(gained["proposal_id"])
    o = report.outcomes.set_index("proposal_id")
    # D-001's postdoc p3 has no works: never "no concern" while his co-authorship is unchecked
    assert o.loc["ASPIRE-2025-D-001", "old_outcome"] == "screening-incomplete"
    assert o.loc["ASPIRE-2025-D-001", "new_outcome"] == "mitigation-before-start"
    text = report.to_text()
    assert "suggested outcome: screening-incomplete → mitigation-before-start" in text


def test_rescreen_of_two_different_lists_is_refused(
    portfolio: tuple[Path, dict[str, Any]], lists: list[ScreeningList]
) -> None:
    with pytest.raises(InputError, match="another list than"):
        rescreen(portfolio[0], lists[0], lists[1])


def _new_meti_file(folder: Path) -> Path:
    src = next(p for p in shipped_lists() if "end_user" in p.name)
    records = json.loads(src.read_text(encoding="utf-8"))
    out = []
    for r in records:
        if r["id"] == "jp-eul-541":
            continue
        r["source_url"] = "https://www.meti.go.jp/press/2026/04/20260401001/20260401001.html"
        out.append(r)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "jp_end_user_list_20260401.json"
    path.write_text(json.dumps(out, ensure_ascii=False), encoding="utf-8")
    return path


def test_rescreen_command(
    portfolio: tuple[Path, dict[str, Any]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old = next(p for p in shipped_lists() if "end_user" in p.name)
    new = _new_meti_file(tmp_path / "lists")
    args = [
        "portfolio",
        "rescreen",
        str(portfolio[0]),
        "--old-list",
        str(old),
        "--new-list",
        str(new),
        "--registry",
        str(tmp_path / "v.json"),
        "--db",
        "none",
        "--format",
        "json",
        "--out",
        str(tmp_path / "out"),
    ]
    assert main(args) == 3  # the broken folders are still broken
    data = json.loads(capsys.readouterr().out)
    assert data["diff"]["new_version"] == "2026-04-01"
    assert [e["id"] for e in data["diff"]["removed"]] == ["jp-eul-541"]
    assert data["affected"] == ["ASPIRE-2025-D-003", "ASPIRE-2025-D-003-JL"]
    assert {c["change"] for c in data["changes"]} == {"lost"}
    assert (tmp_path / "out" / "changes.parquet").is_file()
    assert len(json.loads((tmp_path / "v.json").read_text())["versions"]) == 2


def test_diff_command_refuses_two_lists(capsys: pytest.CaptureFixture[str]) -> None:
    meti, csl = (next(p for p in shipped_lists() if k in p.name) for k in ("end_user", "csl"))
    assert main(["portfolio", "diff", str(meti), str(csl)]) == 2
    err = capsys.readouterr().err
    assert "is another list than" in err and "Traceback" not in err
