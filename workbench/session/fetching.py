"""Publications fetched from OpenAlex into a proposal's folder, for the review page.

The works go to ``works.json`` in the proposal's folder (the layout
:mod:`workbench.folders` reads) with ``works.provenance.json`` beside it, both
written atomically, the works first: a failed fetch writes nothing. The
reviewer's choice of an author for a person the fetch could not identify is an
event of the proposal's log (who and when), used by every later fetch.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from workbench.findings import PERSON
from workbench.folders import proposal_files
from workbench.model import Proposal
from workbench.openalex.identity import Candidate
from workbench.scope import decide_scope
from workbench.vocabulary import EventKind

if TYPE_CHECKING:
    from workbench.openalex import FetchResult, OpenAlexClient
    from workbench.openalex.works import Progress
    from workbench.reviewer import Reviewer
    from workbench.settings import Settings
    from workbench.store.store import Store

#: The works file a fetch writes into the proposal's folder.
WORKS_FILE = "works.json"
PROVENANCE_FILE = "works.provenance.json"


@dataclass(frozen=True, slots=True)
class Unidentified:
    """A person the fetch could not identify, with the authors a name search found."""

    person_id: str
    name: str
    note: str
    candidates: tuple[Candidate, ...]


@dataclass(frozen=True, slots=True)
class Provenance:
    """Where a proposal's fetched publications came from, and when (the provenance file)."""

    api: str
    fetched_at: datetime
    works: int
    persons: int
    unidentified: tuple[Unidentified, ...]


def in_scope_persons(proposal: Proposal) -> list[tuple[str, str]]:
    """(id, name) of every person whose publications a fetch asks for, in questionnaire order."""
    scope = decide_scope(proposal)
    return [(p.id, p.name) for p in proposal.people if scope.includes(PERSON, p.id)]


def has_works(folder: Path) -> bool:
    """Whether the proposal's folder holds any publications file."""
    return bool(proposal_files(folder).works_files)


def _unidentified(raw: dict[str, Any]) -> Unidentified:
    return Unidentified(
        str(raw.get("person_id", "")),
        str(raw.get("name", "")),
        str(raw.get("note", "")),
        tuple(
            Candidate(
                str(c.get("id", "")),
                str(c.get("display_name", "")),
                int(c.get("works_count") or 0),
                tuple(str(i) for i in c.get("last_known_institutions") or ()),
            )
            for c in raw.get("candidates") or ()
        ),
    )


def read_provenance(folder: Path) -> Provenance | None:
    """The provenance of the folder's fetched works; None when none was fetched or unreadable."""
    try:
        raw = json.loads((folder / PROVENANCE_FILE).read_text(encoding="utf-8"))
        persons = [p for p in raw["persons"] if isinstance(p, dict)]
        return Provenance(
            api=str(raw["api"]),
            fetched_at=datetime.fromisoformat(str(raw["fetched_at"])),
            works=int(raw["works"]),
            persons=len(persons),
            unidentified=tuple(_unidentified(p) for p in persons if not p.get("author_ids")),
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None


def chosen_authors(store: Store, proposal_id: str) -> dict[str, list[str]]:
    """The author ids the reviewers chose per person of ``proposal_id``, oldest first."""
    chosen: dict[str, list[str]] = {}
    for event in store.history(proposal_id):
        if event.kind is EventKind.AUTHOR_CHOICE:
            ids = chosen.setdefault(str(event.payload["person_id"]), [])
            if event.payload["author_id"] not in ids:
                ids.append(str(event.payload["author_id"]))
    return chosen


def choose_author(
    store: Store,
    proposal_id: str,
    person_id: str,
    candidate: Candidate,
    reviewer: str | Reviewer,
) -> None:
    """Record that ``person_id`` is the OpenAlex author ``candidate`` (who and when)."""
    from workbench.store.commands import ChooseAuthor

    store.append(
        proposal_id,
        ChooseAuthor(person_id, candidate.id, candidate.display_name),
        reviewer=reviewer,
        expected_seq=store.state(proposal_id).seq,
    )


def client_for(settings: Settings) -> OpenAlexClient:
    """A client on the configured API (``WORKBENCH_OPENALEX_URL``, key, e-mail, cache)."""
    from workbench.openalex import OpenAlexClient

    return OpenAlexClient(
        settings.openalex_url,
        api_key=settings.openalex_api_key,
        email=settings.openalex_email,
        cache_dir=settings.openalex_cache_dir,
    )


def fetch_into_folder(
    client: OpenAlexClient,
    folder: Path,
    proposal: Proposal,
    reference: date,
    years: int,
    chosen: Mapping[str, Sequence[str]] | None = None,
    progress: Progress | None = None,
) -> FetchResult:
    """Fetch the in-scope persons' works and write them with their provenance into ``folder``.

    Raises :class:`~workbench.openalex.FetchError` (nothing written) when the API fails.
    """
    from workbench.openalex import fetch_proposal_works, write_fetch

    result = fetch_proposal_works(client, proposal, reference, years, chosen, progress)
    write_fetch(result, folder / WORKS_FILE)
    return result
