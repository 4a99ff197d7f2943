"""The one place the network explorer writes HTML: every data string is escaped here.

Plotly hover text and labels accept a few tags (``<b>``, ``<br>``, ``<a>``), so
names going there are escaped too (:func:`plotly_text`).
"""

from __future__ import annotations

from html import escape

from widgets.common.i18n import translator
from workbench.graph import CoauthorGraph, ListHit, NodeKind


def plotly_text(text: str) -> str:
    """Data text made safe for plotly labels and hover text."""
    return escape(text, quote=True)


def mark_spans(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` escaped, with each (merged) span wrapped in ``<mark>``.

    Examples
    --------
    >>> mark_spans("<b>HIT</b>, Harbin", [(3, 6)])
    '&lt;b&gt;<mark>HIT</mark>&lt;/b&gt;, Harbin'
    """
    clean = sorted((max(0, s), min(len(text), e)) for s, e in spans if e > s)
    merged: list[tuple[int, int]] = []
    for s, e in clean:
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], e))
        else:
            merged.append((s, e))
    out, at = [], 0
    for s, e in merged:
        out.append(escape(text[at:s]))
        out.append(f"<mark>{escape(text[s:e])}</mark>")
        at = e
    out.append(escape(text[at:]))
    return "".join(out)


def _hit_spans(affiliation: str, hits: tuple[ListHit, ...]) -> list[tuple[int, int]]:
    return [h.span for h in hits if h.affiliation == affiliation]


def own_listed(cg: CoauthorGraph, node: str) -> list[tuple[str, str, bool]]:
    """A team member's own listed affiliations: (entry name, "<list> <entry id>", in window).

    In the graph's window when any work giving it lies inside the window.
    """
    d = cg.coauthors.nodes[node]
    entries = d.get("own_listed_entries") or ()
    if not entries:
        return []
    recent = set(d.get("own_listed_in_window") or ())
    names: dict[str, tuple[str, str]] = {}
    for c in cg.contributions.get(node, ()):
        for h in c.hits:
            names.setdefault(h.key, (h.entry_name, f"{h.list_name} {h.entry_id}"))
    return [(*names.get(k, (k, k)), k in recent) for k in entries]


def hover_text(cg: CoauthorGraph, node: str, language: str) -> str:
    tr = translator(language, "network")
    d = cg.coauthors.nodes[node]
    lines = [f"<b>{plotly_text(d['label'])}</b>"]
    if d.get("label_local"):
        lines.append(plotly_text(d["label_local"]))
    kind = tr(d["kind"])
    if d["kind"] == NodeKind.TEAM and d.get("role"):
        kind += f" · {plotly_text(d['role'])} · {plotly_text(d.get('side', ''))}"
    lines.append(kind)
    lines.append(f"{d['n_works']} {tr('works')}")
    own = own_listed(cg, node)
    if own:
        lines.append(f"{tr('own_listed')}:")
        for name, ref, recent in own:
            when = tr("in_window_short" if recent else "out_of_window_short")
            lines.append(f"· {plotly_text(name)} ({plotly_text(ref)}) — {when}")
        lines.append(f"<i>{tr('own_listed_note')}</i>")
    return "<br>".join(lines)


def works_panel(cg: CoauthorGraph, node: str, language: str) -> str:
    """The selected person's works, with their affiliation strings and the listed spans marked."""
    tr = translator(language, "network")
    if node not in cg.coauthors:
        return f"<p>{escape(tr('no_selection'))}</p>"
    d = cg.coauthors.nodes[node]
    pairs = cg.works_of(node)
    name = escape(d["label"]) + (f"（{escape(d['label_local'])}）" if d.get("label_local") else "")
    parts = [
        '<div class="wb-network-person">',
        f"<h4>{tr('works_of', name=name, n=len(pairs))}</h4>",
        f"<p>{escape(tr('kind'))}: {escape(tr(d['kind']))}",
    ]
    if d.get("role"):
        parts.append(f" · {escape(tr('role'))}: {escape(d['role'])}")
    parts.append("</p>")
    own = own_listed(cg, node)
    if own:
        items = "".join(
            f"<li>{escape(name)} ({escape(ref)}) — "
            f"{escape(tr('in_window_short' if recent else 'out_of_window_short'))}</li>"
            for name, ref, recent in own
        )
        parts.append(
            f'<div class="wb-network-own"><p>{escape(tr("own_listed"))}:</p>'
            f"<ul>{items}</ul><p><small>{escape(tr('own_listed_note'))}</small></p></div>"
        )
    if not pairs:
        parts.append(f"<p>{escape(tr('no_works'))}</p>")
    parts.append("<ol>")
    for work, contribution in pairs:
        inside = work.date is not None and cg.window.contains(work.date)
        when = work.date.isoformat() if work.date else tr("undated")
        badge = f' <span class="wb-badge">{escape(tr("in_window_badge"))}</span>' if inside else ""
        doi = f" · doi:{escape(work.doi)}" if work.doi else ""
        parts.append(
            f"<li><b>{escape(work.title)}</b> ({escape(when)}){badge}"
            f"<br><small>{escape(work.id)}{doi} · {escape(contribution.author_name)}</small>"
        )
        parts.append(f"<br>{escape(tr('affiliation'))}: ")
        if not contribution.affiliations:
            parts.append(escape(tr("no_affiliation")))
        parts.append("<ul>")
        for aff in contribution.affiliations:
            parts.append(f"<li>{mark_spans(aff, _hit_spans(aff, contribution.hits))}</li>")
        parts.append("</ul>")
        entries = dict.fromkeys(
            f"{h.entry_name} ({h.list_name} {h.entry_id})" for h in contribution.hits
        )
        if entries:
            parts.append(f"{escape(tr('listed_entry'))}: " + "; ".join(escape(e) for e in entries))
        parts.append("</li>")
    parts.append("</ol></div>")
    return "".join(parts)
