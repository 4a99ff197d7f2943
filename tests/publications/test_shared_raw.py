"""The real OpenAlex files of ../shared load with their counts (skipped where absent)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from workbench.errors import InputError
from workbench.publications import load_works


def test_tu9_file_as_published(shared_raw: Path, fixtures: Path) -> None:
    raw = load_works(shared_raw / "openalex" / "works_tu9_2017-2022_oldschema.json").value
    assert len(raw) == 410
    assert sum(len(w.authorships) for w in raw) == 4702
    # The compressed copy in the fixtures holds the same works.
    copy = load_works(fixtures / "publications" / "works_tu9_2017-2022_oldschema.json.gz").value
    assert [replace(w, source="") for w in raw] == [replace(w, source="") for w in copy]


@pytest.mark.parametrize("name", ["A5023888391.json", "I27837315.json"])
def test_author_and_institution_records_are_not_works(shared_raw: Path, name: str) -> None:
    with pytest.raises(InputError) as caught:
        load_works(shared_raw / "openalex" / name)
    (problem,) = caught.value.problems
    assert (problem.location, problem.field) == ("$.id", "id")
    assert problem.message.startswith(name.removesuffix(".json"))
    assert "record, not a work" in problem.message
    assert problem.file.endswith(name)
