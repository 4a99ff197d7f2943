"""A review's history in a reviewer's words: person, check, organisation; measures 1, 2, ….

The store keeps each event as written: a disposition names its finding by its
key (``recent_coauthorship:p3:METI End User List:jp-eul-541``) and a measure
by the sequence number of the event that added it. :class:`HistoryWords`
reads them as the findings table does — the person (or organisation), the
check, the organisation named by the list entry — and numbers the measures
1, 2, … in the order they were added to the proposal. Given the screening
(``workbench screen --format json``, or the page's screening data) it uses
the names it holds; without it, the ids the key holds. The command line's
``workbench store history``, the export and the review page read the same
lines.

Examples
--------
>>> from datetime import datetime, UTC
>>> t = datetime(2025, 6, 20, 9, 30, tzinfo=UTC)
>>> key = "recent_coauthorship:p3:METI End User List:jp-eul-541"
>>> events = [
...     Event("P-1", 1, EventKind.REVIEW_STARTED, {"finding_keys": [key]}, "alice", t),
...     Event("P-1", 2, EventKind.FINDING_DISPOSITION,
...           {"finding_key": key, "disposition": "confirmed"}, "alice", t),
...     Event("P-1", 3, EventKind.MEASURE_ADDED, {"kind": "awareness-raising"}, "alice", t),
...     Event("P-1", 4, EventKind.MEASURE_UPDATED,
...           {"measure_id": 3, "changes": {"status": "done"}}, "bob", t),
... ]
>>> words = HistoryWords.of(events)
>>> words.describe(events[1], "en")
"finding 'p3, Co-authorship in the last 2 years, METI End User List jp-eul-541': confirmed"
>>> for e in events[2:]:
...     print(words.describe(e, "en"))
risk mitigation measure 1 added: awareness raising
risk mitigation measure 1 updated: status → done
>>> screening = {"scope": {"in": [{"id": "p3", "name": "Wang Lei"}], "out": []},
...     "findings": [{"key": key, "check": "recent_coauthorship", "subject": "p3",
...                   "list_entries": [{"list": "METI End User List", "entry_id": "jp-eul-541",
...                                     "name": "Harbin Institute of Technology"}]}]}
>>> HistoryWords.of(events, screening, years=7).describe(events[1], "ja")
'所見「Wang Lei、直近7年の共著、Harbin Institute of Technology」: 該当を確認'
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from workbench.glossary import check_label, term
from workbench.list_labels import shown_id
from workbench.store.events import Event, printable
from workbench.vocabulary import Disposition, EventKind, MeasureKind, label
from workbench.window import DEFAULT_YEARS


def split_key(key: str) -> tuple[str, str, str, str]:
    """(check, subject, list, entry id) of a finding key; missing parts empty.

    >>> split_key("non_resident:p3::")
    ('non_resident', 'p3', '', '')
    """
    parts = key.split(":", 3)
    parts += [""] * (4 - len(parts))
    return parts[0], parts[1], parts[2], parts[3]


def _entry_keys(f: Mapping[str, Any]) -> list[str]:
    refs = f.get("list_entries") or ([f["list_entry"]] if f.get("list_entry") else [])
    check, subject = f.get("check") or "", f.get("subject") or ""
    return [f"{check}:{subject}:{r.get('list', '')}:{r.get('entry_id', '')}" for r in refs]


@dataclass(frozen=True)
class HistoryWords:
    """How the events of one review read; build it with :meth:`of`."""

    #: seq of the event that added a measure -> its number in the proposal (1, 2, …)
    numbers: Mapping[int, int] = field(default_factory=dict)
    #: person or organisation id -> name
    names: Mapping[str, str] = field(default_factory=dict)
    #: finding key (and each of its entries' keys) -> the finding (screen JSON)
    findings: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    years: int = DEFAULT_YEARS

    @classmethod
    def of(
        cls,
        events: Iterable[Event],
        screening: Mapping[str, Any] | None = None,
        *,
        years: int | None = None,
    ) -> HistoryWords:
        """The words for ``events`` (a review's history), with the names ``screening`` holds."""
        adds = [e.seq for e in events if e.kind is EventKind.MEASURE_ADDED]
        screening = screening or {}
        scope = screening.get("scope") or {}
        names = {
            str(d["id"]): str(d["name"])
            for d in (*(scope.get("in") or ()), *(scope.get("out") or ()))
            if d.get("id") and d.get("name")
        }
        findings: dict[str, Mapping[str, Any]] = {}
        for f in screening.get("findings") or ():
            for k in (f.get("key"), *_entry_keys(f)):
                if k:
                    findings.setdefault(str(k), f)
        if years is None:
            years = int(screening.get("years") or DEFAULT_YEARS)
        return cls({seq: n for n, seq in enumerate(adds, start=1)}, names, findings, years)

    def measure(self, measure_id: int) -> int:
        """The number measure ``measure_id`` has in its proposal (its id when unknown)."""
        return self.numbers.get(int(measure_id), int(measure_id))

    def finding(self, key: str, lang: str = "ja") -> str:
        """The finding ``key`` as the findings table reads: person · check · organisation."""
        check, subject, list_name, entry_id = split_key(key)
        f = self.findings.get(key) or {}
        parts = [self.names.get(subject, subject), check_label(check, lang, self.years)]
        refs = f.get("list_entries") or ([f["list_entry"]] if f.get("list_entry") else [])
        cited = [r.get("name") for r in refs if r.get("name")]
        if cited:
            parts.append(" / ".join(dict.fromkeys(str(c) for c in cited)))
        elif list_name:
            parts.append(f"{list_name} {shown_id(entry_id) if entry_id else ''}".strip())
        return ("、" if lang == "ja" else ", ").join(p for p in parts if p)

    def describe(self, event: Event, lang: str = "ja") -> str:
        """What ``event`` changed, in one line of ``lang``."""
        p, ja = event.payload, lang == "ja"
        if event.kind is EventKind.FINDING_DISPOSITION:
            word = label(Disposition(p["disposition"]), lang)
            what = self.finding(str(p["finding_key"]), lang)
            return f"所見「{what}」: {word}" if ja else f"finding '{what}': {word}"
        measure = term("mitigation", lang).removesuffix("s")  # one: "risk mitigation measure"
        if event.kind is EventKind.MEASURE_ADDED:
            n, word = self.measure(event.seq), label(MeasureKind(p["kind"]), lang)
            return f"{measure} {n} を追加: {word}" if ja else f"{measure} {n} added: {word}"
        if event.kind is EventKind.MEASURE_UPDATED:
            said = event.describe(lang)  # "措置 #12 を更新: …" / "measure #12 updated: …"
            _, _, changed = said.partition(": ")
            n = self.measure(p["measure_id"])
            return f"{measure} {n} を更新: {changed}" if ja else f"{measure} {n} updated: {changed}"
        if event.kind is EventKind.MATCH_MEMORY:  # the entry by the id a reader is shown
            event = replace(event, payload={**p, "entry_id": shown_id(str(p["entry_id"]))})
        return event.describe(lang)

    def line(self, event: Event, lang: str = "ja") -> str:
        """One printable history line: seq, time, reviewer, change, (reason)."""
        reason = f"  ({event.reason})" if event.reason else ""
        text = f"{event.seq:>4}  {event.when()}  {event.reviewer}  {self.describe(event, lang)}"
        return printable(text + reason)


def history_lines(
    events: Sequence[Event],
    lang: str = "ja",
    screening: Mapping[str, Any] | None = None,
) -> list[str]:
    """Every event of a review as a printable line (``workbench store history``)."""
    words = HistoryWords.of(events, screening)
    return [words.line(e, lang) for e in events]


def version_labels(events: Iterable[Event], lang: str = "ja") -> dict[int, str]:
    """Event seq → the questionnaire version the review held when it was recorded
    ("第2版" / "version 2"), for the events of a review whose questionnaire was revised
    (a screening registers its version once a revision was handed in); others left out.
    """
    out: dict[int, str] = {}
    version: int | None = None
    for e in sorted(events, key=lambda e: e.seq):
        if e.kind is EventKind.REVIEW_STARTED:
            version = e.payload.get("questionnaire_version")
        if version:
            out[e.seq] = f"第{version}版" if lang == "ja" else f"version {version}"
    return out
