"""Remembered-verdict test helpers: record verdicts, run ``workbench screen`` on a folder."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from workbench.cli import main
from workbench.store import Batch, RememberMatch, Store
from workbench.store.commands import StartReview

NWPU = "Northwestern Polytechnical University"
POLYUS = (
    "Laboratory of Solid-State Lasers, Polyus Research Institute of M.F. Stelmakh, "
    "Moscow 117342, Russia"
)
CETC = "CETC Chip Technology Co., Ltd."
BEIHANG_D007 = "School of Instrumentation and Optoelectronic Engineering, Beihang University"


def remember(store: Store, pid: str, *verdicts: RememberMatch) -> list[str]:
    """Record ``verdicts`` in the review of ``pid`` (started if needed); their memory ids."""
    seq = store.state(pid).seq
    commands: list[Any] = [] if seq else [StartReview()]
    state = store.save(Batch(pid, [*commands, *verdicts], reviewer="alice", expected_seq=seq))
    return [f"{pid}#{n}" for n in range(state.seq - len(verdicts) + 1, state.seq + 1)]


def dismiss(text: str, list_name: str, entry_id: str, scope: str = "proposal") -> RememberMatch:
    rationale = "a separate legal entity" if scope == "all" else ""
    return RememberMatch(text, list_name, entry_id, "dismissed", scope, rationale)


def screen_args(folder: Path) -> list[str]:
    """``workbench screen`` arguments for a proposal folder: its questionnaire and works."""
    works = sorted(p for p in folder.iterdir() if p.name != "proposal.json")
    return [str(folder / "proposal.json"), *(a for w in works for a in ("--publications", str(w)))]


def screen_json(capsys: pytest.CaptureFixture[str], folder: Path, *extra: str) -> dict[str, Any]:
    code = main(["screen", *screen_args(folder), "--format", "json", *extra])
    out, err = capsys.readouterr()
    assert code == 0, err
    data: dict[str, Any] = json.loads(out)
    return data


def entries_of(data: dict[str, Any], check: str, subject: str) -> list[tuple[str, str]]:
    """(list, entry id) of every entry the finding ``check`` on ``subject`` cites (screen JSON)."""
    (f,) = [f for f in data["findings"] if (f["check"], f["subject"]) == (check, subject)]
    return [(e["list"], e["entry_id"]) for e in f["list_entries"]]


def dismiss_all(
    text: str, data: dict[str, Any], check: str, subject: str, scope: str = "proposal"
) -> list[RememberMatch]:
    """Dismiss ``text`` for every entry a finding cites, as the review page records it."""
    return [dismiss(text, *entry, scope) for entry in entries_of(data, check, subject)]
