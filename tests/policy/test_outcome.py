"""Suggested outcome (Q2.1, Q2.2, Q3.11, Q6.1, Q8.1), driven by finding keys."""

from __future__ import annotations

from tests.policy.factory import PI, aff, author, investor, org, person, proposal, run, work
from workbench.outcome import OUTCOMES, suggest_outcome


def test_q2_1_q3_11_no_concern_with_awareness_note() -> None:
    clean = work("W1", "2024-05-14", author("Sato Haruki", "Tohoku University"), author("X"))
    result = run(proposal(PI), clean)
    s = result.suggested_outcome
    assert s.code == "no-concern" and s.driven_by == ()
    assert "awareness-raising" in s.note and "Q3.11" in s.faq and "Q2.1" in s.faq
    assert "涵養" in s.note_ja and "suggestion" in s.label


def test_q2_2_q6_1_current_listed_affiliation_needs_mitigation_before_start() -> None:
    p = person("x", None, aff("Beihang University"), residency="non-resident")
    result = run(proposal(PI, p))
    s = result.suggested_outcome
    assert s.code == "mitigation-before-start"
    assert s.driven_by == ("listed_affiliation:x:Test List:t-501",)
    assert {"Q2.2", "Q6.1", "Q3.5"} <= set(s.faq)


def test_q3_4_listed_partner_drives_mitigation_before_start() -> None:
    o = org(
        "o1",
        "Example K.K.",
        "cooperation-partner",
        investor("Hebei Sinopack Electronic Technology"),
    )
    assert run(proposal(PI, orgs=(o,))).suggested_outcome.code == "mitigation-before-start"


def test_q3_6_coauthorship_or_deemed_export_is_mitigation_as_needed() -> None:
    w = work(
        "W1", "2024-05-14", author("Haruki Sato"), author("Z", "Harbin Institute of Technology")
    )
    result = run(proposal(PI, person("p3", None, residency="non-resident")), w)
    s = result.suggested_outcome
    assert s.code == "mitigation-as-needed"
    assert set(s.driven_by) == {
        "recent_coauthorship:p1:Test List:t-541",
        "non_resident:p3::",
    }


def test_dismissed_findings_no_longer_drive_and_confirmed_undeclared_asks_resubmission() -> None:
    p2 = person("p2", "Chen Wei", aff("Osaka University"))
    w = work("W1", "2024-05-14", author("Wei Chen", "Harbin Institute of Technology"))
    result = run(proposal(PI, p2), w)
    (f,) = result.findings
    assert f.check == "undeclared_listed_affiliation"
    assert suggest_outcome(result.findings).code == "mitigation-as-needed"
    assert suggest_outcome(result.findings, dismissed={f.key}).code == "no-concern"
    confirmed = suggest_outcome(result.findings, confirmed={f.key})
    assert confirmed.code == "resubmission-requested" and "Q8.1" in confirmed.faq
    assert confirmed.code in OUTCOMES and "review-withheld" in OUTCOMES
