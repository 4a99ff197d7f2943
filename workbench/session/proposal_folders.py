"""The proposals of the data folder, as found on disk: one sub-folder per proposal.

A folder holds a proposal file (:data:`PROPOSAL_FILES`, the first found is
read) and any publication files (:data:`WORKS_FILES`); a folder without a
proposal file, or whose name starts with a dot, is not a proposal.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from workbench.errors import InputError, Problem
from workbench.session.screening_cache import file_digest

if TYPE_CHECKING:
    from workbench.model import Proposal

PROPOSAL_FILES = ("proposal.json", "questionnaire.xlsx", "proposal.xlsx")
WORKS_FILES = ("works.json", "works.jsonl", "publications.csv")


@dataclass(frozen=True, slots=True)
class ProposalFolder:
    """One proposal of the data folder, as found on disk."""

    id: str
    folder: Path
    proposal_file: Path | None
    works_files: tuple[Path, ...]
    title: str = ""
    error: str = ""


def find_folders(root: Path) -> list[ProposalFolder]:
    """Every proposal sub-folder of ``root``, sorted by id."""
    if not root.is_dir():
        raise InputError(
            [
                Problem(
                    str(root),
                    "data folder",
                    "WORKBENCH_DATA_DIR",
                    "folder not found",
                    "a folder with one sub-folder per proposal",
                )
            ]
        )
    found = []
    for sub in sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith(".")):
        proposal_file = next((sub / n for n in PROPOSAL_FILES if (sub / n).is_file()), None)
        works = tuple(sub / n for n in WORKS_FILES if (sub / n).is_file())
        if proposal_file is None:
            continue
        found.append(ProposalFolder(sub.name, sub, proposal_file, works))
    return found


def read_proposal(f: ProposalFolder) -> Proposal:
    """The proposal of a folder (raises :class:`~workbench.errors.InputError` on bad input)."""
    from workbench.proposal import load_proposal

    assert f.proposal_file is not None
    return load_proposal(f.proposal_file)


def folder_digests(f: ProposalFolder) -> dict[str, str]:
    """SHA-256 of each file of a proposal folder, by file name."""
    files = [f.proposal_file, *f.works_files] if f.proposal_file else list(f.works_files)
    return {p.name: file_digest(p) for p in files}
