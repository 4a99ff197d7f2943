"""Reading plain data (parsed JSON, or sheets turned into dicts) field by field.

A :class:`FieldReader` reads one value at a time at a :data:`DataPath` and, when
the value is missing or of the wrong kind, reports a problem at the place the
reader's *locator* gives for that path: a JSON path for JSON files, a
``sheet!cell`` for the Excel questionnaire. Readers never raise, so a whole
file is checked before anything fails.

Examples
--------
>>> from workbench.errors import ProblemCollector
>>> c = ProblemCollector("p.json")
>>> r = FieldReader(c, json_path)
>>> r.day({"end": "2024-13-45"}, ("people", 2, "affiliations", 0), "end") is None
True
>>> c.problems[0].location, c.problems[0].message
('$.people[2].affiliations[0].end', "no such date '2024-13-45'")
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from datetime import date
from enum import StrEnum
from typing import Any, TypeVar

from workbench.errors import ProblemCollector
from workbench.input_files import MAX_FIELD_CHARS, clip
from workbench.output_text import has_controls, strip_controls
from workbench.publications.files import describe

E = TypeVar("E", bound=StrEnum)
#: A place in the data: keys and list indexes from the top, e.g. ("people", 2, "side").
DataPath = tuple[str | int, ...]
Locator = Callable[[DataPath], str]

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_EARLIEST = date(1900, 1, 1)


class Invalid:
    """A value that a format reader already reported as bad; validation skips it quietly."""

    def __repr__(self) -> str:
        return "INVALID"


INVALID = Invalid()


def json_path(path: DataPath) -> str:
    """The JSON path of a place in the data.

    Examples
    --------
    >>> json_path(("people", 2, "affiliations", 0, "end"))
    '$.people[2].affiliations[0].end'
    """
    return "$" + "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in path)


def _field(path: DataPath) -> str:
    """The field a path ends in (a list index names its list's record)."""
    names = [p for p in path if isinstance(p, str)]
    return names[-1] if names else "(document)"


class FieldReader:
    """Reads fields of plain data, reporting every problem it meets to one collector."""

    def __init__(self, collector: ProblemCollector, locate: Locator) -> None:
        self.c = collector
        self.locate = locate

    # -- problems --------------------------------------------------------------------------
    def error(self, path: DataPath, message: str, expected: str | None = None) -> None:
        self.c.error(self.locate(path), _field(path), message, expected)

    def warn(self, path: DataPath, message: str, expected: str | None = None) -> None:
        self.c.warning(self.locate(path), _field(path), message, expected)

    # -- field readers: each returns the value, or None after reporting -------------------
    def obj(self, value: object, path: DataPath, allowed: tuple[str, ...]) -> dict[str, Any] | None:
        if not isinstance(value, dict):
            self.error(path, f"got {describe(value)}", "an object")
            return None
        for key in value:
            if key not in allowed and not str(key).startswith("_"):
                self.warn((*path, key), "unknown field, ignored", "one of: " + ", ".join(allowed))
        return value

    def text(
        self, obj: Mapping[str, Any], path: DataPath, key: str, required: bool = False
    ) -> str | None:
        value = obj.get(key)
        if value is INVALID:
            return None
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                self.error((*path, key), "missing", "non-empty text")
            return None
        if not isinstance(value, str):
            self.error((*path, key), f"got {describe(value)}", "text")
            return None
        return self._clean((*path, key), value).strip()

    def _clean(self, path: DataPath, value: str) -> str:
        """``value`` without control characters and cut to a sane length, each with a warning."""
        if has_controls(value, bidi=False):
            self.warn(path, "control characters removed", "plain text")
            value = strip_controls(value)
        value, cut = clip(value)
        if cut:
            self.warn(path, f"text longer than {MAX_FIELD_CHARS:,} characters cut", "a name")
        return value

    def flag(self, obj: Mapping[str, Any], path: DataPath, key: str, default: bool) -> bool:
        value = obj.get(key)
        if value is None or value is INVALID:
            return default
        if not isinstance(value, bool):
            self.error((*path, key), f"got {describe(value)}", "true or false")
            return default
        return value

    def choice(
        self,
        obj: Mapping[str, Any],
        path: DataPath,
        key: str,
        enum: type[E],
        default: E | None = None,
    ) -> E | None:
        value = obj.get(key)
        allowed = " or ".join(repr(e.value) for e in enum)
        if value is INVALID:
            return None
        if value is None:
            if default is None:
                self.error((*path, key), "missing", allowed)
            return default
        try:
            return enum(value)
        except ValueError:
            self.error((*path, key), f"unknown value {value!r}", allowed)
            return None

    def day(self, obj: Mapping[str, Any], path: DataPath, key: str) -> date | None:
        value = obj.get(key)
        if value is None or value is INVALID or value == "":
            return None
        expected = "a date YYYY-MM-DD"
        if not isinstance(value, str) or not _ISO_DATE.fullmatch(value.strip()):
            self.error((*path, key), f"got {describe(value)}", expected)
            return None
        try:
            parsed = date.fromisoformat(value.strip())
        except ValueError:
            self.error((*path, key), f"no such date {value!r}", expected)
            return None
        if parsed < _EARLIEST:
            self.error((*path, key), f"implausible date {value!r}", "a date after 1900-01-01")
            return None
        return parsed

    def items(self, obj: Mapping[str, Any], path: DataPath, key: str) -> list[Any]:
        value = obj.get(key)
        if value is None or value is INVALID:
            return []
        if not isinstance(value, list):
            self.error((*path, key), f"got {describe(value)}", "a list")
            return []
        return value

    def identifier(
        self,
        obj: Mapping[str, Any],
        path: DataPath,
        key: str,
        normalise: Callable[[object], str | None],
        expected: str,
    ) -> str | None:
        value = obj.get(key)
        if value is INVALID:
            return None
        try:
            return normalise(value)
        except ValueError as exc:
            self.error((*path, key), str(exc), expected)
            return None
