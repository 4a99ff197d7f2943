"""The reviewer's name is kept by the browser (a Remembered widget) unless an identity is given."""

from __future__ import annotations

from widgets.review.app import REVIEWER_KEY


def test_an_entered_name_is_handed_to_the_browser_to_keep(make_app) -> None:
    app = make_app()
    assert app.remembered_reviewer.key == REVIEWER_KEY
    assert app.remembered_reviewer.value == ""
    app.reviewer_box.value = "Sato Hanako"
    assert app.remembered_reviewer.value == "Sato Hanako"
    app.reviewer_box.value = ""  # cleared: the browser forgets it
    assert app.remembered_reviewer.value == ""


def test_the_name_the_browser_kept_fills_an_empty_box(make_app) -> None:
    app = make_app()
    app.remembered_reviewer.value = "Sato Hanako"  # what the front end does after a reload
    assert app.reviewer_box.value == "Sato Hanako"
    assert app.reviewer == "Sato Hanako"


def test_a_name_being_typed_is_not_overwritten_by_the_kept_one(make_app) -> None:
    app = make_app()
    app.reviewer_box.value = "Tanaka"
    app.remembered_reviewer.value = "Sato Hanako"
    assert app.reviewer_box.value == "Tanaka" and app.reviewer == "Tanaka"


def test_a_given_identity_is_neither_kept_nor_replaced(make_app) -> None:
    app = make_app(reviewer="Tanaka")
    assert app.reviewer_box.disabled
    assert app.remembered_reviewer.value == ""
    app.remembered_reviewer.value = "Sato Hanako"
    assert app.reviewer_box.value == "Tanaka" and app.reviewer == "Tanaka"
