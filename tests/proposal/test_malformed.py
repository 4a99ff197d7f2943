"""Every malformed questionnaire is refused with every problem named: file, place, field.

The files live in ``tests/malformed/proposal/`` (the workbooks are built by
``make_xlsx.py`` there). Each expectation is (place, field, words of the message).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.malformed.expect import assert_names_every_problem
from workbench.errors import InputError, Severity
from workbench.proposal import load_proposal, load_proposal_with_report

MALFORMED = Path(__file__).resolve().parents[1] / "malformed" / "proposal"

EXPECTED: dict[str, list[tuple[str, str, str]]] = {
    "truncated.json": [("line 116, column 8", "(json)", "not valid JSON")],
    "empty.json": [("file", "(file)", "empty")],
    "not_utf8.json": [("line 8 (byte 151)", "(encoding)", "not UTF-8")],
    "not_an_object.json": [("$", "(document)", "got a list")],
    "no_people.json": [("$.people", "people", "no people")],
    "wrong_types.json": [
        ("$.title", "title", "got number 42"),
        ("$.submitted", "submitted", "got number 20250620"),
        ("$.people[0].involved_in_research", "involved_in_research", "got text 'yes'"),
        ("$.people[1].affiliations", "affiliations", "got text 'Tohoku University'"),
        ("$.people[2].specific_category", "specific_category", "got number 1"),
        ("$.organizations[0].investors", "investors", "got an object"),
    ],
    "unknown_values.json": [
        ("$.people[0].side", "side", "unknown value 'JA'"),
        ("$.people[0].affiliations[0].type", "type", "unknown value 'main'"),
        ("$.people[2].residency", "residency", "unknown value 'foreign'"),
        ("$.organizations[0].role", "role", "unknown value 'sponsor'"),
    ],
    "bad_dates.json": [
        ("$.people[0].affiliations[0].end", "end", "reversed"),
        ("$.people[1].affiliations[0].start", "start", "no such date '2024-02-30'"),
        ("$.people[2].affiliations[0].end", "end", "got text '31/03/2026'"),
    ],
    "lab_of_nobody.json": [
        ("$.people[1].lab_of", "lab_of", "'p9', who is not a person of this proposal"),
        ("$.people[2].lab_of", "lab_of", "their own lab"),
    ],
    "duplicate_ids.json": [
        ("$.people[2].id", "id", "duplicate id 'p2', already used at $.people[1].id"),
        ("$.organizations[1].id", "id", "duplicate id 'p1', already used at $.people[0].id"),
    ],
    "missing_fields.json": [
        ("$.title", "title", "missing"),
        ("$.people[0].side", "side", "missing"),
        ("$.people[0].affiliations[0].organization", "organization", "missing"),
        ("$.people[1].name", "name", "missing"),
        ("$.people[2].id", "id", "missing"),
        ("$.people[2].role", "role", "missing"),
        ("$.organizations[0].role", "role", "missing"),
        ("$.organizations[0].investors[0].name", "name", "missing"),
    ],
    "bad_identifiers.json": [
        ("$.people[0].orcid", "orcid", "not an ORCID iD: '0000-0001-23'"),
        ("$.people[1].openalex_id", "openalex_id", "not an OpenAlex A… id"),
    ],
    "bad_cells.xlsx": [
        ("提案 Proposal!B6", "submitted", "got text 'someday'"),
        ("研究者 People!D3", "side", "unknown value 'XX'"),
        ("研究者 People!H4", "involved_in_research", "got 'maybe'"),
        ("研究者 People!F5", "lab_of", "'p42', who is not a person"),
        ("所属 Affiliations!G4", "end", "reversed"),
        ("所属 Affiliations!F6", "start", "no such date '2025-13-01'"),
        ("所属 Affiliations!A12", "person_id", "no record with id 'p99'"),
        ("協力機関 Organizations!E2", "role", "unknown value 'sponsor'"),
        ("出資者 Investors!D2", "clearly_identified", "got 'perhaps'"),
    ],
    "missing_sheet.xlsx": [("出資者 Investors", "(sheet)", "missing sheet")],
    "missing_column.xlsx": [("研究者 People!1:1", "role", "missing column")],
    "not_a_workbook.xlsx": [("file", "(file)", "not an Excel workbook")],
    "empty.xlsx": [("file", "(file)", "not an Excel workbook")],
}


def test_the_corpus_is_complete() -> None:
    on_disk = {p.name for p in MALFORMED.iterdir() if p.suffix in (".json", ".xlsx")}
    assert on_disk - {"future_dates.json"} == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_malformed_file_names_every_problem(name: str) -> None:
    path = MALFORMED / name
    with pytest.raises(InputError) as caught:
        load_proposal(path)
    assert_names_every_problem(caught.value, path, EXPECTED[name])


def test_warnings_ride_along_with_the_errors() -> None:
    with pytest.raises(InputError) as caught:
        load_proposal(MALFORMED / "lab_of_nobody.json")
    (warning,) = [p for p in caught.value.problems if p.severity is Severity.WARNING]
    assert (warning.location, warning.field) == ("$.people[3].lab_of", "lab_of")
    assert "'postdoc'" in warning.message


def test_future_dates_load_with_warnings_naming_the_record() -> None:
    path = MALFORMED / "future_dates.json"
    loaded = load_proposal_with_report(path)
    assert len(loaded.value.people) == 3
    starts = [
        f"warning: {path}: {place}: "
        for place in ("$.people[1].affiliations[0].start", "$.people[2].affiliations[1].end")
    ]
    assert len(loaded.report.warnings) == 2
    for start, warning in zip(starts, loaded.report.warnings, strict=True):
        assert warning.startswith(start)
        assert "after the submission date 2025-06-20" in warning


def test_bad_identifier_checksum_is_only_a_warning() -> None:
    with pytest.raises(InputError) as caught:
        load_proposal(MALFORMED / "bad_identifiers.json")
    warnings = {p.location for p in caught.value.problems if p.severity is Severity.WARNING}
    assert warnings == {"$.people[2].orcid", "$.people[2].resdency"}


def test_the_command_line_prints_problems_without_a_traceback(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    from workbench.cli import main

    status = main(
        ["template", str(tmp_path / "q.xlsx"), "--from", str(MALFORMED / "bad_dates.json")]
    )
    err = capsys.readouterr().err
    assert status == 2
    assert "Traceback" not in err
    assert "$.people[0].affiliations[0].end" in err and "bad_dates.json" in err
    assert not (tmp_path / "q.xlsx").exists()
