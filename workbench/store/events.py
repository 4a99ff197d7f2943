"""One appended event of a proposal's review log, and how it reads in plain words.

An event is never changed once written; the state of a review is what the
fold over its events gives (:mod:`workbench.store.state`).

Examples
--------
>>> from datetime import datetime, UTC
>>> e = Event("P-1", 3, EventKind.JUDGMENT, {"outcome": "no-concern", "notes": ""},
...           "alice", datetime(2025, 6, 20, 9, 30, tzinfo=UTC))
>>> e.describe("en")
'judgment: no concern'
>>> e.describe("ja")
'判定: 懸念なし'
>>> e.when()
'2025-06-20 09:30 UTC'
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from types import MappingProxyType
from typing import Any

from workbench.vocabulary import (
    Disposition,
    EventKind,
    MeasureKind,
    MeasureStatus,
    Outcome,
    Verdict,
    label,
)

_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """``text`` for a terminal line: control and direction characters shown as spaces.

    >>> printable("ok\\x1b[2Jx\\nnext")
    'ok [2Jx next'
    """
    return _UNPRINTABLE.sub(" ", text)


@dataclass(frozen=True, slots=True)
class Event:
    """One decision as written: who, when, what (kind + payload) and why (reason)."""

    proposal_id: str
    seq: int  # 1, 2, 3 … per proposal, without gaps
    kind: EventKind
    payload: Mapping[str, Any]
    reviewer: str
    created_at: datetime  # timezone-aware, UTC
    reason: str | None = None
    id: int | None = field(default=None, compare=False)  # row id in the store

    def __post_init__(self) -> None:
        object.__setattr__(self, "kind", EventKind(self.kind))
        object.__setattr__(self, "payload", MappingProxyType(dict(self.payload)))

    @classmethod
    def from_row(cls, row: Any) -> Event:
        """The event a row of the ``events`` table holds."""
        return cls(
            row.proposal_id,
            row.seq,
            row.kind,
            row.payload,
            row.reviewer,
            row.created_at,
            row.reason,
            id=row.id,
        )

    def when(self) -> str:
        """The time of the event, to the minute, in UTC."""
        return self.created_at.strftime("%Y-%m-%d %H:%M UTC")

    def describe(self, lang: str = "ja") -> str:
        """What the event changed, in one line of ``lang`` (``"ja"`` or ``"en"``)."""
        return _DESCRIBE[self.kind](self.payload, self.seq, lang)

    def to_json(self) -> dict[str, Any]:
        """A plain JSON-ready dict (used by the export)."""
        return {
            "seq": self.seq,
            "kind": str(self.kind),
            "reviewer": self.reviewer,
            "created_at": self.created_at.isoformat(),
            "reason": self.reason,
            "payload": json.loads(json.dumps(dict(self.payload))),
            "summary_ja": self.describe("ja"),
            "summary_en": self.describe("en"),
        }


def _ja(lang: str) -> bool:
    return lang == "ja"


def _started(p: Mapping[str, Any], seq: int, lang: str) -> str:
    as_of = p.get("as_of") or "-"
    n_lists, keys = len(p.get("lists") or ()), p.get("finding_keys")
    n_findings = "-" if keys is None else str(len(keys))
    v = p.get("questionnaire_version")
    if _ja(lang):
        version = f"、質問票 第{v}版" if v else ""
        return f"審査開始（基準日 {as_of}、リスト {n_lists} 件、所見 {n_findings} 件{version}）"
    version = f", questionnaire version {v}" if v else ""
    return (
        f"review started (reference date {as_of}, {n_lists} lists, {n_findings} findings{version})"
    )


def _disposition(p: Mapping[str, Any], seq: int, lang: str) -> str:
    word = label(Disposition(p["disposition"]), lang)
    return (
        f"所見 {p['finding_key']}: {word}" if _ja(lang) else f"finding {p['finding_key']}: {word}"
    )


def _judgment(p: Mapping[str, Any], seq: int, lang: str) -> str:
    word = label(Outcome(p["outcome"]), lang)
    return f"判定: {word}" if _ja(lang) else f"judgment: {word}"


def _measure_added(p: Mapping[str, Any], seq: int, lang: str) -> str:
    word = label(MeasureKind(p["kind"]), lang)
    return f"措置 #{seq} を追加: {word}" if _ja(lang) else f"measure #{seq} added: {word}"


_FIELD_NAMES = {
    "text": ("内容", "text"),
    "persons": ("アクセス者", "persons with access"),
    "due": ("期限", "due date"),
    "status": ("状況", "status"),
}


def _measure_updated(p: Mapping[str, Any], seq: int, lang: str) -> str:
    parts = []
    for name, value in (p.get("changes") or {}).items():
        ja, en = _FIELD_NAMES.get(name, (name, name))
        shown = label(MeasureStatus(value), lang) if name == "status" else None
        what = ja if _ja(lang) else en
        parts.append(f"{what} → {shown}" if shown else what)
    mid = p["measure_id"]
    changed = "、".join(parts) if _ja(lang) else ", ".join(parts)
    return f"措置 #{mid} を更新: {changed}" if _ja(lang) else f"measure #{mid} updated: {changed}"


def _match_memory(p: Mapping[str, Any], seq: int, lang: str) -> str:
    target = f"{p['list_name']} {p['entry_id']}"
    if p.get("action") == "revoke":
        if _ja(lang):
            return f"照合結果の記憶を取り消し: 「{p['text']}」と {target}"
        return f"remembered match revoked: '{p['text']}' vs {target}"
    word = label(Verdict(p["verdict"]), lang)
    if p.get("scope") == "proposal":
        word += "（この提案のみ）" if _ja(lang) else " (this proposal only)"
    elif p.get("scope") == "all":
        word += "（全提案）" if _ja(lang) else " (all proposals)"
    if _ja(lang):
        return f"照合結果を記憶: 「{p['text']}」は {target} — {word}"
    return f"match remembered: '{p['text']}' vs {target}: {word}"


_DESCRIBE = {
    EventKind.REVIEW_STARTED: _started,
    EventKind.FINDING_DISPOSITION: _disposition,
    EventKind.JUDGMENT: _judgment,
    EventKind.MEASURE_ADDED: _measure_added,
    EventKind.MEASURE_UPDATED: _measure_updated,
    EventKind.MATCH_MEMORY: _match_memory,
}
