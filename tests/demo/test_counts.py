"""Sizes and the variety the other parts need: within the ranges the README promises."""

from __future__ import annotations

import re
from collections import Counter
from datetime import date

CJK_HAN = re.compile(r"[\u4e00-\u9fff]")
KANA = re.compile(r"[\u3040-\u30ff]")
SIMPLIFIED = ("哈尔滨", "北京", "电子科技大学", "航空航天大学")


def test_about_a_dozen_proposals_and_a_few_thousand_works(demo) -> None:
    entries = demo.index()["proposals"]
    assert 10 <= len(entries) <= 14
    total = sum(e["works"] for e in entries)
    assert 4_000 <= total <= 8_000
    smallest = min(entries, key=lambda e: e["works"])
    largest = max(entries, key=lambda e: e["works"])
    assert 40 <= smallest["works"] <= 60
    assert 2_800 <= largest["works"] <= 3_200
    assert 18_000 <= largest["authorships"] <= 22_000


def test_counts_in_the_index_match_the_files(demo) -> None:
    for e in demo.index()["proposals"]:
        works = demo.works(e["proposal_id"])
        assert len(works) == e["works"], e["proposal_id"]
        assert sum(len(w.authorships) for w in works) == e["authorships"]


def test_dates_spread_from_2015_to_submission_with_some_years_alone(demo) -> None:
    years: Counter[int] = Counter()
    year_only = 0
    for e in demo.index()["proposals"]:
        submitted = date.fromisoformat(e["submitted"])
        for w in demo.works(e["proposal_id"]):
            first, last = w.interval()
            assert date(2015, 1, 1) <= first and w.year <= submitted.year
            if w.day:
                assert last <= submitted
            else:
                year_only += 1
            years[w.year] += 1
    assert set(years) == set(range(2015, 2026))
    assert 50 <= year_only <= 600


def test_bad_cases_for_the_loaders_and_the_graph_are_present(demo) -> None:
    big = demo.works("ASPIRE-2025-D-009")
    dois = Counter(w.doi for w in big if w.doi)
    assert sum(1 for n in dois.values() if n > 1) >= 2  # the same DOI twice
    assert any(not w.authorships for w in big)  # a work without authors
    no_aff = [w for w in big if w.authorships and not any(a.affiliations for a in w.authorships)]
    assert len(no_aff) >= 3
    assert any(w.doi is None for w in big)
    d003 = Counter(w.doi for w in demo.works("ASPIRE-2025-D-003") if w.doi)
    assert max(d003.values()) == 2


def test_affiliations_come_in_english_abbreviated_chinese_japanese_and_campus_forms(demo) -> None:
    strings = [
        s
        for e in demo.index()["proposals"]
        for w in demo.works(e["proposal_id"])
        for a in w.authorships
        for s in a.affiliations
    ]
    assert any(s.startswith("Harbin Inst Technol,") for s in strings)
    assert any(s.startswith("哈尔滨工业大学") for s in strings)
    assert any("Harbin Institute of Technology, Shenzhen" in s for s in strings)
    assert any(any(x in s for x in SIMPLIFIED) for s in strings)
    assert sum(1 for s in strings if KANA.search(s) or s.startswith(("東北大学", "大阪大学"))) > 100
    assert any(re.search(r"\d{3}-\d{4}, Japan$", s) for s in strings)  # Japanese postcodes
    assert any(re.search(r"^(School|Department|College) of .*, China$", s) for s in strings)


def test_team_names_carry_their_original_script(demo) -> None:
    scripts = Counter()
    for e in demo.index()["proposals"]:
        for p in demo.proposal(e["proposal_id"])["people"]:
            local = p.get("name_local") or ""
            if KANA.search(local) or (CJK_HAN.search(local) and " " in local):
                scripts["japanese"] += 1
            elif CJK_HAN.search(local):
                scripts["chinese"] += 1
            elif re.search(r"[\uac00-\ud7af]", local):
                scripts["korean"] += 1
            elif re.search(r"[\u0600-\u06ff]", local):
                scripts["persian"] += 1
            elif re.search(r"[\u0400-\u04ff]", local):
                scripts["russian"] += 1
    assert scripts["japanese"] >= 30 and scripts["chinese"] >= 8
    assert scripts["korean"] >= 2 and scripts["persian"] >= 2 and scripts["russian"] >= 2
