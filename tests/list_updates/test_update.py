"""``workbench lists update`` and ``status`` against a local list server: no internet."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import pytest

from tests.openalex.conftest import Answer, ReplayServer
from workbench.cli import main
from workbench.errors import InputError
from workbench.list_updates import UpdateError, active_lists, list_warnings, update_list
from workbench.list_versions import VersionRegistry
from workbench.lists import DATA_DIR, load_list, shipped_lists

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "lists"
METI_XLSX = (FIXTURES / "meti_eul_sample.xlsx").read_bytes()
SHIPPED_CSL = DATA_DIR / "csl_2023-11.csv"


def csl_rows(n: int) -> bytes:
    """The first ``n`` records of the shipped CSL export, in its own CSV layout."""
    with SHIPPED_CSL.open(newline="", encoding="utf-8") as fh:
        rows = list(csv.reader(fh))
    header, records = rows[0], [r for r in rows[1:] if r != rows[0]]
    out = io.StringIO()
    writer = csv.writer(out, quoting=csv.QUOTE_ALL, lineterminator="\n")
    writer.writerows([header, *records[:n]])
    return out.getvalue().encode()


@pytest.fixture
def lists_server():
    server = ReplayServer()
    yield server
    server.close()


@pytest.fixture
def env(lists_server, tmp_path, monkeypatch):
    monkeypatch.setenv("WORKBENCH_LISTS_UPDATE_DIR", str(tmp_path / "updated"))
    monkeypatch.setenv("WORKBENCH_METI_URL", f"{lists_server.url}/policy/anpo/law05.html")
    monkeypatch.setenv("WORKBENCH_CSL_URL", f"{lists_server.url}/csl/consolidated.csv")
    monkeypatch.delenv("WORKBENCH_LISTS", raising=False)
    return tmp_path


def serve_meti_page(server: ReplayServer) -> None:
    page = (
        '<html><a href="/files/eul_20240101.xlsx">old</a>'
        '<a href="/files/eul_20251001.xlsx">外国ユーザーリスト</a></html>'
    )
    server.add("/policy/anpo/law05.html", Answer(raw=page.encode()))
    server.add("/files/eul_20251001.xlsx", Answer(raw=METI_XLSX))


def update(tmp: Path, *args: str) -> int:
    return main(["lists", "update", *args, "--registry", str(tmp / "versions.json")])


def test_update_all_then_status(env, lists_server, capsys):
    serve_meti_page(lists_server)
    lists_server.add("/csl/consolidated.csv", Answer(raw=csl_rows(100)))
    assert update(env, "all") == 0
    out = capsys.readouterr().out
    assert "METI End User List: version 2025-09-29 (13 entries) registered, now active" in out
    assert "eul_20251001.xlsx" in out  # the newest-dated spreadsheet linked from the page
    assert "US Consolidated Screening List: version" in out and "(100 entries)" in out
    names = [p.name for p in shipped_lists()]
    assert DATA_DIR / "csl_2023-11.csv" not in shipped_lists()
    assert any(n.startswith("end_user_list_") and n.endswith(".xlsx") for n in names)
    assert any(n.startswith("consolidated_") and n.endswith(".csv") for n in names)
    assert main(["lists", "status", "--format", "json"]) == 0
    status = json.loads(capsys.readouterr().out)
    by_name = {r["name"]: r for r in status["lists"]}
    assert by_name["METI End User List"]["entries"] == 13
    assert by_name["US Consolidated Screening List"]["entries"] == 100
    assert by_name["US Consolidated Screening List"]["partial"] is False
    assert (
        f"from {lists_server.url}/csl/consolidated.csv"
        in (by_name["US Consolidated Screening List"]["source"])
    )
    assert by_name["METI End User List"]["age_days"] == (date.today() - date(2025, 9, 29)).days
    versions = json.loads((env / "versions.json").read_text())["versions"]
    assert sorted(v["entries"] for v in versions) == [13, 100]


def test_status_of_the_shipped_lists_flags_the_partial_csl(env, capsys):
    assert main(["lists", "status"]) == 0
    out = capsys.readouterr().out
    assert "US Consolidated Screening List" in out and "一部のみ PARTIAL" in out
    assert "METI End User List" in out and "完全 full" in out
    assert "Refresh: workbench lists update csl" in out
    assert "更新: workbench lists update meti" in out


def test_failed_download_leaves_the_active_list_unchanged(env, lists_server, capsys):
    lists_server.add("/csl/consolidated.csv", Answer(raw=csl_rows(50)), Answer(503, {}))
    assert update(env, "csl") == 0
    before = active_lists([SHIPPED_CSL])
    assert before != [SHIPPED_CSL]
    assert update(env, "csl") == 1
    err = capsys.readouterr().err
    assert "not updated, the active list is unchanged" in err and "HTTP 503" in err
    assert active_lists([SHIPPED_CSL]) == before
    assert load_list(before[0]).value.entry_count == 50
    files = sorted(p.name for p in (env / "updated").iterdir())
    assert files == ["active.json", before[0].name]


def test_a_file_the_loaders_refuse_replaces_nothing(env, lists_server, capsys):
    lists_server.add("/policy/anpo/law05.html", Answer(raw=b"PK\x03\x04 not a spreadsheet"))
    assert update(env, "meti") == 1
    assert "not updated" in capsys.readouterr().err
    assert [p.name for p in shipped_lists()] == [
        "csl_2023-11.csv",
        "jp_end_user_list_20250929.json",
    ]
    assert not (env / "updated" / "active.json").exists()
    assert [p.name for p in (env / "updated").iterdir()] == []


def test_a_40_percent_smaller_list_needs_confirm_shrink(env, lists_server):
    registry = VersionRegistry(env / "versions.json")
    folder = env / "updated"
    lists_server.add("/c.csv", Answer(raw=csl_rows(100)), Answer(raw=csl_rows(60)))
    url = f"{lists_server.url}/c.csv"
    update_list("csl", url, registry, folder=folder, today=date(2026, 11, 1))
    first = active_lists([SHIPPED_CSL], folder)
    with pytest.raises(InputError) as refused:
        update_list("csl", url, registry, folder=folder, today=date(2026, 12, 1))
    assert "60 entries, 40 fewer" in str(refused.value)
    assert active_lists([SHIPPED_CSL], folder) == first
    _, registered, activation = update_list(
        "csl", url, registry, folder=folder, today=date(2026, 12, 1), confirm_shrink=True
    )
    assert registered.record.confirmed_shrink and registered.record.entries == 60
    assert active_lists([SHIPPED_CSL], folder) == [activation.file]
    assert activation.file.name == "consolidated_20261201.csv"


def test_a_page_without_a_spreadsheet_link_is_refused(env, lists_server):
    lists_server.add("/m.html", Answer(raw=b"<html><a href='/x.pdf'>PDF</a></html>"))
    with pytest.raises(UpdateError, match=r"no link to an \.xlsx file"):
        update_list(
            "meti",
            f"{lists_server.url}/m.html",
            VersionRegistry(env / "v.json"),
            folder=env / "updated",
        )


def test_warnings_for_an_old_list_name_the_refresh_command():
    meti = load_list(DATA_DIR / "jp_end_user_list_20250929.json").value
    assert list_warnings([meti], date(2025, 12, 28), 90) == []
    (old,) = list_warnings([meti], date(2025, 12, 29), 90)
    assert old.kind == "old" and old.command == "workbench lists update meti"
    assert "91 日前" in old.text("ja") and "91 days old" in old.text("en")


def test_warnings_from_a_screening_results_list_records():
    from workbench.screening import ListInfo

    csl = ListInfo.of(load_list(SHIPPED_CSL).value)
    kinds = [w.kind for w in list_warnings([csl], date(2024, 1, 1), 90)]
    assert kinds == ["partial"]  # 46 days old on 2024-01-01: not yet too old
    assert [w.kind for w in list_warnings([csl], date(2024, 6, 1), 90)] == ["old", "partial"]
