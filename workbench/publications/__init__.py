"""Publications of the team: OpenAlex works in any of their shapes, or a flat CSV.

See :mod:`workbench.publications.loader` for the formats recognised,
:mod:`workbench.publications.openalex` for the two OpenAlex schemas and
:mod:`workbench.publications.flat_csv` for the CSV layout.
"""

from workbench.publications.dates import parse_pub_date
from workbench.publications.loader import load_works, load_works_many

__all__ = ["load_works", "load_works_many", "parse_pub_date"]
