"""The FAQ text the findings cite: complete, and every cited question exists."""

from __future__ import annotations

from tests.policy.factory import PI, aff, author, investor, org, person, proposal, run, work
from workbench.faq import FAQ, cite
from workbench.rules import CHECKS


def test_every_question_of_the_faq_is_there_in_order() -> None:
    expected = [f"Q1.{i}" for i in range(1, 6)] + ["Q2.1", "Q2.2"]
    expected += [f"Q3.{i}" for i in range(1, 14)] + ["Q4.1", "Q4.2", "Q5.1", "Q6.1", "Q6.2"]
    expected += ["Q7.1", "Q7.2", "Q7.3", "Q8.1"]
    assert list(FAQ) == expected
    assert all(q.question_ja and q.answer_ja and q.summary_en for q in FAQ.values())


def test_the_text_carries_the_rules_the_checks_encode() -> None:
    assert "過去 2 年以内" in FAQ["Q3.6"].answer_ja and "過去 2 年以内" in FAQ["Q3.9"].answer_ja
    assert "秘書や事務員" in FAQ["Q3.7"].answer_ja
    assert "兼務先" in FAQ["Q3.8"].question_ja
    assert "出資" in FAQ["Q3.4"].answer_ja
    assert FAQ["Q3.12"].answer_ja.startswith("「非居住者」")
    assert "再提出" in FAQ["Q8.1"].answer_ja and "本 FAQ" not in FAQ["Q8.1"].answer_ja
    assert cite(["Q3.13", "Q3.2"]) == "FAQ Q3.2, Q3.13"


def test_every_finding_of_every_check_cites_known_questions() -> None:
    everyone = proposal(
        PI,
        person(
            "a", None, aff("Beihang University"), residency="non-resident", specific_category=True
        ),
        person("b", None, aff("Harbin Institute of Technology", "past", end=None)),
        orgs=(org("o1", "Example", "cooperation-partner", investor("Hebei Sinopack Electronics")),),
    )
    w = work(
        "W1",
        "2024",
        author("Haruki Sato", "Sharif University of Technology"),
        author("Z", "Harbin Institute of Technology"),
    )
    result = run(everyone, w)
    assert {f.check for f in result.findings} == set(CHECKS)
    for f in result.findings:
        assert f.faq and all(q in FAQ for q in f.faq), f
    assert all(q in FAQ for d in result.scope.decisions for q in d.faq)
