"""A proposal's review record for filing: JSON, and an Excel workbook with bilingual headers.

The record joins the findings of the screening (when given: dicts with
``key``, ``check``, ``subject``, ``summary``, ``faq`` and ``list_entries``)
with the reviewer's dispositions — each finding with the list entries it
cites (``entries``: list, entry id, name) — and adds the judgment, the
measures (numbered 1, 2, … in the proposal) and the full history, which
reads as the findings table does (:mod:`workbench.store.history_text`).
Text goes into Excel as text, never as a formula, whatever it starts with.

Examples
--------
>>> from datetime import datetime, UTC
>>> from workbench.store.state import ReviewState
>>> rec = review_record(ReviewState("P-1", seq=1, finding_keys=("k1",)),
...                     [{"key": "k1", "check": "listed-affiliation", "faq": "Q3.5"}],
...                     exported_at=datetime(2025, 6, 20, tzinfo=UTC))
>>> rec["findings"][0]["check"], rec["findings"][0]["disposition"], rec["status"]
('listed-affiliation', None, 'in-progress')
>>> entries_of({"key": "listed_affiliation:p2:METI:m1",
...             "list_entries": [{"list": "METI", "entry_id": "m1", "name": "X Univ"}]})
[{'list': 'METI', 'entry_id': 'm1', 'name': 'X Univ'}]
>>> entries_of({"key": "listed_affiliation:p2:METI:m1"})  # only the key: its entry, no name
[{'list': 'METI', 'entry_id': 'm1', 'name': None}]
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from workbench.errors import InputError, Problem, ProblemCollector
from workbench.store.history_text import HistoryWords, split_key
from workbench.store.state import ReviewState
from workbench.vocabulary import bilingual, faq
from workbench.window import FAQ_YEARS

FORMAT = "workbench-review-record"
FORMAT_VERSION = 1
FINDING_FIELDS = ("key", "check", "subject", "summary", "faq")


def _iso(value: Any) -> str | None:
    return None if value is None else value.isoformat()


def entries_of(finding: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The list entries a finding cites (list, entry id, name); from its key when none given."""
    refs = finding.get("list_entries")
    if not isinstance(refs, list):
        refs = finding.get("entries") if isinstance(finding.get("entries"), list) else None
    if refs is None and not finding.get("list_entry"):
        _, _, list_name, entry_id = split_key(str(finding.get("key") or ""))
        return [{"list": list_name, "entry_id": entry_id, "name": None}] if list_name else []
    refs = refs if refs is not None else [finding["list_entry"]]
    return [
        {
            "list": _text(r.get("list")),
            "entry_id": _text(r.get("entry_id")),
            "name": _text(r.get("name")),
        }
        for r in refs
        if isinstance(r, Mapping)
    ]


def _text(value: Any) -> str | None:
    return None if value is None else str(value)


def _findings(
    state: ReviewState, findings: Sequence[Mapping[str, Any]] | None
) -> list[dict[str, Any]]:
    c = ProblemCollector("findings")
    given: dict[str, dict[str, Any]] = {}
    for i, f in enumerate(findings or ()):
        if not isinstance(f, Mapping) or not isinstance(f.get("key"), str) or not f["key"]:
            c.error(f"$[{i}]", "key", "missing or not text", "a finding dict with a 'key'")
            continue
        given[f["key"]] = {k: _text(f.get(k)) for k in FINDING_FIELDS}
        given[f["key"]]["entries"] = entries_of(f)
    c.raise_if_errors()
    keys = list(given)
    for key in (*(state.finding_keys or ()), *state.dispositions):
        if key not in given:
            given[key] = {k: (key if k == "key" else None) for k in FINDING_FIELDS}
            given[key]["entries"] = entries_of({"key": key})
            keys.append(key)
    rows = []
    for key in keys:
        d = state.dispositions.get(key)
        rows.append(
            {
                **given[key],
                "disposition": None if d is None else str(d.disposition),
                "disposition_label": None if d is None else bilingual(d.disposition),
                "rationale": None if d is None else d.rationale,
                "decided_by": None if d is None else d.reviewer,
                "decided_at": None if d is None else _iso(d.decided_at),
            }
        )
    return rows


def review_record(
    state: ReviewState,
    findings: Sequence[Mapping[str, Any]] | None = None,
    *,
    exported_at: datetime,
) -> dict[str, Any]:
    """The review record of ``state`` as a JSON-ready dict."""
    j = state.judgment
    words = HistoryWords.of(state.history, {"findings": findings or ()})
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "proposal_id": state.proposal_id,
        "exported_at": exported_at.isoformat(),
        "version": state.seq,
        "status": str(state.status),
        "status_label": bilingual(state.status),
        "screening": {
            "as_of": _iso(state.as_of),
            "lists": [lv.to_json() for lv in state.lists],
            "finding_keys": None if state.finding_keys is None else list(state.finding_keys),
        },
        "findings": _findings(state, findings),
        "judgment": None
        if j is None
        else {
            "outcome": str(j.outcome),
            "outcome_label": bilingual(j.outcome),
            "faq": faq(j.outcome),
            "notes": j.notes,
            "decided_by": j.reviewer,
            "decided_at": _iso(j.decided_at),
        },
        "measures": [
            {
                "id": m.id,
                "number": words.measure(m.id),
                "kind": str(m.kind),
                "kind_label": bilingual(m.kind),
                "faq": faq(m.kind),
                "text": m.text,
                "persons": list(m.persons),
                "due": _iso(m.due),
                "status": str(m.status),
                "status_label": bilingual(m.status),
                "added_by": m.added_by,
                "added_at": _iso(m.added_at),
                "updated_by": m.updated_by,
                "updated_at": _iso(m.updated_at),
            }
            for m in state.measures
        ],
        "history": [
            {
                **e.to_json(),
                "summary_ja": words.describe(e, "ja"),
                "summary_en": words.describe(e, "en"),
            }
            for e in state.history
        ],
    }


# ---- Excel -------------------------------------------------------------------------

#: (sheet title, [(header, record field)]) — headers in Japanese and English.
SHEETS: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = (
    (
        "所見 Findings",
        (
            ("所見キー / Finding key", "key"),
            ("チェック / Check", "check"),
            ("対象 / Subject", "subject"),
            ("概要 / Summary", "summary"),
            ("FAQ", "faq"),
            ("判断 / Disposition", "disposition_label"),
            ("理由 / Rationale", "rationale"),
            ("判断者 / Decided by", "decided_by"),
            ("日時 (UTC) / Decided at", "decided_at"),
            ("リスト項目 / List entries", "entries"),
        ),
    ),
    (
        "判定 Judgment",
        (
            ("判定 / Outcome", "outcome_label"),
            ("FAQ", "faq"),
            ("所見 / Notes", "notes"),
            ("判定者 / Decided by", "decided_by"),
            ("日時 (UTC) / Decided at", "decided_at"),
        ),
    ),
    (
        "措置 Measures",
        (
            ("番号 / No.", "number"),
            ("種類 / Kind", "kind_label"),
            ("FAQ", "faq"),
            ("内容 / Text", "text"),
            ("アクセス者 / Persons with access", "persons"),
            ("期限 / Due", "due"),
            ("状況 / Status", "status_label"),
            ("追加者 / Added by", "added_by"),
            ("追加日時 / Added at", "added_at"),
            ("更新者 / Updated by", "updated_by"),
            ("更新日時 / Updated at", "updated_at"),
        ),
    ),
    (
        "履歴 History",
        (
            ("版 / Seq", "seq"),
            ("日時 (UTC) / At", "created_at"),
            ("審査者 / Reviewer", "reviewer"),
            ("種類 / Kind", "kind"),
            ("内容 / Change", "summary_ja"),
            ("Change (EN)", "summary_en"),
            ("理由 / Reason", "reason"),
        ),
    ),
)


def _put(ws: Any, row: int, col: int, value: Any) -> None:
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    if isinstance(value, list | tuple):
        value = "\n".join(str(v) for v in value)
    cell = ws.cell(row=row, column=col)
    if isinstance(value, str):
        cell.value = ILLEGAL_CHARACTERS_RE.sub("\ufffd", value)
        cell.data_type = "s"  # text stays text: "=HYPERLINK(...)" is not a formula
    else:
        cell.value = value


def _table(ws: Any, columns: Sequence[tuple[str, str]], rows: Sequence[Mapping[str, Any]]) -> None:
    from openpyxl.styles import Alignment, Font

    for col, (header, _) in enumerate(columns, start=1):
        _put(ws, 1, col, header)
        ws.cell(row=1, column=col).font = Font(bold=True)
        ws.column_dimensions[ws.cell(row=1, column=col).column_letter].width = 24
    for r, record in enumerate(rows, start=2):
        for col, (_, name) in enumerate(columns, start=1):
            _put(ws, r, col, record.get(name))
            ws.cell(row=r, column=col).alignment = Alignment(wrap_text=True, vertical="top")
    ws.freeze_panes = "A2"


def _entry_line(e: Mapping[str, Any]) -> str:
    """One cited entry on one line of a cell: list, full entry id, name."""
    return " ".join(str(e[k]) for k in ("list", "entry_id", "name") if e.get(k))


def _lookback(years: int | None) -> list[tuple[str, str]]:
    """The summary row naming the look-back the findings were screened with (when known).

    >>> _lookback(2)
    [('確認期間 / Look-back', '2 年 / 2 years (FAQ Q3.6)')]
    >>> _lookback(5)[0][1]
    '5 年 / 5 years (FAQ: 2 年 / 2 years, Q3.6)'
    >>> _lookback(None)
    []
    """
    if years is None:
        return []
    said = f"{years} 年 / {years} years"
    if years == FAQ_YEARS:
        return [("確認期間 / Look-back", f"{said} (FAQ Q3.6)")]
    return [("確認期間 / Look-back", f"{said} (FAQ: {FAQ_YEARS} 年 / {FAQ_YEARS} years, Q3.6)")]


def write_xlsx(record: Mapping[str, Any], path: Path) -> Path:
    """Write ``record`` (from :func:`review_record`) as an Excel workbook at ``path``."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    ws = wb.active
    ws.title = "概要 Summary"
    screening = record["screening"]
    judgment = record["judgment"] or {}
    lists = [
        f"{lv['name']} ({lv['version'] or '-'}) {lv['content_hash']}".strip()
        for lv in screening["lists"]
    ]
    summary = [
        ("提案 / Proposal", record["proposal_id"]),
        ("状況 / Status", record["status_label"]),
        ("判定 / Outcome", judgment.get("outcome_label")),
        ("基準日 / Reference date", screening["as_of"]),
        *_lookback(screening.get("lookback_years")),
        ("照合リスト / Lists screened against", lists),
        ("所見数 / Findings", len(record["findings"])),
        ("措置数 / Measures", len(record["measures"])),
        ("記録の版 / Record version", record["version"]),
        ("出力日時 (UTC) / Exported at", record["exported_at"]),
    ]
    for r, (header, value) in enumerate(summary, start=1):
        _put(ws, r, 1, header)
        ws.cell(row=r, column=1).font = Font(bold=True)
        _put(ws, r, 2, value)
    ws.column_dimensions["A"].width = 34
    ws.column_dimensions["B"].width = 60
    data = {
        "所見 Findings": [
            {**f, "entries": [_entry_line(e) for e in f.get("entries") or ()]}
            for f in record["findings"]
        ],
        "判定 Judgment": [judgment] if judgment else [],
        "措置 Measures": record["measures"],
        "履歴 History": record["history"],
    }
    for title, columns in SHEETS:
        _table(wb.create_sheet(title), columns, data[title])
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return path


def require_started(state: ReviewState) -> ReviewState:
    """``state``, or an :class:`InputError` when no review of it was started."""
    if not state.started:
        raise InputError(
            [
                Problem(
                    f"review of {state.proposal_id}",
                    "export",
                    "proposal_id",
                    "no review has been started for this proposal",
                    "the id of a proposal under review",
                )
            ]
        )
    return state
