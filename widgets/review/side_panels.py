"""The hand-in and fetch panels of the review page, made once the page is on screen.

Neither is needed to pick a proposal, so the page shows its picker without them:
:class:`SidePanels`, owned by the review ``App``, makes them (and imports what they
need: the loaders of a hand-in, the OpenAlex client) as soon as the browser says the
page is shown, on the kernel's thread, and places them under the picker and under the
overview. Whoever reads ``upload`` or ``fetch`` before then has them made at once.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import ipywidgets as w
import traitlets as t

if TYPE_CHECKING:
    from widgets.review.app import App
    from widgets.review.fetch import FetchPanel
    from widgets.review.upload import UploadPanel


class SidePanels:
    """Makes the hand-in panel (under ``left``'s picker) and the fetch panel (under ``beside``)."""

    def __init__(self, app: App, left: w.VBox, beside: w.VBox) -> None:
        self.app = app
        self._left = left
        self._beside = beside
        self._lock = threading.RLock()
        self._upload: UploadPanel | None = None
        self._fetch: FetchPanel | None = None

    @property
    def built(self) -> bool:
        return self._fetch is not None

    @property
    def upload(self) -> UploadPanel:
        """The hand-in panel (made now if it is not yet)."""
        self.build()
        assert self._upload is not None
        return self._upload

    @property
    def fetch(self) -> FetchPanel:
        """The fetch panel (made now if it is not yet)."""
        self.build()
        assert self._fetch is not None
        return self._fetch

    def build(self) -> None:
        """Make both panels, link them to the page and place them (once)."""
        with self._lock:
            if self._fetch is not None:
                return
            from widgets.review.fetch import FetchPanel
            from widgets.review.upload import UploadPanel
            from workbench.session.revisions import revision_findings

            app = self.app
            upload = UploadPanel(
                app.settings.data_dir,
                compare=lambda intake: revision_findings(intake, app.workspace),
                folders=self._folders,
            )
            fetch = FetchPanel(app)  # fetch the publications of a proposal without them
            for part in (upload, fetch):
                t.dlink((app, "language"), (part, "language"))
            upload.observe(self._on_handed_in, names="handed_in")
            self._upload, self._fetch = upload, fetch
            self._left.children = (*self._left.children, upload)
            self._beside.children = (*self._beside.children, fetch)
            if app.overview.view is not None:  # a proposal was shown before the panels
                fetch.follow_view(app.overview.view)

    def _folders(self) -> dict[str, str]:
        """Proposal id → folder, as the picker lists them."""
        return {
            str(e["proposal_id"]): str(e["id"])
            for e in self.app.picker.entries
            if e.get("proposal_id") and not e.get("error")
        }

    def _on_handed_in(self, change: Mapping[str, Any]) -> None:
        """A proposal handed in on the page: list it in the picker and open it."""
        folder = str(change["new"])
        if folder:
            self.app.screening.relist()
            self.app.picker.proposal_id = folder
