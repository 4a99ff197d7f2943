"""Files handed in on the page: checked with the loaders before anything is written; a
revision keeps the questionnaire it replaces as a numbered version."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from workbench.folders import find_proposals, load_folder
from workbench.proposal import load_proposal
from workbench.questionnaire import write_template
from workbench.revision import compare_proposals
from workbench.session.intake import Upload, hand_in, versions

from .conftest import FIXTURES

EXAMPLE = FIXTURES / "proposals" / "example"


def _upload(path: Path, name: str | None = None) -> Upload:
    return Upload(name or path.name, path.read_bytes())


def _visible(root: Path) -> list[str]:
    """What the proposals folder holds, as the folder rule and a person see it."""
    return sorted(str(p.relative_to(root)) for p in root.rglob("*") if ".versions" not in p.parts)


def test_an_excel_questionnaire_and_works_become_a_proposal_folder(tmp_path: Path) -> None:
    sheet = write_template(tmp_path / "filled.xlsx", load_proposal(EXAMPLE / "proposal.json"))
    root = tmp_path / "proposals"
    intake = hand_in(root, [_upload(sheet), _upload(EXAMPLE / "works.json")])
    assert intake.ok and intake.errors == ()
    assert intake.proposal is not None and intake.kept is None
    [files] = find_proposals(root)  # the private folder of the check is gone and hidden
    assert files.id == intake.proposal.proposal_id and files.problems == ()
    proposal, works = load_folder(files)
    assert proposal.people == intake.proposal.people and len(works) > 0


def test_a_broken_file_writes_nothing_and_is_named(tmp_path: Path) -> None:
    root = tmp_path / "proposals"
    root.mkdir()
    broken = Upload("ours.xlsx", b"PK\x03\x04 not really a workbook")
    intake = hand_in(root, [broken, _upload(EXAMPLE / "works.json")])
    assert not intake.ok and intake.errors
    assert all(p.file.startswith("ours.xlsx") for p in intake.errors), intake.errors
    assert list(root.iterdir()) == []  # not even the private folder of the check


def test_a_bad_works_file_stops_a_good_questionnaire(tmp_path: Path) -> None:
    root = tmp_path / "proposals"
    works = Upload("mine.json", b'{"results": [{"id": 5}]}')
    intake = hand_in(root, [_upload(EXAMPLE / "proposal.json"), works])
    assert not intake.ok
    assert {p.file.split(":")[0] for p in intake.errors} == {"mine.json"}
    assert _visible(root) == []


@pytest.mark.parametrize(
    ("files", "message"),
    [
        ([], "no file"),
        ([Upload("notes.txt", b"hello")], "not a questionnaire"),
        ([Upload("a.xlsx", b"x"), Upload("b.xlsx", b"y")], "questionnaires: a.xlsx, b.xlsx"),
        ([Upload("w.json", b'{"results": []}')], "questionnaires: none"),
    ],
)
def test_the_set_of_files_is_checked_first(
    tmp_path: Path, files: list[Upload], message: str
) -> None:
    intake = hand_in(tmp_path, files)
    assert not intake.ok and any(message in p.message for p in intake.errors), intake.errors
    assert list(tmp_path.iterdir()) == []


def test_a_revision_keeps_the_previous_questionnaire_as_a_version(tmp_path: Path) -> None:
    root = tmp_path / "proposals"
    first = hand_in(root, [_upload(EXAMPLE / "proposal.json"), _upload(EXAMPLE / "works.json")])
    assert first.ok and first.written is not None
    data = json.loads((EXAMPLE / "proposal.json").read_text(encoding="utf-8"))
    newcomer = dict(data["people"][-1], id="p99", name="Mori Aoi", name_local="森 葵")
    data["people"].append(newcomer)
    revised = Upload("proposal-v2.json", json.dumps(data).encode())
    second = hand_in(root, [revised])
    assert second.ok and second.written == first.written
    assert second.kept is not None and second.kept.number == 1
    assert second.kept.name == "proposal.json"
    assert [v.number for v in versions(second.written)] == [1]
    assert second.previous == first.proposal  # read back from the folder it was written to
    assert second.proposal is not None and second.previous is not None
    assert first.proposal is not None
    assert load_proposal(versions(second.written)[0].file).people == first.proposal.people
    changes = compare_proposals(second.previous, second.proposal).changes
    assert [c.subject for c in changes if c.kind == "person-added"] == ["p99"]
    # one proposal still (its versions are not proposals), read as revised, works kept
    [files] = find_proposals(root)
    proposal, works = load_folder(files)
    assert "p99" in {p.id for p in proposal.people} and works


def test_a_revision_in_excel_replaces_a_json_questionnaire(tmp_path: Path) -> None:
    root = tmp_path / "proposals"
    assert hand_in(root, [_upload(EXAMPLE / "proposal.json")]).ok
    sheet = write_template(tmp_path / "v2.xlsx", load_proposal(EXAMPLE / "proposal.json"))
    second = hand_in(root, [_upload(sheet)])
    assert second.ok and second.written is not None
    [files] = find_proposals(root)
    assert files.proposal_file is not None and files.proposal_file.name == "questionnaire.xlsx"
    assert [v.file.name for v in versions(second.written)] == ["proposal.json"]


def test_a_revision_finds_its_folder_by_the_proposal_id(tmp_path: Path) -> None:
    import shutil

    root = tmp_path / "proposals"
    shutil.copytree(EXAMPLE, root / "example")  # a folder not named after the id
    intake = hand_in(root, [_upload(EXAMPLE / "proposal.json", "again.json")])
    assert intake.written == root / "example" and intake.kept is not None
    assert [f.id for f in find_proposals(root)] == ["example"]
