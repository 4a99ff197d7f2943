"""The version register and its shrink guard, on real list files and derived versions."""

from __future__ import annotations

import dataclasses
import json
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from workbench.errors import InputError
from workbench.list_versions import VersionRegistry, load_list_version
from workbench.lists import load_list, shipped_lists
from workbench.model import ScreeningList


@pytest.fixture(scope="module")
def meti() -> ScreeningList:
    return load_list(next(p for p in shipped_lists() if "end_user" in p.name)).value


def shrunk(lst: ScreeningList, keep: int, day: date) -> ScreeningList:
    return dataclasses.replace(
        lst,
        entries=lst.entries[:keep],
        version=day,
        source=f"shrunk-{keep}.json",
        content_hash=f"{day}-{keep}",
    )


def test_shipped_lists_register_once_each(tmp_path: Path) -> None:
    reg = VersionRegistry(tmp_path / "versions.json")
    for path in shipped_lists():
        assert load_list_version(path, reg)
        load_list_version(path, reg)  # the same content again: no new record
    records = reg.records()
    assert sorted((r.name, r.entries) for r in records) == [
        ("METI End User List", 835),
        ("US Consolidated Screening List", 4227),
    ]
    on_disk = json.loads((tmp_path / "versions.json").read_text(encoding="utf-8"))
    assert on_disk["format"] == 1
    assert {v["content_hash"] for v in on_disk["versions"]} == {r.content_hash for r in records}
    # A second registry object on the same file reads the same records.
    assert VersionRegistry(tmp_path / "versions.json").records() == records


def test_meti_spreadsheet_sample_is_refused_after_the_full_list(
    tmp_path: Path, fixtures: Path, meti: ScreeningList
) -> None:
    reg = VersionRegistry(tmp_path / "v.json")
    reg.register(meti)
    sample = fixtures / "lists" / "meti_eul_sample.xlsx"
    with pytest.raises(InputError) as err:
        load_list_version(sample, reg)
    text = str(err.value)
    assert "meti_eul_sample.xlsx" in text and "13 entries, 822 fewer" in text
    assert "--confirm-shrink" in text
    assert len(reg.records()) == 1  # nothing recorded
    loaded = load_list_version(sample, reg, confirm=True)
    assert loaded.value.entry_count == 13
    assert [r.confirmed_shrink for r in reg.records()] == [False, True]


def test_guard_allows_ten_percent_and_refuses_more(tmp_path: Path, meti: ScreeningList) -> None:
    reg = VersionRegistry(tmp_path / "v.json")
    base = shrunk(meti, 800, date(2025, 1, 1))
    reg.register(base)
    ok = reg.register(shrunk(meti, 720, date(2025, 2, 1)))  # exactly 10% lost
    assert ok.new and ok.shrink is not None and not ok.shrink.shrinks
    assert ok.previous is not None and ok.previous.entries == 800
    with pytest.raises(InputError, match=r"647 entries, 73 fewer .* \(720\): 10\.1% lost"):
        reg.register(shrunk(meti, 647, date(2025, 3, 1)))


def test_previous_version_is_the_newest_dated_on_or_before(
    tmp_path: Path, meti: ScreeningList
) -> None:
    reg = VersionRegistry(tmp_path / "v.json")
    t = datetime(2025, 6, 1, tzinfo=UTC)
    reg.register(shrunk(meti, 500, date(2025, 1, 1)), now=t)
    reg.register(shrunk(meti, 800, date(2025, 6, 1)), now=t)
    # An older version registered late compares with the January one, not with June.
    back = reg.register(shrunk(meti, 480, date(2025, 3, 1)), now=t)
    assert back.previous is not None and back.previous.version == date(2025, 1, 1)
    assert [r.entries for r in reg.versions_of("METI End User List")] == [500, 480, 800]


def test_a_damaged_register_is_reported_not_overwritten(
    tmp_path: Path, meti: ScreeningList
) -> None:
    path = tmp_path / "v.json"
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(InputError, match="not a list-version register"):
        VersionRegistry(path).register(meti)
    assert path.read_text(encoding="utf-8") == "{not json"
