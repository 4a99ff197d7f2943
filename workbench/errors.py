"""Problems found in outside input, and the error that carries them.

Every loader collects *all* problems of a file before it fails, so that a
reviewer fixing a file sees every mistake at once, each naming the file, the
place (row, sheet and cell, or JSON path) and the field.

Examples
--------
>>> p = Problem("people.csv", "row 3", "country", "unknown code 'XX'", "ISO 3166 alpha-2")
>>> str(p)
"people.csv: row 3: field 'country': unknown code 'XX' (expected ISO 3166 alpha-2)"
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with one place of one input file."""

    file: str
    location: str
    field: str
    message: str
    expected: str | None = None
    severity: Severity = Severity.ERROR

    def __str__(self) -> str:
        text = f"{self.file}: {self.location}: field '{self.field}': {self.message}"
        if self.expected:
            text += f" (expected {self.expected})"
        if self.severity is Severity.WARNING:
            text = "warning: " + text
        return text


class InputError(ValueError):
    """Raised when an input cannot be used; carries every problem found."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        if not self.problems:
            raise ValueError("InputError needs at least one problem")
        super().__init__(self._text())

    def _text(self) -> str:
        head = f"{len(self.problems)} problem(s) in input"
        return head + ":\n" + "\n".join(f"  - {p}" for p in self.problems)


@dataclass
class ProblemCollector:
    """Mutable helper used *inside* a loader to gather problems for one file.

    Examples
    --------
    >>> c = ProblemCollector("a.json")
    >>> c.error("$.people[0]", "side", "missing", "'JP' or 'NL'")
    >>> c.raise_if_errors()
    Traceback (most recent call last):
    ...
    workbench.errors.InputError: 1 problem(s) in input:
      - a.json: $.people[0]: field 'side': missing (expected 'JP' or 'NL')
    """

    file: str
    problems: list[Problem] = field(default_factory=list)

    def error(self, location: str, field_: str, message: str, expected: str | None = None) -> None:
        self.problems.append(Problem(self.file, location, field_, message, expected))

    def warning(
        self, location: str, field_: str, message: str, expected: str | None = None
    ) -> None:
        self.problems.append(
            Problem(self.file, location, field_, message, expected, Severity.WARNING)
        )

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity is Severity.ERROR)

    @property
    def warnings(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity is Severity.WARNING)

    def raise_if_errors(self) -> None:
        if self.errors:
            raise InputError(self.problems)
