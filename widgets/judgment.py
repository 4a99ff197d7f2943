"""Judgment form: the outcome, the mitigation measures asked for, notes, and the history.

Input traits: ``record`` (what the store holds now: ``outcome``, ``notes``,
``who``, ``when``, ``measures`` — list of dicts — and ``history`` — list of
``who``/``when``/``what``/``why`` dicts), ``conflict`` (a stale-write
message, shown plainly), ``language``, ``enabled``. Output trait:
``request`` — ``{"outcome", "notes", "measures": [{"kind", "text",
"persons", "due"}]}`` when the reviewer saves.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import ipywidgets as w
import traitlets as t

from . import markup
from .i18n import translator

OUTCOMES = (
    "no-concern",
    "mitigation-as-needed",
    "mitigation-before-start",
    "review-withheld",
    "resubmission-requested",
)


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
    request = t.Dict()  # output

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
        self._existing = w.HTML()
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
            ],
            layout=w.Layout(flex="3 1 0", min_width="26rem"),
        )
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
        self._asked = 0
        self._save.on_click(self._ask)
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
        self._render_record()
        self._show_conflict()

    def _render_record(self) -> None:
        tr = translator(self.language)
        r = self.record
        if r.get("outcome"):
            what = tr(f"outcome.{r['outcome']}")
            text = tr("judgment.current", what=what, who=r.get("who", ""), when=r.get("when", ""))
            self._current.value = f"<div class='wb-outcome'>{markup.esc(text)}</div>"
        else:
            self._current.value = f"<div class='wb-muted'>{markup.esc(tr('judgment.none'))}</div>"
        measures = r.get("measures") or []
        if measures:
            head = "".join(
                f"<th>{markup.esc(tr(k))}</th>"
                for k in (
                    "measure.kind",
                    "measure.text",
                    "measure.persons",
                    "measure.due",
                    "measure.status",
                )
            )
            rows = "".join(
                f"<tr><td>{markup.esc(tr('measure.' + str(m.get('kind'))))}</td>"
                f"<td>{markup.esc(m.get('text', ''))}</td>"
                f"<td>{markup.esc(', '.join(m.get('persons') or []))}</td>"
                f"<td>{markup.esc(m.get('due') or '')}</td>"
                f"<td>{markup.esc(tr('measure_status.' + str(m.get('status', ''))))}</td></tr>"
                for m in measures
            )
            self._existing.value = (
                f"<div class='wb-muted'>{markup.esc(tr('judgment.measure_table'))}</div>"
                f"<table class='wb-table'><tr>{head}</tr>{rows}</table>"
            )
        else:
            self._existing.value = ""
        self._history.value = markup.history_html(r.get("history") or [], tr)

    def _load(self, _change: object = None) -> None:
        """A new record (another proposal, or a save) resets the form to what is stored."""
        r = self.record
        if r.get("reset") is False:  # a reload after a refused write keeps what was typed
            self._render_record()
            self._enable()
            return
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
        self._asked += 1
        self.request = {
            "outcome": self._outcome.value,
            "notes": self._notes.value.strip(),
            "measures": self.measures(),
            "n": self._asked,
        }
