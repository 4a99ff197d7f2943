"""Versions of the screening lists: a register of every version loaded, diffs, a sanity guard.

- :class:`VersionRegistry` keeps one record per list version loaded (name,
  publisher, version date, entry count, content hash) in ``data/list_versions.json``.
- :func:`diff_versions` tells what changed between two versions of one list
  (added, removed, renamed, renumbered entries, changed aliases) and refuses
  two different lists.
- :func:`check_shrink` / :meth:`VersionRegistry.register` refuse a new version
  that lost more than 10% of its previous version's entries unless confirmed.
- :func:`load_list_version` loads a list file and registers it through the guard.
"""

from __future__ import annotations

from pathlib import Path

from workbench.list_versions.diff import (
    AliasChange,
    EntryChange,
    ListDiff,
    diff_versions,
    name_key,
    same_list,
)
from workbench.list_versions.guard import SHRINK_LIMIT, ShrinkCheck, check_shrink
from workbench.list_versions.registry import (
    DEFAULT_PATH,
    Registered,
    VersionRecord,
    VersionRegistry,
)
from workbench.model import Loaded, ScreeningList

__all__ = [
    "DEFAULT_PATH",
    "SHRINK_LIMIT",
    "AliasChange",
    "EntryChange",
    "ListDiff",
    "Registered",
    "ShrinkCheck",
    "VersionRecord",
    "VersionRegistry",
    "check_shrink",
    "diff_versions",
    "load_list_version",
    "name_key",
    "same_list",
]


def load_list_version(
    path: str | Path, registry: VersionRegistry, *, confirm: bool = False
) -> Loaded[ScreeningList]:
    """Load a list file with :func:`workbench.lists.load_list` and register its version.

    Raises :class:`~workbench.errors.InputError` for a file that cannot be used
    and for a version refused by the shrink guard (``confirm=True`` loads it anyway).
    """
    from workbench.lists import load_list

    loaded = load_list(path)
    registry.register(loaded.value, confirm=confirm)
    return loaded
