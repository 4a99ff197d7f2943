"""Every figure the READMEs state about the data is read from the README and checked against
the data, so a figure that becomes untrue fails here (the benchmarks' figures are printed by
``make bench`` / ``make eval`` beside their baselines)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from workbench.demo.stories import STORIES
from workbench.lists import load_list, shipped_lists
from workbench.organisations import organisations

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")
DEMO_README = (ROOT / "data" / "demo" / "README.md").read_text(encoding="utf-8")
WORDS = {"twelve": 12}


def _number(pattern: str, text: str) -> int:
    found = re.search(pattern, text)
    assert found, f"the README no longer says {pattern!r}"
    value = found.group(1).lower()
    return WORDS[value] if value in WORDS else int(value.replace(",", ""))


def _about(actual: int, stated: int) -> bool:
    """ "about N": within 1 % of N."""
    return abs(actual - stated) <= stated / 100


@pytest.fixture(scope="module")
def lists() -> dict[str, object]:
    return {lst.name: lst for lst in (load_list(p).value for p in shipped_lists())}


def test_organisations_several_lists_name(lists: dict[str, object]) -> None:
    stated = _number(r"\((\d[\d,]*) such organisations between the shipped\s+METI list", README)
    same = organisations(list(lists.values()))  # type: ignore[arg-type]
    joined = {o.key for o in same.values() if len(o.lists) > 1}
    assert len(joined) == stated


def test_entries_of_the_shipped_lists(lists: dict[str, object]) -> None:
    meti = _number(r"METI End User List of 2025-09-29 \((\d[\d,]*) entries\)", README)
    csl = _number(r"Consolidated Screening List of 2023-11 \((\d[\d,]*) entries\)", README)
    assert lists["METI End User List"].entry_count == meti  # type: ignore[attr-defined]
    assert lists["US Consolidated Screening List"].entry_count == csl  # type: ignore[attr-defined]


def test_demo_proposals_counted(demo) -> None:
    for pattern in (
        r"`data/demo/`: (\w+) fictitious proposals",
        r"demo generate --out /tmp/demo +# (\w+) demo",
    ):
        assert _number(pattern, README) == len(STORIES) == len(demo.index()["proposals"])
    assert _number(r"^(\w+) fictitious proposals", DEMO_README.split("\n", 2)[2].lstrip()) == len(
        STORIES
    )


def test_demo_sizes(demo) -> None:
    entries = {e["proposal_id"]: e for e in demo.index()["proposals"]}
    works = sum(e["works"] for e in entries.values())
    authorships = sum(e["authorships"] for e in entries.values())
    about_works = _number(r"Size: about (\d[\d,]*) works", DEMO_README)
    about_authorships = _number(r"works and (\d[\d,]*) authorships in all", DEMO_README)
    assert _about(works, about_works) and _about(authorships, about_authorships)
    smallest = _number(r"smallest proposal \(D-001\) has\s+(\d+) works", DEMO_README)
    assert (
        min(e["works"] for e in entries.values())
        == entries["ASPIRE-2025-D-001"]["works"]
        == smallest
    )
    d009 = entries["ASPIRE-2025-D-009"]
    largest = _number(r"the largest \(D-009\) about (\d[\d,]*) works", DEMO_README)
    largest_a = _number(r"about [\d,]+ works and (\d[\d,]*) authorships, for", DEMO_README)
    assert _about(d009["works"], largest) and _about(d009["authorships"], largest_a)
    # the table of proposals: each row's works
    rows = re.findall(
        r"^\| (ASPIRE-2025-D-\d+) \|.*\| ([\d,]+)(?: \([^)]*\))? \|$", DEMO_README, re.M
    )
    assert len(rows) == len(STORIES)
    for pid, shown in rows:
        assert entries[pid]["works"] == int(shown.replace(",", "")), pid
