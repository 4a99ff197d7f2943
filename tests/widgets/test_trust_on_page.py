"""What the review page says about the window screened with and the store's tamper evidence."""

from __future__ import annotations

import io

import pytest
from openpyxl import load_workbook

from widgets.common import markup
from widgets.common.i18n import translator
from widgets.review.app import App, AppState
from workbench.store.store import Store

from .conftest import html_of, texts_of

EXAMPLE = "example"


def _open(app: App, folder: str = EXAMPLE, **window: object) -> None:
    app.open_proposal(folder, **window)
    app.wait()
    assert app.state is AppState.READY, app.status.message


def test_the_faq_window_has_no_notice_and_labels_say_two_years(make_app) -> None:
    app = make_app()
    _open(app)
    assert app.overview.window_notice.value == ""
    assert "直近2年" in html_of(app.overview)
    assert "直近2年の共著" in texts_of(app.findings)


@pytest.mark.parametrize(
    ("language", "notice", "check", "window"),
    [
        (
            "ja",
            "FAQ の確認期間は 2 年です（Q3.6）。この審査では 7 年を使っています。",
            "直近7年の共著",
            "直近7年",
        ),
        (
            "en",
            "The FAQ's window is 2 years (Q3.6); this review uses 7.",
            "Co-authorship in the last 7 years",
            "the last 7 years",
        ),
    ],
)
def test_another_window_is_noted_and_every_label_says_it(
    make_app, language: str, notice: str, check: str, window: str
) -> None:
    app = make_app()
    app.language = language
    _open(app, years=7)
    assert app.findings.view is not None and app.findings.view.years == 7
    assert markup.esc(notice) in app.overview.window_notice.value
    assert window in html_of(app.overview)
    assert check in texts_of(app.findings)  # the check filter
    rows = html_of(app.findings)
    assert check in rows and "2年" not in rows and "2 years" not in rows
    key = next(f.key for f in app.findings.view.findings if f.check == "recent_coauthorship")
    app.findings.selected_key = key
    assert check in html_of(app.evidence)
    tr = translator(language)
    page = markup.printable_html(app.findings.view, {}, None, [], language, tr)
    assert check in page and window in page
    app.reviewer_box.value = "alice"
    app.export.xlsx_button.click()
    sheet = load_workbook(io.BytesIO(app.last_export))["所見 Findings"]
    assert check in {c.value for c in sheet["B"]}


def test_a_store_that_fails_verification_shows_a_banner_in_the_page_language(
    make_app, store: Store
) -> None:
    app = make_app()
    assert app.overview.store_report is not None and app.overview.store_report.ok
    assert app.overview.store_banner.value == ""
    _open(app)
    app.reviewer_box.value = "alice"
    key = next(iter(app.findings.view.findings)).key
    app.findings.selected_key = key
    app.evidence.choice.value = "confirmed"
    app.evidence.save_button.click()
    with store.engine.begin() as conn:
        conn.exec_driver_sql("DROP TRIGGER events_no_update")
        conn.exec_driver_sql("UPDATE events SET reviewer = 'mallory'")
    _open(app, "quiet")
    banner = app.overview.store_banner.value
    assert "記録の改ざんの疑い" in banner and "wb-banner-error" in banner
    app.language = "en"
    assert "may have been tampered with" in app.overview.store_banner.value
