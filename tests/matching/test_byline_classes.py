"""Classes of byline writing the list does not: a listed word written as two words.

Each test names the class with several spellings and its guards: a compound
listed word ("Northwestern") written as two known words ("North Western",
"North-Western") is the listed word, the match says so (``word-split:``);
a word that is not two known words of five letters or more ("Beihang") or
whose halves are generic ("International") is never split.
"""

from __future__ import annotations

import pytest

from workbench.matching import Matcher
from workbench.model import ListEntry, ScreeningList

NWPU = ListEntry("L", "nwpu", "Northwestern Polytechnical University", ("NWPU",), country="China")
SMIC = ListEntry("L", "smic", "Semiconductor Manufacturing International Corporation")


def _matcher(*entries: ListEntry) -> Matcher:
    return Matcher.from_lists([ScreeningList("L", "", None, "", entries)])


@pytest.mark.parametrize(
    "text",
    [
        "North Western Polytechnical University, Xi'an, China",
        "School of Aeronautics, North-Western Polytechnical University, Xi'an 710072",
        "Northwestern Polytechnical University, Xi'an, China",
    ],
)
def test_a_compound_word_written_as_two_is_the_listed_word(text: str) -> None:
    found = _matcher(NWPU).match(text)
    assert [m.entry_id for m in found] == ["nwpu"]
    split = "North" in text and "Northwestern" not in text
    assert ("word-split:northwestern" in found[0].reasons) is split


def test_halves_that_are_generic_words_are_not_split() -> None:
    matcher = _matcher(SMIC)
    assert matcher.match("Semiconductor Manufacturing Inter National Corporation") == ()
    assert matcher.match("Semiconductor Manufacturing International Corporation")


def test_real_shipped_names_split_only_into_two_known_words(matcher: Matcher) -> None:
    splits = {v.origin for v in matcher.index.variants if v.origin.startswith("word-split:")}
    assert "word-split:northwestern" in splits
    assert not any(s.endswith(("international", "beihang", "polytechnical")) for s in splits)
