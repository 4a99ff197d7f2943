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


def _reference_lists(values: list[Any]) -> list[tuple[str, ...]]:
    """What a list column means, row by row: its distinct non-blank strings, stripped."""
    out = []
    for v in values:
        parts = (v.split("|") if isinstance(v, str) else v) or []
        out.append(tuple(dict.fromkeys(s.strip() for s in parts if s and s.strip())))
    return out


def test_rows_with_odd_lists_read_as_their_own_strings(tmp_path: Path) -> None:
    # Distinct values are parsed once and shared between rows; rows that hold null
    # strings, repeated or blank strings, or the characters used to join them
    # internally must still read as exactly their own strings.
    affiliations = [
        ["A Univ", "B Inst"],
        ["A Univ", "B Inst"],
        ["A Univ", " A Univ ", ""],
        None,
        [],
        ["X\x1fY"],
        ["X", "Y"],
        [None, "C Lab"],
    ]
    institutions = [
        [{"display_name": "A Univ", "id": "I1", "ror": None, "country_code": "JP"}],
        [{"display_name": "A Univ", "id": "I1", "ror": None, "country_code": "JP"}],
        [{"display_name": "A Univ", "id": "I1", "ror": "r1", "country_code": "JP"}],
        None,
        [],
        [{"display_name": "X\x1eY", "id": None, "ror": None, "country_code": None}],
        [{"display_name": "", "id": None, "ror": None, "country_code": None}],
        [
            {"display_name": "C Lab", "id": "I3", "ror": None, "country_code": "CN"},
            {"display_name": "D Lab", "id": None, "ror": None, "country_code": None},
        ],
    ]
    n = len(affiliations)
    path = tmp_path / "odd.parquet"
    pq.write_table(
        pa.table(
            {
                "work_id": [f"W{i}" for i in range(n)],
                "title": ["T"] * n,
                "publication_date": ["2024-05-01", "2024-05-01", None, "2023", *["2024"] * 4],
                "author_name": ["Ann"] * n,
                "affiliations": affiliations,
                "countries": [["jp"], ["jp", "jp"], None, [], ["cn"], ["cn"], ["cn"], ["cn"]],
                "institutions": pa.array(
                    institutions,
                    type=pa.list_(
                        pa.struct(
                            [
                                (k, pa.string())
                                for k in ("display_name", "id", "ror", "country_code")
                            ]
                        )
                    ),
                ),
            }
        ),
        path,
    )
    works = load_parquet_works(path).value
    got = [w.authorships[0] for w in works]
    assert [a.raw_affiliations for a in got] == _reference_lists(affiliations)
    assert [a.countries for a in got] == [
        ("JP",),
        ("JP",),
        (),
        (),
        ("CN",),
        ("CN",),
        ("CN",),
        ("CN",),
    ]
    names = [[(i.display_name, i.id, i.ror) for i in a.institutions] for a in got]
    assert names == [
        [("A Univ", "I1", None)],
        [("A Univ", "I1", None)],
        [("A Univ", "I1", "r1")],
        [],
        [],
        [("X\x1eY", None, None)],
        [],
        [("C Lab", "I3", None), ("D Lab", None, None)],
    ]
    assert [str(w.date) if w.date else None for w in works][:4] == [
        str(works[0].date),
        str(works[0].date),
        None,
        str(works[3].date),
    ]
    assert works[2].date is None and works[0].date is not None and works[3].date.uncertain
