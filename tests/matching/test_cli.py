"""``workbench match`` as a user runs it: a real subprocess, bytes in, JSON Lines out."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
WORKBENCH = [sys.executable, "-m", "workbench.cli"]


def run(args: list[str], stdin: bytes) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [*WORKBENCH, "match", *args], input=stdin, capture_output=True, cwd=ROOT, timeout=120
    )


@pytest.fixture(scope="module")
def messy_run() -> tuple[list[bytes], subprocess.CompletedProcess[bytes]]:
    lines = [
        b"College of Intelligence Science and Technology, National University of Defense "
        b"Technology, Changsha 410073, China",
        b"",
        b"\xff\xfe\x00\x01binary\x80garbage",
        ("哈尔滨工业大学 School of Astronautics, Beihang University, Москва").encode(),
        b"unpaired surrogate \xed\xa0\x80 Harbin Engineering University",
        b"x" * 50_000 + b" Sharif University of Technology " + b"y " * 25_000,
        b"Delft University of Technology",
        b"   ",
    ]
    return lines, run([], b"\n".join(lines) + b"\n")


def test_one_object_per_line_in_order(messy_run) -> None:
    lines, done = messy_run
    assert done.returncode == 0, done.stderr.decode()
    out = done.stdout.decode("utf-8").splitlines()
    assert len(out) == len(lines)
    records = [json.loads(line) for line in out]
    assert [r["input"] for r in records][:2] == [lines[0].decode(), ""]
    assert records[1]["matches"] == [] and "error" not in records[1]
    assert records[6] == {"input": "Delft University of Technology", "matches": []}


def test_contract_fields(messy_run) -> None:
    _, done = messy_run
    first = json.loads(done.stdout.decode("utf-8").splitlines()[0])
    by_list = {m["list"]: m for m in first["matches"]}
    meti = by_list["METI End User List"]
    assert meti["entry_id"] == "jp-eul-553"
    assert set(meti) == {"list", "entry_id", "name", "matched_alias", "span", "score", "reasons"}
    start, end = meti["span"]
    assert first["input"][start:end] == "National University of Defense Technology"
    assert 0.0 <= meti["score"] <= 1.0 and meti["reasons"]
    csl = by_list["US Consolidated Screening List"]
    assert csl["entry_id"] == "f6efc317c6d8b6ea8498388812cc12c91586cddee27b56fb37d974d5"


def test_bad_bytes_get_an_error_and_the_run_goes_on(messy_run) -> None:
    _, done = messy_run
    records = [json.loads(line) for line in done.stdout.decode("utf-8").splitlines()]
    assert "not valid UTF-8" in records[2]["error"]
    assert "not valid UTF-8" in records[4]["error"]
    assert {m["entry_id"] for m in records[4]["matches"]} == {"jp-eul-540"}
    assert {m["entry_id"] for m in records[3]["matches"]} >= {"jp-eul-541", "jp-eul-501"}
    long = records[5]
    assert [m["entry_id"] for m in long["matches"]] == ["jp-eul-259"]
    start, end = long["matches"][0]["span"]
    assert long["input"][start:end] == "Sharif University of Technology"


def test_own_list_and_threshold(fixtures: Path) -> None:
    watch = fixtures / "matching" / "watch.csv"
    text = b"Example Institute of Photonics, Beijing\nHarbin Inst Technol, Harbin\n"
    done = run(["--list", str(watch)], text)
    assert done.returncode == 0, done.stderr.decode()
    first, second = (json.loads(line) for line in done.stdout.decode().splitlines())
    assert [m["entry_id"] for m in first["matches"]] == ["watch-2"]
    assert [m["entry_id"] for m in second["matches"]] == ["watch-3"]
    strict = run(["--list", str(watch), "--threshold", "0.99"], text)
    assert json.loads(strict.stdout.decode().splitlines()[1])["matches"] == []


def test_bad_arguments_are_reported_without_traceback(tmp_path: Path) -> None:
    done = run(["--list", str(tmp_path / "missing.csv")], b"x\n")
    assert done.returncode == 2
    assert b"missing.csv" in done.stderr and b"Traceback" not in done.stderr
    done = run(["--threshold", "2"], b"x\n")
    assert done.returncode == 2
    assert b"threshold" in done.stderr and b"Traceback" not in done.stderr
