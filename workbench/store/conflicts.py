"""A write refused because someone else changed the proposal first.

Every write names the last event its writer saw (``expected_seq``). When the
log has moved on, the write is refused with :class:`StaleWriteError`, which
carries the events appended meanwhile so the reviewer can see who changed
what and when, in Japanese or English, before applying their change again.

Examples
--------
>>> from datetime import datetime, UTC
>>> from workbench.vocabulary import EventKind
>>> e = Event("P-1", 4, EventKind.JUDGMENT, {"outcome": "no-concern", "notes": ""},
...           "bob", datetime(2025, 6, 20, 9, 30, tzinfo=UTC))
>>> err = StaleWriteError("P-1", expected_seq=3, current_seq=4, changes=(e,))
>>> print(err.message("en"))
Proposal P-1 was changed by bob after you loaded it (you saw version 3; it is now at 4):
  - 2025-06-20 09:30 UTC bob: judgment: no concern
Your change was not saved. Reload to see these changes, then apply yours again.
>>> print(err.message("ja").splitlines()[1])
  - 2025-06-20 09:30 UTC bob: 判定: 懸念なし
"""

from __future__ import annotations

from typing import Any

from workbench.store.events import Event


class StaleWriteError(Exception):
    """The proposal's log moved past ``expected_seq``: nothing was written."""

    def __init__(
        self, proposal_id: str, *, expected_seq: int, current_seq: int, changes: tuple[Event, ...]
    ) -> None:
        self.proposal_id = proposal_id
        self.expected_seq = expected_seq
        self.current_seq = current_seq
        self.changes = changes
        super().__init__(self.message("en"))

    @property
    def reviewers(self) -> tuple[str, ...]:
        """Who changed the proposal meanwhile, in order of first change."""
        return tuple(dict.fromkeys(e.reviewer for e in self.changes))

    def message(self, lang: str = "ja") -> str:
        """The refusal in plain words, one line per change made meanwhile."""
        pid, saw, now = self.proposal_id, self.expected_seq, self.current_seq
        who = ", ".join(self.reviewers) or "?"
        lines = [f"  - {e.when()} {e.reviewer}: {e.describe(lang)}" for e in self.changes]
        if lang == "ja":
            if now < saw:
                head = f"提案 {pid} の記録は版 {now} までしかありません（指定された版 {saw}）。"
            else:
                head = (
                    f"提案 {pid} は、読み込んだ後に {who} が変更しました"
                    f"（読み込み時の版 {saw}、現在 {now}）:"
                )
            tail = (
                "あなたの変更は保存されていません。"
                "再読み込みして変更内容を確認し、もう一度変更してください。"
            )
        else:
            if now < saw:
                head = f"Proposal {pid} has only {now} events, not {saw}."
            else:
                head = (
                    f"Proposal {pid} was changed by {who} after you loaded it "
                    f"(you saw version {saw}; it is now at {now}):"
                )
            tail = "Your change was not saved. Reload to see these changes, then apply yours again."
        return "\n".join([head, *lines, tail])

    def to_json(self) -> dict[str, Any]:
        """The refusal as data, for a UI that renders it in its own words."""
        return {
            "proposal_id": self.proposal_id,
            "expected_seq": self.expected_seq,
            "current_seq": self.current_seq,
            "changes": [e.to_json() for e in self.changes],
            "message_ja": self.message("ja"),
            "message_en": self.message("en"),
        }
