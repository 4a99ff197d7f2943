"""The shared example proposal, end to end: real loaders, the real shipped lists, the real matcher.

What the FAQ implies for ``tests/fixtures/policy/`` (copied from ``../shared/examples/``),
reference date 2025-06-20 (the submission date), window 2023-06-20 – 2025-06-20:

- p1 (PI) co-authored W9000000001 (2024-05-14) with Lei Zhang of Harbin Institute
  of Technology → recent_coauthorship with METI jp-eul-541 (Q3.6). W9000000002
  (2021, NUDT) is outside the window; W9000000003's Harbin *Medical* University
  is not HIT.
- p2 (Co-PI) is first author of the same W9000000001 → recent_coauthorship, HIT;
  p2's declared past HIT post → past_affiliation, info only (Q3.9).
- p4 and p5 co-authored W9000000004 (2024-11-02, publications.csv, linked by name
  "Yui Tanaka" / "Ren Kobayashi") with Hamid Karimi of Sharif University of
  Technology, METI jp-eul-259 → recent_coauthorship each.
- p3 and p8 are non-residents → non_resident (Q3.12); p4 → specific_category (Q3.13).
- p8's current affiliation "School of Astronautics, Beihang University" → listed_affiliation
  (Q3.5): one finding citing both METI jp-eul-501 and the US CSL's Entity List entry for BUAA.
- o1's clearly identified investor Hebei Sinopack → partner_listed, METI jp-eul-543 (Q3.4).
- p6 (secretary, no involvement) is out (Q3.7); p7 (Dutch PI) is out (Q3.2, Q5.1);
  p5 is in as a member of p1's lab at p1's concurrent institution RIKEN (Q3.8).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench.lists import load_list, shipped_lists
from workbench.matching import Matcher
from workbench.proposal import load_proposal
from workbench.publications import load_works_many
from workbench.screening import ScreeningResult, screen

METI = "METI End User List"
CSL = "US Consolidated Screening List"
CSL_BUAA = "380d9cdaa2a955c310e28f4ad9b83be6d9e4d97bed76ecd908a125c1"

EXPECTED = {
    ("recent_coauthorship", "p1", METI, "jp-eul-541"),
    ("recent_coauthorship", "p2", METI, "jp-eul-541"),
    ("past_affiliation", "p2", METI, "jp-eul-541"),
    ("recent_coauthorship", "p4", METI, "jp-eul-259"),
    ("recent_coauthorship", "p5", METI, "jp-eul-259"),
    ("non_resident", "p3", "", ""),
    ("non_resident", "p8", "", ""),
    ("specific_category", "p4", "", ""),
    ("listed_affiliation", "p8", METI, "jp-eul-501"),
    ("listed_affiliation", "p8", CSL, CSL_BUAA),
    ("partner_listed", "o1", METI, "jp-eul-543"),
}


@pytest.fixture(scope="module")
def example(fixtures: Path) -> ScreeningResult:
    here = fixtures / "policy"
    lists = [load_list(p).value for p in shipped_lists()]
    works = load_works_many([here / "works.json", here / "publications.csv"]).value
    return screen(load_proposal(here / "proposal.json"), works, Matcher.from_lists(lists), lists)


def test_shipped_lists_are_the_ones_the_expectations_rest_on(example: ScreeningResult) -> None:
    assert {x.name for x in example.lists} == {METI, CSL}


def test_example_yields_exactly_the_findings_the_faq_implies(example: ScreeningResult) -> None:
    cited = {
        (f.check, f.subject, r.list if r else "", r.entry_id if r else "")
        for f in example.findings
        for r in (f.entries or (None,))
    }
    assert cited == EXPECTED
    # one finding per (check, subject, organisation): Beihang, on both lists, is one finding
    assert len(example.findings) == len(EXPECTED) - 1
    (beihang,) = [f for f in example.findings if f.check == "listed_affiliation"]
    assert {(r.list, r.entry_id) for r in beihang.entries} == {
        (METI, "jp-eul-501"),
        (CSL, CSL_BUAA),
    }


def test_example_scope_window_and_evidence(example: ScreeningResult) -> None:
    assert (str(example.as_of), str(example.window_start)) == ("2025-06-20", "2023-06-20")
    assert {d.id for d in example.scope.excluded} == {"p6", "p7"}
    assert example.scope.decision("person", "p6").faq == ("Q3.7",)  # type: ignore[union-attr]
    assert example.scope.decision("person", "p5").faq == ("Q3.8",)  # type: ignore[union-attr]
    p1 = next(f for f in example.findings if f.check == "recent_coauthorship" and f.subject == "p1")
    assert {(e.work_id, e.coauthor) for e in p1.evidence} == {("W9000000001", "Zhang Lei")}
    assert any(
        e.affiliation == "Harbin Institute of Technology" for e in p1.evidence
    )  # institution
    assert any("School of Astronautics" in (e.affiliation or "") for e in p1.evidence)  # raw string
    p5 = next(f for f in example.findings if f.check == "recent_coauthorship" and f.subject == "p5")
    assert [(e.work_id, e.doi, e.date, e.coauthor) for e in p5.evidence] == [
        ("W9000000004", "10.0000/example.2024.010", "2024-11-02", "Hamid Karimi")
    ]
    methods = {(k.person_id, k.work_id): str(k.method) for k in example.links.links}
    assert methods[("p1", "W9000000001")] == "orcid"
    assert methods[("p5", "W9000000004")] == "name" and methods[("p4", "W9000000004")] == "name"


def test_example_suggests_mitigation_before_start(example: ScreeningResult) -> None:
    s = example.suggested_outcome
    assert s.code == "mitigation-before-start"
    assert set(s.driven_by) == {
        f"listed_affiliation:p8:{CSL}:{CSL_BUAA}",  # the first list given names the finding
        f"partner_listed:o1:{METI}:jp-eul-543",
    }
