"""The analyst's pandas doorway: ``load(out_dir)`` and a few named, documented queries.

``workbench portfolio screen DIR --out OUT`` writes the portfolio's tidy tables as
Parquet (see :mod:`workbench.portfolio.tables`). :func:`load` reads them back into
a :class:`Portfolio`, whose attributes are the tables as :class:`pandas.DataFrame`
(``proposals``, ``findings``, ``evidence``, ``scope``, ``problems``, ``measures``,
``lists``) and whose methods answer the questions analysts ask most:

=========================  ==========================================================
query                      one row per
=========================  ==========================================================
``distinct_findings()``    finding, counted once: one (proposal, check, subject,
                           organisation), however many lists name the organisation
``per_organisation()``     listed organisation (named once across lists)
``per_call()``             call: proposals, proposals with findings, findings
``per_field()``            research field: the same
``per_year()``             year of submission: the same
``per_call_year()``        call and year of submission: the same
``links_per_year()``       year of the co-authored work and listed organisation
``counts()``               one row of headline figures
=========================  ==========================================================

Every count of findings is a count of *distinct* findings: an organisation that
METI's list and the US Entity List both name (written differently) raises one
finding per person and check, not one per list entry.

Examples
--------
>>> from workbench.portfolio.tables import assemble
>>> p = Portfolio(assemble([], []))
>>> p.counts().iloc[0].to_dict()  # doctest: +NORMALIZE_WHITESPACE
{'proposals': 0, 'screened': 0, 'failed': 0, 'with_findings': 0, 'findings': 0,
 'organisations': 0}
>>> list(p.per_call().columns)
['call', 'proposals', 'with_findings', 'findings']
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from workbench.errors import InputError, Problem
from workbench.portfolio.tables import SCHEMAS, PortfolioTables

__all__ = ["DISTINCT", "NONE", "Portfolio", "load"]

#: the columns that make a finding one finding (an organisation is one across lists)
DISTINCT = ("proposal_id", "check", "subject", "organisation")
#: how a missing call, field or year is shown
NONE = "(none)"
_GROUP_COLUMNS = ["proposals", "with_findings", "findings"]


def load(out_dir: str | Path) -> Portfolio:
    """The portfolio tables that ``workbench portfolio screen --out OUT_DIR`` wrote.

    Raises :class:`~workbench.errors.InputError` naming the folder and each table
    file that is missing or unreadable.
    """
    folder = Path(out_dir)
    if not folder.is_dir():
        raise InputError(
            [
                Problem(
                    str(folder),
                    "",
                    "out_dir",
                    "no such folder of portfolio tables; write one with "
                    "`workbench portfolio screen DIR --out OUT_DIR`",
                )
            ]
        )
    missing = [name for name in SCHEMAS if not (folder / f"{name}.parquet").is_file()]
    if missing:
        raise InputError(
            [
                Problem(str(folder / f"{name}.parquet"), "", name, "table file missing")
                for name in missing
            ]
        )
    try:
        tables = PortfolioTables.read(folder)
    except (OSError, ValueError) as exc:  # pyarrow's errors are ValueError or OSError
        raise InputError(
            [Problem(str(folder), "", "parquet", f"portfolio tables unreadable: {exc}")]
        ) from exc
    return Portfolio(tables)


@dataclass(frozen=True)
class Portfolio:
    """The portfolio's tables as DataFrames, and the named queries over them."""

    tables: PortfolioTables

    @property
    def proposals(self) -> pd.DataFrame:
        """One row per proposal folder (``status`` tells screened or failed)."""
        return self.tables.proposals

    @property
    def findings(self) -> pd.DataFrame:
        """One row per finding and list entry it cites."""
        return self.tables.findings

    @property
    def evidence(self) -> pd.DataFrame:
        return self.tables.evidence

    @property
    def scope(self) -> pd.DataFrame:
        return self.tables.scope

    @property
    def problems(self) -> pd.DataFrame:
        return self.tables.problems

    @property
    def measures(self) -> pd.DataFrame:
        return self.tables.measures

    @property
    def lists(self) -> pd.DataFrame:
        return self.tables.lists

    def distinct_findings(self) -> pd.DataFrame:
        """Findings counted once: the first row of each (proposal, check, subject,
        organisation), with ``lists`` naming every list that cites it."""
        f = self.findings
        keys = [f["proposal_id"], f["check"], f["subject"], f["organisation"].fillna("")]
        ids: list[int] = (
            [int(n) for n in pd.MultiIndex.from_arrays(keys).factorize()[0]] if len(f) else []
        )
        cited = f["lists"].fillna(f["list"]) if "lists" in f.columns else f["list"]
        names = [str(v).split("; ") if pd.notna(v) else [] for v in cited]
        lists: dict[int, dict[str, None]] = {}
        for n, each in zip(ids, names, strict=True):
            for name in each:
                lists.setdefault(n, {})[name] = None
        first = ~pd.Series(ids, index=f.index, dtype="int64").duplicated()
        out = f[first.to_numpy(dtype=bool)].reset_index(drop=True)
        kept = sorted(set(ids))
        return out.assign(lists=["; ".join(lists.get(n, {})) for n in kept])

    def per_organisation(self) -> pd.DataFrame:
        """Distinct findings per listed organisation, with the lists naming it, the
        proposals and the persons behind it, most findings first."""
        f = self.distinct_findings()
        f = f[f["organisation"].notna()]
        f = f.assign(subject_name=f["subject_name"].where(f["subject_kind"] == "person"))
        name = f["organisation_name"].fillna(f["entry_name"])
        g = f.assign(name=name).groupby("organisation", sort=False)
        out = pd.DataFrame(
            {
                "organisation_name": g["name"].first(),
                "lists": g["organisation_lists"].first().fillna(g["list"].first()),
                "findings": g.size(),
                "proposals": g["proposal_id"].nunique(),
                "persons": g["subject_name"].agg(_persons),
            }
        ).reset_index()
        return out.sort_values(
            ["findings", "organisation_name"], ascending=[False, True], kind="stable"
        ).reset_index(drop=True)

    def per_call(self) -> pd.DataFrame:
        """Per call: proposals screened, proposals with findings, distinct findings."""
        return self._per(["call"])

    def per_field(self) -> pd.DataFrame:
        """Per research field: proposals screened, proposals with findings, distinct findings."""
        return self._per(["field"])

    def per_year(self) -> pd.DataFrame:
        """Per year of submission: proposals screened, with findings, distinct findings."""
        return self._per(["year"])

    def per_call_year(self) -> pd.DataFrame:
        """Per call and year of submission — findings per call over time."""
        return self._per(["call", "year"])

    def links_per_year(self) -> pd.DataFrame:
        """Co-authorship links to listed organisations per year of the work: distinct
        (proposal, work, organisation), with the proposals they come from."""
        ev = self.evidence
        ev = ev[(ev["check"] == "recent_coauthorship") & ev["year"].notna()]
        ev = ev[ev["entry_id"].notna()]
        name = ev["organisation_name"].fillna(ev["entry_name"])
        links = ev.assign(organisation_name=name).drop_duplicates(
            ["proposal_id", "work_id", "organisation_name"]
        )
        g = links.groupby(["year", "organisation_name"]).agg(
            links=("work_id", "size"), proposals=("proposal_id", "nunique")
        )
        return g.reset_index().astype({"year": "int64"})

    def counts(self) -> pd.DataFrame:
        """The headline figures in one row: proposals, screened, failed, with findings,
        distinct findings, distinct listed organisations."""
        p = self.proposals
        screened = p[p["status"] != "failed"]
        f = self.distinct_findings()
        row = {
            "proposals": len(p),
            "screened": len(screened),
            "failed": len(p) - len(screened),
            "with_findings": int(screened["proposal_id"].isin(f["proposal_id"]).sum()),
            "findings": len(f),
            "organisations": int(f["organisation"].nunique()),
        }
        return pd.DataFrame([row])

    def _screened(self) -> pd.DataFrame:
        p = self.proposals
        p = p[p["status"] != "failed"]
        year = pd.to_datetime(p["submitted"], errors="coerce").dt.year
        return p.assign(
            call=p["call"].fillna(NONE),
            field=p["field"].fillna(NONE),
            year=year.map(lambda y: NONE if pd.isna(y) else str(int(y))),
        )

    def _per(self, by: list[str]) -> pd.DataFrame:
        p = self._screened()
        distinct = self.distinct_findings().groupby("proposal_id").size()
        p = p.assign(found=p["proposal_id"].map(distinct).fillna(0).astype("int64"))
        g = p.groupby(by, sort=True).agg(
            proposals=("proposal_id", "size"),
            with_findings=("found", lambda s: int((s > 0).sum())),
            findings=("found", "sum"),
        )
        out = g.reset_index()
        return out[[*by, *_GROUP_COLUMNS]].astype({c: "int64" for c in _GROUP_COLUMNS})


def _persons(names: pd.Series) -> str:
    return "; ".join(dict.fromkeys(str(n) for n in names if pd.notna(n)))
