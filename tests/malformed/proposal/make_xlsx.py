"""Build this folder's malformed questionnaire workbooks from the example proposal.

Run from the repository root after changing the template or this script::

    .venv/bin/python tests/malformed/proposal/make_xlsx.py

``tests/proposal/test_malformed.py`` says what each workbook must be reported for.
"""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path

from openpyxl import load_workbook

from workbench.proposal import load_proposal
from workbench.questionnaire import write_template

HERE = Path(__file__).resolve().parent
EXAMPLE = HERE.parents[1] / "fixtures" / "proposal" / "proposal.json"


def build(out: Path) -> list[Path]:
    """Write every malformed workbook into ``out``; returns their paths."""
    with tempfile.TemporaryDirectory() as tmp:
        good = write_template(Path(tmp) / "good.xlsx", load_proposal(EXAMPLE))

        wb = load_workbook(good)
        del wb["出資者 Investors"]
        wb.save(out / "missing_sheet.xlsx")

        wb = load_workbook(good)
        wb["研究者 People"].delete_cols(5)  # the role column
        wb.save(out / "missing_column.xlsx")

        wb = load_workbook(good)
        wb["提案 Proposal"]["B6"] = "someday"  # submitted
        people = wb["研究者 People"]
        people["D3"] = "XX"  # side of p2
        people["H4"] = "maybe"  # involved_in_research of p3
        people["F5"] = "p42"  # lab_of of p4: nobody
        affiliations = wb["所属 Affiliations"]
        affiliations["G4"] = date(2010, 1, 1)  # end before start 2019-10-01
        affiliations["F6"] = "2025-13-01"  # start of p3's post
        affiliations["A12"] = "p99"  # an affiliation of nobody
        wb["協力機関 Organizations"]["E2"] = "sponsor"
        wb["出資者 Investors"]["D2"] = "perhaps"
        wb.save(out / "bad_cells.xlsx")

    (out / "not_a_workbook.xlsx").write_text("id,name,side\np1,Sato Haruki,JP\n")
    (out / "empty.xlsx").write_bytes(b"")
    return sorted(out.glob("*.xlsx"))


if __name__ == "__main__":
    for path in build(HERE):
        print(path.relative_to(HERE.parents[2]))
