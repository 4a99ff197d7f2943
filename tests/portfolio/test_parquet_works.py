"""Works as Parquet partitions: a faithful round trip, and every problem of a bad file."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from workbench.errors import InputError
from workbench.portfolio.parquet_works import load_parquet_works, write_works
from workbench.publications import load_works_many


def test_demo_works_round_trip(portfolio: tuple[Path, dict[str, Any]], tmp_path: Path) -> None:
    works = load_works_many([portfolio[0] / "ASPIRE-2025-D-005" / "works.json"]).value
    assert any(a.institutions for w in works for a in w.authorships)
    path = write_works(works, tmp_path / "w.parquet")
    back = load_parquet_works(path).value
    assert [dataclasses.replace(w, source="") for w in back] == [
        dataclasses.replace(w, source="") for w in works
    ]


def test_pipe_separated_text_columns_are_read(tmp_path: Path) -> None:
    path = tmp_path / "flat.parquet"
    pq.write_table(
        pa.table(
            {
                "work_id": ["W1", "W1"],
                "title": ["T", "T"],
                "publication_date": ["2024", "2024"],
                "author_name": ["Ren Kobayashi", "Hamid Karimi"],
                "affiliations": ["RIKEN | Tohoku University", "Sharif University of Technology"],
            }
        ),
        path,
    )
    [w] = load_parquet_works(path).value
    assert w.date is not None and w.date.uncertain
    assert [a.raw_affiliations for a in w.authorships] == [
        ("RIKEN", "Tohoku University"),
        ("Sharif University of Technology",),
    ]


def test_every_problem_of_a_bad_file_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "bad.parquet"
    pq.write_table(
        pa.table(
            {
                "work_id": ["W1", None, "W3"],
                "title": ["T", "T", "T"],
                "publication_date": ["2024-13-01", "2024", "2023"],
                "author_name": ["A", "B", "C"],
                "affiliations": [["X"], ["Y"], ["Z"]],
                "orcid": [None, None, "0000-12"],
            }
        ),
        path,
    )
    with pytest.raises(InputError) as err:
        load_parquet_works(path)
    found = {(p.location, p.field) for p in err.value.problems}
    assert found == {("row 1", "publication_date"), ("row 2", "work_id"), ("row 3", "orcid")}
    assert all(p.file == str(path) for p in err.value.problems)


def test_missing_columns_and_wrong_types_are_reported(tmp_path: Path) -> None:
    path = tmp_path / "cols.parquet"
    pq.write_table(pa.table({"work_id": [1, 2], "title": ["a", "b"]}), path)
    with pytest.raises(InputError) as err:
        load_parquet_works(path)
    fields = {(p.field, p.message) for p in err.value.problems}
    assert ("work_id", "type int64") in fields
    assert {f for f, m in fields if m == "missing column"} == {
        "publication_date",
        "author_name",
        "affiliations",
    }
