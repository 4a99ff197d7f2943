"""Parquet works read as columns screen to the very rows of works read into records.

Every demo story is written as Parquet partitions (a work repeated in two of
them), and variants add what the columnar reading must keep exactly: works
without date or dated after the reference date, an author fitting two team
members, a team member listed twice on one work, affiliations as ``|``-text,
institutions, remembered verdicts that confirm and dismiss. Each folder is
screened both ways and the rows compared whole.
"""

from __future__ import annotations

import dataclasses
import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from workbench.demo.generate import story_files
from workbench.demo.stories import STORIES
from workbench.folders import ProposalFiles, find_proposals
from workbench.model import Authorship, Institution, PubDate, ScreeningList, Work
from workbench.portfolio.parquet_works import write_works
from workbench.portfolio.rows import entry_info
from workbench.portfolio.screen import screen_columnar, screen_files
from workbench.publications import load_works_many
from workbench.remembered import Remembering
from workbench.store.memory import MatchVerdicts, RememberedMatch
from workbench.vocabulary import Verdict


def _story_folder(root: Path, pid: str) -> tuple[Path, dict[str, Any], list[Work]]:
    story = next(s for s in STORIES if s.proposal_id == pid)
    files, _ = story_files(story)
    tmp = root.parent / f"json-{pid}"
    for rel, text in files.items():
        (tmp / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp / rel).write_text(text, encoding="utf-8")
    src = tmp / pid
    works = list(
        load_works_many(sorted(p for p in src.iterdir() if p.name != "proposal.json")).value
    )
    proposal = json.loads((src / "proposal.json").read_text(encoding="utf-8"))
    return src, proposal, works


def _write(folder: Path, proposal: dict[str, Any], parts: list[list[Work]]) -> None:
    (folder / "works").mkdir(parents=True)
    (folder / "proposal.json").write_text(json.dumps(proposal, ensure_ascii=False), "utf-8")
    for n, part in enumerate(parts):
        write_works(part, folder / "works" / f"part-{n:03d}.parquet")


def _variant(works: list[Work], proposal: dict[str, Any]) -> tuple[list[Work], dict[str, Any]]:
    """Works (and two more people) with what the pruning must keep: no date, a future date,
    an author fitting two people, a team member twice, institutions naming a listed
    organisation."""
    people = proposal["people"]
    twins = [
        {**people[1], "id": f"twin{n}", "name": name, "orcid": None, "openalex_id": None}
        for n, name in enumerate(("Hana Satoyama", "Haruto Satoyama"))
    ]
    first, second = people[0]["name"], people[1]["name"]
    twice = Authorship(first, raw_affiliations=("Tohoku University",))
    extra = [
        dataclasses.replace(works[0], id="W-UNDATED", date=None),
        dataclasses.replace(works[1], id="W-FUTURE", date=PubDate(2031, 1)),
        Work("W-TWICE", "Twice", PubDate(2024, 3), (twice, twice, Authorship("Someone Else"))),
        Work(
            "W-INST",
            "Institutions",
            PubDate(2024, 4),
            (
                Authorship(second),
                Authorship(
                    "Ko Author",
                    institutions=(Institution("Harbin Institute of Technology", "I1"),),
                    countries=("cn",),
                ),
            ),
        ),
        Work("W-AMBIG", "Ambiguous", PubDate(2024, 5), (Authorship("H. Satoyama"),)),
    ]
    return [*works, *extra], {**proposal, "people": [*people, *twins]}


@pytest.fixture(scope="module")
def folders(tmp_path_factory: pytest.TempPathFactory) -> list[ProposalFiles]:
    root = tmp_path_factory.mktemp("columnar") / "proposals"
    root.mkdir()
    for story in STORIES:
        pid = story.proposal_id
        _, proposal, works = _story_folder(root, pid)
        third = max(1, len(works) // 3)
        parts = [works[:third], works[third - 1 : 2 * third], works[2 * third :]]  # one repeated
        _write(root / pid, proposal, [p for p in parts if p])
        if pid.endswith(("-001", "-003", "-005")):
            more, with_twins = _variant(works, proposal)
            half = len(more) // 2
            _write(root / f"{pid}-variant", with_twins, [more[:half], more[half:]])
    # affiliations as '|' text and institutions as names, one partition
    _, proposal, works = _story_folder(root, STORIES[0].proposal_id)
    table = pq.read_table(root / STORIES[0].proposal_id / "works" / "part-000.parquet")
    table = table.set_column(
        table.schema.get_field_index("affiliations"),
        "affiliations",
        pa.array(["|".join(v) for v in table.column("affiliations").to_pylist()]),
    )
    table = table.set_column(
        table.schema.get_field_index("institutions"),
        "institutions",
        pa.array(
            [[i["display_name"] for i in v] for v in table.column("institutions").to_pylist()],
            pa.list_(pa.string()),
        ),
    )
    (root / "texts" / "works").mkdir(parents=True)
    (root / "texts" / "proposal.json").write_text(json.dumps(proposal), "utf-8")
    pq.write_table(table, root / "texts" / "works" / "part-000.parquet")
    return find_proposals(root)


@pytest.fixture(scope="module")
def base(lists: list[ScreeningList]) -> Remembering:
    return Remembering.from_lists(lists)


def _verdicts(base: Remembering, lists: list[ScreeningList]) -> MatchVerdicts:
    """Every proposal: Beihang University dismissed for an entry it matches, Tohoku University
    confirmed for an entry it does not."""
    t = datetime(2025, 6, 20, tzinfo=UTC)
    hit = base.index.match("Beihang University")[0]
    other = lists[0].entries[0]
    return MatchVerdicts(
        (
            RememberedMatch(
                "Beihang University", hit.list_name, hit.entry_id, Verdict.DISMISSED, "a", t, "X"
            ),
            RememberedMatch(
                "Tohoku University", lists[0].name, other.entry_id, Verdict.CONFIRMED, "a", t, "X"
            ),
        )
    )


@pytest.mark.parametrize("memory", [False, True], ids=["no-verdicts", "verdicts"])
def test_columnar_rows_equal_record_rows(
    folders: list[ProposalFiles], lists: list[ScreeningList], base: Remembering, memory: bool
) -> None:
    matcher = base.with_verdicts(_verdicts(base, lists) if memory else None)
    entries = entry_info(lists)
    findings = suppressed = 0
    for files in folders:
        fast = screen_columnar(files, lists, matcher, entries=entries)
        assert fast is not None, files.id  # read as columns, not the ordinary way
        slow = screen_files(files, lists, matcher, entries=entries, columnar=False)
        for part in ("proposal", "findings", "evidence", "scope", "problems"):
            assert getattr(fast, part) == getattr(slow, part), (files.id, part)
        findings += len(fast.findings)
        suppressed += fast.proposal["suppressed_by_memory"]
    assert findings > 20
    assert (suppressed > 0) == memory


def test_variants_hold_what_the_pruning_must_keep(
    folders: list[ProposalFiles], lists: list[ScreeningList], base: Remembering
) -> None:
    matcher = base
    files = next(f for f in folders if f.id.endswith("-001-variant"))
    rows = screen_columnar(files, lists, matcher)
    assert rows is not None
    messages = " ".join(str(p["message"]) for p in rows.problems)
    assert "works without publication_date" in messages
    assert "after the reference date" in messages
    assert "works found in more than one file" not in messages
    assert "both fit" in messages
    assert "fits more than one team member" in messages
    plain = next(f for f in folders if f.id == STORIES[0].proposal_id)
    again = screen_columnar(plain, lists, matcher)
    assert again is not None
    assert "works found in more than one file were kept once" in " ".join(
        str(p["message"]) for p in again.problems
    )


def test_a_bad_value_reads_the_folder_the_ordinary_way(
    folders: list[ProposalFiles], lists: list[ScreeningList], base: Remembering, tmp_path: Path
) -> None:
    src = folders[0]
    folder = tmp_path / "bad-doi"
    (folder / "works").mkdir(parents=True)
    assert src.proposal_file is not None
    (folder / "proposal.json").write_bytes(src.proposal_file.read_bytes())
    table = pq.read_table(src.works_files[0])
    dois = table.column("doi").to_pylist()
    dois[3] = "not a doi"
    table = table.set_column(table.schema.get_field_index("doi"), "doi", pa.array(dois))
    pq.write_table(table, folder / "works" / "part-000.parquet")
    [files] = find_proposals(tmp_path)
    assert screen_columnar(files, lists, base) is None
    rows = screen_files(files, lists, base)
    assert rows.proposal["status"] == "failed"
    assert [(p["location"], p["field"]) for p in rows.problems] == [("row 4", "doi")]
