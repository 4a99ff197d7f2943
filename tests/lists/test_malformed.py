"""The malformed-list corpus: every file yields exactly the messages a reviewer needs.

Each file in ``tests/malformed/lists/`` is either refused (``InputError`` with these
problems, in this order) or loaded with the bad entries listed as unusable.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench.errors import InputError
from workbench.lists import load_list, load_lists

CORPUS = Path(__file__).resolve().parents[1] / "malformed" / "lists"
CSL_JSON = 'the trade.gov consolidated screening list JSON ({"results": [...]})'
CSL_CSV = "the trade.gov consolidated screening list CSV"
CUSTOM = "a CSV with the header name,aliases,country,note"
METI_JSON = "a JSON array of METI End User List records"
FTM = "one FollowTheMoney entity (a JSON object) per line"
METI_XLSX_HEADER = (
    "'No.', '国名、地域名 / Country or Region', '企業名、組織名 / Company or Organization', "
    "'別名 / Also Known As', '懸念区分 / Type of WMD', '通常兵器 / Conventional Weapons'"
)

#: file -> the problems it raises, each as printed
REFUSED: dict[str, list[str]] = {
    "meti_truncated.json": [
        "meti_truncated.json: line 2 column 618: field '(json)': Unterminated string; the file "
        f"ends before the JSON does (a truncated copy?) (expected {METI_JSON})"
    ],
    "meti_wrong_top_level.json": [
        f"meti_wrong_top_level.json: $: field '(top level)': a JSON string (expected {METI_JSON})"
    ],
    "meti_duplicate_ids.json": [
        "meti_duplicate_ids.json: $[2]: field 'id': duplicate id 'jp-eul-1' "
        "(expected unique ids; first at $[0])"
    ],
    "meti_bad_fields.json": [
        "meti_bad_fields.json: $[1]: field 'id': missing or empty "
        "(expected an id like 'jp-eul-12')",
        "meti_bad_fields.json: $[2]: field 'aliases': not a list of texts "
        "(expected a JSON array of texts)",
        "meti_bad_fields.json: $[3]: field 'reason': not text "
        "(expected text such as '… M,N; … CW')",
        "meti_bad_fields.json: $[4]: field '(record)': a JSON string (expected a JSON object)",
    ],
    "empty.json": [f"empty.json: line 1: field '(file)': empty file (expected {METI_JSON})"],
    "meti_no_header.xlsx": [
        "meti_no_header.xlsx: Sheet1!A1: field '(header)': no header row in the first 30 rows "
        f"of 1 sheet(s) (expected a row titled {METI_XLSX_HEADER})"
    ],
    "meti_missing_column.xlsx": [
        "meti_missing_column.xlsx: Sheet1!1:1: field '国名、地域名 / Country or Region': column "
        "missing from the header row (expected a column titled '国名、地域名 / Country or Region')"
    ],
    "meti_bad_rows.xlsx": [
        "meti_bad_rows.xlsx: List!A4: field 'No.': 'abc' is not a whole number "
        "(expected the entry number, e.g. 475)",
        "meti_bad_rows.xlsx: List!A5: field 'No.': duplicate id 'jp-eul-1' "
        "(expected unique ids; first at List!A3)",
        "meti_bad_rows.xlsx: List!A6: field 'No.': empty (expected the entry number, e.g. 475)",
    ],
    "not_a_workbook.xlsx": [
        "not_a_workbook.xlsx: line 1: field '(file)': not a readable .xlsx workbook (BadZipFile) "
        "(expected an .xlsx workbook in METI's End User List layout)"
    ],
    "csl_ragged.csv": [
        "csl_ragged.csv: row 4: field '(columns)': 31 fields (expected 29, as in the header)"
    ],
    "csl_missing_column.csv": [
        f"csl_missing_column.csv: row 1: field 'alt_names': column missing from the header "
        f"(expected {CSL_CSV})"
    ],
    "csl_duplicate_id.csv": [
        "csl_duplicate_id.csv: row 4: field '_id': duplicate id 'id1' on sub-list 'Entity List "
        "(EL) - Bureau of Industry and Security' (expected unique ids within a sub-list; "
        "first at row 2)"
    ],
    "csl_json_bad_records.json": [
        "csl_json_bad_records.json: $.results[1]: field 'id': missing or empty "
        "(expected the CSL entry id)",
        "csl_json_bad_records.json: $.results[2].alt_names: field 'alt_names': wrong type "
        "(expected as in the trade.gov JSON)",
        "csl_json_bad_records.json: $.results[3]: field '(record)': a JSON array "
        "(expected an object)",
    ],
    "csl_json_results_not_array.json": [
        "csl_json_results_not_array.json: $.results: field 'results': a JSON object "
        "(expected an array of entries)"
    ],
    "custom_empty_name.csv": [
        "custom_empty_name.csv: row 7: field 'name': empty "
        "(expected the name of the listed organization)"
    ],
    "custom_shift_jis.csv": [
        "custom_shift_jis.csv: line 2: field '(encoding)': byte 0x96 at offset 26 is not UTF-8 "
        "(expected UTF-8 text; this looks like Shift_JIS (CP932): save it as 'CSV UTF-8')"
    ],
    "custom_ragged.csv": [
        "custom_ragged.csv: row 3: field '(columns)': 2 fields (expected 4, as in the header)",
        "custom_ragged.csv: row 4: field '(columns)': 5 fields (expected 4, as in the header)",
    ],
    "custom_no_name_column.csv": [
        "custom_no_name_column.csv: row 1: field 'name': column missing from the header "
        f"(expected {CUSTOM})"
    ],
    "custom_binary.csv": [
        "custom_binary.csv: line 1: field '(file)': binary data (NUL byte at offset 0) "
        f"(expected {CUSTOM})"
    ],
    "empty.csv": [f"empty.csv: line 1: field '(file)': empty file (expected {CUSTOM})"],
    "ftm_not_json.ftm.json": [
        "ftm_not_json.ftm.json: line 2: field '(json)': Expecting property name enclosed in "
        f"double quotes at column 50 (expected {FTM})",
        f"ftm_not_json.ftm.json: line 3: field '(line)': a JSON array (expected {FTM})",
        "ftm_not_json.ftm.json: line 4: $.id: field 'id': missing or empty "
        "(expected the entity id (text))",
        "ftm_not_json.ftm.json: line 5: $.properties: field 'properties': not an object "
        "(expected an object of property lists)",
    ],
    "ftm_duplicate_ids.ftm.json": [
        "ftm_duplicate_ids.ftm.json: line 2: field 'id': duplicate id 'e1' "
        "(expected unique ids; first at line 1)"
    ],
    "unknown_format.txt": [
        "unknown_format.txt: line 1: field '(file)': unknown list format '.txt' "
        "(expected one of .xlsx, .json, .jsonl, .ndjson, .csv)"
    ],
}

#: file -> (entries loaded, the unusable entries as reported)
PARTLY_UNUSABLE: dict[str, tuple[int, list[str]]] = {
    "meti_empty_name.json": (
        2,
        [
            "meti_empty_name.json: $[1] (jp-eul-2): field 'entity_name': empty, and no name "
            "follows the country in 'addresses' (expected an organization name)"
        ],
    ),
    "meti_empty_name.xlsx": (
        1,
        [
            "meti_empty_name.xlsx: List!C3 (jp-eul-4): field '企業名、組織名 / Company or "
            "Organization': empty (expected an organization name)"
        ],
    ),
    "csl_empty_name.csv": (
        1,
        ["csl_empty_name.csv: row 3 (id9): field 'name': empty (expected the listed name)"],
    ),
    "ftm_no_name.ftm.json": (
        1,
        [
            "ftm_no_name.ftm.json: line 2 (e2): field 'name': no caption and no name "
            "(expected a name in 'caption' or properties.name)"
        ],
    ),
}


def test_every_corpus_file_has_its_expected_messages() -> None:
    files = {p.name for p in CORPUS.iterdir() if p.is_file()}
    assert files == set(REFUSED) | set(PARTLY_UNUSABLE)
    assert len(files) >= 15


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_refused_file_names_file_place_and_field(name: str) -> None:
    with pytest.raises(InputError) as caught:
        load_list(CORPUS / name)
    assert [str(p) for p in caught.value.problems] == REFUSED[name]


@pytest.mark.parametrize("name", sorted(PARTLY_UNUSABLE))
def test_unusable_entries_are_skipped_and_reported(name: str) -> None:
    loaded = load_list(CORPUS / name)
    count, unusable = PARTLY_UNUSABLE[name]
    assert loaded.value.entry_count == count
    assert list(loaded.report.unusable) == unusable
    assert loaded.report.read == count + len(unusable)


def test_a_recoverable_glued_name_in_the_same_file_is_repaired() -> None:
    loaded = load_list(CORPUS / "meti_empty_name.json")
    entry = loaded.value.entry("jp-eul-3")
    assert entry is not None
    assert (entry.name, entry.country) == (
        "Recovered Trading Co., Ltd.",
        "People's Republic of China",
    )
    assert loaded.report.repaired == (
        "jp-eul-3: name 'Recovered Trading Co., Ltd.' recovered from addresses "
        "(country 'People's Republic of China')",
    )


def test_batch_load_reports_every_problem_of_every_file(fixtures: Path) -> None:
    good = fixtures / "lists" / "watch_list.csv"
    bad = sorted(REFUSED)
    with pytest.raises(InputError) as caught:
        load_lists([good, *(CORPUS / n for n in bad)])
    expected = [message for n in bad for message in REFUSED[n]]
    assert [str(p) for p in caught.value.problems] == expected
    assert str(caught.value).startswith(f"{len(expected)} problem(s) in input:")


def test_batch_load_of_good_files_returns_them_all(fixtures: Path) -> None:
    names = [
        "watch_list.csv",
        "csl_sample.json",
        "sample_entities.ftm.json",
        "meti_eul_sample.xlsx",
    ]
    loaded = load_lists([fixtures / "lists" / n for n in names])
    assert [x.value.entry_count for x in loaded] == [5, 9, 4, 13]


def test_missing_file_in_a_batch_is_a_problem_not_a_traceback(tmp_path: Path) -> None:
    with pytest.raises(InputError) as caught:
        load_lists([tmp_path / "absent.csv", CORPUS / "empty.csv"])
    assert [str(p) for p in caught.value.problems] == [
        "absent.csv: line 1: field '(file)': No such file or directory (expected a readable file)",
        *REFUSED["empty.csv"],
    ]
