"""Linking team members to authorships: ORCID, OpenAlex id, name, initials; ambiguity reported."""

from __future__ import annotations

from tests.policy.factory import author, person, work
from workbench.linking import LinkMethod, link_people

SATO = person(
    "p1",
    "Sato Haruki",
    orcid="0000-0001-0000-0001",
    openalex_id="A5000000001",
    name_local="佐藤 春樹",
)
CHEN = person("p2", "Chen Wei")
KOBAYASHI = person("p5", "Kobayashi Ren")
MULLER = person("p9", "Zoë Müller")


def methods(people, *works):
    links = link_people(people, works)
    return {(k.person_id, k.work_id, k.authorship, k.method) for k in links.links}, links


def test_identifiers_first_then_name_order_and_diacritics_insensitive() -> None:
    w = work(
        "W1",
        "2024",
        author("Someone Else", orcid="0000-0001-0000-0001"),  # ORCID beats the name
        author("Wei Chen"),
        author("ren kobayashi"),
        author("Zoe MULLER"),
    )
    w2 = work("W2", "2024", author("H. Sato", openalex="A5000000001"))
    got, links = methods([SATO, CHEN, KOBAYASHI, MULLER], w, w2)
    assert got == {
        ("p1", "W1", 0, LinkMethod.ORCID),
        ("p2", "W1", 1, LinkMethod.NAME),
        ("p5", "W1", 2, LinkMethod.NAME),
        ("p9", "W1", 3, LinkMethod.NAME),
        ("p1", "W2", 0, LinkMethod.OPENALEX),
    }
    assert links.warnings == ()


def test_local_script_name_links_with_or_without_space() -> None:
    got, _ = methods(
        [SATO], work("W1", "2025", author("佐藤春樹")), work("W2", "2025", author("佐藤 春樹"))
    )
    assert got == {("p1", "W1", 0, LinkMethod.NAME), ("p1", "W2", 0, LinkMethod.NAME)}


def test_initials_link_only_when_one_member_fits() -> None:
    sato_h = person("p3", "Sato Hiroshi")
    got, links = methods([SATO, CHEN], work("W1", "2021", author("H. Sato")))
    assert got == {("p1", "W1", 0, LinkMethod.INITIALS)}
    got, links = methods([SATO, sato_h, CHEN], work("W1", "2021", author("H. Sato")))
    assert got == set()
    (w,) = links.warnings
    assert w.location == "work W1 authorship 1" and w.field == "author_name"
    assert "p1, p3" in w.message and "not linked" in w.message
    # an initial that does not fit does not link
    got, _ = methods([SATO], work("W1", "2021", author("K. Sato")))
    assert got == set()


def test_same_name_twice_in_team_is_ambiguous_and_reported() -> None:
    a, b = person("a", "Wei Chen"), person("b", "Chen Wei")
    got, links = methods([a, b], work("W1", "2024", author("Chen Wei")))
    assert (
        got == set()
        and "fits more than one team member (a, b) by name" in links.warnings[0].message
    )


def test_name_does_not_link_across_a_conflicting_orcid() -> None:
    got, _ = methods([SATO], work("W1", "2024", author("Haruki Sato", orcid="0000-0009-9999-9999")))
    assert got == set()


def test_second_authorship_of_the_same_person_is_team_not_coauthor() -> None:
    w = work(
        "W1", "2024", author("Haruki Sato", orcid="0000-0001-0000-0001"), author("Sato Haruki")
    )
    got, links = methods([SATO], w)
    assert got == {("p1", "W1", 0, LinkMethod.ORCID)}
    assert links.is_team("W1", 1) and links.of_person("p1")[0].authorship == 0
