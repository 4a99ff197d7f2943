"""Text from data made safe for where it goes: spreadsheets, terminals and file names.

A name in a proposal or a list is data, never an instruction: a cell
beginning with ``=`` must not become a live formula in Excel or in a CSV
opened by a spreadsheet (the OWASP "CSV injection" rule), an escape sequence
must not drive the reviewer's terminal, and a proposal id must not choose
where a file is written.

Examples
--------
>>> neutralise_cell("=cmd|' /C calc'!A0"), neutralise_cell("-1"), neutralise_cell("Kyoto")
("'=cmd|' /C calc'!A0", "'-1", 'Kyoto')
>>> printable("Sato\\x1b[2J Haruki\\u202e")
'Sato[2J Haruki'
>>> safe_stem("../../x/y"), safe_stem("ASP-2025-001"), safe_stem("..")
('x_y', 'ASP-2025-001', 'proposal')
>>> id_problem("../x"), id_problem("ASP 1")
('contains a path separator', None)
"""

from __future__ import annotations

import re
import sys
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager, redirect_stdout
from typing import Any, TextIO

#: Characters that make a spreadsheet read a cell as a formula (OWASP CSV injection).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

#: C0 and C1 controls except tab and newline, and DEL.
_C0_C1 = r"\x00-\x08\x0b-\x1f\x7f-\x9f"
#: Bidi marks, embeddings, overrides and isolates (they reorder what a terminal shows).
_BIDI = r"\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
_CONTROLS = re.compile(f"[{_C0_C1}{_BIDI}]")
_CONTROLS_ONLY = re.compile(f"[{_C0_C1}]")
_UNSAFE_IN_NAME = re.compile(r"[^\w.\-]+")


def neutralise_cell(value: str) -> str:
    """Text a spreadsheet shows as text: a leading formula character is quoted with ``'``."""
    return "'" + value if value.startswith(FORMULA_START) else value


def text_cell(cell: Any) -> Any:
    """An openpyxl cell whose text stays text: never a formula, quoted when it looks like one.

    The value is kept as it is (a reader gets back exactly the text); Excel shows it
    with a quote prefix and never evaluates it.
    """
    if isinstance(cell.value, str):
        cell.data_type = "s"
        if cell.value.startswith(FORMULA_START):
            cell.quotePrefix = True
    return cell


def neutralise_frame(frame: Any) -> Any:
    """A copy of a pandas frame whose text cells are :func:`neutralise_cell`-ed, for CSV."""
    out = frame.copy()
    for column in out.columns:
        if out[column].dtype == object or str(out[column].dtype) in ("string", "str"):
            out[column] = out[column].map(lambda v: neutralise_cell(v) if isinstance(v, str) else v)
    return out


def printable(value: str) -> str:
    """``value`` without control characters (terminal escapes) or bidi overrides; tab and
    newline are kept."""
    return _CONTROLS.sub("", value)


def strip_controls(value: str) -> str:
    """``value`` without C0/C1 control characters (tab and newline kept); bidi marks stay, for
    the matcher to see and report as disguise."""
    return _CONTROLS_ONLY.sub("", value)


def has_controls(value: str, *, bidi: bool = True) -> bool:
    """Whether ``value`` holds a character :func:`printable` would remove (tab and newline
    do not count); ``bidi=False`` looks for C0/C1 controls only."""
    return (_CONTROLS if bidi else _CONTROLS_ONLY).search(value) is not None


def id_problem(value: str) -> str | None:
    """Why ``value`` cannot serve as an identifier that names files, or ``None`` when it can."""
    if "/" in value or "\\" in value:
        return "contains a path separator"
    if has_controls(value) or "\n" in value or "\t" in value:
        return "contains a control character"
    if value.strip() in (".", ".."):
        return "is a relative folder name"
    return None


def safe_stem(value: str, default: str = "proposal") -> str:
    """A file name stem built from ``value``: letters, digits, ``.``, ``-`` and ``_`` only,
    never a path and never hidden."""
    text = unicodedata.normalize("NFKC", printable(value))
    stem = _UNSAFE_IN_NAME.sub("_", text).strip("._")[:120]
    return stem or default


class PrintableStream:
    r"""A text stream that writes everything through :func:`printable`.

    >>> import io
    >>> out = io.StringIO()
    >>> _ = PrintableStream(out).write("Beihang\x1b]0;owned\x07 \u202eUniv\n")
    >>> out.getvalue()
    'Beihang]0;owned Univ\n'
    """

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def write(self, text: str) -> int:
        self.stream.write(printable(text))
        return len(text)

    def flush(self) -> None:
        self.stream.flush()

    def __getattr__(self, name: str) -> Any:
        return getattr(self.stream, name)


@contextmanager
def printable_stdout(enabled: bool = True) -> Iterator[None]:
    """Within it, text printed to standard output carries no terminal escape or bidi
    override (a command's text report of names from data); ``enabled=False``: as is (JSON)."""
    if not enabled:
        yield
        return
    with redirect_stdout(PrintableStream(sys.stdout)):
        yield
