"""The analyst page as the notebook shows it: :func:`build_app` makes a
:class:`~widgets.portfolio.app.PortfolioApp` and, in a background thread, reads the
portfolio tables kept in ``WORKBENCH_PORTFOLIO_DIR`` and screens only the proposals
that are new or changed since (:func:`workbench.portfolio.stored.refresh`), with
progress and errors shown on the page in plain words."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from datetime import date

from widgets.common import markup
from widgets.common.kernel_thread import call_soon
from widgets.portfolio.app import PortfolioApp
from widgets.portfolio.revision import RevisionView
from workbench.list_versions import VersionRecord
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
    """
    from workbench.list_updates.status import list_warnings
    from workbench.lists import load_lists
    from workbench.portfolio.stored import refresh
    from workbench.store import open_store

    settings = settings or Settings.from_env()
    app = PortfolioApp(language=settings.language, review_url=settings.review_url)
    app.views.children = [*app.views.children, revision_view(settings, app.tr())]
    app.progress.layout.display = ""
    app.status.value = markup.status_html(app.tr()("load.lists"), "busy")

    def show_progress(done: int, total: int) -> None:
        app.progress.max = max(total, 1)
        app.progress.value = done
        app.status.value = markup.status_html(
            app.tr()("load.screening", done=done, total=total), "busy"
        )

    def progress(done: int, total: int, _name: str) -> None:
        call_soon(show_progress, done, total)

    def show_tables(tables: PortfolioTables) -> None:
        try:
            app.set_tables(tables)
        except Exception as exc:
            show_error(exc)
            return
        app.status.value = ""
        app.progress.layout.display = "none"

    def show_error(exc: Exception) -> None:
        log.error("portfolio screening failed", exc_info=exc)
        app.status.value = markup.status_html(f"{type(exc).__name__}: {exc}", "error")
        app.progress.layout.display = "none"

    def work() -> None:
        """Screen in this background thread; the page changes on the kernel's thread."""
        try:
            lists = [x.value for x in load_lists(settings.lists)]
            warnings = list_warnings(lists, date.today(), settings.list_max_age_days)
            call_soon(app.set_list_warnings, warnings)
            store = open_store(settings.db_url)
            try:
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
            call_soon(show_error, exc)
            return
        call_soon(show_tables, run.tables)

    thread = threading.Thread(target=work, name="portfolio-screening", daemon=True)
    thread.start()
    if wait:
        thread.join()
    return app


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
