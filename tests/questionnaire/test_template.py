"""The Excel questionnaire: a bilingual template that reads back into the same records."""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from workbench.cli import main
from workbench.model import Person, Proposal, Side
from workbench.proposal import load_proposal, load_proposal_with_report
from workbench.questionnaire import read_questionnaire, write_template
from workbench.questionnaire.layout import PEOPLE, SHEETS

SHEET_NAMES = [
    "説明 Instructions",
    "提案 Proposal",
    "研究者 People",
    "所属 Affiliations",
    "協力機関 Organizations",
    "出資者 Investors",
]


@pytest.fixture
def example(fixtures: Path) -> Proposal:
    return load_proposal(fixtures / "proposal" / "proposal.json")


def _same(a: Proposal, b: Proposal) -> bool:
    return dataclasses.replace(a, source="") == dataclasses.replace(b, source="")


def test_empty_template_layout(tmp_path: Path) -> None:
    wb = load_workbook(write_template(tmp_path / "q.xlsx"))
    assert wb.sheetnames == SHEET_NAMES
    people = wb["研究者 People"]
    headers = [c.value for c in people[1]]
    assert headers[:5] == [
        "ID / Person ID",
        "氏名 / Name",
        "氏名（現地表記） / Name (local script)",
        "日本側・オランダ側 / Side",
        "役割 / Role",
    ]
    assert all(" / " in h for h in headers)
    assert people.max_row == 1  # nothing filled in
    for name in SHEET_NAMES[2:]:
        assert wb[name].freeze_panes == "B2"
    assert people.column_dimensions["B"].width == 24
    assert wb["所属 Affiliations"].column_dimensions["B"].width == 40


def _validations(ws: object) -> dict[str, str]:
    """Column letter -> formula of the data validation covering it."""
    found = {}
    for dv in ws.data_validations.dataValidation:  # type: ignore[attr-defined]
        for rng in dv.sqref.ranges:
            found[rng.coord.split(":")[0].rstrip("0123456789")] = dv.formula1
    return found


def test_drop_downs_for_enumerated_fields(tmp_path: Path) -> None:
    wb = load_workbook(write_template(tmp_path / "q.xlsx"))
    people = _validations(wb["研究者 People"])
    assert people["D"] == '"日本側,オランダ側"'
    assert people["E"] == (
        '"研究代表者（PI）,主たる共同研究者（Co-PI）,研究者,ポスドク,学生,技術職員,'
        '秘書・事務職員,外部協力者"'
    )
    assert people["H"] == people["I"] == people["K"] == '"はい,いいえ"'
    assert people["J"] == '"居住者,非居住者"'
    assert people["F"] == "'研究者 People'!$A$2:$A$1000"  # lab_of: an id from the sheet
    affiliations = _validations(wb["所属 Affiliations"])
    assert affiliations["D"] == '"主たる所属,兼務先,過去の所属"'
    assert affiliations["F"] == affiliations["G"] == "1"  # dates from 1900-01-01
    orgs = _validations(wb["協力機関 Organizations"])
    assert orgs["E"] == '"協力機関,共同出資機関,外部協力者"'
    assert orgs["F"] == '"はい,いいえ"'
    assert _validations(wb["出資者 Investors"])["D"] == '"はい,いいえ"'


def test_english_template_drop_downs(tmp_path: Path) -> None:
    wb = load_workbook(write_template(tmp_path / "q.xlsx", lang="en"))
    people = _validations(wb["研究者 People"])
    assert people["D"] == '"Japanese side,Dutch side"'
    assert people["E"] == (
        '"PI,Co-PI,researcher,postdoc,student,technician,secretary,external collaborator"'
    )
    assert people["H"] == '"yes,no"'
    assert people["J"] == '"resident,non-resident"'
    orgs = _validations(wb["協力機関 Organizations"])
    assert orgs["E"] == '"cooperation partner,co-funder,external collaborator"'


@pytest.mark.parametrize(
    ("lang", "side", "yes", "role"),
    [
        ("ja", "日本側", "はい", "外部協力者"),
        ("en", "Japanese side", "yes", "external collaborator"),
    ],
)
def test_filled_template_shows_labels_and_reads_back(
    tmp_path: Path, example: Proposal, lang: str, side: str, yes: str, role: str
) -> None:
    path = write_template(tmp_path / f"q-{lang}.xlsx", example, lang=lang)
    ws = load_workbook(path)["研究者 People"]
    rows = {r[0].value: r for r in ws.iter_rows(min_row=2) if r[0].value}
    assert rows["p1"][3].value == side and rows["p1"][7].value == yes
    assert rows["p8"][4].value == role
    assert _same(read_questionnaire(path), example)


def test_instructions_cite_the_faq_in_both_languages(tmp_path: Path) -> None:
    wb = load_workbook(write_template(tmp_path / "q.xlsx"))
    text = "\n".join(str(c.value) for c in wb["説明 Instructions"]["A"] if c.value)
    for question in ("Q3.2", "Q3.4", "Q3.7", "Q3.8", "Q3.12", "Q3.13"):
        assert question in text
    assert "非居住者" in text and "non-resident" in text
    assert "兼務先" in text and "concurrent post" in text


def test_example_round_trips_through_excel(tmp_path: Path, example: Proposal) -> None:
    path = write_template(tmp_path / "q.xlsx", example)
    again = read_questionnaire(path)
    assert _same(again, example)
    assert again.source == str(path)
    wb = load_workbook(path)
    assert wb["研究者 People"]["D3"].value == "日本側"
    assert wb["所属 Affiliations"]["F2"].value.date() == date(2016, 4, 1)
    assert wb["出資者 Investors"]["B2"].value == "Hebei Sinopack Electronic Technology Co., Ltd."


def test_load_proposal_reads_the_workbook_too(tmp_path: Path, example: Proposal) -> None:
    loaded = load_proposal_with_report(write_template(tmp_path / "q.xlsx", example))
    assert _same(loaded.value, example)
    # Warnings name cells, not JSON paths.
    assert loaded.report.warnings
    assert all("研究者 People!M" in w for w in loaded.report.warnings)


def test_a_small_proposal_round_trips(tmp_path: Path) -> None:
    p = Proposal("X-2", "Small", (Person("p1", "Anna de Vries", Side.NL, "PI"),))
    assert _same(read_questionnaire(write_template(tmp_path / "q.xlsx", p)), p)


def test_what_people_type_in_excel_reads_as_meant(tmp_path: Path, example: Proposal) -> None:
    path = write_template(tmp_path / "q.xlsx", example)
    wb = load_workbook(path)
    people = wb["研究者 People"]
    people["H7"] = "いいえ"  # p6 involved_in_research
    people["I7"] = False  # p6 accesses_research_information, as an Excel boolean
    people["K2"] = "はい"  # p1 specific_category
    people["L2"] = "  cross-appointment  "
    wb["所属 Affiliations"]["F2"] = "2016/4/1"  # a date typed as text
    wb["提案 Proposal"]["B6"] = "2025/06/20"
    people.insert_rows(4)  # a blank row between records is skipped
    wb.save(path)
    p = read_questionnaire(path)
    sato = p.people[0]
    assert sato.specific_category and sato.specific_category_note == "cross-appointment"
    assert sato.affiliations[0].start == date(2016, 4, 1)
    assert p.submitted == date(2025, 6, 20)
    assert [x.id for x in p.people] == [x.id for x in example.people]


def test_columns_and_sheets_are_found_by_name(tmp_path: Path, example: Proposal) -> None:
    path = write_template(tmp_path / "q.xlsx", example)
    wb = load_workbook(path)
    people = wb["研究者 People"]
    people.move_range("D1:D20", cols=20)  # the side column moves to the far right
    people["X1"] = "Side"  # headed in English only
    wb["所属 Affiliations"].title = "Affiliations"
    wb.save(path)
    assert _same(read_questionnaire(path), example)


def test_every_template_column_is_read_back(tmp_path: Path) -> None:
    # Guards the layout: a column the reader ignored would break the round trip silently.
    keys = {c.key for s in SHEETS for c in s.columns}
    assert {"side", "role", "lab_of", "lab_site", "residency", "specific_category_note"} <= keys
    assert [c.key for c in PEOPLE.columns][-2:] == ["orcid", "openalex_id"]


def test_cli_writes_empty_and_filled_templates(
    tmp_path: Path, fixtures: Path, example: Proposal, capsys: pytest.CaptureFixture[str]
) -> None:
    empty, filled = tmp_path / "empty.xlsx", tmp_path / "filled.xlsx"
    assert main(["template", str(empty)]) == 0
    assert load_workbook(empty).sheetnames == SHEET_NAMES
    source = fixtures / "proposal" / "proposal.json"
    assert main(["template", str(filled), "--from", str(source)]) == 0
    assert _same(read_questionnaire(filled), example)
    out = capsys.readouterr()
    assert "wrote" in out.out and "check digit" in out.err  # warnings of the source shown


def test_cli_refuses_to_overwrite_or_to_write_another_format(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "q.xlsx"
    out.write_bytes(b"precious")
    assert main(["template", str(out)]) == 2
    assert out.read_bytes() == b"precious"
    assert main(["template", str(out), "--force"]) == 0
    assert load_workbook(out).sheetnames == SHEET_NAMES
    assert main(["template", str(tmp_path / "q.csv")]) == 2
    assert "--force" in capsys.readouterr().err
