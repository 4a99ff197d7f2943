"""Words glued by text extraction, and a university's coined first word used alone ("Beihang")."""

from __future__ import annotations

from workbench.matching import Match, Matcher
from workbench.matching.normalize import glued_words, raw_words, tokenize
from workbench.model import ListEntry, ScreeningList

METI_NUST = "jp-eul-556"
METI_NUAA = "jp-eul-555"
METI_HIT = "jp-eul-541"
METI_BUAA = "jp-eul-501"
CSL_BUAA = "380d9cdaa2a955c310e28f4ad9b83be6d9e4d97bed76ecd908a125c1"
CSL_TIANHUA = "741e6ba15d4685f8054de3a38b00e0c6fa9e4f05ca5f6e8545178ce6"


def ids(matches: tuple[Match, ...]) -> set[str]:
    return {m.entry_id for m in matches}


def test_split_tokens_keep_their_spans_in_both_paths() -> None:
    text = "Dept EngineeringNanjing Univ"
    splits = {"engineeringnanjing": (0, 11)}
    tokens = tokenize(text, splits)
    assert tokens.words == ["department", "engineering", "nanjing", "university"]
    assert [text[s:e] for s, e in zip(tokens.starts, tokens.ends, strict=True)] == [
        "Dept",
        "Engineering",
        "Nanjing",
        "Univ",
    ]
    assert raw_words(text, splits) == tokens.raw
    assert glued_words("andAstronautics, iPhone") == {
        "andastronautics": ("and", "astronautics"),
        "iphone": ("i", "phone"),
    }


def test_glued_words_are_split_when_the_pieces_are_listed_words(matcher: Matcher) -> None:
    text = (
        "Department of Communication EngineeringNanjing University of Science and Technology"
        " Nanjing China"
    )
    (m,) = matcher.match(text)
    assert m.entry_id == METI_NUST
    assert text[m.span[0] : m.span[1]] == "Nanjing University of Science and Technology"
    assert ids(matcher.match("Nanjing University of Aeronautics andAstronautics")) == {METI_NUAA}
    assert ids(matcher.match("Harbin Institute of TechnologyHarbin 150001 China")) == {METI_HIT}


def test_glued_words_do_not_make_new_false_matches(matcher: Matcher) -> None:
    for text in (
        "School of Electronic Science and EngineeringNanjing University, Nanjing, China",
        "Department of PhysicsTehran University of Medical Sciences",
        "School of Physical Science and Technology, ShanghaiTech University",
        "Department of Physics, McGill University, Montreal, Canada",
    ):
        assert matcher.match(text) == (), text


def test_a_glued_word_known_as_a_whole_is_not_split(matcher: Matcher) -> None:
    assert ids(matcher.match("BeiHang University")) == {METI_BUAA, CSL_BUAA}


def test_beihang_alone_counts_with_the_country(matcher: Matcher) -> None:
    found = matcher.match("Beihang Hangzhou Innovation Institute, Yuhang, Hangzhou, China")
    assert ids(found) == {METI_BUAA, CSL_BUAA}
    assert all("short-name-with-context" in m.reasons and m.span == (0, 7) for m in found)
    assert ids(matcher.match("Beihang, Beijing, China")) == {METI_BUAA, CSL_BUAA}
    assert matcher.match("Beihang") == ()  # no country: not enough on its own
    assert ids(matcher.match("Beihang", country="CN")) == {METI_BUAA, CSL_BUAA}
    assert matcher.match("Beihang, Tokyo, Japan") == ()


def test_beihang_inside_another_listed_name_is_that_entry(matcher: Matcher) -> None:
    assert ids(matcher.match("Beihang Tenfine Industry Group, Beijing, China")) == {CSL_TIANHUA}


def test_only_coined_words_of_two_word_university_names_are_short_names() -> None:
    entries = (
        ListEntry("L", "a", "Beihang University", country="CN"),
        ListEntry("L", "b", "Sichuan University", country="CN"),
        ListEntry("L", "c", "Sharif University of Technology", country="IR"),
    )
    matcher = Matcher.from_lists([ScreeningList("L", "tests", None, "tests", entries)])
    assert ids(matcher.match("Beihang, Beijing, China")) == {"a"}
    assert matcher.match("Sichuan, Chengdu, China") == ()  # a place, not a name
    assert matcher.match("Sharif, Tehran, Iran") == ()
