"""An institution's own watch list: a plain CSV ``name,aliases,country,note``.

The file is the institution's own, so every problem in it is an error to fix
(unlike an official list, where an unusable entry is skipped and reported).

- Columns (header row, any order, case ignored): ``name`` (required),
  ``aliases`` (joined by ``;`` or ``・``), ``country``, ``note``; Japanese titles
  ``名称``, ``別名``, ``国``, ``備考`` are accepted too. Other columns are ignored
  with a warning.
- Entry id: ``<file stem>-<row>``, the row number a spreadsheet shows (the
  header is row 1), so ``watch.csv`` row 2 is ``watch-2``. Inserting a row
  renumbers the rows below it.
- Aliases in CJK script go to ``local_names``; ``note`` becomes the entry's reason.
- Name of the list: the file stem; version: a date in the file name, if any.

Examples
--------
>>> split_aliases("Harbin Institute of Technology; HIT・哈尔滨工业大学")
('Harbin Institute of Technology', 'HIT', '哈尔滨工业大学')
"""

from __future__ import annotations

from pathlib import Path

from workbench.lists.building import ListBuilder
from workbench.lists.names import clean_space, is_local_script, split_list
from workbench.lists.reading import decode_text, read_csv, read_raw, version_from_name
from workbench.model import ListEntry, Loaded, ScreeningList

PUBLISHER = "own watch list"
COLUMNS: dict[str, tuple[str, ...]] = {
    "name": ("name", "名称"),
    "aliases": ("aliases", "別名"),
    "country": ("country", "国"),
    "note": ("note", "備考"),
}
EXPECTED = "a CSV with the header name,aliases,country,note"


def split_aliases(text: str) -> tuple[str, ...]:
    return tuple(a for part in text.split(";") for a in split_list(part))


def load(path: Path, *, name: str | None = None) -> Loaded[ScreeningList]:
    """Load an institution's own watch list CSV."""
    raw = read_raw(path)
    list_name = name or path.stem
    build = ListBuilder(raw, list_name, PUBLISHER)
    text = decode_text(raw, build.problems, EXPECTED)
    parsed = read_csv(text, build.problems) if text is not None else None
    build.problems.raise_if_errors()
    assert parsed is not None
    header, rows = parsed
    titles = {h.strip().lower(): h for h in header}
    column: dict[str, str] = {}
    for key, accepted in COLUMNS.items():
        found = next((titles[t] for t in accepted if t in titles), None)
        if found is not None:
            column[key] = found
    if "name" not in column:
        build.problems.error("row 1", "name", "column missing from the header", EXPECTED)
    extra = [h for h in header if h and h not in column.values()]
    if extra:
        build.warnings.append(f"columns ignored: {', '.join(extra)}")
    build.problems.raise_if_errors()
    for row in rows:
        place = f"row {row.number}"
        build.read += 1

        def cell(key: str, cells: dict[str, str] = row.cells) -> str:
            return clean_space(cells.get(column.get(key, ""), ""))

        written = cell("name")
        if not written:
            build.problems.error(place, "name", "empty", "the name of the listed organization")
            continue
        entry_id = f"{path.stem}-{row.number}"
        build.claim_id(entry_id, place, "name")
        aliases = split_aliases(cell("aliases"))
        local = tuple(a for a in aliases if is_local_script(a))
        if is_local_script(written):
            local = (written, *local)
        note = cell("note")
        build.entries.append(
            ListEntry(
                list_name=list_name,
                entry_id=entry_id,
                name=written,
                aliases=tuple(a for a in dict.fromkeys(aliases) if a != written and a not in local),
                local_names=tuple(dict.fromkeys(local)),
                country=cell("country") or None,
                reasons=(note,) if note else (),
                entity_type="organization",
            )
        )
    return build.finish(version_from_name(path.name))
