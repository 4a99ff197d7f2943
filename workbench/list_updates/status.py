"""Each active list's age, size and completeness, and the warnings the pages show.

:func:`list_warnings` is what the review overview and the analyst page show
above the findings: a list older than the setting ``WORKBENCH_LIST_MAX_AGE_DAYS``
(default 90) or a partial copy, each with the command that refreshes it, in
Japanese and English.

Examples
--------
>>> from datetime import date
>>> from workbench.model import ScreeningList
>>> csl = ScreeningList("US Consolidated Screening List", "ITA", date(2023, 11, 16),
...                     "data/lists/csl_2023-11.csv", (), "h")
>>> [w.kind for w in list_warnings([csl], date(2025, 6, 20), 90)]
['old', 'partial']
>>> print(list_warnings([csl], date(2025, 6, 20), 90)[0].text("en")[:58])
US Consolidated Screening List is 582 days old (version 20
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Protocol

from workbench.list_updates.active import Activation, activations, is_partial, kind_of
from workbench.model import ScreeningList


class ListLike(Protocol):
    """A list or a record of one: a loaded ScreeningList, or a screening's ListInfo."""

    @property
    def name(self) -> str: ...
    @property
    def version(self) -> date | None: ...
    @property
    def source(self) -> str: ...


@dataclass(frozen=True, slots=True)
class ListStatus:
    """One active list: name, version date, age, entries, partial or not, where it came from."""

    name: str
    version: date | None
    age_days: int | None
    entries: int
    partial: str | None  # why it is partial, or None
    source: str  # the file, and the URL and time of the download when downloaded

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "version": self.version.isoformat() if self.version else None,
            "age_days": self.age_days,
            "entries": self.entries,
            "partial": self.partial is not None,
            "partial_note": self.partial,
            "source": self.source,
        }


@dataclass(frozen=True, slots=True)
class ListWarning:
    """A list in use that is too old or partial, in both languages, with its refresh command."""

    name: str
    kind: str  # old | partial
    ja: str
    en: str
    command: str

    def text(self, lang: str = "ja") -> str:
        return self.ja if lang == "ja" else self.en


def _refresh(source: str) -> str:
    kind = kind_of(Path(source))
    return f"workbench lists update {kind}" if kind else "workbench lists update all"


def _source(lst: ScreeningList, active: dict[str, Activation]) -> str:
    for a in active.values():
        if Path(lst.source).resolve() == a.file.resolve():
            return f"{a.file} (downloaded {a.downloaded_at:%Y-%m-%d %H:%M} UTC from {a.url})"
    return lst.source


def list_status(lists: Sequence[ScreeningList], today: date) -> list[ListStatus]:
    """The status of each list in ``lists`` on ``today``."""
    active = activations()
    return [
        ListStatus(
            lst.name,
            lst.version,
            (today - lst.version).days if lst.version else None,
            lst.entry_count,
            is_partial(lst.source),
            _source(lst, active),
        )
        for lst in lists
    ]


def list_warnings(lists: Sequence[ListLike], today: date, max_age_days: int) -> list[ListWarning]:
    """Warnings for the lists older than ``max_age_days`` or partial, in list order.

    ``lists`` may be loaded lists or the ``ListInfo`` records of a screening result
    (``ScreeningResult.lists``), which is what the pages have at hand.
    """
    out: list[ListWarning] = []
    for lst in lists:
        command = _refresh(lst.source)
        if lst.version is None:
            out.append(
                ListWarning(
                    lst.name,
                    "old",
                    f"{lst.name} の版の日付が不明です。更新: {command}",
                    f"{lst.name} has no version date. Refresh: {command}",
                    command,
                )
            )
        elif (age := (today - lst.version).days) > max_age_days:
            v = lst.version.isoformat()
            out.append(
                ListWarning(
                    lst.name,
                    "old",
                    f"{lst.name} は {age} 日前の版です（{v}、{max_age_days} 日を超過）。"
                    f"更新: {command}",
                    f"{lst.name} is {age} days old (version {v}; older than "
                    f"{max_age_days} days). Refresh: {command}",
                    command,
                )
            )
        note = is_partial(lst.source)
        if note:
            out.append(
                ListWarning(
                    lst.name,
                    "partial",
                    f"{lst.name} は一部のみの写しです。掲載先を見落とすおそれがあります。"
                    f"更新: {command}",
                    f"{lst.name} is a partial copy ({note}): screening can miss listed "
                    f"parties. Refresh: {command}",
                    command,
                )
            )
    return out
