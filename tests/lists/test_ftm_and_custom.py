"""FollowTheMoney entity lines and an institution's own watch list."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from workbench.lists import load_list


def test_ftm_fixture_keeps_entities_and_counts_the_rest(fixtures: Path) -> None:
    loaded = load_list(fixtures / "lists" / "sample_entities.ftm.json")
    lst, report = loaded.value, loaded.report
    assert lst.name == "sample_entities"
    assert lst.version == date(2025, 9, 29)
    assert [e.entry_id for e in lst.entries] == [
        "jp-eul-541",
        "jp-eul-475",
        "csl-52291",
        "csl-4238",
    ]
    assert report.read == 4
    assert report.unusable == ()
    assert report.warnings == (
        "3 records are not an entity, skipped: Address 1, Sanction 1, Ownership 1",
    )
    hit = lst.entry("jp-eul-541")
    assert hit is not None
    assert hit.name == "Harbin Institute of Technology"
    assert hit.aliases == ("HIT",)
    assert hit.local_names == ("哈爾浜工業大学",)
    assert (hit.country, hit.reasons, hit.programs) == ("cn", ("export.control",), ("JP-EUL",))
    assert hit.entity_type == "organization" and hit.source_list == "jp_meti_eul"
    cetc = lst.entry("jp-eul-475")
    assert cetc is not None
    assert cetc.aliases == (
        "CETC 10th Research Institute",
        "SWIET",
        "Southwest Institute of Electronic Technology",
    )
    assert cetc.local_names == ("中国電子科技集団公司第十研究所",)
    assert cetc.country == "cn"  # from jurisdiction
    person = lst.entry("csl-52291")
    assert person is not None
    assert (person.entity_type, person.country, person.programs) == ("individual", "kp", ("NPWMD",))


def test_real_ftm_fixtures(shared_raw: Path) -> None:
    t1 = load_list(shared_raw / "ftm_fixtures" / "yente_t1_entities.ftm.json")
    assert t1.value.entry_count == 6
    assert t1.report.warnings == ("1 records are not an entity, skipped: Address 1",)
    zala = load_list(shared_raw / "ftm_fixtures" / "yente_zala_entities.ftm.json")
    assert zala.value.entry_count == 17  # Company 11 + Person 6
    assert zala.report.warnings[0].startswith("74 records are not an entity, skipped: Sanction 41")
    kinds = {e.entity_type for e in zala.value.entries}
    assert kinds == {"organization", "individual"}
    irgc = t1.value.entry("NK-2PacmNpiLUmoz4XD2mSt7A")
    assert irgc is not None
    assert irgc.name == "IRGC" and irgc.aliases == ("Iranian Revolutionary Guard Corps",)


def test_custom_watch_list(fixtures: Path) -> None:
    loaded = load_list(fixtures / "lists" / "watch_list.csv")
    lst = loaded.value
    assert lst.name == "watch_list"
    assert lst.version is None
    assert [e.entry_id for e in lst.entries] == [f"watch_list-{n}" for n in range(2, 7)]
    heu = lst.entries[0]
    assert heu.name == "Harbin Engineering University"
    assert heu.aliases == ("HEU",)
    assert heu.local_names == ("哈尔滨工程大学",)
    assert heu.country == "CN"
    assert heu.reasons == ("国防七校 (Seven Sons of National Defence)",)
    nuaa = lst.entries[2]
    assert nuaa.aliases == ("NUAA", "Nanhang")  # ';' and '・' both separate aliases
    assert nuaa.local_names == ("南京航空航天大学",)
    assert lst.entries[3].reasons == ("Investor under review, see file 2025-014",)
    local_only = lst.entries[4]
    assert local_only.name == "國立範例研究所" == local_only.local_names[0]
    assert loaded.report.read == 5 and loaded.report.warnings == ()


def test_custom_watch_list_with_japanese_header_and_bom(fixtures: Path) -> None:
    lst = load_list(fixtures / "lists" / "watch_list_ja.csv", name="自機関リスト").value
    assert lst.name == "自機関リスト"
    first, second = lst.entries
    assert first.entry_id == "watch_list_ja-2"
    assert first.name == "中国電子科技集団公司第十四研究所"
    assert first.aliases == ("CETC 14",)
    assert first.local_names == ("中国電子科技集団公司第十四研究所", "南京電子技術研究所")
    assert second.reasons == ("quoted, with comma",)
    assert second.aliases == ("SWJTU",) and second.local_names == ("西南交通大学",)


def test_custom_extra_columns_are_reported(tmp_path: Path) -> None:
    path = tmp_path / "own_20250401.csv"
    path.write_text("Name,Country,Owner\nAlpha University,CN,Research Office\n", "utf-8")
    loaded = load_list(path)
    assert loaded.value.version == date(2025, 4, 1)
    assert loaded.value.entries[0].country == "CN"
    assert loaded.report.warnings == ("columns ignored: Owner",)
