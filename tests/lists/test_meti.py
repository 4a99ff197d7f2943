"""METI End User List: the real registry JSON, the shipped copy, and the spreadsheet layout."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from workbench.lists import load_list
from workbench.lists.meti import LIST_NAME, load_registry_json, parse_reasons
from workbench.model import Loaded, ScreeningList

METI_FILE = "jp_end_user_list_20250929.json"


@pytest.fixture(scope="module")
def shared_meti(shared_raw: Path) -> Loaded[ScreeningList]:
    return load_list(shared_raw / "meti_eul" / METI_FILE)


@pytest.fixture(scope="module")
def shipped_meti(root: Path) -> Loaded[ScreeningList]:
    return load_list(root / "data" / "lists" / METI_FILE)


def _check_full_list(loaded: Loaded[ScreeningList]) -> None:
    lst, report = loaded.value, loaded.report
    assert lst.name == LIST_NAME
    assert lst.version == date(2025, 9, 29)
    assert lst.entry_count == 835 == report.read
    assert report.unusable == ()
    ids = [e.entry_id for e in lst.entries]
    assert len(set(ids)) == 835
    assert sorted(int(i.removeprefix("jp-eul-")) for i in ids) == list(range(1, 836))
    assert all(e.name.strip() for e in lst.entries)
    recovered = [r for r in report.repaired if "recovered from addresses" in r]
    assert len(recovered) == 37
    assert sum("CW" in e.reasons for e in lst.entries) == 240
    assert sum(any(c in e.reasons for c in "BCMN") for e in lst.entries) == 781


def test_real_registry_json_loads_835_entries_with_every_name(shared_meti: Loaded) -> None:
    _check_full_list(shared_meti)


def test_shipped_copy_loads_the_same_list(shipped_meti: Loaded) -> None:
    _check_full_list(shipped_meti)


def test_shipped_copy_is_byte_identical_to_the_source(
    shared_meti: Loaded, shipped_meti: Loaded
) -> None:
    assert shipped_meti.value.content_hash == shared_meti.value.content_hash
    assert shipped_meti.value.entries == shared_meti.value.entries


def test_glued_names_are_recovered_and_reported(shipped_meti: Loaded) -> None:
    lst, report = shipped_meti.value, shipped_meti.report
    e = lst.entry("jp-eul-478")
    assert e is not None
    assert e.name == "23rd Research Institute"
    assert e.country == "People's Republic of China"
    assert "Beijing Institute of Radio Measurement" in e.aliases
    assert (
        "jp-eul-478: name '23rd Research Institute' recovered from addresses "
        "(country 'People's Republic of China')"
    ) in report.repaired
    dandong = lst.entry("jp-eul-526")
    assert dandong is not None and dandong.name == "Dandong Dongyuan Industrial Co., Ltd."
    # every recovered entry names an entry whose country is a country, not a glued name
    for line in report.repaired:
        if "recovered from addresses" in line:
            entry = lst.entry(line.split(":", 1)[0])
            assert entry is not None and entry.country == "People's Republic of China"


def test_local_names_and_acronyms_are_split_out(shipped_meti: Loaded) -> None:
    lst = shipped_meti.value
    e = lst.entry("jp-eul-475")
    assert e is not None
    assert e.name == "10th Research Institute of China Electronic Technology Group Corporation"
    assert e.local_names == ("中国電子科技集団公司第十研究所", "中国西南電子技術研究所")
    assert "CETC" in e.aliases and "SWIET" in e.aliases
    assert not any("(" in a or "（" in a for a in e.aliases)
    # full-width parentheses
    e480 = lst.entry("jp-eul-480")
    assert e480 is not None
    assert e480.name == "Academy of Aerospace Solid Propulsion Technology"
    assert e480.local_names == ("航天动力技术研究院", "中国航天科技集団有限公司第四研究院")
    # a pure-CJK alias with parentheses inside stays whole
    e474 = lst.entry("jp-eul-474")
    assert e474 is not None and "鼐实鑫电子(深圳)有限公司" in e474.local_names
    # a name in katakana only is both the name and a local name
    e447 = lst.entry("jp-eul-447")
    assert e447 is not None and e447.name == "セソン技術貿易" == e447.local_names[0]


def test_no_cjk_left_in_latin_names_or_aliases(shipped_meti: Loaded) -> None:
    han = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
    for e in shipped_meti.value.entries:
        if e.local_names and e.name not in e.local_names:
            assert not han.search(e.name), e
        assert not any(han.search(a) for a in e.aliases), e


def test_pdf_artefacts_are_repaired_and_reported(shipped_meti: Loaded) -> None:
    lst, report = shipped_meti.value, shipped_meti.report
    e615 = lst.entry("jp-eul-615")
    assert e615 is not None
    assert e615.name == "Defense Science and Technology Organization"
    assert "Chaklala Defense Science and Technology Organization" in e615.aliases
    assert "DESTO" in e615.aliases
    e761 = lst.entry("jp-eul-761")
    assert e761 is not None and "Novator Design Bureau" in e761.aliases
    e513 = lst.entry("jp-eul-513")
    assert e513 is not None and "中国電子科技集団公司第十四研究所" in e513.local_names
    e567 = lst.entry("jp-eul-567")
    assert e567 is not None and e567.local_names == ("三明市中伊欧进出口有限公司",)
    assert any(r.startswith("jp-eul-615: name ") for r in report.repaired)
    assert "jp-eul-761: alias 'Novator Design Bureau; and' trimmed to 'Novator Design Bureau'" in (
        report.repaired
    )


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        (
            "大量破壊兵器等の懸念: 生物、化学、ミサイル、核 B,C,M,N; 通常兵器の懸念: CW",
            ("B", "C", "M", "N", "CW"),
        ),
        ("大量破壊兵器等の懸念: ミサイルM", ("M",)),
        ("大量破壊兵器等の懸念: 核 Ｎ", ("N",)),
        ("通常兵器の懸念: CW", ("CW",)),
        ("生物、化学\nB,C", ("B", "C")),
        ("", ()),
    ],
)
def test_reasons_are_parsed_into_codes(text: str, codes: tuple[str, ...]) -> None:
    assert parse_reasons(text) == codes


def test_spreadsheet_layout_agrees_with_the_registry(fixtures: Path, shipped_meti: Loaded) -> None:
    loaded = load_list(fixtures / "lists" / "meti_eul_sample.xlsx")
    lst = loaded.value
    assert lst.name == LIST_NAME
    assert lst.version == date(2025, 9, 29)  # from the title row "2025年9月29日改正"
    assert [e.entry_id for e in lst.entries] == [
        f"jp-eul-{n}" for n in (1, 133, 366, 433, 447, 474, 475, 478, 480, 512, 541, 615, 646)
    ]
    for entry in lst.entries:
        registry = shipped_meti.value.entry(entry.entry_id)
        assert registry is not None
        assert entry.name == registry.name
        assert entry.local_names == registry.local_names
        assert set(entry.aliases) == set(registry.aliases)
        assert entry.reasons == registry.reasons
        assert entry.country == registry.country
    assert loaded.report.warnings[-1].endswith(
        "note ignored: '※ 懸念区分: 生物 B, 化学 C, ミサイル M, 核 N; 通常兵器 CW'"
    )


def test_spreadsheet_name_override_and_hash(fixtures: Path) -> None:
    path = fixtures / "lists" / "meti_eul_sample.xlsx"
    loaded = load_list(path, name="METI EUL (test)")
    assert loaded.value.name == "METI EUL (test)"
    assert all(e.list_name == "METI EUL (test)" for e in loaded.value.entries)
    import hashlib

    assert loaded.value.content_hash == hashlib.sha256(path.read_bytes()).hexdigest()


def test_version_falls_back_to_the_file_name(tmp_path: Path, root: Path) -> None:
    text = (root / "data" / "lists" / METI_FILE).read_text("utf-8")
    no_url = re.sub(r'"source_url": "[^"]*"', '"source_url": ""', text)
    dated = tmp_path / "eul_20240101.json"
    dated.write_text(no_url, "utf-8")
    assert load_registry_json(dated).value.version == date(2024, 1, 1)
    undated = tmp_path / "eul.json"
    undated.write_text(no_url, "utf-8")
    loaded = load_registry_json(undated)
    assert loaded.value.version is None
    assert any("no version date" in w for w in loaded.report.warnings)
