"""Format detection, the shipped lists, and ``workbench lists``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from workbench.cli import main
from workbench.lists import DATA_DIR, detect_format, load_list, shipped_lists

CORPUS = Path(__file__).resolve().parents[1] / "malformed" / "lists"


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("meti_eul_sample.xlsx", "meti-xlsx"),
        ("csl_sample.json", "csl-json"),
        ("sample_entities.ftm.json", "ftm"),
        ("consolidated_sample_13rows.csv", "csl-csv"),
        ("csl_sample_2019-12.csv", "csl-csv"),
        ("watch_list.csv", "custom-csv"),
        ("watch_list_ja.csv", "custom-csv"),
    ],
)
def test_formats_are_detected(fixtures: Path, name: str, key: str) -> None:
    path = fixtures / "lists" / name
    assert detect_format(path, path.read_bytes()) == key


def test_content_decides_between_json_layouts(tmp_path: Path, fixtures: Path) -> None:
    ftm_lines = (fixtures / "lists" / "sample_entities.ftm.json").read_bytes()
    renamed = tmp_path / "entities.json"  # FtM lines without the .ftm suffix
    renamed.write_bytes(ftm_lines)
    assert detect_format(renamed, ftm_lines) == "ftm"
    assert load_list(renamed).value.entry_count == 4
    assert detect_format(Path("x.json"), b' \n[{"id": "jp-eul-1"}]') == "meti-json"
    assert detect_format(Path("x.json"), b'{"results": []}') == "csl-json"
    assert detect_format(Path("x.pdf"), b"%PDF") is None


def test_shipped_lists_are_the_two_snapshots() -> None:
    assert [p.name for p in shipped_lists()] == [
        "csl_2023-11.csv",
        "jp_end_user_list_20250929.json",
    ]
    assert all(p.parent == DATA_DIR for p in shipped_lists())
    readme = (DATA_DIR / "README.md").read_text("utf-8")
    assert "PARTIAL" in readme and "2023-11" in readme and "2025-09-29" in readme


def test_cli_prints_each_list_with_its_report(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lists"]) == 0
    out = capsys.readouterr().out
    assert "US Consolidated Screening List\n" in out and "METI End User List\n" in out
    assert "件数 entries: 4227" in out and "件数 entries: 835" in out
    assert "版 version: 2025-09-29" in out
    assert (
        "    - jp-eul-478: name '23rd Research Institute' recovered from addresses "
        "(country 'People's Republic of China')"
    ) in out
    assert "more (--all)" in out  # long sections are cut without --all


def test_cli_all_shows_every_repair(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lists", "--all", str(DATA_DIR / "jp_end_user_list_20250929.json")]) == 0
    out = capsys.readouterr().out
    assert out.count("recovered from addresses") == 37
    assert "more (--all)" not in out


def test_cli_json(capsys: pytest.CaptureFixture[str], fixtures: Path) -> None:
    files = [fixtures / "lists" / "watch_list.csv", fixtures / "lists" / "meti_eul_sample.xlsx"]
    assert main(["lists", "--format", "json", *map(str, files)]) == 0
    document = json.loads(capsys.readouterr().out)
    custom, meti = document["lists"]
    assert (custom["name"], custom["entries"], custom["version"]) == ("watch_list", 5, None)
    assert (meti["name"], meti["entries"], meti["version"]) == (
        "METI End User List",
        13,
        "2025-09-29",
    )
    assert meti["report"]["read"] == 13
    assert len(meti["report"]["repaired"]) == 3
    assert len(meti["content_hash"]) == 64


def test_cli_bad_input_prints_problems_and_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    files = [CORPUS / "custom_empty_name.csv", CORPUS / "csl_ragged.csv"]
    assert main(["lists", *map(str, files)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.splitlines() == [
        "2 problem(s) in input:",
        "  - custom_empty_name.csv: row 7: field 'name': empty "
        "(expected the name of the listed organization)",
        "  - csl_ragged.csv: row 4: field '(columns)': 31 fields (expected 29, as in the header)",
    ]
