"""``workbench screen``: the JSON contract, the text report, bad input (exit 2, no traceback)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from workbench.cli import main


@pytest.fixture(scope="module")
def here(fixtures: Path) -> Path:
    return fixtures / "policy"


def screen(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["screen", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_json_contract(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = screen(
        capsys,
        str(here / "proposal.json"),
        "--publications",
        str(here / "works.json"),
        "--publications",
        str(here / "publications.csv"),
        "--format",
        "json",
    )
    assert code == 0
    data = json.loads(out)
    assert {
        "proposal_id",
        "as_of",
        "window_start",
        "lists",
        "scope",
        "findings",
        "suggested_outcome",
    } <= data.keys()
    assert (data["proposal_id"], data["as_of"], data["window_start"]) == (
        "ASPIRE-2025-Q-0042",
        "2025-06-20",
        "2023-06-20",
    )
    assert all({"name", "version", "entries"} <= x.keys() for x in data["lists"])
    assert {x["id"] for x in data["scope"]["out"]} == {"p6", "p7"}
    assert all({"id", "kind", "reason", "faq"} <= x.keys() for x in data["scope"]["out"])
    for f in data["findings"]:
        assert {"check", "subject", "faq", "list_entry", "evidence", "summary"} <= f.keys()
        for e in f["evidence"]:
            assert {
                "work_id",
                "doi",
                "date",
                "date_uncertain",
                "coauthor",
                "affiliation",
                "matched_text",
                "score",
            } <= e.keys()
    hit = [
        f for f in data["findings"] if f["check"] == "recent_coauthorship" and f["subject"] == "p1"
    ]
    assert hit[0]["list_entry"]["entry_id"] == "jp-eul-541" and hit[0]["faq"] == ["Q3.6", "Q3.9"]
    assert data["suggested_outcome"]["code"] == "mitigation-before-start"


def test_as_of_moves_the_window_and_list_option_selects_lists(
    here: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    custom = tmp_path / "watch.csv"
    custom.write_text(
        "name,aliases,country,note\nTohoku University,,JP,test entry\n", encoding="utf-8"
    )
    code, out, _ = screen(
        capsys,
        str(here / "proposal.json"),
        "--publications",
        str(here / "works.json"),
        "--list",
        str(custom),
        "--as-of",
        "2027-01-01",
        "--format",
        "json",
    )
    assert code == 0
    data = json.loads(out)
    assert (data["as_of"], data["window_start"]) == ("2027-01-01", "2025-01-01")
    assert len(data["lists"]) == 1
    checks = {(f["check"], f["subject"]) for f in data["findings"]}
    assert ("listed_affiliation", "p1") in checks  # the custom list's entry
    assert not any(c == "recent_coauthorship" for c, _ in checks)  # HIT list not loaded


def test_text_report(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = screen(
        capsys,
        str(here / "proposal.json"),
        "--publications",
        str(here / "works.json"),
        "--format",
        "text",
        "--lang",
        "en",
    )
    assert code == 0
    assert "ASPIRE-2025-Q-0042" in out and "mitigation-before-start" in out
    assert "recent_coauthorship · p1 — METI End User List jp-eul-541 [FAQ Q3.6, Q3.9]" in out
    assert "p6 Suzuki Aya" in out and "Q3.7" in out
    code, out_ja, _ = screen(capsys, str(here / "proposal.json"), "--format", "text")
    assert code == 0 and "みなし輸出管理" in out_ja and "no --publications given" in out_ja


def test_bad_input_prints_every_problem_and_exits_2(
    here: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    data = json.loads((here / "proposal.json").read_text(encoding="utf-8"))
    data["people"][2]["lab_of"] = "p99"
    data["people"][3]["role"] = "wizard"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data), encoding="utf-8")
    broken_works = tmp_path / "works.json"
    broken_works.write_text("{not json", encoding="utf-8")
    code, out, err = screen(
        capsys, str(bad), "--publications", str(broken_works), "--format", "json"
    )
    assert code == 2 and out == "" and "Traceback" not in err
    assert "lab_of" in err and "p99" in err and "role" in err and "wizard" in err
    assert str(broken_works) in err

    code, out, err = screen(capsys, str(tmp_path / "missing.json"))
    assert code == 2 and "missing.json" in err and "Traceback" not in err


def test_missing_reference_date_and_bad_as_of(
    here: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    data = json.loads((here / "proposal.json").read_text(encoding="utf-8"))
    del data["submitted"]
    nodate = tmp_path / "nodate.json"
    nodate.write_text(json.dumps(data), encoding="utf-8")
    code, _, err = screen(capsys, str(nodate), "--format", "json")
    assert code == 2 and "submitted" in err and "--as-of" in err
    with pytest.raises(SystemExit) as e:
        main(["screen", str(nodate), "--as-of", "20-06-2025"])
    assert e.value.code == 2 and "expected YYYY-MM-DD" in capsys.readouterr().err


def _window_start(capsys: pytest.CaptureFixture[str], here: Path, *argv: str) -> str:
    code, out, err = screen(capsys, str(here / "proposal.json"), "--format", "json", *argv)
    assert code == 0, err
    return str(json.loads(out)["window_start"])


def test_the_window_comes_from_years_then_the_dashboards_setting(
    here: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("WORKBENCH_LOOKBACK_YEARS", raising=False)
    assert _window_start(capsys, here) == "2023-06-20"  # the default look-back
    monkeypatch.setenv("WORKBENCH_LOOKBACK_YEARS", "3")
    assert _window_start(capsys, here) == "2022-06-20"  # as on the review page
    assert _window_start(capsys, here, "--years", "1") == "2024-06-20"  # the flag wins


def test_bad_years_are_refused_in_plain_words(
    here: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, _, err = screen(capsys, str(here / "proposal.json"), "--years", "0")
    assert code == 2 and "--years" in err and "Traceback" not in err
    monkeypatch.setenv("WORKBENCH_LOOKBACK_YEARS", "many")
    code, _, err = screen(capsys, str(here / "proposal.json"))
    assert code == 2 and "WORKBENCH_LOOKBACK_YEARS" in err and "Traceback" not in err


def test_the_lists_come_from_the_dashboards_setting(
    here: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    only = Path(__file__).resolve().parents[1] / "fixtures" / "widgets" / "lists"
    lists = sorted(only.glob("*.csv"))
    monkeypatch.setenv("WORKBENCH_LISTS", str(lists[0]))
    code, out, err = screen(capsys, str(here / "proposal.json"), "--format", "json")
    assert code == 0, err
    assert len(json.loads(out)["lists"]) == 1  # not the shipped lists
