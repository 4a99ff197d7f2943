"""The analyst page's chart summaries from counts kept per row, for a quick filter change.

:data:`workbench.portfolio.analysis.SUMMARIES` are the definitions (and what the
page exports): pandas group-bys over the filtered tables, most of a redraw at 1,000
proposals, as each one names organisations, cuts years from dates and looks up
country codes again. :class:`Summaries` does that once, when the page gets its
tables — each row's organisation, country, check, field, year… as integer codes —
so a filter change only counts codes of the rows its :class:`~widgets.portfolio.
filtering.Masks` keep. Each frame has the rows, order and values of the pandas
summary of the filtered tables (the page's tests compare them, chart by chart);
tables these codes cannot stand for (a row without a proposal id or an organisation
name) are summarised with pandas.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from widgets.portfolio.filtering import FilterIndex, Masks
from workbench.portfolio import analysis
from workbench.portfolio.analysis import COAUTHORSHIP, NONE, country_of, submitted_year
from workbench.portfolio.tables import PortfolioTables


def _factorize(values: Sequence[Any] | pd.Series) -> tuple[np.ndarray, list[Any]]:
    codes, uniques = pd.factorize(pd.Series(list(values), dtype=object), use_na_sentinel=False)
    return np.asarray(codes, dtype=np.int64), list(uniques)


def _counts(codes: np.ndarray, n: int) -> np.ndarray:
    return np.bincount(codes, minlength=n).astype(np.int64)


def _distinct(codes: np.ndarray, other: np.ndarray, n: int, m: int) -> np.ndarray:
    """Per code (of ``n``): how many distinct ``other`` values (of ``m``) rows have with it."""
    pairs = np.unique(codes * m + other)
    return _counts(pairs // m, n)


def _frame(columns: dict[str, list[Any]]) -> pd.DataFrame:
    return pd.DataFrame(columns)


def _joined(items: Sequence[tuple[str, ...]]) -> str:
    return "; ".join(dict.fromkeys(x for row in items for x in row))


class Summaries:
    """The chart summaries of the rows a filter keeps (see the module text)."""

    def __init__(self, index: FilterIndex) -> None:
        self.index = index
        t, p, f, ev = index.tables, index.screened, index.tables.findings, index.tables.evidence
        ids = [p["proposal_id"], f["proposal_id"], ev["proposal_id"], t.measures["proposal_id"]]
        listed = f["entry_id"].notna().to_numpy()
        org = analysis._organisation(f)
        self.exact = not any(x.isna().any() for x in ids) and not org[listed].isna().any()
        if not self.exact:
            return
        all_ids = pd.concat([x.astype(object) for x in ids])
        codes, self.ids = _factorize(all_ids)
        n = [len(p), len(f), len(ev)]
        self.p_id, self.f_id = codes[: n[0]], codes[n[0] : n[0] + n[1]]
        self.ev_id = codes[n[0] + n[1] : n[0] + n[1] + n[2]]
        self.m_id = codes[n[0] + n[1] + n[2] :]
        # findings naming a listed organisation
        self.listed = listed
        self.org, self.orgs = _factorize(org.astype(object).where(listed, ""))
        self.country, self.countries = _factorize(
            [country_of(c) for c in f["entry_country"].astype(object)]
        )
        raw_country = f["entry_country"].astype(object)
        self.raw_country = raw_country.where(raw_country.notna(), None).tolist()
        cited = f["lists"].fillna(f["list"]) if "lists" in f.columns else f["list"]
        first = f["list"].astype(str) + ":" + f["entry_id"].astype(str)
        entries = f["entries"].fillna(first) if "entries" in f.columns else first
        self.cited = [_items(v) for v in cited.astype(object)]
        self.entries = [_items(v) for v in entries.astype(object)]
        self.check, self.checks = _factorize(f["check"].astype(object))
        # proposals
        self.field, self.fields = _factorize(
            p["field"].astype(object).where(p["field"].notna(), NONE)
        )
        self.p_findings = p["findings"].to_numpy()
        self.suggested, self.suggestions = _factorize(p["suggested_outcome"].astype(object))
        judged = p["outcome"].astype(object).where(p["outcome"].notna(), "not-judged")
        self.judged, self.judgments = _factorize(judged)
        calls = p["call"].astype(object).where(p["call"].notna(), NONE)
        self.call_year, self.call_years = _factorize(
            list(zip(calls, submitted_year(p).astype(object), strict=True))
        )
        # co-authorship links: (proposal, work, organisation) of evidence rows
        eligible = (
            (ev["check"] == COAUTHORSHIP) & ev["year"].notna() & ev["entry_id"].notna()
        ).to_numpy(dtype=bool)
        ev_org = analysis._organisation(ev).astype(object)
        self.eligible = eligible & ev_org.notna().to_numpy() & ev["work_id"].notna().to_numpy()
        # links without a work or organisation: pandas, as it drops or merges those
        self.exact = bool((self.eligible == eligible).all())
        self.link, links = _factorize(
            list(zip(ev["proposal_id"], ev["work_id"], ev_org, strict=True))
        )
        self.n_links = len(links)
        years = ev["year"].astype(object).where(eligible, 0)
        self.year_org, self.year_orgs = _factorize(
            list(zip((int(y) for y in years), ev_org.where(eligible, ""), strict=True))
        )
        self.kind, self.kinds = _factorize(t.measures["kind"].astype(object))

    def frame(self, name: str, masks: Masks, view: PortfolioTables) -> pd.DataFrame:
        """The summary ``name`` of the rows ``masks`` keep (``view``: those rows' tables,
        summarised with pandas when the codes cannot stand for them)."""
        if not self.exact:
            return analysis.SUMMARIES[name](view)
        summary: pd.DataFrame = getattr(self, f"_{name}")(masks)
        return summary

    # ---- one method per summary, named after it --------------------------------------

    def _by_organisation(self, m: Masks) -> pd.DataFrame:
        rows = np.flatnonzero(self.listed & m.findings)
        n = len(self.orgs)
        found = _counts(self.org[rows], n)
        reach = _distinct(self.org[rows], self.f_id[rows], n, len(self.ids))
        per_org: dict[int, list[int]] = {}
        for r in rows.tolist():
            per_org.setdefault(int(self.org[r]), []).append(r)
        order = sorted(per_org, key=lambda o: (-found[o], self.orgs[o]))
        return _frame(
            {
                "organisation": [self.orgs[o] for o in order],
                "lists": [_joined([self.cited[r] for r in per_org[o]]) for o in order],
                "entries": [_joined([self.entries[r] for r in per_org[o]]) for o in order],
                "entry_country": [
                    next(
                        (
                            self.raw_country[r]
                            for r in per_org[o]
                            if self.raw_country[r] is not None
                        ),
                        None,
                    )
                    for o in order
                ],
                "findings": [int(found[o]) for o in order],
                "proposals": [int(reach[o]) for o in order],
            }
        )

    def _by_country(self, m: Masks) -> pd.DataFrame:
        rows = self.listed & m.findings
        c = self.country[rows]
        n = len(self.countries)
        found = _counts(c, n)
        reach = _distinct(c, self.f_id[rows], n, len(self.ids))
        orgs = _distinct(c, self.org[rows], n, len(self.orgs))
        order = sorted(np.flatnonzero(found).tolist(), key=lambda i: (-found[i], self.countries[i]))
        return _frame(
            {
                "entry_country": [self.countries[i] for i in order],
                "findings": [int(found[i]) for i in order],
                "proposals": [int(reach[i]) for i in order],
                "organisations": [int(orgs[i]) for i in order],
            }
        )

    def _by_check(self, m: Masks) -> pd.DataFrame:
        return self._ranked(self.check[m.findings], self.f_id[m.findings], self.checks, "check")

    def _ranked(
        self, codes: np.ndarray, ids: np.ndarray, names: list[Any], column: str, y: str = "findings"
    ) -> pd.DataFrame:
        """Rows per value (missing values left out), most first, then by value."""
        n = len(names)
        found = _counts(codes, n)
        reach = _distinct(codes, ids, n, len(self.ids))
        shown = [i for i in np.flatnonzero(found).tolist() if not pd.isna(names[i])]
        order = sorted(shown, key=lambda i: (-found[i], names[i]))
        return _frame(
            {
                column: [names[i] for i in order],
                y: [int(found[i]) for i in order],
                "proposals": [int(reach[i]) for i in order],
            }
        )

    def _by_field(self, m: Masks) -> pd.DataFrame:
        keep = m.proposals
        flagged = np.zeros(len(self.ids), dtype=bool)
        flagged[self.f_id[m.findings]] = True
        codes, n = self.field[keep], len(self.fields)
        proposals = _counts(codes, n)
        with_findings = np.bincount(codes, weights=flagged[self.p_id[keep]], minlength=n)
        findings = pd.Series(self.p_findings[keep]).groupby(codes).sum()
        order = sorted(np.flatnonzero(proposals).tolist(), key=lambda i: self.fields[i])
        return _frame(
            {
                "field": [self.fields[i] for i in order],
                "proposals": [int(proposals[i]) for i in order],
                "with_findings": [int(with_findings[i]) for i in order],
                "findings": [findings[i] for i in order],
            }
        )

    def _heatmap(self, m: Masks) -> pd.DataFrame:
        rows = self.listed & m.findings
        n = len(self.orgs)
        pairs, counts = np.unique(self.f_id[rows] * n + self.org[rows], return_counts=True)
        cells = sorted(
            (
                (self.ids[p // n], self.orgs[p % n], int(c))
                for p, c in zip(pairs, counts, strict=True)
            ),
            key=lambda x: (x[0], x[1]),
        )
        return _frame(
            {
                "proposal_id": [c[0] for c in cells],
                "organisation": [c[1] for c in cells],
                "findings": [c[2] for c in cells],
            }
        )

    def _outcomes(self, m: Masks) -> pd.DataFrame:
        out: dict[str, list[Any]] = {"kind": [], "outcome": [], "proposals": []}
        for kind, codes, names in (
            ("suggested", self.suggested, self.suggestions),
            ("judged", self.judged, self.judgments),
        ):
            counts = _counts(codes[m.proposals], len(names))
            shown = [i for i in np.flatnonzero(counts).tolist() if not pd.isna(names[i])]
            for i in sorted(shown, key=lambda i: names[i]):
                out["kind"].append(kind)
                out["outcome"].append(names[i])
                out["proposals"].append(int(counts[i]))
        return _frame(out)

    def _mitigation(self, m: Masks) -> pd.DataFrame:
        return self._ranked(
            self.kind[m.measures], self.m_id[m.measures], self.kinds, "kind", y="measures"
        )

    def _timeline(self, m: Masks) -> pd.DataFrame:
        rows = np.flatnonzero(self.eligible & m.evidence)
        _, first = np.unique(self.link[rows], return_index=True)
        rows = rows[np.sort(first)]  # each link once, where it first shows
        n = len(self.year_orgs)
        codes = self.year_org[rows]
        links = _counts(codes, n)
        reach = _distinct(codes, self.ev_id[rows], n, len(self.ids))
        order = sorted(np.flatnonzero(links).tolist(), key=lambda i: self.year_orgs[i])
        return _frame(
            {
                "year": [self.year_orgs[i][0] for i in order],
                "organisation": [self.year_orgs[i][1] for i in order],
                "links": [int(links[i]) for i in order],
                "proposals": [int(reach[i]) for i in order],
            }
        )

    def _by_call_year(self, m: Masks) -> pd.DataFrame:
        keep = m.proposals
        found = _counts(self.f_id[m.findings], len(self.ids))[self.p_id[keep]]
        codes, n = self.call_year[keep], len(self.call_years)
        proposals = _counts(codes, n)
        flagged = np.bincount(codes, weights=found > 0, minlength=n)
        findings = np.bincount(codes, weights=found, minlength=n)
        order = sorted(np.flatnonzero(proposals).tolist(), key=lambda i: self.call_years[i])
        return _frame(
            {
                "call": [self.call_years[i][0] for i in order],
                "year": [self.call_years[i][1] for i in order],
                "proposals": [int(proposals[i]) for i in order],
                "with_findings": [int(flagged[i]) for i in order],
                "findings": [int(findings[i]) for i in order],
            }
        )


def _items(value: Any) -> tuple[str, ...]:
    """The items of a "; "-joined value (none when missing)."""
    return (
        ()
        if value is None or (not isinstance(value, str) and pd.isna(value))
        else tuple(str(value).split("; "))
    )
