"""Classes of byline writing the list does not: split words, word order, inserted words.

Each test names the class with several spellings and its guards: a compound
listed word ("Northwestern") written as two known words ("North Western",
"North-Western") is the listed word, the match says so (``word-split:``);
a word that is not two known words of five letters or more ("Beihang") or
whose halves are generic ("International") is never split. A name written in
another order, with "Science" or "Research" (or up to three words in
parentheses) inserted or name particles left out, matches loosely
(``loose-name`` and what was loose), unless the string part holds another
word, too many words are spelt otherwise, or the string names another
country (``country-veto``).
"""

from __future__ import annotations

import pytest

from workbench.matching import Matcher
from workbench.model import ListEntry, ScreeningList

NWPU = ListEntry("L", "nwpu", "Northwestern Polytechnical University", ("NWPU",), country="China")
SMIC = ListEntry("L", "smic", "Semiconductor Manufacturing International Corporation")
NUAA = ListEntry("L", "nuaa", "Nanjing University of Aeronautics and Astronautics", country="CN")
NUDT = ListEntry("L", "nudt", "National University of Defense Technology", country="China")
KNTU = ListEntry(
    "L", "kntu", "Khajeh Nassir-Al-Deen Toosi University of Technology", country="Iran"
)


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


@pytest.mark.parametrize(
    ("text", "entry_id", "how"),
    [
        ("Nanjing Aeronautics and Astronautics University, Nanjing, China", "nuaa", "word-order"),
        ("College of Astronautics, Nanjing Aeronautics & Astronautics Univ.", "nuaa", "word-order"),
        (
            "National University of Defense Science and Technology, Changsha",
            "nudt",
            "words-inserted:science",
        ),
        (
            "National University of Defense Research and Technology, Changsha",
            "nudt",
            "words-inserted:research",
        ),
        ("Khajeh Nasir Toosi University of Technology, Tehran", "kntu", "words-dropped:al,deen"),
        ("Dept. of EE, Khajeh Nassir Toosi Univ. of Tech., Iran", "kntu", "words-dropped:al,deen"),
        (
            "Khajeh Nasir (K. N.) Toosi University of Technology, Tehran",
            "kntu",
            "words-inserted:(k),(n)",
        ),
        (
            "Nanjing (Jiangsu) University of Aeronautics and Astronautics",
            "nuaa",
            "words-inserted:(jiangsu)",
        ),
    ],
)
def test_names_in_another_order_or_with_words_inserted_or_dropped(
    text: str, entry_id: str, how: str
) -> None:
    found = _matcher(NUAA, NUDT, KNTU).match(text)
    assert [m.entry_id for m in found] == [entry_id]
    assert found[0].reasons[0] == "loose-name"
    assert how in found[0].reasons
    assert 0.75 <= found[0].score < 1.0


@pytest.mark.parametrize(
    "text",
    [
        "Nanjing Aeronautics and Astronautics Polytechnic University, Nanjing",  # another word
        "National University of Defense Medical Technology, Changsha",  # not insertable
        "Nanjing Aeronautics and Astronautics University, Tokyo, Japan",  # another country
        "Khajeh Nasir Tusi University of Technology, Tehran",  # two of four words respelt
        "Nanjing Aeronautics University, Astronautics Building",  # words in two parts
        "Nanjing University (Institute of Aeronautics and Astronautics)",  # a name in parentheses
        "Nanjing (Zhong Shan Men Wai Jie) University of Aeronautics and Astronautics",  # 4 words
    ],
)
def test_loose_names_keep_their_guards(text: str) -> None:
    assert _matcher(NUAA, NUDT, KNTU).match(text) == ()


def test_a_loose_match_in_another_country_is_vetoed_and_says_so() -> None:
    matcher = _matcher(NUAA)
    text = "Nanjing Aeronautics and Astronautics University, Tokyo, Japan"
    assert matcher.match(text) == ()
    (vetoed, why), *_ = matcher.explain(text)
    assert why == "below-threshold" and "country-veto:JP" in vetoed.reasons
    alone = "Nanjing Aeronautics and Astronautics University"
    assert matcher.match(alone, country="JP") == ()
    assert [m.reasons[-1] for m in matcher.match(alone, country="CN")] == [
        "declared-country-agrees:CN"
    ]
    assert matcher.match(alone)


@pytest.mark.parametrize(
    "text",
    [
        "School of Aeronautics#TAB#Northwestern Polytechnical University#N#Xi'an, China",
        "Northwestern Polytechnical University#N#Xi'an 710072",
        "Northwestern Polytech. Univ., Xi'an, China",
        "Northwestern Politechnical Univer., Xi'an, China",
        "Northwestern Polytechnica Universitet, Xi'an",
    ],
)
def test_extraction_noise_and_abbreviated_words(text: str) -> None:
    found = _matcher(NWPU).match(text)
    assert [m.entry_id for m in found] == ["nwpu"]
    assert text[slice(*found[0].span)].startswith("Northwestern Pol")


def test_technical_in_other_languages_is_technical() -> None:
    entry = ListEntry("L", "bmstu", "Bauman Moscow State Technical University", country="RU")
    matcher = _matcher(entry)
    for text in (
        "Bauman Moscow State Tekhnicheskiy Universitet, Moscow",
        "Bauman Moscow State Technical Univ., Moscow, Russia",
    ):
        assert [m.entry_id for m in matcher.match(text)] == ["bmstu"]
