"""The register of every list version the workbench has loaded.

Each loaded version is recorded once (name, publisher, version date, entry
count, content hash, the file it came from, when it was registered and
whether a shrink was confirmed) in a small JSON file, by default
``data/list_versions.json`` next to the judgments store. The file is a log:
records are only ever appended, never changed or removed, and a version is
known by its content hash, so loading the same file twice registers it once.
A JSON file rather than the store's database keeps the register readable
and diffable by hand and lets ``workbench.lists`` users work without a store.

:meth:`VersionRegistry.register` runs the sanity guard
(:mod:`workbench.list_versions.guard`) against the *previous* version of the
same list — the newest registered version dated on or before the new one —
and refuses a version that lost more than 10% of its entries unless confirmed.

Examples
--------
>>> import tempfile
>>> from datetime import date
>>> from pathlib import Path
>>> from workbench.model import ListEntry, ScreeningList
>>> reg = VersionRegistry(Path(tempfile.mkdtemp()) / "versions.json")
>>> def version(day, n):
...     entries = tuple(ListEntry("L", str(i), f"Org {i}") for i in range(n))
...     return ScreeningList("L", "P", date(2025, 1, day), f"l{day}.csv", entries, f"h{day}{n}")
>>> reg.register(version(1, 100)).new
True
>>> try:
...     reg.register(version(2, 80))
... except InputError as exc:
...     print(exc.problems[0].message[:66])
version 2025-01-02 of 'L' has 80 entries, 20 fewer than version 20
>>> reg.register(version(2, 80), confirm=True).record.confirmed_shrink
True
>>> [(r.version.isoformat(), r.entries) for r in reg.versions_of("L")]
[('2025-01-01', 100), ('2025-01-02', 80)]
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from workbench.errors import InputError, Problem
from workbench.input_files import loads, read_input
from workbench.list_versions.guard import ShrinkCheck, check_shrink, refuse
from workbench.model import ScreeningList

#: Where the register lives unless told otherwise (``data/`` of the repository).
DEFAULT_PATH = Path(__file__).resolve().parents[2] / "data" / "list_versions.json"
FORMAT = 1


@dataclass(frozen=True, slots=True)
class VersionRecord:
    """One registered version of one list."""

    name: str
    publisher: str
    version: date | None
    entries: int
    content_hash: str
    source: str
    registered_at: datetime
    confirmed_shrink: bool = False

    @classmethod
    def of(
        cls, lst: ScreeningList, registered_at: datetime, confirmed_shrink: bool = False
    ) -> VersionRecord:
        return cls(
            lst.name,
            lst.publisher,
            lst.version,
            lst.entry_count,
            lst.content_hash,
            lst.source,
            registered_at,
            confirmed_shrink,
        )

    @property
    def version_text(self) -> str | None:
        return self.version.isoformat() if self.version else None

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "publisher": self.publisher,
            "version": self.version_text,
            "entries": self.entries,
            "content_hash": self.content_hash,
            "source": self.source,
            "registered_at": self.registered_at.isoformat(),
            "confirmed_shrink": self.confirmed_shrink,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> VersionRecord:
        version = data.get("version")
        return cls(
            name=str(data["name"]),
            publisher=str(data["publisher"]),
            version=date.fromisoformat(version) if version else None,
            entries=int(data["entries"]),
            content_hash=str(data["content_hash"]),
            source=str(data.get("source", "")),
            registered_at=datetime.fromisoformat(data["registered_at"]),
            confirmed_shrink=bool(data.get("confirmed_shrink", False)),
        )


@dataclass(frozen=True, slots=True)
class Registered:
    """What :meth:`VersionRegistry.register` did: the record, is it new, the guard's check."""

    record: VersionRecord
    new: bool
    previous: VersionRecord | None
    shrink: ShrinkCheck | None


def _order(r: VersionRecord) -> tuple[date, datetime]:
    return (r.version or date.min, r.registered_at)


class VersionRegistry:
    """The register of list versions in one JSON file (created on first registration)."""

    def __init__(self, path: str | Path = DEFAULT_PATH) -> None:
        self.path = Path(path)

    # ---- reading -------------------------------------------------------------------

    def records(self) -> tuple[VersionRecord, ...]:
        """Every registered version, in the order registered."""
        if not self.path.exists() and not self.path.is_symlink():
            return ()
        try:
            data = loads(read_input(self.path).decode("utf-8"))
            return tuple(VersionRecord.from_json(r) for r in data["versions"])
        except (ValueError, KeyError, TypeError, RecursionError) as exc:
            raise InputError(
                [
                    Problem(
                        str(self.path),
                        "$.versions",
                        "(file)",
                        f"not a list-version register: {exc}",
                        '{"format": 1, "versions": [...]} as written by the workbench',
                    )
                ]
            ) from None

    def versions_of(self, name: str) -> tuple[VersionRecord, ...]:
        """The registered versions of list ``name``, oldest first."""
        return tuple(sorted((r for r in self.records() if r.name == name), key=_order))

    def find(self, name: str, content_hash: str) -> VersionRecord | None:
        return next(
            (r for r in self.records() if r.name == name and r.content_hash == content_hash),
            None,
        )

    def previous(self, lst: ScreeningList) -> VersionRecord | None:
        """The version the guard compares ``lst`` with: the newest one dated on or before it."""
        others = [r for r in self.versions_of(lst.name) if r.content_hash != lst.content_hash]
        if lst.version is not None:
            others = [r for r in others if r.version is None or r.version <= lst.version]
        return others[-1] if others else None

    # ---- writing -------------------------------------------------------------------

    def register(
        self, lst: ScreeningList, *, confirm: bool = False, now: datetime | None = None
    ) -> Registered:
        """Record ``lst`` (once per content hash) after the sanity guard.

        Raises
        ------
        InputError
            When ``lst`` lost more than 10% of the previous version's entries and
            ``confirm`` is false; nothing is recorded then.
        """
        with self._locked():
            known = self.find(lst.name, lst.content_hash)
            if known is not None:
                return Registered(known, False, self.previous(lst), None)
            prev = self.previous(lst)
            shrink = None
            if prev is not None:
                shrink = check_shrink(
                    lst.name,
                    prev.version_text,
                    prev.entries,
                    lst.version.isoformat() if lst.version else None,
                    lst.entry_count,
                    confirm=confirm,
                )
                if shrink.refused:
                    raise refuse(shrink, lst.source or lst.name)
            when = now or datetime.now(UTC)
            record = VersionRecord.of(lst, when, bool(shrink and shrink.shrinks))
            self._write([*self.records(), record])
            return Registered(record, True, prev, shrink)

    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        lock = self.path.with_name(self.path.name + ".lock")
        with open(lock, "a") as fh:
            fcntl.flock(fh, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(fh, fcntl.LOCK_UN)

    def _write(self, records: list[VersionRecord]) -> None:
        text = json.dumps(
            {"format": FORMAT, "versions": [r.to_json() for r in records]},
            ensure_ascii=False,
            indent=1,
        )
        fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=self.path.name, suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text + "\n")
        os.replace(tmp, self.path)
