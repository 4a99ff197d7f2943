"""``workbench store history`` and ``export`` read as the findings table does.

The history names the person, the check and the organisation of a finding,
never its internal key, and numbers the measures 1, 2, … per proposal; the
export carries each finding's cited list entries (list, entry id, name), in
the JSON and in the Excel workbook.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from workbench.cli import main
from workbench.store import Store

from .remembering import screen_json

D003 = "ASPIRE-2025-D-003"


@pytest.fixture(autouse=True)
def _no_configured_store(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("WORKBENCH_DB_URL", "WORKBENCH_LISTS", "WORKBENCH_LOOKBACK_YEARS"):
        monkeypatch.delenv(name, raising=False)


def _review(store: Store, data: dict) -> str:  # type: ignore[type-arg]
    """A review of the screening ``data``: a disposition and two measures, the second updated."""
    (finding,) = [
        f for f in data["findings"] if (f["check"], f["subject"]) == ("recent_coauthorship", "p2")
    ]
    keys = [f["key"] for f in data["findings"]]
    s = store.start_review(D003, reviewer="alice", expected_seq=0, finding_keys=keys)
    s = store.set_disposition(
        D003, finding["key"], "confirmed", "", reviewer="alice", expected_seq=s.seq
    )
    s = store.add_measure(
        D003, "awareness-raising", "training", reviewer="alice", expected_seq=s.seq
    )
    s = store.add_measure(
        D003, "access-restriction", "lab access", reviewer="alice", expected_seq=s.seq
    )
    second = max(m.id for m in s.measures)
    assert second > 2  # a measure's id is its event's seq: not the number a reader sees
    store.update_measure(D003, second, status="done", reviewer="bob", expected_seq=s.seq)
    return str(finding["key"])


@pytest.fixture
def reviewed(
    demo_proposals: Path, store: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> tuple[dict, str, Path]:  # type: ignore[type-arg]
    """D-003 screened by ``workbench screen`` and reviewed: its JSON, the finding disposed
    of, and the JSON's file."""
    data = screen_json(capsys, demo_proposals / D003)
    key = _review(store, data)
    (screening := tmp_path / "screen.json").write_text(json.dumps(data), encoding="utf-8")
    return data, key, screening


def test_history_names_people_checks_and_organisations_and_numbers_measures(
    reviewed: tuple[dict, str, Path],  # type: ignore[type-arg]
    db_url: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    data, key, screening = reviewed
    person = next(d["name"] for d in data["scope"]["in"] if d["id"] == "p2")

    assert main(["store", "--db", db_url, "history", D003, "--lang", "en"]) == 0
    bare = capsys.readouterr().out
    assert key not in bare
    assert "finding 'p2, Co-authorship in the last 2 years, METI End User List jp-eul-541'" in bare
    assert "measure 1 added: awareness raising" in bare
    assert "measure 2 added: access restriction" in bare
    assert "measure 2 updated: status → done" in bare
    assert "#" not in bare

    assert main(["store", "--db", db_url, "history", D003, "--findings", str(screening)]) == 0
    named = capsys.readouterr().out
    assert key not in named
    assert f"所見「{person}、直近2年の共著、Harbin Institute of Technology」: 該当を確認" in named
    assert "リスク低減措置 1 を追加" in named and "リスク低減措置 2 を更新: 状況 → " in named


def test_export_carries_each_findings_cited_entries(
    reviewed: tuple[dict, str, Path],  # type: ignore[type-arg]
    db_url: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    data, key, screening = reviewed
    out_json, out_xlsx = tmp_path / "r.json", tmp_path / "r.xlsx"
    argv = ["store", "--db", db_url, "export", D003, "--json", str(out_json)]
    assert main([*argv, "--xlsx", str(out_xlsx), "--findings", str(screening)]) == 0
    capsys.readouterr()

    record = json.loads(out_json.read_text(encoding="utf-8"))
    by_key = {f["key"]: f for f in record["findings"]}
    for f in data["findings"]:
        assert by_key[f["key"]]["entries"] == [
            {"list": e["list"], "entry_id": e["entry_id"], "name": e["name"]}
            for e in f["list_entries"]
        ]
    assert by_key[key]["entries"] == [
        {
            "list": "METI End User List",
            "entry_id": "jp-eul-541",
            "name": "Harbin Institute of Technology",
        }
    ]
    assert [m["number"] for m in record["measures"]] == [1, 2]
    assert not any(key in h["summary_en"] or key in h["summary_ja"] for h in record["history"])

    sheet = load_workbook(out_xlsx)["所見 Findings"]
    rows = list(sheet.iter_rows(values_only=True))
    column = rows[0].index("リスト項目 / List entries")
    cell = {r[0]: r[column] for r in rows[1:]}
    assert cell[key] == "METI End User List jp-eul-541 Harbin Institute of Technology"
    measures = list(load_workbook(out_xlsx)["措置 Measures"].iter_rows(values_only=True))
    assert [r[0] for r in measures[1:]] == [1, 2]

    # without the screening, a disposition's entry still comes from its key
    assert main(["store", "--db", db_url, "export", D003, "--json", str(out_json)]) == 0
    capsys.readouterr()
    bare = {f["key"]: f for f in json.loads(out_json.read_text(encoding="utf-8"))["findings"]}
    assert bare[key]["entries"] == [
        {"list": "METI End User List", "entry_id": "jp-eul-541", "name": None}
    ]
