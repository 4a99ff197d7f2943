"""``workbench portfolio screen``: tables written, bad folders listed, progress shown."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from workbench.cli import main
from workbench.lists import shipped_lists
from workbench.portfolio import PortfolioTables


def test_screen_command_writes_tables_and_lists_bad_files(
    portfolio: tuple[Path, dict[str, Any]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lists = [a for p in shipped_lists() for a in ("--list", str(p))]
    code = main(
        [
            "portfolio",
            "screen",
            str(portfolio[0]),
            *lists,
            "--out",
            str(tmp_path / "out"),
            "--registry",
            str(tmp_path / "v.json"),
            "--db",
            str(tmp_path / "wb.db"),
        ]
    )
    assert code == 3
    captured = capsys.readouterr()
    assert "7 proposals screened, 5 could not be screened" in captured.out
    for folder in ("bad-json", "bad-csv", "no-questionnaire", "bad-parquet", "same-id"):
        assert f"[{folder}]" in captured.out
    assert "screening" in captured.err and "12/12" in captured.err  # the tqdm bar
    tables = PortfolioTables.read(tmp_path / "out")
    assert len(tables.screened) == 7


def test_screen_command_as_of_and_missing_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert (
        main(
            [
                "portfolio",
                "screen",
                str(tmp_path / "none"),
                "--out",
                str(tmp_path / "o"),
                "--registry",
                str(tmp_path / "v.json"),
                "--db",
                "none",
                "--no-progress",
            ]
        )
        == 2
    )
    assert "folder not found" in capsys.readouterr().err
    with pytest.raises(SystemExit):  # argparse refuses a bad date with its own message
        main(["portfolio", "screen", str(tmp_path), "--as-of", "2025-13-01", "--out", "x"])
    assert "is not a date (expected YYYY-MM-DD)" in capsys.readouterr().err


def test_register_and_versions_commands(
    tmp_path: Path, fixtures: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    reg = ["--registry", str(tmp_path / "v.json")]
    meti = next(p for p in shipped_lists() if "end_user" in p.name)
    assert main(["portfolio", "register", str(meti), *reg]) == 0
    sample = fixtures / "lists" / "meti_eul_sample.xlsx"
    assert main(["portfolio", "register", str(sample), *reg]) == 2
    assert "--confirm-shrink" in capsys.readouterr().err
    assert main(["portfolio", "register", str(sample), *reg, "--confirm-shrink"]) == 0
    capsys.readouterr()
    assert main(["portfolio", "versions", *reg]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2 and "835 entries" in lines[0] and "(shrink confirmed)" in lines[1]
