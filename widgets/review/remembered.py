"""The remembered verdicts that apply to the proposal shown, each with a revoke button.

Input traits: ``remembered`` (a
:class:`~workbench.session.remembered.RememberedView`: the verdicts in force for
the proposal, scoped to it or to every proposal), ``language``, ``enabled``.
Output trait: ``request`` — a :class:`~widgets.review.requests.Revoke` (the
verdict's id and the reason typed beside it) when the reviewer revokes one; the
app records it as a new event and screens the proposal again, so a finding the
verdict hid comes back. Why a revocation was refused is shown beside the section.
"""

from __future__ import annotations

from typing import Any

import ipywidgets as w
import traitlets as t

from widgets.common import markup
from widgets.common.form_errors import FormErrors
from widgets.common.i18n import translator
from widgets.common.notices import remembered_cells_html, remembered_header_html
from widgets.review.requests import Revoke
from workbench.session.remembered import RememberedView


class RememberedPanel(w.VBox):
    remembered = t.Instance(RememberedView, allow_none=True)
    language = t.Unicode("ja")
    enabled = t.Bool(True)
    request = t.Instance(Revoke, allow_none=True)  # output

    def __init__(self, **kwargs: Any) -> None:
        self._heading = w.HTML()
        self._note = w.HTML()
        self._header = w.HTML(layout=w.Layout(flex="1 1 auto", width="100%"))
        self._header.add_class("wb-rowcells")
        # over the reason box and the revoke button of the rows
        self._head = w.HBox([self._header, w.HTML(layout=w.Layout(width="24rem", flex="0 0 auto"))])
        self._head.add_class("wb-cells-head")
        self._rows = w.VBox()
        self._rows.add_class("wb-rows")
        self._controls: dict[str, tuple[w.Text, w.Button]] = {}
        self.errors = FormErrors()
        super().__init__(
            children=[self._heading, self._note, self._head, self._rows, self.errors], **kwargs
        )
        self.add_class("wb-card")
        self.add_class("wb-remembered")
        t.dlink((self, "language"), (self.errors, "language"))
        self.observe(self._render, names=["remembered", "language", "enabled"])
        self._render()

    def controls(self) -> dict[str, tuple[w.Text, w.Button]]:
        """The reason box and revoke button of each verdict shown, by its id."""
        return dict(self._controls)

    def _render(self, change: Any = None) -> None:
        tr = translator(self.language)
        self._heading.value = markup.heading_html(tr("section.remembered"))
        verdicts = self.remembered.verdicts if self.remembered else ()
        typed = {k: box.value for k, (box, _) in self._controls.items()}
        if change is not None and change["name"] == "remembered":
            typed = {}
            self.errors.errors = []
        self._note.value = (
            "" if verdicts else f"<p class='wb-muted'>{markup.esc(tr('remembered.none'))}</p>"
        )
        self._header.value = remembered_header_html(tr)
        self._head.layout.display = "flex" if verdicts else "none"
        self._controls = {}
        rows = []
        for v in verdicts:
            reason = w.Text(
                value=typed.get(v.id, ""),
                placeholder=tr("remembered.reason_placeholder"),
                disabled=not self.enabled,
                layout=w.Layout(width="16rem", flex="0 0 auto"),
            )
            button = w.Button(
                description=tr("remembered.revoke"),
                icon="undo",
                disabled=not self.enabled,
                layout=w.Layout(width="7.5rem", flex="0 0 auto"),
            )
            button.on_click(lambda _b, memory_id=v.id: self._ask(memory_id))
            self._controls[v.id] = (reason, button)
            cells = w.HTML(
                remembered_cells_html(v, tr), layout=w.Layout(flex="1 1 auto", width="100%")
            )
            cells.add_class("wb-rowcells")
            row = w.HBox([cells, reason, button], layout=w.Layout(align_items="center"))
            row.add_class("wb-row")
            rows.append(row)
        old = list(self._rows.children)
        self._rows.children = rows
        for row in old:  # the rows no longer shown, with their controls
            for part in row.children:
                part.close()
            row.close()

    def _ask(self, memory_id: str) -> None:
        box = self._controls.get(memory_id)
        self.request = Revoke(memory_id, box[0].value.strip() if box else "")
