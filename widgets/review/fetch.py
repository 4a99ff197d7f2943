"""Fetch a proposal's publications from OpenAlex on the review page.

A proposal without publications shows "論文を取得" (fetch publications). The
fetch runs in a thread of its own, never on the kernel's thread; each in-scope
person has a progress bar, moved on the kernel's thread (:func:`call_soon`).
When it is done the works and their provenance are in the proposal's folder
(:mod:`workbench.session.fetching`) and the page screens the proposal again;
the panel then says where the publications came from and when. Persons the
fetch could not identify are listed with their candidates; a choice is recorded
in the store with the reviewer's name and used by the next fetch. An error is
shown beside the button in the page's language, and nothing is written.

>>> panel = FetchPanel()
>>> panel.language = "en"
>>> panel.button.description
'Fetch publications'
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from datetime import UTC, date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import ipywidgets as w
import traitlets as t

from widgets.common import markup
from widgets.common.i18n import translator
from widgets.common.kernel_thread import call_soon
from widgets.common.notices import banner_html
from workbench.settings import LANGUAGES

if TYPE_CHECKING:
    from workbench.model import Proposal
    from workbench.session.fetching import Provenance, Unidentified
    from workbench.settings import Settings
    from workbench.store.store import Store

log = logging.getLogger("widgets")

HIDDEN, SHOWN = "none", "flex"


class FetchPanel(w.VBox):
    """The button, one progress bar per person, the candidates to choose from, the source."""

    language = t.Enum(list(LANGUAGES), default_value=LANGUAGES[0])
    running = t.Bool(False)

    def __init__(
        self,
        settings: Settings | None = None,
        *,
        store: Callable[[], Store] | None = None,
        reviewer: Callable[[], str] = lambda: "",
        done: Callable[[str], None] = lambda _folder: None,
        **kwargs: Any,
    ) -> None:
        self.settings = settings
        self._store, self._reviewer, self._done = store, reviewer, done
        self.heading = w.HTML()
        self.source = w.HTML()
        self.button = w.Button(icon="download")
        self.error = w.HTML()
        self.error.add_class("wb-fetch-error")
        self.bars: dict[str, w.FloatProgress] = {}
        self.counts: dict[str, w.Label] = {}
        self.progress = w.VBox()
        #: person id → (candidates, choose button) for each unidentified person
        self.choices: dict[str, tuple[w.Dropdown, w.Button]] = {}
        self.chooser = w.VBox()
        self.notice = w.HTML()
        self.folder: Path | None = None
        self.proposal: Proposal | None = None
        self.window: tuple[date, int] | None = None
        self._provenance: Provenance | None = None
        self._has_works = True
        self._thread: threading.Thread | None = None
        super().__init__(
            children=[
                self.heading,
                self.source,
                w.HBox([self.button, self.error], layout=w.Layout(align_items="center")),
                self.progress,
                self.notice,
                self.chooser,
            ],
            **kwargs,
        )
        self.add_class("wb-fetch")
        self.layout.display = HIDDEN
        self.button.on_click(self.fetch)
        self.observe(self._labels, names="language")
        self._labels()

    # ---- what the page tells the panel ---------------------------------------------------

    def show_for(self, folder: Path, proposal: Proposal, reference: date, years: int) -> None:
        """The proposal now shown (its folder, reference date and window length)."""
        from workbench.session.fetching import has_works, read_provenance

        if folder != self.folder:
            self.error.value = self.notice.value = ""
            self.progress.children = ()
        self.folder, self.proposal, self.window = folder, proposal, (reference, years)
        self._has_works = has_works(folder)
        self._provenance = read_provenance(folder)
        self._build_chooser()
        self._labels()

    def withdraw(self) -> None:
        """No proposal shown."""
        self.folder = self.proposal = None
        self.layout.display = HIDDEN

    # ---- fetching ------------------------------------------------------------------------

    def fetch(self, _button: object = None) -> None:
        """Fetch the shown proposal's publications in a thread of its own."""
        if self.running or self.folder is None or self.proposal is None or self.window is None:
            return
        from workbench.session.fetching import in_scope_persons

        self.running = True
        self.error.value = self.notice.value = ""
        self._make_bars(in_scope_persons(self.proposal))
        self._labels()
        folder, proposal, (reference, years) = self.folder, self.proposal, self.window
        self._thread = threading.Thread(
            target=self._run, args=(folder, proposal, reference, years), daemon=True
        )
        self._thread.start()

    def wait(self, timeout: float = 60.0) -> None:
        """Wait for the fetch to end (tests)."""
        if self._thread is not None:
            self._thread.join(timeout)

    def _run(self, folder: Path, proposal: Proposal, reference: date, years: int) -> None:
        from workbench.session.fetching import chosen_authors, client_for, fetch_into_folder

        try:
            assert self.settings is not None and self._store is not None
            chosen = chosen_authors(self._store(), proposal.proposal_id)
            with client_for(self.settings) as client:
                fetch_into_folder(client, folder, proposal, reference, years, chosen, self._report)
        except Exception as exc:  # shown beside the button; the log keeps the traceback
            log.warning("fetching the publications of %s failed", folder.name, exc_info=True)
            call_soon(self._failed, folder, exc)
            return
        call_soon(self._finished, folder)

    def _report(self, person_id: str, n: int, total: int) -> None:
        call_soon(self._advance, person_id, n, total)

    def _advance(self, person_id: str, n: int, total: int) -> None:
        bar = self.bars.get(person_id)
        if bar is not None:
            bar.value = 1.0 if total <= 0 else min(1.0, n / total)
            self.counts[person_id].value = translator(self.language)("fetch.works_count", n=n)

    def _failed(self, folder: Path, exc: Exception) -> None:
        self.running = False
        if folder == self.folder:
            tr = translator(self.language)
            self.error.value = banner_html(tr("fetch.error", detail=str(exc)), "error")
            self._labels()

    def _finished(self, folder: Path) -> None:
        self.running = False
        for person_id, bar in self.bars.items():
            if bar.value < 1.0 and person_id in self.counts:  # not identified: nothing asked
                bar.bar_style = "warning"
        if folder == self.folder and self.proposal is not None and self.window is not None:
            self.show_for(folder, self.proposal, *self.window)
        self._done(folder.name)

    def _make_bars(self, persons: list[tuple[str, str]]) -> None:
        self.bars, self.counts, rows = {}, {}, []
        for person_id, name in persons:
            bar = w.FloatProgress(value=0.0, min=0.0, max=1.0, layout=w.Layout(width="12rem"))
            self.bars[person_id], self.counts[person_id] = bar, w.Label("")
            label = w.Label(f"{name} ({person_id})", layout=w.Layout(width="14rem"))
            row = w.HBox([label, bar, self.counts[person_id]])
            row.add_class("wb-fetch-person")
            rows.append(row)
        self.progress.children = rows

    # ---- choosing an author ----------------------------------------------------------------

    def choose(self, person_id: str, _button: object = None) -> None:
        """Record the candidate chosen for ``person_id`` (used by the next fetch)."""
        from workbench.session.fetching import choose_author

        tr = translator(self.language)
        who = self._reviewer().strip()
        if not who:
            self.notice.value = banner_html(tr("fetch.need_reviewer"), "error")
            return
        person = next(u for u in self._unidentified() if u.person_id == person_id)
        dropdown = self.choices[person_id][0]
        candidate = next(c for c in person.candidates if c.id == dropdown.value)
        assert self._store is not None and self.proposal is not None
        try:
            choose_author(self._store(), self.proposal.proposal_id, person_id, candidate, who)
        except Exception as exc:
            log.warning("recording an author choice failed", exc_info=True)
            self.notice.value = banner_html(str(exc), "error")
            return
        text = tr("fetch.chosen", person=person.name, author=candidate.id, who=who)
        self.notice.value = f"<div class='wb-notice'>{markup.esc(text)}</div>"
        self._labels()

    def _unidentified(self) -> tuple[Unidentified, ...]:
        return self._provenance.unidentified if self._provenance is not None else ()

    def _build_chooser(self) -> None:
        self.choices, rows = {}, []
        for person in self._unidentified():
            options = [(c.id, c.id) for c in person.candidates]
            dropdown = w.Dropdown(options=options, layout=w.Layout(width="28rem"))
            button = w.Button(disabled=not options)
            button.on_click(lambda b, pid=person.person_id: self.choose(pid, b))
            self.choices[person.person_id] = (dropdown, button)
            rows.append(w.VBox([w.HTML(), w.HBox([dropdown, button])]))
        self.chooser.children = rows

    # ---- words -------------------------------------------------------------------------------

    def _labels(self, _change: object = None) -> None:
        tr = translator(self.language)
        prov, unidentified = self._provenance, self._unidentified()
        wanted = self.folder is not None and (not self._has_works or bool(unidentified))
        self.layout.display = SHOWN if wanted or prov is not None else HIDDEN
        self.heading.value = f"<h4>{markup.esc(tr('fetch.title'))}</h4>"
        self.button.layout.display = None if wanted else HIDDEN
        self.button.disabled = self.running
        again = bool(unidentified) and self._has_works
        self.button.description = tr(
            "fetch.running" if self.running else "fetch.again" if again else "fetch.button"
        )
        source = ""
        if prov is not None:
            when = prov.fetched_at.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")
            line = tr(
                "fetch.source", api=prov.api, when=when, works=prov.works, persons=prov.persons
            )
            source = f"<div class='wb-fetch-source'>{markup.esc(line)}</div>"
        elif not self._has_works:
            source = f"<div>{markup.esc(tr('fetch.none'))}</div>"
        self.source.value = source
        heading = markup.esc(tr("fetch.unidentified"))
        self.chooser.layout.display = None if unidentified else HIDDEN
        for row, person in zip(self.chooser.children, unidentified, strict=True):
            note = f" — {markup.esc(person.note)}" if person.note else ""
            title, (dropdown, button) = row.children[0], self.choices[person.person_id]
            title.value = f"<b>{markup.esc(person.name)}</b> ({markup.esc(person.person_id)}){note}"
            dropdown.options = [
                (
                    tr(
                        "fetch.candidate",
                        id=c.id,
                        name=c.display_name,
                        works=c.works_count,
                        where="; ".join(c.institutions) or "-",
                    ),
                    c.id,
                )
                for c in person.candidates
            ] or [(tr("fetch.no_candidates"), "")]
            button.description = tr("fetch.choose")
        if unidentified:
            self.chooser.children[0].children[0].value = (
                f"<div><b>{heading}</b></div>" + self.chooser.children[0].children[0].value
            )
