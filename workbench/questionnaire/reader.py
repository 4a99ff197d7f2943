"""Read a filled questionnaire workbook back into a :class:`~workbench.model.Proposal`.

The sheets are turned into the plain data of the JSON questionnaire and
validated by :func:`workbench.proposal.proposal_from_data`, so both formats
obey the same rules; every problem names the sheet and cell
(``研究者 People!D7``) and the field.

Sheets and columns are found by name, in either language (``People`` or
``研究者 People``; ``Side``, ``日本側・オランダ側`` or the bilingual header), so
reordered columns still read. A missing sheet or column is reported before any
cell is read. Yes/no cells also accept はい/いいえ and TRUE/FALSE; dates may
be Excel dates or text ``YYYY-MM-DD`` (``YYYY/MM/DD`` too).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import from_excel

from workbench.errors import InputError, ProblemCollector
from workbench.model import Loaded, Proposal
from workbench.proposal import proposal_from_data, report_for
from workbench.questionnaire.fields import INVALID, DataPath, json_path
from workbench.questionnaire.layout import (
    AFFILIATIONS,
    INVESTORS,
    NO_WORDS,
    ORGANIZATIONS,
    PEOPLE,
    PROPOSAL,
    SHEETS,
    YES_WORDS,
    Column,
    Sheet,
    choice_value,
)
from workbench.workbooks import open_workbook, sheet_rows

_SLASH_DATE = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})")
_LAST_SERIAL = 73415  # 2100-12-31


def read_questionnaire(path: str | Path) -> Proposal:
    """Read a filled questionnaire workbook; see :func:`read_questionnaire_with_report`."""
    return read_questionnaire_with_report(path).value


def read_questionnaire_with_report(path: str | Path) -> Loaded[Proposal]:
    """Read a filled questionnaire workbook, with the warnings of its load.

    Raises
    ------
    InputError
        With every problem found, each naming the file, ``sheet!cell`` and field.
    """
    path = Path(path)
    c = ProblemCollector(str(path))
    proposal = None
    book = _Book(c)
    data = book.read(path)
    if data is not None:
        proposal = proposal_from_data(data, c, book.locate, source=str(path))
    c.raise_if_errors()
    assert proposal is not None
    return Loaded(proposal, report_for(proposal, c))


class _Book:
    """The data of one workbook and, for every data path, the cell it came from."""

    def __init__(self, c: ProblemCollector) -> None:
        self.c = c
        self.cells: dict[DataPath, str] = {}

    def locate(self, path: DataPath) -> str:
        while path:
            if path in self.cells:
                return self.cells[path]
            path = path[:-1]
        return json_path(path)

    def read(self, path: Path) -> dict[str, Any] | None:
        try:
            wb = open_workbook(path, self.c.file)
        except InputError as exc:
            self.c.problems.extend(exc.problems)
            return None
        try:
            rows = {}
            for sheet in (PROPOSAL, *SHEETS):
                ws = next((wb[t] for t in wb.sheetnames if sheet.matches(t)), None)
                if ws is None:
                    names = ", ".join(s.name for s in (PROPOSAL, *SHEETS))
                    self.c.error(sheet.name, "(sheet)", "missing sheet", f"the sheets {names}")
                    continue
                rows[sheet.name], note = sheet_rows(ws)
                if note:
                    self.c.warning(sheet.name, "(dimension)", note, "a correct <dimension>")
        finally:
            wb.close()
        if self.c.errors:
            return None
        top = self._proposal(rows[PROPOSAL.name])
        columns = {s.name: self._columns(s, rows[s.name]) for s in SHEETS}
        if self.c.errors:
            return None
        people = self._records(PEOPLE, rows[PEOPLE.name], columns[PEOPLE.name])
        orgs = self._records(ORGANIZATIONS, rows[ORGANIZATIONS.name], columns[ORGANIZATIONS.name])
        top["people"], top["organizations"] = people, orgs
        self._children(AFFILIATIONS, rows[AFFILIATIONS.name], columns[AFFILIATIONS.name], people)
        self._children(INVESTORS, rows[INVESTORS.name], columns[INVESTORS.name], orgs)
        return top

    # -- sheets -------------------------------------------------------------------------------
    def _proposal(self, rows: list[tuple[Any, ...]]) -> dict[str, Any]:
        """The form sheet: labels in column A, values in column B."""
        top: dict[str, Any] = {}
        for col in PROPOSAL.columns:
            r = next(
                (
                    r
                    for r, row in enumerate(rows, start=1)
                    if r > 1 and row and isinstance(row[0], str) and col.matches(row[0])
                ),
                None,
            )
            if r is None:
                self.c.error(f"{PROPOSAL.name}!A", col.key, "missing row", f"a row '{col.header}'")
                continue
            row = rows[r - 1]
            place = f"{PROPOSAL.name}!B{r}"
            self.cells[(col.key,)] = place
            top[col.key] = self._value(col, row[1] if len(row) > 1 else None, place)
        return top

    def _columns(self, sheet: Sheet, rows: list[tuple[Any, ...]]) -> list[int]:
        """Index of each of the sheet's columns in its header row; problems for missing ones."""
        header = [
            " ".join(str(h).split()) if h is not None else "" for h in (rows[0] if rows else ())
        ]
        found: list[int] = []
        for col in sheet.columns:
            i = next((i for i, h in enumerate(header) if h and col.matches(h)), -1)
            if i < 0:
                self.c.error(
                    f"{sheet.name}!1:1", col.key, "missing column", f"a column '{col.header}'"
                )
            found.append(i)
        for i, h in enumerate(header):
            if h and i not in found:
                place = f"{sheet.name}!{get_column_letter(i + 1)}1"
                self.c.warning(place, h, "unknown column, ignored", "a column of the template")
        return found

    def _rows(
        self, sheet: Sheet, rows: list[tuple[Any, ...]], where: list[int]
    ) -> Iterator[tuple[int, dict[str, Any], dict[str, str]]]:
        """(row number, {key: value}, {key: cell}) for every non-blank data row."""
        for r, row in enumerate(rows[1:], start=2):
            if all(v is None or (isinstance(v, str) and not v.strip()) for v in row):
                continue
            record: dict[str, Any] = {}
            places: dict[str, str] = {}
            for col, i in zip(sheet.columns, where, strict=True):
                place = f"{sheet.name}!{get_column_letter(i + 1)}{r}"
                places[col.key] = place
                record[col.key] = self._value(col, row[i] if i < len(row) else None, place)
            yield r, record, places

    def _records(
        self, sheet: Sheet, rows: list[tuple[Any, ...]], where: list[int]
    ) -> list[dict[str, Any]]:
        group = "people" if sheet is PEOPLE else "organizations"
        self.cells[(group,)] = sheet.name
        records: list[dict[str, Any]] = []
        for r, record, places in self._rows(sheet, rows, where):
            i = len(records)
            self.cells[(group, i)] = f"{sheet.name}!A{r}"
            for key, place in places.items():
                self.cells[(group, i, key)] = place
            records.append(record)
        return records

    def _children(
        self,
        sheet: Sheet,
        rows: list[tuple[Any, ...]],
        where: list[int],
        parents: list[dict[str, Any]],
    ) -> None:
        """Attach each row of a child sheet to the parent record its first column names."""
        assert sheet.parent is not None
        ref, group = sheet.parent
        child = "affiliations" if group == "people" else "investors"
        index: dict[str, int] = {}
        for i, p in enumerate(parents):
            if isinstance(p.get("id"), str):
                index.setdefault(p["id"], i)
        parent_sheet = PEOPLE if group == "people" else ORGANIZATIONS
        for r, record, places in self._rows(sheet, rows, where):
            pid = record.pop(ref)
            if pid is INVALID:
                continue
            if pid is None or pid not in index:
                message = "missing" if pid is None else f"no record with id {pid!r}"
                self.c.error(places[ref], ref, message, f"an ID from {parent_sheet.name}")
                continue
            i = index[pid]
            items = parents[i].setdefault(child, [])
            j = len(items)
            self.cells[(group, i, child, j)] = f"{sheet.name}!A{r}"
            for key, place in places.items():
                self.cells[(group, i, child, j, key)] = place
            items.append(record)

    # -- cells --------------------------------------------------------------------------------
    def _value(self, col: Column, value: object, place: str) -> object:
        """A cell's value as the JSON questionnaire would hold it (or INVALID after a problem)."""
        if isinstance(value, str):
            value = value.strip()
            if not value:
                return None
        if value is None:
            return None
        if col.kind == "bool":
            if isinstance(value, bool):
                return value
            word = str(value).casefold()
            if word in YES_WORDS or word in NO_WORDS:
                return word in YES_WORDS
            self.c.error(place, col.key, f"got {value!r}", "yes or no")
            return INVALID
        if col.kind == "date":
            return self._date(col, value, place)
        if col.kind == "choice" and isinstance(value, str):
            return choice_value(value, col.choices) or value  # the loader names a bad value
        if isinstance(value, datetime):
            return value.date().isoformat()
        if isinstance(value, float) and value.is_integer():
            return str(int(value))
        if isinstance(value, int | float) and not isinstance(value, bool):
            return str(value)
        return value

    def _date(self, col: Column, value: object, place: str) -> object:
        if isinstance(value, datetime):
            return value.date().isoformat()
        if isinstance(value, date):
            return value.isoformat()
        if isinstance(value, int | float) and not isinstance(value, bool):
            if 1 <= value <= _LAST_SERIAL:
                converted = from_excel(value)
                if isinstance(converted, datetime):
                    return converted.date().isoformat()
            self.c.error(place, col.key, f"got number {value!r}", "a date YYYY-MM-DD")
            return INVALID
        if isinstance(value, str):
            m = _SLASH_DATE.fullmatch(value)
            if m:
                return f"{m.group(1)}-{int(m.group(2)):02d}-{int(m.group(3)):02d}"
        return value
