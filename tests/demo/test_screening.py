"""End to end: screening each demo proposal against the shipped lists gives its story's findings.

This ties the demo to the real loaders, matcher and policy checks; a failure
names the proposal and the findings that differ.
"""

from __future__ import annotations

import pytest

from workbench.demo.stories import STORIES


@pytest.fixture(scope="module")
def screening():
    from workbench.lists import load_list, shipped_lists
    from workbench.matching.matcher import Matcher

    lists = [load_list(p).value for p in shipped_lists()]
    return lists, Matcher.from_lists(lists)


@pytest.mark.parametrize("pid", [s.proposal_id for s in STORIES])
def test_screening_finds_exactly_what_the_story_expects(demo, screening, pid) -> None:
    from workbench.proposal import load_proposal
    from workbench.publications.loader import load_works_many
    from workbench.screening import screen

    lists, matcher = screening
    entry = next(e for e in demo.index()["proposals"] if e["proposal_id"] == pid)
    folder = demo.proposals / pid
    works = load_works_many([folder / f for f in entry["files"] if f != "proposal.json"]).value
    result = screen(load_proposal(folder / "proposal.json"), works, matcher, lists)
    found = sorted(
        (
            f.check,
            f.subject,
            f.list_entry.list if f.list_entry else None,
            f.list_entry.entry_id if f.list_entry else None,
        )
        for f in result.findings
    )
    expected = sorted(
        (e["check"], e["subject"], e["list"], e["entry_id"]) for e in entry["expected_findings"]
    )
    assert found == expected
