"""Names from data carrying terminal escapes or bidi overrides reach no terminal raw.

``workbench lists`` (its report and ``status``) and ``workbench portfolio``
(``screen``, ``diff``, ``register``, ``versions``) print names of lists, entries,
files and proposal folders; each case puts ESC sequences (clear screen, set the
window title, blink) and a right-to-left override in them and checks that the
text output keeps the readable part and drops every control character. Error
messages (exit 2) are cleaned the same way.
"""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import pytest

from workbench.cli import main

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
CSL = FIXTURES / "lists" / "csl_sample_2019-12.csv"
WATCH = FIXTURES / "lists" / "watch_list.csv"
PROPOSAL = FIXTURES / "proposal" / "proposal.json"
ESCAPES = "\x1b[2J\x1b]0;owned\x07\x1b[5m"
RLO = "\u202e"
HOSTILE = f"Evil{ESCAPES} Univ{RLO}"


def _clean(text: str) -> bool:
    """No C0/C1 control but tab and newline, and no bidi control."""
    return not [
        ch
        for ch in text
        if (ord(ch) < 32 and ch not in "\n\t")
        or 0x7F <= ord(ch) <= 0x9F
        or ch in "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
    ]


def _csl_with(tmp_path: Path, name: str, stem: str) -> Path:
    """The CSL sample with one more entry named ``name``."""
    rows = list(csv.reader(CSL.open(encoding="utf-8")))
    header, extra = rows[0], list(rows[1])
    extra[header.index("name")] = name
    extra[header.index("entity_number")] = ""
    path = tmp_path / f"{stem}.csv"
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows([*rows, extra])
    return path


@pytest.fixture
def hostile_list(tmp_path: Path) -> Path:
    """A watch list whose file name (and so the list's name) carries escapes."""
    path = tmp_path / f"watch{ESCAPES}{RLO}_2025-06-01.csv"
    shutil.copy(WATCH, path)
    return path


def test_lists_report_and_status(
    hostile_list: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert main(["lists", str(hostile_list), "--all"]) == 0
    out = capsys.readouterr().out
    assert "watch" in out and "2025-06-01" in out and _clean(out)

    monkeypatch.setenv("WORKBENCH_LISTS", str(hostile_list))
    assert main(["lists", "status"]) == 0
    out = capsys.readouterr().out
    assert "2025-06-01" in out and _clean(out)

    assert main(["lists", str(hostile_list), "--format", "json"]) == 0
    (data,) = json.loads(capsys.readouterr().out)["lists"]
    assert ESCAPES in data["name"]  # JSON keeps the data as it is, escaped by JSON itself


def test_lists_error_message(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / f"gone{ESCAPES}{RLO}.csv"
    assert main(["lists", str(missing)]) != 0
    said = capsys.readouterr()
    assert "gone" in said.out + said.err and _clean(said.out) and _clean(said.err)


def test_portfolio_diff_register_and_versions(
    tmp_path: Path, hostile_list: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old = tmp_path / "csl_2019-12.csv"
    shutil.copy(CSL, old)
    new = _csl_with(tmp_path, HOSTILE, "csl_2020-01")
    assert main(["portfolio", "diff", str(old), str(new)]) == 0
    out = capsys.readouterr().out
    assert "added (1)" in out and "Evil" in out and "Univ" in out and _clean(out)

    registry = tmp_path / "versions.json"
    argv = ["portfolio", "register", str(hostile_list), "--registry", str(registry)]
    assert main(argv) == 0
    out = capsys.readouterr().out
    assert "registered" in out and "watch" in out and _clean(out)
    assert main(["portfolio", "versions", "--registry", str(registry)]) == 0
    out = capsys.readouterr().out
    assert "watch" in out and _clean(out)

    other = tmp_path / f"other{ESCAPES}{RLO}_2025-06-01.csv"
    shutil.copy(WATCH, other)
    assert main(["portfolio", "diff", str(hostile_list), str(other)]) == 2  # not one list
    said = capsys.readouterr()
    assert "other" in said.err and _clean(said.err)


def test_portfolio_screen_names_broken_folders_cleanly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "proposals"
    good = data / "P-good"
    good.mkdir(parents=True)
    shutil.copy(PROPOSAL, good / "proposal.json")
    bad = data / f"P{ESCAPES}{RLO}-bad"
    bad.mkdir()
    broken = json.loads(PROPOSAL.read_text(encoding="utf-8"))
    broken["people"][0]["side"] = f"moon{ESCAPES}{RLO}"
    (bad / "proposal.json").write_text(json.dumps(broken), encoding="utf-8")
    argv = ["portfolio", "screen", str(data), "--out", str(tmp_path / "out")]
    assert main([*argv, "--list", str(CSL), "--db", "none", "--no-progress"]) == 3
    out = capsys.readouterr().out
    assert "could not be screened" in out and "-bad" in out and "moon" in out
    assert _clean(out)
