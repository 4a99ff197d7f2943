"""The JSON questionnaire loads into the records with every field meaning what it says."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from workbench.errors import InputError, ProblemCollector, Severity
from workbench.model import AffiliationType, OrgRole, Residency, Side
from workbench.proposal import (
    load_proposal,
    load_proposal_with_report,
    proposal_from_data,
)
from workbench.proposal_data import proposal_to_data


@pytest.fixture
def example(fixtures: Path) -> Path:
    return fixtures / "proposal" / "proposal.json"


def _write(tmp_path: Path, data: dict[str, Any], name: str = "p.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def _minimal(**extra: Any) -> dict[str, Any]:
    person = {"id": "p1", "name": "Sato Haruki", "side": "JP", "role": "PI"}
    return {"proposal_id": "X-1", "title": "T", "people": [person], **extra}


def test_example_loads_with_its_values(example: Path) -> None:
    p = load_proposal(example)
    assert (p.proposal_id, p.field, p.call) == (
        "ASPIRE-2025-Q-0042",
        "quantum",
        "ASPIRE Japan-Netherlands 2025",
    )
    assert p.submitted == date(2025, 6, 20)
    assert p.source == str(example)
    assert [x.id for x in p.people] == [f"p{i}" for i in range(1, 9)]
    sato = p.person("p1")
    assert sato is not None
    assert (sato.name_local, sato.side, sato.role) == ("佐藤 春樹", Side.JP, "PI")
    assert (sato.orcid, sato.openalex_id) == ("0000-0001-0000-0001", "A5000000001")
    assert [(a.organization, a.type) for a in sato.affiliations] == [
        ("Tohoku University", AffiliationType.PRIMARY),
        ("RIKEN", AffiliationType.CONCURRENT),
    ]
    chen = p.person("p2")
    assert chen is not None and chen.role == "Co-PI"
    past = chen.affiliations[1]
    assert (past.organization, past.country, past.type) == (
        "Harbin Institute of Technology",
        "CN",
        AffiliationType.PAST,
    )
    assert (past.start, past.end) == (date(2012, 9, 1), date(2019, 8, 31))


def test_example_people_flags(example: Path) -> None:
    p = load_proposal(example)
    by_id = {x.id: x for x in p.people}
    assert by_id["p3"].residency is Residency.NON_RESIDENT and by_id["p3"].lab_of == "p1"
    assert by_id["p4"].specific_category is True
    assert by_id["p4"].specific_category_note == "cross-appointment with a foreign university"
    assert (by_id["p5"].lab_of, by_id["p5"].lab_site) == ("p1", "RIKEN")
    secretary = by_id["p6"]
    assert secretary.role == "secretary"
    assert not secretary.involved_in_research and not secretary.accesses_research_information
    assert by_id["p7"].side is Side.NL
    assert by_id["p8"].role == "external-collaborator"
    assert by_id["p8"].affiliations[0].organization == "School of Astronautics, Beihang University"
    # Fields left out take the questionnaire's defaults.
    assert by_id["p6"].orcid is None and by_id["p6"].specific_category_note is None


def test_example_organizations_and_investors(example: Path) -> None:
    o1, o2 = load_proposal(example).organizations
    assert (o1.id, o1.role, o1.receives_funding) == ("o1", OrgRole.COOPERATION_PARTNER, False)
    assert o1.name_local == "株式会社エグザンプル・クライオデバイス"
    (investor,) = o1.investors
    assert investor.name == "Hebei Sinopack Electronic Technology Co., Ltd."
    assert (investor.country, investor.clearly_identified) == ("CN", True)
    assert (o2.role, o2.investors) == (OrgRole.CO_FUNDER, ())


def test_report_counts_records_and_carries_warnings(example: Path) -> None:
    loaded = load_proposal_with_report(example)
    assert loaded.report.read == 8 + 2
    # The example's ORCID iDs are placeholders whose check digits are wrong.
    assert len(loaded.report.warnings) == 2
    assert all("check digit" in w and "$.people[" in w for w in loaded.report.warnings)


def test_missing_submitted_is_allowed_with_a_warning(tmp_path: Path) -> None:
    loaded = load_proposal_with_report(_write(tmp_path, _minimal()))
    assert loaded.value.submitted is None
    assert any("--as-of" in w and "$.submitted" in w for w in loaded.report.warnings)


def test_identifiers_are_stored_bare(tmp_path: Path) -> None:
    data = _minimal()
    data["people"][0]["orcid"] = "https://orcid.org/0000-0002-1825-0097"
    data["people"][0]["openalex_id"] = "https://openalex.org/A5023888391"
    p = load_proposal(_write(tmp_path, data))
    assert (p.people[0].orcid, p.people[0].openalex_id) == ("0000-0002-1825-0097", "A5023888391")


def test_future_dates_are_warnings_not_errors(tmp_path: Path) -> None:
    data = _minimal(submitted="2025-06-20")
    data["people"][0]["affiliations"] = [
        {"organization": "Tohoku University", "type": "primary", "start": "2025-10-01"},
        {"organization": "RIKEN", "type": "concurrent", "start": "2022-04-01", "end": "2027-03-31"},
    ]
    loaded = load_proposal_with_report(_write(tmp_path, data))
    assert loaded.value.people[0].affiliations[0].start == date(2025, 10, 1)
    (warning,) = loaded.report.warnings  # a fixed-term post ending later is normal
    assert "$.people[0].affiliations[0].start" in warning and "after the submission" in warning


def test_lab_of_a_non_pi_is_a_warning(tmp_path: Path) -> None:
    data = _minimal(submitted="2025-06-20")
    data["people"] += [
        {"id": "p2", "name": "Tanaka Yui", "side": "JP", "role": "postdoc", "lab_of": "p1"},
        {"id": "p3", "name": "Suzuki Aya", "side": "JP", "role": "secretary", "lab_of": "p2"},
    ]
    loaded = load_proposal_with_report(_write(tmp_path, data))
    assert loaded.value.people[2].lab_of == "p2"
    (warning,) = loaded.report.warnings
    assert "$.people[2].lab_of" in warning and "'postdoc'" in warning


def test_lab_site_outside_the_pis_affiliations_is_a_warning(tmp_path: Path) -> None:
    data = _minimal(submitted="2025-06-20")
    data["people"][0]["affiliations"] = [{"organization": "Tohoku University", "type": "primary"}]
    data["people"].append(
        {"id": "p2", "name": "Kobayashi Ren", "side": "JP", "role": "student", "lab_of": "p1",
         "lab_site": "RIKEN"}
    )  # fmt: skip
    (warning,) = load_proposal_with_report(_write(tmp_path, data)).report.warnings
    assert "$.people[1].lab_site" in warning and "'RIKEN'" in warning


def test_unknown_field_is_a_warning_naming_it(tmp_path: Path) -> None:
    data = _minimal(submitted="2025-06-20")
    data["people"][0]["resdency"] = "non-resident"
    loaded = load_proposal_with_report(_write(tmp_path, data))
    assert loaded.value.people[0].residency is Residency.RESIDENT
    (warning,) = loaded.report.warnings
    assert "$.people[0].resdency" in warning and "unknown field" in warning


def test_every_problem_is_collected_before_failing(tmp_path: Path) -> None:
    data = _minimal()
    data["people"][0]["side"] = "JA"
    data["people"][0]["residency"] = "foreign"
    data["people"].append({"id": "p1", "name": "Tanaka Yui", "side": "NL", "role": "PI"})
    with pytest.raises(InputError) as caught:
        load_proposal(_write(tmp_path, data))
    places = [(p.location, p.field) for p in caught.value.problems if p.severity is Severity.ERROR]
    assert places == [
        ("$.people[0].side", "side"),
        ("$.people[0].residency", "residency"),
        ("$.people[1].id", "id"),
    ]


def test_json_form_round_trips(example: Path) -> None:
    p = load_proposal(example)
    again = proposal_from_data(proposal_to_data(p), ProblemCollector("-"), source=p.source)
    assert again == p


def test_missing_file_is_not_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        load_proposal(tmp_path / "nowhere.json")
