"""``workbench store migrate | history | export`` on a real SQLite file."""

from __future__ import annotations

import json
from pathlib import Path

from openpyxl import load_workbook

from workbench.cli import main
from workbench.store import open_store


def test_migrate_history_and_export(tmp_path: Path, capsys) -> None:
    db = tmp_path / "wb.db"
    assert main(["store", "--db", str(db), "migrate"]) == 0
    assert "schema at revision 0002" in capsys.readouterr().out
    store = open_store(db)
    s = store.start_review("P-1", reviewer="alice", expected_seq=0, finding_keys=["k1"])
    store.set_disposition(
        "P-1",
        "k1",
        "dismissed",
        "other org",
        reviewer="bob",
        expected_seq=s.seq,
        reason="checked ROR",
    )
    store.close()

    assert main(["store", "--db", str(db), "history", "P-1", "--lang", "en"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2
    assert lines[1].split()[0] == "2" and "bob" in lines[1]
    assert lines[1].endswith("finding 'k1': dismissed  (checked ROR)")

    screening = tmp_path / "screen.json"
    screening.write_text(
        json.dumps({"findings": [{"key": "k1", "check": "recent-coauthorship", "faq": "Q3.6"}]})
    )
    out_json, out_xlsx = tmp_path / "r.json", tmp_path / "r.xlsx"
    assert (
        main(
            [
                "store",
                "--db",
                str(db),
                "export",
                "P-1",
                "--json",
                str(out_json),
                "--xlsx",
                str(out_xlsx),
                "--findings",
                str(screening),
            ]
        )
        == 0
    )
    record = json.loads(out_json.read_text(encoding="utf-8"))
    assert record["findings"][0]["check"] == "recent-coauthorship"
    assert record["findings"][0]["rationale"] == "other org"
    assert load_workbook(out_xlsx)["所見 Findings"]["F2"].value == "誤検出として却下 / dismissed"


def test_unknown_proposal_is_a_message_not_a_traceback(tmp_path: Path, capsys) -> None:
    db = tmp_path / "wb.db"
    assert main(["store", "--db", str(db), "history", "P-404"]) == 2
    err = capsys.readouterr().err
    assert "no review of 'P-404'" in err and "Traceback" not in err
    assert main(["store", "--db", str(db), "export", "P-404", "--json", str(tmp_path / "x")]) == 2
    assert "no review has been started" in capsys.readouterr().err
    assert not (tmp_path / "x").exists()
