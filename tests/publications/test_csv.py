"""The flat publications CSV: one row per authorship, grouped into works."""

from __future__ import annotations

from pathlib import Path

from workbench.model import PubDate
from workbench.publications import load_works

HEADER = "work_id,doi,title,publication_date,author_position,author_name,orcid,openalex_author_id,affiliation,country\n"  # noqa: E501


def _csv(tmp_path: Path, *rows: str) -> Path:
    path = tmp_path / "p.csv"
    path.write_text(HEADER + "".join(r + "\n" for r in rows), encoding="utf-8")
    return path


def test_example_csv(fixtures: Path) -> None:
    loaded = load_works(fixtures / "publications" / "publications.csv")
    (work,) = loaded.value
    assert loaded.report.read == 1 and loaded.report.warnings == ()
    assert (work.id, work.doi, work.date) == (
        "W9000000004",
        "10.0000/example.2024.010",
        PubDate(2024, 11, 2),
    )
    assert work.title == "Spin-qubit readout with cryo-CMOS"
    assert [(a.author_name, a.position, a.countries) for a in work.authorships] == [
        ("Ren Kobayashi", "first", ("JP",)),
        ("Yui Tanaka", "last", ("JP",)),
        ("Hamid Karimi", "middle", ("IR",)),
    ]
    assert work.authorships[2].raw_affiliations == (
        "Department of Physics, Sharif University of Technology, Tehran, Iran",
    )


def test_several_affiliations_in_one_cell(tmp_path: Path) -> None:
    path = _csv(
        tmp_path,
        'W1,,T,2023,first,Lei Zhang,,,"Harbin Institute of Technology | Peng Cheng Laboratory",CN',
    )
    (work,) = load_works(path).value
    assert work.authorships[0].raw_affiliations == (
        "Harbin Institute of Technology",
        "Peng Cheng Laboratory",
    )
    assert work.date == PubDate(2023) and work.date.uncertain


def test_consecutive_rows_of_one_author_merge(tmp_path: Path) -> None:
    path = _csv(
        tmp_path,
        "W1,,T,2023-05,first,Lei Zhang,,A5000000101,Harbin Institute of Technology,CN",
        "W1,,T,2023-05,first,Lei Zhang,,A5000000101,Peng Cheng Laboratory,CN",
        "W1,,T,2023-05,last,Haruki Sato,0000-0001-0000-0001,,Tohoku University,JP",
    )
    (work,) = load_works(path).value
    assert [a.author_name for a in work.authorships] == ["Lei Zhang", "Haruki Sato"]
    assert work.authorships[0].raw_affiliations == (
        "Harbin Institute of Technology",
        "Peng Cheng Laboratory",
    )
    assert work.authorships[0].openalex_author_id == "A5000000101"
    assert work.date == PubDate(2023, 5)


def test_namesakes_in_separate_rows_stay_two_authors(tmp_path: Path) -> None:
    path = _csv(
        tmp_path,
        "W1,,T,2022,first,Wei Zhang,,,Tsinghua University,CN",
        "W1,,T,2022,middle,Haruki Sato,,,Tohoku University,JP",
        "W1,,T,2022,last,Wei Zhang,,,Beihang University,CN",
    )
    (work,) = load_works(path).value
    assert [a.raw_affiliations for a in work.authorships] == [
        ("Tsinghua University",),
        ("Tohoku University",),
        ("Beihang University",),
    ]


def test_rows_of_a_work_need_not_be_adjacent(tmp_path: Path) -> None:
    path = _csv(
        tmp_path,
        "https://openalex.org/W1,https://doi.org/10.1000/A,T1,2022-01-01,first,A,,,X,JP",
        "W2,,T2,2021,first,B,,,Y,NL",
        "W1,10.1000/a,T1,2022-01-01,last,C,,,Z,CN",
    )
    works = load_works(path).value
    assert [(w.id, len(w.authorships)) for w in works] == [("W1", 2), ("W2", 1)]
    assert works[0].doi == "10.1000/a"


def test_undated_work_is_kept_with_a_warning_naming_it(tmp_path: Path) -> None:
    loaded = load_works(_csv(tmp_path, "W7,,T,,first,A,,,X,JP"))
    (work,) = loaded.value
    assert work.date is None
    (warning,) = loaded.report.warnings
    assert "row 2" in warning and "W7" in warning and "publication_date" in warning


def test_differing_metadata_within_a_work_is_a_warning(tmp_path: Path) -> None:
    loaded = load_works(
        _csv(tmp_path, "W1,,Title,2022,first,A,,,X,JP", "W1,,Title (v2),2022,last,B,,,Y,JP")
    )
    assert loaded.value[0].title == "Title"
    (warning,) = loaded.report.warnings
    assert "row 3" in warning and "'title'" in warning and "row 2" in warning


def test_byte_order_mark_and_unknown_column(tmp_path: Path) -> None:
    path = tmp_path / "excel.csv"
    text = HEADER.strip() + ",note\nW1,,T,2020,first,A,,,X,JP,hello\n"
    path.write_bytes("\ufeff".encode() + text.encode("utf-8"))
    loaded = load_works(path)
    assert loaded.value[0].id == "W1"
    (warning,) = loaded.report.warnings
    assert "'note'" in warning and "unknown column" in warning
