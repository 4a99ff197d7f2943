"""What a proposal folder contains, and how it is read: the one rule of the review page,
the analyst page and ``workbench portfolio``.

A data (portfolio) folder holds one sub-folder per proposal.

Inside a proposal's folder:

- the questionnaire: ``proposal.json``, else the one ``.xlsx`` file (the Excel
  questionnaire template);
- publications: every other ``.json``, ``.jsonl``, ``.ndjson``, ``.csv`` (also
  ``.gz``-compressed) and ``.parquet`` file, including those in sub-folders
  (partitions such as ``works/part-000.parquet``), read in name order;
- anything else is listed as ignored; hidden files (``.name``) are skipped.

:func:`load_files` reads a folder's questionnaire and every publications file,
collecting every problem of every file; :func:`load_folder` is the same for a
caller that screens one proposal and stops at the first bad folder.

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
from typing import Any

from workbench.errors import InputError, Problem, Severity
from workbench.model import LoadReport, Proposal, Work
from workbench.unreadable import FAILURES, unreadable

PROPOSAL_JSON = "proposal.json"
QUESTIONNAIRE_SUFFIX = ".xlsx"
#: The file beside fetched works saying where they came from (listed as ignored).
PROVENANCE_SUFFIX = ".provenance.json"
WORKS_SUFFIXES = (".json", ".jsonl", ".ndjson", ".csv", ".parquet")


def _works_suffix(path: Path) -> str | None:
    name = path.name.lower()
    if name.endswith(PROVENANCE_SUFFIX):  # where fetched works came from, not works
        return None
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


def report_problems(report: LoadReport) -> list[Problem]:
    """The warnings of a file's load report, as problems."""
    return [
        Problem(report.source, "file", "(load report)", w, None, Severity.WARNING)
        for w in report.warnings
    ]


def _load_works(path: Path) -> Any:
    from workbench.publications import load_works

    if path.name.lower().endswith(".parquet"):  # pandas and pyarrow only for Parquet
        from workbench.portfolio.parquet_works import load_parquet_works

        return load_parquet_works(path)
    return load_works(path)


def repeated_works(folder: Path, repeated: int) -> Problem:
    """The warning for works found in more than one publications file of a folder."""
    return Problem(
        str(folder),
        "publications",
        "id",
        f"{repeated} works found in more than one file were kept once",
        None,
        Severity.WARNING,
    )


def load_files(
    files: ProposalFiles, *, works: bool = True
) -> tuple[Any, tuple[Work, ...], list[Problem]]:
    """The proposal, its works (each id once, first file wins) and every problem found.

    The proposal is ``None`` when anything failed; the problems then hold every
    error of every file, not just the first. ``works=False``: the questionnaire
    only (for a caller that reads the publications files itself).
    """
    from workbench.proposal import load_proposal_with_report

    problems: list[Problem] = list(files.problems)
    problems += [
        Problem(
            str(p),
            "file",
            "(file)",
            "not a questionnaire or publications file; ignored",
            "proposal.json, .xlsx, .json, .jsonl, .ndjson, .csv or .parquet",
            Severity.WARNING,
        )
        for p in files.ignored
    ]
    proposal = None
    if files.proposal_file is not None:
        try:
            loaded = load_proposal_with_report(files.proposal_file)
            proposal = loaded.value
            problems += report_problems(loaded.report)
        except InputError as exc:
            problems += exc.problems
        except FAILURES as exc:  # below the loader: too deep, a number too long, unreadable
            problems.append(unreadable(files.proposal_file, exc))
    if not works:
        return proposal, (), problems
    found_works: dict[str, Work] = {}
    repeated = 0
    for path in files.works_files:
        try:
            found = _load_works(path)
        except InputError as exc:
            problems += exc.problems
            continue
        except FAILURES as exc:
            problems.append(unreadable(path, exc))
            continue
        problems += report_problems(found.report)
        for w in found.value:
            if w.id in found_works:
                repeated += 1
            else:
                found_works[w.id] = w
    if repeated:
        problems.append(repeated_works(files.folder, repeated))
    if not files.works_files:
        problems.append(
            Problem(
                str(files.folder),
                "publications",
                "(file)",
                "no publications file: the co-authorship checks had no works to read",
                "works.json, publications.csv, works/*.parquet …",
                Severity.WARNING,
            )
        )
    if any(p.severity is Severity.ERROR for p in problems):
        proposal = None
    return proposal, tuple(found_works.values()), problems


def load_folder(files: ProposalFiles) -> tuple[Proposal, tuple[Work, ...]]:
    """The proposal and works of a folder; raises :class:`InputError` with every error."""
    proposal, works, problems = load_files(files)
    if proposal is None:
        raise InputError([p for p in problems if p.severity is Severity.ERROR])
    return proposal, works
