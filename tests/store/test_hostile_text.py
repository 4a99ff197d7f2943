"""Hostile text in every free-text field of the store: refused with a clear error, nothing written.

Terminal escapes (ESC, CSI), NUL and other control characters in any text a
reviewer types are refused naming the field; reviewer names that are empty
once invisible characters are removed, or that hold direction controls, are
refused; ``store history`` never prints a control character, even for events
stored before these checks.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import func, select

from workbench.cli import main
from workbench.errors import InputError
from workbench.store import Store, open_store
from workbench.store.events import Event
from workbench.store.log import insert_events
from workbench.store.schema import events
from workbench.vocabulary import EventKind

HOSTILE = {
    "ESC": "ok\x1b[2J\x1b]0;owned\x07",
    "NUL": "a\x00b",
    "C1 CSI": "a\x9b31mred",
    "backspace": "abc\x08\x08\x08xyz",
    "DEL": "a\x7f",
}


def _count(store: Store) -> int:
    with store.engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(events)).scalar_one())


def _writes(bad: str) -> dict[str, tuple[str, Callable[[Store, int], object]]]:
    """Each free-text field of the store, with a write that puts ``bad`` in it."""
    return {
        "reason": (
            "reason",
            lambda s, q: s.set_judgment(
                "P-1", "no-concern", reviewer="a", expected_seq=q, reason=bad
            ),
        ),
        "notes": (
            "notes",
            lambda s, q: s.set_judgment("P-1", "no-concern", bad, reviewer="a", expected_seq=q),
        ),
        "rationale": (
            "rationale",
            lambda s, q: s.set_disposition(
                "P-1", "k1", "dismissed", bad, reviewer="a", expected_seq=q
            ),
        ),
        "measure text": (
            "text",
            lambda s, q: s.add_measure("P-1", "other", bad, reviewer="a", expected_seq=q),
        ),
        "measure persons": (
            "persons[0]",
            lambda s, q: s.add_measure(
                "P-1", "other", "t", persons=[bad], reviewer="a", expected_seq=q
            ),
        ),
        "remembered text": (
            "text",
            lambda s, q: s.remember_match(
                "P-1", bad, "L", "e1", "dismissed", reviewer="a", expected_seq=q
            ),
        ),
        "proposal id": (
            "proposal_id",
            lambda s, q: s.start_review(bad, reviewer="a", expected_seq=0),
        ),
        "reviewer": (
            "reviewer",
            lambda s, q: s.set_judgment("P-1", "no-concern", reviewer=bad, expected_seq=q),
        ),
    }


CASES = [(field, what) for field in _writes("x") for what in HOSTILE]


@pytest.mark.parametrize(("field", "what"), CASES, ids=[f"{f}-{w}" for f, w in CASES])
def test_control_characters_are_refused_in_every_free_text_field(
    store: Store, field: str, what: str
) -> None:
    seq = store.start_review("P-1", reviewer="a", expected_seq=0, finding_keys=["k1"]).seq
    name, write = _writes(HOSTILE[what])[field]
    with pytest.raises(InputError) as info:
        write(store, seq)
    problem = info.value.problems[0]
    assert problem.field == name
    assert "control characters" in problem.message
    assert _count(store) == 1


NAMES = {
    "zero-width only": "\u200b\u200b",
    "word joiner and spaces": " \u2060 \ufeff ",
    "soft hyphen only": "\u00ad",
    "hangul filler": "\u3164",
    "right-to-left override": "ecila\u202e",
    "left-to-right isolate": "\u2066alice\u2069",
    "right-to-left mark": "bob\u200f",
}


@pytest.mark.parametrize("what", sorted(NAMES))
def test_invisible_or_reordering_reviewer_names_are_refused(store: Store, what: str) -> None:
    with pytest.raises(InputError) as info:
        store.start_review("P-1", reviewer=NAMES[what], expected_seq=0)
    assert info.value.problems[0].field == "reviewer"
    assert _count(store) == 0


def test_ordinary_names_and_text_are_kept_as_typed(store: Store) -> None:
    s = store.start_review("P-1", reviewer="山田 太郎", expected_seq=0, finding_keys=["k1"])
    text = "<b>'; DROP TABLE events; --</b>\tline\nnext — ✓ ﷺ"
    s = store.set_judgment("P-1", "no-concern", text, reviewer="O'Brien", expected_seq=s.seq)
    assert s.judgment is not None and s.judgment.notes == text


def test_history_prints_no_control_character_even_for_old_events(tmp_path: Path, capsys) -> None:
    db = tmp_path / "wb.db"
    store = open_store(db)
    store.start_review("P-1", reviewer="alice", expected_seq=0)
    old = Event(
        "P-1",
        2,
        EventKind.JUDGMENT,
        {"outcome": "no-concern", "notes": ""},
        "mal\x1b[31mlory",
        store.now(),
        "\x1b]0;title\x07\x9b2J",
    )
    with store.engine.begin() as conn:  # as a store without these checks wrote it
        insert_events(conn, [old])
    store.close()
    assert main(["store", "--db", str(db), "history", "P-1", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "mal [31mlory" in out
    assert not any((ord(ch) < 32 and ch != "\n") or 0x7F <= ord(ch) <= 0x9F for ch in out)
