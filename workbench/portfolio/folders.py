"""A portfolio folder on disk: one sub-folder per proposal, and the files found in each.

Inside a proposal's folder:

- the questionnaire: ``proposal.json``, else the one ``.xlsx`` file (the Excel
  questionnaire template);
- publications: every other ``.json``, ``.jsonl``, ``.ndjson``, ``.csv`` (also
  ``.gz``-compressed) and ``.parquet`` file, including those in sub-folders
  (partitions such as ``works/part-000.parquet``), read in name order;
- anything else is listed as ignored; hidden files (``.name``) are skipped.

Examples
--------
>>> import tempfile
>>> from pathlib import Path
>>> root = Path(tempfile.mkdtemp())
>>> (root / "P-1" / "works").mkdir(parents=True)
>>> for name in ("proposal.json", "publications.csv", "works/part-1.parquet", "notes.txt"):
...     _ = (root / "P-1" / name).write_text("")
>>> [f.id for f in find_proposals(root)]
['P-1']
>>> f = find_proposals(root)[0]
>>> f.proposal_file.name, [p.name for p in f.works_files], [p.name for p in f.ignored]
('proposal.json', ['publications.csv', 'part-1.parquet'], ['notes.txt'])
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from workbench.errors import InputError, Problem

PROPOSAL_JSON = "proposal.json"
QUESTIONNAIRE_SUFFIX = ".xlsx"
WORKS_SUFFIXES = (".json", ".jsonl", ".ndjson", ".csv", ".parquet")


def _works_suffix(path: Path) -> str | None:
    name = path.name.lower()
    if name.endswith(".gz"):
        name = name[:-3]
    return next((s for s in WORKS_SUFFIXES if name.endswith(s)), None)


@dataclass(frozen=True, slots=True)
class ProposalFiles:
    """The files of one proposal folder (paths absolute), and what is wrong with the set."""

    id: str  # the folder's name; the proposal's own id comes from its questionnaire
    folder: Path
    proposal_file: Path | None
    works_files: tuple[Path, ...]
    ignored: tuple[Path, ...] = ()
    problems: tuple[Problem, ...] = ()


def _visible_files(folder: Path) -> list[Path]:
    out = []
    for p in sorted(folder.rglob("*")):
        rel = p.relative_to(folder)
        if any(part.startswith(".") for part in rel.parts) or not p.is_file():
            continue
        out.append(p)
    return out


def proposal_files(folder: Path) -> ProposalFiles:
    """Classify the files of one proposal folder."""
    files = _visible_files(folder)
    top = [p for p in files if p.parent == folder]
    problems: list[Problem] = []
    proposal: Path | None = folder / PROPOSAL_JSON if (folder / PROPOSAL_JSON).is_file() else None
    if proposal is None:
        sheets = [p for p in top if p.suffix.lower() == QUESTIONNAIRE_SUFFIX]
        if len(sheets) == 1:
            proposal = sheets[0]
        else:
            message = (
                "no questionnaire"
                if not sheets
                else "several questionnaires: " + ", ".join(p.name for p in sheets)
            )
            problems.append(
                Problem(
                    str(folder),
                    "proposal folder",
                    "questionnaire",
                    message,
                    f"{PROPOSAL_JSON} or one Excel questionnaire (.xlsx)",
                )
            )
    works = tuple(p for p in files if p != proposal and _works_suffix(p) is not None)
    ignored = tuple(p for p in files if p != proposal and p not in works)
    return ProposalFiles(folder.name, folder, proposal, works, ignored, tuple(problems))


def find_proposals(root: str | Path) -> list[ProposalFiles]:
    """Every proposal sub-folder of ``root`` (hidden ones skipped), sorted by folder name.

    Raises
    ------
    InputError
        When ``root`` is not a folder.
    """
    root = Path(root)
    if not root.is_dir():
        raise InputError(
            [
                Problem(
                    str(root),
                    "portfolio folder",
                    "DIR",
                    "folder not found",
                    "a folder with one sub-folder per proposal",
                )
            ]
        )
    return [
        proposal_files(sub.resolve())
        for sub in sorted(root.iterdir())
        if sub.is_dir() and not sub.name.startswith(".")
    ]
