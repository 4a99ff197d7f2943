"""Chinese labels and acronyms from ROR for list entries that lack them."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from workbench.matching import Match, Matcher
from workbench.matching.index import NameIndex
from workbench.matching.ror import TABLE, RorNames, RorOrganisation, linked
from workbench.model import ListEntry, ScreeningList

ROOT = Path(__file__).resolve().parents[2]
CSL_SCU = "62886c3b35a67286688b1e5cc78931856419342f659b38df504521f2"
CSL_SYSU = "8900279cbcd7df6c3a818e32ebf9487ea17753f6d60acf903da1688a"
CSL_UESTC = "652f3ae43a3a765d794716bd58135e1ad0255425c429f838bf6013bc"
METI_UESTC = "jp-eul-595"
METI_BIAM = "jp-eul-481"
CSL_BIAM = "aa050345495b483ba8e9044e6fe99d35"


def ids(matches: tuple[Match, ...]) -> set[str]:
    return {m.entry_id for m in matches}


def one_entry(name: str, country: str | None) -> ScreeningList:
    entry = ListEntry("Own", "own-2", name, country=country)
    return ScreeningList("Own", "tests", None, "tests", (entry,))


def test_chinese_names_the_csl_does_not_write(matcher: Matcher) -> None:
    (scu,) = matcher.match("四川大学化学学院，成都 610064")
    assert scu.entry_id == CSL_SCU and scu.matched_alias == "四川大学"
    assert scu.reasons == ("exact-local-name", "ror-label:011ashp19", "country-agrees:CN")
    assert scu.span == (0, 4)
    (sysu,) = matcher.match("中山大學 物理學院")  # traditional: folded to 中山大学
    assert sysu.entry_id == CSL_SYSU
    assert "ror-label:0064kty71" in sysu.reasons and "script-folded" in sysu.reasons


def test_a_name_another_list_writes_comes_before_ror(matcher: Matcher) -> None:
    found = {m.entry_id: m for m in matcher.match("电子科技大学 信息与通信工程学院")}
    assert set(found) == {METI_UESTC, CSL_UESTC}
    assert f"name-of-linked-entry:METI End User List:{METI_UESTC}" in found[CSL_UESTC].reasons
    assert not any(r.startswith("ror-") for m in found.values() for r in m.reasons)


def test_labels_do_not_match_inside_other_names(matcher: Matcher) -> None:
    assert matcher.match("国立中山大学物理学系, 高雄") == ()  # National Sun Yat-sen, Taiwan
    assert matcher.match("西安电子科技大学 通信工程学院") == ()
    assert matcher.match("四川农业大学") == ()


def test_acronyms_from_ror_need_the_country(matcher: Matcher) -> None:
    assert ids(matcher.match("BIAM, Beijing 100095, China")) == {METI_BIAM, CSL_BIAM}
    (m, _) = matcher.match("BIAM, Beijing 100095, China")
    assert "ror-acronym:0099j7t54" in m.reasons and "acronym-with-context" in m.reasons
    assert matcher.match("Aix Marseille Univ, CNRS, CEA, BIAM, Marseille, France") == ()
    assert matcher.match("BIAM") == ()


def test_the_shipped_table_leaves_out_colliding_acronyms() -> None:
    table = {org.ror_id: org for org in RorNames.shipped().organisations}
    assert "SCU" not in table["011ashp19"].acronyms  # Sichuan; other organisations use SCU
    assert "TMU" not in table.get("03mwgfy56", RorOrganisation("", None)).acronyms
    assert "NWPU" in table["01y0j0j86"].acronyms


def test_the_shipped_table_only_holds_organisations_on_the_shipped_lists(
    shipped: list[ScreeningList],
) -> None:
    table = RorNames.shipped()
    assert 10 <= len(table) <= 100  # small on purpose
    index = NameIndex.build(shipped, RorNames())
    on_lists = {org.ror_id for _, org in linked(index.entries, index.variants, table)}
    assert on_lists == {org.ror_id for org in table.organisations}


def test_any_list_entry_with_the_same_name_and_country_gets_the_labels() -> None:
    own = Matcher.from_lists([one_entry("Sun Yat-sen University", "China")])
    assert ids(own.match("中山大学 化学学院")) == {"own-2"}
    taiwan = Matcher.from_lists([one_entry("Sun Yat-sen University", "Taiwan")])
    assert taiwan.match("中山大学 化学学院") == ()  # ROR's record is in CN
    nameless = Matcher.from_lists([one_entry("Sun Yat-sen University Hospital", "China")])
    assert nameless.match("中山大学 化学学院") == ()  # only an exact name links


def test_no_ror_names_when_asked(shipped: list[ScreeningList]) -> None:
    plain = Matcher.from_lists(shipped, ror=RorNames())
    assert plain.match("四川大学化学学院，成都 610064") == ()


def test_table_round_trip_and_bad_rows() -> None:
    table = RorNames((RorOrganisation("0001", "CN", ("Test University",), ("测试大学",), ("TU",)),))
    assert RorNames.read(table.to_csv()) == table
    assert RorNames.read(table.to_csv()).find(("test", "university")) == table.organisations
    with pytest.raises(ValueError, match="line 2"):
        RorNames.read("ror_id,country,type,value\n0001,CN,nickname,TU\n")
    with pytest.raises(ValueError, match="header"):
        RorNames.read("id,type,value\n")


def test_the_committed_table_is_what_the_script_writes(shared_raw: Path, tmp_path: Path) -> None:
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import build_ror_names
    finally:
        sys.path.remove(str(ROOT / "scripts"))
    out = tmp_path / TABLE
    records = shared_raw / "ror" / "ror_v2_records_cn_jp_ru_ir_kp_pk_etc.jsonl"
    assert build_ror_names.main(["--records", str(records), "--out", str(out)]) == 0
    committed = (ROOT / "workbench" / "matching" / TABLE).read_text(encoding="utf-8")
    assert out.read_text(encoding="utf-8") == committed


def test_rors_other_and_former_names_are_aliases_naming_the_record(matcher: Matcher) -> None:
    for text, ror_id in (
        ("State Northwest Institute of Engineering, Xi'an, China", "01y0j0j86"),
        ("Ninth Institute of Ministry of Nuclear Industry, Mianyang, China", "039vqpp67"),
        ("Nanjing Aeronautical Institute, Nanjing, China", "01scyh794"),
    ):
        found = matcher.match(text)
        assert found, text
        assert all(f"ror-name:{ror_id}" in m.reasons for m in found)
    assert not any(v.origin.startswith("ror-name:") and v.weak for v in matcher.index.variants)
