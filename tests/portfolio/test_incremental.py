"""Re-screening from the stored tables after a list revision equals re-screening in full.

The revision adds, removes, renames and renumbers METI entries; the stored tables were
written by ``screen_portfolio(...).write`` against the old version. Only the proposals
holding strings whose answer changes are screened again, and every table, change and
outcome is the full re-screening's.
"""

from __future__ import annotations

import dataclasses
import json
import shutil
from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from workbench.model import ListEntry, ScreeningList
from workbench.portfolio import rescreen, screen_portfolio
from workbench.portfolio.incremental import Incremental, rescreen_stored
from workbench.portfolio.strings import Strings, answer

METI = "METI End User List"


def revised(old: ScreeningList, renamed: str) -> ScreeningList:
    entries = []
    for e in old.entries:
        if e.entry_id == "jp-eul-541":  # Harbin Institute of Technology: removed
            continue
        if e.entry_id == "jp-eul-559":  # renumbered
            e = dataclasses.replace(e, entry_id="jp-eul-9559")
        if e.entry_id == renamed:
            e = dataclasses.replace(e, name=f"{e.name} (renamed)")
        entries.append(e)
    entries.append(ListEntry(METI, "jp-eul-9001", "Institute of Nowhere in Particular"))
    return dataclasses.replace(
        old, entries=tuple(entries), version=date(2026, 4, 1), source="new.json", content_hash="n"
    )


def _assert_same(inc: Incremental, full: Any) -> None:
    """Every table and every change of the incremental re-screening are the full one's."""
    for name, df in full.new.frames().items():
        pd.testing.assert_frame_equal(
            inc.report.new.frames()[name].reset_index(drop=True),
            df.reset_index(drop=True),
            obj=name,
            check_dtype=False,
        )
    pd.testing.assert_frame_equal(inc.report.changes, full.changes, check_dtype=False)
    pd.testing.assert_frame_equal(inc.report.outcomes, full.outcomes, check_dtype=False)


@pytest.fixture(scope="module")
def runs(
    portfolio: tuple[Path, dict[str, Any]],
    lists: list[ScreeningList],
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[Incremental, Any, ScreeningList]:
    root = portfolio[0]
    meti = next(x for x in lists if x.name == METI)
    others = [x for x in lists if x.name != METI]
    kept = tmp_path_factory.mktemp("kept")
    before = screen_portfolio(root, [*others, meti])
    before.write(kept)
    new = revised(meti, "jp-eul-503")  # CETC Chip Technology: renamed
    inc = rescreen_stored(root, kept, meti, new, others)
    assert inc is not None
    return inc, rescreen(root, meti, new, others), new


def test_incremental_rescreen_equals_the_full_one(runs: tuple[Incremental, Any, Any]) -> None:
    inc, full, _ = runs
    _assert_same(inc, full)
    assert set(full.changes["change"]) >= {"lost", "renumbered"}


def test_only_proposals_holding_changed_strings_are_screened_again(
    runs: tuple[Incremental, Any, ScreeningList],
) -> None:
    inc, full, new = runs
    p = full.new.proposals
    f = full.new.findings
    reused = set(p.loc[p["folder"].isin(inc.reused), "proposal_id"])
    assert inc.screened and reused & set(f.loc[f["list"] == METI, "proposal_id"])
    assert set(full.affected) <= set(p.loc[p["folder"].isin(inc.screened), "proposal_id"])
    texts = {t for t, _ in inc.changed}
    assert any("Harbin" in t for t in texts)
    assert all(t != "Tohoku University" for t in texts)
    # the reused rows carry the new version of the list
    assert set(f.loc[f["list"] == METI, "list_version"]) == {new.version.isoformat()}


def test_rescreen_command_from_stored_tables_says_what_it_screened(
    portfolio: tuple[Path, dict[str, Any]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from workbench.cli import main

    root_dir = Path(__file__).resolve().parents[2]
    old = root_dir / "tests" / "fixtures" / "lists" / "csl_sample_2019-12.csv"
    new = root_dir / "data" / "lists" / "csl_2023-11.csv"
    common = ["--registry", str(tmp_path / "reg.json"), "--db", "none", "--no-progress"]
    kept = tmp_path / "kept"
    root = str(portfolio[0])
    assert main(["portfolio", "screen", root, "--list", str(old), "--out", str(kept), *common]) == 3
    capsys.readouterr()
    rescreen_args = ["portfolio", "rescreen", root, "--old-list", str(old), "--new-list", str(new)]
    assert main([*rescreen_args, "--format", "json", "--tables", str(kept), *common]) == 3
    stored = capsys.readouterr()
    assert "proposals screened again" in stored.err
    assert main([*rescreen_args, "--format", "json", *common]) == 3
    full = capsys.readouterr()
    assert stored.out == full.out and '"affected"' in full.out
    # tables of other lists are refused, and the folder screened in full
    assert main([*rescreen_args, "--tables", str(tmp_path / "none"), *common]) == 3
    assert "every proposal is screened" in capsys.readouterr().err


def test_reused_rows_carry_the_revised_entry_facts(
    portfolio: tuple[Path, dict[str, Any]],
    lists: list[ScreeningList],
    tmp_path: Path,
) -> None:
    """A revision that changes no match (every entry's type restated) screens nothing again,
    and the stored rows show the new facts, as a full re-screening does."""
    root = portfolio[0]
    meti = next(x for x in lists if x.name == METI)
    others = [x for x in lists if x.name != METI]
    screen_portfolio(root, [*others, meti]).write(tmp_path / "kept")
    new = dataclasses.replace(
        meti,
        entries=tuple(dataclasses.replace(e, entity_type="entity (revised)") for e in meti.entries),
        version=date(2026, 5, 1),
        source="restated.json",
        content_hash="restated",
    )
    inc = rescreen_stored(root, tmp_path / "kept", meti, new, others)
    assert inc is not None and inc.screened == () and inc.reused
    full = rescreen(root, meti, new, others)
    f, g = inc.report.new.findings, full.new.findings
    assert set(g.loc[g["list"] == METI, "entry_type"]) == {"entity (revised)"}
    pd.testing.assert_frame_equal(
        f.reset_index(drop=True), g.reset_index(drop=True), check_dtype=False
    )


def _every_proposal_names_harbin(source: Path, root: Path) -> int:
    """The portfolio's proposals with JSON questionnaires, each of whose first persons also
    holds a current affiliation with Harbin Institute of Technology; returns their count."""
    count = 0
    for questionnaire in sorted(source.glob("*/proposal.json")):
        try:
            data = json.loads(questionnaire.read_text(encoding="utf-8"))
        except ValueError:  # the broken folders stay out
            continue
        folder = root / questionnaire.parent.name
        shutil.copytree(questionnaire.parent, folder)
        data["people"][0]["affiliations"].append(
            {
                "organization": "Harbin Institute of Technology",
                "country": "CN",
                "type": "concurrent",
                "is_research_institution": True,
                "start": "2019-04-01",
                "end": None,
            }
        )
        (folder / "proposal.json").write_text(json.dumps(data), encoding="utf-8")
        count += 1
    return count


def test_an_entry_every_proposal_names_renamed_screens_none_again(
    portfolio: tuple[Path, dict[str, Any]], lists: list[ScreeningList], tmp_path: Path
) -> None:
    """Renaming an entry changes every string naming it only in the entry's name: the stored
    rows take the new name (findings, evidence, summaries) and equal a full re-screening."""
    root = tmp_path / "proposals"
    root.mkdir()
    proposals = _every_proposal_names_harbin(portfolio[0], root)
    meti = next(x for x in lists if x.name == METI)
    others = [x for x in lists if x.name != METI]
    screen_portfolio(root, [*others, meti]).write(tmp_path / "kept")
    new = dataclasses.replace(
        meti,
        entries=tuple(
            dataclasses.replace(e, name="Harbin Institute of Technology (HIT)")
            if e.entry_id == "jp-eul-541"
            else e
            for e in meti.entries
        ),
        version=date(2026, 6, 1),
        source="renamed.json",
        content_hash="renamed-541",
    )
    inc = rescreen_stored(root, tmp_path / "kept", meti, new, others)
    full = rescreen(root, meti, new, others)
    assert inc is not None and inc.screened == () and len(inc.reused) == proposals >= 5
    assert any("Harbin" in t for t, _ in inc.changed)
    f = full.new.findings
    cites = f[f["entry_id"] == "jp-eul-541"]
    assert set(cites["proposal_id"]) == set(full.new.screened["proposal_id"])
    assert set(cites["entry_name"]) == {"Harbin Institute of Technology (HIT)"}
    assert (
        cites["summary"].str.contains("Harbin Institute of Technology (HIT) [", regex=False).all()
    )
    _assert_same(inc, full)


def test_an_organisation_moved_to_another_country_is_screened_again(
    portfolio: tuple[Path, dict[str, Any]], lists: list[ScreeningList], tmp_path: Path
) -> None:
    """Northwestern Polytechnical University on METI's list and the CSL is one organisation;
    METI's entry moved to another country is not the CSL's any more: the proposals naming it
    are screened again, and the tables are the full re-screening's."""
    root = portfolio[0]
    meti = next(x for x in lists if x.name == METI)
    others = [x for x in lists if x.name != METI]
    screen_portfolio(root, [*others, meti]).write(tmp_path / "kept")
    nwpu = next(e for e in meti.entries if e.name == "Northwestern Polytechnical University")
    new = dataclasses.replace(
        meti,
        entries=tuple(
            dataclasses.replace(e, country="Japan") if e is nwpu else e for e in meti.entries
        ),
        version=date(2026, 7, 1),
        source="moved.json",
        content_hash="moved-nwpu",
    )
    inc = rescreen_stored(root, tmp_path / "kept", meti, new, others)
    full = rescreen(root, meti, new, others)
    assert inc is not None
    old_f, new_f = full.old.findings, full.new.findings
    naming = set(old_f.loc[old_f["organisation_name"].str.contains("Northwestern"), "proposal_id"])
    p = full.new.proposals
    assert naming and naming <= set(p.loc[p["folder"].isin(inc.screened), "proposal_id"])
    moved = new_f[new_f["entry_name"].str.contains("Northwestern", na=False)]
    # two organisations now, each on one list: one finding each
    assert set(moved["organisation_lists"]) == {METI, "US Consolidated Screening List"}
    assert nwpu.entry_id in set(moved["entry_id"]) and len(set(moved["entry_id"])) == 2
    _assert_same(inc, full)


def test_the_old_answers_are_read_from_the_tables_or_matched_again(
    portfolio: tuple[Path, dict[str, Any]], lists: list[ScreeningList], tmp_path: Path
) -> None:
    """The strings file keeps the old lists' answer for each string (the re-screening then
    builds only the new lists' index); strings written without them give the same result."""
    from workbench.match_memo import MatchMemo
    from workbench.matching import Matcher

    root = portfolio[0]
    meti = next(x for x in lists if x.name == METI)
    others = [x for x in lists if x.name != METI]
    screen_portfolio(root, [*others, meti]).write(tmp_path / "kept")
    kept = Strings.read(tmp_path / "kept")
    assert kept is not None
    said = kept.answers()
    assert said is not None and len(said) == len(kept.texts_of)
    plain = MatchMemo(Matcher.from_lists([*others, meti]))
    harbin = next(t for t in said if "Harbin" in t[0])
    assert said[harbin] == answer(plain.match(*harbin)) != answer(())
    new = revised(meti, "jp-eul-503")
    with_answers = rescreen_stored(root, tmp_path / "kept", meti, new, others)
    dataclasses.replace(kept, answers_of=None).write(tmp_path / "kept")
    without = rescreen_stored(root, tmp_path / "kept", meti, new, others)
    assert with_answers is not None and without is not None
    assert with_answers.changed == without.changed and with_answers.screened == without.screened
    _assert_same(with_answers, without.report)
