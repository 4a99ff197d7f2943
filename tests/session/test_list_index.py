"""The list index kept in the shared cache folder: the same matches, rebuilt for a new list."""

from __future__ import annotations

import csv
import shutil
import threading
from pathlib import Path

import pytest

from workbench.lists import load_list, shipped_lists
from workbench.matching import Matcher
from workbench.model import ScreeningList
from workbench.session.list_index import SharedIndex
from workbench.session.workspace import Workspace
from workbench.store.store import Store

from .conftest import LIST, make_settings

DEVSET = Path(__file__).resolve().parents[2] / "data" / "devsets" / "affiliations.tsv"


def _devset_texts() -> list[str]:
    with DEVSET.open(encoding="utf-8", newline="") as f:
        return [row["text"] for row in csv.DictReader(f, delimiter="\t")]


@pytest.fixture(scope="module")
def shipped() -> list[ScreeningList]:
    return [load_list(path).value for path in shipped_lists()]


def test_the_index_read_from_the_shared_file_matches_as_a_fresh_one(
    tmp_path: Path, shipped: list[ScreeningList]
) -> None:
    fresh = Matcher.from_lists(shipped)
    first = SharedIndex(tmp_path / "index")
    built = first.matcher(shipped)  # no file yet: built and written
    assert first.built == 1 and first.stored(shipped)

    other = SharedIndex(tmp_path / "index")  # another kernel on the same folder
    read = other.matcher(shipped)
    assert other.built == 0 and read is not built

    texts = _devset_texts()
    assert len(texts) > 800
    found = 0
    for text in texts:
        expected = fresh.match(text)
        assert read.match(text) == expected, text
        assert built.match(text) == expected, text
        found += bool(expected)
    assert found > 300  # the strings name listed organisations: the comparison is not vacuous


def test_a_changed_list_version_builds_a_new_index(tmp_path: Path) -> None:
    shared = SharedIndex(tmp_path / "index")
    old = [load_list(LIST).value]
    shared.matcher(old)
    changed_file = tmp_path / "watch-2025-07-01.csv"
    shutil.copy(LIST, changed_file)
    with changed_file.open("a", encoding="utf-8") as f:
        f.write("Zhejiang Quantum Optics Institute,ZQOI,CN,added in the new version\n")
    new = [load_list(changed_file).value]

    reread = SharedIndex(tmp_path / "index")
    assert reread.stored(old) and not reread.stored(new)
    matcher = reread.matcher(new)
    assert reread.built == 1 and reread.stored(new)
    assert [m.name for m in matcher.match("Zhejiang Quantum Optics Institute, Hangzhou")] == [
        "Zhejiang Quantum Optics Institute"
    ]
    assert not reread.matcher(old).match("Zhejiang Quantum Optics Institute, Hangzhou")
    assert reread.built == 1  # the old version's file is still there


def test_an_index_file_not_signed_by_the_workbench_is_built_again(tmp_path: Path) -> None:
    shared = SharedIndex(tmp_path / "index")
    lists = [load_list(LIST).value]
    shared.matcher(lists)
    path = tmp_path / "index" / f"{shared.key(lists)}.pickle"
    path.write_bytes(b"\0" * 32 + path.read_bytes()[32:])  # signature replaced
    again = SharedIndex(tmp_path / "index")
    assert again.matcher(lists).match("Harbin Institute of Technology")
    assert again.built == 1


def test_sessions_share_the_index_and_let_it_go_after_screening_ahead(
    proposals: Path, db_path: Path, store: Store
) -> None:
    data = proposals
    first = Workspace(make_settings(data, db_path), store)
    first.prepare_index()  # no file yet: built by a child process, for every session
    assert first.index.shared.stored(first.lists()) and first.index.held is None
    screened = first.screen("example")  # screened afresh: the index read from the file
    assert first.index.shared.built == 0 and first.index.held is not None

    second = Workspace(make_settings(data, db_path), store)  # another page, same cache folder
    second.prepare_index()  # the file is there: nothing is read until a screening needs it
    assert second.index.held is None
    again = second.screen("example", years=3)  # another window: screened afresh
    assert second.index.shared.built == 0 and second.index.held is not None
    assert again.key != screened.key

    ids = [f.id for f in second.folders()]
    second.ahead.prefetch(ids, stop=threading.Event())
    assert second.index.held is None  # let go once the proposals ahead are screened
    assert second.screen("example", years=3).view.findings == again.view.findings
