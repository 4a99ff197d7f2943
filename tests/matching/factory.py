"""Tiny factories for list entries and lists in matching tests."""

from __future__ import annotations

from workbench.model import ListEntry, ScreeningList


def entry(
    entry_id: str,
    name: str,
    *aliases: str,
    local: tuple[str, ...] = (),
    country: str | None = None,
    list_name: str = "Test List",
    entity_type: str | None = None,
) -> ListEntry:
    return ListEntry(
        list_name, entry_id, name, tuple(aliases), local, country, entity_type=entity_type
    )


def screening_list(*entries: ListEntry, name: str = "Test List") -> ScreeningList:
    return ScreeningList(name, "tests", None, "tests", tuple(entries))
