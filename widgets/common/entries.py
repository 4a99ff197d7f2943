"""How a list entry reads on the review page: its id as shown, its reasons, its facts.

The list's own number is shown where it has one; a long hash is shortened, the full
id kept on hover (``title``) and in exports. Reasons and programmes read in full, in
the page's language, with their codes (:mod:`workbench.list_labels`). Everything from
the list is escaped.
"""

from __future__ import annotations

from widgets.common.markup import Tr, esc, facts_table
from workbench.list_labels import programs_text, reasons_text, shown_id, source_label
from workbench.model import ListEntry
from workbench.session.view import FindingRow


def entry_id_html(entry_id: str, shown: str = "") -> str:
    """A list entry's id as shown, the full id on hover when it is shortened or another.

    >>> entry_id_html("e610a2b6a9a3a3b4", "e610a2b6…")
    '<span class="wb-entry-id" title="e610a2b6a9a3a3b4">e610a2b6…</span>'
    >>> entry_id_html("jp-eul-559")
    'jp-eul-559'
    """
    if not shown or shown == entry_id:
        return esc(entry_id)
    return f'<span class="wb-entry-id" title="{esc(entry_id)}">{esc(shown)}</span>'


def reasons_html(entry: ListEntry | None, language: str) -> str:
    """Why the list names the entry, in full and in ``language``, with the codes."""
    if entry is None:
        return ""
    said = [t for t in (reasons_text(entry, language), programs_text(entry, language)) if t]
    return "".join(f"<div class='wb-muted wb-small wb-reasons'>{esc(t)}</div>" for t in said)


def entry_html(row: FindingRow, entry: ListEntry | None, tr: Tr, language: str) -> str:
    """The list entry a finding cites: its facts in ``language``, the id as a reader is shown
    it (the full id on hover)."""
    if not row.list_name:
        return ""
    shown = shown_id(row.entry_id, entry.list_id) if entry else row.shown_id
    facts: list[tuple[str, str]] = [
        (tr("entry.list"), row.list_name),
        (tr("entry.name"), entry.name if entry else row.entry_name),
    ]
    if entry is not None:
        if entry.aliases:
            facts.append((tr("entry.aliases"), "; ".join(entry.aliases)))
        if entry.local_names:
            facts.append((tr("entry.local_names"), "; ".join(entry.local_names)))
        if entry.country:
            facts.append((tr("entry.country"), entry.country))
        if entry.reasons:
            facts.append((tr("entry.reasons"), reasons_text(entry, language)))
        if entry.programs:
            facts.append((tr("entry.programs"), programs_text(entry, language)))
        if entry.source_list:
            facts.append((tr("entry.source_list"), source_label(entry.source_list, language)))
    ident = f"<tr><th>{esc(tr('entry.id'))}</th><td>{entry_id_html(row.entry_id, shown)}</td></tr>"
    table = facts_table(facts, first=ident)
    return f"<h3>{esc(tr('evidence.entry'))}</h3>" + table
