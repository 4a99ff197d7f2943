"""METI End User List in METI's own spreadsheet layout (``.xlsx``).

The header row (found within the first rows of the first sheet that has one)
titles the columns ``No.``, ``国名、地域名 / Country or Region``, ``企業名、組織名 /
Company or Organization``, ``別名 / Also Known As``, ``懸念区分 / Type of WMD``
and ``通常兵器 / Conventional Weapons``; a title may put its Japanese and English
parts on two lines, and columns are recognised by either part. Rows above the
header may carry the revision date. Entries are built exactly as for the
registry JSON (:func:`workbench.lists.meti.build_entry`), with ids
``jp-eul-<No.>``. Places in messages are ``Sheet!C7``.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime
from pathlib import Path
from typing import Any

from workbench.errors import InputError
from workbench.lists.building import ListBuilder
from workbench.lists.meti import (
    COUNTRIES,
    LIST_NAME,
    PUBLISHER,
    build_entry,
    parse_reasons,
    recover_glued_name,
)
from workbench.lists.names import clean_space, split_list
from workbench.lists.reading import FILE, read_raw, version_from_name
from workbench.model import Loaded, ScreeningList
from workbench.workbooks import open_workbook, sheet_rows

#: key -> (column title for messages, words that identify it, required)
XLSX_COLUMNS: dict[str, tuple[str, tuple[str, ...], bool]] = {
    "no": ("No.", (), True),
    "country": ("国名、地域名 / Country or Region", ("国名", "country"), True),
    "name": ("企業名、組織名 / Company or Organization", ("企業名", "company"), True),
    "aliases": ("別名 / Also Known As", ("別名", "also known"), False),
    "wmd": ("懸念区分 / Type of WMD", ("懸念区分", "type of wmd"), False),
    "cw": ("通常兵器 / Conventional Weapons", ("通常兵器", "conventional"), False),
}
HEADER_SEARCH_ROWS = 30
_NO_TITLE = re.compile(r"^(no\.?|番号)$")
_DATES = (
    (re.compile(r"(20\d\d)\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日"), 0),
    (re.compile(r"令和\s*(\d{1,2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日"), 2018),
    (re.compile(r"(20\d\d)[/.-](\d{1,2})[/.-](\d{1,2})"), 0),
)


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, date):
        return value.isoformat()[:10]
    return clean_space(str(value))


def _header_columns(values: tuple[object, ...]) -> dict[str, int]:
    """Which column (0-based) holds which METI field, judged from the titles."""
    found: dict[str, int] = {}
    for col, value in enumerate(values):
        title = unicodedata.normalize("NFKC", _cell_text(value)).lower()
        if not title:
            continue
        for key, (_, words, _) in XLSX_COLUMNS.items():
            if key in found:
                continue
            if (key == "no" and _NO_TITLE.match(title)) or any(w in title for w in words):
                found[key] = col
                break
    return found


def _find_header(rows: list[tuple[object, ...]]) -> tuple[int, dict[str, int]] | None:
    """The 0-based index and columns of the first row titled like METI's header."""
    for index, values in enumerate(rows[:HEADER_SEARCH_ROWS]):
        columns = _header_columns(values)
        if "no" in columns and "name" in columns:
            return index, columns
    return None


def date_in_text(value: object) -> date | None:
    """A date written in a title cell (``2025年9月29日``, ``令和7年9月29日``, ``2025/9/29``).

    >>> date_in_text("外国ユーザーリスト（令和７年９月２９日改正）")
    datetime.date(2025, 9, 29)
    """
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = unicodedata.normalize("NFKC", _cell_text(value))
    for pattern, offset in _DATES:
        m = pattern.search(text)
        if m:
            try:
                return date(int(m[1]) + offset, int(m[2]), int(m[3]))
            except ValueError:
                continue
    return None


def _whole_number(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    text = unicodedata.normalize("NFKC", _cell_text(value)).rstrip(".")
    return int(text) if text.isdigit() else None


def load(path: Path, *, name: str | None = None) -> Loaded[ScreeningList]:
    """Load METI's official spreadsheet layout (``.xlsx``)."""

    from openpyxl.utils import get_column_letter

    raw = read_raw(path)
    build = ListBuilder(raw, name or LIST_NAME, PUBLISHER)
    expected = "an .xlsx workbook in METI's End User List layout"
    if not raw.data.strip():
        build.problems.error("line 1", FILE, "empty file", expected)
        build.problems.raise_if_errors()
    try:
        book = open_workbook(path, raw.label, "line 1")
    except InputError as exc:
        for p in exc.problems:
            message = p.message.replace("not an Excel workbook", "not a readable .xlsx workbook")
            build.problems.error(p.location, p.field, message, expected)
        build.problems.raise_if_errors()
    titles: list[str] = []
    for sheet in book.worksheets:
        rows, note = sheet_rows(sheet)
        if note:
            build.warnings.append(f"{raw.label}: {sheet.title}: {note}")
        found = _find_header(rows)
        if found is None:
            titles.append(sheet.title)
            continue
        index, columns = found
        header_row = index + 1
        for key, (title, _, required) in XLSX_COLUMNS.items():
            if key not in columns:
                place = f"{sheet.title}!{header_row}:{header_row}"
                if required:
                    build.problems.error(
                        place,
                        title,
                        "column missing from the header row",
                        f"a column titled '{title}'",
                    )
                else:
                    build.warnings.append(f"{raw.label}: {place}: no column '{title}'")
        version = next(
            (d for values in rows[:index] for v in values if (d := date_in_text(v))), None
        ) or version_from_name(path.name)
        if version is None:
            build.warnings.append("no version date above the header or in the file name")
        _read_sheet(build, sheet.title, rows, header_row, columns, get_column_letter)
        book.close()
        return build.finish(version)
    book.close()
    build.problems.error(
        f"{titles[0] if titles else 'Sheet1'}!A1",
        "(header)",
        f"no header row in the first {HEADER_SEARCH_ROWS} rows of {len(titles)} sheet(s)",
        "a row titled " + ", ".join(f"'{t}'" for t, _, _ in XLSX_COLUMNS.values()),
    )
    build.problems.raise_if_errors()
    raise AssertionError("unreachable")  # pragma: no cover


def _read_sheet(
    build: ListBuilder,
    sheet: str,
    rows: list[tuple[object, ...]],
    header_row: int,
    columns: dict[str, int],
    letter: Any,
) -> None:
    countries = set(COUNTRIES)

    def cell(values: tuple[object, ...], key: str) -> object:
        col = columns.get(key)
        return values[col] if col is not None and col < len(values) else None

    def ref(key: str, row: int) -> str:
        return f"{sheet}!{letter(columns[key] + 1)}{row}"

    for row, values in enumerate(rows[header_row:], start=header_row + 1):
        if not any(_cell_text(v) for v in values):
            continue
        number_cell = cell(values, "no")
        written = _cell_text(cell(values, "name"))
        country = _cell_text(cell(values, "country"))
        number = _whole_number(number_cell)
        if number is None and not written and not country:
            text = next(t for v in values if (t := _cell_text(v)))
            build.warnings.append(f"{build.raw.label}: {sheet}!{row}:{row}: note ignored: '{text}'")
            continue
        build.read += 1
        if number is None:
            shown = _cell_text(number_cell)
            build.problems.error(
                ref("no", row),
                "No.",
                f"'{shown}' is not a whole number" if shown else "empty",
                "the entry number, e.g. 475",
            )
            continue
        entry_id = f"jp-eul-{number}"
        if not build.claim_id(entry_id, ref("no", row), "No."):
            continue
        if not written:
            glued = recover_glued_name(country, countries)
            if glued is None:
                build.unusable_entry(
                    f"{ref('name', row)} ({entry_id})",
                    XLSX_COLUMNS["name"][0],
                    "empty",
                    "an organization name",
                )
                continue
            country, written = glued
            build.repaired.append(
                f"{entry_id}: name '{written}' recovered from the country "
                f"cell (country '{country}')"
            )
        aliases = split_list(_cell_text(cell(values, "aliases")))
        reasons = parse_reasons(
            f"{_cell_text(cell(values, 'wmd'))} {'CW' if _cell_text(cell(values, 'cw')) else ''}"
        )
        if not reasons and ("wmd" in columns or "cw" in columns):
            build.problems.warning(
                ref("wmd" if "wmd" in columns else "cw", row),
                XLSX_COLUMNS["wmd"][0],
                "no concern code",
                "codes B, C, M, N or CW",
            )
        entry, repairs = build_entry(entry_id, build.list_name, written, aliases, country, reasons)
        build.entries.append(entry)
        build.repaired.extend(repairs)
