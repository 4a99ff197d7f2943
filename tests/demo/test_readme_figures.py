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
WORDS = {"one": 1, "two": 2, "twelve": 12}


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


# ---- the window, the checks, the organisations -------------------------------------------


def test_the_window_the_readme_states() -> None:
    from workbench.window import DEFAULT_YEARS, FAQ_YEARS

    assert _number(r"The window is (\w+) years back from the reference date", README) == (
        DEFAULT_YEARS
    )
    assert _number(r"the FAQ's window is (\d+) years", README) == FAQ_YEARS
    assert _number(r"A window other than the FAQ's (\d+) years is noted", README) == FAQ_YEARS
    assert _number(r"\| `lookback_years` \| `WORKBENCH_LOOKBACK_YEARS` \| `(\d+)`", README) == (
        DEFAULT_YEARS
    )


def test_one_finding_citing_every_list_that_names_the_organisation(
    demo, lists: dict[str, object]
) -> None:
    """ "NWPU on METI's list and the CSL: one finding, two entries"."""
    from workbench.matching import Matcher
    from workbench.proposal import load_proposal
    from workbench.publications import load_works_many
    from workbench.screening import screen

    stated = _number(r"NWPU on METI's list and the CSL: (\w+) finding, \w+\s+entries", README)
    entries = _number(r"NWPU on METI's list and the CSL: \w+ finding, (\w+)\s+entries", README)
    folder = demo.proposals / "ASPIRE-2025-D-005"
    shipped = list(lists.values())
    result = screen(
        load_proposal(folder / "proposal.json"),
        load_works_many([folder / "works.json"]).value,
        Matcher.from_lists(shipped),  # type: ignore[arg-type]
        shipped,  # type: ignore[arg-type]
    )
    per_person = [
        f for f in result.findings if f.check == "listed_affiliation" and f.subject == "p2"
    ]
    assert len(per_person) == stated
    (finding,) = per_person
    assert len(finding.entries) == entries
    assert {r.list for r in finding.entries} == {
        "METI End User List",
        "US Consolidated Screening List",
    }


def test_beihang_is_one_organisation_on_two_lists(lists: dict[str, object]) -> None:
    assert "Beihang University is on METI's list and on the US Entity List" in README
    same = organisations(list(lists.values()))  # type: ignore[arg-type]
    meti = lists["METI End User List"]
    beihang = {
        same[(meti.name, e.entry_id)].key  # type: ignore[attr-defined]
        for e in meti.entries  # type: ignore[attr-defined]
        if "beihang" in " ".join((e.name, *e.aliases)).casefold()
    }
    assert len(beihang) == 1  # METI's entry and the CSL's, written differently: one organisation
    (org,) = {o for o in same.values() if o.key in beihang}
    assert set(org.lists) == {"METI End User List", "US Consolidated Screening List"}


def test_openalex_rate_the_readme_states() -> None:
    from inspect import signature

    from workbench.openalex.http import OpenAlexClient

    stated = _number(r"at most (\d+) requests a\s+second", README)
    assert signature(OpenAlexClient).parameters["rate"].default == stated


# ---- the workloads of the benchmarks' rows -----------------------------------------------


def _bench(name: str):  # type: ignore[no-untyped-def]
    import importlib
    import sys

    if str(ROOT / "bench") not in sys.path:
        sys.path.insert(0, str(ROOT / "bench"))
    return importlib.import_module(name)


def test_screening_benchmark_workload() -> None:
    import random

    row = re.search(
        r"screening one proposal: (\d+) people, ([\d,]+) works, ([\d,]+) authorships", README
    )
    assert row, "the README no longer states the screening benchmark's workload"
    people, n, authorships = (int(g.replace(",", "")) for g in row.groups())
    b = _bench("bench_screening")
    team = b.team(random.Random(20250620))
    works = b.works(random.Random(n), team, n, 20000 / 3000)
    assert len(team) == people
    assert sum(len(w.authorships) for w in works) == authorships


def test_graph_and_network_benchmark_workloads() -> None:
    from workbench.graph import build_graph
    from workbench.graph.synthetic import synthetic_network
    from workbench.matching import Matcher

    row = re.search(r"co-authorship graph, ([\d,]+) works / ([\d,]+) authorships", README)
    assert row, "the README no longer states the graph benchmark's workload"
    n, authorships = (int(g.replace(",", "")) for g in row.groups())
    _, works, _ = synthetic_network(n_works=n, authors_per_work=(4, 10))
    assert sum(len(w.authorships) for w in works) == authorships

    row = re.search(r"network explorer filter update, ([\d,]+) people / ([\d,]+) links", README)
    assert row, "the README no longer states the explorer benchmark's workload"
    people, links = (int(g.replace(",", "")) for g in row.groups())
    proposal, works, screening = synthetic_network(n_coauthors=6500, authors_per_work=(4, 10))
    g = build_graph(proposal, works, Matcher.from_lists([screening]))
    assert (g.coauthors.number_of_nodes(), g.coauthors.number_of_edges()) == (people, links)


def test_page_and_store_benchmark_workloads(demo) -> None:
    largest = _number(r"switching to a ([\d,]+)-work proposal", README)
    assert max(e["works"] for e in demo.index()["proposals"]) == largest
    row = re.search(r"judgments store, (\d+) processes × (\d+) writes on one proposal", README)
    assert row, "the README no longer states the store's concurrency test"
    source = (ROOT / "tests" / "store" / "test_concurrency.py").read_text(encoding="utf-8")
    assert f"WRITERS, ATTEMPTS = {row.group(1)}, {row.group(2)}" in source


# ---- the matcher's development set -------------------------------------------------------


def _devset(name: str = "affiliations.tsv") -> tuple[int, int]:
    """(strings, categories) of a labelled set of the matcher in ``data/devsets/``."""
    import csv

    with (ROOT / "data" / "devsets" / name).open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    return len(rows), len({r["category"] for r in rows})


def test_the_development_sets_own_readme() -> None:
    text = (ROOT / "data" / "devsets" / "README.md").read_text(encoding="utf-8")
    assert _number(r"(\d[\d,]*) affiliation strings", text) == _devset()[0]


@pytest.mark.parametrize(
    ("what", "name"),
    [("development set", "affiliations.tsv"), ("held-aside set", "held_aside.tsv")],
)
def test_the_matcher_rows_name_the_labelled_sets(what: str, name: str) -> None:
    row = re.search(rf"{what} \(([\d,]+) labelled strings, (\d+) categories\)", README)
    assert row, f"the README no longer names the {what}'s size"
    assert (int(row.group(1).replace(",", "")), int(row.group(2))) == _devset(name)


# ---- the review page's figures (measured by bench/bench_dashboard.py) ----------------------


def _row(starts: str) -> list[str]:
    """The cells of the README's figures row starting with ``starts``."""
    line = next((x for x in README.splitlines() if x.startswith(f"| {starts}")), None)
    assert line, f"the README no longer has the row {starts!r}"
    return [c.strip() for c in line.strip().strip("|").split("|")]


def _bench_constant(name: str) -> float:
    source = (ROOT / "bench" / "bench_dashboard.py").read_text(encoding="utf-8")
    found = re.search(rf"^{name} = ([\d.]+)$", source, re.M)
    assert found, f"bench_dashboard.py no longer defines {name}"
    return float(found.group(1))


def test_the_page_time_to_interactive_is_stated_as_the_benchmark_prints_it() -> None:
    _what, measured, target = _row("reviewer page time to interactive")
    assert "bench/bench_dashboard.py" in measured
    found = re.match(r"([\d.]+) s vs ([\d.]+) s: ratio ([\d.]+)", measured)
    assert found, "the README no longer states the page's time to interactive as the bench does"
    review, empty, ratio = (float(g) for g in found.groups())
    # the ratio the benchmark prints is that of the medians stated
    assert abs(review / empty - ratio) <= 0.01
    limit = float(re.match(r"≤ ([\d.]+)", target).group(1))  # type: ignore[union-attr]
    assert limit == _bench_constant("RATIO_TARGET")
    assert ("not met" in target) == (ratio > limit)


def test_the_switching_figures_are_stated_against_their_target() -> None:
    _what, measured, target = _row("switching to a")
    limit = float(re.match(r"< ([\d.]+) s", target).group(1))  # type: ignore[union-attr]
    assert limit == _bench_constant("SWITCH_TARGET_S")
    screened = re.findall(
        r"([\d.]+)(?:–([\d.]+))? s (?:when in memory|read back from the on-disk cache)", measured
    )
    assert len(screened) == 2, "the README no longer states switching in memory and from disk"
    slowest = max(float(b or a) for a, b in screened)
    assert ("not met" in target) == (slowest >= limit)


def test_the_analyst_redraw_is_stated_against_its_target() -> None:
    _what, measured, target = _row("analyst page, 1,000 proposals / 2,166 findings: a filter")
    assert "bench/bench_analyst_page.py" in measured
    limit = int(re.match(r"< (\d+) ms", target).group(1))  # type: ignore[union-attr]
    source = (ROOT / "bench" / "bench_analyst_page.py").read_text(encoding="utf-8")
    assert f'("seen", "charts on screen drawn", "< {limit} ms")' in source
    # the medians in bold: the window as opened, and one showing every chart at once
    medians = [int(m) for m in re.findall(r"\*\*(\d+) ms\*\* median", measured)]
    assert len(medians) == 2, "the README no longer states both windows' medians"
    assert ("not met" in target) == (max(medians) >= limit)
