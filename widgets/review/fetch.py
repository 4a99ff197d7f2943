"""Fetch a proposal's publications from OpenAlex on the review page.

:class:`FetchPanel` sits below the overview. For a proposal whose folder holds
no publications it offers "論文を取得" / "Fetch publications": the fetch runs on
a thread of its own (the page stays responsive) and shows one progress bar per
in-scope person; the works and their provenance are written into the folder
(:mod:`workbench.session.fetching`) and the proposal is screened again.

Persons OpenAlex could not identify are listed with their candidates (id,
name, works count, last known institutions); the one chosen is used on the next
fetch. A failed fetch writes nothing and says why beside the button. Once
fetched, the panel says where the publications came from and when, and names
the persons in scope whose publications could not be screened.
"""

from __future__ import annotations

import logging
import threading
from typing import TYPE_CHECKING, Any

import ipywidgets as w
import traitlets as t

from widgets.common import markup
from widgets.common.i18n import translator
from widgets.common.kernel_thread import call_soon
from workbench.errors import InputError
from workbench.findings import PERSON
from workbench.openalex.identity import Identity
from workbench.openalex.works import FetchResult
from workbench.scope import decide_scope
from workbench.session.fetching import (
    FetchFailed,
    choose_author,
    chosen_authors,
    fetch_into_folder,
    read_provenance,
)
from workbench.window import reference_date

if TYPE_CHECKING:
    from widgets.review.app import App

log = logging.getLogger("widgets")


class FetchPanel(w.VBox):
    """Fetch button, per-person progress, candidate chooser, provenance; see the module."""

    language = t.Unicode("ja")

    def __init__(self, app: App) -> None:
        self.app = app
        self.button = w.Button(icon="cloud-download")
        self.button.on_click(self._start)
        self.error = w.HTML()
        self.progress = w.VBox()
        self.chooser = w.VBox()
        self.provenance = w.HTML()
        self.incomplete = w.HTML()
        #: folder id -> person id -> the OpenAlex author ids chosen for them
        self.chosen: dict[str, dict[str, list[str]]] = {}
        self.unidentified: tuple[Identity, ...] = ()
        self.running = False
        self._done = threading.Event()
        self._done.set()
        self._bars: dict[str, w.IntProgress] = {}
        self._folder_id = ""
        super().__init__(
            layout=w.Layout(display="none"),
            children=[
                w.HBox([self.button, self.error], layout=w.Layout(align_items="center")),
                self.progress,
                self.chooser,
                self.provenance,
                self.incomplete,
            ],
        )
        self.add_class("wb-fetch")
        self.observe(self._labels, names="language")
        app.overview.observe(self._on_view, names="view")
        self._labels()

    # ---- what the page calls ---------------------------------------------------------

    def show(self, folder_id: str, unscreened: tuple[tuple[str, str], ...] = ()) -> None:
        """Show the panel for the proposal of ``folder_id`` (after it was screened)."""
        if folder_id != self._folder_id:
            self.progress.children = ()
            self.chooser.children = ()
            self.error.value = ""
            self.unidentified = ()
        self._folder_id = folder_id
        files = self._files(folder_id)
        fetched = read_provenance(files.folder) if files is not None else None
        has_works = bool(files and files.works_files)
        self.button.layout.display = "" if (not has_works or fetched) else "none"
        self._render_provenance(fetched)
        tr = translator(self.language)
        # in scope but not screened: no works linked, or not identified in OpenAlex
        missing = dict(unscreened) | dict(fetched.unidentified if fetched else ())
        names = ", ".join(f"{name} ({pid})" for pid, name in sorted(missing.items()))
        self.incomplete.value = (
            _box(tr("fetch.incomplete", persons=markup.esc(names)), "info") if names else ""
        )

    def _on_view(self, change: Any) -> None:
        self.follow_view(change["new"])

    def follow_view(self, view: Any) -> None:
        """Show the panel for the proposal of the overview's ``view``; hide it without one."""
        screened = self.app.screened
        if view is None or screened is None:
            self.layout.display = "none"
            return
        self.layout.display = ""
        self.show(self.app.proposal, screened.result.suggested_outcome.unscreened)

    def wait(self, timeout: float = 60.0) -> bool:
        """Wait for the running fetch to end (tests); True once it has."""
        return self._done.wait(timeout)

    def choose(self, person_id: str, author_id: str) -> None:
        """Use ``author_id`` for ``person_id`` of the open proposal on the next fetch.

        The choice is recorded in the store with the reviewer's name and the time.
        """
        tr = translator(self.language)
        screened = self.app.screened
        if not self.app.reviewer.strip():
            self.error.value = _box(tr("fetch.need_reviewer"), "error")
            return
        if screened is not None:
            pid = screened.proposal.proposal_id
            try:
                choose_author(self.app.workspace.db, pid, person_id, author_id, self.app.reviewer)
            except Exception:
                log.exception("recording the author of %s failed", person_id)
                self.error.value = _box(tr("fetch.error.record"), "error")
                return
        self.error.value = ""
        self.chosen.setdefault(self._folder_id, {})[person_id] = [author_id]
        self._render_chooser()

    # ---- fetching --------------------------------------------------------------------

    def _files(self, folder_id: str) -> Any:
        try:
            return next((f for f in self.app.workspace.folders() if f.id == folder_id), None)
        except InputError:
            return None

    def _start(self, _button: object = None) -> None:
        if self.running or not self._folder_id:
            return
        folder_id = self._folder_id
        files = self._files(folder_id)
        tr = translator(self.language)
        try:
            if files is None or files.proposal_file is None:
                raise InputError([])
            proposal, _ = self.app.workspace.load(folder_id)
            as_of = self.app.screening.window[0]
            reference = reference_date(as_of, proposal.submitted, source=str(files.folder))
        except InputError:
            self.error.value = _box(tr("fetch.error.input"), "error")
            return
        scope = decide_scope(proposal)
        people = [p for p in proposal.people if scope.includes(PERSON, p.id)]
        self._bars = {p.id: w.IntProgress(value=0, min=0, max=1) for p in people}
        self.progress.children = tuple(
            w.HBox([w.Label(f"{p.name} ({p.id})"), self._bars[p.id]]) for p in people
        )
        self.error.value = ""
        self.chooser.children = ()
        self.running = True
        self.button.disabled = True
        self._done.clear()
        # the choices recorded in the store (by any reviewer), then those of this page
        chosen = chosen_authors(self.app.workspace.db, proposal.proposal_id)
        chosen.update(self.chosen.get(folder_id, {}))

        def job() -> None:
            try:
                result = fetch_into_folder(
                    self.app.settings,
                    files.folder,
                    proposal,
                    reference,
                    chosen=chosen,
                    progress=lambda pid, n, total: call_soon(self._advance, pid, n, total),
                )
            except FetchFailed as exc:
                log.warning("fetch of %s failed: %s", folder_id, exc.detail)
                call_soon(self._finished, folder_id, None, exc.kind)
            except OSError as exc:
                log.warning("fetch of %s not written: %s", folder_id, exc)
                call_soon(self._finished, folder_id, None, "write")
            except Exception:
                log.exception("fetch of %s failed", folder_id)
                call_soon(self._finished, folder_id, None, "http")
            else:
                call_soon(self._finished, folder_id, result, "")

        threading.Thread(target=job, name=f"fetch-{folder_id}", daemon=True).start()

    def _advance(self, person_id: str, n: int, total: int) -> None:
        bar = self._bars.get(person_id)
        if bar is not None:
            bar.max = max(total, 1)
            bar.value = min(n, bar.max)

    def _finished(self, folder_id: str, result: FetchResult | None, failure: str) -> None:
        self.running = False
        self.button.disabled = False
        try:
            if result is None:
                tr = translator(self.language)
                self.error.value = _box(tr(f"fetch.error.{failure}"), "error")
                return
            for p in result.persons:  # persons with no works page still end complete
                self._advance(p.identity.person_id, p.works, p.works)
            if folder_id == self._folder_id:
                self.unidentified = result.unidentified
                self._render_chooser()
                self.app.screening.open_proposal(folder_id, *self.app.screening.window)
        finally:
            self._done.set()

    # ---- rendering -------------------------------------------------------------------

    def _render_provenance(self, fetched: Any) -> None:
        tr = translator(self.language)
        if fetched is None:
            self.provenance.value = ""
            return
        when = fetched.fetched_at.replace("T", " ").replace("+00:00", " UTC")
        text = tr("fetch.provenance", api=fetched.api, when=when, works=fetched.works)
        self.provenance.value = f"<div class='wb-fetch-provenance'>{markup.esc(text)}</div>"

    def _render_chooser(self) -> None:
        tr = translator(self.language)
        chosen = self.chosen.get(self._folder_id, {})
        rows: list[w.Widget] = []
        if self.unidentified:
            rows.append(w.HTML(_box(tr("fetch.unidentified"), "info")))
        for identity in self.unidentified:
            options = [(_candidate_text(c, tr), c.id) for c in identity.candidates] or [
                (tr("fetch.no_candidates"), "")
            ]
            pick = w.Dropdown(options=options, layout=w.Layout(width="36rem"))
            use = w.Button(description=tr("fetch.use"), disabled=not identity.candidates)
            use.on_click(lambda _b, pid=identity.person_id, d=pick: self.choose(pid, d.value))
            picked = chosen.get(identity.person_id)
            note = tr("fetch.chosen", author=", ".join(picked)) if picked else ""
            rows.append(
                w.HBox(
                    [
                        w.Label(f"{identity.name} ({identity.person_id})"),
                        pick,
                        use,
                        w.HTML(markup.esc(note)),
                    ]
                )
            )
        self.chooser.children = tuple(rows)

    def _labels(self, _change: object = None) -> None:
        tr = translator(self.language)
        self.button.description = tr("fetch.button")
        if self._folder_id:
            files = self._files(self._folder_id)
            self._render_provenance(read_provenance(files.folder) if files else None)
            self._render_chooser()


def _candidate_text(c: Any, tr: Any) -> str:
    where = "; ".join(c.institutions) or tr("fetch.no_institution")
    return tr("fetch.candidate", id=c.id, name=c.display_name, works=c.works_count, where=where)


def _box(html: str, kind: str) -> str:
    return f"<div class='wb-status wb-status-{kind}'>{html}</div>"
