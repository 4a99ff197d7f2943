"""US Consolidated Screening List: the real CSV copies, the shipped copy, and the JSON layout."""

from __future__ import annotations

import csv
import hashlib
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from workbench.lists import load_list
from workbench.lists.csl import LIST_NAME, load_csv
from workbench.model import Loaded, ScreeningList

CSL_FILE = "csl_2023-11.csv"


@pytest.fixture(scope="module")
def shared_csl(shared_raw: Path) -> Loaded[ScreeningList]:
    return load_list(shared_raw / "us_csl_watchman" / CSL_FILE)


@pytest.fixture(scope="module")
def shipped_csl(root: Path) -> Loaded[ScreeningList]:
    return load_list(root / "data" / "lists" / CSL_FILE)


def _check_full_list(loaded: Loaded[ScreeningList], path: Path) -> None:
    lst, report = loaded.value, loaded.report
    assert lst.name == LIST_NAME
    assert lst.entry_count == 4227 == report.read
    assert lst.version == date(2023, 11, 16)
    assert lst.content_hash == hashlib.sha256(path.read_bytes()).hexdigest()
    assert "row 2: repeated header row skipped" in report.warnings
    assert all(e.name for e in lst.entries)
    by_type = Counter(e.entity_type for e in lst.entries)
    assert by_type == {None: 2039, "individual": 1125, "organization": 1060, "vessel": 3}
    by_source = Counter(e.source_list for e in lst.entries)
    assert by_source["Specially Designated Nationals (SDN) - Treasury Department"] == 1738
    assert by_source["Entity List (EL) - Bureau of Industry and Security"] == 919


def test_real_csv_loads_4227_entries(shared_csl: Loaded, shared_raw: Path) -> None:
    _check_full_list(shared_csl, shared_raw / "us_csl_watchman" / CSL_FILE)


def test_shipped_copy_loads_4227_entries(shipped_csl: Loaded, root: Path) -> None:
    _check_full_list(shipped_csl, root / "data" / "lists" / CSL_FILE)


def test_entry_ids_are_the_csv_ids_exactly(shipped_csl: Loaded, root: Path) -> None:
    with (root / "data" / "lists" / CSL_FILE).open(encoding="utf-8", newline="") as f:
        ids = [row["_id"] for row in csv.DictReader(f) if row["_id"] != "_id"]
    assert [e.entry_id for e in shipped_csl.value.entries] == ids


def test_fields_of_one_entry(shipped_csl: Loaded) -> None:
    e = shipped_csl.value.entry("30882")
    assert e is not None
    assert e.name == "China Telecom Corporation Limited"
    assert e.aliases == ("CHINA TELECOM", "CHINA TELECOM CO., LTD", "CHINA TELECOM CORP LTD")
    assert e.country == "CN"
    assert e.programs == ("CMIC-EO13959",)
    assert e.entity_type == "organization"
    assert e.source_list == (
        "Non-SDN Chinese Military-Industrial Complex Companies List (CMIC) - Treasury Department"
    )
    uestc = [x for x in shipped_csl.value.entries if x.name.startswith("University of Electronic")]
    assert [x.country for x in uestc] == ["CN"]


def test_known_flaws_are_reported(shipped_csl: Loaded) -> None:
    report = shipped_csl.report
    shared = [w for w in report.warnings if "listed on two sub-lists" in w]
    assert len(shared) == 7
    assert any(w.startswith("17014: listed on two sub-lists") for w in shared)
    assert (
        "row 4229: the file ends inside this record (a truncated copy); "
        "loaded with the fields present"
    ) in report.warnings
    apostrophes = [w for w in report.warnings if "'?' in place of an apostrophe" in w]
    assert any("'Xi?an Research Institute of Navigation Technology'" in w for w in apostrophes)
    assert len(report.repaired) == 14
    assert all("successor" in r for r in report.repaired)


def test_question_marks_are_kept_as_written(shipped_csl: Loaded) -> None:
    names = {e.name for e in shipped_csl.value.entries}
    assert "Xi?an Research Institute of Navigation Technology" in names


def test_boilerplate_tail_is_trimmed(shipped_csl: Loaded) -> None:
    e = shipped_csl.value.entry("f181f0bd17cbbb6ce360933fb6abc8d47321da4266ef96cc7196824a")
    assert e is not None and e.name == "Poly Technologies Incorporated (PTI)"


def test_the_same_id_on_two_sub_lists_keeps_both(shipped_csl: Loaded) -> None:
    twins = [e for e in shipped_csl.value.entries if e.entry_id == "17014"]
    assert {e.source_list for e in twins} == {
        "Non-SDN Menu-Based Sanctions List (NS-MBS List) - Treasury Department",
        "Sectoral Sanctions Identifications List (SSI) - Treasury Department",
    }


def test_copy_without_id_column_gets_stable_made_ids(fixtures: Path, tmp_path: Path) -> None:
    path = fixtures / "lists" / "csl_sample_2019-12.csv"
    loaded = load_csv(path)
    lst = loaded.value
    assert lst.entry_count == 115
    assert all(e.entry_id.startswith("csl-") and len(e.entry_id) == 20 for e in lst.entries)
    assert len({e.entry_id for e in lst.entries}) == 115
    assert any("no '_id' column" in w for w in loaded.report.warnings)
    # reversing the data rows keeps every id
    header, *rows = path.read_text("utf-8").splitlines(keepends=True)
    reversed_copy = tmp_path / "reversed.csv"
    reversed_copy.write_text(header + "".join(reversed(rows)), "utf-8")
    again = load_csv(reversed_copy).value
    assert {e.entry_id: e.name for e in again.entries} == {e.entry_id: e.name for e in lst.entries}
    first = lst.entries[0]
    assert first.name == "ADRIAN MANUEL HERNANDEZ"
    assert first.country is None  # "… PHONEIX, AZ, 85043": no country in the address


def test_thirteen_row_sample(fixtures: Path) -> None:
    lst = load_list(fixtures / "lists" / "consolidated_sample_13rows.csv").value
    assert lst.entry_count == 13
    e = lst.entry("52291")
    assert e is not None
    assert (e.name, e.country, e.entity_type, e.programs) == (
        "RIM, Ryong Nam",
        "CN",
        "individual",
        ("NPWMD",),
    )
    sino = lst.entry("233a4d725770c81fb561ffe3842c14010c2201971d6be62eca1e613b")
    assert sino is not None and sino.name == "Sinobright Import and Export Company"


def test_json_layout(fixtures: Path, shipped_csl: Loaded) -> None:
    loaded = load_list(fixtures / "lists" / "csl_sample.json")
    lst = loaded.value
    assert lst.name == LIST_NAME
    assert lst.version == date(2023, 11, 30)  # search_performed_at
    assert lst.entry_count == 9
    for entry in lst.entries:  # the same entries as the CSV rows they were made from
        twins = [e for e in shipped_csl.value.entries if e.entry_id == entry.entry_id]
        assert entry in twins
    vessel = lst.entry("4238")
    assert vessel is not None and vessel.entity_type == "vessel"
