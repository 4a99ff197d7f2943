"""``workbench screen`` and the review page give the same findings for every demo proposal.

The command line is run as a reviewer runs it (``workbench screen`` with the
folder's questionnaire and works); the page's findings come from the
:class:`~workbench.session.workspace.Workspace` the page screens through. Both
are compared with an empty store and with a real SQLite store holding
remembered dismissals of both scopes: a verdict for all proposals, verdicts for
one proposal, and one recorded in another proposal than the one it names the
text of (which must not apply there).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from workbench.lists import shipped_lists
from workbench.session.workspace import Workspace
from workbench.settings import Settings
from workbench.store import open_store

from .remembering import BEIHANG_D007, CETC, NWPU, POLYUS, dismiss_all, remember, screen_json


@pytest.fixture(autouse=True)
def _no_configured_store(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("WORKBENCH_DB_URL", "WORKBENCH_LISTS", "WORKBENCH_LOOKBACK_YEARS"):
        monkeypatch.delenv(name, raising=False)


def _page(demo: Path, url: str, cache: Path) -> Workspace:
    settings = Settings(
        data_dir=demo,
        lists=tuple(shipped_lists()),
        db_url=url,
        cache_dir=cache,
    )
    return Workspace(settings, open_store(url))


def _same(cli: dict[str, Any], page: Any) -> set[str]:
    """Assert the command line's and the page's screening agree; the finding keys."""
    assert cli["proposal_id"] == page.proposal.proposal_id
    assert cli["findings"] == page.data["findings"]
    assert [f.key for f in page.view.findings] == [f["key"] for f in cli["findings"]]
    assert cli["suggested_outcome"] == page.data["suggested_outcome"]
    assert cli["suppressed_by_memory"]["count"] == page.suppressed.count
    assert cli["suppressed_by_memory"]["memory_ids"] == list(page.suppressed.memory_ids)
    return {f["key"] for f in cli["findings"]}


def test_the_command_line_and_the_page_agree_with_and_without_remembered_verdicts(
    demo_proposals: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"sqlite:///{tmp_path / 'workbench.db'}"
    page = _page(demo_proposals, url, tmp_path / "cache")
    folders = [f.id for f in page.folders()]
    assert len(folders) == 12

    before: dict[str, dict[str, Any]] = {}
    for fid in folders:
        cli = screen_json(capsys, demo_proposals / fid)  # no store configured
        _same(cli, page.screen(fid))
        before[fid] = cli
    # and with the (still empty) store named: nothing hidden, the same findings
    _same(screen_json(capsys, demo_proposals / folders[0], "--db", url), page.screen(folders[0]))

    d5, d6, d7, d10 = (before[f"ASPIRE-2025-D-0{n:02d}"] for n in (5, 6, 7, 10))
    store = page.db
    applied = remember(
        store,
        "ASPIRE-2025-D-002",
        *dismiss_all(POLYUS, d10, "recent_coauthorship", "p2", "all"),
    )
    applied += remember(
        store, "ASPIRE-2025-D-005", *dismiss_all(NWPU, d5, "listed_affiliation", "p2")
    )
    applied += remember(store, "ASPIRE-2025-D-006", *dismiss_all(CETC, d6, "partner_listed", "o1"))
    # recorded while reviewing D-012 for a text of D-007: for D-012 only
    remember(store, "ASPIRE-2025-D-012", *dismiss_all(BEIHANG_D007, d7, "past_affiliation", "p2"))
    assert {v.scope for v in store.match_verdicts()} == {"all", "proposal"}

    gone = {
        "ASPIRE-2025-D-010": "recent_coauthorship:p2:",
        "ASPIRE-2025-D-005": "listed_affiliation:",
        "ASPIRE-2025-D-006": "partner_listed:o1:",
    }
    hid = 0
    for fid in folders:
        shown = page.screen(fid)
        keys = _same(screen_json(capsys, demo_proposals / fid, "--db", url), shown)
        old = {f["key"] for f in before[fid]["findings"]}
        if fid not in gone:
            assert keys == old, fid
            continue
        removed = {k for k in old if k.startswith(gone[fid])}
        assert removed and not removed & keys, fid  # the remembered ones are gone, on both
        assert shown.suppressed.count >= 1, fid
        hid += shown.suppressed.count
    assert hid == len(applied)  # each (text, entry) dismissed hid one match; D-012's none
    # the verdict recorded in D-012 left D-007's finding in place, on both
    assert any(
        k.startswith("past_affiliation:p2:")
        for k in _same(
            screen_json(capsys, demo_proposals / "ASPIRE-2025-D-007", "--db", url),
            page.screen("ASPIRE-2025-D-007"),
        )
    )
    page.db.close()
