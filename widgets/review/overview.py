"""Overview of a screened proposal: facts, lists and versions, window, suggested outcome, scope.

Input traits: ``view`` (:class:`~workbench.session.view.ReviewView`), ``language``,
``store_report`` (the store's :class:`~workbench.store.chain.ChainReport`: a failed
verification is shown as a warning banner), ``list_max_age_days`` (a list in use
older than this, or a partial copy, gets a banner with the command that refreshes
it). A window other than the FAQ's is noted.
Output trait of :class:`Overview`: ``request`` — a
:class:`~widgets.review.requests.ChangeWindow` (reference date, years) when
the reviewer changes the reference date or window and asks to screen again.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import ipywidgets as w
import traitlets as t

from widgets.common import markup
from widgets.common.i18n import translator
from widgets.common.notices import banner_html
from widgets.review.requests import ChangeWindow
from workbench.session.view import ReviewView, list_warnings_of
from workbench.settings import read_setting
from workbench.window import DEFAULT_YEARS


class Overview(w.VBox):
    view = t.Instance(ReviewView, allow_none=True)
    language = t.Unicode("ja")
    enabled = t.Bool(True)
    store_report = t.Any(None, allow_none=True)  # the store's ChainReport, once verified
    list_max_age_days = t.Int()
    request = t.Instance(ChangeWindow, allow_none=True)  # output

    def __init__(self, **kwargs: Any) -> None:
        self._heading = w.HTML()
        self._store_banner = w.HTML()
        self._list_banner = w.HTML()
        self._window_notice = w.HTML()
        self._facts = w.HTML()
        self._as_of = w.DatePicker(layout=w.Layout(width="11rem"))
        self._years = w.BoundedIntText(
            value=DEFAULT_YEARS, min=1, max=10, layout=w.Layout(width="5rem")
        )
        self._as_of_label = w.Label(layout=w.Layout(flex="0 0 auto"))
        self._years_label = w.Label(layout=w.Layout(flex="0 0 auto"))
        self._rescreen = w.Button(icon="refresh", button_style="")
        self._window = w.HBox(
            [self._as_of_label, self._as_of, self._years_label, self._years, self._rescreen],
            layout=w.Layout(align_items="center", flex_flow="row wrap"),
        )
        self._outcome_heading = w.HTML()
        self._outcome = w.HTML()
        left = w.VBox([self._facts], layout=w.Layout(flex="1 1 0", min_width="24rem"))
        right = w.VBox(
            [self._window, self._outcome_heading, self._outcome],
            layout=w.Layout(flex="1 1 0", min_width="24rem"),
        )
        super().__init__(
            children=[
                self._heading,
                self._store_banner,
                self._list_banner,
                self._window_notice,
                w.HBox([left, right], layout=w.Layout(flex_flow="row wrap")),
            ],
            **kwargs,
        )
        self.add_class("wb-card")
        self.add_class("wb-overview")
        self._rescreen.on_click(self._ask)
        self.observe(
            self._render,
            names=["view", "language", "enabled", "store_report", "list_max_age_days"],
        )
        self._render()

    @property
    def store_banner(self) -> w.HTML:
        return self._store_banner

    @t.default("list_max_age_days")
    def _default_max_age(self) -> int:
        return int(read_setting("list_max_age_days"))

    @property
    def list_banner(self) -> w.HTML:
        return self._list_banner

    @property
    def window_notice(self) -> w.HTML:
        return self._window_notice

    @property
    def as_of_picker(self) -> w.DatePicker:
        return self._as_of

    @property
    def years_box(self) -> w.BoundedIntText:
        return self._years

    @property
    def rescreen_button(self) -> w.Button:
        return self._rescreen

    def _render(self, _change: object = None) -> None:
        tr = translator(self.language)
        self._heading.value = markup.heading_html(tr("section.overview"))
        self._as_of_label.value = tr("overview.as_of")
        self._years_label.value = tr("overview.years")
        self._rescreen.description = tr("overview.rescreen")
        self._outcome_heading.value = markup.heading_html(tr("section.outcome"))
        report = self.store_report
        failed = report is not None and not report.ok
        self._store_banner.value = banner_html(
            report.message(self.language) if failed else "", "error"
        )
        view = self.view
        warnings = list_warnings_of(view, date.today(), self.list_max_age_days) if view else []
        self._list_banner.value = "".join(banner_html(x.text(self.language)) for x in warnings)
        years = view.years if view else DEFAULT_YEARS
        self._window_notice.value = banner_html(tr("window.notice", years=years))
        for control in (self._as_of, self._years, self._rescreen):
            control.disabled = view is None or not self.enabled
        if view is None:
            self._facts.value = f"<p class='wb-muted'>{markup.esc(tr('overview.none'))}</p>"
            self._outcome.value = ""
            return
        self._facts.value = markup.overview_html(view, tr)
        self._outcome.value = markup.outcome_html(view, tr, self.language)

    def show_window(self, as_of: str, years: int) -> None:
        """Put the window screened against into the controls (without asking to screen)."""
        with self.hold_trait_notifications():
            self._as_of.value = date.fromisoformat(as_of) if as_of else None
            self._years.value = years

    def _ask(self, _button: object) -> None:
        as_of = self._as_of.value
        self.request = ChangeWindow(
            as_of if isinstance(as_of, date) else None, int(self._years.value)
        )


class ScopeTable(w.VBox):
    """People and organizations in and out of scope, each with its reason and FAQ question."""

    view = t.Instance(ReviewView, allow_none=True)
    language = t.Unicode("ja")

    def __init__(self, **kwargs: Any) -> None:
        self._heading = w.HTML()
        self._table = w.HTML()
        super().__init__(children=[self._heading, self._table], **kwargs)
        self.add_class("wb-card")
        self.observe(self._render, names=["view", "language"])
        self._render()

    def _render(self, _change: object = None) -> None:
        tr = translator(self.language)
        self._heading.value = markup.heading_html(tr("section.scope"))
        self._table.value = markup.scope_html(self.view, tr, self.language) if self.view else ""
