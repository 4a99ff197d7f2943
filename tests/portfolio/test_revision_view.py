"""The analyst page's list-revision view: two registered versions of METI's list, real files.

The new version drops Harbin Institute of Technology (``jp-eul-541``) and adds The
University of Tokyo; what the view shows is checked against the findings of two
full screenings of the portfolio (plain pandas), not against the view's own tables.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from widgets.common.i18n import translator
from widgets.portfolio.page import revision_view
from workbench.list_versions import VersionRegistry
from workbench.lists import load_list, shipped_lists
from workbench.portfolio import screen_portfolio
from workbench.portfolio.impact import revisions
from workbench.settings import Settings

METI = "METI End User List"
EVIL = '=HYPERLINK("http://x")<script>'


def write_revision(target: Path) -> tuple[Path, Path]:
    """(the shipped METI list file, a later version of it written in ``target``)."""
    old = next(p for p in shipped_lists() if load_list(p).value.name == METI)
    records = json.loads(Path(old).read_text(encoding="utf-8"))
    url = "https://www.meti.go.jp/press/2026/04/20260401001/20260401001.html"
    new = [{**r, "source_url": url} for r in records if r["id"] != "jp-eul-541"]
    new.append(
        {
            **records[0],
            "id": "jp-eul-9001",
            "entity_name": "The University of Tokyo",
            "aliases": [EVIL],
            "addresses": ["Japan"],
            "source_url": url,
        }
    )
    path = target / "jp_end_user_list_20260401.json"
    path.write_text(json.dumps(new, ensure_ascii=False), encoding="utf-8")
    return Path(old), path


@pytest.fixture(scope="module")
def registered(
    portfolio: tuple[Path, dict[str, Any]], tmp_path_factory: pytest.TempPathFactory
) -> tuple[Settings, Path, Path]:
    tmp = tmp_path_factory.mktemp("revision")
    old, new = write_revision(tmp)
    registry = VersionRegistry(tmp / "versions.json")
    for path in (old, new):
        registry.register(load_list(path).value)
    settings = Settings.from_env(
        {
            "WORKBENCH_DATA_DIR": str(portfolio[0]),
            "WORKBENCH_DB_URL": str(tmp / "wb.db"),
            "WORKBENCH_PORTFOLIO_DIR": str(tmp / "tables"),
            "WORKBENCH_LIST_REGISTRY": str(tmp / "versions.json"),
            "WORKBENCH_REVIEW_URL": "http://127.0.0.1:9999/",
        }
    )
    return settings, old, new


@pytest.fixture(scope="module")
def view(registered: tuple[Settings, Path, Path]) -> Any:
    settings = registered[0]
    v = revision_view(settings, translator("en", "portfolio"))
    v.run(wait=True)
    return v


def _findings(settings: Settings, meti: Path) -> pd.DataFrame:
    lists = [load_list(p).value for p in settings.lists if load_list(p).value.name != METI]
    return screen_portfolio(settings.data_dir, [*lists, load_list(meti).value]).tables.findings


def test_the_register_offers_both_versions_newest_first(
    registered: tuple[Settings, Path, Path],
) -> None:
    versions = revisions(VersionRegistry(registered[0].list_registry))
    assert list(versions) == [METI]
    assert [r.version_text for r in versions[METI]] == ["2026-04-01", "2025-09-29"]


def test_proposals_gaining_and_losing_are_those_of_two_full_screenings(
    view: Any, registered: tuple[Settings, Path, Path]
) -> None:
    settings, old, new = registered
    assert view.status.value == "", view.status.value
    before, after = _findings(settings, old), _findings(settings, new)
    lost = set(before.loc[before["entry_id"] == "jp-eul-541", "proposal_id"])
    gained = set(after.loc[after["entry_id"] == "jp-eul-9001", "proposal_id"])
    assert lost and gained  # the revision matters to this portfolio
    rows = view.rows
    assert set(rows.loc[rows["change"] == "lost", "proposal_id"]) == lost
    assert set(rows.loc[rows["change"] == "gained", "proposal_id"]) == gained
    assert set(rows.loc[rows["change"] == "lost", "why"]) == {"removed"}
    assert set(rows.loc[rows["change"] == "gained", "why"]) == {"added"}
    assert set(rows.loc[rows["change"] == "lost", "organisation"]) == {
        "Harbin Institute of Technology"
    }
    persons = set(after.loc[after["entry_id"] == "jp-eul-9001", "subject_name"])
    assert set(rows.loc[rows["change"] == "gained", "person"]) == persons
    # the chart: one bar per proposal affected
    bars = {t.name: dict(zip(t.y, t.x, strict=True)) for t in view.figure.data}
    assert sum(bars["lost"].values()) == (rows["change"] == "lost").sum()
    assert "added 1 · removed 1 · renamed 0" in view.summary.value
    assert f"Proposals gaining or losing findings: {len(lost | gained)}" in view.summary.value


def test_a_click_drills_into_one_proposal_with_links_to_the_review_page(view: Any) -> None:
    pid = view.proposals[0]
    view.chart.clicked = {"trace": 0, "point": 0, "n": 1}
    assert view.selected == pid
    shown = view.drilled()
    assert set(shown["proposal_id"]) == {pid}
    assert f'href="http://127.0.0.1:9999/?proposal={pid}"' in view.drill_table.value
    assert "<script>" not in view.drill_table.value


def test_the_export_is_the_changes_shown_with_formulas_neutralised(view: Any) -> None:
    view.selected = ""
    rows = list(csv.DictReader(io.StringIO(view.export("csv").decode("utf-8"))))
    assert len(rows) == len(view.rows)
    assert {r["proposal_id"] for r in rows} == set(view.rows["proposal_id"])
    assert all(not r["reason"].startswith(("=", "+", "@")) for r in rows)
    assert "list_revision.csv" in view.download.value


def test_a_version_whose_file_changed_is_refused_in_plain_words(
    registered: tuple[Settings, Path, Path], tmp_path: Path
) -> None:
    settings, _old, new = registered
    v = revision_view(settings, translator("en", "portfolio"))
    original = new.read_text(encoding="utf-8")
    try:
        new.write_text(original.replace("The University of Tokyo", "Tokyo U"), encoding="utf-8")
        v.run(wait=True)
    finally:
        new.write_text(original, encoding="utf-8")
    assert "holds another version" in v.status.value
    assert v.report is None


def test_without_two_versions_the_view_says_how_to_register_them(tmp_path: Path) -> None:
    settings = Settings.from_env({"WORKBENCH_LIST_REGISTRY": str(tmp_path / "none.json")})
    v = revision_view(settings, translator("en", "portfolio"))
    assert "workbench portfolio register" in v.status.value
