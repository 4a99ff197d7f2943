"""Questionnaires and publications handed in on the page: checked whole, then written whole.

:func:`hand_in` takes the files a reviewer uploads — one questionnaire (the Excel
template of ``workbench template`` in Japanese or English, or a proposal JSON) and
any publications files — and reads them with the loaders the folder rule
(:mod:`workbench.folders`) uses, in a private folder, before anything reaches the
proposals folder. With any error nothing is written and every problem is returned,
each naming the uploaded file, the place and the field. A valid hand-in becomes the
proposal's folder (named after its id), where the page's picker finds it at once.

A questionnaire handed in for a proposal already in the folder is a revision
(FAQ Q7.1, Q8.1): the questionnaire it replaces is kept first, as a numbered
version under ``.versions/`` (hidden, so neither page nor ``workbench portfolio``
counts it as a proposal), and :func:`versions` lists them.

Examples
--------
>>> import json, tempfile
>>> from pathlib import Path
>>> root = Path(tempfile.mkdtemp())
>>> bad = hand_in(root, [Upload("p.json", b'{"proposal_id": "X"}')])
>>> bad.ok, bad.written, bad.problems[0].file
(False, None, 'p.json')
>>> list(root.iterdir())
[]
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

from workbench.atomic import atomic_folder, write_bytes
from workbench.errors import Problem, Severity
from workbench.folders import (
    PROPOSAL_JSON,
    WORKS_SUFFIXES,
    find_proposals,
    load_files,
    proposal_files,
)
from workbench.model import Proposal
from workbench.output_text import safe_stem

#: The largest file taken from the page, and the most files in one hand-in.
MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_FILES = 40
QUESTIONNAIRE_XLSX = "questionnaire.xlsx"
VERSIONS = ".versions"
_QUESTIONNAIRES = (PROPOSAL_JSON, QUESTIONNAIRE_XLSX)


@dataclass(frozen=True, slots=True)
class Upload:
    """One uploaded file: the name the reviewer's computer gave it, and its bytes."""

    name: str
    content: bytes


@dataclass(frozen=True, slots=True)
class Version:
    """A questionnaire replaced by a revision, kept as handed in."""

    number: int
    file: Path
    kept_at: str  # when it was replaced (UTC, ISO 8601)
    name: str  # the name it was uploaded under, when known


@dataclass(frozen=True, slots=True)
class Intake:
    """What a hand-in did: the folder written (None when nothing was), every problem
    (errors stop the hand-in; warnings do not), and the version kept by a revision."""

    written: Path | None
    problems: tuple[Problem, ...]
    proposal: Proposal | None = None
    previous: Proposal | None = None  # the questionnaire a revision replaced
    kept: Version | None = None

    @property
    def ok(self) -> bool:
        return self.written is not None

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity is Severity.ERROR)


def _problem(name: str, message: str, expected: str) -> Problem:
    return Problem(name, "upload", "(file)", message, expected)


def _is_proposal_json(content: bytes) -> bool:
    """A JSON object with the proposal's own keys (works files are lists or OpenAlex pages)."""
    try:
        data = json.loads(content)
    except (ValueError, RecursionError):
        return False
    return isinstance(data, dict) and "proposal_id" in data and "results" not in data


def _place(uploads: Sequence[Upload]) -> tuple[dict[str, Upload], list[Problem]]:
    """The folder-rule name each upload gets, and what is wrong with the set."""
    problems: list[Problem] = []
    if not uploads:
        problems.append(_problem("(upload)", "no file", "a questionnaire (.xlsx or .json)"))
    if len(uploads) > MAX_FILES:
        problems.append(_problem("(upload)", f"{len(uploads)} files", f"at most {MAX_FILES}"))
    placed: dict[str, Upload] = {}
    questionnaires: list[str] = []
    for up in uploads[:MAX_FILES]:
        if len(up.content) > MAX_FILE_BYTES:
            problems.append(
                _problem(up.name, f"{len(up.content):,} bytes", f"at most {MAX_FILE_BYTES:,}")
            )
            continue
        lower = up.name.lower()
        if lower.endswith(".xlsx"):
            questionnaires.append(up.name)
            placed[QUESTIONNAIRE_XLSX] = up
        elif lower.endswith(".json") and _is_proposal_json(up.content):
            questionnaires.append(up.name)
            placed[PROPOSAL_JSON] = up
        elif any(lower.removesuffix(".gz").endswith(s) for s in WORKS_SUFFIXES):
            stem, dot, suffix = Path(up.name).name.partition(".")
            name = f"{safe_stem(stem, 'works')}{dot}{safe_stem(suffix, 'json')}"
            placed[name if name not in _QUESTIONNAIRES else f"works-{name}"] = up
        else:
            problems.append(
                _problem(up.name, "not a questionnaire or publications file", _EXPECTED)
            )
    if uploads and len(questionnaires) != 1:
        found = ", ".join(questionnaires) or "none"
        problems.append(
            _problem("(upload)", f"questionnaires: {found}", "exactly one questionnaire")
        )
    return placed, problems


_EXPECTED = ".xlsx or proposal .json; publications .json, .jsonl, .csv, .parquet (.gz)"


def _named(problems: Sequence[Problem], folder: Path, names: dict[str, str]) -> list[Problem]:
    """The problems with the private folder's paths replaced by the uploaded names."""
    out = []
    for p in problems:
        where = p.file
        for placed, uploaded in names.items():
            where = where.replace(str(folder / placed), uploaded)
        out.append(replace(p, file=where.replace(str(folder), "(upload)")))
    return out


def versions(folder: Path) -> list[Version]:
    """The questionnaires a proposal folder's revisions replaced, oldest first."""
    out = []
    for sub in sorted((folder / VERSIONS).glob("v*"), key=lambda p: _number(p.name)):
        meta = _read_meta(sub)
        files = [p for p in sub.iterdir() if p.name in _QUESTIONNAIRES]
        if files and _number(sub.name):
            out.append(
                Version(_number(sub.name), files[0], meta.get("kept_at", ""), meta.get("name", ""))
            )
    return out


def _number(name: str) -> int:
    return int(name[1:]) if name[1:].isdigit() else 0


def _read_meta(sub: Path) -> dict[str, str]:
    try:
        data = json.loads((sub / "version.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {k: str(v) for k, v in data.items()} if isinstance(data, dict) else {}


def _keep(folder: Path, now: datetime) -> Version | None:
    """Keep the folder's current questionnaire as the next numbered version."""
    current = proposal_files(folder).proposal_file
    if current is None:
        return None
    number = max((v.number for v in versions(folder)), default=0) + 1
    with atomic_folder(folder / VERSIONS / f"v{number}") as tmp:
        name = PROPOSAL_JSON if current.suffix.lower() == ".json" else QUESTIONNAIRE_XLSX
        shutil.copy2(current, tmp / name)
        meta = {"kept_at": now.isoformat(timespec="seconds"), "name": current.name}
        (tmp / "version.json").write_text(json.dumps(meta), encoding="utf-8")
    return versions(folder)[-1]


def hand_in(
    data_dir: str | Path,
    uploads: Sequence[Upload],
    *,
    now: datetime | None = None,
    folders: Mapping[str, str] | None = None,
) -> Intake:
    """Check ``uploads`` with the loaders, then write them as their proposal's folder.

    Nothing is written when any file has an error; the problems name the uploaded
    files. A proposal already in ``data_dir`` (found by its id: ``folders`` maps
    proposal ids to folder names when the caller knows them, else the folder's
    questionnaires are read) keeps its previous questionnaire as a version before the
    new one replaces it.
    """
    root = Path(data_dir)
    placed, problems = _place(uploads)
    if not placed:
        return Intake(None, tuple(problems))
    root.mkdir(parents=True, exist_ok=True)
    names = {name: up.name for name, up in placed.items()}
    with _private(root) as tmp:
        for name, up in placed.items():
            write_bytes(tmp / name, up.content)
        proposal, _works, found = load_files(proposal_files(tmp))
        problems += _named(found, tmp, names)
    if proposal is None or any(p.severity is Severity.ERROR for p in problems):
        return Intake(None, tuple(problems))
    known = folders if folders is not None else _folders(root)
    target = root / known.get(proposal.proposal_id, safe_stem(proposal.proposal_id))
    previous = _previous(target)
    kept = _keep(target, now or datetime.now(UTC)) if target.is_dir() else None
    with atomic_folder(target) as out:
        for name, up in placed.items():
            (out / name).write_bytes(up.content)
    for other in _QUESTIONNAIRES:  # a questionnaire of the other kind would take precedence
        if other not in placed and (target / other).is_file() and _new_questionnaire(placed):
            (target / other).unlink()
    written = proposal_files(target).proposal_file
    proposal = replace(proposal, source=str(written)) if written else proposal
    return Intake(target, tuple(problems), proposal, previous, kept)


def _folders(root: Path) -> dict[str, str]:
    """Proposal id → folder name, for the readable questionnaires of ``root``."""
    from workbench.proposal import load_proposal_with_report

    out: dict[str, str] = {}
    for files in find_proposals(root):
        if files.proposal_file is None:
            continue
        try:
            out.setdefault(
                load_proposal_with_report(files.proposal_file).value.proposal_id, files.id
            )
        except Exception:  # a folder that does not load is not the one handed in
            continue
    return out


def _new_questionnaire(placed: dict[str, Upload]) -> bool:
    return any(name in placed for name in _QUESTIONNAIRES)


def _previous(target: Path) -> Proposal | None:
    if not target.is_dir():
        return None
    proposal, _works, _problems = load_files(proposal_files(target))
    return proposal if isinstance(proposal, Proposal) else None


class _private:
    """A private folder beside the proposals (same disk), removed afterwards."""

    def __init__(self, root: Path) -> None:
        self._root = root

    def __enter__(self) -> Path:
        import tempfile

        self._path = Path(tempfile.mkdtemp(prefix=".upload-", dir=self._root))
        return self._path

    def __exit__(self, *exc: object) -> None:
        shutil.rmtree(self._path, ignore_errors=True)
