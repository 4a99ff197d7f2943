"""The comparison form: Unicode, abbreviations, CJK folding, offsets."""

from __future__ import annotations

import pytest

from workbench.matching.normalize import fold_cjk, normalize, raw_words, tokenize


@pytest.mark.parametrize(
    ("japanese", "chinese"),
    [
        ("工業", "工业"),
        ("気", "气"),
        ("総合", "综合"),
        ("哈爾浜工業大学", "哈尔滨工业大学"),
        ("中国電子科技集団公司", "中国电子科技集团公司"),
        ("西北工業大学", "西北工业大学"),
    ],
)
def test_japanese_and_simplified_forms_meet(japanese: str, chinese: str) -> None:
    assert fold_cjk(japanese) == chinese
    assert normalize(japanese) == normalize(chinese)


def test_both_sides_take_the_same_path_through_variants() -> None:
    # jp2t writes 瓶 as the variant 甁; simplified text goes through jp2t too, so they still meet
    assert normalize("上海天海複合気瓶有限公司") == normalize("上海天海复合气瓶有限公司")


def test_traditional_forms_meet_simplified() -> None:
    assert normalize("哈爾濱工業大學") == normalize("哈尔滨工业大学")


def test_kana_keep_their_voicing_marks() -> None:
    assert normalize("ガス") != normalize("カス")


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("Natl Univ Def Technol", "national university defense technology"),
        ("Nanjing Univ Sci & Technol", "nanjing university science technology"),
        ("Beijing Univ Aeronaut & Astronaut", "beijing university aeronautics astronautics"),
        ("Northwestern Polytech Univ", "northwestern polytechnic university"),
        ("Univ Elect Sci & Technol China", "university electronic science technology china"),
        ("Chinese Acad Engn Phys", "china academy engineering physics"),
        ("ＨＡＲＢＩＮ　ＩＮＳＴ", "harbin institute"),
        ("Université de Téhéran", "university teheran"),
        ("Xi’an Jiaotong", "xian jiaotong"),
        ("Sun Yat-sen", "sun yat sen"),
    ],
)
def test_comparison_form(written: str, expected: str) -> None:
    assert normalize(written) == expected


def test_science_and_technology_contraction() -> None:
    assert normalize("国防科学技術大学") == normalize("国防科技大学") == "国防科技大学"


@pytest.mark.parametrize(
    "text",
    [
        "Dept. of Physics, Harbin Inst Technol",
        "ＮＡＴＬ ＵＮＩＶ ＤＥＦ ＴＥＣＨＮＯＬ, Straße 5",
        "哈爾浜工業大学 計算機学院（中国）",
        "Ｅｃｏｌｅ — Polytechnique; ﬁne mechanics",
        "bad \udc80 surrogate and e\u0301cole",
    ],
)
def test_spans_point_into_the_original(text: str) -> None:
    tokens = tokenize(text)
    for k in range(len(tokens.words)):
        start, end = tokens.span(k, k)
        piece = text[start:end]
        assert piece, (k, tokens.words[k])
        assert normalize(piece) == tokens.words[k] or tokens.cjk[tokens.content[k]]


def test_fast_path_finds_the_same_tokens(root) -> None:
    import csv

    with open(root / "data" / "devsets" / "affiliations.tsv", encoding="utf-8") as f:
        texts = [r["text"] for r in csv.DictReader(f, delimiter="\t")]
    texts += ["Ｅｃｏｌｅ — Polytechnique", "Straße ﬁne", "x\udc80y", "tab\tand\nnewline"]
    # ASCII strings are split without the regular expression: every byte but letters and digits
    texts += ["snake_case_dept", "O'Brien Inst., 'quoted'", "a''b x'", "AB12cd-34/EF"]
    texts += ["a\x00b\x7f~c"]
    for text in texts:
        assert raw_words(text) == tokenize(text).raw, text


def test_separators_start_segments() -> None:
    tokens = tokenize("Nanjing University, Science and Technology Park")
    assert tokens.segs == [0, 0, 1, 1, 1, 1]
