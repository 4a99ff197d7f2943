"""One organisation named by entries of several lists: joined by a shared full name only."""

from __future__ import annotations

from collections import Counter

from workbench.matching.same_organisation import same_organisations
from workbench.model import ListEntry, ScreeningList

METI, CSL = "METI End User List", "US Consolidated Screening List"


def _entry_named(lists: list[ScreeningList], list_name: str, fragment: str) -> ListEntry:
    lst = next(x for x in lists if x.name == list_name)
    return next(e for e in lst.entries if fragment in e.name)


def test_beihang_on_both_shipped_lists_is_one_organisation(shipped: list[ScreeningList]) -> None:
    same = same_organisations(shipped)
    meti = _entry_named(shipped, METI, "Beijing University of Aeronautics")
    csl = _entry_named(shipped, CSL, "Beijing University of Aeronautics")
    org = same[(METI, meti.entry_id)]
    assert same[(CSL, csl.entry_id)] is org
    # named after the entry of the first list given
    first, entry = (CSL, csl) if shipped[0].name == CSL else (METI, meti)
    assert org.lists == tuple(x.name for x in shipped)
    assert org.name == entry.name and org.key == f"{first}:{entry.entry_id}"
    assert same_organisations(shipped[::-1])[(METI, meti.entry_id)].lists == org.lists[::-1]


def test_no_organisation_holds_two_entries_of_one_list(shipped: list[ScreeningList]) -> None:
    same = same_organisations(shipped)
    assert len(same) == sum(x.entry_count for x in shipped) - _repeated_ids(shipped)
    orgs = {o.key: o for o in same.values()}
    for org in orgs.values():
        assert max(Counter(lst for lst, _ in org.entries).values()) == 1, org
    joined = [o for o in orgs.values() if len(o.entries) > 1]
    assert 100 < len(joined) < 400  # the README's exact figure: tests/demo/test_readme_figures.py


def _repeated_ids(lists: list[ScreeningList]) -> int:
    """Entries a list repeats under one id (the CSL keeps some on two sub-lists)."""
    return sum(x.entry_count - len({e.entry_id for e in x.entries}) for x in lists)


def _lists(*entries: tuple[str, ListEntry]) -> list[ScreeningList]:
    names = list(dict.fromkeys(n for n, _ in entries))
    return [ScreeningList(n, n, None, "", tuple(e for m, e in entries if m == n)) for n in names]


def test_only_full_names_of_organisations_in_agreeing_countries_join() -> None:
    lists = _lists(
        (
            "A",
            ListEntry("A", "1", "Harbin Institute of Technology", aliases=("HIT",), country="CN"),
        ),
        ("A", ListEntry("A", "2", "Moscow Institute of Technology", country="RU")),
        ("A", ListEntry("A", "3", "Ivan Petrov", entity_type="individual")),
        ("A", ListEntry("A", "4", "Harbin Institute of Technology", country="CN")),
        ("B", ListEntry("B", "x", "HIT", country="CN")),  # an acronym alone
        ("B", ListEntry("B", "y", "Moscow Institute of Technology", country="Israel")),
        ("B", ListEntry("B", "z", "Ivan Petrov", entity_type="individual")),
        ("B", ListEntry("B", "w", "HARBIN INSTITUTE OF TECHNOLOGY", country="China")),
    )
    same = same_organisations(lists)
    assert same[("B", "w")] is same[("A", "1")]  # country written two ways, one code
    assert same[("A", "4")].entries == (("A", "4"),)  # one entry per list
    for alone in (("B", "x"), ("B", "y"), ("B", "z"), ("A", "3")):
        assert same[alone].entries == (alone,), alone


def test_an_organisation_is_named_as_written_rather_than_in_capitals(
    shipped: list[ScreeningList],
) -> None:
    same = same_organisations(shipped)
    csl = _entry_named(shipped, CSL, "IRAN ELECTRONICS INDUSTRIES")
    meti = _entry_named(shipped, METI, "Iran Electronics Industries")
    org = same[(CSL, csl.entry_id)]
    assert same[(METI, meti.entry_id)] is org
    assert org.name == meti.name == "Iran Electronics Industries"


def test_every_process_joins_the_same_entries() -> None:
    """Dask workers and the local engine must agree, whatever the string hash seed."""
    import os
    import subprocess
    import sys

    code = (
        "from workbench.lists import load_list, shipped_lists\n"
        "from workbench.matching.same_organisation import same_organisations\n"
        "lists = [load_list(p).value for p in shipped_lists()]\n"
        "same = same_organisations(lists)\n"
        "print(sorted((k, o.key, o.name) for k, o in same.items() if len(o.entries) > 1))\n"
    )
    outs = {
        subprocess.run(
            [sys.executable, "-c", code],
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
            timeout=120,
        ).stdout
        for seed in ("1", "2", "3")
    }
    assert len(outs) == 1 and "Beijing University of Aeronautics" in outs.pop()
