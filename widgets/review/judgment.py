"""Judgment form: the outcome, the mitigation measures asked for, notes, and the history.

Input traits: ``record`` (what the store holds now: ``outcome``, ``notes``,
``who``, ``when``, ``measures`` — list of dicts — and ``history`` — list of
``who``/``when``/``what``/``why`` dicts), ``conflict`` (a stale-write
message, shown plainly), ``language``, ``enabled``. Output trait:
``request`` — a :class:`~widgets.review.requests.Judge` (outcome, notes,
measures: ``{"kind", "text", "persons", "due"}``) when the reviewer saves, or
an :class:`~widgets.review.requests.UpdateMeasure` (``measure_id``, changes
``{"status"?, "due"?}``) when the reviewer updates one row of the measures
table (each row has a status drop-down, a due date and an update button).
"""

from __future__ import annotations

from datetime import date
from typing import Any, NamedTuple

import ipywidgets as w
import traitlets as t

from widgets.common import markup
from widgets.common.form_errors import FormErrors
from widgets.common.i18n import translator
from widgets.review.requests import Judge, UpdateMeasure
from workbench.vocabulary import MeasureStatus, Outcome

OUTCOMES = tuple(Outcome)


class MeasureRow(NamedTuple):
    """The controls of one stored measure in the measures table."""

    status: w.Dropdown
    due: w.DatePicker
    update: w.Button


def _as_date(value: object) -> date | None:
    try:
        return date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


def _close(widgets: list[w.Widget]) -> None:
    """Close widgets no longer shown, with everything inside them."""
    for widget in widgets:
        _close(list(getattr(widget, "children", ())))
        widget.close()


def split_persons(text: str) -> list[str]:
    """Names typed as one line, separated by commas (either width) or semicolons.

    Examples
    --------
    >>> split_persons("Sato Haruki, 田中 結衣、 ; ")
    ['Sato Haruki', '田中 結衣']
    """
    for sep in ("、", "，", ";"):
        text = text.replace(sep, ",")
    return [p.strip() for p in text.split(",") if p.strip()]


class JudgmentForm(w.VBox):
    record = t.Dict()
    conflict = t.Unicode("")
    language = t.Unicode("ja")
    enabled = t.Bool(True)
    request = t.Union(  # output
        [t.Instance(Judge), t.Instance(UpdateMeasure)], allow_none=True
    )

    def __init__(self, **kwargs: Any) -> None:
        self._heading = w.HTML()
        self._current = w.HTML()
        self._conflict = w.HTML()
        self._outcome = w.Dropdown(layout=w.Layout(width="32rem"))
        self._measures_heading = w.HTML()
        self._sri = w.Textarea(rows=2, layout=w.Layout(width="100%"))
        self._sri_label = w.HTML()
        self._persons = w.Text(layout=w.Layout(width="100%"))
        self._persons_label = w.HTML()
        self._export = w.Checkbox(value=False, indent=False, layout=w.Layout(width="auto"))
        self._export_note = w.Text(layout=w.Layout(width="100%"))
        self._awareness = w.Textarea(rows=2, layout=w.Layout(width="100%"))
        self._awareness_label = w.HTML()
        self._due = w.DatePicker(layout=w.Layout(width="11rem"))
        self._due_label = w.Label()
        self._notes = w.Textarea(rows=3, layout=w.Layout(width="100%"))
        self._notes_label = w.HTML()
        self._save = w.Button(button_style="primary", icon="save")
        self.errors = FormErrors()  # why a save was refused, beside the form
        self._existing_caption = w.HTML()
        self._existing_grid = w.VBox(layout=w.Layout(width="100%"))
        self._existing_grid.add_class("wb-measures")
        self._existing = w.VBox([self._existing_caption, self._existing_grid])
        self._rows: dict[int, MeasureRow] = {}
        self._history_heading = w.HTML()
        self._history = w.HTML()
        form = w.VBox(
            [
                self._outcome,
                self._measures_heading,
                self._existing,
                self._sri_label,
                self._sri,
                self._persons_label,
                self._persons,
                self._export,
                self._export_note,
                self._awareness_label,
                self._awareness,
                w.HBox([self._due_label, self._due], layout=w.Layout(align_items="center")),
                self._notes_label,
                self._notes,
                self._save,
                self.errors,
            ],
            layout=w.Layout(flex="3 1 0", min_width="26rem"),
        )
        form.add_class("wb-judgment-form")
        history = w.VBox(
            [self._history_heading, self._history],
            layout=w.Layout(
                flex="2 1 0", min_width="18rem", max_height="40rem", overflow="hidden auto"
            ),
        )
        history.add_class("wb-history-box")
        super().__init__(
            children=[
                self._heading,
                self._current,
                self._conflict,
                w.HBox([form, history], layout=w.Layout(align_items="flex-start")),
            ],
            **kwargs,
        )
        self.add_class("wb-card")
        self.add_class("wb-judgment")
        self._save.on_click(self._ask)
        t.dlink((self, "language"), (self.errors, "language"))
        self._outcome.observe(self._enable, names="value")
        self.observe(self._labels, names="language")
        self.observe(self._load, names="record")
        self.observe(self._enable, names="enabled")
        self.observe(self._show_conflict, names="conflict")
        self._labels()
        self._load()

    # controls, for tests and the app
    @property
    def outcome(self) -> w.Dropdown:
        return self._outcome

    @property
    def sri(self) -> w.Textarea:
        return self._sri

    @property
    def persons(self) -> w.Text:
        return self._persons

    @property
    def export_control(self) -> w.Checkbox:
        return self._export

    @property
    def export_note(self) -> w.Text:
        return self._export_note

    @property
    def awareness(self) -> w.Textarea:
        return self._awareness

    @property
    def due(self) -> w.DatePicker:
        return self._due

    @property
    def notes(self) -> w.Textarea:
        return self._notes

    @property
    def save_button(self) -> w.Button:
        return self._save

    def measure_rows(self) -> dict[int, MeasureRow]:
        """The status drop-down, due date and update button of each stored measure, by id."""
        return dict(self._rows)

    def _labels(self, _change: object = None) -> None:
        tr = translator(self.language)
        self._heading.value = markup.heading_html(tr("section.judgment"))
        keep = self._outcome.value
        self._outcome.options = [(tr("judgment.outcome_pick"), "")] + [
            (tr(f"outcome.{o}"), o) for o in OUTCOMES
        ]
        self._outcome.value = keep if keep in OUTCOMES else ""
        self._outcome.description = tr("judgment.outcome")
        self._measures_heading.value = f"<h3>{markup.esc(tr('judgment.measures'))}</h3>"
        self._sri_label.value = f"<b>{markup.esc(tr('measure.sri'))}</b>"
        self._sri.placeholder = tr("measure.sri_placeholder")
        self._persons_label.value = f"<b>{markup.esc(tr('measure.persons'))}</b>"
        self._persons.placeholder = tr("measure.persons_placeholder")
        self._export.description = tr("measure.export_control")
        self._export_note.placeholder = tr("measure.export_control_note")
        self._awareness_label.value = f"<b>{markup.esc(tr('measure.awareness'))}</b>"
        self._awareness.placeholder = tr("measure.awareness_placeholder")
        self._due_label.value = tr("measure.due")
        self._notes_label.value = f"<b>{markup.esc(tr('judgment.notes'))}</b>"
        self._save.description = tr("judgment.save")
        self._history_heading.value = f"<h3>{markup.esc(tr('section.history'))}</h3>"
        self._render_record(keep=True)
        self._show_conflict()

    def _render_record(self, *, keep: bool = False) -> None:
        tr = translator(self.language)
        r = self.record
        if r.get("outcome"):
            what = tr(f"outcome.{r['outcome']}")
            text = tr("judgment.current", what=what, who=r.get("who", ""), when=r.get("when", ""))
            self._current.value = f"<div class='wb-outcome'>{markup.esc(text)}</div>"
        else:
            self._current.value = f"<div class='wb-muted'>{markup.esc(tr('judgment.none'))}</div>"
        self._render_measures(keep=keep)
        self._history.value = markup.history_html(r.get("history") or [], tr)

    def _render_measures(self, *, keep: bool) -> None:
        """The stored measures, one row each with its status, due date and update button.

        ``keep`` keeps what the reviewer chose but did not record yet (a language
        switch, or a refused write); otherwise each row shows what is stored.
        """
        tr = translator(self.language)
        measures = [m for m in (self.record.get("measures") or []) if m.get("id") is not None]
        pending = {
            mid: (row.status.value, row.due.value) for mid, row in self._rows.items() if keep
        }
        old = list(self._existing_grid.children)
        self._rows = {}
        if not measures:
            self._existing_caption.value = ""
            self._existing_grid.children = ()
            _close(old)
            return
        self._existing_caption.value = (
            f"<div class='wb-muted'>{markup.esc(tr('judgment.measure_table'))}</div>"
        )
        cells: list[w.Widget] = []
        statuses = [str(s) for s in MeasureStatus]
        for m in measures:
            mid = int(m["id"])
            status = str(m.get("status") or "")
            choice, due = pending.get(mid, (status, _as_date(m.get("due"))))
            options = [(tr(f"measure_status.{s}"), s) for s in statuses]
            if status not in statuses:  # a word this page does not know: shown as stored
                options.append((status, status))
            row = MeasureRow(
                w.Dropdown(
                    options=options,
                    value=choice if choice in {v for _, v in options} else status,
                    layout=w.Layout(width="9rem"),
                ),
                w.DatePicker(value=due, layout=w.Layout(width="11rem")),
                w.Button(description=tr("judgment.measure_update"), icon="pencil"),
            )
            row.update.on_click(lambda _b, mid=mid: self._ask_update(mid))
            self._rows[mid] = row
            persons = ", ".join(m.get("persons") or [])
            what = (
                f"<b>{markup.esc(m.get('number', mid))}. "
                f"{markup.esc(tr('measure.' + str(m.get('kind'))))}</b>"
                f" — {markup.esc(m.get('text', ''))}"
                + (
                    f"<br><span class='wb-muted'>{markup.esc(tr('measure.persons'))}: "
                    f"{markup.esc(persons)}</span>"
                    if persons
                    else ""
                )
            )
            controls = w.HBox(
                [
                    w.Label(tr("measure.due")),
                    row.due,
                    w.Label(tr("measure.status")),
                    row.status,
                    row.update,
                ],
                layout=w.Layout(flex_flow="row wrap", align_items="center", grid_gap="0.5rem"),
            )
            box = w.VBox([w.HTML(what), controls], layout=w.Layout(margin="0 0 0.5rem 0"))
            box.add_class("wb-measure-row")
            cells.append(box)
        self._existing_grid.children = cells
        _close(old)
        self._enable()

    def _load(self, _change: object = None) -> None:
        """A new record (another proposal, or a save) resets the form to what is stored."""
        r = self.record
        if r.get("reset") is False:  # a reload after a refused write keeps what was typed
            self._render_record(keep=True)
            self._enable()
            return
        self.errors.errors = []
        with self.hold_trait_notifications():
            self._outcome.value = r.get("outcome") if r.get("outcome") in OUTCOMES else ""
            self._notes.value = str(r.get("notes") or "")
            for box in (self._sri, self._persons, self._export_note, self._awareness):
                box.value = ""
            self._export.value = False
            self._due.value = None
        self._render_record()
        self._enable()

    def _show_conflict(self, _change: object = None) -> None:
        self._conflict.value = markup.conflict_html(self.conflict)

    def _enable(self, _change: object = None) -> None:
        for control in (
            self._outcome,
            self._sri,
            self._persons,
            self._export,
            self._export_note,
            self._awareness,
            self._due,
            self._notes,
        ):
            control.disabled = not self.enabled
        for row in self._rows.values():
            for part in row:
                part.disabled = not self.enabled
        self._save.disabled = not (self.enabled and self._outcome.value)

    def measures(self) -> list[dict[str, Any]]:
        """The measures typed into the form (only those filled in)."""
        due = self._due.value.isoformat() if isinstance(self._due.value, date) else None
        out: list[dict[str, Any]] = []
        persons = split_persons(self._persons.value)
        if self._sri.value.strip() or persons:
            out.append(
                {
                    "kind": "specified-research-information",
                    "text": self._sri.value.strip() or translator(self.language)("measure.persons"),
                    "persons": persons,
                    "due": due,
                }
            )
        if self._export.value:
            text = self._export_note.value.strip() or translator(self.language)(
                "measure.export_control"
            )
            out.append(
                {"kind": "export-control-consultation", "text": text, "persons": [], "due": due}
            )
        if self._awareness.value.strip():
            out.append(
                {
                    "kind": "awareness-raising",
                    "text": self._awareness.value.strip(),
                    "persons": [],
                    "due": due,
                }
            )
        return out

    def _ask(self, _button: object) -> None:
        self.request = Judge(
            str(self._outcome.value or ""), self._notes.value.strip(), tuple(self.measures())
        )

    def _ask_update(self, measure_id: int) -> None:
        """Ask to record the row's status and due date where they differ from what is stored."""
        row = self._rows.get(measure_id)
        stored = next(
            (m for m in self.record.get("measures") or [] if m.get("id") == measure_id), None
        )
        if row is None or stored is None:
            return
        changes: dict[str, Any] = {}
        if row.status.value != str(stored.get("status") or ""):
            changes["status"] = row.status.value
        due = row.due.value if isinstance(row.due.value, date) else None
        if due != _as_date(stored.get("due")):
            changes["due"] = due.isoformat() if due else None
        self.request = UpdateMeasure(measure_id, changes)
