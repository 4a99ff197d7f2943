"""Write the Excel questionnaire template, empty or filled from a proposal.

Examples
--------
>>> import tempfile
>>> from pathlib import Path
>>> from openpyxl import load_workbook
>>> out = write_template(Path(tempfile.mkdtemp()) / "q.xlsx")
>>> for name in load_workbook(out).sheetnames:
...     print(name)
説明 Instructions
提案 Proposal
研究者 People
所属 Affiliations
協力機関 Organizations
出資者 Investors
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from workbench.atomic import atomic_path
from workbench.model import Person, Proposal
from workbench.output_text import text_cell
from workbench.questionnaire.layout import (
    AFFILIATIONS,
    INSTRUCTION_LINES,
    INSTRUCTIONS,
    INVESTORS,
    NO,
    ORGANIZATIONS,
    PEOPLE,
    PROPOSAL,
    YES,
    Column,
    Sheet,
    choice_label,
)

HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
HEADER_FONT = Font(bold=True)
DATE_FORMAT = "yyyy-mm-dd"
#: Rows below the data that still get drop-downs, for records added by hand.
SPARE_ROWS = 200

Cell = str | bool | date | None


def write_template(path: str | Path, proposal: Proposal | None = None, *, lang: str = "ja") -> Path:
    """Write the questionnaire workbook to ``path``: empty, or filled from ``proposal``.

    Headers are in both languages; the drop-downs and the choices filled in show
    ``lang``'s labels (日本側 / オランダ側, はい / いいえ … or Japanese side / Dutch
    side, yes / no …), which read back in either language.

    Reading the written file with :func:`~workbench.questionnaire.read_questionnaire`
    gives back a proposal equal to ``proposal`` (apart from its ``source``).
    """
    path = Path(path)
    wb = Workbook()
    _instructions(wb.active)
    _proposal_sheet(wb.create_sheet(PROPOSAL.name), proposal)
    people = proposal.people if proposal else ()
    orgs = proposal.organizations if proposal else ()
    _records(wb.create_sheet(PEOPLE.name), PEOPLE, [_person_row(p) for p in people], lang)
    _records(
        wb.create_sheet(AFFILIATIONS.name),
        AFFILIATIONS,
        [
            [
                p.id,
                a.organization,
                a.country,
                a.type.value,
                _yn(a.is_research_institution),
                a.start,
                a.end,
            ]
            for p in people
            for a in p.affiliations
        ],
        lang,
    )
    _records(
        wb.create_sheet(ORGANIZATIONS.name),
        ORGANIZATIONS,
        [
            [o.id, o.name, o.name_local, o.country, o.role.value, _yn(o.receives_funding)]
            for o in orgs
        ],
        lang,
    )
    _records(
        wb.create_sheet(INVESTORS.name),
        INVESTORS,
        [[o.id, i.name, i.country, _yn(i.clearly_identified)] for o in orgs for i in o.investors],
        lang,
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    with atomic_path(path) as tmp:
        wb.save(tmp)
    return path


def _yn(value: bool) -> str:
    return YES if value else NO


def _person_row(p: Person) -> list[Cell]:
    return [
        p.id, p.name, p.name_local, p.side.value, p.role, p.lab_of, p.lab_site,
        _yn(p.involved_in_research), _yn(p.accesses_research_information), p.residency.value,
        _yn(p.specific_category), p.specific_category_note, p.orcid, p.openalex_id,
    ]  # fmt: skip


def _instructions(ws: Worksheet) -> None:
    ws.title = INSTRUCTIONS
    ws.column_dimensions["A"].width = 120
    for r, (text, style) in enumerate(INSTRUCTION_LINES, start=1):
        cell = ws.cell(row=r, column=1, value=text or None)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        if style == "title":
            cell.font = Font(bold=True, size=14)
        elif style == "head":
            cell.font = Font(bold=True)
            cell.fill = HEADER_FILL
        elif style == "en":
            cell.font = Font(color="555555")


def _header(ws: Worksheet, columns: Sequence[Column]) -> None:
    for c, col in enumerate(columns, start=1):
        cell = ws.cell(row=1, column=c, value=col.header)
        cell.font = HEADER_FONT
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        if col.note:
            cell.comment = Comment(col.note, "JST")
        ws.column_dimensions[get_column_letter(c)].width = col.width
    ws.row_dimensions[1].height = 32


def _proposal_sheet(ws: Worksheet, proposal: Proposal | None) -> None:
    """A form: one field per row, label in column A and value in column B."""
    _header(
        ws,
        [
            Column("label", "項目", "Field", width=28),
            Column("value", "値", "Value", width=60),
        ],
    )
    ws.freeze_panes = "B2"
    for r, col in enumerate(PROPOSAL.columns, start=2):
        ws.cell(row=r, column=1, value=col.header).font = HEADER_FONT
        value = getattr(proposal, col.key) if proposal else None
        cell = text_cell(ws.cell(row=r, column=2, value=value))
        if col.kind == "date":
            cell.number_format = DATE_FORMAT
            _validate(ws, col, f"B{r}")


def _records(ws: Worksheet, sheet: Sheet, rows: Iterable[Sequence[Cell]], lang: str = "ja") -> None:
    _header(ws, sheet.columns)
    ws.freeze_panes = "B2"
    n = 1
    for n, values in enumerate(rows, start=2):
        for c, (col, value) in enumerate(zip(sheet.columns, values, strict=True), start=1):
            if col.kind in ("choice", "bool") and isinstance(value, str):
                value = choice_label(value, lang)
            cell = text_cell(ws.cell(row=n, column=c, value=value))
            if col.kind == "date":
                cell.number_format = DATE_FORMAT
    last = n + SPARE_ROWS
    for c, col in enumerate(sheet.columns, start=1):
        letter = get_column_letter(c)
        _validate(ws, col, f"{letter}2:{letter}{last}", lang)
        if col.kind == "date":
            for row in ws.iter_rows(min_row=n + 1, max_row=last, min_col=c, max_col=c):
                row[0].number_format = DATE_FORMAT


def _validate(ws: Worksheet, col: Column, cells: str, lang: str = "ja") -> None:
    """Attach the drop-down (labels in ``lang``) or date check a column asks for."""
    if col.kind in ("choice", "bool"):
        labels = [choice_label(v, lang) for v in col.choices]
        dv = DataValidation(type="list", formula1='"' + ",".join(labels) + '"')
        dv.error = f"{col.header}: " + " / ".join(labels)
    elif col.kind == "date":
        # Excel serial numbers of 1900-01-01 and 2100-12-31.
        dv = DataValidation(type="date", operator="between", formula1="1", formula2="73415")
        dv.error = "日付を YYYY-MM-DD で入力してください / enter a date YYYY-MM-DD"
    elif col.kind == "ref" and col.key in ("lab_of", "person_id"):
        dv = _id_list(PEOPLE)
    elif col.kind == "ref" and col.key == "organization_id":
        dv = _id_list(ORGANIZATIONS)
    else:
        return
    dv.allow_blank = True
    dv.showErrorMessage = True
    dv.errorTitle = col.header
    ws.add_data_validation(dv)
    dv.add(cells)


def _id_list(sheet: Sheet) -> DataValidation:
    """A drop-down of the ids entered in ``sheet``'s first column."""
    dv = DataValidation(type="list", formula1=f"{quote_sheetname(sheet.name)}!$A$2:$A$1000")
    dv.error = f"{sheet.name} の ID / an ID from {sheet.name}"
    return dv
