"""Proposal picker: the proposals of the data folder, their review status, and a search box.

Input traits: ``entries`` (one dict per proposal: ``id``, ``title``,
``status`` — a store :class:`ReviewStatus` value — and ``error`` when the
folder cannot be read) and ``language``. Output trait: ``proposal_id``.
Options are plain text (a ``Select``), so names and titles from data can
never become markup.
"""

from __future__ import annotations

from typing import Any

import ipywidgets as w
import traitlets as t

from widgets.common import markup
from widgets.common.i18n import translator
from workbench.vocabulary import ReviewStatus

#: Status marks that read without colour: empty, half and full circles.
STATUS_MARKS: dict[str, str] = {
    ReviewStatus.NOT_REVIEWED: "○",
    ReviewStatus.IN_PROGRESS: "◐",
    ReviewStatus.JUDGED: "●",
}


class ProposalPicker(w.VBox):
    entries = t.List(t.Dict())
    prepared = t.Int(0)  # how many proposals are screened ahead (shown with the count)
    language = t.Unicode("ja")
    proposal_id = t.Unicode("")  # output: the picked proposal

    def __init__(self, **kwargs: Any) -> None:
        self._heading = w.HTML()
        self._search = w.Text(continuous_update=True, layout=w.Layout(width="100%"))
        self._select = w.Select(options=[], rows=18, layout=w.Layout(width="100%"))
        self._count = w.HTML()
        super().__init__(
            children=[self._heading, self._search, self._select, self._count], **kwargs
        )
        self.add_class("wb-card")
        self.add_class("wb-picker")
        self._search.observe(self._refresh, names="value")
        self._select.observe(self._picked, names="value")
        self.observe(self._refresh, names=["entries", "language"])
        self.observe(self._show_count, names="prepared")
        self.observe(self._show_pick, names="proposal_id")
        self._refresh()

    @property
    def search(self) -> w.Text:
        return self._search

    @property
    def select(self) -> w.Select:
        return self._select

    def _option(self, e: dict[str, Any]) -> str:
        status = str(e.get("status") or "")
        if e.get("error"):
            word = translator(self.language)("picker.invalid")
            return f"⚠ {e['id']} — {word}"
        title = str(e.get("title") or "")
        shown = e.get("proposal_id") or e["id"]
        if not status:  # not known yet: the store is still opening
            return f"· {shown} {title}"
        word = translator(self.language)(f"status.{status}")
        return f"{STATUS_MARKS.get(status, '○')} {shown} [{word}] {title}"

    def _visible(self) -> list[dict[str, Any]]:
        needle = self._search.value.strip().lower()
        if not needle:
            return list(self.entries)
        fields = ("id", "proposal_id", "title")
        return [e for e in self.entries if any(needle in str(e.get(f, "")).lower() for f in fields)]

    def _refresh(self, _change: object = None) -> None:
        tr = translator(self.language)
        visible = self._visible()
        self._heading.value = markup.heading_html(tr("section.picker"))
        self._search.placeholder = tr("picker.search")
        options = [(self._option(e), str(e["id"])) for e in visible]
        with self.hold_trait_notifications():
            current = self.proposal_id
            self._select.unobserve(self._picked, names="value")
            try:
                self._select.options = options
                ids = [v for _, v in options]
                self._select.value = current if current in ids else None
            finally:
                self._select.observe(self._picked, names="value")
        self._show_count()

    def _show_count(self, _change: object = None) -> None:
        visible = self._visible()
        text = (
            translator(self.language)("picker.count", n=len(visible))
            if visible
            else translator(self.language)("picker.none")
        )
        if visible and self.prepared:
            text += " · " + translator(self.language)("picker.prepared", n=self.prepared)
        self._count.value = f"<div class='wb-muted wb-count'>{markup.esc(text)}</div>"

    def _picked(self, change: dict[str, Any]) -> None:
        if change["new"]:
            self.proposal_id = change["new"]

    def _show_pick(self, change: dict[str, Any]) -> None:
        ids = [v for _, v in self._select.options]
        if change["new"] in ids and self._select.value != change["new"]:
            self._select.value = change["new"]
