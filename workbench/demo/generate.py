"""Write the demo data: the proposals and their publications, the hostile proposal, the marker.

Layout under ``out`` (``data/demo`` by default)::

    proposals/<proposal_id>/proposal.json
    proposals/<proposal_id>/works.json          (most proposals)
    proposals/<proposal_id>/publications.csv    (D-010 instead, D-011 as well)
    proposals/index.json                        (stories and expected findings)
    proposals/.complete                         (marker: every file and its SHA-256)
    hostile/ASPIRE-2025-H-001/...               (markup in every text field; not a demo proposal)

Everything is built in memory, written to temporary folders beside the
targets, and only then renamed into place, so a reader never sees a half-written
demo. The same seed gives the same bytes on every run and machine.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import shutil
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from workbench.demo.hostile import hostile_files
from workbench.demo.serialize import dump_json, proposal_data, publications_csv, works_json
from workbench.demo.spec import Story
from workbench.demo.stories import STORIES
from workbench.demo.works import WorkFactory

SEED = "aspire-demo-2025"
MARKER = ".complete"
Files = dict[str, str]  # relative path -> text


@dataclass(frozen=True, slots=True)
class Summary:
    proposals: int
    works: int
    authorships: int
    files: int


def _sort_key(w: Mapping[str, Any]) -> tuple[str, str]:
    return (w["publication_date"] or f"{w['publication_year']}-00-00", w["id"])


def story_works(
    story: Story, seed: str = SEED
) -> tuple[WorkFactory, list[dict[str, Any]], list[dict[str, Any]]]:
    """The factory and the works of ``story``, split into (works.json, publications.csv)."""
    factory = WorkFactory(story, seed)
    rng = random.Random(f"{seed}:{story.proposal_id}:files")
    background = factory.background()
    for w in rng.sample(background, story.duplicates):
        background.append(factory.duplicate(w))
    in_json: list[dict[str, Any]] = []
    in_csv: list[dict[str, Any]] = []
    for link in story.links:
        linked = factory.linked(link)
        linked += [factory.duplicate(w) for w in linked[: link.duplicate]]
        (in_csv if link.csv else in_json).extend(linked)
    for _ in range(story.empty_authorships):
        in_json.append(factory.empty())
    if story.formats == ("publications.csv",):
        in_csv += in_json + background
        in_json = []
    else:
        recent = [
            w
            for w in background
            if w["publication_year"] >= date.fromisoformat(story.submitted).year
        ]
        moved = (
            [w for w in recent if rng.random() < story.csv_share]
            if "publications.csv" in story.formats
            else []
        )
        moved_ids = {
            w["id"] for w in moved[1:]
        }  # the first stays in both files: one DOI, two sources
        in_json += [w for w in background if w["id"] not in moved_ids]
        in_csv += moved
    in_json.sort(key=_sort_key, reverse=True)
    in_csv.sort(key=_sort_key, reverse=True)
    return factory, in_json, in_csv


def _expected(story: Story) -> list[dict[str, Any]]:
    rows = []
    for e in story.expect:
        entries = e.entries() or ("",)
        for entry in entries:
            list_name, _, entry_id = entry.partition(":")
            rows.append(
                {
                    "check": e.check,
                    "subject": e.subject,
                    "list": list_name or None,
                    "entry_id": entry_id or None,
                }
            )
    return rows


def story_files(story: Story, seed: str = SEED) -> tuple[Files, dict[str, Any]]:
    """The files of one proposal folder and its entry for ``index.json``."""
    factory, in_json, in_csv = story_works(story, seed)
    folder = story.proposal_id
    files = {f"{folder}/proposal.json": dump_json(proposal_data(story, factory))}
    if in_json or "works.json" in story.formats:
        files[f"{folder}/works.json"] = works_json(in_json)
    if in_csv:
        files[f"{folder}/publications.csv"] = publications_csv(in_csv)
    unique = {w["id"]: w for w in (*in_json, *in_csv)}
    entry = {
        "proposal_id": story.proposal_id,
        "title": story.title,
        "field": story.field,
        "submitted": story.submitted,
        "files": sorted(p.split("/", 1)[1] for p in files),
        "works": len(unique),
        "authorships": sum(len(w["authorships"]) for w in unique.values()),
        "story": story.story,
        "expected_findings": _expected(story),
    }
    return files, entry


def build(seed: str = SEED) -> tuple[Files, Files, Summary]:
    """All files in memory: (proposals folder, hostile folder, summary)."""
    proposals: Files = {}
    index = []
    for story in STORIES:
        files, entry = story_files(story, seed)
        proposals.update(files)
        index.append(entry)
    proposals["index.json"] = dump_json(
        {
            "note": "Demo proposals of the ASPIRE workbench; see data/demo/README.md.",
            "seed": seed,
            "proposals": index,
        }
    )
    digest = "".join(
        f"{hashlib.sha256(text.encode()).hexdigest()}  {path}\n"
        for path, text in sorted(proposals.items())
    )
    proposals[MARKER] = digest
    summary = Summary(
        proposals=len(index),
        works=sum(e["works"] for e in index),
        authorships=sum(e["authorships"] for e in index),
        files=len(proposals),
    )
    return proposals, hostile_files(), summary


def _write_tree(target: Path, files: Files) -> None:
    """Write ``files`` into a fresh sibling folder, then swap it in for ``target``."""
    tmp = target.with_name(f".{target.name}.tmp-{os.getpid()}")
    old = target.with_name(f".{target.name}.old-{os.getpid()}")
    shutil.rmtree(tmp, ignore_errors=True)
    # the marker goes last, so an interrupted write is never mistaken for a complete one
    for rel in sorted(files, key=lambda p: (p == MARKER, p)):
        path = tmp / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(files[rel].encode("utf-8"))
    if target.exists():
        target.rename(old)
    tmp.rename(target)
    shutil.rmtree(old, ignore_errors=True)


def generate(out: str | Path, seed: str = SEED) -> Summary:
    """Generate the demo under ``out``: ``out/proposals`` and ``out/hostile``."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    proposals, hostile, summary = build(seed)
    _write_tree(out / "hostile", hostile)
    _write_tree(out / "proposals", proposals)
    return summary


def expected_findings(index_path: str | Path) -> dict[str, list[dict[str, Any]]]:
    """The expected findings per proposal id, read back from a generated ``index.json``."""
    data = json.loads(Path(index_path).read_text(encoding="utf-8"))
    return {p["proposal_id"]: p["expected_findings"] for p in data["proposals"]}
