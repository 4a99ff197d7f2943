"""The analyst page as the notebook shows it: :func:`build_app` makes a
:class:`~widgets.portfolio.app.PortfolioApp` and, in a background thread, reads the
portfolio tables kept in ``WORKBENCH_PORTFOLIO_DIR`` and screens only the proposals
that are new or changed since (:func:`workbench.portfolio.stored.refresh`), with
progress and errors shown on the page in plain words."""

from __future__ import annotations

import dataclasses
import logging
import os
import threading
from collections.abc import Callable
from datetime import date
from typing import Any

from widgets.common import markup
from widgets.common.kernel_thread import call_soon
from widgets.common.ready import PageShown
from widgets.portfolio.app import PortfolioApp
from widgets.portfolio.revision import RevisionView
from workbench.list_versions import VersionRecord
from workbench.portfolio.inputs import InputsStamp, inputs_stamp, table_stats
from workbench.portfolio.rescreen import RescreenReport
from workbench.portfolio.tables import PortfolioTables
from workbench.settings import Settings

log = logging.getLogger("widgets")


def build_app(settings: Settings | None = None, *, wait: bool = False) -> PortfolioApp:
    """The analyst page for the settings' proposals folder, lists, store and tables.

    The stored tables are read, and proposals missing or stale in them screened,
    in a background thread (progress shown on the page;
    the widgets change on the kernel's thread); ``wait=True`` returns only once
    the screening is done, and outside a kernel (scripts, tests) once it is shown.
    In a kernel Voila preheats (``VOILA_PREHEAT``), that is done before anyone opens
    the page; once the browser shows it, the page checks (file stats, the store's
    last event: :mod:`workbench.portfolio.inputs`) whether anything changed since,
    and reads the tables again if so (``app.loading``: :class:`TablesLoading`).
    """
    settings = settings or Settings.from_env()
    app = PortfolioApp(language=settings.language, review_url=settings.review_url)
    app.views.children = [*app.views.children, revision_view(settings, app.tr())]
    page_shown = PageShown()
    app.children = (*app.children, page_shown)
    app.loading = loading = TablesLoading(settings, app)
    loading.show_busy()
    loading.start()
    if os.environ.get("VOILA_PREHEAT") == "True":
        page_shown.observe(lambda _c: loading.check(), names="shown")
    if wait:
        loading.join()
    return app


class TablesLoading:
    """Reads the tables (screening what is missing or stale) into ``app`` in a background
    thread; :meth:`check` does it again when the inputs changed since the last read."""

    def __init__(self, settings: Settings, app: PortfolioApp) -> None:
        self.settings = settings
        self.app = app
        #: what the tables shown were made from (None until they are shown)
        self.stamp: InputsStamp | None = None
        #: how many times the tables were read (1 after the first read)
        self.reads = 0
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        self._run(self._load)

    def check(self) -> None:
        """Read the tables again, in the background, if their inputs changed since."""
        self._run(self._check)

    def join(self, timeout: float | None = None) -> bool:
        """Wait for the work running (if any); whether it is over."""
        with self._lock:
            thread = self._thread
        if thread is not None:
            thread.join(timeout)
            return not thread.is_alive()
        return True

    def _run(self, target: Callable[[], None]) -> None:
        with self._lock:
            before = self._thread

            def after() -> None:
                if before is not None:
                    before.join()  # one read at a time, in order
                target()

            self._thread = threading.Thread(target=after, name="portfolio-tables", daemon=True)
            self._thread.start()

    def _stamp(self, store: Any) -> InputsStamp:
        s = self.settings
        return inputs_stamp(s.data_dir, s.lists, s.portfolio_dir, store)

    def _check(self) -> None:
        from workbench.store import open_store

        try:
            store = open_store(self.settings.db_url)
            try:
                now = self._stamp(store)
            finally:
                store.close()
        except Exception:  # the read below says what is wrong on the page
            log.warning("portfolio inputs could not be checked", exc_info=True)
            now = None
        if now is None or now != self.stamp:
            call_soon(self.show_busy)
            self._load()

    def show_busy(self) -> None:
        """The page says the tables are being read."""
        app = self.app
        app.progress.value = 0
        app.progress.layout.display = ""
        app.status.value = markup.status_html(app.tr()("load.lists"), "busy")

    def _load(self) -> None:
        """Screen in this background thread; the page changes on the kernel's thread."""
        from workbench.list_updates.status import list_warnings
        from workbench.lists import load_lists
        from workbench.portfolio.stored import refresh
        from workbench.store import open_store

        settings, app = self.settings, self.app

        def show_progress(done: int, total: int) -> None:
            app.progress.max = max(total, 1)
            app.progress.value = done
            app.status.value = markup.status_html(
                app.tr()("load.screening", done=done, total=total), "busy"
            )

        def progress(done: int, total: int, _name: str) -> None:
            call_soon(show_progress, done, total)

        try:
            store = open_store(settings.db_url)
            try:
                stamp = self._stamp(store)  # before reading: a change while reading is seen
                lists = [x.value for x in load_lists(settings.lists)]
                warnings = list_warnings(lists, date.today(), settings.list_max_age_days)
                call_soon(app.set_list_warnings, warnings)
                run = refresh(
                    settings.portfolio_dir,
                    settings.data_dir,
                    lists,
                    progress=progress,
                    store=store,
                    years=settings.lookback_years,
                )
            finally:
                store.close()
        except Exception as exc:  # shown in plain words, logged with its traceback
            call_soon(self._show_error, exc)
            return
        # the tables as this read wrote them back
        self.stamp = dataclasses.replace(stamp, tables=table_stats(settings.portfolio_dir))
        self.reads += 1
        call_soon(self._show_tables, run.tables)

    def _show_tables(self, tables: PortfolioTables) -> None:
        try:
            self.app.set_tables(tables)
        except Exception as exc:
            self._show_error(exc)
            return
        self.app.status.value = ""
        self.app.progress.layout.display = "none"

    def _show_error(self, exc: Exception) -> None:
        log.error("portfolio screening failed", exc_info=exc)
        self.app.status.value = markup.status_html(f"{type(exc).__name__}: {exc}", "error")
        self.app.progress.layout.display = "none"


def revision_view(settings: Settings, tr: Callable[..., str]) -> RevisionView:
    """The list-revision view: versions from the settings' register, compared on the
    settings' proposals (each side's tables kept under the portfolio folder)."""
    from workbench.list_versions import VersionRegistry
    from workbench.lists import load_lists
    from workbench.portfolio.impact import list_impact, revisions
    from workbench.store import open_store

    try:
        versions = revisions(VersionRegistry(settings.list_registry))
    except Exception:  # an unreadable register: the view says there is nothing to compare
        log.warning("list register %s could not be read", settings.list_registry, exc_info=True)
        versions = {}

    def compare(old: VersionRecord, new: VersionRecord) -> RescreenReport:
        lists = [x.value for x in load_lists(settings.lists)]
        store = open_store(settings.db_url)
        try:
            return list_impact(
                settings.data_dir,
                old,
                new,
                lists,
                kept=settings.portfolio_dir / "revisions",
                store=store,
                years=settings.lookback_years,
            )
        finally:
            store.close()

    return RevisionView(versions, compare, tr, review_url=settings.review_url)
