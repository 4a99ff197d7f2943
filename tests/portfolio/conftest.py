"""A small portfolio built from the demo stories (in memory, deterministic), plus broken folders.

Folders (each a sub-folder of one temporary portfolio folder):

- four demo proposals as the demo writes them (D-001, D-003, D-005, D-010);
- ``D-005-parquet``: D-005's questionnaire under another id, its works as two
  Parquet partitions; ``D-003-jsonl``: D-003's works as two JSON Lines partitions;
- ``D-006-xlsx``: D-006's questionnaire as the Excel template, works as JSON;
- broken ones: a questionnaire that is not JSON, a publications CSV without its
  columns next to good files, a folder without questionnaire, a Parquet file
  that is not Parquet, and a second folder with an id already used.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from workbench.demo.generate import story_files
from workbench.demo.stories import STORIES
from workbench.lists import load_list, shipped_lists
from workbench.model import ScreeningList
from workbench.portfolio.parquet_works import write_works
from workbench.proposal import load_proposal
from workbench.publications import load_works_many
from workbench.questionnaire.writer import write_template

DEMO = ("ASPIRE-2025-D-001", "ASPIRE-2025-D-003", "ASPIRE-2025-D-005", "ASPIRE-2025-D-010")
BROKEN = ("bad-json", "bad-csv", "no-questionnaire", "bad-parquet", "same-id")


def _story(pid: str) -> tuple[dict[str, str], dict[str, Any]]:
    story = next(s for s in STORIES if s.proposal_id == pid)
    return story_files(story)


def _write(root: Path, files: dict[str, str]) -> None:
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def _renamed(folder: Path, new_id: str) -> None:
    path = folder / "proposal.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["proposal_id"] = new_id
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def build_portfolio(root: Path) -> dict[str, Any]:
    expected: dict[str, Any] = {}
    for pid in (*DEMO, "ASPIRE-2025-D-006"):
        files, entry = _story(pid)
        expected[pid] = entry
        if pid != "ASPIRE-2025-D-006":
            _write(root, files)
    # Parquet partitions of D-005's works.
    files, _ = _story("ASPIRE-2025-D-005")
    pq_dir = root / "D-005-parquet"
    _write(
        pq_dir.parent,
        {k.replace("ASPIRE-2025-D-005", "D-005-parquet"): v for k, v in files.items()},
    )
    works = load_works_many([pq_dir / "works.json"]).value
    (pq_dir / "works.json").unlink()
    half = len(works) // 2
    write_works(works[:half], pq_dir / "works" / "part-000.parquet")
    write_works(works[half:], pq_dir / "works" / "part-001.parquet")
    _renamed(pq_dir, "ASPIRE-2025-D-005-PQ")
    # JSON Lines partitions of D-003's works.
    files, _ = _story("ASPIRE-2025-D-003")
    jl_dir = root / "D-003-jsonl"
    _write(
        jl_dir.parent, {k.replace("ASPIRE-2025-D-003", "D-003-jsonl"): v for k, v in files.items()}
    )
    raw = json.loads((jl_dir / "works.json").read_text(encoding="utf-8"))
    items = raw["results"] if isinstance(raw, dict) else raw
    (jl_dir / "works.json").unlink()
    (jl_dir / "works").mkdir()
    for n, part in enumerate((items[: len(items) // 2], items[len(items) // 2 :])):
        text = "\n".join(json.dumps(w, ensure_ascii=False) for w in part) + "\n"
        (jl_dir / "works" / f"part-{n}.jsonl").write_text(text, encoding="utf-8")
    _renamed(jl_dir, "ASPIRE-2025-D-003-JL")
    # D-006 with the Excel questionnaire.
    files, _ = _story("ASPIRE-2025-D-006")
    tmp = root.parent / "d006"
    _write(tmp, files)
    x_dir = root / "D-006-xlsx"
    x_dir.mkdir()
    write_template(
        x_dir / "questionnaire.xlsx", load_proposal(tmp / "ASPIRE-2025-D-006" / "proposal.json")
    )
    (x_dir / "works.json").write_text(
        (tmp / "ASPIRE-2025-D-006" / "works.json").read_text(encoding="utf-8"), encoding="utf-8"
    )
    (x_dir / "notes.txt").write_text("reviewer notes", encoding="utf-8")
    # Broken folders.
    files, _ = _story("ASPIRE-2025-D-001")
    good_proposal = files["ASPIRE-2025-D-001/proposal.json"]
    good_works = files["ASPIRE-2025-D-001/works.json"]
    (root / "bad-json").mkdir()
    (root / "bad-json" / "proposal.json").write_text('{"proposal_id": "X", ', encoding="utf-8")
    (root / "bad-json" / "works.json").write_text(good_works, encoding="utf-8")
    (root / "bad-csv").mkdir()
    (root / "bad-csv" / "proposal.json").write_text(good_proposal, encoding="utf-8")
    _renamed(root / "bad-csv", "ASPIRE-2025-BAD-CSV")
    (root / "bad-csv" / "works.json").write_text(good_works, encoding="utf-8")
    (root / "bad-csv" / "publications.csv").write_text("work,title\nW1,T\n", encoding="utf-8")
    (root / "no-questionnaire").mkdir()
    (root / "no-questionnaire" / "works.json").write_text(good_works, encoding="utf-8")
    (root / "bad-parquet").mkdir()
    (root / "bad-parquet" / "proposal.json").write_text(good_proposal, encoding="utf-8")
    _renamed(root / "bad-parquet", "ASPIRE-2025-BAD-PQ")
    (root / "bad-parquet" / "part-0.parquet").write_bytes(b"PAR1 this is not parquet")
    (root / "same-id").mkdir()
    (root / "same-id" / "proposal.json").write_text(good_proposal, encoding="utf-8")
    return expected


@pytest.fixture(scope="session")
def lists() -> list[ScreeningList]:
    return [load_list(p).value for p in shipped_lists()]


@pytest.fixture(scope="session")
def portfolio(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    root = tmp_path_factory.mktemp("portfolio") / "proposals"
    root.mkdir()
    expected = build_portfolio(root)
    return root, expected


@pytest.fixture(scope="session")
def local_run(portfolio: tuple[Path, dict[str, Any]], lists: list[ScreeningList]) -> Any:
    from workbench.portfolio import screen_portfolio

    return screen_portfolio(portfolio[0], lists)
