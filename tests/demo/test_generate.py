"""Generation: byte-for-byte determinism, the folder layout, the marker, the atomic swap."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

from workbench.cli import main
from workbench.demo.generate import MARKER, generate
from workbench.demo.hostile import HOSTILE_ID
from workbench.demo.stories import STORIES


def _tree(root: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()
    }


def _generate_in_fresh_process(out: Path, hash_seed: str) -> None:
    env = {**os.environ, "PYTHONHASHSEED": hash_seed}
    subprocess.run(
        [sys.executable, "-m", "workbench.cli", "demo", "generate", "--out", str(out)],
        check=True,
        env=env,
        capture_output=True,
    )


def test_two_runs_in_fresh_processes_write_identical_bytes(tmp_path: Path) -> None:
    # different hash seeds: nothing may depend on set or dict-of-str iteration order
    _generate_in_fresh_process(tmp_path / "a", "1")
    _generate_in_fresh_process(tmp_path / "b", "2")
    a, b = _tree(tmp_path / "a"), _tree(tmp_path / "b")
    assert len(a) > 25
    assert a.keys() == b.keys()
    assert [k for k in a if a[k] != b[k]] == []


def test_layout_has_every_proposal_and_keeps_the_hostile_one_apart(demo) -> None:
    folders = sorted(p.name for p in demo.proposals.iterdir() if p.is_dir())
    assert folders == [s.proposal_id for s in STORIES]
    assert HOSTILE_ID not in folders
    assert (demo.root / "hostile" / HOSTILE_ID / "proposal.json").is_file()
    for pid in folders:
        files = {p.name for p in (demo.proposals / pid).iterdir()}
        assert "proposal.json" in files
        assert files & {"works.json", "publications.csv"}, pid
    assert not [p for p in demo.root.iterdir() if p.name.startswith(".")]


def test_marker_lists_every_file_with_its_digest(demo) -> None:
    lines = (demo.proposals / MARKER).read_text(encoding="utf-8").splitlines()
    listed = dict(reversed(line.split("  ", 1)) for line in lines)
    on_disk = {
        str(p.relative_to(demo.proposals)): p
        for p in demo.proposals.rglob("*")
        if p.is_file() and p.name != MARKER
    }
    assert listed.keys() == on_disk.keys()
    for rel, path in on_disk.items():
        assert listed[rel] == hashlib.sha256(path.read_bytes()).hexdigest(), rel


def test_regenerating_replaces_a_stale_demo_and_leaves_no_temporary_folder(tmp_path: Path) -> None:
    stale = tmp_path / "proposals" / "ASPIRE-2024-OLD-001"
    stale.mkdir(parents=True)
    (stale / "proposal.json").write_text("{}")
    (tmp_path / "proposals" / MARKER).write_text("old\n")
    generate(tmp_path)
    assert not stale.exists()
    assert (tmp_path / "proposals" / MARKER).read_text() != "old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["hostile", "proposals"]


def test_command_line_writes_the_demo_and_reports_counts(tmp_path: Path, capsys) -> None:
    assert main(["demo", "generate", "--out", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "12 proposals" in out
    assert (tmp_path / "proposals" / MARKER).is_file()
