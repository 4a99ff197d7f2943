"""No publications is not "no concern": a person in scope without any works leaves the
co-authorship checks unrun for them, and the suggestion says so, for whom, in both languages."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.policy.factory import PI, aff, author, person, proposal, run, work

P2 = person("p2", "Chen Wei", aff("Osaka University"), role="Co-PI")
SECRETARY = person(
    "s1",
    "Ito Aoi",
    role="secretary",
    involved_in_research=False,
    accesses_research_information=False,
    lab_of="p1",
)
W1 = work("W1", "2024-05-14", author("Sato Haruki", "Tohoku University"), author("X", "TU Delft"))
W2 = work("W2", "2024-06-01", author("Wei Chen", "Osaka University"), author("Y", "KTH"))


def test_a_proposal_screened_without_works_never_suggests_no_concern() -> None:
    result = run(proposal(PI, P2, SECRETARY))
    s = result.suggested_outcome
    assert s.code == "screening-incomplete" and s.code != "no-concern"
    assert s.unscreened == (("p1", "Sato Haruki"), ("p2", "Chen Wei"))  # not the secretary
    assert "could not be run for Sato Haruki (p1), Chen Wei (p2)" in s.note
    assert "Sato Haruki（p1）、Chen Wei（p2）" in s.note_ja and "共著の確認" in s.note_ja
    doc = s.to_json()["incomplete"]
    assert doc["persons"] == [{"id": "p1", "name": "Sato Haruki"}, {"id": "p2", "name": "Chen Wei"}]
    assert doc["checks"] == ["recent_coauthorship", "undeclared_listed_affiliation"]
    assert {"Q3.6", "Q3.9", "Q8.1"} <= set(s.faq)


def test_one_person_without_works_is_named_and_the_rest_is_screened() -> None:
    s = run(proposal(PI, P2), W1).suggested_outcome
    assert s.code == "screening-incomplete" and s.unscreened == (("p2", "Chen Wei"),)
    assert "Sato Haruki" not in s.note


def test_with_works_for_everyone_in_scope_no_concern_stands_and_nothing_is_incomplete() -> None:
    s = run(proposal(PI, P2, SECRETARY), W1, W2).suggested_outcome
    assert s.code == "no-concern" and s.unscreened == ()
    assert s.to_json()["incomplete"] is None


def test_another_suggestion_keeps_its_code_and_says_for_whom_the_checks_did_not_run() -> None:
    p3 = person("p3", "Ivan Petrov", residency="non-resident", lab_of="p1")
    s = run(proposal(PI, P2, p3), W1, W2).suggested_outcome
    assert s.code == "mitigation-as-needed"
    assert s.unscreened == (("p3", "Ivan Petrov"),) and "Ivan Petrov (p3)" in s.note


def test_the_command_line_without_publications_reports_incomplete(fixtures: Path) -> None:
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "workbench.cli",
            "screen",
            str(fixtures / "policy/proposal.json"),
            "--format",
            "json",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    doc = json.loads(out.stdout)["suggested_outcome"]
    assert {p["id"] for p in doc["incomplete"]["persons"]} == {"p1", "p2", "p3", "p4", "p5", "p8"}
    assert "could not be run" in doc["note"] and "共著の確認" in doc["note_ja"]
