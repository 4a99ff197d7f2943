"""A full disk or a failed later output leaves nothing half-written and no orphan file."""

from __future__ import annotations

import errno
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from openpyxl import Workbook

from workbench.cli import main
from workbench.portfolio.tables import assemble
from workbench.proposal import load_proposal
from workbench.questionnaire import write_template
from workbench.store import open_store

EXAMPLE = Path(__file__).resolve().parents[1] / "fixtures" / "proposal" / "proposal.json"


def _disk_full_after(n_bytes: int):  # type: ignore[no-untyped-def]
    """A ``Workbook.save`` that writes ``n_bytes`` of the file, then fails as a full disk."""
    real = Workbook.save

    def save(self: Workbook, filename: str | Path) -> None:
        real(self, filename)
        data = Path(filename).read_bytes()[:n_bytes]
        Path(filename).write_bytes(data)
        raise OSError(errno.ENOSPC, "No space left on device")

    return save


def test_template_on_a_full_disk_leaves_no_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(Workbook, "save", _disk_full_after(1_000))
    with pytest.raises(OSError):
        write_template(tmp_path / "t.xlsx", load_proposal(EXAMPLE))
    assert list(tmp_path.iterdir()) == []


def test_template_on_a_full_disk_keeps_the_previous_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = write_template(tmp_path / "t.xlsx")
    before = out.read_bytes()
    monkeypatch.setattr(Workbook, "save", _disk_full_after(1_000))
    with pytest.raises(OSError):
        write_template(out, load_proposal(EXAMPLE))
    assert out.read_bytes() == before and list(tmp_path.iterdir()) == [out]


def test_store_export_whose_workbook_fails_leaves_no_orphan_json(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "wb.db"
    store = open_store(db)
    store.start_review("P-1", reviewer="alice", expected_seq=0, finding_keys=["k1"])
    store.close()
    out = tmp_path / "out"
    monkeypatch.setattr(Workbook, "save", _disk_full_after(500))
    argv = ["store", "--db", str(db), "export", "P-1"]
    with pytest.raises(OSError):
        main([*argv, "--json", str(out / "r.json"), "--xlsx", str(out / "r.xlsx")])
    assert list(out.iterdir()) == []


def test_portfolio_tables_failing_midway_replace_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tables = assemble([], [])
    out = tmp_path / "tables"
    first = tables.write(out)
    stamps = {p: p.stat().st_mtime_ns for p in first}
    real, calls = pq.write_table, []

    def failing(table, where, *a, **k):  # type: ignore[no-untyped-def]
        calls.append(where)
        if len(calls) == 3:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(table, where, *a, **k)

    monkeypatch.setattr(pq, "write_table", failing)
    with pytest.raises(OSError):
        tables.write(out)
    assert {p: p.stat().st_mtime_ns for p in first} == stamps
    assert sorted(p.name for p in tmp_path.iterdir()) == ["tables"]
