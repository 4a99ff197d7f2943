"""Hostile command lines and data that targets outputs: a clear exit 2, never a traceback;
no live formula, no terminal escape, no file outside its folder, nothing half-written."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import load_workbook

from workbench.cli import main
from workbench.errors import InputError, Severity
from workbench.portfolio.export import table_bytes
from workbench.proposal import load_proposal
from workbench.store import open_store

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
EXAMPLE = FIXTURES / "proposal" / "proposal.json"
CSL = FIXTURES / "lists" / "csl_sample.json"
FORMULAS = [
    "=cmd|' /C calc'!A0",
    '=HYPERLINK("http://x.example","click")',
    "+1+1",
    "-2",
    "@SUM(A1)",
]


def _hostile_proposal(tmp_path: Path, **top: object) -> Path:
    data = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    data.update(top)
    for person, text in zip(data["people"], FORMULAS, strict=False):
        person["name"] = text
    data["people"][-1]["name"] = "Sato\x1b[2J\x1b]0;owned\x07 Haruki\u202e"
    data["title"] = '=HYPERLINK("http://x.example")\x00\x1b[31m'
    path = tmp_path / "hostile.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def _exit_code(argv: list[str]) -> int:
    try:
        return main(argv)
    except SystemExit as exc:  # argparse refuses a bad option value with status 2
        return int(exc.code or 0)


@pytest.mark.parametrize(
    "argv",
    [
        ["screen", str(EXAMPLE), "--as-of", "0001-01-01", "--list", str(CSL)],
        ["portfolio", "screen", "DIR", "--out", "OUT", "--workers", "0"],
        ["portfolio", "screen", "DIR", "--out", "OUT", "--workers", "-3"],
        ["portfolio", "screen", "DIR", "--out", "OUT", "--scheduler", "not an address"],
        ["portfolio", "screen", "DIR", "--out", "OUT", "--as-of", "0001-01-01"],
    ],
    ids=["as-of-year-1", "workers-0", "workers-negative", "bad-scheduler", "portfolio-year-1"],
)
def test_bad_option_values_exit_2_with_a_message(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert _exit_code(argv) == 2
    err = capsys.readouterr().err
    assert "error:" in err and "Traceback" not in err


def test_portfolio_out_naming_a_file_is_refused_before_screening(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "tables.parquet"
    out.write_text("keep me")
    argv = ["portfolio", "screen", str(tmp_path), "--out", str(out / "x"), "--list", str(CSL)]
    assert main([*argv, "--db", "none", "--no-progress"]) == 2
    err = capsys.readouterr().err
    assert "is a file, not a folder" in err and "--out" in err
    assert out.read_text() == "keep me"


def test_findings_file_not_utf8_is_a_problem(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "wb.db"
    store = open_store(db)
    store.start_review("P-1", reviewer="alice", expected_seq=0, finding_keys=["k1"])
    store.close()
    findings = tmp_path / "screen.json"
    findings.write_bytes('{"findings": ["東京"]}'.encode("shift_jis"))
    out = tmp_path / "r.json"
    argv = ["store", "--db", str(db), "export", "P-1", "--json", str(out)]
    assert main([*argv, "--findings", str(findings)]) == 2
    err = capsys.readouterr().err
    assert str(findings) in err and "not UTF-8" in err
    assert not out.exists()


@pytest.mark.parametrize("bad", ["[" * 50_000 + "]" * 50_000, '{"findings": [' + "7" * 5000 + "]}"])
def test_findings_file_deep_or_long_number_is_a_problem(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], bad: str
) -> None:
    db = tmp_path / "wb.db"
    open_store(db).close()
    findings = tmp_path / "screen.json"
    findings.write_text(bad)
    argv = ["store", "--db", str(db), "export", "P-1", "--json", str(tmp_path / "r.json")]
    assert main([*argv, "--findings", str(findings)]) == 2
    assert str(findings) in capsys.readouterr().err


def test_template_from_hostile_proposal_writes_text_never_formulas(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = _hostile_proposal(tmp_path)
    out = tmp_path / "t.xlsx"
    assert main(["template", str(out), "--from", str(source)]) == 0
    assert "control characters removed" in capsys.readouterr().err
    wb = load_workbook(out)
    cells = [c for ws in wb.worksheets for row in ws.iter_rows() for c in row]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    names = {c.value: c for c in cells if isinstance(c.value, str)}
    for text in FORMULAS[:3]:
        assert names[text].data_type == "s" and names[text].quotePrefix
    # read back equal: the quote prefix is a display attribute, not part of the value
    assert [p.name for p in load_proposal(out).people][:3] == FORMULAS[:3]


def test_csv_export_neutralises_formula_cells() -> None:
    frame = pd.DataFrame({"name": [*FORMULAS, "Kyoto University"], "n": range(6)})
    rows = pd.read_csv(io.BytesIO(table_bytes(frame, "csv")))
    assert list(rows["name"]) == ["'" + f for f in FORMULAS] + ["Kyoto University"]
    assert list(rows["n"]) == list(range(6))


def test_text_report_has_no_terminal_escapes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = _hostile_proposal(tmp_path)
    assert main(["screen", str(source), "--list", str(CSL), "--format", "text"]) == 0
    out = capsys.readouterr().out
    assert "Sato" in out and "Haruki" in out
    assert not [ch for ch in out if (ord(ch) < 32 and ch not in "\n\t") or ch == "\u202e"]


@pytest.mark.parametrize("pid", ["../../x/y", "a\\b", "p\x1b[2J", ".."])
def test_proposal_id_that_could_name_a_path_is_refused(tmp_path: Path, pid: str) -> None:
    with pytest.raises(InputError) as caught:
        load_proposal(_hostile_proposal(tmp_path, proposal_id=pid))
    (problem,) = [p for p in caught.value.problems if p.severity is Severity.ERROR]
    assert (problem.location, problem.field) == ("$.proposal_id", "proposal_id")
