"""Sub-units and parents: ROR's units of a listed organisation, and listed units of listed groups.

A unit ROR records as a listed organisation's child (CAEP's software centre
and joint laboratory, the Russian defence ministry's institutes) is that
organisation's name, with a reason naming the unit's ROR record, counted only
with the country or another name. A unit that is a list entry of its own
matches its own entry, whose match says its parent is listed, or mentioned
when the string names it too; a group named alone (CASIC) raises one
"parent organisation mentioned" note, not a match per unit.
"""

from __future__ import annotations

import pytest

from workbench.matching import Matcher
from workbench.matching.ror import RorNames, RorOrganisation
from workbench.model import ListEntry, ScreeningList

METI_CAEP = "jp-eul-519"
METI_MOD_RU = "jp-eul-788"


def _by_id(matches: tuple) -> dict:
    return {m.entry_id: m for m in matches}


@pytest.mark.parametrize(
    ("text", "entry_id", "child"),
    [
        (
            "CAEP Software Center for High Performance Numerical Simulation, Beijing 100088",
            METI_CAEP,
            "03m9a6y90",
        ),
        (
            "Joint Laboratory for Extreme Conditions Matter Properties, Mianyang, China",
            METI_CAEP,
            "00fzxtk71",
        ),
        ("S. M. Kirov Military Medical Academy, St. Petersburg, Russia", METI_MOD_RU, "035k4m812"),
        ("46th TSNII Central Scientific Research Institute, Moscow", METI_MOD_RU, "05t8w9f79"),
    ],
)
def test_a_unit_ror_records_is_its_listed_parents_name(
    matcher: Matcher, text: str, entry_id: str, child: str
) -> None:
    m = _by_id(matcher.match(text))[entry_id]
    assert f"ror-sub-unit:{child}" in m.reasons
    assert m.alias_kind == "sub-unit" and "sub-unit-with-context" in m.reasons


@pytest.mark.parametrize(
    "text",
    [
        "Joint Laboratory for Extreme Conditions Matter Properties",  # no country, no other name
        "Joint Laboratory for Extreme Conditions Matter Properties, Osaka, Japan",
        "Institute of Fluid Physics, Mianyang, China",  # one word of its own: not indexed
    ],
)
def test_a_units_name_needs_the_country_and_another_country_vetoes_it(
    matcher: Matcher, text: str
) -> None:
    assert METI_CAEP not in _by_id(matcher.match(text))


def test_a_unit_listed_itself_matches_its_own_entry_and_names_its_parent() -> None:
    parent = ListEntry("L", "sysu", "Sun Yat-sen University", country="China")
    unit = ListEntry("L", "nscc", "National Supercomputer Center in Guangzhou", country="China")
    ror = RorNames(
        (
            RorOrganisation(
                "0064kty71",
                "CN",
                ("Sun Yat-sen University",),
                sub_units=(("042999n30", "National Supercomputer Center in Guangzhou"),),
            ),
        )
    )
    matcher = Matcher.from_lists([ScreeningList("L", "", None, "", (parent, unit))], ror=ror)
    (m,) = matcher.match("National Supercomputer Center in Guangzhou, Guangzhou, China")
    assert m.entry_id == "nscc"  # not the university's alias as well
    assert "parent-organisation-listed:L:sysu" in m.reasons
    found = _by_id(
        matcher.match("National Supercomputer Center in Guangzhou, Sun Yat-sen University")
    )
    assert set(found) == {"nscc", "sysu"}
    assert "parent-organisation-mentioned:L:sysu" in found["nscc"].reasons


def test_a_group_named_alone_raises_one_note_and_its_units_their_own_matches() -> None:
    group = ListEntry(
        "L", "casic", "China Aerospace Science and Industry Corporation", ("CASIC",), country="CN"
    )
    units = tuple(
        ListEntry(
            "L",
            f"u{k}",
            f"{n} Academy of China Aerospace Science and Industry Corporation",
            ("CASIC",),
        )
        for k, n in enumerate(("1st", "2nd", "3rd"), start=1)
    )
    matcher = Matcher.from_lists([ScreeningList("L", "", None, "", (group, *units))])
    (m,) = matcher.match("China Aerospace Science and Industry Corporation, Beijing")
    assert m.entry_id == "casic" and m.reasons[-1] == "parent-organisation-mentioned"
    found = _by_id(matcher.match("2nd Academy of China Aerospace Science and Industry Corporation"))
    assert set(found) == {"u2"}  # the group's name inside the unit's is the unit's
    assert "parent-organisation-mentioned:L:casic" in found["u2"].reasons
    assert [m.entry_id for m in matcher.match("CASIC, Beijing, China")] == ["casic"]


def test_the_table_keeps_units_with_their_ror_ids() -> None:
    org = RorOrganisation("0001", "CN", ("Test University",), sub_units=(("0002", "Test Lab X"),))
    assert RorNames.read(RorNames((org,)).to_csv()).organisations == (org,)
    with pytest.raises(ValueError, match="sub-unit"):
        RorNames.read("ror_id,country,type,value\n0001,CN,sub-unit,OnlyOneWord\n")
    caep = {o.ror_id: o for o in RorNames.shipped().organisations}["039vqpp67"]
    assert ("00fzxtk71", "Joint Laboratory for Extreme Conditions Matter Properties") in (
        caep.sub_units
    )
    assert not any(name == "Institute of Fluid Physics" for _, name in caep.sub_units)
