"""The matcher against the shipped lists: finds, spans, reasons, and the classic traps."""

from __future__ import annotations

import pytest

from workbench.matching import Match, Matcher
from workbench.model import ListEntry, ScreeningList

METI_HIT = "jp-eul-541"
METI_NUDT = "jp-eul-553"
METI_UT = "jp-eul-282"
METI_SBU = "jp-eul-237"
METI_UESTC = "jp-eul-595"
CSL_BUAA = "380d9cdaa2a955c310e28f4ad9b83be6d9e4d97bed76ecd908a125c1"
CSL_SYSU = "8900279cbcd7df6c3a818e32ebf9487ea17753f6d60acf903da1688a"


def entry(
    entry_id: str,
    name: str,
    *aliases: str,
    local: tuple[str, ...] = (),
    country: str | None = None,
    list_name: str = "Test List",
    entity_type: str | None = None,
) -> ListEntry:
    return ListEntry(
        list_name, entry_id, name, tuple(aliases), local, country, entity_type=entity_type
    )


def screening_list(*entries: ListEntry, name: str = "Test List") -> ScreeningList:
    return ScreeningList(name, "tests", None, "tests", tuple(entries))


def ids(matches: tuple[Match, ...]) -> set[str]:
    return {m.entry_id for m in matches}


def test_long_affiliation_with_department_and_address(matcher: Matcher) -> None:
    text = (
        "College of Intelligence Science and Technology, National University of Defense "
        "Technology, Changsha 410073, China"
    )
    found = matcher.match(text)
    assert METI_NUDT in ids(found)
    m = next(m for m in found if m.entry_id == METI_NUDT)
    assert text[m.span[0] : m.span[1]] == "National University of Defense Technology"
    assert m.list_name == "METI End User List"
    assert m.score == 1.0
    assert m.reasons[0] == "exact-name" and "country-agrees:CN" in m.reasons


def test_bibliographic_abbreviations(matcher: Matcher) -> None:
    text = "Sch Comp Sci & Technol, Harbin Inst Technol, Harbin 150001, Peoples R China"
    (m,) = matcher.match(text)
    assert m.entry_id == METI_HIT
    assert text[m.span[0] : m.span[1]] == "Harbin Inst Technol"
    assert "abbreviation-expanded" in m.reasons
    assert m.score < 1.0


def test_simplified_chinese_finds_the_japanese_kanji_name(matcher: Matcher) -> None:
    text = "哈尔滨工业大学计算机科学与技术学院"
    (m,) = matcher.match(text)
    assert m.entry_id == METI_HIT
    assert m.matched_alias == "哈爾浜工業大学"
    assert m.span == (0, 7)
    assert "script-folded" in m.reasons


def test_full_width_input_keeps_original_span(matcher: Matcher) -> None:
    text = "Dept. X,ＨＡＲＢＩＮ　ＩＮＳＴＩＴＵＴＥ　ＯＦ　ＴＥＣＨＮＯＬＯＧＹ"
    (m,) = matcher.match(text)
    assert (
        text[m.span[0] : m.span[1]]
        == "ＨＡＲＢＩＮ　ＩＮＳＴＩＴＵＴＥ　ＯＦ　ＴＥＣＨＮＯＬＯＧＹ"
    )


def test_typo_is_found_with_its_distance(matcher: Matcher) -> None:
    (m,) = matcher.match("Harbin Institue of Technology, Harbin")
    assert m.entry_id == METI_HIT
    assert "fuzzy:distance=1" in m.reasons
    assert m.score < 0.95


@pytest.mark.parametrize(
    ("text", "listed"),
    [
        ("Tehran University of Medical Sciences, Tehran, Iran", METI_UT),
        ("Shahid Beheshti University of Medical Sciences, Tehran, Iran", METI_SBU),
        ("National Sun Yat-sen University, Kaohsiung, Taiwan", CSL_SYSU),
        ("西安电子科技大学 通信工程学院", METI_UESTC),
        ("杭州电子科技大学", METI_UESTC),
    ],
)
def test_listed_name_inside_a_longer_different_name(
    matcher: Matcher, text: str, listed: str
) -> None:
    assert listed not in ids(matcher.match(text))
    assert "longer-name" in {why for m, why in matcher.explain(text) if m.entry_id == listed}


def test_the_listed_names_themselves_still_match(matcher: Matcher) -> None:
    assert METI_UT in ids(matcher.match("University of Tehran, Tehran, Iran"))
    assert METI_SBU in ids(matcher.match("Shahid Beheshti University, Tehran, Iran"))
    assert CSL_SYSU in ids(matcher.match("Sun Yat-sen University, Guangzhou, China"))
    assert METI_UESTC in ids(matcher.match("电子科技大学 信息与通信工程学院"))


def test_unlisted_name_inside_a_listed_one(matcher: Matcher) -> None:
    assert matcher.match("Nanjing University, Nanjing 210093, China") == ()
    assert matcher.match("Nanjing University, Science and Technology Park, Nanjing") == ()
    assert ids(matcher.match("Nanjing University of Science and Technology")) == {"jp-eul-556"}


@pytest.mark.parametrize(
    "text",
    [
        "HIT, Holon 5810201, Israel",
        "School of Telematics, SUT, Nakhon Ratchasima 30000, Thailand",
        "NPU, Pingtung, Taiwan",
        "National University of Sciences and Technology (NUST), Islamabad, Pakistan",
        "hit rate study group, Leiden University",
    ],
)
def test_short_acronyms_need_the_country(matcher: Matcher, text: str) -> None:
    assert matcher.match(text) == ()


def test_short_acronym_with_agreeing_country(matcher: Matcher) -> None:
    (m,) = matcher.match("School of Astronautics, HIT, Harbin 150001, China")
    assert m.entry_id == METI_HIT
    assert "acronym-with-context" in m.reasons and "country-agrees:CN" in m.reasons


def test_campus_is_the_university(matcher: Matcher) -> None:
    for text in (
        "Harbin Institute of Technology, Shenzhen, 518055, China",
        "Harbin Institute of Technology at Weihai",
        "哈尔滨工业大学（深圳）机电工程与自动化学院",
    ):
        assert METI_HIT in ids(matcher.match(text)), text


def test_generic_name_needs_its_country(matcher: Matcher) -> None:
    # "National Defense Academy" is an alias of a North Korean entry, and Japan's academy
    assert matcher.match("Department of Applied Physics, National Defense Academy, Yokosuka") == ()
    assert matcher.match("National Defense Academy of Japan") == ()


def test_same_organisation_on_two_lists_is_reported_for_both(matcher: Matcher) -> None:
    found = matcher.match("北京航空航天大学 自动化科学与电气工程学院")
    assert ids(found) == {"jp-eul-501", CSL_BUAA}
    csl = next(m for m in found if m.entry_id == CSL_BUAA)
    assert "name-of-linked-entry:METI End User List:jp-eul-501" in csl.reasons


def test_japanese_institutions_are_not_matched(matcher: Matcher) -> None:
    for text in (
        "東京工業大学 工学院",
        "防衛大学校",
        "Tokyo Institute of Technology, Tokyo, Japan",
    ):
        assert matcher.match(text) == (), text


def test_match_many_is_match_per_string(matcher: Matcher) -> None:
    texts = ["Beihang University", "", "Delft University of Technology", "哈尔滨工程大学"]
    assert matcher.match_many(texts) == [matcher.match(t) for t in texts]


def test_threshold_filters_by_score(shipped) -> None:
    strict = Matcher.from_lists(shipped, threshold=0.99)
    assert strict.match("Harbin Inst Technol, Harbin") == ()
    assert ids(strict.match("Harbin Institute of Technology")) == {METI_HIT}
    with pytest.raises(ValueError, match="outside"):
        Matcher.from_lists(shipped, threshold=1.5)


def test_index_covers_name_aliases_and_local_names() -> None:
    lst = screening_list(
        entry(
            "e1",
            "10th Research Institute of China Electronic Technology Group Corporation (CETC) "
            "(中国電子科技集団公司第十研究所)",
            "Southwest Institute of Electronic Technology (SWIET)",
            local=("中国西南電子技術研究所",),
            country="China",
        ),
        entry("p1", "Jane Example", entity_type="individual"),
    )
    matcher = Matcher.from_lists([lst])
    assert ids(matcher.match("中国电子科技集团公司第十研究所, 成都")) == {"e1"}
    assert ids(matcher.match("中国西南电子技术研究所")) == {"e1"}
    assert ids(matcher.match("Southwest Institute of Electronic Technology, Chengdu")) == {"e1"}
    assert ids(matcher.match("SWIET, Chengdu, China")) == {"e1"}
    assert ids(
        matcher.match("10th Research Institute of China Electronic Technology Group Corporation")
    ) == {"e1"}
    assert matcher.match("Jane Example, University of Somewhere") == ()


def test_legal_forms_are_not_needed() -> None:
    lst = screening_list(entry("c1", "Beijing Luo Luo Technology Development Co., Limited."))
    (m,) = Matcher.from_lists([lst]).match("Beijing Luo Luo Technology Development, Beijing")
    assert m.entry_id == "c1" and "legal-form-ignored" in m.reasons


def test_a_list_with_nothing_to_look_for() -> None:
    matcher = Matcher.from_lists([screening_list(entry("p1", "J. Doe", entity_type="individual"))])
    assert matcher.match("Harbin Institute of Technology") == ()
    assert Matcher.from_lists([]).match("anything") == ()
