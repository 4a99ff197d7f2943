"""The review record an evaluator files: JSON and an Excel workbook with bilingual headers."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from workbench.errors import InputError
from workbench.store import Store

KEYS = ("listed-affiliation:p2:METI End User List:jp-eul-101", "non-resident:p3::")
FINDINGS = [
    {
        "key": KEYS[0],
        "check": "listed-affiliation",
        "subject": "p2",
        "summary": "Current post at a listed organisation",
        "faq": "Q3.5",
    },
    {
        "key": KEYS[1],
        "check": "non-resident",
        "subject": "p3",
        "summary": '=HYPERLINK("http://x","click")',
        "faq": "Q3.12",
    },
]


@pytest.fixture
def reviewed(store: Store) -> Store:
    s = store.start_review(
        "P-9", reviewer="alice", expected_seq=0, as_of=date(2025, 6, 1), finding_keys=KEYS
    )
    s = store.set_disposition(
        "P-9",
        KEYS[0],
        "confirmed",
        "Same institute (ROR match)",
        reviewer="alice",
        expected_seq=s.seq,
    )
    s = store.set_disposition(
        "P-9", KEYS[1], "dismissed", "=1+1 <b>not</b> a formula", reviewer="bob", expected_seq=s.seq
    )
    s = store.add_measure(
        "P-9",
        "specified-research-information",
        "Define 特定研究情報",
        persons=["Tanaka", "Sato"],
        due="2025-10-01",
        reviewer="alice",
        expected_seq=s.seq,
    )
    store.set_judgment(
        "P-9", "mitigation-as-needed", "Consult the office", reviewer="alice", expected_seq=s.seq
    )
    return store


def test_json_record_joins_findings_with_dispositions(reviewed: Store) -> None:
    rec = reviewed.export_json("P-9", FINDINGS)
    json.dumps(rec)  # plain JSON all the way down
    assert rec["proposal_id"] == "P-9" and rec["version"] == 5 and rec["status"] == "judged"
    assert rec["screening"]["as_of"] == "2025-06-01"
    first, second = rec["findings"]
    assert (first["check"], first["faq"], first["disposition"], first["decided_by"]) == (
        "listed-affiliation",
        "Q3.5",
        "confirmed",
        "alice",
    )
    assert (second["disposition"], second["rationale"]) == (
        "dismissed",
        "=1+1 <b>not</b> a formula",
    )
    assert rec["judgment"]["outcome"] == "mitigation-as-needed"
    assert rec["judgment"]["outcome_label"] == "必要に応じてリスク低減措置 / mitigation as needed"
    m = rec["measures"][0]
    assert (m["kind"], m["faq"], m["persons"], m["due"], m["status"]) == (
        "specified-research-information",
        "Q3.10",
        ["Tanaka", "Sato"],
        "2025-10-01",
        "requested",
    )
    assert [h["seq"] for h in rec["history"]] == [1, 2, 3, 4, 5]
    assert rec["history"][2]["reviewer"] == "bob"
    assert rec["history"][4]["summary_ja"] == "判定: 必要に応じてリスク低減措置"


def test_json_record_without_findings_lists_the_registered_keys(reviewed: Store) -> None:
    rec = reviewed.export_json("P-9")
    assert [f["key"] for f in rec["findings"]] == list(KEYS)
    assert rec["findings"][0]["check"] is None and rec["findings"][0]["disposition"] == "confirmed"


def test_excel_workbook_has_bilingual_sheets_and_text_stays_text(
    reviewed: Store, tmp_path: Path
) -> None:
    path = reviewed.export_xlsx("P-9", tmp_path / "out" / "P-9.xlsx", FINDINGS)
    wb = load_workbook(path)
    assert wb.sheetnames == [
        "概要 Summary",
        "所見 Findings",
        "判定 Judgment",
        "措置 Measures",
        "履歴 History",
    ]
    summary = {r[0]: r[1] for r in wb["概要 Summary"].iter_rows(values_only=True)}
    assert summary["提案 / Proposal"] == "P-9"
    assert summary["判定 / Outcome"] == "必要に応じてリスク低減措置 / mitigation as needed"
    assert summary["基準日 / Reference date"] == "2025-06-01"
    findings = list(wb["所見 Findings"].iter_rows(values_only=True))
    assert findings[0][:2] == ("所見キー / Finding key", "チェック / Check")
    assert findings[2][0] == KEYS[1]
    assert findings[2][3] == '=HYPERLINK("http://x","click")'
    assert findings[2][6] == "=1+1 <b>not</b> a formula"
    for row in wb["所見 Findings"].iter_rows(min_row=2):
        assert all(cell.data_type != "f" for cell in row)  # no formula got in
    measures = list(wb["措置 Measures"].iter_rows(values_only=True))
    assert measures[1][4] == "Tanaka\nSato" and measures[1][5] == "2025-10-01"
    history = list(wb["履歴 History"].iter_rows(values_only=True))
    assert len(history) == 6 and history[0][0] == "版 / Seq" and history[5][2] == "alice"


def test_export_of_an_unknown_proposal_is_refused(store: Store, tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no review has been started"):
        store.export_xlsx("P-0", tmp_path / "x.xlsx")
    assert not (tmp_path / "x.xlsx").exists()


def test_findings_without_a_key_are_refused(reviewed: Store) -> None:
    with pytest.raises(InputError, match=r"\$\[1\]: field 'key'"):
        reviewed.export_json("P-9", [FINDINGS[0], {"check": "x"}])
