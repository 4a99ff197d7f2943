"""Q3.5, Q3.6: an organisation several lists name raises one finding per (check, subject,
organisation), citing every entry; dispositions stored per entry still cover it."""

from __future__ import annotations

from datetime import date

from tests.policy.factory import PI, ExactMatcher, aff, author, entry, person, proposal, work
from workbench.findings import by_finding
from workbench.model import ScreeningList
from workbench.outcome import suggest_outcome
from workbench.screening import ScreeningResult, screen
from workbench.session.view import build_view

METI, CSL = "METI End User List", "US Consolidated Screening List"
BUAA_METI = entry(
    "jp-eul-501",
    "Beijing University of Aeronautics and Astronautics (BUAA)",
    "Beihang University",
    list_name=METI,
)
BUAA_CSL = entry(
    "c-380",
    "BEIJING UNIVERSITY OF AERONAUTICS AND ASTRONAUTICS",
    "Beihang University",
    list_name=CSL,
)


def _run(*lists: ScreeningList) -> ScreeningResult:
    p2 = person("p2", "Chen Wei", aff("Osaka University"), aff("Beihang University", "concurrent"))
    w = work(
        "W1",
        "2024-05-14",
        author("Wei Chen", "Osaka University"),
        author("Li", "Beihang University"),
    )
    entries = tuple(e for lst in lists for e in lst.entries)
    return screen(proposal(PI, p2), [w], ExactMatcher(entries), lists, as_of=date(2025, 6, 20))


def _lists() -> tuple[ScreeningList, ScreeningList]:
    meti = ScreeningList(METI, "METI", date(2025, 9, 29), "m", (BUAA_METI,), "hash-m")
    csl = ScreeningList(CSL, "ITA", date(2023, 11, 1), "c", (BUAA_CSL,), "hash-c")
    return meti, csl


def test_one_finding_per_check_and_person_citing_every_list_in_the_order_given() -> None:
    meti, csl = _lists()
    result = _run(meti, csl)
    assert sorted((f.check, f.subject) for f in result.findings) == [
        ("listed_affiliation", "p2"),
        ("recent_coauthorship", "p2"),
    ]
    for f in result.findings:
        assert [(r.list, r.entry_id) for r in f.entries] == [
            (METI, "jp-eul-501"),
            (CSL, "c-380"),
        ]
        assert f.key == f"{f.check}:p2:{METI}:jp-eul-501"
        assert f.entry_keys == (f.key, f"{f.check}:p2:{CSL}:c-380")
        assert len(f.evidence) == 1  # the same affiliation string matched twice is one piece
        assert f"{METI} jp-eul-501; {CSL} c-380" in f.summary
        doc = f.to_json()
        assert doc["list_entry"]["entry_id"] == "jp-eul-501"
        assert [e["entry_id"] for e in doc["list_entries"]] == ["jp-eul-501", "c-380"]
    # the order given decides which entry comes first (and names the key)
    swapped = _run(csl, meti)
    assert {f.list_entry.list for f in swapped.findings if f.list_entry} == {CSL}


def test_a_disposition_stored_under_any_entry_key_covers_the_one_finding() -> None:
    meti, csl = _lists()
    result = _run(meti, csl)
    coauthor = next(f for f in result.findings if f.check == "recent_coauthorship")
    listed = next(f for f in result.findings if f.check == "listed_affiliation")
    old = {
        f"recent_coauthorship:p2:{CSL}:c-380": "dismissed",
        f"listed_affiliation:p2:{CSL}:c-380": "dismissed",
    }
    mapped = by_finding(result.findings, old)
    assert mapped == {coauthor.key: "dismissed", listed.key: "dismissed"}
    dismissed = {k for k, v in mapped.items() if v == "dismissed"}
    assert suggest_outcome(result.findings, dismissed=dismissed).code == "no-concern"
    # the finding's own key wins over an older per-entry disposition
    both = {**old, coauthor.key: "confirmed"}
    assert by_finding(result.findings, both)[coauthor.key] == "confirmed"


def test_the_page_view_reads_every_entry_cited() -> None:
    meti, csl = _lists()
    result = _run(meti, csl)
    view = build_view(result, None, (meti, csl))
    row = next(f for f in view.findings if f.check == "recent_coauthorship")
    assert row.entries == ((METI, "jp-eul-501"), (CSL, "c-380"))
    assert set(view.entries) == {(METI, "jp-eul-501"), (CSL, "c-380")}
