"""One look-back window: made once, handed to the screening and the graph; one default."""

from __future__ import annotations

import re
import time
from datetime import date
from pathlib import Path
from typing import Any

from workbench.demo.generate import story_files
from workbench.demo.stories import STORIES
from workbench.folders import load_folder, proposal_files
from workbench.lists import load_list, shipped_lists
from workbench.matching import Matcher
from workbench.session.screened import screen_afresh
from workbench.window import DEFAULT_YEARS, FAQ_YEARS, Window

ROOT = Path(__file__).resolve().parents[2]


def _demo_proposal(tmp_path: Path) -> tuple[Any, Any, tuple[Any, ...]]:
    """Demo proposal D-001 written to ``tmp_path``, read back, with the shipped lists."""
    files, _ = story_files(next(s for s in STORIES if s.proposal_id == "ASPIRE-2025-D-001"))
    for rel, text in files.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(text, encoding="utf-8")
    lists = tuple(load_list(p).value for p in shipped_lists())
    proposal, works = load_folder(proposal_files(tmp_path / "ASPIRE-2025-D-001"))
    return proposal, works, lists


def test_the_screening_and_the_graph_of_a_session_share_one_window(tmp_path: Path) -> None:
    proposal, works, lists = _demo_proposal(tmp_path)
    as_of, years = date(2025, 3, 31), DEFAULT_YEARS + 3
    screened = screen_afresh(
        lambda: (proposal, works),
        lambda: lists,
        "k",
        Matcher.from_lists(lists),
        as_of,
        years,
        lambda *_: None,
        time.perf_counter(),
    )
    expected = Window.ending(as_of, years)
    assert screened.result.window == expected
    assert screened.graph.window == expected
    assert screened.view.window_start == expected.start.isoformat()


def test_the_default_look_back_is_written_once() -> None:
    """No ``years = 2`` (or ``lookback … 2``) outside window.py's DEFAULT_YEARS (grep-style)."""
    assert DEFAULT_YEARS == FAQ_YEARS
    literal = re.compile(r"(years|look_?back\w*)\s*(:\s*int\s*)?=\s*2\b", re.I)
    found = [
        f"{path.relative_to(ROOT)}:{n}"
        for top in ("workbench", "widgets", "serving")
        for path in sorted((ROOT / top).rglob("*.py"))
        if path != ROOT / "workbench" / "window.py" and "demo" not in path.parts
        for n, line in enumerate(path.read_text().splitlines(), 1)
        if literal.search(line)
    ]
    assert found == []


def test_the_excel_record_names_the_window_the_findings_were_screened_with(
    tmp_path: Path,
) -> None:
    from io import BytesIO

    from openpyxl import load_workbook

    from workbench.session.decisions import Decisions
    from workbench.store.store import open_store

    proposal, works, lists = _demo_proposal(tmp_path)
    matcher = Matcher.from_lists(lists)
    store = open_store(f"sqlite:///{tmp_path / 'w.db'}")
    decisions = Decisions(lambda: store, lambda: lists)
    said = {}
    for years in (FAQ_YEARS, FAQ_YEARS + 5):
        screened = screen_afresh(
            lambda: (proposal, works),
            lambda: lists,
            f"k{years}",
            matcher,
            date(2025, 3, 31),
            years,
            lambda *_: None,
            time.perf_counter(),
        )
        state = decisions.ensure_started(screened, "r", store.state(proposal.proposal_id).seq)
        book = load_workbook(BytesIO(decisions.export_xlsx(screened, "ja")))
        summary = {row[0]: row[1] for row in book["概要 Summary"].iter_rows(values_only=True)}
        said[years] = summary["確認期間 / Look-back"]
        assert state.started
    store.close()
    assert said[FAQ_YEARS].startswith(f"{FAQ_YEARS} 年 / {FAQ_YEARS} years")
    assert said[FAQ_YEARS + 5].startswith(f"{FAQ_YEARS + 5} 年 / {FAQ_YEARS + 5} years")
    assert f"FAQ: {FAQ_YEARS} 年" in said[FAQ_YEARS + 5]
