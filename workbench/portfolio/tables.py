"""The portfolio's tidy tables: one row per observation, one declared schema per table.

=============  ===============================================================
table          one row per
=============  ===============================================================
``proposals``  proposal folder: facts, status (screened / failed), suggested
               outcome, and the reviewer's judgment joined from the store
``findings``   finding — one per check, subject and organisation, however
               many lists name it: check, severity, subject, its first list
               entry (with its country, and the organisation it names across
               lists), every list and entry it cites (``lists``, ``entries``),
               and the reviewer's disposition from the store
``evidence``   piece of evidence of a finding: work, date and year, co-author,
               affiliation string, matched text, score
``scope``      person or organization of a proposal: in or out, reason, FAQ
``problems``   problem of an input file (errors of failed folders, warnings)
``measures``   mitigation measure recorded in the store
``lists``      screening list version screened against
=============  ===============================================================

Every table is built through its :mod:`pyarrow` schema in :data:`SCHEMAS`,
so an empty table has its columns too, and tables written as Parquet
(:meth:`PortfolioTables.write`) read back equal (:meth:`PortfolioTables.read`).

Examples
--------
>>> t = assemble([], [])
>>> list(t.frames()), len(t.proposals), "outcome" in t.proposals.columns
(['proposals', 'findings', 'evidence', 'scope', 'problems', 'measures', 'lists'], 0, True)
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from workbench.atomic import atomic_folder
from workbench.errors import Problem
from workbench.model import ScreeningList
from workbench.portfolio.rows import FAILED, ProposalRows, Row, problem_rows
from workbench.vocabulary import ReviewStatus

S, N, F, B = pa.string(), pa.int64(), pa.float64(), pa.bool_()

SCHEMAS: dict[str, pa.Schema] = {
    "proposals": pa.schema(
        [
            ("proposal_id", S),
            ("folder", S),
            ("path", S),
            ("status", S),
            ("title", S),
            ("call", S),
            ("field", S),
            ("submitted", S),
            ("as_of", S),
            ("window_start", S),
            ("people", N),
            ("organizations", N),
            ("works", N),
            ("authorships", N),
            ("findings", N),
            ("suggested_outcome", S),
            ("lists", S),
            ("suppressed_by_memory", N),  # matches hidden by remembered dismissals
            ("suppressed_memory_ids", S),
            ("review_status", S),
            ("outcome", S),
            ("judged_by", S),
            ("judged_at", S),
            ("judgment_notes", S),
            ("screening_key", S),
        ]
    ),
    "findings": pa.schema(
        [
            ("proposal_id", S),
            ("key", S),
            ("check", S),
            ("severity", S),
            ("subject", S),
            ("subject_kind", S),
            ("subject_name", S),
            ("faq", S),
            ("list", S),
            ("list_version", S),
            ("entry_id", S),
            ("entry_name", S),
            ("lists", S),
            ("entries", S),
            ("entry_country", S),
            ("entry_type", S),
            ("organisation", S),
            ("organisation_name", S),
            ("organisation_lists", S),
            ("evidence", N),
            ("summary", S),
            ("summary_ja", S),
            ("disposition", S),
            ("rationale", S),
            ("decided_by", S),
        ]
    ),
    "evidence": pa.schema(
        [
            ("proposal_id", S),
            ("key", S),
            ("n", N),
            ("check", S),
            ("subject", S),
            ("list", S),
            ("entry_id", S),
            ("entry_name", S),
            ("organisation_name", S),
            ("work_id", S),
            ("doi", S),
            ("date", S),
            ("year", N),
            ("date_uncertain", B),
            ("coauthor", S),
            ("affiliation", S),
            ("matched_text", S),
            ("score", F),
        ]
    ),
    "scope": pa.schema(
        [
            ("proposal_id", S),
            ("id", S),
            ("kind", S),
            ("name", S),
            ("in_scope", B),
            ("reason", S),
            ("reason_ja", S),
            ("faq", S),
        ]
    ),
    "problems": pa.schema(
        [
            ("folder", S),
            ("proposal_id", S),
            ("file", S),
            ("location", S),
            ("field", S),
            ("message", S),
            ("expected", S),
            ("severity", S),
        ]
    ),
    "measures": pa.schema(
        [
            ("proposal_id", S),
            ("measure_id", N),
            ("kind", S),
            ("status", S),
            ("text", S),
            ("persons", S),
            ("due", S),
            ("added_by", S),
        ]
    ),
    "lists": pa.schema(
        [
            ("name", S),
            ("publisher", S),
            ("version", S),
            ("entries", N),
            ("content_hash", S),
            ("source", S),
        ]
    ),
}


def frame(name: str, rows: Iterable[Row]) -> pd.DataFrame:
    """The table ``name`` from ``rows`` (missing keys are null), through its schema."""
    schema = SCHEMAS[name]
    rows = list(rows)
    cols = {f.name: [r.get(f.name) for r in rows] for f in schema}
    return pa.table(cols, schema=schema).to_pandas()


@dataclass(frozen=True)
class PortfolioTables:
    proposals: pd.DataFrame
    findings: pd.DataFrame
    evidence: pd.DataFrame
    scope: pd.DataFrame
    problems: pd.DataFrame
    measures: pd.DataFrame
    lists: pd.DataFrame

    def frames(self) -> dict[str, pd.DataFrame]:
        return {f.name: getattr(self, f.name) for f in fields(self)}

    def write(self, out: str | Path) -> list[Path]:
        """Write every table as ``<out>/<name>.parquet``; returns the paths."""
        out = Path(out)
        paths = []
        # every table is written before any replaces the previous run's: never a mixed set
        with atomic_folder(out) as tmp:
            for name, df in self.frames().items():
                table = pa.Table.from_pandas(df, schema=SCHEMAS[name], preserve_index=False)
                pq.write_table(table, tmp / f"{name}.parquet")
                paths.append(out / f"{name}.parquet")
        return paths

    @classmethod
    def read(cls, folder: str | Path) -> PortfolioTables:
        """Tables written by :meth:`write`."""
        folder = Path(folder)
        return cls(
            **{
                name: pq.read_table(folder / f"{name}.parquet", schema=schema).to_pandas()
                for name, schema in SCHEMAS.items()
            }
        )

    @property
    def screened(self) -> pd.DataFrame:
        return self.proposals[self.proposals["status"] != FAILED]

    @property
    def failed(self) -> pd.DataFrame:
        return self.proposals[self.proposals["status"] == FAILED]


def _duplicates(rows: Sequence[ProposalRows]) -> list[ProposalRows]:
    """Keep the first folder of each proposal id; later ones fail with a problem."""
    first: dict[str, str] = {}
    out = []
    for r in rows:
        pid = r.proposal.get("proposal_id")
        if pid is None or r.proposal["status"] == FAILED:
            out.append(r)
        elif pid in first:
            problem = Problem(
                r.proposal["path"],
                "$.proposal_id",
                "proposal_id",
                f"'{pid}' is already the id of the proposal in {first[pid]}; not screened twice",
                "one folder per proposal id",
            )
            out.append(
                ProposalRows(
                    {
                        "folder": r.proposal["folder"],
                        "path": r.proposal["path"],
                        "proposal_id": None,
                        "status": FAILED,
                    },
                    problems=[*problem_rows(r.proposal["folder"], [problem]), *r.problems],
                )
            )
        else:
            first[pid] = r.proposal["path"]
            out.append(r)
    return out


def _store_rows(store: Any, ids: Iterable[str]) -> tuple[dict[str, Row], dict[str, Row], list[Row]]:
    """(judgment by proposal, disposition by finding key per proposal, measure rows)."""
    judgments: dict[str, Row] = {}
    dispositions: dict[str, Row] = {}
    measures: list[Row] = []
    if store is None:
        return judgments, dispositions, measures
    started = store.reviews()
    for pid in ids:
        if pid not in started:
            continue
        state = store.state(pid)
        j = state.judgment
        judgments[pid] = {
            "review_status": str(state.status),
            "outcome": str(j.outcome) if j else None,
            "judged_by": j.reviewer if j else None,
            "judged_at": j.decided_at.isoformat() if j else None,
            "judgment_notes": j.notes if j else None,
        }
        for key, d in state.dispositions.items():
            dispositions[f"{pid}\x00{key}"] = {
                "disposition": str(d.disposition),
                "rationale": d.rationale,
                "decided_by": d.reviewer,
            }
        measures += [
            {
                "proposal_id": pid,
                "measure_id": m.id,
                "kind": str(m.kind),
                "status": str(m.status),
                "text": m.text,
                "persons": ";".join(m.persons),
                "due": m.due.isoformat() if m.due else None,
                "added_by": m.added_by,
            }
            for m in state.measures
        ]
    return judgments, dispositions, measures


def _disposition(finding: Row, dispositions: dict[str, Row]) -> Row:
    """The store's disposition of a finding: under its key, else under the key of one of the
    entries it cites (a disposition recorded when each list entry was a finding of its own;
    see :func:`workbench.findings.by_finding`)."""
    pid = finding["proposal_id"]
    for key in finding.get("entry_keys") or (finding["key"],):
        if (hit := dispositions.get(f"{pid}\x00{key}")) is not None:
            return hit
    return {}


def assemble(
    rows: Sequence[ProposalRows], lists: Sequence[ScreeningList], store: Any = None
) -> PortfolioTables:
    """The portfolio tables from every proposal's rows, sorted, joined with the store."""

    def order(r: ProposalRows) -> tuple[str, str]:
        return (r.proposal.get("proposal_id") or "", r.proposal["folder"])

    # the first folder of an id keeps it; the order is then that of the final ids
    rows = sorted(_duplicates(sorted(rows, key=order)), key=order)
    ids = [r.proposal["proposal_id"] for r in rows if r.proposal["status"] != FAILED]
    judgments, dispositions, measures = _store_rows(store, ids)
    not_reviewed = {"review_status": ReviewStatus.NOT_REVIEWED}
    proposals = [
        {**r.proposal, **judgments.get(r.proposal.get("proposal_id") or "", not_reviewed)}
        if r.proposal["status"] != FAILED
        else r.proposal
        for r in rows
    ]
    findings = [{**f, **_disposition(f, dispositions)} for r in rows for f in r.findings]
    return PortfolioTables(
        proposals=frame("proposals", proposals),
        findings=frame("findings", findings),
        evidence=frame("evidence", (e for r in rows for e in r.evidence)),
        scope=frame("scope", (s for r in rows for s in r.scope)),
        problems=frame("problems", (p for r in rows for p in r.problems)),
        measures=frame("measures", measures),
        lists=frame(
            "lists",
            (
                {
                    "name": lst.name,
                    "publisher": lst.publisher,
                    "version": lst.version.isoformat() if lst.version else None,
                    "entries": lst.entry_count,
                    "content_hash": lst.content_hash,
                    "source": lst.source,
                }
                for lst in lists
            ),
        ),
    )
