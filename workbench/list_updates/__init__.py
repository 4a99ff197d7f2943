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

from workbench.list_updates.active import KINDS, Activation, active_lists, is_partial, kind_of
from workbench.list_updates.download import UpdateError, update_list
from workbench.list_updates.status import ListStatus, ListWarning, list_status, list_warnings

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
