"""Screening ahead in a separate process: the same screenings, read back by the kernel."""

from __future__ import annotations

import threading
from datetime import date
from pathlib import Path

import pytest

from workbench.errors import InputError
from workbench.session import screen_worker
from workbench.session.screen_worker import screen_elsewhere
from workbench.session.workspace import Workspace
from workbench.store.store import Store

from .conftest import make_settings


def _rows(screened) -> list[tuple[str, int]]:  # type: ignore[no-untyped-def]
    return [(f.key, len(f.evidence)) for f in screened.view.findings]


def test_proposals_ahead_are_screened_by_a_child_and_read_back(
    proposals: Path, db_path: Path, store: Store
) -> None:
    data = proposals
    ws = Workspace(make_settings(data, db_path), store)
    ids = [f.id for f in ws.folders()]
    assert not any(ws.stored(i) for i in ids)

    assert ws.ahead.prefetch(ids, threading.Event()) == min(len(ids), 3)
    ahead = ids[:3]
    assert all(ws.stored(i) for i in ahead)  # written by the child process
    assert ws.index.shared.built == 0 and ws.index.held is None  # no index in this process
    assert ws.index.shared.stored(ws.lists())  # the child built it for everyone
    read_back = ws.screen(ahead[0])
    assert set(ws.last_timings()) == {"memory"}

    here = Workspace(make_settings(data, db_path, cache_dir=db_path.parent / "other"), store)
    here.ahead.elsewhere = False
    made_here = here.screen(ahead[0])
    assert set(here.last_timings()) >= {"load", "screen"}
    assert _rows(made_here) == _rows(read_back) and _rows(read_back)


def test_a_stopped_page_stops_its_child(proposals: Path, db_path: Path, store: Store) -> None:
    settings = make_settings(proposals, db_path)
    stop = threading.Event()
    stop.set()
    assert not screen_elsewhere(settings, ["example"], stop)
    assert not Workspace(settings, store).stored("example")


def test_a_pick_is_screened_by_a_child_as_this_process_would(
    proposals: Path, db_path: Path, store: Store
) -> None:
    ws = Workspace(make_settings(proposals, db_path), store)
    here = Workspace(make_settings(proposals, db_path, cache_dir=db_path.parent / "here"), store)
    folder = ws.folders()[0].id
    steps: list[str] = []
    for as_of, years in ((None, None), (date(2024, 6, 30), 5)):
        picked = ws.screen(folder, as_of, years, lambda s, _f: steps.append(s), elsewhere=True)
        assert set(ws.last_timings()) == {"elsewhere"}
        made_here = here.screen(folder, as_of, years)
        assert set(here.last_timings()) >= {"load", "screen"}
        assert picked.key == made_here.key and picked.years == made_here.years
        assert _rows(picked) == _rows(made_here) and _rows(picked)
        assert picked.view.findings == made_here.view.findings
    assert ws.index.held is None and ws.index.shared.built == 0  # no index in this process
    assert "progress.screening" in steps  # the child's steps, passed on as it went


def test_a_pick_the_child_could_not_screen_is_screened_here(
    proposals: Path, db_path: Path, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    ws = Workspace(make_settings(proposals, db_path), store)
    folder = ws.folders()[0].id
    monkeypatch.setattr(screen_worker.sys, "executable", "/bin/false")  # the child fails
    picked = ws.screen(folder, elsewhere=True)
    assert set(ws.last_timings()) >= {"load", "screen"} and "elsewhere" not in ws.last_timings()
    assert ws.index.held is not None  # screened here
    again = Workspace(make_settings(proposals, db_path, cache_dir=db_path.parent / "o"), store)
    assert _rows(picked) == _rows(again.screen(folder)) and _rows(picked)


def test_an_unreadable_pick_fails_as_it_does_here(
    proposals: Path, db_path: Path, store: Store
) -> None:
    ws = Workspace(make_settings(proposals, db_path), store)
    folder = ws.folders()[0]
    (folder.folder / "proposal.json").write_text("{ not json", encoding="utf-8")
    with pytest.raises(InputError) as failed:
        ws.screen(folder.id, elsewhere=True)
    assert "proposal.json" in str(failed.value)
