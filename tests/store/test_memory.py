"""Remembered verdicts in the open: scoped, listed with who/when/why, revocable as events."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench.cli import main
from workbench.errors import InputError
from workbench.store import Batch, EventKind, RememberMatch, Store, open_store
from workbench.store.commands import RevokeMatch, SetDisposition, StartReview

TEXT, LIST, ENTRY = "Harbin Inst. of Technology Hospital", "METI End User List", "jp-eul-101"


def _dismiss(store: Store, pid: str, scope: str, rationale: str = "") -> int:
    s = store.save(
        Batch(
            pid,
            [
                StartReview(finding_keys=("k1",)),
                SetDisposition("k1", "dismissed", "a hospital, not the university"),
                RememberMatch(TEXT, LIST, ENTRY, "dismissed", scope, rationale),
            ],
            reviewer="alice",
            expected_seq=0,
        )
    )
    return s.seq


def test_a_dismissal_remembered_for_this_proposal_applies_only_there(store: Store) -> None:
    _dismiss(store, "P-1", "proposal")
    assert store.match_memory("P-1").verdict(TEXT, LIST, ENTRY) == "dismissed"
    assert store.match_memory("P-2").verdict(TEXT, LIST, ENTRY) is None
    assert store.match_memory().verdict(TEXT, LIST, ENTRY) is None
    (v,) = store.match_verdicts().for_proposal("P-1")
    assert (v.id, v.scope, v.reviewer, v.rationale) == (
        "P-1#3",
        "proposal",
        "alice",
        "",
    )


def test_remembering_for_all_proposals_needs_a_rationale(store: Store) -> None:
    with pytest.raises(InputError) as info:
        _dismiss(store, "P-1", "all")
    assert [p.field for p in info.value.problems] == ["rationale"]
    assert store.state("P-1").seq == 0  # the whole click's batch was refused
    _dismiss(store, "P-1", "all", "the hospital is a separate legal entity")
    assert store.match_memory("P-9").verdict(TEXT, LIST, ENTRY) == "dismissed"
    (v,) = store.match_verdicts()
    assert v.rationale == "the hospital is a separate legal entity"


def test_a_revocation_is_an_event_and_the_verdict_stops_applying(store: Store) -> None:
    _dismiss(store, "P-1", "all", "separate legal entity")
    with pytest.raises(InputError, match="empty"):
        store.save(Batch("P-1", [RevokeMatch(TEXT, LIST, ENTRY, "all", " ")], "bob", 3))
    s = store.revoke_match("P-1#3", reviewer="bob", reason="the hospital merged into HIT")
    assert s.seq == 4 and s.history[-1].kind is EventKind.MATCH_MEMORY
    assert "revoked" in s.history[-1].describe("en")
    assert len(store.match_verdicts()) == 0
    assert store.match_memory("P-1").verdict(TEXT, LIST, ENTRY) is None
    with pytest.raises(InputError, match="no remembered verdict"):
        store.revoke_match("P-1#3", reviewer="bob", reason="again")


def test_memory_list_and_revoke_on_the_command_line(tmp_path: Path, capsys) -> None:
    db = tmp_path / "wb.db"
    store = open_store(db)
    _dismiss(store, "P-1", "proposal")
    _dismiss(store, "P-2", "all", "separate entity")
    store.close()
    assert main(["store", "--db", str(db), "memory", "list"]) == 0
    out = capsys.readouterr().out
    assert "P-1#3" in out and "only P-1" in out and "P-2#3" in out and "all proposals" in out
    assert "alice" in out and "separate entity" in out and "2 remembered" in out
    assert main(["store", "--db", str(db), "memory", "list", "--proposal", "P-3"]) == 0
    out = capsys.readouterr().out
    assert "P-1#3" not in out and "P-2#3" in out
    argv = ["store", "--db", str(db), "memory", "revoke", "P-2#3", "--reviewer", "bob"]
    assert main([*argv, "--reason", "merged"]) == 0
    assert main([*argv, "--reason", "merged"]) == 2
    assert "no remembered verdict" in capsys.readouterr().err
    store = open_store(db)
    assert [v.id for v in store.match_verdicts()] == ["P-1#3"]
    assert store.verify().ok
    store.close()
