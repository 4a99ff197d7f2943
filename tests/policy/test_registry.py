"""The check registry, the match cache, and the result's JSON form."""

from __future__ import annotations

import json

from tests.policy.factory import (
    PI,
    ExactMatcher,
    aff,
    author,
    person,
    proposal,
    run,
    screening_list,
    work,
)
from workbench.rules import CHECKS, cached_match
from workbench.screening import screen


def test_registry_names_are_the_contract() -> None:
    assert list(CHECKS) == [
        "listed_affiliation",
        "recent_coauthorship",
        "undeclared_listed_affiliation",
        "past_affiliation",
        "partner_listed",
        "non_resident",
        "specific_category",
    ]


def test_match_is_asked_once_per_distinct_text_and_once_per_entry() -> None:
    matcher = ExactMatcher()
    match = cached_match(matcher)
    text = "Harbin Institute of Technology (HIT), Harbin Institute of Technology"
    first = match(text)
    assert match(text) is first and matcher.calls == [text]
    assert [m.entry_id for m in first] == ["t-541"]
    assert match("   ") == () and matcher.calls == [text]


def test_screening_shares_one_cache_across_checks() -> None:
    matcher = ExactMatcher()
    shared = "Harbin Institute of Technology"
    people = (PI, person("p2", "Chen Wei", aff("Osaka University")))
    w = work("W1", "2024-01-01", author("Haruki Sato"), author("Wei Chen"), author("Z", shared))
    screen(proposal(*people), [w], matcher, [screening_list()])
    assert matcher.calls.count(shared) == 1


def test_result_json_is_plain_json_with_keys_and_versions() -> None:
    p2 = person("p2", "Chen Wei", aff("Beihang University"))
    result = run(proposal(PI, p2))
    data = json.loads(json.dumps(result.to_json(), ensure_ascii=False))
    (f,) = data["findings"]
    assert f["key"] == "listed_affiliation:p2:Test List:t-501"
    assert f["list_entry"] == {
        "list": "Test List",
        "entry_id": "t-501",
        "name": "Beijing University of Aeronautics and Astronautics (BUAA)",
        "version": "2025-09-29",
        "shown_id": "t-501",  # added: the id shown to a reader
    }
    assert f["list_entries"] == [f["list_entry"]]
    assert f["evidence"][0]["span"] == [0, len("Beihang University")]
    assert data["lists"][0] == {
        "name": "Test List",
        "version": "2025-09-29",
        "entries": 4,
        "source": "factory",
        "content_hash": "",
    }
    assert data["suggested_outcome"]["driven_by"] == [f["key"]]
