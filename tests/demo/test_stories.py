"""Each proposal's story holds in the data itself, read back from the written files.

A small oracle recomputes, from the files alone, which in-scope team member
wrote with which listed institution inside the two-year window, and compares
it with the story. It links people to works the way a reviewer would: by ORCID,
by OpenAlex author id, else by the name in either order.
"""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest

from tests.demo.reader import DATA_LISTS, PARENS, Work, segments
from workbench.demo.institutions import INSTITUTIONS, METI, listed_keys
from workbench.demo.stories import STORIES, story

README = Path(__file__).resolve().parents[2] / "data" / "demo" / "README.md"
LISTED_VARIANTS = {v.casefold(): k for k in listed_keys() for v in INSTITUTIONS[k].variants()}


def _window(submitted: str) -> tuple[date, date]:
    end = date.fromisoformat(submitted)
    return end.replace(year=end.year - 2), end


def _in_window(w: Work, window: tuple[date, date]) -> bool:
    first, last = w.interval()
    return first <= window[1] and last >= window[0]


def _member_of(authorship, people: list[dict]) -> dict | None:
    tokens = sorted(authorship.name.split())
    for p in people:
        if p["orcid"] and authorship.orcid == p["orcid"]:
            return p
        if p["openalex_id"] and authorship.author_id == p["openalex_id"]:
            return p
        if sorted(p["name"].split()) == tokens:
            return p
    return None


def _listed_in(a) -> set[str]:
    texts = [s for text in a.affiliations for s in segments(text)]
    texts += [i.casefold() for i in a.institutions]
    return {LISTED_VARIANTS[t] for t in texts if t in LISTED_VARIANTS}


def oracle(demo, pid: str) -> tuple[set[tuple[str, str]], set[tuple[str, str]]]:
    """(co-authorships, undeclared own affiliations): sets of (person id, institution key)."""
    data = demo.proposal(pid)
    people = data["people"]
    in_scope = {
        p["id"]
        for p in people
        if p["side"] == "JP" and (p["involved_in_research"] or p["accesses_research_information"])
    }
    window = _window(data["submitted"])
    coauthored, undeclared = set(), set()
    for w in demo.works(pid):
        if not _in_window(w, window):
            continue
        members = [(a, _member_of(a, people)) for a in w.authorships]
        others = [a for a, m in members if m is None]
        for a, m in members:
            if m is None or m["id"] not in in_scope:
                continue
            for other in others:
                coauthored |= {(m["id"], k) for k in _listed_in(other)}
            declared = {
                aff["organization"].casefold() for aff in m["affiliations"] if aff["type"] != "past"
            }
            for k in _listed_in(a):
                if not any(v.casefold() in d for d in declared for v in INSTITUTIONS[k].variants()):
                    undeclared.add((m["id"], k))
    return coauthored, undeclared


@pytest.mark.parametrize("s", STORIES, ids=lambda s: s.proposal_id)
def test_listed_coauthorships_inside_the_window_are_exactly_the_story(demo, s) -> None:
    coauthored, undeclared = oracle(demo, s.proposal_id)
    expected = {(e.subject, e.inst) for e in s.expect if e.check == "recent_coauthorship"}
    assert coauthored == expected
    expected_own = {
        (e.subject, e.inst) for e in s.expect if e.check == "undeclared_listed_affiliation"
    }
    assert undeclared == expected_own


def test_the_clean_proposal_has_only_unlisted_coauthors(demo) -> None:
    text = "\n".join(
        p.read_text(encoding="utf-8") for p in (demo.proposals / "ASPIRE-2025-D-001").iterdir()
    ).casefold()
    for inst in INSTITUTIONS.values():
        if inst.listed or inst.near_miss_of:
            assert not any(v.casefold() in text for v in inst.variants()), inst.name
    unlisted = {i.name for i in INSTITUTIONS.values() if not i.listed}
    for w in demo.works("ASPIRE-2025-D-001"):
        for a in w.authorships:
            assert set(a.institutions) <= unlisted
    people = demo.proposal("ASPIRE-2025-D-001")["people"]
    assert not [p for p in people if p["side"] == "JP" and p["residency"] != "resident"]
    assert not [p for p in people if p["specific_category"]]


def test_the_near_miss_proposal_contains_no_listed_name_as_an_exact_string(demo, listed) -> None:
    pid = "ASPIRE-2025-D-008"
    window = _window(demo.proposal(pid)["submitted"])
    seen = set()
    for w in demo.works(pid):
        for a in w.authorships:
            parts = [s for text in a.affiliations for s in segments(text)]
            parts += [i.casefold() for i in a.institutions]
            assert not [p for p in parts if p in listed], (w.id, a.affiliations)
            if _in_window(w, window):
                seen |= {k for k, i in INSTITUTIONS.items() if i.near_miss_of and i.name in str(a)}
    assert seen == {"hmu", "harbin_ust", "nju", "bjut", "tums", "sbmu", "iums"}
    for person in demo.proposal(pid)["people"]:
        for aff in person["affiliations"]:
            assert PARENS.sub("", aff["organization"]).casefold() not in listed


def test_the_old_links_proposal_has_listed_links_only_before_the_window(demo) -> None:
    pid = "ASPIRE-2025-D-007"
    start, _ = _window(demo.proposal(pid)["submitted"])
    dated = [w.interval()[1] for w in demo.works(pid) if any(_listed_in(a) for a in w.authorships)]
    assert len(dated) >= 7
    assert max(dated) == date(2023, 6, 19) and start == date(2023, 6, 20)


def test_the_listed_institutions_really_are_on_the_shipped_lists(listed) -> None:
    meti_path = DATA_LISTS / "jp_end_user_list_20250929.json"
    meti = {r["id"]: r for r in json.loads(meti_path.read_text(encoding="utf-8"))}
    csv_text = (DATA_LISTS / "csl_2023-11.csv").read_text(encoding="utf-8")
    for key in sorted(listed_keys()):
        inst = INSTITUTIONS[key]
        for ref in inst.listed:
            list_name, entry_id = ref.split(":", 1)
            if list_name == METI:
                rec = meti[entry_id]
                names = [
                    PARENS.sub("", n).strip().casefold()
                    for n in [rec["entity_name"], *rec["aliases"]]
                ]
                assert any(inst.name.casefold() in n for n in names), (key, names)
            else:
                line = next(x for x in csv_text.splitlines() if x.startswith(f'"{entry_id}"'))
                assert inst.name.casefold() in line.casefold(), key


def test_the_unlisted_institutions_are_on_no_shipped_list(listed) -> None:
    for inst in INSTITUTIONS.values():
        if not inst.listed:
            assert not [v for v in inst.variants() if v.casefold() in listed], inst.name
        # and what a near miss is mistaken for is listed
        assert not [t for t in inst.near_miss_of if t.casefold() not in listed], inst.name


def test_the_listed_investor_is_on_the_meti_list_and_no_other_partner_is(demo, listed) -> None:
    flagged = []
    for s in STORIES:
        for org in demo.proposal(s.proposal_id)["organizations"]:
            names = [org["name"], *(i["name"] for i in org["investors"] if i["clearly_identified"])]
            flagged += [
                (s.proposal_id, n) for n in names if re.sub(r"\.$", "", n).casefold() in listed
            ]
    assert flagged == [("ASPIRE-2025-D-006", "CETC Chip Technology Co., Ltd.")]


def test_the_readme_tells_every_story(demo) -> None:
    text = README.read_text(encoding="utf-8")
    for entry in demo.index()["proposals"]:
        assert entry["proposal_id"] in text and entry["title"] in text
        for finding in entry["expected_findings"]:
            assert f"`{finding['check']}`" in text
            if finding["entry_id"]:
                assert finding["entry_id"] in text or finding["entry_id"][:12] in text
    assert "hostile" in text and story("ASPIRE-2025-D-009").works > 2000
