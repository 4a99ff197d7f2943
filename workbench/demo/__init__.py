"""Demo data: fictitious ASPIRE proposals whose co-authors sit at real institutions.

``workbench demo generate --out data/demo`` writes them (see :mod:`workbench.demo.generate`);
the stories each proposal tells are in :mod:`workbench.demo.stories` and ``data/demo/README.md``.
"""
