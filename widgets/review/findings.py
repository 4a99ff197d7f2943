"""Findings table: sortable, filterable by check and severity, one row per finding.

Input traits: ``view`` (the screened proposal), ``dispositions`` (finding key
→ disposition value), ``person_filter`` (a person id from the network, or
empty), ``hidden`` (the findings remembered dismissals hide:
:class:`~workbench.session.remembered.HiddenFinding` values), ``language``,
``enabled``. Output trait: ``selected_key`` — the key of the finding whose
evidence is open. The header says how many findings remembered dismissals hide,
with a button that shows them (each with who dismissed it, when and why).
"""

from __future__ import annotations

from typing import Any

import ipywidgets as w
import traitlets as t

from widgets.common import markup
from widgets.common.i18n import translator
from widgets.common.notices import hidden_by_html
from workbench.session.view import FindingRow, ReviewView
from workbench.window import DEFAULT_YEARS

ALL = "*"

#: Sort keys of the "sort by" menu.
SORTS: dict[str, Any] = {
    "severity": lambda f, d: (f.severity_rank, f.check, f.subject_name),
    "check": lambda f, d: (f.check, f.severity_rank, f.subject_name),
    "subject": lambda f, d: (f.subject_name.lower(), f.severity_rank),
    "entry": lambda f, d: (f.entry_name.lower(), f.severity_rank),
    "disposition": lambda f, d: (d.get(f.key, ""), f.severity_rank),
}


class FindingsTable(w.VBox):
    view = t.Instance(ReviewView, allow_none=True)
    dispositions = t.Dict()
    person_filter = t.Unicode("")
    hidden = t.Tuple()
    show_hidden = t.Bool(False)
    language = t.Unicode("ja")
    enabled = t.Bool(True)
    selected_key = t.Unicode("")  # output

    def __init__(self, **kwargs: Any) -> None:
        self._heading = w.HTML()
        self._check = w.Dropdown(layout=w.Layout(width="16rem"))
        self._severity = w.Dropdown(layout=w.Layout(width="11rem"))
        self._sort = w.Dropdown(layout=w.Layout(width="11rem"))
        self._descending = w.Checkbox(value=False, indent=False, layout=w.Layout(width="7rem"))
        self._person = w.HTML()
        self._clear_person = w.Button(icon="times", layout=w.Layout(width="auto"))
        self._person_box = w.HBox([self._person, self._clear_person])
        self._count = w.HTML()
        self._hidden_note = w.HTML()
        self._hidden_toggle = w.Button(layout=w.Layout(width="auto"))
        self._hidden_box = w.HBox(
            [self._hidden_note, self._hidden_toggle], layout=w.Layout(align_items="center")
        )
        self._hidden_box.add_class("wb-hidden-count")
        self._hidden_rows: dict[str, w.HBox] = {}
        self._header = w.HTML(layout=w.Layout(flex="1 1 auto", width="100%"))
        self._header.add_class("wb-rowcells")
        header = w.HBox([w.HTML(layout=w.Layout(width="6.5rem", flex="0 0 auto")), self._header])
        header.add_class("wb-cells-head")
        self._rows = w.VBox()
        self._rows.add_class("wb-rows")
        self._row_widgets: dict[str, w.HBox] = {}
        controls = w.HBox(
            [self._check, self._severity, self._sort, self._descending],
            layout=w.Layout(flex_flow="row wrap"),
        )
        super().__init__(
            children=[
                self._heading,
                controls,
                self._person_box,
                self._count,
                self._hidden_box,
                header,
                self._rows,
            ],
            **kwargs,
        )
        self.add_class("wb-card")
        self.add_class("wb-findings")
        for control in (self._check, self._severity, self._sort, self._descending):
            control.observe(self._render_rows, names="value")
        self._clear_person.on_click(self._clear)
        self._hidden_toggle.on_click(self._toggle_hidden)
        self.observe(self._on_view, names="view")
        self.observe(self._render_all, names=["language"])
        self.observe(
            self._render_rows,
            names=["dispositions", "person_filter", "enabled", "hidden", "show_hidden"],
        )
        self.observe(self._mark_selected, names="selected_key")
        self._render_all()

    # --- controls, exposed for tests and the app ------------------------------------------
    @property
    def check_filter(self) -> w.Dropdown:
        return self._check

    @property
    def severity_filter(self) -> w.Dropdown:
        return self._severity

    @property
    def sort_by(self) -> w.Dropdown:
        return self._sort

    @property
    def descending(self) -> w.Checkbox:
        return self._descending

    def open_buttons(self) -> dict[str, w.Button]:
        """The "evidence" button of every shown row, by finding key."""
        return {k: row.children[0] for k, row in self._row_widgets.items()}

    def shown_keys(self) -> list[str]:
        return list(self._row_widgets)

    @property
    def hidden_toggle(self) -> w.Button:
        """Shows (or hides again) the findings remembered dismissals hide."""
        return self._hidden_toggle

    def hidden_shown(self) -> dict[str, str]:
        """The hidden findings shown, by key: the markup of each row (tests)."""
        return {k: row.children[1].value for k, row in self._hidden_rows.items()}

    # --- rendering -------------------------------------------------------------------------
    def _menus(self) -> None:
        tr = translator(self.language)
        view = self.view
        checks = view.checks if view else ()
        severities = view.severities if view else ()
        keep_check, keep_sev, keep_sort = self._check.value, self._severity.value, self._sort.value
        self._check.description = tr("findings.filter_check")
        self._severity.description = tr("findings.filter_severity")
        self._sort.description = tr("findings.sort")
        self._descending.description = tr("findings.descending")
        self._clear_person.description = tr("findings.clear_person")
        self._check.options = [(tr("findings.all"), ALL)] + [
            (tr("check." + c, years=view.years if view else DEFAULT_YEARS), c) for c in checks
        ]
        self._severity.options = [(tr("findings.all"), ALL)] + [
            (tr("severity." + s), s) for s in severities
        ]
        self._sort.options = [(tr("sort." + s), s) for s in SORTS]
        self._check.value = keep_check if keep_check in (ALL, *checks) else ALL
        self._severity.value = keep_sev if keep_sev in (ALL, *severities) else ALL
        self._sort.value = keep_sort if keep_sort in SORTS else "severity"

    def _on_view(self, _change: object = None) -> None:
        with self.hold_trait_notifications():
            if self.view is None or self.view.finding(self.selected_key) is None:
                self.selected_key = ""
            self._render_all()

    def _render_all(self, _change: object = None) -> None:
        tr = translator(self.language)
        self._heading.value = markup.heading_html(tr("section.findings"))
        self._header.value = markup.finding_header_html(tr)
        for control in (self._check, self._severity, self._sort, self._descending):
            control.unobserve(self._render_rows, names="value")
        try:
            self._menus()
        finally:
            for control in (self._check, self._severity, self._sort, self._descending):
                control.observe(self._render_rows, names="value")
        self._render_rows()

    def filtered(self) -> list[FindingRow]:
        """The findings shown, in the order shown."""
        if self.view is None:
            return []
        rows = [f for f in self.view.findings if self._passes(f)]
        sort = SORTS.get(self._sort.value or "severity", SORTS["severity"])
        return sorted(
            rows, key=lambda f: sort(f, self.dispositions), reverse=self._descending.value
        )

    def _passes(self, f: FindingRow) -> bool:
        """Whether ``f`` passes the check, severity and person filters."""
        return (
            (self._check.value in (ALL, None) or f.check == self._check.value)
            and (self._severity.value in (ALL, None) or f.severity == self._severity.value)
            and (not self.person_filter or f.subject == self.person_filter or self._touches(f))
        )

    def _touches(self, f: FindingRow) -> bool:
        """A finding concerns a co-author node when one of its evidence rows names them."""
        from workbench.graph import name_key

        who = name_key(self.person_filter)
        return any(e.coauthor and name_key(e.coauthor) == who for e in f.evidence)

    def _render_rows(self, _change: object = None) -> None:
        tr = translator(self.language)
        rows = self.filtered()
        total = len(self.view.findings) if self.view else 0
        widgets = []
        self._row_widgets = {}
        for f in rows:
            button = w.Button(
                description=tr("findings.open"),
                icon="search",
                disabled=not self.enabled,
                layout=w.Layout(width="6.5rem", flex="0 0 auto"),
                tooltip=f.key,
            )
            button.on_click(lambda _b, key=f.key: self._select(key))
            cells = w.HTML(
                markup.finding_row_html(
                    f,
                    str(self.dispositions.get(f.key, "")),
                    tr,
                    self.view.years if self.view else DEFAULT_YEARS,
                    self.view.entry(f) if self.view else None,
                    self.language,
                ),
                layout=w.Layout(flex="1 1 auto", width="100%"),
            )
            cells.add_class("wb-rowcells")
            row = w.HBox([button, cells], layout=w.Layout(align_items="center"))
            row.add_class("wb-row")
            self._row_widgets[f.key] = row
            widgets.append(row)
        widgets += self._render_hidden(tr)
        self._rows.children = widgets
        self._mark_selected()
        if self.view is not None and not total:
            self._count.value = (
                f"<p class='wb-muted wb-count'>{markup.esc(tr('findings.none'))}</p>"
            )
        elif self.view is not None:
            self._count.value = (
                f"<div class='wb-muted wb-count'>"
                f"{markup.esc(tr('findings.count', shown=len(rows), total=total))}</div>"
            )
        else:
            self._count.value = ""
        if self.person_filter:
            name = self.person_filter
            if self.view:
                name = next((s.name for s in self.view.scope if s.id == self.person_filter), name)
            self._person.value = markup.badge(tr("findings.person", name=name), "wb-sev-info")
            self._person_box.layout.display = "flex"
        else:
            self._person.value = ""
            self._person_box.layout.display = "none"

    def _render_hidden(self, tr: Any) -> list[w.HBox]:
        """The note on the findings remembered dismissals hide, and those rows when shown.

        Both follow the table's filters: a hidden finding of another person or check
        is neither counted nor shown.
        """
        self._hidden_rows = {}
        hidden = [h for h in self.hidden if self._passes(h.row)] if self.view is not None else []
        n = len(hidden)
        self._hidden_box.layout.display = "flex" if n else "none"
        self._hidden_note.value = (
            f"<span class='wb-muted'>{markup.esc(tr('findings.hidden', n=n))} — </span>"
            if n
            else ""
        )
        self._hidden_toggle.description = tr(
            "findings.hidden_hide" if self.show_hidden else "findings.hidden_show"
        )
        if not (n and self.show_hidden):
            return []
        years = self.view.years if self.view else DEFAULT_YEARS
        out = []
        for h in hidden:
            cells = w.HTML(
                markup.finding_row_html(h.row, "dismissed", tr, years, None, self.language)
                + hidden_by_html(h.verdicts, tr),
                layout=w.Layout(flex="1 1 auto", width="100%"),
            )
            cells.add_class("wb-rowcells")
            row = w.HBox(
                [w.HTML(layout=w.Layout(width="6.5rem", flex="0 0 auto")), cells],
                layout=w.Layout(align_items="center"),
            )
            row.add_class("wb-row")
            row.add_class("wb-remembered-row")
            self._hidden_rows[h.row.key] = row
            out.append(row)
        return out

    def _toggle_hidden(self, _button: object) -> None:
        self.show_hidden = not self.show_hidden

    def _mark_selected(self, _change: object = None) -> None:
        for key, row in self._row_widgets.items():
            if key == self.selected_key:
                row.add_class("wb-row-selected")
            else:
                row.remove_class("wb-row-selected")

    def _select(self, key: str) -> None:
        self.selected_key = key

    def _clear(self, _button: object) -> None:
        self.person_filter = ""
