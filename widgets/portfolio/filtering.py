"""The analyst page's filters, indexed once per set of tables.

:func:`workbench.portfolio.analysis.apply_filters` compares texts column by column
on every call (years cut from dates, finding keys joined to match evidence): a
third of a redraw at 1,000 proposals. :class:`FilterIndex` does that work once,
when the page gets its tables: each filter's column becomes integer codes, each
row of every table knows its proposal (and each evidence row its finding) by
number, so a filter change is a few array look-ups. :meth:`FilterIndex.view`
gives the very tables ``apply_filters`` gives (the page's tests compare them).

Examples
--------
>>> from workbench.portfolio.tables import assemble
>>> index = FilterIndex(assemble([], []))
>>> len(index.view({"call": ["ASPIRE 2025"]}).proposals)
0
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from workbench.portfolio.analysis import FILTERS, NONE, cited_lists, submitted_year
from workbench.portfolio.tables import PortfolioTables

#: the filters that choose proposals (the others choose findings)
PROPOSAL_FILTERS = tuple(n for n, (table, _c) in FILTERS.items() if table == "proposals")


def _codes(values: pd.Series) -> tuple[np.ndarray, dict[str, int]]:
    """Each value's number (a missing one is :data:`NONE`), and the number of each value."""
    text = values.astype(object).where(values.notna(), NONE)
    codes, uniques = pd.factorize(text, use_na_sentinel=False)
    return np.asarray(codes), {str(v): i for i, v in enumerate(uniques)}


def _chosen(codes: np.ndarray, numbers: dict[str, int], allowed: Sequence[str]) -> np.ndarray:
    wanted = [numbers[v] for v in dict.fromkeys(str(a) for a in allowed) if v in numbers]
    return np.isin(codes, np.asarray(wanted, dtype=codes.dtype))


@dataclass(frozen=True)
class Masks:
    """The rows filters keep: of the screened proposals, and of the findings, evidence,
    scope and measures tables (boolean arrays, one value a row)."""

    proposals: np.ndarray
    findings: np.ndarray
    evidence: np.ndarray
    scope: np.ndarray
    measures: np.ndarray

    def key(self) -> bytes:
        """The same for the same rows kept (of the same tables)."""
        return b"|".join(
            np.packbits(m).tobytes()
            for m in (self.proposals, self.findings, self.evidence, self.scope, self.measures)
        )


class FilterIndex:
    """What the filters need of ``tables``, computed once; :meth:`view` applies filters."""

    def __init__(self, tables: PortfolioTables) -> None:
        self.tables = tables
        self.screened = tables.screened
        p, f, ev = self.screened, tables.findings, tables.evidence
        # every proposal id in any table, by number (a missing id is a value too, as isin has it)
        frames = {"screened": p, "findings": f, "scope": tables.scope, "measures": tables.measures}
        ids = pd.concat([x["proposal_id"].astype(object) for x in frames.values()])
        id_codes, id_uniques = pd.factorize(ids, use_na_sentinel=False)
        self._ids = len(id_uniques)
        self._id_of: dict[str, np.ndarray] = {}
        at = 0
        for name, frame in frames.items():
            self._id_of[name] = np.asarray(id_codes[at : at + len(frame)])
            at += len(frame)
        self._proposal_codes = {
            name: _codes(submitted_year(p) if column == "submitted_year" else p[column])
            for name in PROPOSAL_FILTERS
            for column in (FILTERS[name][1],)
        }
        self._check_codes = _codes(f[FILTERS["check"][1]])
        self._cited = [frozenset(c or (NONE,)) for c in cited_lists(f)]
        # each evidence row's finding, by (proposal, key) number (-1: no finding has it)
        keys = pd.concat(
            [
                pd.Series(list(zip(f["proposal_id"], f["key"], strict=True)), dtype=object),
                pd.Series(list(zip(ev["proposal_id"], ev["key"], strict=True)), dtype=object),
            ]
        )
        key_codes = np.asarray(pd.factorize(keys.map(_text_key), use_na_sentinel=False)[0])
        self._finding_key = key_codes[: len(f)]
        self._evidence_key = key_codes[len(f) :]
        self._keys = int(key_codes.max()) + 1 if len(key_codes) else 0

    def masks(self, filters: Mapping[str, Sequence[str]]) -> Masks:
        """Which rows of each table ``filters`` keep (see :class:`Masks`)."""
        keep_p = np.ones(len(self.screened), dtype=bool)
        for name in PROPOSAL_FILTERS:
            if allowed := filters.get(name, ()):
                keep_p &= _chosen(*self._proposal_codes[name], allowed)
        keep_f = self._kept_ids(self._id_of["screened"][keep_p])[self._id_of["findings"]]
        if allowed := filters.get("check", ()):
            keep_f &= _chosen(*self._check_codes, allowed)
        if wanted := set(filters.get("list", ())):  # a finding any chosen list cites
            keep_f &= np.fromiter((bool(c & wanted) for c in self._cited), bool, len(self._cited))
        if filters.get("list") or filters.get("check"):
            keep_p &= self._kept_ids(self._id_of["findings"][keep_f])[self._id_of["screened"]]
        kept_keys = np.zeros(self._keys, dtype=bool)
        kept_keys[self._finding_key[keep_f]] = True
        kept = self._kept_ids(self._id_of["screened"][keep_p])
        return Masks(
            proposals=keep_p,
            findings=keep_f,
            evidence=kept_keys[self._evidence_key],
            scope=kept[self._id_of["scope"]],
            measures=kept[self._id_of["measures"]],
        )

    def view(
        self, filters: Mapping[str, Sequence[str]], masks: Masks | None = None
    ) -> PortfolioTables:
        """The tables restricted to ``filters`` (whose ``masks`` may be given), as
        :func:`~workbench.portfolio.analysis.apply_filters` gives them."""
        t = self.tables
        m = masks or self.masks(filters)
        ev = t.evidence[m.evidence] if len(t.evidence) else t.evidence
        return dataclasses.replace(
            t,
            proposals=self.screened[m.proposals].reset_index(drop=True),
            findings=t.findings[m.findings].reset_index(drop=True),
            evidence=ev.reset_index(drop=True),
            scope=t.scope[m.scope].reset_index(drop=True),
            measures=t.measures[m.measures].reset_index(drop=True),
        )

    def _kept_ids(self, codes: np.ndarray) -> np.ndarray:
        """Per proposal id number: whether it is among ``codes``."""
        out = np.zeros(self._ids, dtype=bool)
        out[codes] = True
        return out


def _text_key(pair: tuple[object, object]) -> str:
    """A (proposal, key) pair as ``apply_filters`` compares it (both as text)."""
    return f"{pair[0]}\x00{pair[1]}"
