"""Unknown open-ended labels are warnings, not stops: a role the workbench does not know is
kept, named in a warning with its field, and scope follows involvement and access (Q3.7)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from tests.policy.factory import ExactMatcher, screening_list
from workbench.errors import InputError, Severity
from workbench.proposal import load_proposal_with_report
from workbench.screening import screen


def _questionnaire(tmp_path: Path, **changes: object) -> Path:
    people = [
        {"id": "p1", "name": "Sato Haruki", "side": "JP", "role": "PI"},
        {"id": "p2", "name": "Ito Aoi", "side": "JP", "role": "coordinator", "lab_of": "p1"},
        {
            "id": "p3",
            "name": "Mori Ren",
            "side": "JP",
            "role": "research administrator",
            "involved_in_research": False,
            "accesses_research_information": False,
        },
    ]
    data = {"proposal_id": "T-9", "title": "t", "submitted": "2025-06-20", "people": people}
    data.update(changes)
    path = tmp_path / "proposal.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_an_unknown_role_screens_with_a_warning_naming_the_field(tmp_path: Path) -> None:
    loaded = load_proposal_with_report(_questionnaire(tmp_path))
    roles = [w for w in loaded.report.warnings if "role" in w]
    assert len(roles) == 2
    assert "$.people[1].role" in roles[0] and "'coordinator'" in roles[0]
    assert "$.people[2].role" in roles[1] and "'research administrator'" in roles[1]
    assert all("Q3.7" in w for w in roles)
    p = loaded.value
    assert [x.role for x in p.people] == ["PI", "coordinator", "research administrator"]
    result = screen(p, [], ExactMatcher(), [screening_list()], as_of=date(2025, 6, 20))
    assert result.scope.includes("person", "p2")  # involved: in (Q3.7)
    assert not result.scope.includes("person", "p3")  # neither involved nor accessing: out
    d = result.scope.decision("person", "p3")
    assert d is not None and d.faq == ("Q3.7",) and "research administrator" in d.reason


def test_values_the_rules_depend_on_still_stop_the_load(tmp_path: Path) -> None:
    people = [{"id": "p1", "name": "Sato Haruki", "side": "JA", "role": "coordinator"}]
    with pytest.raises(InputError) as e:
        load_proposal_with_report(_questionnaire(tmp_path, people=people))
    errors = [p for p in e.value.problems if p.severity is Severity.ERROR]
    assert [(p.location, p.field) for p in errors] == [("$.people[0].side", "side")]
