"""What changed between two versions of one screening list.

:func:`diff_versions` pairs the entries of an old and a new version of the
same list and sorts every difference into one kind:

``added``        in the new version only
``removed``      in the old version only
``renamed``      same entry id, different primary name
``renumbered``   same primary name, different entry id (METI renumbers its list
                 at each revision, so ``jp-eul-541`` may become ``jp-eul-540``)
``aliases``      same entry, aliases or original-script names added or removed

Entries are paired first by id when their names agree, then by name (a
renumbered entry), then by id alone (a renamed entry); what is left over is
added or removed. A diff of two *different* lists (other name or publisher) is
refused with an :class:`~workbench.errors.InputError`.

Examples
--------
>>> from datetime import date
>>> from workbench.model import ListEntry, ScreeningList
>>> old = ScreeningList("L", "P", date(2024, 1, 1), "old.csv", (
...     ListEntry("L", "1", "Alpha Institute", ("AI",)),
...     ListEntry("L", "2", "Beta Works"),
...     ListEntry("L", "3", "Gamma Lab")))
>>> new = ScreeningList("L", "P", date(2025, 1, 1), "new.csv", (
...     ListEntry("L", "1", "Alpha Institute", ("AI", "Alpha Inst")),
...     ListEntry("L", "2", "Beta Works Ltd"),
...     ListEntry("L", "4", "Delta Academy")))
>>> d = diff_versions(old, new)
>>> [e.entry_id for e in d.added], [e.entry_id for e in d.removed]
(['4'], ['3'])
>>> [(r.old.name, r.new.name) for r in d.renamed]
[('Beta Works', 'Beta Works Ltd')]
>>> d.alias_changes[0].added
('Alpha Inst',)
>>> try:
...     diff_versions(old, ScreeningList("M", "P", None, "m.csv"))
... except InputError as exc:
...     print(exc.problems[0].message)
'M' is another list than 'L' (old.csv), not a version of it
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Any

from workbench.errors import InputError, Problem
from workbench.model import ListEntry, ScreeningList


def name_key(name: str) -> str:
    """The form in which two primary names count as the same: NFKC, case-folded, spaces collapsed.

    >>> name_key("  ＨＡＲＢＩＮ  Institute ") == name_key("harbin institute")
    True
    """
    return " ".join(unicodedata.normalize("NFKC", name).casefold().split())


@dataclass(frozen=True, slots=True)
class EntryChange:
    """One entry present in both versions, under another id or another name."""

    old: ListEntry
    new: ListEntry

    def to_json(self) -> dict[str, Any]:
        return {
            "old_id": self.old.entry_id,
            "new_id": self.new.entry_id,
            "old_name": self.old.name,
            "new_name": self.new.name,
        }


@dataclass(frozen=True, slots=True)
class AliasChange:
    """Aliases (or original-script names) of one entry added and removed."""

    old: ListEntry
    new: ListEntry
    added: tuple[str, ...]
    removed: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "old_id": self.old.entry_id,
            "new_id": self.new.entry_id,
            "name": self.new.name,
            "added": list(self.added),
            "removed": list(self.removed),
        }


@dataclass(frozen=True, slots=True)
class ListDiff:
    """Every difference between ``old`` and ``new``, in the order of the lists."""

    list_name: str
    old_version: str | None
    new_version: str | None
    old_count: int
    new_count: int
    added: tuple[ListEntry, ...]
    removed: tuple[ListEntry, ...]
    renamed: tuple[EntryChange, ...]
    renumbered: tuple[EntryChange, ...]
    alias_changes: tuple[AliasChange, ...]

    @property
    def unchanged(self) -> bool:
        return not (
            self.added or self.removed or self.renamed or self.renumbered or self.alias_changes
        )

    def new_id_of(self, old_id: str) -> str | None:
        """The id an old entry has in the new version (``None`` when it was removed)."""
        if any(e.entry_id == old_id for e in self.removed):
            return None
        for c in self.renumbered:
            if c.old.entry_id == old_id:
                return c.new.entry_id
        return old_id

    def explain(self, entry_id: str, *, side: str) -> str:
        """Why an entry (id in the ``old`` or ``new`` version, per ``side``) changed, in words."""
        for e in self.added if side == "new" else self.removed:
            if e.entry_id == entry_id:
                verb = "added in" if side == "new" else "removed in"
                return f"entry {entry_id} '{e.name}' {verb} version {self.new_version}"
        for r in self.renamed:
            if getattr(r, side).entry_id == entry_id:
                return f"entry {entry_id} renamed '{r.old.name}' → '{r.new.name}'"
        for r in self.renumbered:
            if getattr(r, side).entry_id == entry_id:
                return f"entry '{r.new.name}' renumbered {r.old.entry_id} → {r.new.entry_id}"
        for a in self.alias_changes:
            if getattr(a, side).entry_id == entry_id:
                parts = []
                if a.added:
                    parts.append("aliases added: " + "; ".join(a.added))
                if a.removed:
                    parts.append("aliases removed: " + "; ".join(a.removed))
                return f"entry {entry_id} '{a.new.name}': " + ", ".join(parts)
        return f"entry {entry_id} unchanged in the list (other inputs or matching changed)"

    def to_json(self) -> dict[str, Any]:
        return {
            "list": self.list_name,
            "old_version": self.old_version,
            "new_version": self.new_version,
            "old_entries": self.old_count,
            "new_entries": self.new_count,
            "added": [{"id": e.entry_id, "name": e.name} for e in self.added],
            "removed": [{"id": e.entry_id, "name": e.name} for e in self.removed],
            "renamed": [c.to_json() for c in self.renamed],
            "renumbered": [c.to_json() for c in self.renumbered],
            "alias_changes": [a.to_json() for a in self.alias_changes],
        }


def same_list(old: ScreeningList, new: ScreeningList) -> Problem | None:
    """Why ``old`` and ``new`` are not two versions of one list, or ``None`` when they are."""
    if old.name != new.name:
        field = "name"
        why = f"'{new.name}' is another list than '{old.name}' ({old.source}), not a version of it"
    elif old.publisher != new.publisher:
        field = "publisher"
        why = (
            f"published by '{new.publisher}', but '{old.name}' ({old.source}) by '{old.publisher}'"
        )
    else:
        return None
    expected = "two versions of the same list: same name and publisher"
    return Problem(new.source or new.name, "list", field, why, expected)


def _other_names(e: ListEntry) -> tuple[str, ...]:
    return (*e.aliases, *e.local_names)


def diff_versions(old: ScreeningList, new: ScreeningList) -> ListDiff:
    """The differences between two versions of one list (see the module text).

    Raises
    ------
    InputError
        When ``old`` and ``new`` are different lists (name or publisher differ).
    """
    problem = same_list(old, new)
    if problem is not None:
        raise InputError([problem])
    old_by_id = {e.entry_id: e for e in old.entries}
    new_by_id = {e.entry_id: e for e in new.entries}
    pairs: dict[str, ListEntry] = {}  # old id -> new entry
    taken: set[str] = set()  # new ids already paired

    # 1. same id and same name: the same entry
    for oid, o in old_by_id.items():
        n = new_by_id.get(oid)
        if n is not None and name_key(n.name) == name_key(o.name):
            pairs[oid] = n
            taken.add(oid)
    # 2. same name, other id: renumbered
    free_by_name: dict[str, list[ListEntry]] = {}
    for n in new.entries:
        if n.entry_id not in taken:
            free_by_name.setdefault(name_key(n.name), []).append(n)
    renumbered: list[EntryChange] = []
    for oid, o in old_by_id.items():
        if oid in pairs:
            continue
        candidates = free_by_name.get(name_key(o.name))
        if candidates:
            n = candidates.pop(0)
            pairs[oid] = n
            taken.add(n.entry_id)
            renumbered.append(EntryChange(o, n))
    # 3. same id, other name: renamed
    renamed: list[EntryChange] = []
    for oid, o in old_by_id.items():
        if oid in pairs:
            continue
        n = new_by_id.get(oid)
        if n is not None and oid not in taken:
            pairs[oid] = n
            taken.add(oid)
            renamed.append(EntryChange(o, n))
    aliases: list[AliasChange] = []
    for oid, n in pairs.items():
        o = old_by_id[oid]
        before, after = _other_names(o), _other_names(n)
        added = tuple(a for a in after if a not in before)
        removed = tuple(a for a in before if a not in after)
        if added or removed:
            aliases.append(AliasChange(o, n, added, removed))
    return ListDiff(
        list_name=new.name,
        old_version=old.version.isoformat() if old.version else None,
        new_version=new.version.isoformat() if new.version else None,
        old_count=old.entry_count,
        new_count=new.entry_count,
        added=tuple(n for n in new.entries if n.entry_id not in taken),
        removed=tuple(o for o in old.entries if o.entry_id not in pairs),
        renamed=tuple(renamed),
        renumbered=tuple(renumbered),
        alias_changes=tuple(aliases),
    )
