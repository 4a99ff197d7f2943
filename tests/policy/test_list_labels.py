"""List entries readable everywhere: METI concern codes and CSL programmes in full, ids shown
by the list's own number or a shortened hash, the full id kept."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench.list_labels import (
    CSL_SOURCES,
    METI_REASONS,
    program_label,
    programs_text,
    reasons_text,
    shown_id,
    source_label,
)
from workbench.lists import load_list, shipped_lists
from workbench.model import ListEntry, ScreeningList


@pytest.fixture(scope="module")
def lists() -> dict[str, ScreeningList]:
    return {lst.name: lst for lst in (load_list(p).value for p in shipped_lists())}


def test_every_meti_concern_code_of_the_shipped_list_has_a_label(lists) -> None:
    codes = {r for e in lists["METI End User List"].entries for r in e.reasons}
    assert codes and codes <= set(METI_REASONS)
    e = ListEntry("METI End User List", "x", "X", reasons=("M", "CW"))
    assert reasons_text(e, "ja") == "大量破壊兵器等の懸念: ミサイル (M); 通常兵器 (CW)"
    assert reasons_text(e, "en").endswith("missiles (M); conventional weapons (CW)")
    assert reasons_text(ListEntry("L", "y", "Y"), "ja") == ""


def test_every_csl_sub_list_of_the_shipped_list_has_a_label(lists) -> None:
    sources = {e.source_list for e in lists["US Consolidated Screening List"].entries}
    for source in sources:
        ja, en = source_label(source, "ja"), source_label(source, "en")
        assert ja != source and en != source, source  # a label, not the raw text
    assert len(CSL_SOURCES) >= len(sources)


def test_programmes_read_in_full_with_their_codes_and_unknown_ones_as_written() -> None:
    assert program_label("NPWMD", "ja") == "大量破壊兵器の拡散者 (NPWMD)"
    assert program_label("NOT-A-PROGRAMME", "en") == "NOT-A-PROGRAMME"
    e = ListEntry("CSL", "x", "X", programs=("SDGT", "IRAN"))
    assert programs_text(e, "en") == (
        "Specially Designated Global Terrorists (SDGT); Iran sanctions (IRAN)"
    )


def test_csl_entries_keep_the_lists_own_number_and_show_it(lists) -> None:
    csl = lists["US Consolidated Screening List"]
    numbered = [e for e in csl.entries if e.list_id]
    assert numbered, "SDN entries carry OFAC's number"
    assert all(shown_id(e.entry_id, e.list_id) == e.list_id for e in numbered)
    hashed = [x for x in csl.entries if not x.list_id and len(x.entry_id) == 56]
    assert hashed and all(shown_id(x.entry_id) == x.entry_id[:8] + "…" for x in hashed)
    # a hash id with the list's own number beside it (the trade.gov JSON): the number is shown
    assert shown_id("e610a2b6a9a3a3b485c11b771a09a5bf665626545bc1f7618fdd4942", "36126") == "36126"


def test_findings_show_the_short_id_and_keep_the_full_one(fixtures: Path) -> None:
    from workbench.matching import Matcher
    from workbench.proposal import load_proposal
    from workbench.screening import screen

    shipped = [load_list(p).value for p in shipped_lists()]
    result = screen(
        load_proposal(fixtures / "policy/proposal.json"), [], Matcher.from_lists(shipped), shipped
    )
    beihang = next(f for f in result.findings if f.check == "listed_affiliation")
    csl = next(r for r in beihang.entries if r.list == "US Consolidated Screening List")
    assert csl.shown == csl.entry_id[:8] + "…" and csl.entry_id not in beihang.summary
    assert csl.shown in beihang.summary
    doc = next(e for e in beihang.to_json()["list_entries"] if e["list"] == csl.list)
    assert doc["entry_id"] == csl.entry_id and doc["shown_id"] == csl.shown


def test_both_csl_formats_keep_the_entity_number(fixtures: Path) -> None:
    for name in ("csl_sample.json", "consolidated_sample_13rows.csv"):
        entries = load_list(fixtures / "lists" / name).value.entries
        assert any(e.list_id for e in entries), name
        assert all(e.list_id is None or e.list_id.strip() == e.list_id for e in entries)
