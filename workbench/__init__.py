"""Research-security reviewer workbench: the domain package.

Loaders, screening, co-authorship graph and the judgments store. Nothing in
this package imports UI code; ``widgets`` builds on it.
"""

__version__ = "0.1.0"
