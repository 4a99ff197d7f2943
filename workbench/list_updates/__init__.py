"""Screening lists kept current: download, register, make active; status and age warnings.

- :func:`update_list` downloads one list (``meti`` or ``csl``) from its URL
  setting, loads it with the list loaders, registers the version through the
  shrink guard and only then makes it the active list of its kind; a failed
  download, load or guard leaves the active list as it was.
- :func:`active_lists` is the list files in force: the shipped ones, each
  replaced by the downloaded list of its kind when there is one.
- :func:`list_status` and :func:`list_warnings` tell each active list's age,
  size and whether it is a partial copy, with the command that refreshes it, in
  Japanese and English, for ``workbench lists status`` and the pages.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from workbench.list_updates.active import KINDS, Activation, active_lists, is_partial, kind_of
    from workbench.list_updates.download import UpdateError, update_list
    from workbench.list_updates.status import ListStatus, ListWarning, list_status, list_warnings

#: name -> the module defining it: each is imported when first used, so reading which
#: lists are in force (every page, at start) does not import the downloader's HTTP client
_WHERE = {
    **dict.fromkeys(("KINDS", "Activation", "active_lists", "is_partial", "kind_of"), "active"),
    **dict.fromkeys(("UpdateError", "update_list"), "download"),
    **dict.fromkeys(("ListStatus", "ListWarning", "list_status", "list_warnings"), "status"),
}

__all__ = [
    "KINDS",
    "Activation",
    "ListStatus",
    "ListWarning",
    "UpdateError",
    "active_lists",
    "is_partial",
    "kind_of",
    "list_status",
    "list_warnings",
    "update_list",
]


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f"{__name__}.{_WHERE[name]}"), name)
