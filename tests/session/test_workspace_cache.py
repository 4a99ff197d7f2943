"""Screenings kept between sessions: served again only while every input is unchanged."""

from __future__ import annotations

import json
import shutil
import threading
from pathlib import Path

import pytest

from workbench.session.network_filter import GraphArrays
from workbench.session.prefetch import AHEAD
from workbench.session.screening_cache import DiskCache
from workbench.session.workspace import Workspace
from workbench.store.store import Store

from .conftest import FIXTURES, LIST, make_settings


@pytest.fixture
def data(tmp_path: Path) -> Path:
    """A copy of the fixture proposals, free to edit."""
    target = tmp_path / "proposals"
    shutil.copytree(FIXTURES / "proposals", target)
    return target


def _workspace(data: Path, db: Path, store: Store, **changes: object) -> Workspace:
    return Workspace(make_settings(data, db, **changes), store)


def _rows(screened) -> list[tuple[str, int]]:  # type: ignore[no-untyped-def]
    return [(f.key, len(f.evidence)) for f in screened.view.findings]


def test_a_new_session_reads_the_screening_back_from_disk(
    data: Path, db_path: Path, store: Store
) -> None:
    ws = _workspace(data, db_path, store)
    first = ws.screen("example")
    assert set(first.timings) == {"load", "screen", "graph", "layout", "view"}
    assert isinstance(first.network, GraphArrays)
    assert first.network.nodes == tuple(first.graph.coauthors.nodes)
    assert ws.flush()  # written in the background, once the reviewer waits for nothing
    assert len(DiskCache(db_path.parent / "cache")) == 1

    again = _workspace(data, db_path, store).screen("example")  # another page session
    assert set(again.timings) == {"disk"} and again.key == first.key
    assert again is not first and _rows(again) == _rows(first)
    assert again.data == first.data
    assert again.graph.fingerprint == first.graph.fingerprint
    assert list(again.network.x) == list(first.network.x)


def test_an_edited_works_file_is_screened_again(data: Path, db_path: Path, store: Store) -> None:
    ws = _workspace(data, db_path, store)
    first = ws.screen("example")
    works = data / "example" / "works.json"
    doc = json.loads(works.read_text())
    records = doc["results"] if isinstance(doc, dict) else doc
    records.pop()  # a work less
    works.write_text(json.dumps(doc))
    again = ws.screen("example")  # the same session: not the one held in memory
    assert again.key != first.key and "disk" not in again.timings
    assert len(again.works) == len(first.works) - 1
    assert ws.flush()
    later = _workspace(data, db_path, store).screen("example")  # the edited one, from disk
    assert later.key == again.key and "disk" in later.timings
    assert len(later.works) == len(first.works) - 1


def test_a_new_match_verdict_or_window_or_list_is_screened_again(
    data: Path, db_path: Path, store: Store, tmp_path: Path
) -> None:
    ws = _workspace(data, db_path, store)
    first = ws.screen("example")
    assert ws.screen("example", years=3).key != first.key
    assert ws.flush()
    # a reviewer dismisses a match: the matcher changes, so does the key
    row = next(f for f in first.view.findings if f.list_name and f.evidence)
    text = next(e.affiliation for e in row.evidence if e.affiliation)
    pid = first.proposal.proposal_id
    state = store.start_review(pid, reviewer="R", expected_seq=0)
    store.remember_match(
        pid,
        text,
        row.list_name,
        row.entry_id,
        "dismissed",
        reviewer="R",
        expected_seq=state.seq,
        reason="another organisation",
    )
    after = _workspace(data, db_path, store).screen("example")
    assert after.key != first.key and "disk" not in after.timings
    assert row.key not in {f.key for f in after.view.findings} or _rows(after) != _rows(first)
    # another list file
    other = tmp_path / "watch.csv"
    other.write_text(LIST.read_text(encoding="utf-8").replace("example entry", "entry"))
    changed = _workspace(data, db_path, store, lists=(other,)).screen("example")
    assert changed.key not in (first.key, after.key)


def test_a_damaged_cache_file_is_dropped_and_screened_again(
    data: Path, db_path: Path, store: Store
) -> None:
    ws = _workspace(data, db_path, store)
    first = ws.screen("example")
    assert ws.flush()
    cache = DiskCache(db_path.parent / "cache")
    (cache.folder / f"{first.key}.pickle").write_bytes(b"not a pickle")
    fresh = _workspace(data, db_path, store)
    again = fresh.screen("example")
    assert "disk" not in again.timings and _rows(again) == _rows(first)
    assert fresh.flush() and cache.get(first.key) is not None  # written afresh


def test_the_cache_keeps_at_most_its_limit(tmp_path: Path) -> None:
    cache = DiskCache(tmp_path / "c", limit=3)
    for i in range(5):
        assert cache.put(f"k{i}", i)
    assert len(cache) == 3 and cache.get("k0") is None and cache.get("k4") == 4


def test_an_unwritable_cache_folder_only_costs_the_speed_up(
    data: Path, db_path: Path, store: Store, tmp_path: Path
) -> None:
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("x")
    ws = _workspace(data, db_path, store, cache_dir=blocker / "cache")
    assert ws.screen("example").view.findings
    assert ws.flush()  # tried, failed, logged: nothing left waiting


def test_the_disk_cache_is_written_only_while_the_reviewer_waits_for_nothing(
    data: Path, db_path: Path, store: Store
) -> None:
    ws = _workspace(data, db_path, store)
    ws.idle.clear()  # the reviewer's own screening is running
    first = ws.screen("example")
    assert not ws.flush(timeout=0.3) and ws.disk.get(first.key) is None
    ws.idle.set()
    assert ws.flush() and ws.disk.get(first.key) is not None


def test_only_the_next_few_proposals_in_the_pickers_order_are_screened_ahead(
    data: Path, db_path: Path, store: Store
) -> None:
    ws = _workspace(data, db_path, store)
    ids = [f.id for f in ws.folders()]
    assert ws.ahead.next_after(ids, ids[0]) == ids[1 : 1 + AHEAD]
    many = [ids[0]] * (AHEAD + 2)  # asked for more than a few: only AHEAD are screened
    assert ws.ahead.prefetch(many, threading.Event()) == AHEAD
    stopped = threading.Event()
    stopped.set()
    assert ws.ahead.prefetch(ids, stopped) == 0


def test_a_cache_folder_others_can_write_is_warned_about_once(
    data: Path, db_path: Path, store: Store, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o777)
    ws = _workspace(data, db_path, store, cache_dir=shared)
    with caplog.at_level("WARNING", logger="widgets"):
        assert ws.disk.put("a", 1) is False and ws.disk.put("b", 2) is False
    assert caplog.text.count("may be changed or read by other users") == 1


def test_the_review_page_reads_a_folder_as_the_portfolio_does(
    data: Path, db_path: Path, store: Store
) -> None:
    from workbench.folders import find_proposals, load_files

    folder = data / "example"
    (folder / "works").mkdir()
    for p in [p for p in folder.iterdir() if p.is_file() and p.name != "proposal.json"]:
        p.rename(folder / "works" / f"team-{p.name}")  # names and places the portfolio reads too
    (data / "notes").mkdir()  # no questionnaire: listed with the reason, as in the portfolio
    ws = _workspace(data, db_path, store)
    files = next(f for f in find_proposals(data) if f.id == "example")
    proposal, works, _ = load_files(files)
    assert ws.load("example") == (proposal, works) and works
    entries = {e["id"]: e for e in ws.proposals(statuses=False)}
    assert "no questionnaire" in entries["notes"]["error"]
    assert entries["example"]["error"] == ""
