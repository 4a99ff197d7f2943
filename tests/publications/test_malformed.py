"""Every malformed publications file is refused with every problem named: file, place, field.

The files live in ``tests/malformed/publications/``. Each expectation is
(place, field, words of the message).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.malformed.expect import assert_names_every_problem
from workbench.errors import InputError, Severity
from workbench.publications import load_works, load_works_many

MALFORMED = Path(__file__).resolve().parents[1] / "malformed" / "publications"

EXPECTED: dict[str, list[tuple[str, str, str]]] = {
    "truncated.json": [("line 105, column 4", "(json)", "not valid JSON")],
    "empty.json": [("file", "(file)", "empty")],
    "empty.csv": [("file", "(file)", "empty")],
    "not_gzip.json.gz": [("file", "(file)", "not a readable gzip file")],
    "not_a_work.json": [("$", "(document)", "got an object of another kind")],
    "results_not_a_list.json": [("$.results", "results", "got an object")],
    "wrong_types.json": [
        ("$.results[0].publication_date", "publication_date", "got number 20240514"),
        ("$.results[0].authorships[0].author.orcid", "orcid", "not an ORCID iD"),
        ("$.results[1].authorships", "authorships", "got an object"),
        ("$.results[2].doi", "doi", "not a DOI: 'not a doi'"),
        ("$.results[2].authorships[1].institutions[0]", "(institution)", "got text"),
    ],
    "missing_work_id.json": [("$[0].id", "id", "missing"), ("$[1].id", "id", "missing")],
    "bad_date.json": [
        ("$.results[0].publication_date", "publication_date", "no such date '2024-13-45'"),
        ("$.results[1].publication_year", "publication_year", "not a year: 'MMXXI'"),
    ],
    "author_without_name.json": [
        ("$.authorships[1].author.display_name", "display_name", "missing")
    ],
    "bad_lines.jsonl": [
        ("line 2, column 53", "(json)", "not valid JSON"),
        ("line 3: $.id", "id", "missing"),
    ],
    "missing_column.csv": [("row 1", "affiliation", "missing column")],
    "bad_date.csv": [
        ("row 2", "publication_date", "no such date '2024-13-45'"),
        ("row 3", "publication_date", "no such date '2024-13-45'"),
        ("row 4", "publication_date", "no such date '2024-13-45'"),
    ],
    "ragged_row.csv": [("row 3", "(row)", "6 fields")],
    "not_utf8.csv": [("line 3 (byte 297)", "(encoding)", "byte 0xe4 is not UTF-8")],
    "bad_cells.csv": [
        ("row 2", "orcid", "not an ORCID iD: '0000-0001-2345'"),
        ("row 3", "openalex_author_id", "not an OpenAlex A… id: 'W123'"),
        ("row 3", "author_position", "unknown position 'corresponding'"),
        ("row 4", "work_id", "missing"),
        ("row 5", "author_name", "missing"),
    ],
}


def test_the_corpus_is_complete() -> None:
    on_disk = {p.name for p in MALFORMED.iterdir()}
    assert on_disk - {"undated.json"} == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_malformed_file_names_every_problem(name: str) -> None:
    path = MALFORMED / name
    with pytest.raises(InputError) as caught:
        load_works(path)
    assert_names_every_problem(caught.value, path, EXPECTED[name])
    assert all(p.file == str(path) for p in caught.value.problems)


def test_undated_works_load_with_a_warning_each() -> None:
    path = MALFORMED / "undated.json"
    loaded = load_works(path)
    assert [w.date is None for w in loaded.value] == [True, True, False]
    assert len(loaded.report.warnings) == 2
    for wid, warning in zip(("W9000000001", "W9000000002"), loaded.report.warnings, strict=True):
        assert str(path) in warning and wid in warning and "no publication date" in warning


def test_a_batch_reports_the_problems_of_every_file_and_loads_nothing(fixtures: Path) -> None:
    good = fixtures / "publications" / "works.json"
    bad = [MALFORMED / "bad_date.csv", MALFORMED / "wrong_types.json", MALFORMED / "undated.json"]
    with pytest.raises(InputError) as caught:
        load_works_many([good, *bad])
    files = {p.file for p in caught.value.problems if p.severity is Severity.ERROR}
    assert files == {str(bad[0]), str(bad[1])}
    assert len([p for p in caught.value.problems if p.severity is Severity.ERROR]) == 3 + 5
    # The warnings of the readable file come along, so nothing is lost.
    assert any(p.file == str(bad[2]) for p in caught.value.problems)
