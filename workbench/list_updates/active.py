"""Which list files are in force: the shipped ones, replaced kind by kind by downloaded ones.

The folder of downloaded lists (setting ``WORKBENCH_LISTS_UPDATE_DIR``, default
``data/lists-updated``) holds the downloaded files and ``active.json``, which
names the active file of each kind with the URL and time it came from.
``active.json`` is replaced atomically, after the new file is in place and
registered, so it always names a complete, loadable file.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from workbench.list_files import DATA_DIR

#: The lists ``workbench lists update`` can download, by kind.
KINDS: dict[str, str] = {"meti": "METI End User List", "csl": "US Consolidated Screening List"}
ACTIVE = "active.json"
PARTIAL_FILE = DATA_DIR / "partial.yml"


def update_dir(environ: Mapping[str, str] | None = None) -> Path:
    """The folder of downloaded lists (the setting, read without the rest of the settings)."""
    from workbench.settings import read_setting

    return Path(read_setting("lists_update_dir", environ))


@dataclass(frozen=True, slots=True)
class Activation:
    """The downloaded file active for one kind, and where and when it came from."""

    kind: str
    file: Path
    url: str
    downloaded_at: datetime

    def to_json(self) -> dict[str, Any]:
        return {
            "file": self.file.name,
            "url": self.url,
            "downloaded_at": self.downloaded_at.isoformat(timespec="seconds"),
        }


def activations(folder: Path | None = None) -> dict[str, Activation]:
    """The active downloaded file of each kind (none when nothing was downloaded)."""
    folder = folder or update_dir()
    path = folder / ACTIVE
    if not path.exists():
        return {}
    data = json.loads(path.read_text(encoding="utf-8"))
    return {
        kind: Activation(
            kind, folder / v["file"], v["url"], datetime.fromisoformat(v["downloaded_at"])
        )
        for kind, v in data.items()
        if kind in KINDS and (folder / v["file"]).is_file()
    }


def activate(activation: Activation, folder: Path) -> None:
    from workbench.openalex.http import _write_atomic  # its HTTP client: only when downloading

    current = {k: a.to_json() for k, a in activations(folder).items()}
    current[activation.kind] = activation.to_json()
    _write_atomic(folder / ACTIVE, json.dumps(current, indent=1) + "\n")


def kind_of(path: Path) -> str | None:
    """``meti`` or ``csl`` for a file of one of those lists, else None."""
    from workbench.lists import detect_format  # the loaders: only when something was downloaded

    try:
        key = detect_format(path, path.read_bytes()[:65536])
    except OSError:
        return None
    return key.split("-")[0] if key and key.split("-")[0] in KINDS else None


def active_lists(shipped: Sequence[Path], folder: Path | None = None) -> list[Path]:
    """``shipped`` with each METI or CSL file replaced by the downloaded one of its kind."""
    active = activations(folder)
    if not active:  # nothing downloaded: the shipped files, without reading them
        return list(shipped)
    out: list[Path] = []
    for path in shipped:
        kind = kind_of(path)
        replacement = active.get(kind) if kind else None
        out.append(replacement.file if replacement else path)
    for a in active.values():
        if a.file not in out:
            out.append(a.file)
    return out


def partial_notes() -> dict[str, str]:
    if not PARTIAL_FILE.is_file():
        return {}
    import yaml  # only where a partial copy is described: not on the pages' first view

    data = yaml.safe_load(PARTIAL_FILE.read_text(encoding="utf-8")) or {}
    return {str(k): str(v) for k, v in data.items()}


def is_partial(source: str | Path) -> str | None:
    """Why the list file ``source`` is a partial copy, or None when it is not known to be."""
    return partial_notes().get(Path(source).name)
