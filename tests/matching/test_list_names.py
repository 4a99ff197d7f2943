"""List names running on into other fields: the parent is set aside, other names are aliases."""

from __future__ import annotations

from workbench.matching import Matcher
from workbench.model import ListEntry, ScreeningList

BAOTOU = ListEntry(
    "L",
    "baotou",
    "Baotou Guanghua Chemical Industrial Corporation (Parent Organization: "
    "China National Nuclear Group Corporation (CNNC))",
    country="China",
)
CHITRON = ListEntry(
    "L", "chitron", "Chitron Electronics Company Ltd., a.k.a. Chi-Chung Electronics Company Ltd."
)
VOLGOGRAD = ListEntry(
    "L",
    "volgograd",
    "OAO Volgogradneftemash (f.k.a. Dochernee Aktsionernoe Obshchestvo Otkrytogo Tipa "
    "Volgogradneftemash Rossiiskogo Aktsionernogo Obshchestva Gazprom)",
    country="RU",
)


def _matcher() -> Matcher:
    return Matcher.from_lists([ScreeningList("L", "", None, "", (BAOTOU, CHITRON, VOLGOGRAD))])


def test_the_parent_written_into_a_name_is_not_the_entry() -> None:
    matcher = _matcher()
    assert matcher.match("CNNC, Beijing, China") == ()
    assert matcher.match("China National Nuclear Group Corporation, Beijing, China") == ()
    (m,) = matcher.match("Baotou Guanghua Chemical Industrial Corporation, Baotou, China")
    assert m.name == BAOTOU.name  # shown as the list writes it
    assert matcher.index.set_aside["parent-note"] == 1


def test_other_names_written_into_a_name_are_aliases() -> None:
    matcher = _matcher()
    assert [m.entry_id for m in matcher.match("Chi-Chung Electronics Company Ltd.")] == ["chitron"]
    assert [m.entry_id for m in matcher.match("Chitron Electronics Company, Shenzhen")] == [
        "chitron"
    ]
    found = matcher.match("OAO Volgogradneftemash, Volgograd, Russia")
    assert [m.entry_id for m in found] == ["volgograd"]
    assert found[0].matched_alias == "OAO Volgogradneftemash"
