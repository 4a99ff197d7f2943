"""Texts follow the window in use, and one term per concept (workbench.glossary)."""

from __future__ import annotations

import re
from datetime import date

import pytest

from tests.policy.factory import (
    PI,
    aff,
    author,
    investor,
    org,
    person,
    proposal,
    run,
    work,
)
from workbench import outcome
from workbench.glossary import AVOID, CHECK_LABELS, FAQ_YEARS, TERMS, check_label, window_notice
from workbench.rules import CHECKS
from workbench.screening import ScreeningResult
from workbench.window import DEFAULT_YEARS


def _every_check(years: int) -> ScreeningResult:
    """A proposal raising every check the registry has."""
    p2 = person(
        "p2",
        "Chen Wei",
        aff("Osaka University"),
        aff("Harbin Institute of Technology", "past", date(2012, 9, 1), date(2019, 8, 31)),
        aff("Beihang University", "concurrent"),
        role="Co-PI",
        specific_category=True,
    )
    p3 = person("p3", "Ivan Petrov", residency="non-resident", lab_of="p1")
    o1 = org("o1", "Example K.K.", "cooperation-partner", investor("Hebei Sinopack Electronics"))
    works = (
        work(
            "W1",
            "2024-05-14",
            author("Wei Chen", "Sharif University of Technology"),
            author("Lei Zhang", "Harbin Institute of Technology"),
        ),
        work(
            "W2",
            "2024-06-01",
            author("Sato Haruki", "Tohoku University"),
            author("Ivan Petrov", "Tohoku University"),
        ),
    )
    return run(proposal(PI, p2, p3, orgs=(o1,)), *works, as_of=date(2025, 6, 20), years=years)


def test_the_example_raises_every_check() -> None:
    assert {f.check for f in _every_check(7).findings} == set(CHECKS)


def _texts(result: ScreeningResult) -> list[str]:
    s = result.suggested_outcome
    return [
        *(t for f in result.findings for t in (f.summary, f.summary_ja)),
        *(t for f in result.findings for e in f.evidence for t in (e.note, e.note_ja) if t),
        s.note,
        s.note_ja,
        s.label,
        s.label_ja,
    ]


def test_with_a_seven_year_window_every_text_says_seven_never_two() -> None:
    result = _every_check(7)
    texts = _texts(result)
    two = re.compile(r"(?<!\d)2 ?年|two[- ]year|2[- ]year|\b2 years")
    assert not [t for t in texts if two.search(t)]
    by_check = {f.check: f for f in result.findings}
    assert "last 7 years" in by_check["recent_coauthorship"].summary
    assert "直近7年" in by_check["recent_coauthorship"].summary_ja
    assert "last 7 years" in by_check["past_affiliation"].summary
    assert "直近7年" in by_check["past_affiliation"].summary_ja
    assert "直近7年" in by_check["undeclared_listed_affiliation"].summary_ja
    doc = result.to_json()
    assert doc["years"] == 7
    assert doc["window_notice"] == {
        "faq_years": 2,
        "years": 7,
        "note": "The FAQ's window is 2 years (Q3.6); this review uses 7.",
        "note_ja": "FAQ の確認期間は 2 年です（Q3.6）。この審査では 7 年を使っています。",
    }


def test_the_faqs_window_is_not_flagged_and_is_the_default() -> None:
    assert DEFAULT_YEARS == FAQ_YEARS and window_notice(FAQ_YEARS) is None
    result = _every_check(2)
    assert result.to_json()["years"] == 2 and result.to_json()["window_notice"] is None
    assert "直近2年" in next(f for f in result.findings if f.check == "past_affiliation").summary_ja


@pytest.mark.parametrize("years", [1, 2, 7])
def test_check_labels_say_the_window_in_use(years: int) -> None:
    assert set(CHECK_LABELS) == set(CHECKS)
    assert check_label("recent_coauthorship", "ja", years) == f"直近{years}年の共著"
    assert f"{years} years" in check_label("recent_coauthorship", "en", years)


def test_one_term_per_concept_in_every_domain_text() -> None:
    texts = _texts(_every_check(2)) + [t for triple in outcome._TEXT.values() for t in triple[:2]]
    texts += [d.reason_ja for d in _every_check(2).scope.decisions]
    for concept, words in AVOID.items():
        for word in words:
            assert not [t for t in texts if word in t], (concept, word)
    assert any(TERMS["mitigation"][0] in t for t in texts)
    assert any(TERMS["reviewer"][0] in t for t in texts)
