"""Portfolio screening: every proposal of a folder (or of several calls) into tidy tables.

- :func:`screen_portfolio` screens one sub-folder per proposal, locally or on
  Dask, into :class:`PortfolioTables` (proposals, findings, evidence, scope,
  problems, measures, lists), written as Parquet with :meth:`PortfolioTables.write`.
- :func:`rescreen` tells which proposals gain or lose findings with a new list version;
  :mod:`workbench.portfolio.incremental` does so from the stored tables, screening again
  only the proposals holding strings (:mod:`workbench.portfolio.strings`) the revision changes.
- :mod:`workbench.portfolio.parquet_works` reads and writes works as Parquet partitions;
  :mod:`workbench.portfolio.authorships` reads them as columns for the portfolio screening,
  building records only for the works a proposal's screening can depend on.
- :func:`load` reads tables written by ``workbench portfolio screen --out`` into a
  :class:`Portfolio`: the tables as DataFrames and named queries (distinct findings per
  organisation, call, field and year), shown in ``notebooks/analysis_examples.ipynb``.
"""

from workbench.folders import ProposalFiles, find_proposals
from workbench.portfolio.portfolio import Portfolio, load
from workbench.portfolio.rescreen import RescreenReport, rescreen
from workbench.portfolio.screen import PortfolioRun, screen_files, screen_portfolio
from workbench.portfolio.tables import SCHEMAS, PortfolioTables

__all__ = [
    "SCHEMAS",
    "Portfolio",
    "PortfolioRun",
    "PortfolioTables",
    "ProposalFiles",
    "RescreenReport",
    "find_proposals",
    "load",
    "rescreen",
    "screen_files",
    "screen_portfolio",
]
