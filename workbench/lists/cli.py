"""``workbench lists [FILES...]``: load screening lists and print their load reports.

``workbench lists update [meti|csl|all]`` and ``workbench lists status`` keep
the lists current (:mod:`workbench.list_updates.cli`).

Without files, the lists shipped in ``data/lists/`` are loaded. Text output is
bilingual (Japanese first); ``--format json`` prints one JSON object per run.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from workbench.lists import load_lists, shipped_lists
from workbench.model import Loaded, ScreeningList
from workbench.output_text import printable_stdout

#: How many lines of each report section the text output shows without ``--all``.
SHOWN = 20


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "files",
        nargs="*",
        metavar="FILE",
        help="list files (default: the lists in force), or: update [meti|csl|all], status",
    )
    parser.add_argument("--format", choices=("text", "json"), default="text", help="output format")
    parser.add_argument(
        "--all", action="store_true", help=f"show every report line (default: first {SHOWN})"
    )
    parser.add_argument(
        "--confirm-shrink",
        action="store_true",
        help="update: accept a version more than 10%% smaller than the previous one",
    )
    parser.add_argument(
        "--registry", type=Path, default=None, help="update: list-version register file"
    )


def as_json(loaded: Loaded[ScreeningList]) -> dict[str, Any]:
    """One list and its report as a JSON-ready object."""
    lst, report = loaded.value, loaded.report
    return {
        "name": lst.name,
        "publisher": lst.publisher,
        "version": lst.version.isoformat() if lst.version else None,
        "source": lst.source,
        "entries": lst.entry_count,
        "content_hash": lst.content_hash,
        "report": {
            "read": report.read,
            "repaired": list(report.repaired),
            "unusable": list(report.unusable),
            "warnings": list(report.warnings),
        },
    }


def _section(title: str, items: tuple[str, ...], show_all: bool) -> list[str]:
    if not items:
        return []
    shown = items if show_all else items[:SHOWN]
    out = [f"  {title} ({len(items)}):", *(f"    - {item}" for item in shown)]
    if len(shown) < len(items):
        out.append(
            f"    … 他 {len(items) - len(shown)} 件 / {len(items) - len(shown)} more (--all)"
        )
    return out


def as_text(loaded: Loaded[ScreeningList], show_all: bool = False) -> str:
    lst, report = loaded.value, loaded.report
    version = lst.version.isoformat() if lst.version else "不明 unknown"
    lines = [
        f"{lst.name}",
        f"  発行 publisher: {lst.publisher}",
        f"  版 version: {version}",
        f"  件数 entries: {lst.entry_count}",
        f"  ファイル source: {lst.source}",
        f"  sha256: {lst.content_hash}",
        f"  読込 read {report.read} · 修復 repaired {len(report.repaired)} · "
        f"使用不可 unusable {len(report.unusable)} · 警告 warnings {len(report.warnings)}",
    ]
    lines += _section("修復 repaired", report.repaired, show_all)
    lines += _section("使用不可 unusable", report.unusable, show_all)
    lines += _section("警告 warnings", report.warnings, show_all)
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    # names and reports come from list files: no escape sequence reaches the terminal
    with printable_stdout(args.format != "json"):
        return _run(args)


def _run(args: argparse.Namespace) -> int:
    from workbench.list_updates import cli as updates

    if args.files[:1] == ["update"]:
        which = args.files[1:] or ["all"]
        if len(which) != 1 or which[0] not in ("meti", "csl", "all"):
            print("usage: workbench lists update [meti|csl|all] [--confirm-shrink]")
            return 2
        return updates.update(which[0], args.registry, args.confirm_shrink)
    if args.files == ["status"]:
        return updates.status(args.format)
    paths = args.files or shipped_lists()
    if not paths:
        print("リストがありません / no list files given and none shipped in data/lists/")
        return 1
    loaded = load_lists(paths)
    if args.format == "json":
        print(json.dumps({"lists": [as_json(x) for x in loaded]}, ensure_ascii=False, indent=2))
    else:
        print("\n\n".join(as_text(x, args.all) for x in loaded))
    return 0


__all__ = ["add_arguments", "as_json", "as_text", "run"]
