"""Hostile input files: every loader refuses them with a clear InputError, never a traceback.

Generated rather than stored: a JSON document nested 100,000 levels deep, a
number of 5,000 digits, a FIFO, ``/dev/zero``, a symbolic link loop, a small
``.gz`` that inflates past the limit, each given to every loader that could
meet it. Each case names the file and the place and field of the problem.
"""

from __future__ import annotations

import gzip
import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from workbench import input_files
from workbench.errors import InputError
from workbench.list_versions import VersionRegistry
from workbench.lists import load_list
from workbench.proposal import load_proposal
from workbench.publications import load_works

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
DEEP = "[" * 100_000 + "]" * 100_000
HUGE_NUMBER = "9" * 5_000

Loader = Callable[[Path], object]

#: (file name, loader): every JSON-reading entry point.
JSON_LOADERS: list[tuple[str, Loader]] = [
    ("proposal.json", load_proposal),
    ("works.json", load_works),
    ("works.json.gz", load_works),
    ("meti.json", load_list),
    ("csl.json", load_list),
    ("entities.ftm.json", load_list),
    ("list_versions.json", lambda p: VersionRegistry(p).records()),
]
#: every loader of a file, whatever its format
ALL_LOADERS: list[tuple[str, Loader]] = [
    *JSON_LOADERS,
    ("proposal.xlsx", load_proposal),
    ("works.jsonl", load_works),
    ("works.csv", load_works),
    ("list.csv", load_list),
    ("meti.xlsx", load_list),
]


def _write(path: Path, text: str) -> Path:
    data = text.encode()
    path.write_bytes(gzip.compress(data) if path.suffix == ".gz" else data)
    return path


def _refused(load: Loader, path: Path) -> InputError:
    with pytest.raises(InputError) as caught:
        load(path)
    assert str(path.name) in str(caught.value)
    return caught.value


def _csl_like(name: str, body: str) -> str:
    """``body`` where each format expects its records (CSL JSON starts with an object)."""
    if name.startswith("csl"):
        return '{"results": ' + body + "}"
    if name.endswith(".ftm.json"):
        return '{"id": "x", "schema": "Company", "properties": ' + body + "}"
    if name == "list_versions.json":
        return '{"format": 1, "versions": ' + body + "}"
    return body


@pytest.mark.parametrize(("name", "load"), JSON_LOADERS, ids=[n for n, _ in JSON_LOADERS])
def test_deep_nesting_is_a_problem(tmp_path: Path, name: str, load: Loader) -> None:
    error = _refused(load, _write(tmp_path / name, _csl_like(name, DEEP)))
    assert "nested too deeply" in str(error) or "not a list-version register" in str(error)


@pytest.mark.parametrize(("name", "load"), JSON_LOADERS, ids=[n for n, _ in JSON_LOADERS])
def test_number_of_thousands_of_digits_is_a_problem(
    tmp_path: Path, name: str, load: Loader
) -> None:
    body = _csl_like(name, "[" + HUGE_NUMBER + "]")
    error = _refused(load, _write(tmp_path / name, body))
    assert "number too long" in str(error)


def test_works_json_lines_with_deep_line_names_the_line(tmp_path: Path) -> None:
    path = _write(tmp_path / "works.jsonl", '{"id": "W1"}\n' + DEEP + "\n")
    error = _refused(load_works, path)
    assert [(p.location, p.field) for p in error.problems] == [("line 2, ", "(json)")] or any(
        p.location.startswith("line 2") and "nested too deeply" in p.message for p in error.problems
    )


@pytest.mark.parametrize(("name", "load"), ALL_LOADERS, ids=[n for n, _ in ALL_LOADERS])
def test_fifo_is_refused_without_blocking(tmp_path: Path, name: str, load: Loader) -> None:
    path = tmp_path / name
    os.mkfifo(path)
    error = _refused(load, path)
    assert "not a regular file" in str(error)


@pytest.mark.parametrize(("name", "load"), ALL_LOADERS, ids=[n for n, _ in ALL_LOADERS])
def test_device_is_refused(tmp_path: Path, name: str, load: Loader) -> None:
    path = tmp_path / name
    path.symlink_to("/dev/zero")
    error = _refused(load, path)
    assert "not a regular file" in str(error)


@pytest.mark.parametrize(("name", "load"), ALL_LOADERS, ids=[n for n, _ in ALL_LOADERS])
def test_symlink_loop_is_refused(tmp_path: Path, name: str, load: Loader) -> None:
    path, other = tmp_path / name, tmp_path / ("other-" + name)
    path.symlink_to(other)
    other.symlink_to(path)
    error = _refused(load, path)
    assert "symbolic link loop" in str(error)


@pytest.mark.parametrize(("name", "load"), ALL_LOADERS, ids=[n for n, _ in ALL_LOADERS])
def test_folder_is_refused(tmp_path: Path, name: str, load: Loader) -> None:
    path = tmp_path / name
    path.mkdir()
    error = _refused(load, path)
    assert "is a folder" in str(error)


@pytest.mark.parametrize(("name", "load"), ALL_LOADERS, ids=[n for n, _ in ALL_LOADERS])
def test_oversized_file_is_refused_unread(
    tmp_path: Path, name: str, load: Loader, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(input_files, "MAX_FILE_BYTES", 1_000)
    path = _write(tmp_path / name, json.dumps([{"name": os.urandom(1_000).hex()}]))
    error = _refused(load, path)
    assert "more than the 1,000 read" in str(error)


def test_gzip_bomb_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(input_files, "MAX_EXPANDED_BYTES", 1_000_000)
    path = tmp_path / "works.json.gz"
    path.write_bytes(gzip.compress(b"[" + b" " * 5_000_000 + b"]"))
    assert path.stat().st_size < 10_000
    error = _refused(load_works, path)
    (problem,) = error.problems
    assert (problem.location, problem.field) == ("file", "(file)")
    assert "inflates to more than 1,000,000 bytes" in problem.message


LONG = "Harbin Institute of Technology " * 10_000  # ~300 kB in one field
LONG_CELL = LONG[:100_000]  # Python's csv refuses cells over 128 kB, with a clear problem


def test_long_proposal_affiliation_is_cut_with_a_warning(tmp_path: Path) -> None:
    from workbench.proposal import load_proposal_with_report

    data = json.loads((FIXTURES / "proposal" / "proposal.json").read_text(encoding="utf-8"))
    data["people"][0]["affiliations"][0]["organization"] = LONG
    path = _write(tmp_path / "p.json", json.dumps(data))
    loaded = load_proposal_with_report(path)
    organization = loaded.value.people[0].affiliations[0].organization
    assert len(organization) <= input_files.MAX_FIELD_CHARS
    assert organization.startswith("Harbin Institute of Technology")
    assert any(
        "$.people[0].affiliations[0].organization" in w and "cut" in w
        for w in loaded.report.warnings
    )


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_long_work_affiliation_is_cut_with_a_warning(tmp_path: Path, fmt: str) -> None:
    if fmt == "json":
        work = {
            "id": "https://openalex.org/W1",
            "publication_date": "2024-01-01",
            "authorships": [
                {"author": {"display_name": "Li Wei"}, "raw_affiliation_strings": [LONG]}
            ],
        }
        path = _write(tmp_path / "works.json", json.dumps([work]))
    else:
        header = "work_id,title,publication_date,author_name,affiliation,country\n"
        path = _write(tmp_path / "works.csv", header + f"W1,t,2024-01-01,Li Wei,{LONG_CELL},CN\n")
    loaded = load_works(path)
    (raw,) = loaded.value[0].authorships[0].raw_affiliations
    assert len(raw) <= input_files.MAX_FIELD_CHARS
    assert any("cut" in w for w in loaded.report.warnings)


def test_long_list_name_is_cut_with_a_warning(tmp_path: Path) -> None:
    path = _write(tmp_path / "watch.csv", f"name,aliases,country,note\n{LONG_CELL},,CN,\n")
    loaded = load_list(path)
    assert len(loaded.value.entries[0].name) <= input_files.MAX_FIELD_CHARS
    assert any("cut" in w for w in loaded.report.warnings)


def test_scope_of_a_large_team_answers_for_every_person() -> None:
    from workbench.scope import Scope, ScopeDecision

    decisions = tuple(
        ScopeDecision(f"p{i}", "person", "n", i % 3 == 0, "r", "r", ()) for i in range(16_000)
    )
    # an id decided twice (out, then in) is in scope, as before
    scope = Scope((*decisions, ScopeDecision("p1", "person", "n", True, "r", "r", ())))
    assert sum(scope.includes("person", f"p{i}") for i in range(16_000)) == 5_334 + 1
    assert scope.decision("person", "p1") == decisions[1]
    assert not scope.includes("organization", "p0")
