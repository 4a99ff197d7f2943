"""A provenance file beside works in a proposal's folder (``workbench works fetch --out``) is
listed as ignored, never read as publications."""

from __future__ import annotations

from pathlib import Path

from workbench.folders import proposal_files


def test_a_provenance_file_is_not_read_as_works(tmp_path: Path) -> None:
    for name in ("proposal.json", "works.json", "works.provenance.json"):
        (tmp_path / name).write_text("{}")
    files = proposal_files(tmp_path)
    assert [p.name for p in files.works_files] == ["works.json"]
    assert [p.name for p in files.ignored] == ["works.provenance.json"]
