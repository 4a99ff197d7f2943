"""Reading list files: bytes, hash, text, CSV rows, dates in file names.

Every list loader starts here, so that an empty file, binary garbage, a file
in the wrong encoding or a CSV with ragged rows gets the same clear message
whatever the list format.

Rows of a CSV file are numbered as a spreadsheet shows them: the header is
row 1, the first data row is row 2.

Examples
--------
>>> from datetime import date
>>> version_from_name("jp_end_user_list_20250929.json")
datetime.date(2025, 9, 29)
>>> version_from_name("csl_2023-11.csv") is None  # a month alone is not a date
True
>>> split_multi("A; B;; C ", "; ")
('A', 'B', 'C')
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from workbench.errors import ProblemCollector
from workbench.input_files import JsonLimit, read_input

#: Field name used in messages about the file as a whole.
FILE = "(file)"


@dataclass(frozen=True, slots=True)
class RawFile:
    """The bytes of one list file, with its display name and content hash."""

    path: Path
    data: bytes

    @property
    def label(self) -> str:
        """The name used in messages: the file name alone."""
        return self.path.name

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


def read_raw(path: Path) -> RawFile:
    """Read a file's bytes; a FIFO, device, symlink loop or oversized file is an
    :class:`~workbench.errors.InputError` (a missing file stays ``FileNotFoundError``)."""
    return RawFile(path, read_input(path, path.name))


def decode_text(raw: RawFile, problems: ProblemCollector, expected: str) -> str | None:
    """Decode UTF-8 text (a BOM is allowed); report empty, binary or mis-encoded files.

    Returns ``None`` after recording an error when the file cannot be read as text.
    """
    data = raw.data
    if not data.strip():
        problems.error("line 1", FILE, "empty file", expected)
        return None
    if b"\x00" in data[:65536]:
        offset = data.index(b"\x00")
        problems.error(
            f"line {_line_of(data, offset)}",
            FILE,
            f"binary data (NUL byte at offset {offset})",
            expected,
        )
        return None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = _line_of(data, exc.start)
        if exc.reason == "unexpected end of data":
            problems.error(
                f"line {line}",
                FILE,
                "the file ends inside a character (a truncated copy?)",
                expected,
            )
            return None
        hint = "UTF-8 text"
        try:
            data.decode("cp932")
            hint = "UTF-8 text; this looks like Shift_JIS (CP932): save it as 'CSV UTF-8'"
        except UnicodeDecodeError:
            pass
        problems.error(
            f"line {line}",
            "(encoding)",
            f"byte 0x{data[exc.start]:02x} at offset {exc.start} is not UTF-8",
            hint,
        )
        return None


def _line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


@dataclass(frozen=True, slots=True)
class CsvRow:
    """One data row: its spreadsheet row number and its cells keyed by header."""

    number: int
    cells: dict[str, str]
    short: bool = False  # the file ends inside this record


def read_csv(
    text: str, problems: ProblemCollector, *, allow_truncated_end: bool = False
) -> tuple[list[str], list[CsvRow]] | None:
    """Parse CSV text into a header and rows of the header's width.

    Blank rows are skipped. A row of another width is an error, except, when
    ``allow_truncated_end``, a short last record of a file that ends without
    a newline (a truncated copy): that one is returned with ``short=True`` and
    its missing cells empty, for the loader to warn about.
    """
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        records = list(reader)
    except csv.Error as exc:
        problems.error(f"line {reader.line_num}", FILE, f"not readable as CSV: {exc}", "CSV")
        return None
    header = [h.strip() for h in records[0]] if records else []
    if not any(header):
        problems.error("row 1", "(header)", "no header row", "a header row naming the columns")
        return None
    width = len(header)
    truncated = allow_truncated_end and not text.endswith(("\n", "\r"))
    rows: list[CsvRow] = []
    last = len(records) - 1
    for index, record in enumerate(records[1:], start=1):
        number = index + 1
        if not any(cell.strip() for cell in record):
            continue
        short = False
        if len(record) != width:
            if index == last and truncated and len(record) < width:
                short = True
                record = record + [""] * (width - len(record))
            else:
                problems.error(
                    f"row {number}",
                    "(columns)",
                    f"{len(record)} fields",
                    f"{width}, as in the header",
                )
                continue
        rows.append(CsvRow(number, dict(zip(header, record, strict=True)), short))
    return header, rows


def split_multi(value: str, separator: str) -> tuple[str, ...]:
    """Split a joined multi-value field, dropping empty parts and outer spaces."""
    return tuple(p.strip() for p in value.split(separator.strip()) if p.strip())


_DATE_IN_NAME = re.compile(r"(?<!\d)(20\d\d)[-_]?([01]\d)[-_]?([0-3]\d)(?!\d)")


def version_from_name(name: str) -> date | None:
    """A full date written in a file name (``20250929`` or ``2025-09-29``), else ``None``."""
    for match in _DATE_IN_NAME.finditer(name):
        try:
            return date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            continue
    return None


def iso_date(value: str) -> date | None:
    """The date at the start of an ISO text (``2023-11-16`` or ``2023-11-16T10:00:00``)."""
    try:
        return date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None


def lines(text: str) -> Iterator[tuple[int, str]]:
    """Numbered lines (1-based) of a text, without their line ends."""
    return enumerate(text.splitlines(), start=1)


def json_type(value: object) -> str:
    """The JSON name of a parsed value's type (``object``, ``array``, ``string`` …)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int | float):
        return "number"
    if isinstance(value, str):
        return "string"
    return "array" if isinstance(value, list) else "object"


def json_error(
    exc: json.JSONDecodeError | JsonLimit, problems: ProblemCollector, expected: str
) -> None:
    """Record a JSON syntax error at its line and column, saying when the text ends early."""
    if isinstance(exc, JsonLimit):
        problems.error("line 1", "(json)", str(exc), expected)
        return
    message = exc.msg.removesuffix(" starting at")
    if exc.msg.startswith("Unterminated") or not exc.doc[exc.pos :].strip():
        message += "; the file ends before the JSON does (a truncated copy?)"
    problems.error(f"line {exc.lineno} column {exc.colno}", "(json)", message, expected)
