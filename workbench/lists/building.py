"""Gathering one list file's entries, repairs, unusable entries and problems.

Every loader fills a :class:`ListBuilder` and ends with :meth:`ListBuilder.finish`,
which raises :class:`~workbench.errors.InputError` when any error was found, so
that a list is either loaded whole or not at all.

Examples
--------
>>> from pathlib import Path
>>> from workbench.lists.reading import RawFile
>>> b = ListBuilder(RawFile(Path("w.csv"), b"name\\nX\\n"), "w", "me")
>>> b.claim_id("w-2", "row 2", "name"), b.claim_id("w-2", "row 3", "name")
(True, False)
>>> str(b.problems.errors[0])
"w.csv: row 3: field 'name': duplicate id 'w-2' (expected unique ids; first at row 2)"
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

from workbench.errors import ProblemCollector
from workbench.input_files import MAX_FIELD_CHARS
from workbench.lists.reading import RawFile
from workbench.model import ListEntry, Loaded, LoadReport, ScreeningList


@dataclass
class ListBuilder:
    """Mutable helper used inside one loader call; never leaves it."""

    raw: RawFile
    list_name: str
    publisher: str
    problems: ProblemCollector = field(init=False)
    entries: list[ListEntry] = field(default_factory=list)
    repaired: list[str] = field(default_factory=list)
    unusable: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    read: int = 0
    _seen: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.problems = ProblemCollector(self.raw.label)

    def claim_id(self, entry_id: str, place: str, field_: str) -> bool:
        """Record an entry id; a second use of it is an error."""
        if entry_id in self._seen:
            self.problems.error(
                place,
                field_,
                f"duplicate id '{entry_id}'",
                f"unique ids; first at {self._seen[entry_id]}",
            )
            return False
        self._seen[entry_id] = place
        return True

    def unusable_entry(self, place: str, field_: str, message: str, expected: str) -> None:
        """An entry that cannot be screened: skipped, and said so in the report."""
        self.unusable.append(
            f"{self.raw.label}: {place}: field '{field_}': {message} (expected {expected})"
        )

    def _clipped(self, entry: ListEntry) -> ListEntry:
        """``entry`` with names longer than :data:`MAX_FIELD_CHARS` cut, and a warning."""
        names = (entry.name, *entry.aliases, *entry.local_names)
        if all(len(n) <= MAX_FIELD_CHARS for n in names):
            return entry
        self.warnings.append(
            f"{self.raw.label}: entry {entry.entry_id}: a name longer than "
            f"{MAX_FIELD_CHARS:,} characters was cut"
        )
        return replace(
            entry,
            name=entry.name[:MAX_FIELD_CHARS],
            aliases=tuple(a[:MAX_FIELD_CHARS] for a in entry.aliases),
            local_names=tuple(n[:MAX_FIELD_CHARS] for n in entry.local_names),
        )

    def finish(self, version: date | None) -> Loaded[ScreeningList]:
        """The loaded list and its report; raises ``InputError`` if any error was found."""
        self.problems.raise_if_errors()
        self.entries = [self._clipped(e) for e in self.entries]
        source = str(self.raw.path)
        screening_list = ScreeningList(
            name=self.list_name,
            publisher=self.publisher,
            version=version,
            source=source,
            entries=tuple(self.entries),
            content_hash=self.raw.sha256,
        )
        report = LoadReport(
            source=source,
            read=self.read,
            repaired=tuple(self.repaired),
            unusable=tuple(self.unusable),
            warnings=tuple(str(p) for p in self.problems.warnings) + tuple(self.warnings),
        )
        return Loaded(screening_list, report)
