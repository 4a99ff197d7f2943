"""A bare acronym-like name on an institution's own list, declared with its country.

"RIKEN" alone is too little for the matcher to raise (it could be anything);
declared as an affiliation in Japan it is the RIKEN of a list that says Japan.
The checks pass the declared country of affiliations, organisations and
investors to the real matcher.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.policy.factory import (
    PI,
    ExactMatcher,
    aff,
    author,
    found,
    org,
    person,
    proposal,
    screening_list,
    work,
)
from workbench.lists import load_list
from workbench.matching import Matcher
from workbench.model import Investor, Organization, OrgRole, ScreeningList
from workbench.rules import cached_match
from workbench.screening import screen

ENTRY = "institution_watch-2"


@pytest.fixture(scope="module")
def own_list(tmp_path_factory: pytest.TempPathFactory) -> ScreeningList:
    path: Path = tmp_path_factory.mktemp("lists") / "institution_watch.csv"
    path.write_text(
        "name,aliases,country,note\nRIKEN,,JP,test entry of an institution's own list\n",
        encoding="utf-8",
    )
    return load_list(path).value


@pytest.fixture(scope="module")
def matcher(own_list: ScreeningList) -> Matcher:
    return Matcher.from_lists([own_list])


def test_current_affiliation_declared_in_japan_is_raised(
    own_list: ScreeningList, matcher: Matcher
) -> None:
    own = work("W1", "2025-01-10", author("Wei Chen", "RIKEN, Wako, Saitama, Japan"))
    p2 = person("p2", "Chen Wei", aff("RIKEN", "concurrent", country="JP"))
    result = screen(proposal(PI, p2), [own], matcher, [own_list])
    assert found(result) == {("listed_affiliation", "p2", ENTRY)}  # declared: not "undeclared"
    (finding,) = result.findings
    assert finding.evidence[0].matched_text == "RIKEN"
    undeclared = person("p2", "Chen Wei", aff("RIKEN", "concurrent"))  # no country: no match
    result = screen(proposal(PI, undeclared), [own], matcher, [own_list])
    assert found(result) == {("undeclared_listed_affiliation", "p2", ENTRY)}


def test_without_a_declared_country_it_is_not(own_list: ScreeningList, matcher: Matcher) -> None:
    p2 = person("p2", "Chen Wei", aff("RIKEN", "concurrent"))
    p3 = person("p3", "Ivan Petrov", aff("RIKEN", "concurrent", country="US"))
    assert screen(proposal(PI, p2, p3), [], matcher, [own_list]).findings == ()


def test_past_affiliation_and_partner_with_their_countries(
    own_list: ScreeningList, matcher: Matcher
) -> None:
    p2 = person(
        "p2",
        "Chen Wei",
        aff("Osaka University"),
        aff("RIKEN", "past", end=None, country="JP"),
    )
    partner = org("o1", "RIKEN")  # the factory declares organisations in JP
    funded = Organization(
        "o2",
        "Example Instruments B.V.",
        OrgRole("cooperation-partner"),
        "NL",
        investors=(Investor("RIKEN", "JP", True), Investor("RIKEN", None, True)),
    )
    result = screen(proposal(PI, p2, orgs=(partner, funded)), [], matcher, [own_list])
    assert found(result) == {
        ("past_affiliation", "p2", ENTRY),
        ("partner_listed", "o1", ENTRY),
        ("partner_listed", "o2", ENTRY),
    }


def test_matchers_without_a_country_keyword_still_work() -> None:
    exact = ExactMatcher()
    match = cached_match(exact)
    assert [m.entry_id for m in match("Harbin Institute of Technology", "CN")] == ["t-541"]
    p2 = person("p2", "Chen Wei", aff("Beihang University", country="CN"))
    result = screen(proposal(PI, p2), [], exact, [screening_list()])
    assert found(result) == {("listed_affiliation", "p2", "t-501")}


def test_the_cache_keeps_texts_with_different_countries_apart(matcher: Matcher) -> None:
    match = cached_match(matcher)
    assert match("RIKEN") == ()
    assert [m.entry_id for m in match("RIKEN", "JP")] == [ENTRY]
    assert match("RIKEN", "US") == ()
