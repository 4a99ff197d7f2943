"""Reading Excel workbooks from outside: bounded, and every row that exists.

A workbook is a zip of XML parts. :func:`open_workbook` refuses a file whose
parts inflate beyond :data:`~workbench.input_files.MAX_EXPANDED_BYTES` (a small
file padded with compressible whitespace) before parsing anything.
:func:`sheet_rows` reads the rows a sheet *holds*, not the ones its
``<dimension>`` element declares: openpyxl's read-only mode trusts that
element, so a stale one silently drops the rows beyond it, and one declaring
``A1:XFD1048576`` pads every row to 16,384 cells and adds a million empty rows.
When the declaration disagrees with the rows, the caller gets a note to warn with.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

from workbench import input_files
from workbench.errors import InputError, Problem
from workbench.input_files import FILE, read_input

Row = tuple[Any, ...]


def open_workbook(path: Path, label: str, location: str = "file") -> Any:
    """The workbook at ``path`` opened read-only with values, or :class:`InputError`.

    A missing file stays ``FileNotFoundError``. Damage that openpyxl reports in
    many ways (zip, XML, key errors) is one problem: not an Excel workbook.
    """
    from openpyxl import load_workbook

    data = read_input(path, label)

    def refuse(message: str, expected: str = "an .xlsx workbook") -> InputError:
        return InputError([Problem(label, location, FILE, message, expected)])

    if not data.strip():
        raise refuse("not an Excel workbook (empty file)")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            inflated = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise refuse(f"not an Excel workbook ({type(exc).__name__})") from None
    limit = input_files.MAX_EXPANDED_BYTES
    if inflated > limit:
        raise refuse(
            f"its parts inflate to {inflated:,} bytes, more than the {limit:,} read",
            "a workbook of a sensible size",
        )
    try:
        return load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # zip, XML or openpyxl errors: all mean "not a workbook"
        raise refuse(f"not an Excel workbook ({type(exc).__name__})") from None


def sheet_rows(ws: Any) -> tuple[list[Row], str | None]:
    """Every row the sheet holds (trailing empty cells and rows dropped), and a note when its
    declared dimension disagrees with them."""
    declared_rows, declared_cols = ws.max_row, ws.max_column
    ws.reset_dimensions()
    rows: list[Row] = []
    for row in ws.iter_rows(values_only=True):
        cells = list(row)
        while cells and cells[-1] is None:
            cells.pop()
        rows.append(tuple(cells))
    while rows and not rows[-1]:
        rows.pop()
    held_rows, held_cols = len(rows), max((len(r) for r in rows), default=0)
    if declared_rows is None or (held_rows, held_cols) == (declared_rows, declared_cols):
        return rows, None
    if held_rows <= declared_rows and held_cols <= declared_cols:
        return rows, None  # a declaration larger than the data loses nothing
    return rows, (
        f"the sheet declares {declared_rows} row(s) and {declared_cols} column(s) but holds "
        f"{held_rows} and {held_cols}; every row held was read"
    )
