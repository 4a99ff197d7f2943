"""Aliases that are not names: classified at load, counted, never matching alone.

A legal form or a place alone is set aside; a generic alias matches only
beside another name of its entry; an acronym many differently named entries
carry (a group's: CASIC, CETC) names only the entry whose own name it
abbreviates. Every match says which alias matched and what kind it is.
"""

from __future__ import annotations

from workbench.matching import Matcher
from workbench.model import ListEntry, ScreeningList

PLANT = ListEntry(
    "L",
    "plant",
    "Perm Motor Plant",
    ("Federal State Unitary Enterprise", "Perm", "Scientific Research Institute"),
    country="Russia",
)
CASIC = ListEntry(
    "L", "casic", "China Aerospace Science and Industry Corporation (CASIC)", country="China"
)
INSTITUTES = tuple(
    ListEntry("L", f"i{k}", name, ("CASIC",), country="China")
    for k, name in enumerate(
        (
            "No. 35 Research Institute of the Third Academy of CASIC",
            "Beijing Automation Control Equipment Institute",
            "China Aerospace Science and Industry Corporation 54th Research Institute",
        )
    )
)


def _matcher(*entries: ListEntry) -> Matcher:
    return Matcher.from_lists([ScreeningList("L", "", None, "", entries)])


def test_legal_forms_and_places_alone_are_set_aside_and_counted() -> None:
    matcher = _matcher(PLANT)
    assert matcher.match("Federal State Unitary Enterprise, Moscow, Russia") == ()
    assert matcher.match("Dept. of Physics, Perm State University, Perm, Russia") == ()
    assert matcher.index.set_aside == {"legal-form": 1, "place": 1}
    assert matcher.index.alias_kinds == {"legal-form": 1, "place": 1, "generic": 1}
    report = matcher.index.load_report()
    assert "aliases: generic 1, legal-form 1, place 1" in report
    assert "set aside: legal-form 1, place 1" in report


def test_a_generic_alias_matches_only_beside_another_name_of_its_entry() -> None:
    matcher = _matcher(PLANT)
    assert matcher.match("Scientific Research Institute, Perm, Russia") == ()
    (alone, why), *_ = matcher.explain("Scientific Research Institute, Perm, Russia")
    assert why == "below-threshold" and "generic-alias-alone" in alone.reasons
    found = matcher.match("Perm Motor Plant, Scientific Research Institute, Russia")
    assert {m.entry_id for m in found} == {"plant"}
    kinds = {
        m.alias_kind
        for m, why in matcher.explain("Perm Motor Plant, Scientific Research Institute, Russia")
        if why is None or why == "not-best-of-entry"
    }
    assert kinds == {"distinctive", "generic"}


def test_an_acronym_many_entries_carry_names_only_the_entry_it_abbreviates() -> None:
    matcher = _matcher(CASIC, *INSTITUTES)
    found = matcher.match("CASIC, Beijing, China")
    assert [m.entry_id for m in found] == ["casic"]
    assert found[0].alias_kind == "acronym"
    assert matcher.index.set_aside["shared-acronym"] == 3
    # a sub-unit is found by its own name or number, not by its group's acronym
    own = matcher.match("No. 35 Research Institute of the Third Academy of CASIC, Beijing")
    assert "i0" in {m.entry_id for m in own}


def test_an_acronym_few_entries_carry_stays_theirs() -> None:
    matcher = _matcher(CASIC, INSTITUTES[1])
    assert {m.entry_id for m in matcher.match("CASIC, Beijing, China")} == {"casic", "i1"}
    assert "shared-acronym" not in matcher.index.set_aside


def test_every_match_explains_itself(matcher: Matcher) -> None:
    (m,) = matcher.match("Harbin Inst Technol, Harbin, China")
    assert m.explanation().startswith("'Harbin Institute of Technology")
    assert "(distinctive): exact-name, abbreviation-expanded, country-agrees:CN" in (
        m.explanation()
    )


def test_shipped_lists_load_report_counts_every_kind(matcher: Matcher) -> None:
    kinds = matcher.index.alias_kinds
    assert kinds["distinctive"] > kinds["acronym"] > kinds["generic"] > 0
    assert matcher.index.set_aside["shared-acronym"] >= 10  # CASIC, CASC, CETC …
    for text in ("CASIC, Beijing, China", "CETC, Beijing, China"):
        assert len(matcher.match(text)) <= 3, [m.name for m in matcher.match(text)]
