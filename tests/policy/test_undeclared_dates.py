"""Q3.5, Q8.1: a byline affiliation is undeclared only when no declared affiliation with that
organisation (primary, concurrent or past) covers the work's date — tested at each boundary."""

from __future__ import annotations

from datetime import date

import pytest

from tests.policy.factory import PI, SHARIF, aff, author, found, person, proposal, run, work
from workbench.model import Affiliation, Person
from workbench.screening import ScreeningResult

UNDECLARED = "undeclared_listed_affiliation"


def _p3(*extra: Affiliation) -> Person:
    return person(
        "p3",
        "Reza Hosseini",
        aff("Institute of Science Tokyo", "primary", date(2024, 10, 1)),
        aff("Sharif University of Technology", "past", date(2016, 9, 1), date(2022, 2, 28)),
        *extra,
        role="postdoc",
    )


def _screen(when: str, p3: Person | None = None, years: int = 7) -> ScreeningResult:
    w = work("W1", when, author("Reza Hosseini", "Sharif University of Technology, Tehran"))
    return run(proposal(PI, p3 or _p3()), w, as_of=date(2025, 7, 4), years=years)


@pytest.mark.parametrize("when", ["2016-09-01", "2021-11-12", "2022-02-28", "2022-02"])
def test_a_work_within_a_declared_past_affiliation_is_declared(when: str) -> None:
    assert found(_screen(when), UNDECLARED) == set()


def test_a_work_the_day_after_the_declared_end_is_undeclared_and_says_so() -> None:
    result = _screen("2022-03-01")
    assert found(result, UNDECLARED) == {(UNDECLARED, "p3", SHARIF.entry_id)}
    (f,) = [f for f in result.findings if f.check == UNDECLARED]
    (ev,) = f.evidence
    assert ev.note == "declared past affiliation ended 2022-02-28; this work is 2022-03-01"
    assert ev.note_ja and "2022-02-28" in ev.note_ja and "2022-03-01" in ev.note_ja
    assert not ev.date_uncertain
    assert "declared past affiliation ended 2022-02-28" in f.summary
    assert "7 years" in f.summary and "直近7年" in f.summary_ja
    assert f.to_json()["evidence"][0]["note"] == ev.note


def test_a_work_the_day_before_the_declared_start_is_undeclared_and_says_so() -> None:
    result = _screen("2016-08-31", years=10)
    (f,) = [f for f in result.findings if f.check == UNDECLARED]
    assert f.evidence[0].note == (
        "declared past affiliation starts 2016-09-01; this work is 2016-08-31"
    )


def test_a_year_only_work_straddling_the_declared_end_is_kept_and_marked_uncertain() -> None:
    result = _screen("2022")
    (f,) = [f for f in result.findings if f.check == UNDECLARED]
    (ev,) = f.evidence
    assert ev.date_uncertain
    assert ev.note and ev.note.startswith("this work is dated only 2022;")
    assert "may fall after" in ev.note and "不確実" in (ev.note_ja or "")


def test_a_year_only_work_wholly_inside_the_declaration_is_declared() -> None:
    assert found(_screen("2019"), UNDECLARED) == set()


def test_a_year_only_work_wholly_after_the_declared_end_is_undeclared_not_uncertain() -> None:
    result = _screen("2023")
    (f,) = [f for f in result.findings if f.check == UNDECLARED]
    assert "ended 2022-02-28; this work is 2023" in (f.evidence[0].note or "")


def test_a_concurrent_affiliation_with_open_dates_covers_any_date() -> None:
    p3 = _p3(aff("Sharif University of Technology", "concurrent", None, None))
    assert found(_screen("2024-05-30", p3), UNDECLARED) == set()


def test_a_current_affiliation_started_after_the_work_does_not_cover_it() -> None:
    p3 = person(
        "p3",
        "Reza Hosseini",
        aff("Sharif University of Technology", "concurrent", date(2024, 10, 1)),
        role="postdoc",
    )
    result = _screen("2024-09-30", p3)
    (f,) = [f for f in result.findings if f.check == UNDECLARED]
    assert f.evidence[0].note == (
        "declared concurrent affiliation starts 2024-10-01; this work is 2024-09-30"
    )
    assert found(_screen("2024-10-01", p3), UNDECLARED) == set()


def test_an_organisation_never_declared_says_so() -> None:
    p3 = person("p3", "Reza Hosseini", aff("Institute of Science Tokyo"), role="postdoc")
    result = _screen("2024-05-30", p3)
    (f,) = [f for f in result.findings if f.check == UNDECLARED]
    assert f.evidence[0].note == "not declared in the questionnaire"
