"""Words broken by text extraction ("Engineer ing", "Univer- sity") are joined again, guarded."""

from __future__ import annotations

import pytest

from workbench.matching import Matcher
from workbench.model import ListEntry, ScreeningList

HEU = ListEntry("L", "heu", "Harbin Engineering University", country="China")
NUAA = ListEntry("L", "nuaa", "Nanjing University of Aeronautics and Astronautics", country="China")
BIT = ListEntry("L", "bit", "Beijing Institute of Technology", country="China")


def _matcher() -> Matcher:
    return Matcher.from_lists([ScreeningList("L", "", None, "", (HEU, NUAA, BIT))])


@pytest.mark.parametrize(
    ("text", "entry_id", "word", "written"),
    [
        (
            "College of Automation, Harbin Engineer ing University, Harbin, China",
            "heu",
            "engineering",
            "Harbin Engineer ing University",
        ),
        ("Harbin Engineering Univer- sity, Harbin", "heu", "university", None),
        ("Nanjing Univer-\nsity of Aeronautics and Astronautics", "nuaa", "university", None),
        ("Nanjing University of Aeronautics and Astro- nautics", "nuaa", "astronautics", None),
        ("Beijing Institute of Tech nology, Beijing 100081", "bit", "technology", None),
        ("Beijing Insti tute of Technology", "bit", "institute", None),
    ],
)
def test_a_broken_word_is_joined_and_the_match_says_so(
    text: str, entry_id: str, word: str, written: str | None
) -> None:
    (m,) = _matcher().match(text)
    assert m.entry_id == entry_id
    assert f"word-rejoined:{word}" in m.reasons
    assert m.score < 1.0  # a joined word costs a little
    if written is not None:
        assert text[slice(*m.span)] == written


@pytest.mark.parametrize(
    "text",
    [
        "Harbin Engineer, ing University",  # a comma between the pieces
        "Harbin Engineer (ing) University",  # a parenthesis
        "Beijing Institute of Tech, Nology Park",  # another part of the string
        "Harbin Engine ring University",  # the pieces make no listed word
    ],
)
def test_pieces_are_not_joined_across_parts_nor_into_other_words(text: str) -> None:
    assert not any(
        any(r.startswith("word-rejoined") for r in m.reasons) for m in _matcher().match(text)
    )


def test_two_real_words_are_not_joined() -> None:
    # "Tech Nology" joined would be technology; "Poly Technical" is two words
    matcher = Matcher.from_lists(
        [ScreeningList("L", "", None, "", (ListEntry("L", "p", "Polytechnical Institute"),))]
    )
    assert matcher.match("Poly Technical Institute") == ()
