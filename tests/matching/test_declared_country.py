"""The country an affiliation is declared in counts as context: ``match(text, country=...)``."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench.lists import load_list
from workbench.matching import Matcher

METI_HIT = "jp-eul-541"
METI_SUT = "jp-eul-259"


@pytest.fixture(scope="module")
def own_list(tmp_path_factory: pytest.TempPathFactory) -> Matcher:
    path: Path = tmp_path_factory.mktemp("lists") / "institution_watch.csv"
    path.write_text(
        "name,aliases,country,note\n"
        "RIKEN,,JP,research institute of concern in this test\n"
        "Example Photonics Institute,EPI,CN,test entry\n",
        encoding="utf-8",
    )
    return Matcher.from_lists([load_list(path).value])


def test_a_bare_acronym_like_name_needs_the_country(own_list: Matcher) -> None:
    assert own_list.match("RIKEN") == ()
    (m,) = own_list.match("RIKEN", country="JP")
    assert m.entry_id == "institution_watch-2"
    assert m.reasons == ("exact-acronym", "declared-country-agrees:JP", "acronym-with-context")
    assert m.score >= own_list.threshold


@pytest.mark.parametrize("country", ["jp", "Japan", " JP "])
def test_the_country_may_be_a_code_or_a_name(own_list: Matcher, country: str) -> None:
    assert [m.entry_id for m in own_list.match("RIKEN", country=country)] == ["institution_watch-2"]


@pytest.mark.parametrize("country", [None, "", "US", "CN"])
def test_another_or_no_country_is_no_context(own_list: Matcher, country: str | None) -> None:
    assert own_list.match("RIKEN", country=country) == ()


def test_a_country_in_the_string_still_counts(own_list: Matcher) -> None:
    (m,) = own_list.match("RIKEN Center for Emergent Matter Science, Wako, Saitama, Japan")
    assert "country-agrees:JP" in m.reasons


def test_a_disagreeing_declaration_costs_no_more_than_a_written_country(matcher: Matcher) -> None:
    (m,) = matcher.match("Sharif University of Technology", country="JP")
    assert m.entry_id == METI_SUT and "declared-country-conflict:JP" in m.reasons
    assert matcher.threshold <= m.score < 1.0  # a full name is still reported
    (written,) = matcher.match("Sharif University of Technology, Tokyo, Japan")
    assert "country-conflict:JP" in written.reasons and "full-name-kept" in written.reasons
    assert matcher.threshold <= written.score <= m.score
    assert matcher.match("Sharif Univ. of Technology, Tokyo, Japan") == ()  # not as listed
    (m,) = matcher.match("Harbin Institute of Technology", country="JP")  # Harbin: CN
    assert m.entry_id == METI_HIT and m.score == 1.0 and "country-agrees:CN" in m.reasons


def test_a_declared_country_does_not_turn_a_collision_into_a_match(matcher: Matcher) -> None:
    assert matcher.match("HIT", country="IL") == ()  # Holon's HIT, declared in Israel
    assert [m.entry_id for m in matcher.match("HIT", country="CN")] == [METI_HIT]


def test_explain_takes_the_country_too(own_list: Matcher) -> None:
    (only,) = own_list.explain("RIKEN")
    assert only[1] == "below-threshold"
    assert [why for _, why in own_list.explain("RIKEN", country="JP")] == [None]
