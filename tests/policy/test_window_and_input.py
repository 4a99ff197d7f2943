"""The look-back window, its reference date, and bad input: errors and warnings, never silence."""

from __future__ import annotations

from datetime import date

import pytest

from tests.policy.factory import PI, aff, author, person, proposal, run, work
from workbench.errors import InputError
from workbench.model import PubDate
from workbench.window import Window


def test_window_is_two_years_both_ends_inclusive() -> None:
    w = Window.ending(date(2025, 6, 20))
    assert (w.start, w.end) == (date(2023, 6, 20), date(2025, 6, 20))
    assert w.contains(PubDate(2023, 6, 20)) and w.contains(PubDate(2025, 6, 20))
    assert not w.contains(PubDate(2023, 6, 19)) and not w.contains(PubDate(2025, 6, 21))
    # a year or a month alone is inside when any of its days is
    assert w.contains(PubDate(2023)) and w.contains(PubDate(2023, 6)) and w.contains(PubDate(2025))
    assert not w.contains(PubDate(2023, 5)) and not w.contains(PubDate(2026))
    assert Window.ending(date(2025, 6, 20), years=3).start == date(2022, 6, 20)


def test_reference_date_as_of_then_submitted_then_error() -> None:
    w = work(
        "W1", "2023-07-01", author("Haruki Sato"), author("Z", "Harbin Institute of Technology")
    )
    assert run(proposal(PI), w).as_of == date(2025, 6, 20)
    late = run(proposal(PI), w, as_of=date(2025, 9, 1))
    assert (late.as_of, late.window_start) == (date(2025, 9, 1), date(2023, 9, 1))
    assert late.findings == ()  # W1 is now outside the window
    with pytest.raises(InputError) as e:
        run(proposal(PI, submitted=None), w)
    assert e.value.problems[0].field == "submitted" and "--as-of" in str(e.value)


def test_works_without_dates_or_dated_after_the_reference_are_warned_by_name() -> None:
    hit = author("Z", "Harbin Institute of Technology")
    result = run(
        proposal(PI),
        work("W7", None, author("Haruki Sato"), hit),
        work("W8", "2026-01-05", author("Haruki Sato"), hit),
        work("W7", "2024-01-01", author("Haruki Sato"), hit),
    )
    text = [str(w) for w in result.warnings]
    assert any("work W7" in t and "publication_date" in t and "no date" in t for t in text)
    assert any("work W8" in t and "after the reference date" in t for t in text)
    assert any("work W7" in t and "more than once" in t for t in text)
    assert result.findings == ()


@pytest.mark.parametrize(
    ("people", "location", "field"),
    [
        ((PI, person("s", None, lab_of="nobody")), "$.people[1]", "lab_of"),
        (
            (PI, person("s", None, aff("X", start=date(2024, 1, 1), end=date(2023, 1, 1)))),
            "$.people[1].affiliations[0]",
            "end",
        ),
        ((PI, person("p1", None)), "$.people[1]", "id"),
    ],
)
def test_inconsistent_proposals_stop_with_record_and_field(people, location, field) -> None:
    with pytest.raises(InputError) as e:
        run(proposal(*people))
    assert [(p.file, p.location, p.field) for p in e.value.problems if p.severity == "error"] == [
        ("t.json", location, field)
    ]


def test_an_unknown_role_is_no_stop_and_scope_follows_involvement() -> None:
    """Q3.7: the role is an open-ended label; involvement and access decide scope."""
    result = run(proposal(PI, person("s", None, role="intern", lab_of="p1")))
    assert result.scope.includes("person", "s")
