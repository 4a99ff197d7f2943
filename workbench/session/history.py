"""A review's history as the reader of the page follows it: the words of the findings table.

The store describes each event by its own keys (``recent_coauthorship:p3:METI End
User List:jp-eul-541``, ``measure #7``). The page names a finding as its table does —
person, check (for the window screened with), organisation — and numbers the
mitigation measures 1, 2, … in the order they were asked for in this proposal.

Examples
--------
>>> from datetime import datetime, UTC
>>> from workbench.session.view import FindingRow
>>> from workbench.store.events import Event
>>> from workbench.vocabulary import EventKind
>>> row = FindingRow("recent_coauthorship:p3:METI:jp-eul-541", "recent_coauthorship", "p3",
...                  "Sato Haruki", (), "METI", "jp-eul-541", "HIT",
...                  "report", "", "", (), (("METI", "jp-eul-541"),))
>>> names = Names.of([row], {}, measure_ids=[7, 9], years=7)
>>> t = datetime(2025, 6, 20, tzinfo=UTC)
>>> e = Event("P-1", 3, EventKind.FINDING_DISPOSITION,
...           {"finding_key": row.key, "disposition": "dismissed", "rationale": "x"}, "alice", t)
>>> describe(e, names, "ja")
'所見「Sato Haruki、直近7年の共著、HIT」: 誤検出として却下'
>>> describe(e, names, "en")
"finding 'Sato Haruki, Co-authorship in the last 7 years, HIT': dismissed"
>>> m = Event("P-1", 9, EventKind.MEASURE_UPDATED,
...           {"measure_id": 9, "changes": {"status": "done"}}, "alice", t)
>>> describe(m, names, "ja")
'リスク低減措置 2 を更新: 状況 → 完了'
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from workbench.glossary import check_label, term
from workbench.list_labels import shown_id
from workbench.session.view import FindingRow
from workbench.window import DEFAULT_YEARS

if TYPE_CHECKING:  # the store is imported when first used
    from workbench.store.events import Event


@dataclass(frozen=True, slots=True)
class Names:
    """What the history names: findings by every key they are stored under, people and
    organisations by id, and each measure's number in its proposal."""

    findings: Mapping[str, FindingRow] = field(default_factory=dict)
    people: Mapping[str, str] = field(default_factory=dict)
    measures: Mapping[int, int] = field(default_factory=dict)
    years: int = DEFAULT_YEARS

    @classmethod
    def of(
        cls,
        rows: Iterable[FindingRow],
        people: Mapping[str, str],
        measure_ids: Iterable[int] = (),
        years: int = DEFAULT_YEARS,
    ) -> Names:
        """From the findings (shown or hidden), the names of the proposal's people and
        organisations, and the ids of its measures (numbered in the order of their ids)."""
        findings: dict[str, FindingRow] = {}
        for row in rows:
            findings.setdefault(row.key, row)
            for list_name, entry_id in row.entries:
                findings.setdefault(f"{row.check}:{row.subject}:{list_name}:{entry_id}", row)
        numbers = {mid: n for n, mid in enumerate(sorted(set(measure_ids)), start=1)}
        return cls(findings, dict(people), numbers, years)

    def number(self, measure_id: int) -> int | str:
        return self.measures.get(int(measure_id), f"#{measure_id}")

    def finding(self, key: str, lang: str) -> str:
        """A finding as its row names it: person, check, organisation."""
        row = self.findings.get(key)
        if row is not None:
            parts = [row.subject_name, check_label(row.check, lang, self.years), row.entry_name]
        else:  # not screened now (another window or list version): read from the key
            check, subject, rest = [*key.split(":", 2), "", ""][:3]
            list_name, _, entry_id = rest.rpartition(":")
            entry = shown_id(entry_id) if entry_id else ""
            parts = [
                self.people.get(subject, subject),
                check_label(check, lang, self.years),
                f"{list_name} {entry}".strip(),
            ]
        return ("、" if lang == "ja" else ", ").join(p for p in parts if p)


def _measure(p: Mapping[str, Any], names: Names, lang: str, added: bool, seq: int) -> str:
    from workbench.vocabulary import MeasureKind, MeasureStatus, label

    what = term("mitigation", lang).removesuffix("s")  # one measure: "risk mitigation measure"
    n = names.number(seq if added else p["measure_id"])
    if added:
        kind = label(MeasureKind(p["kind"]), lang)
        return f"{what} {n} を追加: {kind}" if lang == "ja" else f"{what} {n} added: {kind}"
    fields = {
        "text": ("内容", "text"),
        "persons": ("アクセスできる者", "persons with access"),
        "due": ("期限", "due date"),
        "status": ("状況", "status"),
    }
    parts = []
    for name, value in (p.get("changes") or {}).items():
        ja, en = fields.get(name, (name, name))
        said = ja if lang == "ja" else en
        if name == "status":
            said += f" → {label(MeasureStatus(value), lang)}"
        parts.append(said)
    changed = ("、" if lang == "ja" else ", ").join(parts)
    return f"{what} {n} を更新: {changed}" if lang == "ja" else f"{what} {n} updated: {changed}"


def describe(event: Event, names: Names, lang: str = "ja") -> str:
    """What ``event`` changed, in one line of ``lang``, naming findings as the table does."""
    from workbench.vocabulary import Disposition, EventKind, label

    p, kind = event.payload, event.kind
    if kind is EventKind.FINDING_DISPOSITION:
        word = label(Disposition(p["disposition"]), lang)
        finding = names.finding(str(p["finding_key"]), lang)
        return f"所見「{finding}」: {word}" if lang == "ja" else f"finding '{finding}': {word}"
    if kind in (EventKind.MEASURE_ADDED, EventKind.MEASURE_UPDATED):
        return _measure(p, names, lang, kind is EventKind.MEASURE_ADDED, event.seq)
    if kind is EventKind.MATCH_MEMORY:  # the entry by the id a reader is shown
        event = replace(event, payload={**p, "entry_id": shown_id(str(p["entry_id"]))})
    return event.describe(lang)
