"""One test (or a few) per FAQ question the checks encode, on small hand-written proposals."""

from __future__ import annotations

from datetime import date

from tests.policy.factory import (
    BUAA,
    HIT,
    PI,
    SHARIF,
    SINOPACK,
    aff,
    author,
    found,
    investor,
    org,
    person,
    proposal,
    run,
    work,
)

# --- scope ---------------------------------------------------------------------------------


def test_q3_2_japanese_side_and_outside_collaborators_in_dutch_side_out() -> None:
    ext = person("x1", "Li Ming", aff("Beihang University"), role="external-collaborator")
    nl = person("n1", "Anna de Vries", aff("Beihang University"), side="NL", role="PI")
    result = run(proposal(PI, ext, nl))
    scope = {d.id: (d.in_scope, d.faq) for d in result.scope.decisions}
    assert scope["p1"] == (True, ("Q3.2",))
    assert scope["x1"] == (True, ("Q3.2",))
    assert scope["n1"] == (False, ("Q3.2", "Q5.1"))
    # the outside collaborator is screened, the Dutch PI with the same affiliation is not
    assert found(result, "listed_affiliation") == {("listed_affiliation", "x1", BUAA.entry_id)}


def test_q3_3_unfunded_partners_and_co_funders_are_screened() -> None:
    orgs = (
        org("o1", "Harbin Institute of Technology", "co-funder"),
        org("o2", "Example K.K.", "cooperation-partner"),
    )
    result = run(proposal(PI, orgs=orgs))
    decisions = {d.id: d for d in result.scope.included}
    assert {"o1", "o2"} <= decisions.keys()
    assert "Q3.3" in decisions["o1"].faq and "receiving no funding" in decisions["o1"].reason
    assert found(result, "partner_listed") == {("partner_listed", "o1", HIT.entry_id)}


def test_q3_4_company_and_clearly_identified_investor_checked_unclear_investor_warned() -> None:
    clear = org("o1", "Example Cryo K.K.", "cooperation-partner", investor(SINOPACK.aliases[0]))
    unclear = org(
        "o2",
        "Other K.K.",
        "external-collaborator",
        investor("Sharif University of Technology", False),
    )
    result = run(proposal(PI, orgs=(clear, unclear)))
    assert found(result, "partner_listed") == {("partner_listed", "o1", SINOPACK.entry_id)}
    (f,) = result.findings[:1]
    assert f.faq == ("Q3.4",) and f.subject_kind == "organization"
    assert f.evidence[0].affiliation == "Hebei Sinopack Electronic Technology"
    assert "investor" in f.summary
    assert any(
        w.field == "clearly_identified" and "o2" not in w.message and "Sharif" in w.message
        for w in result.warnings
    )


def test_q3_5_current_primary_or_concurrent_affiliation_is_listed() -> None:
    people = (
        PI,
        person(
            "a", None, aff("Tohoku University"), aff("Beihang University, Beijing", "concurrent")
        ),
        person("b", None, aff("Harbin Institute of Technology", end=date(2025, 3, 31))),
        person("c", None, aff("Harbin Institute of Technology", start=date(2025, 9, 1))),
    )
    result = run(proposal(*people))
    assert found(result, "listed_affiliation") == {("listed_affiliation", "a", BUAA.entry_id)}
    (f,) = [f for f in result.findings if f.check == "listed_affiliation"]
    assert f.faq == ("Q3.5",) and f.severity == "report"
    assert f.evidence[0].matched_text == "Beihang University"
    assert f.list_entry is not None and f.list_entry.version == date(2025, 9, 29)
    assert f.key == f"listed_affiliation:a:Test List:{BUAA.entry_id}"
    # b's post ended before the reference date: past, not current
    assert ("past_affiliation", "b", HIT.entry_id) in found(result)
    # c's post starts after it: neither, and a warning names the field
    assert not any(s == "c" for _, s, _ in found(result))
    assert any(
        w.location == "$.people[3].affiliations[0]" and w.field == "start" for w in result.warnings
    )


def test_q3_6_recent_coauthorship_one_finding_per_person_and_entry_with_all_evidence() -> None:
    me = author("Haruki Sato", "Tohoku University", orcid="0000-0001-0000-0001")
    works = (
        work(
            "W1",
            "2024-05-14",
            me,
            author("Lei Zhang", "School of Astronautics, Harbin Institute of Technology"),
        ),
        work("W2", "2023-06-20", me, author("Fang Wang", inst=("Harbin Institute of Technology",))),
        work("W3", "2023-06-19", me, author("Old Coauthor", "Harbin Institute of Technology")),
        work(
            "W4",
            "2025-01-02",
            me,
            author("Hamid Karimi", "Sharif University of Technology, Tehran"),
        ),
    )
    result = run(proposal(PI), *works)
    assert found(result, "recent_coauthorship") == {
        ("recent_coauthorship", "p1", HIT.entry_id),
        ("recent_coauthorship", "p1", SHARIF.entry_id),
    }
    hit = next(f for f in result.findings if f.list_entry and f.list_entry.entry_id == HIT.entry_id)
    assert hit.faq == ("Q3.6", "Q3.9")
    # W2 lies exactly on the window's start (inside); W3 one day before (outside)
    assert [(e.work_id, e.coauthor, e.affiliation) for e in hit.evidence] == [
        ("W1", "Lei Zhang", "School of Astronautics, Harbin Institute of Technology"),
        ("W2", "Fang Wang", "Harbin Institute of Technology"),
    ]
    assert hit.evidence[0].matched_text == "Harbin Institute of Technology"
    assert hit.evidence[0].date == "2024-05-14" and not hit.evidence[0].date_uncertain


def test_q3_6_team_members_are_not_coauthors_and_year_only_dates_are_uncertain() -> None:
    ext = person("x1", "Li Ming", aff("Beihang University"), role="external-collaborator")
    works = (
        work(
            "W1",
            "2024-03-01",
            author("Haruki Sato", "Tohoku University"),
            author("Ming Li", "Beihang University"),
        ),
        work(
            "W2", "2023", author("Sato Haruki", "Tohoku"), author("Wang Fang", "Beihang University")
        ),
    )
    result = run(proposal(PI, ext), *works)
    (f,) = [f for f in result.findings if f.check == "recent_coauthorship"]
    assert (f.subject, f.list_entry and f.list_entry.entry_id) == ("p1", BUAA.entry_id)
    assert [(e.work_id, e.coauthor, e.date, e.date_uncertain) for e in f.evidence] == [
        ("W2", "Wang Fang", "2023", True)
    ]


def test_q3_7_secretary_out_lab_member_in() -> None:
    secretary = person(
        "s1",
        "Suzuki Aya",
        aff("Beihang University"),
        role="secretary",
        lab_of="p1",
        involved_in_research=False,
        accesses_research_information=False,
    )
    clerk_with_access = person(
        "s2",
        None,
        role="secretary",
        lab_of="p1",
        involved_in_research=False,
        accesses_research_information=True,
    )
    student = person("s3", None, role="student", lab_of="p1")
    result = run(proposal(PI, secretary, clerk_with_access, student))
    out = {d.id: d for d in result.scope.excluded}
    assert set(out) == {"s1"} and out["s1"].faq == ("Q3.7",)
    assert result.scope.decision("person", "s3").faq == ("Q3.7",)  # type: ignore[union-attr]
    assert not found(result, "listed_affiliation")


def test_q3_8_lab_members_at_a_pis_concurrent_institution_are_in_scope() -> None:
    pi = person(
        "p1", "Sato Haruki", aff("Tohoku University"), aff("RIKEN", "concurrent"), role="PI"
    )
    at_site = person("s1", None, aff("RIKEN"), role="student", lab_of="p1", lab_site="riken")
    wrong_site = person("s2", None, role="student", lab_of="p1", lab_site="Kyoto University")
    result = run(proposal(pi, at_site, wrong_site))
    d = result.scope.decision("person", "s1")
    assert d is not None and d.in_scope and d.faq == ("Q3.8",) and "RIKEN" in d.reason
    assert result.scope.decision("person", "s2").faq == ("Q3.7",)  # type: ignore[union-attr]
    assert any(w.location == "$.people[2]" and w.field == "lab_site" for w in result.warnings)


def test_q3_9_past_affiliation_is_info_but_recent_coauthorship_with_it_is_reported() -> None:
    p2 = person(
        "p2",
        "Chen Wei",
        aff("Osaka University"),
        aff("Harbin Institute of Technology", "past", date(2012, 9, 1), date(2019, 8, 31)),
        role="Co-PI",
    )
    w = work(
        "W1",
        "2024-05-14",
        author("Wei Chen", "Osaka University"),
        author("Lei Zhang", "Harbin Institute of Technology"),
    )
    result = run(proposal(PI, p2), w)
    assert found(result) >= {
        ("past_affiliation", "p2", HIT.entry_id),
        ("recent_coauthorship", "p2", HIT.entry_id),
    }
    past = next(f for f in result.findings if f.check == "past_affiliation")
    assert past.severity == "info" and past.faq == ("Q3.9",)
    assert "Not reportable by itself" in past.summary
    # without the co-authorship, the past affiliation alone leaves no concern
    unlisted = work(
        "W2", "2024-05-14", author("Wei Chen", "Osaka University"), author("Sato Haruki", "RIKEN")
    )
    alone = run(proposal(PI, p2), unlisted)
    assert found(alone) == {("past_affiliation", "p2", HIT.entry_id)}
    assert alone.suggested_outcome.code == "no-concern"


def test_q3_12_non_resident_is_control_not_concern() -> None:
    p3 = person("p3", "Ivan Petrov", residency="non-resident", lab_of="p1")
    nl = person("n1", None, side="NL", role="PI", residency="non-resident")
    result = run(proposal(PI, p3, nl))
    assert found(result) == {("non_resident", "p3", "")}
    (f,) = result.findings
    assert f.faq == ("Q3.12",) and f.severity == "control" and f.list_entry is None
    assert "not itself a security concern" in f.summary and "懸念を意味しません" in f.summary_ja


def test_q3_13_specific_category_is_control_not_concern() -> None:
    p4 = person(
        "p4",
        "Tanaka Yui",
        specific_category=True,
        specific_category_note="cross-appointment with a foreign university",
    )
    result = run(proposal(PI, p4))
    (f,) = result.findings
    assert (f.check, f.subject, f.faq) == ("specific_category", "p4", ("Q3.13",))
    assert "cross-appointment" in f.summary and "not itself a security concern" in f.summary


def test_q5_1_dutch_side_findings_never_raised() -> None:
    nl = person(
        "n1",
        "Anna de Vries",
        aff("Harbin Institute of Technology"),
        side="NL",
        role="PI",
        residency="non-resident",
        specific_category=True,
    )
    w = work(
        "W1", "2024-01-01", author("Anna de Vries", "TU Delft"), author("X", "Beihang University")
    )
    result = run(proposal(PI, nl), w)
    assert found(result) == set()
    assert result.scope.decision("person", "n1").faq == ("Q3.2", "Q5.1")  # type: ignore[union-attr]


def test_q8_1_own_listed_affiliation_on_a_recent_work_not_declared_is_to_verify() -> None:
    p2 = person("p2", "Chen Wei", aff("Osaka University"), role="Co-PI")
    declared = person("p5", "Kobayashi Ren", aff("Tohoku"), aff("Beihang University", "concurrent"))
    works = (
        work(
            "W1",
            "2024-05-14",
            author("Wei Chen", "Osaka University; Harbin Institute of Technology"),
        ),
        work("W2", "2024-06-01", author("Ren Kobayashi", "Beihang University")),
    )
    result = run(proposal(PI, p2, declared), *works)
    assert found(result, "undeclared_listed_affiliation") == {
        ("undeclared_listed_affiliation", "p2", HIT.entry_id)
    }
    f = next(f for f in result.findings if f.check == "undeclared_listed_affiliation")
    assert f.faq == ("Q3.5", "Q8.1") and f.severity == "verify"
    assert f.evidence[0].work_id == "W1" and f.evidence[0].coauthor is None
