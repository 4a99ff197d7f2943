"""The overview and the findings table of the review page, made once the page is on screen.

Before a proposal is picked neither shows anything a reviewer needs to pick one,
and together they are about sixty widgets the kernel would make and the browser
fetch before the picker appears. :class:`ProposalPanes`, owned by the review
``App``, makes them on the kernel's thread as soon as the browser says the page is
shown (or when the first proposal is shown, whichever comes first), places the
overview beside the picker and the findings in the two-pane row, links their
language to the page's and tells the controllers that wait for them. Whoever
reads ``overview`` or ``findings`` before then has them made at once.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

import ipywidgets as w
import traitlets as t

if TYPE_CHECKING:
    from widgets.review.app import App
    from widgets.review.findings import FindingsTable
    from widgets.review.overview import Overview


class ProposalPanes:
    """Makes the overview (first in ``beside``) and the findings table (first in ``panes``)."""

    def __init__(self, app: App, beside: w.VBox, panes: w.HBox) -> None:
        self.app = app
        self._beside = beside
        self._panes = panes
        self._lock = threading.RLock()
        self._overview: Overview | None = None
        self._findings: FindingsTable | None = None
        self._when_built: list[Callable[[ProposalPanes], None]] = []

    @property
    def built(self) -> bool:
        return self._findings is not None

    @property
    def overview(self) -> Overview:
        """The overview (made now if it is not yet)."""
        self.build()
        assert self._overview is not None
        return self._overview

    @property
    def findings(self) -> FindingsTable:
        """The findings table (made now if it is not yet)."""
        self.build()
        assert self._findings is not None
        return self._findings

    def parts(self) -> tuple[Overview, FindingsTable] | tuple[()]:
        """Both, once made (else none): what the page enables and disables."""
        if self._overview is None or self._findings is None:
            return ()
        return (self._overview, self._findings)

    def when_built(self, callback: Callable[[ProposalPanes], None]) -> None:
        """Call ``callback(panes)`` once both are made (at once if they are)."""
        with self._lock:
            if not self.built:
                self._when_built.append(callback)
                return
        callback(self)

    def build(self) -> None:
        """Make both, link them to the page, place them and tell who waits (once)."""
        with self._lock:
            if self._findings is not None:
                return
            from widgets.review.findings import FindingsTable
            from widgets.review.overview import Overview

            app = self.app
            overview = Overview(list_max_age_days=app.settings.list_max_age_days)
            findings = FindingsTable()
            for part in (overview, findings):
                t.dlink((app, "language"), (part, "language"))
            self._overview, self._findings = overview, findings
            self._beside.children = (overview, *self._beside.children)
            self._panes.children = (findings, *self._panes.children)
            waiting, self._when_built = self._when_built, []
        for callback in waiting:
            callback(self)
        self.app.refresh_enabled()
