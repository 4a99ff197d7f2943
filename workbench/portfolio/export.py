"""Any portfolio table as a CSV or Excel file, with data kept as data.

Paths of the server's files (the ``path``, ``source`` and ``file`` columns, and any
absolute path inside a text such as a problem's message) are written without the
server's folders: the proposal folder, list or file name and its parent, never an
absolute path.

Text that looks like a spreadsheet formula (``=HYPERLINK(...)``, ``+1``,
``@SUM``) is written as plain text in Excel, never as a formula, is quoted
with ``'`` in CSV (the OWASP rule), and
characters Excel cannot store are dropped.

Examples
--------
>>> import pandas as pd
>>> table_bytes(pd.DataFrame({"name": ["a", "=1+1"]}), "csv").decode()
"name\\na\\n'=1+1\\n"
>>> from openpyxl import load_workbook
>>> import io
>>> ws = load_workbook(io.BytesIO(table_bytes(pd.DataFrame({"n": ["=1+1"]}), "xlsx"))).active
>>> ws["A2"].value, ws["A2"].data_type
('=1+1', 's')
"""

from __future__ import annotations

import io
import re

import pandas as pd
from openpyxl import Workbook

from workbench.output_text import neutralise_frame, text_cell

FORMATS = {
    "csv": "text/csv",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _cell(value: object) -> object:
    if value is None or (not isinstance(value, str) and pd.isna(value)):  # type: ignore[call-overload]
        return None
    if isinstance(value, str):
        return _ILLEGAL.sub("", value)
    if hasattr(value, "item"):
        return value.item()  # numpy scalar
    return value


#: columns that hold paths of the server's files
PATH_COLUMNS = ("path", "source", "file")
_ABSOLUTE = re.compile(r"^(/|[A-Za-z]:[\\/]|\\\\)")


def without_server_path(value: object) -> object:
    """An absolute path cut to its last two parts; anything else as it is.

    >>> without_server_path("/srv/review/data/proposals/ASPIRE-2025-D-001")
    'proposals/ASPIRE-2025-D-001'
    >>> without_server_path("data/lists/csl.csv"), without_server_path(None)
    ('data/lists/csl.csv', None)
    """
    if not isinstance(value, str) or not _ABSOLUTE.match(value):
        return value
    parts = [p for p in re.split(r"[\\/]", value) if p]
    return "/".join(parts[-2:])


#: an absolute path inside a text (not part of an address, a relative path or a date)
_PATH_IN_TEXT = re.compile(r"(?<![\w/.:~-])(?:/[^\s'\"/:;,()]+){2,}")


def without_server_paths(value: object) -> object:
    """Every absolute path inside a text cut to its last two parts.

    >>> without_server_paths("could not read /srv/data/proposals/P-1/works.json: bad")
    'could not read P-1/works.json: bad'
    >>> without_server_paths("see https://www.meti.go.jp/press/2025/x.html and data/lists/a")
    'see https://www.meti.go.jp/press/2025/x.html and data/lists/a'
    """
    if not isinstance(value, str) or "/" not in value:
        return value
    return _PATH_IN_TEXT.sub(lambda m: str(without_server_path(m.group(0))), value)


def for_export(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with the server's folders taken out of its path columns and its texts."""
    paths = {c: frame[c].map(without_server_path) for c in PATH_COLUMNS if c in frame.columns}
    texts = {
        c: frame[c].map(without_server_paths)
        for c in frame.columns
        if c not in paths and (frame[c].dtype == object or str(frame[c].dtype).startswith("str"))
    }
    changed = {**texts, **paths}
    return frame.assign(**changed) if changed else frame


def table_bytes(frame: pd.DataFrame, fmt: str, sheet: str = "table") -> bytes:
    """``frame`` as the bytes of a CSV (UTF-8) or Excel file, without server paths."""
    frame = for_export(frame)
    if fmt == "csv":
        return neutralise_frame(frame).to_csv(index=False).encode("utf-8")
    if fmt != "xlsx":
        raise ValueError(f"unknown format {fmt!r}; expected csv or xlsx")
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = sheet[:31]
    ws.append([str(c) for c in frame.columns])
    for row in frame.itertuples(index=False):
        ws.append([_cell(v) for v in row])
    for cells in ws.iter_rows(min_row=2):
        for c in cells:
            text_cell(c)  # text that looks like a formula stays text
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
