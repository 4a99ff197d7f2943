"""OpenAlex works load from every shape and both schemas, with identifiers bare."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from workbench.model import PubDate
from workbench.publications import load_works, load_works_many


@pytest.fixture
def pubs(fixtures: Path) -> Path:
    return fixtures / "publications"


def test_example_works_response(pubs: Path) -> None:
    works = load_works(pubs / "works.json").value
    assert [w.id for w in works] == ["W9000000001", "W9000000002", "W9000000003"]
    w1 = works[0]
    assert w1.doi == "10.0000/example.2024.001"
    assert w1.date == PubDate(2024, 5, 14) and not w1.date.uncertain
    assert w1.title == "Low-power cryogenic multiplexers for spin-qubit readout"
    chen, zhang, sato = w1.authorships
    assert (chen.author_name, chen.orcid, chen.openalex_author_id) == (
        "Wei Chen",
        "0000-0001-0000-0002",
        "A5000000002",
    )
    assert zhang.raw_affiliations == (
        "School of Astronautics, Harbin Institute of Technology, Harbin 150001, China",
    )
    (hit,) = zhang.institutions
    assert (hit.display_name, hit.id, hit.ror, hit.country_code) == (
        "Harbin Institute of Technology",
        "I204983213",
        "01yqg2h08",
        "CN",
    )
    assert sato.position == "last" and sato.countries == ("JP",)
    assert works[2].doi is None
    assert works[2].authorships[0].raw_affiliations == ("哈尔滨医科大学 基础医学院, 哈尔滨 150081",)
    assert all(w.source == str(pubs / "works.json") for w in works)


def test_current_schema_single_work(pubs: Path) -> None:
    (work,) = load_works(pubs / "W2741809807.json").value
    assert (work.id, work.doi, work.date) == (
        "W2741809807",
        "10.7717/peerj.4375",
        PubDate(2018, 2, 13),
    )
    assert len(work.authorships) == 9
    first = work.authorships[0]
    assert first.author_name == "Heather Piwowar"
    assert first.orcid == "0000-0003-1613-5981"
    assert first.raw_affiliations == ("Impactstory, Sanford, NC, USA",)
    assert first.institutions[0].id == "I4210166736"
    assert all(a.raw_affiliations for a in work.authorships)


def test_mixed_older_schema_single_work(pubs: Path) -> None:
    (work,) = load_works(pubs / "W-api-response.json").value
    assert work.id == "W2755950973"
    # No "title" key: the display name stands in.
    assert work.title.startswith("GW170104: Observation of a 50-Solar-Mass Binary Black Hole")
    assert work.doi == "10.1103/physrevlett.118.091101"
    (a,) = work.authorships
    assert a.institutions[0].display_name == "California Institute of Technology"
    assert a.countries == ("US",)  # no "countries" key: taken from the institutions


def test_2022_schema_file_counts(pubs: Path) -> None:
    loaded = load_works(pubs / "works_tu9_2017-2022_oldschema.json.gz")
    works = loaded.value
    assert len(works) == loaded.report.read == 410
    authorships = [a for w in works for a in w.authorships]
    assert len(authorships) == 4702
    # The singular raw_affiliation_string is kept where the record has one (1,596 of them).
    assert sum(1 for a in authorships if a.raw_affiliations) == 1596
    assert sum(len(a.institutions) for a in authorships) == 4274 - 4  # four empty {} skipped
    assert any("4 empty institution objects" in w for w in loaded.report.warnings)
    first = works[0].authorships[0]
    assert first.raw_affiliations == ("Technische Universität BerlinGermany",)
    assert first.countries == ("DE",)  # from the institutions: the 2022 schema has no countries
    assert all(w.date is not None for w in works)
    assert works[0].doi == "10.1142/10552"


def test_json_list_lines_and_gzip_give_the_same_works(pubs: Path, tmp_path: Path) -> None:
    results = json.loads((pubs / "works.json").read_text(encoding="utf-8"))["results"]
    expected = [w.id for w in load_works(pubs / "works.json").value]
    as_list = tmp_path / "list.json"
    as_list.write_text(json.dumps(results), encoding="utf-8")
    as_lines = tmp_path / "works.jsonl"
    as_lines.write_text("\n".join(json.dumps(r) for r in results) + "\n\n", encoding="utf-8")
    lines_in_json = tmp_path / "lines.json"  # JSON Lines under a .json name
    lines_in_json.write_text(as_lines.read_text(encoding="utf-8"), encoding="utf-8")
    zipped = tmp_path / "works.jsonl.gz"
    zipped.write_bytes(gzip.compress(as_lines.read_bytes()))
    for path in (as_list, as_lines, lines_in_json, zipped):
        works = load_works(path).value
        assert [w.id for w in works] == expected, path
        assert works[0].authorships[1].institutions[0].id == "I204983213"


def test_year_only_and_month_dates_keep_their_precision(tmp_path: Path) -> None:
    works = [
        {"id": "W1", "publication_year": 2023, "authorships": []},
        {"id": "W2", "publication_date": "2023-07", "authorships": []},
        {"id": "W3", "publication_date": "2023", "publication_year": 2023, "authorships": []},
    ]
    path = tmp_path / "w.json"
    path.write_text(json.dumps(works), encoding="utf-8")
    dates = [w.date for w in load_works(path).value]
    assert dates == [PubDate(2023), PubDate(2023, 7), PubDate(2023)]
    assert all(d is not None and d.uncertain for d in dates)


def test_current_schema_affiliations_are_merged_once(tmp_path: Path) -> None:
    work = {
        "id": "https://openalex.org/W1",
        "publication_date": "2024-01-02",
        "authorships": [
            {
                "author": {"id": "https://openalex.org/A1", "display_name": "Lei Zhang"},
                "raw_affiliation_strings": ["Harbin Institute of Technology"],
                "affiliations": [
                    {"raw_affiliation_string": "Harbin Institute of Technology"},
                    {"raw_affiliation_string": "Peng Cheng Laboratory"},
                ],
            }
        ],
    }
    path = tmp_path / "w.json"
    path.write_text(json.dumps(work), encoding="utf-8")
    (w,) = load_works(path).value
    assert w.authorships[0].raw_affiliations == (
        "Harbin Institute of Technology",
        "Peng Cheng Laboratory",
    )


def test_repeated_work_in_a_file_is_kept_once_with_a_warning(pubs: Path, tmp_path: Path) -> None:
    results = json.loads((pubs / "works.json").read_text(encoding="utf-8"))["results"]
    path = tmp_path / "w.json"
    path.write_text(json.dumps({"results": [*results, results[0]]}), encoding="utf-8")
    loaded = load_works(path)
    assert len(loaded.value) == 3
    (warning,) = loaded.report.warnings
    assert "W9000000001 appears again" in warning and str(path) in warning


def test_many_files_concatenate_and_keep_shared_works_once(pubs: Path) -> None:
    loaded = load_works_many([pubs / "works.json", pubs / "publications.csv", pubs / "works.json"])
    assert [w.id for w in loaded.value] == [
        "W9000000001",
        "W9000000002",
        "W9000000003",
        "W9000000004",
    ]
    assert loaded.report.read == 4
    assert any("3 works found in more than one file" in w for w in loaded.report.warnings)


def test_two_ids_with_one_doi_are_one_work(pubs: Path, tmp_path: Path) -> None:
    results = json.loads((pubs / "works.json").read_text(encoding="utf-8"))["results"]
    twin = {**results[0], "id": "https://openalex.org/W9999999999"}
    path = tmp_path / "w.json"
    path.write_text(json.dumps({"results": [*results, twin]}), encoding="utf-8")
    loaded = load_works(path)
    assert [w.id for w in loaded.value] == [w["id"].rsplit("/", 1)[1] for w in results]
    (warning,) = loaded.report.warnings
    assert (
        "field 'doi'" in warning and "W9999999999" in warning and "work 1 (W9000000001)" in warning
    )


def test_a_doi_shared_across_files_is_kept_once(pubs: Path, tmp_path: Path) -> None:
    results = json.loads((pubs / "works.json").read_text(encoding="utf-8"))["results"]
    other = tmp_path / "other.json"
    other.write_text(json.dumps([{**results[0], "id": "https://openalex.org/W9999999998"}]))
    loaded = load_works_many([pubs / "works.json", other])
    assert "W9999999998" not in {w.id for w in loaded.value}
    assert len(loaded.value) == len(results)
