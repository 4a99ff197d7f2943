"""Fetch a proposal's publications from OpenAlex into its folder, for the review page.

:func:`fetch_into_folder` identifies every in-scope person, fetches their
works (reporting progress per person) and writes them into the proposal's
folder as ``openalex-works.json``, with the provenance beside it in the hidden
``.openalex-works.provenance.json`` (hidden, so the folder reader does not take
it for publications). Both files are written atomically, the works first; a
failed fetch raises :class:`FetchFailed` and leaves the folder as it was.

:func:`read_provenance` reads back where the publications came from and when,
for the overview. :func:`failure_kind` names what went wrong in words the page
translates (``network``, ``exhausted``, ``malformed``, ``http``).
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from workbench.model import Proposal
from workbench.openalex.http import FetchError, OpenAlexClient
from workbench.openalex.works import FetchResult, Progress, fetch_proposal_works, write_fetch
from workbench.settings import Settings

WORKS_FILE = "openalex-works.json"
PROVENANCE_FILE = ".openalex-works.provenance.json"


class FetchFailed(RuntimeError):
    """A fetch that wrote nothing: :attr:`kind` for the page's words, the message for the log."""

    def __init__(self, kind: str, detail: str) -> None:
        super().__init__(detail)
        self.kind = kind
        self.detail = detail


def failure_kind(exc: FetchError) -> str:
    """``network`` (no connection), ``exhausted`` (retries used up, 429 or 5xx),
    ``malformed`` (not JSON, or not the shape OpenAlex answers) or ``http``."""
    text = str(exc)
    if "could not connect" in text:
        return "network"
    if "gave up after" in text:
        return "exhausted"
    if "not JSON" in text or "no list of" in text:
        return "malformed"
    return "http"


@dataclass(frozen=True, slots=True)
class Provenance:
    """Where a folder's fetched publications came from and when."""

    api: str
    fetched_at: str  # ISO 8601, UTC
    works: int
    persons: int
    #: (person id, name) of each person whose publications were not fetched (unidentified)
    unidentified: tuple[tuple[str, str], ...]


def client_for(settings: Settings, *, refresh: bool = False) -> OpenAlexClient:
    """An OpenAlex client from the settings (URL, API key, e-mail, cache)."""
    return OpenAlexClient(
        settings.openalex_url,
        api_key=settings.openalex_api_key,
        email=settings.openalex_email,
        cache_dir=settings.openalex_cache_dir,
        refresh=refresh,
    )


def fetch_into_folder(
    settings: Settings,
    folder: Path,
    proposal: Proposal,
    reference: date,
    *,
    chosen: Mapping[str, Sequence[str]] | None = None,
    progress: Progress | None = None,
    client: OpenAlexClient | None = None,
) -> FetchResult:
    """Fetch and write the works of ``proposal`` into ``folder``; raises :class:`FetchFailed`."""
    own = client is None
    client = client or client_for(settings)
    try:
        result = fetch_proposal_works(
            client, proposal, reference, settings.lookback_years, chosen, progress
        )
    except FetchError as exc:
        raise FetchFailed(failure_kind(exc), str(exc)) from exc
    finally:
        if own:
            client.close()
    write_fetch(result, folder / WORKS_FILE, folder / PROVENANCE_FILE)
    return result


def read_provenance(folder: Path) -> Provenance | None:
    """Where the folder's fetched publications came from; None if never fetched or unreadable."""
    try:
        raw: Any = json.loads((folder / PROVENANCE_FILE).read_text(encoding="utf-8"))
        return Provenance(
            api=str(raw["api"]),
            fetched_at=str(raw["fetched_at"]),
            works=int(raw["works"]),
            persons=len(raw["persons"]),
            unidentified=tuple(
                (str(p["person_id"]), str(p["name"]))
                for p in raw["persons"]
                if not p.get("author_ids")
            ),
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None
