"""Comparing two versions of a questionnaire and of their findings (FAQ Q7.1, Q8.1)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from workbench.cli import main
from workbench.proposal import load_proposal
from workbench.revision import compare_findings, compare_proposals

EXAMPLE = Path(__file__).resolve().parents[1] / "fixtures" / "proposal" / "proposal.json"


OLD = EXAMPLE.parents[1] / "revision" / "proposal_v1.json"


@pytest.fixture
def versions() -> tuple[Path, Path]:
    """An earlier version (see tests/fixtures/revision/README.md) and the example."""
    return OLD, EXAMPLE


def test_every_kind_of_change_is_listed(versions):
    old, new = (load_proposal(p) for p in versions)
    changes = compare_proposals(old, new)
    kinds = {(c.kind, c.subject, c.field) for c in changes.changes}
    assert ("person-added", "p8", "") in kinds
    assert ("person-removed", "p9", "") in kinds
    assert ("person-changed", "p4", "residency") in kinds
    assert ("person-changed", "p2", "role") in kinds
    assert ("person-changed", "p2", "lab_of") in kinds
    assert ("affiliation-added", "p1", "affiliation") in kinds
    assert ("investor-added", "o1", "investor") in kinds
    role = next(c for c in changes.changes if c.subject == "p2" and c.field == "role")
    assert (role.old, role.new) == ("researcher", "Co-PI")
    riken = next(c for c in changes.changes if c.kind == "affiliation-added")
    assert riken.new.startswith("RIKEN, JP, concurrent")
    assert "所属追加 RIKEN" in riken.text("ja") and "affiliation added: RIKEN" in riken.text("en")
    assert len(changes.changes) == 7
    assert compare_proposals(new, new).unchanged


def test_findings_are_new_gone_or_unchanged(versions, capsys):
    old, new = versions
    status = main(["screen", str(new), "--compare", str(old), "--format", "json"])
    assert status == 0
    data = json.loads(capsys.readouterr().out)
    cmp = data["comparison"]
    keys = {f["key"] for f in data["findings"]}
    assert set(cmp["findings"]["new"]) | set(cmp["findings"]["unchanged"]) == keys
    assert any(k.startswith("partner_listed:o1:") for k in cmp["findings"]["new"])
    assert any(
        k.startswith("non_resident:p4") for k in cmp["findings"]["new"] + cmp["findings"]["gone"]
    )
    assert not set(cmp["findings"]["new"]) & set(cmp["findings"]["unchanged"])
    assert {c["subject"] for c in cmp["questionnaire"]["changes"]} >= {"p8", "p9", "o1"}


def test_text_comparison_in_both_languages(versions, capsys):
    old, new = versions
    assert main(["screen", str(new), "--compare", str(old), "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "== Compared with the previous version ==" in out
    assert "person p8" in out and "added" in out and "findings: new" in out
    assert main(["screen", str(new), "--compare", str(old)]) == 0
    out = capsys.readouterr().out
    assert "== 前版との比較 ==" in out and "を追加" in out and "指摘: 新規" in out


def test_same_findings_on_both_sides_are_all_unchanged():
    proposal = load_proposal(EXAMPLE)
    from workbench.lists import load_list, shipped_lists
    from workbench.matching import Matcher
    from workbench.screening import screen

    lists = [load_list(p).value for p in shipped_lists()]
    result = screen(proposal, (), Matcher.from_lists(lists), lists)
    same = compare_findings(result.findings, result.findings)
    assert same.new == () and same.gone == ()
    assert len(same.unchanged) == len(result.findings) > 0
    assert same.status(result.findings[0].key) == "unchanged"
