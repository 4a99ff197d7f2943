"""Publications fetched from OpenAlex for the persons in scope of a proposal.

:mod:`~workbench.openalex.http` is the polite HTTP client (rate limit, retries,
on-disk cache, a tally of calls); :mod:`~workbench.openalex.identity` finds each
person's OpenAlex author ids, safest way first, and never on a name alone;
:mod:`~workbench.openalex.works` fetches their works and writes ``works.json``
with ``works.provenance.json`` beside it.
"""

from workbench.openalex.http import CallSummary, FetchError, OpenAlexClient
from workbench.openalex.identity import Candidate, Identity, identify_person
from workbench.openalex.works import FetchResult, fetch_proposal_works, write_fetch

__all__ = [
    "CallSummary",
    "Candidate",
    "FetchError",
    "FetchResult",
    "Identity",
    "OpenAlexClient",
    "fetch_proposal_works",
    "identify_person",
    "write_fetch",
]
