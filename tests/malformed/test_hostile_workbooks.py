"""Hostile Excel workbooks: a stale ``<dimension>`` loses no row, a huge one costs nothing,
a whitespace-padded workbook is refused before it is parsed.

Each workbook is derived here from a good one (the template filled from the
example proposal, or the METI sample list) by rewriting one XML part.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from workbench import input_files
from workbench.errors import InputError
from workbench.lists import load_list
from workbench.proposal import load_proposal, load_proposal_with_report
from workbench.questionnaire import write_template
from workbench.questionnaire.layout import AFFILIATIONS, ORGANIZATIONS, PEOPLE

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
EXAMPLE = FIXTURES / "proposal" / "proposal.json"
METI = FIXTURES / "lists" / "meti_eul_sample.xlsx"


def _rewrite(source: Path, out: Path, part: str, change: Callable[[str], str]) -> Path:
    """``source`` copied to ``out`` with the XML part whose name ends in ``part`` changed."""
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename.endswith(part):
                data = change(data.decode()).encode()
            zout.writestr(info, data)
    return out


def _sheet_part(source: Path, title: str) -> str:
    """The zip part name of the sheet titled ``title``."""
    from openpyxl import load_workbook

    wb = load_workbook(source, read_only=True)
    index = wb.sheetnames.index(title) + 1
    wb.close()
    return f"worksheets/sheet{index}.xml"


def _declare(ref: str) -> Callable[[str], str]:
    return lambda xml: re.sub(r'<dimension ref="[^"]*"\s*/>', f'<dimension ref="{ref}"/>', xml)


@pytest.fixture(scope="module")
def good(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_template(tmp_path_factory.mktemp("wb") / "good.xlsx", load_proposal(EXAMPLE))


@pytest.mark.parametrize("sheet", [s.name for s in (PEOPLE, AFFILIATIONS, ORGANIZATIONS)])
def test_stale_dimension_drops_no_row_and_is_warned(good: Path, tmp_path: Path, sheet: str) -> None:
    stale = _rewrite(good, tmp_path / "stale.xlsx", _sheet_part(good, sheet), _declare("A1:B2"))
    expected = load_proposal(good)
    loaded = load_proposal_with_report(stale)
    assert loaded.value.people == expected.people
    assert loaded.value.organizations == expected.organizations
    assert any(
        sheet in w and "(dimension)" in w and "every row" in w for w in loaded.report.warnings
    )


def test_sheet_declaring_the_whole_grid_reads_quickly_and_equal(good: Path, tmp_path: Path) -> None:
    part = _sheet_part(good, PEOPLE.name)
    huge = _rewrite(good, tmp_path / "huge.xlsx", part, _declare("A1:XFD1048576"))
    # without the fix this builds a million rows of 16,384 cells; with it, only the rows held
    assert load_proposal(huge).people == load_proposal(good).people


def test_meti_list_with_stale_dimension_keeps_every_entry(tmp_path: Path) -> None:
    stale = _rewrite(METI, tmp_path / "meti_stale.xlsx", "worksheets/sheet1.xml", _declare("A1:C5"))
    loaded, expected = load_list(stale), load_list(METI)
    assert len(loaded.value.entries) == len(expected.value.entries) > 5
    assert any("every row held was read" in w for w in loaded.report.warnings)


@pytest.mark.parametrize(
    ("load", "source"), [(load_proposal, "good"), (load_list, "meti")], ids=["proposal", "meti"]
)
def test_whitespace_padded_workbook_is_refused_before_parsing(
    good: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    load: Callable[[Path], object],
    source: str,
) -> None:
    base = good if source == "good" else METI
    padded = _rewrite(
        base,
        tmp_path / "padded.xlsx",
        "worksheets/sheet1.xml",
        lambda xml: xml.replace("<sheetData>", "<sheetData>" + " " * 3_000_000, 1),
    )
    assert padded.stat().st_size < 200_000
    monkeypatch.setattr(input_files, "MAX_EXPANDED_BYTES", 2_000_000)
    with pytest.raises(InputError) as caught:
        load(padded)
    (problem,) = caught.value.problems
    assert problem.field == "(file)"
    assert "inflate to" in problem.message and "padded.xlsx" in str(caught.value)
