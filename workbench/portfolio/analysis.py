"""What the analyst dashboard shows, as plain pandas: filters, summaries, and drill-down.

Everything here reads :class:`~workbench.portfolio.tables.PortfolioTables`
and returns data frames — the very tables the dashboard draws and exports —
so the dashboard holds no analysis of its own and all of it is tested
without a browser.

:func:`apply_filters` keeps the proposals of the chosen calls, fields and
suggested outcomes, and the findings of the chosen lists and checks (a list
or check filter also drops proposals left without findings).
:data:`SUMMARIES` names every summary; :func:`drill` gives the proposals
behind one element of one summary (a bar, a heat-map cell, a year).
Organisations are counted once however many lists name them (the
``organisation_name`` the portfolio screening gives each finding, see
:mod:`workbench.matching.same_organisation`).

Examples
--------
>>> from workbench.portfolio.tables import assemble
>>> t = assemble([], [])
>>> sorted(SUMMARIES)[:3]
['by_call_year', 'by_check', 'by_country']
>>> len(drill(t, "by_check", "recent_coauthorship"))
0
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import pandas as pd

from workbench.matching.places import country_code
from workbench.portfolio.tables import PortfolioTables

YEAR = "submitted_year"  # the year of submission, from ``submitted``
#: filter name -> (table, column) it applies to
FILTERS: dict[str, tuple[str, str]] = {
    "call": ("proposals", "call"),
    "field": ("proposals", "field"),
    "outcome": ("proposals", "suggested_outcome"),
    "year": ("proposals", YEAR),
    "list": ("findings", "list"),
    "check": ("findings", "check"),
}
NONE = "(none)"  # how a missing call or field is shown and chosen
COAUTHORSHIP = "recent_coauthorship"
DRILL_COLUMNS = (
    "proposal_id",
    "title",
    "call",
    "field",
    "submitted",
    "suggested_outcome",
    "review_status",
    "outcome",
    "findings",
)


def choices(tables: PortfolioTables) -> dict[str, list[str]]:
    """The values each filter can take, sorted (every list a finding cites, for ``list``)."""
    out = {}
    for name, (table, column) in FILTERS.items():
        frame = getattr(tables, table)
        if table == "proposals":
            frame = tables.screened
        if name == "list":
            out[name] = sorted({x for v in cited_lists(frame) for x in v} | _none(frame[column]))
        else:
            out[name] = sorted({NONE if pd.isna(v) else str(v) for v in _column(frame, column)})
    return out


def _none(column: pd.Series) -> set[str]:
    return {NONE} if column.isna().any() else set()


def cited_lists(findings: pd.DataFrame) -> list[tuple[str, ...]]:
    """Every list each finding cites (an organisation on several lists is one finding)."""
    if "lists" not in findings.columns:
        return [() if pd.isna(v) else (str(v),) for v in findings["list"]]
    return [
        tuple(str(a).split("; ")) if pd.notna(a) else (() if pd.isna(b) else (str(b),))
        for a, b in zip(findings["lists"], findings["list"], strict=True)
    ]


def submitted_year(proposals: pd.DataFrame) -> pd.Series:
    """The year each proposal was submitted (``YYYY``), or :data:`NONE`."""
    text = proposals["submitted"].astype(object).where(proposals["submitted"].notna(), "")
    year = text.map(lambda v: str(v)[:4])
    return year.where(year.str.fullmatch(r"\d{4}").fillna(False).astype(bool), NONE)


def _column(frame: pd.DataFrame, column: str) -> pd.Series:
    return submitted_year(frame) if column == YEAR else frame[column]


def _keep(frame: pd.DataFrame, column: str, allowed: Sequence[str]) -> pd.DataFrame:
    if not allowed:
        return frame
    col = _column(frame, column)
    values = col.astype(object).where(col.notna(), NONE)
    return frame[values.isin(list(allowed))]


def _finding_keys(frame: pd.DataFrame) -> pd.Series:
    """The (proposal, finding key) of each row as one text, compared column-wise."""
    return frame["proposal_id"].astype(str) + "\x00" + frame["key"].astype(str)


def apply_filters(tables: PortfolioTables, filters: Mapping[str, Sequence[str]]) -> PortfolioTables:
    """The tables restricted to the filters (empty or missing filter: everything)."""
    proposals = tables.screened
    for name in ("call", "field", "outcome", "year"):
        proposals = _keep(proposals, FILTERS[name][1], filters.get(name, ()))
    findings = tables.findings[tables.findings["proposal_id"].isin(proposals["proposal_id"])]
    findings = _keep(findings, FILTERS["check"][1], filters.get("check", ()))
    if wanted := set(filters.get("list", ())):  # a finding any chosen list cites
        cited = cited_lists(findings)
        findings = findings[[bool(set(c or (NONE,)) & wanted) for c in cited]]
    if filters.get("list") or filters.get("check"):
        proposals = proposals[proposals["proposal_id"].isin(findings["proposal_id"])]
    ev = tables.evidence
    kept = _finding_keys(findings)
    evidence = ev[_finding_keys(ev).isin(kept)] if len(ev) else ev
    ids = proposals["proposal_id"]
    return dataclasses.replace(
        tables,
        proposals=proposals.reset_index(drop=True),
        findings=findings.reset_index(drop=True),
        evidence=evidence.reset_index(drop=True),
        scope=tables.scope[tables.scope["proposal_id"].isin(ids)].reset_index(drop=True),
        measures=tables.measures[tables.measures["proposal_id"].isin(ids)].reset_index(drop=True),
    )


def _listed(t: PortfolioTables) -> pd.DataFrame:
    f = t.findings[t.findings["entry_id"].notna()]
    return f.assign(organisation=_organisation(f))


def _organisation(frame: pd.DataFrame) -> pd.Series:
    """The organisation each row names: one name across lists (the entry's own when unknown)."""
    if "organisation_name" not in frame.columns:
        return frame["entry_name"]
    return frame["organisation_name"].fillna(frame["entry_name"])


def by_organisation(t: PortfolioTables) -> pd.DataFrame:
    """Distinct findings per listed organisation, once however many lists name it: its
    name, the lists, the entries (``list:id``), country, findings and proposals."""
    f = _listed(t)
    first = f["list"].astype(str) + ":" + f["entry_id"].astype(str)
    entries = f["entries"].fillna(first) if "entries" in f.columns else first
    lists = f["lists"].fillna(f["list"]) if "lists" in f.columns else f["list"]
    f = f.assign(entry=entries, cited=lists)
    g = f.groupby("organisation", dropna=False).agg(
        lists=("cited", _joined),
        entries=("entry", _joined),
        entry_country=("entry_country", "first"),
        findings=("key", "size"),
        proposals=("proposal_id", "nunique"),
    )
    return (
        g.reset_index()
        .sort_values(["findings", "organisation"], ascending=[False, True], kind="stable")
        .reset_index(drop=True)
    )


def _joined(values: pd.Series) -> str:
    """The distinct items of "; "-joined values, in order, "; "-joined."""
    items = (x for v in values if pd.notna(v) for x in str(v).split("; "))
    return "; ".join(dict.fromkeys(items))


def country_of(value: Any) -> str:
    """A listed organisation's country as an ISO code when known (lists write codes or
    names), else as the list gives it; :data:`NONE` when missing.

    >>> [country_of(v) for v in ("People's Republic of China", "CN", "Atlantis", None)]
    ['CN', 'CN', 'Atlantis', '(none)']
    """
    if value is None or (not isinstance(value, str) and pd.isna(value)) or not str(value).strip():
        return NONE
    return country_code(str(value)) or str(value).strip()


def by_country(t: PortfolioTables) -> pd.DataFrame:
    """Findings per country of the listed organisation (ISO code when known, see
    :func:`country_of`)."""
    f = _listed(t)
    f = f.assign(entry_country=[country_of(v) for v in f["entry_country"]])
    g = f.groupby("entry_country").agg(
        findings=("key", "size"),
        proposals=("proposal_id", "nunique"),
        organisations=("organisation", "nunique"),
    )
    return (
        g.reset_index()
        .sort_values(["findings", "entry_country"], ascending=[False, True], kind="stable")
        .reset_index(drop=True)
    )


def by_check(t: PortfolioTables) -> pd.DataFrame:
    g = t.findings.groupby("check").agg(
        findings=("key", "size"), proposals=("proposal_id", "nunique")
    )
    return (
        g.reset_index()
        .sort_values(["findings", "check"], ascending=[False, True], kind="stable")
        .reset_index(drop=True)
    )


def by_field(t: PortfolioTables) -> pd.DataFrame:
    """Per research field: proposals, proposals with findings, findings."""
    p = t.screened.assign(field=lambda d: d["field"].fillna(NONE))
    with_findings = set(t.findings["proposal_id"])
    p = p.assign(flagged=p["proposal_id"].isin(with_findings))
    g = p.groupby("field").agg(
        proposals=("proposal_id", "size"),
        with_findings=("flagged", "sum"),
        findings=("findings", "sum"),
    )
    return g.reset_index().astype({"with_findings": "int64"})


def heatmap(t: PortfolioTables) -> pd.DataFrame:
    """Proposals × listed organisations: number of distinct findings in each cell (long
    form); an organisation several lists name is one finding per check and person."""
    f = _listed(t)
    g = f.groupby(["proposal_id", "organisation"]).size().rename("findings").reset_index()
    return g.sort_values(["proposal_id", "organisation"], kind="stable").reset_index(drop=True)


def outcomes(t: PortfolioTables) -> pd.DataFrame:
    """Proposals per outcome: the suggested one and the reviewer's judgment."""
    p = t.screened
    suggested = p.groupby("suggested_outcome").size().rename("proposals").reset_index()
    suggested = suggested.rename(columns={"suggested_outcome": "outcome"}).assign(kind="suggested")
    outcome = p["outcome"].fillna("not-judged").rename("outcome")
    judged = outcome.groupby(outcome).size().rename("proposals").reset_index().assign(kind="judged")
    both: pd.DataFrame = pd.concat([suggested, judged], ignore_index=True)
    return both[["kind", "outcome", "proposals"]]


def mitigation(t: PortfolioTables) -> pd.DataFrame:
    """Mitigation measures per kind: measures and proposals."""
    g = t.measures.groupby("kind").agg(
        measures=("measure_id", "size"), proposals=("proposal_id", "nunique")
    )
    return (
        g.reset_index()
        .sort_values("measures", ascending=False, kind="stable")
        .reset_index(drop=True)
    )


def timeline(t: PortfolioTables) -> pd.DataFrame:
    """Co-authorship links to listed organisations per year of the work (distinct
    proposal, work and organisation), with the proposals they come from."""
    ev = t.evidence
    ev = ev[(ev["check"] == COAUTHORSHIP) & ev["year"].notna() & ev["entry_id"].notna()]
    ev = ev.assign(organisation=_organisation(ev))
    links = ev.drop_duplicates(["proposal_id", "work_id", "organisation"])
    g = links.groupby(["year", "organisation"]).agg(
        links=("work_id", "size"), proposals=("proposal_id", "nunique")
    )
    return (
        g.reset_index()
        .astype({"year": "int64"})
        .sort_values(["year", "organisation"], kind="stable")
        .reset_index(drop=True)
    )


def by_call_year(t: PortfolioTables) -> pd.DataFrame:
    """Per call and year of submission: proposals, proposals with findings, findings —
    findings per call over time."""
    p = t.screened
    found = p["proposal_id"].map(t.findings.groupby("proposal_id").size()).fillna(0)
    frame = pd.DataFrame(
        {
            "call": p["call"].astype(object).where(p["call"].notna(), NONE),
            "year": submitted_year(p),
            "proposal_id": p["proposal_id"],
            "found": found.astype("int64"),
        }
    )
    g = frame.groupby(["call", "year"], sort=True).agg(
        proposals=("proposal_id", "size"),
        with_findings=("found", lambda s: int((s > 0).sum())),
        findings=("found", "sum"),
    )
    columns = ["call", "year", "proposals", "with_findings", "findings"]
    out = g.reset_index()[columns] if len(p) else pd.DataFrame(columns=columns)
    return out.astype({"proposals": "int64", "with_findings": "int64", "findings": "int64"})


SUMMARIES: dict[str, Callable[[PortfolioTables], pd.DataFrame]] = {
    "by_organisation": by_organisation,
    "by_country": by_country,
    "by_check": by_check,
    "by_field": by_field,
    "heatmap": heatmap,
    "outcomes": outcomes,
    "mitigation": mitigation,
    "timeline": timeline,
    "by_call_year": by_call_year,
}


def _ids_where(frame: pd.DataFrame, column: str, value: Any) -> set[str]:
    col = frame[column]
    if value == NONE:
        return set(frame.loc[col.isna(), "proposal_id"])
    return set(frame.loc[col.astype(object) == value, "proposal_id"])


def drill(t: PortfolioTables, summary: str, value: Any) -> pd.DataFrame:
    """The proposals behind one element of a summary.

    ``value`` is what the element shows: an organisation (``by_organisation``),
    a country, a check, a field, an outcome, a measure kind, a year (``timeline``;
    or ``(year, organisation)``), ``(proposal_id, organisation)`` for a heat-map cell, or
    ``(year of submission, call)`` (``by_call_year``).
    """
    f, p = t.findings, t.screened
    if summary == "by_organisation":
        ids = _ids_where(_listed(t), "organisation", value)
    elif summary == "by_country":
        listed = _listed(t)
        ids = {
            pid
            for pid, c in zip(listed["proposal_id"], listed["entry_country"], strict=True)
            if country_of(c) == value
        }
    elif summary == "by_check":
        ids = _ids_where(f, "check", value)
    elif summary == "by_field":
        ids = _ids_where(p, "field", value)
    elif summary == "heatmap":
        pid, name = value
        ids = {pid} & _ids_where(_listed(t), "organisation", name)
    elif summary == "outcomes":
        judged = p["outcome"].fillna("not-judged")
        ids = set(p.loc[(p["suggested_outcome"] == value) | (judged == value), "proposal_id"])
    elif summary == "mitigation":
        ids = _ids_where(t.measures, "kind", value)
    elif summary == "timeline":
        year, name = value if isinstance(value, tuple) else (value, None)
        ev = t.evidence[(t.evidence["check"] == COAUTHORSHIP) & (t.evidence["year"] == int(year))]
        if name is not None:
            ev = ev[_organisation(ev) == name]
        ids = set(ev["proposal_id"])
    elif summary == "by_call_year":
        year, call = value
        calls = p["call"].astype(object).where(p["call"].notna(), NONE)
        ids = set(p.loc[(submitted_year(p) == str(year)) & (calls == call), "proposal_id"])
    else:
        raise KeyError(f"unknown summary {summary!r}; expected one of {', '.join(SUMMARIES)}")
    rows = p[p["proposal_id"].isin(ids)]
    return rows[list(DRILL_COLUMNS)].sort_values("proposal_id").reset_index(drop=True)
