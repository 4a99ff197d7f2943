"""The review overview warns, in the page language, about a list in use that is old or a
partial copy, with the command that refreshes it (the shipped CSL snapshot is both)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

from tests.widgets.conftest import html_of
from widgets.review.overview import Overview
from workbench.session.view import ListRow, ReviewView, list_warnings_of

SHIPPED_CSL = Path("data/lists/csl_2023-11.csv")


def _view(make_app: object) -> ReviewView:
    app = make_app()  # type: ignore[operator]
    app.picker.select.value = "example"  # what a click on the list does
    app.wait()
    view = app.overview.view
    assert view is not None
    # the page's own overview shows the list it screened against (a fixture list: dated,
    # not a partial copy), and its banner is what list_warnings_of says for today
    expected = list_warnings_of(view, date.today(), app.overview.list_max_age_days)
    assert (app.overview.list_banner.value == "") == (not expected)
    return view


def test_a_fresh_full_list_gives_no_banner(make_app: object) -> None:
    view = _view(make_app)
    fresh = tuple(replace(r, version=date.today().isoformat()) for r in view.lists)
    overview = Overview(list_max_age_days=90)
    overview.view = replace(view, lists=fresh)
    assert overview.list_banner.value == ""


def test_an_old_list_is_flagged_with_its_age_and_the_refresh_command(make_app: object) -> None:
    view = _view(make_app)
    old_day = date.today() - timedelta(days=120)
    old = tuple(replace(r, version=old_day.isoformat()) for r in view.lists)
    overview = Overview(list_max_age_days=90, view=replace(view, lists=old))
    html = overview.list_banner.value
    assert "120 日前" in html and "workbench lists update" in html
    overview.language = "en"
    assert "120 days old" in overview.list_banner.value
    # the limit is the setting's: with 200 days allowed the same list is not old
    overview.list_max_age_days = 200
    assert overview.list_banner.value == ""


def test_the_shipped_csl_snapshot_is_flagged_as_partial_and_old(make_app: object) -> None:
    view = _view(make_app)
    csl = ListRow("US Consolidated Screening List", "2023-11-16", 4227, str(SHIPPED_CSL))
    overview = Overview(list_max_age_days=90, view=replace(view, lists=(csl,)))
    kinds = [w.kind for w in list_warnings_of(overview.view, date.today(), 90)]
    assert kinds == ["old", "partial"]
    html = html_of(overview)
    assert "一部のみの写し" in html and "workbench lists update csl" in html
    overview.language = "en"
    assert "partial copy" in html_of(overview)


def test_the_warning_text_from_a_list_name_is_escaped(make_app: object) -> None:
    view = _view(make_app)
    hostile = ListRow("<img src=x onerror=alert(1)>", "", 1, "x.csv")
    overview = Overview(list_max_age_days=90, view=replace(view, lists=(hostile,)))
    assert "<img" not in overview.list_banner.value
    assert "&lt;img" in overview.list_banner.value
