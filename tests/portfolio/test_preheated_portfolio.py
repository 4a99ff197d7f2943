"""The analyst page in a kernel Voila preheats: drawn before anyone asks, checked when shown.

The kernel reads the tables at preheating; what changed before the browser shows the
page (a proposal handed in, a judgment recorded) is on the page once it is shown, and
nothing is read again when nothing changed.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from widgets.common.ready import PageShown
from widgets.portfolio.app import PortfolioApp
from widgets.portfolio.page import build_app
from workbench.settings import Settings
from workbench.store import open_store

from .conftest import DEMO, _story, _write


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    folder = tmp_path / "proposals"
    for pid in DEMO[:2]:
        _write(folder, _story(pid)[0])
    return Settings.from_env(
        {
            "WORKBENCH_DATA_DIR": str(folder),
            "WORKBENCH_DB_URL": str(tmp_path / "wb.db"),
            "WORKBENCH_PORTFOLIO_DIR": str(tmp_path / "tables"),
            "WORKBENCH_CACHE_DIR": str(tmp_path / "cache"),
            "WORKBENCH_LANG": "en",
        }
    )


def shown(app: PortfolioApp) -> None:
    """What the browser says once it shows the page; then wait for what follows."""
    signal = next(c for c in app.children if isinstance(c, PageShown))
    signal.shown = True
    assert app.loading.join(120)


def hand_in_copy(settings: Settings, source: str, new_id: str) -> None:
    folder = Path(settings.data_dir)
    shutil.copytree(folder / source, folder / new_id)
    path = folder / new_id / "proposal.json"
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    data["proposal_id"] = new_id
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def test_a_proposal_handed_in_after_preheating_is_on_the_page_once_shown(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("VOILA_PREHEAT", "True")  # as Voila sets it in a pooled kernel
    app = build_app(settings, wait=True)
    assert app.tables is not None and len(app.tables.screened) == 2
    assert app.loading.reads == 1
    hand_in_copy(settings, DEMO[0], "ASPIRE-2025-X-999")
    shown(app)
    assert app.loading.reads == 2
    assert "ASPIRE-2025-X-999" in set(app.tables.screened["proposal_id"])
    assert "ASPIRE-2025-X-999" in app.view.proposals["proposal_id"].tolist()
    assert ">3<" in app.summary.value  # the key figures count it
    assert app.status.value == ""


def test_a_judgment_recorded_after_preheating_is_on_the_page_once_shown(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("VOILA_PREHEAT", "True")
    app = build_app(settings, wait=True)
    assert app.tables is not None
    pid = DEMO[0]
    before = app.tables.proposals.set_index("proposal_id").loc[pid, "outcome"]
    with open_store(settings.db_url) as store:
        s = store.start_review(pid, reviewer="suzuki", expected_seq=0)
        store.set_judgment(pid, "no-concern", "checked", reviewer="suzuki", expected_seq=s.seq)
    shown(app)
    assert app.loading.reads == 2
    after = app.tables.proposals.set_index("proposal_id").loc[pid, "outcome"]
    assert before != "no-concern" and after == "no-concern"


def test_nothing_is_read_again_when_nothing_changed(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("VOILA_PREHEAT", "True")
    app = build_app(settings, wait=True)
    tables = app.tables
    shown(app)
    assert app.loading.reads == 1 and app.tables is tables


def test_a_page_not_preheated_reads_once_and_does_not_check(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("VOILA_PREHEAT", raising=False)
    app = build_app(settings, wait=True)
    hand_in_copy(settings, DEMO[0], "ASPIRE-2025-X-998")
    shown(app)  # read when the kernel ran the notebook, the browser's request with it
    assert app.loading.reads == 1
