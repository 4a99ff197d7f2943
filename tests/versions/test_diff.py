"""Diffs between versions of the real shipped lists and versions derived from them."""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

import pytest

from workbench.errors import InputError
from workbench.list_versions import diff_versions
from workbench.lists import load_list, shipped_lists
from workbench.model import ListEntry, ScreeningList


@pytest.fixture(scope="module")
def meti() -> ScreeningList:
    return load_list(next(p for p in shipped_lists() if "end_user" in p.name)).value


@pytest.fixture(scope="module")
def csl() -> ScreeningList:
    return load_list(next(p for p in shipped_lists() if p.name.startswith("csl"))).value


def derive(lst: ScreeningList, entries: list[ListEntry], day: date) -> ScreeningList:
    return dataclasses.replace(
        lst, entries=tuple(entries), version=day, source=f"derived-{day}", content_hash=str(day)
    )


def test_a_version_against_itself_is_unchanged(meti: ScreeningList) -> None:
    d = diff_versions(meti, meti)
    assert d.unchanged
    assert (d.old_count, d.new_count) == (835, 835)


def test_derived_meti_version_sorts_every_change(meti: ScreeningList) -> None:
    entries = list(meti.entries)
    by_id = {e.entry_id: e for e in entries}
    dropped = {"jp-eul-1", "jp-eul-10", "jp-eul-100"}
    hit = by_id["jp-eul-541"]  # Harbin Institute of Technology
    new_entries = []
    for e in entries:
        if e.entry_id in dropped:
            continue
        if e.entry_id == "jp-eul-133":
            e = dataclasses.replace(e, name=e.name + " (renamed)")
        if e.entry_id == "jp-eul-541":
            e = dataclasses.replace(e, aliases=(*e.aliases, "HIT Harbin"))
        if e.entry_id == "jp-eul-646":
            e = dataclasses.replace(e, entry_id="jp-eul-9000")  # renumbered
        new_entries.append(e)
    new_entries.append(ListEntry(meti.name, "jp-eul-9001", "Example Quantum Institute"))
    new = derive(meti, new_entries, date(2026, 4, 1))

    d = diff_versions(meti, new)

    assert [e.entry_id for e in d.added] == ["jp-eul-9001"]
    assert {e.entry_id for e in d.removed} == dropped
    assert [(c.old.entry_id, c.new.name) for c in d.renamed] == [
        ("jp-eul-133", by_id["jp-eul-133"].name + " (renamed)")
    ]
    assert [(c.old.entry_id, c.new.entry_id) for c in d.renumbered] == [
        ("jp-eul-646", "jp-eul-9000")
    ]
    assert [(a.old.entry_id, a.added, a.removed) for a in d.alias_changes] == [
        ("jp-eul-541", ("HIT Harbin",), ())
    ]
    assert d.new_id_of("jp-eul-646") == "jp-eul-9000"
    assert d.new_id_of("jp-eul-1") is None
    assert "renumbered jp-eul-646 → jp-eul-9000" in d.explain("jp-eul-9000", side="new")
    assert hit.name in d.explain("jp-eul-541", side="new")
    assert d.to_json()["added"] == [{"id": "jp-eul-9001", "name": "Example Quantum Institute"}]


def test_removed_aliases_and_local_names_are_reported(csl: ScreeningList) -> None:
    first = csl.entries[0]
    assert first.aliases, "the first CSL entry has aliases"
    changed = dataclasses.replace(first, aliases=first.aliases[1:], local_names=("中国电信",))
    new = derive(csl, [changed, *csl.entries[1:]], date(2024, 1, 1))
    [change] = diff_versions(csl, new).alias_changes
    assert change.removed == (first.aliases[0],)
    assert change.added == ("中国电信",)


def test_meti_spreadsheet_is_a_subset_of_the_registry_json(
    meti: ScreeningList, fixtures: Path
) -> None:
    sample = load_list(fixtures / "lists" / "meti_eul_sample.xlsx").value
    d = diff_versions(meti, sample)
    assert not d.added and not d.renamed and not d.renumbered and not d.alias_changes
    assert len(d.removed) == meti.entry_count - sample.entry_count == 822


def test_two_different_lists_are_refused(meti: ScreeningList, csl: ScreeningList) -> None:
    with pytest.raises(InputError) as err:
        diff_versions(meti, csl)
    text = str(err.value)
    assert "'US Consolidated Screening List' is another list than 'METI End User List'" in text
    assert "two versions of the same list" in text


def test_same_name_other_publisher_is_refused(meti: ScreeningList) -> None:
    other = dataclasses.replace(meti, publisher="Someone else", source="copy.json")
    with pytest.raises(InputError, match="field 'publisher'"):
        diff_versions(meti, other)
