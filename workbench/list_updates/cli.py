"""``workbench lists update [meti|csl|all]`` and ``workbench lists status``.

``update`` downloads each list from its URL setting (``WORKBENCH_METI_URL``,
``WORKBENCH_CSL_URL``), loads, registers (``--confirm-shrink`` accepts a
version more than 10% smaller than the previous one) and activates it; a list
that fails leaves its active version unchanged and the exit status is 1.
``status`` prints each active list: name, version date, age in days, entries,
partial or not, source; with ``--format json`` as JSON.
"""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

from workbench.errors import InputError


def update(which: str, registry_path: Path | None, confirm_shrink: bool) -> int:
    from workbench.list_updates import KINDS, UpdateError, update_list
    from workbench.list_versions import DEFAULT_PATH, VersionRegistry
    from workbench.settings import read_setting

    registry = VersionRegistry(registry_path or DEFAULT_PATH)
    urls = {"meti": read_setting("meti_url"), "csl": read_setting("csl_url")}
    kinds = list(KINDS) if which == "all" else [which]
    failed = 0
    for kind in kinds:
        try:
            loaded, registered, activation = update_list(
                kind,
                urls[kind],
                registry,
                confirm_shrink=confirm_shrink,
                folder=read_setting("lists_update_dir"),
            )
        except (UpdateError, InputError) as exc:
            failed += 1
            print(
                f"{KINDS[kind]}: not updated, the active list is unchanged:\n{exc}", file=sys.stderr
            )
            continue
        lst = loaded.value
        news = "registered" if registered.new else "already registered"
        print(
            f"{lst.name}: version {lst.version} ({lst.entry_count} entries) {news}, "
            f"now active: {activation.file} (from {activation.url})"
        )
    return 1 if failed else 0


def status(fmt: str) -> int:
    from workbench.list_updates import list_status, list_warnings
    from workbench.lists import load_lists
    from workbench.settings import read_setting

    lists = [x.value for x in load_lists(read_setting("lists"))]
    today = date.today()
    rows = list_status(lists, today)
    warnings = list_warnings(lists, today, read_setting("list_max_age_days"))
    if fmt == "json":
        data = {
            "lists": [r.to_json() for r in rows],
            "warnings": [
                {"list": w.name, "kind": w.kind, "ja": w.ja, "en": w.en} for w in warnings
            ],
        }
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return 0
    for r in rows:
        version = r.version.isoformat() if r.version else "不明 unknown"
        age = f"{r.age_days} 日 days" if r.age_days is not None else "-"
        partial = "一部のみ PARTIAL" if r.partial else "完全 full"
        print(
            f"{r.name}\n  版 version: {version} · 経過 age: {age} · 件数 entries: "
            f"{r.entries} · {partial}\n  出所 source: {r.source}"
        )
    for w in warnings:
        print(f"警告 warning: {w.ja}\n  {w.en}")
    return 0
