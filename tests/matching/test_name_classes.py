"""Classes of real byline names: transliteration variants, a parent's name and acronym.

Each test names the class, not one string: other spellings of a listed name
word match with a reason saying which; a parent organisation's name or acronym
written into a sub-unit's entry ("Department of Atomic Energy entity: …",
"…, Department of Atomic Energy" with alias "DAE") is not the sub-unit's name.
"""

from __future__ import annotations

import pytest

from workbench.matching import Matcher
from workbench.matching.ror import RorNames
from workbench.model import ListEntry, ScreeningList


def _matcher(*entries: ListEntry) -> Matcher:
    return Matcher.from_lists([ScreeningList("L", "", None, "", entries)])


IHU = ListEntry("L", "ihu", "Imam Hossein University", ("IHU",), country="Iran")
BMSU = ListEntry("L", "bmsu", "Baqiyatallah University of Medical Sciences", country="Iran")
MUT = ListEntry("L", "mut", "Malek Ashtar University of Technology", country="Iran")


@pytest.mark.parametrize(
    ("text", "entry_id", "reason"),
    [
        ("Dept. of Chemistry, Imam Hosein University, Tehran, Iran", "ihu", "hosein~hossein"),
        ("Imam Hussein University, Tehran", "ihu", "hussein~hossein"),
        ("Faculty of Science, Emam Hossein University, Tehran", "ihu", "emam~imam"),
        ("Imam Hoseyn University, Tehran, Iran", "ihu", "hoseyn~hossein"),
        (
            "Baghiatollah University of Medical Sciences, Tehran",
            "bmsu",
            "baghiatollah~baqiyatallah",
        ),
        ("Maleke Ashtar University of Technology, Isfahan", "mut", "maleke~malek"),
    ],
)
def test_other_spellings_of_a_name_word_match_and_say_so(
    text: str, entry_id: str, reason: str
) -> None:
    (m,) = _matcher(IHU, BMSU, MUT).match(text)
    assert m.entry_id == entry_id
    assert f"transliteration:{reason}" in m.reasons
    assert m.score < 1.0  # another spelling costs a little


@pytest.mark.parametrize(
    "text",
    [
        "Imam Hassan University, Tehran",  # another name, not another spelling
        "Emam Hosein University, Tehran",  # two words of three respelt: too loose
        "Imam Hossein Hospital, Tehran",  # the listed name is not there
        "University of Malik, Tehran",
    ],
)
def test_guards_keep_respelt_names_apart(text: str) -> None:
    assert _matcher(IHU, BMSU, MUT).match(text) == ()


def test_a_typo_is_reported_as_a_typo_not_as_a_transliteration() -> None:
    entry = ListEntry("L", "m", "Marine Engineering Institute of Bandar Abbas", country="Iran")
    (m,) = _matcher(entry).match("Marin Engineering Institute of Bandar Abbas, Iran")
    assert "fuzzy:distance=1" in m.reasons
    assert not any(r.startswith("transliteration:") for r in m.reasons)


BARC_METI = ListEntry(
    "L",
    "barc",
    "Bhabha Atomic Research Centre , Department of Atomic Energy",
    ("BARC", "DAE"),
    country="India",
)
BARC_CSL = ListEntry(
    "L",
    "csl-barc",
    "Department of Atomic Energy entity: Bhabha Atomic Research Center (BARC)",
    country="India",
)
REACTORS = ListEntry(
    "L",
    "csl-reactors",
    "Pakistan Atomic Energy Commission (PAEC), and subordinate entity Nuclear reactors",
    country="Pakistan",
)


def test_a_parent_department_acronym_is_not_the_entry_acronym() -> None:
    matcher = _matcher(BARC_METI, BARC_CSL, REACTORS)
    assert matcher.match("UGC-DAE Consortium for Scientific Research, Indore, India") == ()
    assert matcher.match("DAE, Mumbai, India") == ()
    assert {m.entry_id for m in matcher.match("BARC, Mumbai, India")} == {"barc", "csl-barc"}
    assert matcher.index.set_aside == {"parent-acronym": 1, "parent-name": 2}


def test_the_own_name_after_a_parent_matches_and_the_parent_alone_does_not() -> None:
    matcher = _matcher(BARC_METI, BARC_CSL, REACTORS)
    found = matcher.match("Radiobiology Unit, Bhabha Atomic Research Center, Mumbai, India")
    assert {m.entry_id for m in found} == {"barc", "csl-barc"}
    assert matcher.match("Department of Atomic Energy, Mumbai, India") == ()
    assert matcher.match("Pakistan Atomic Energy Commission, Islamabad, Pakistan") == ()


def _group(*names: str) -> Matcher:
    return _matcher(
        *(ListEntry("L", f"g{i}", n, country="China") for i, n in enumerate(names, start=1))
    )


def test_a_group_acronym_before_an_institute_name_may_be_left_out() -> None:
    matcher = _group(
        "AECC Beijing Institute of Aeronautical Materials",
        "AECC Shenyang Liming Aero-Engine Company",
        "AECC Harbin Dongan Engine Company",
        "LIMMT Economic and Trade Company",
    )
    (m,) = matcher.match("Beijing Institute of Aeronautical Materials, Beijing 100095, China")
    assert m.entry_id == "g1"
    assert "group-acronym-omitted:aecc" in m.reasons
    # an acronym starting one entry's name is that entry's own: it is not left out
    assert matcher.match("Economic and Trade Company, Dalian, China") == ()


def test_without_other_entries_the_leading_acronym_stays() -> None:
    entry = ListEntry("L", "g1", "AECC Beijing Institute of Aeronautical Materials", country="CN")
    # without ROR's names, which name the institute without its group's acronym too
    matcher = Matcher.from_lists([ScreeningList("L", "", None, "", (entry,))], ror=RorNames())
    assert matcher.match("Beijing Institute of Aeronautical Materials, Beijing, China") == ()
    with_ror = _group("AECC Beijing Institute of Aeronautical Materials")
    (m,) = with_ror.match("Beijing Institute of Aeronautical Materials, Beijing, China")
    assert "ror-name:0099j7t54" in m.reasons
