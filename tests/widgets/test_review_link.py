"""The review page opened on the proposal its address names (``?proposal=ID``), headless."""

from __future__ import annotations

from widgets.review.link import open_linked


def test_the_proposal_named_in_the_address_is_opened(make_app) -> None:
    app = make_app()
    quiet = next(e for e in app.picker.entries if e["id"] == "quiet")
    open_linked(app, {"QUERY_STRING": f"proposal={quiet['proposal_id']}"})
    app.wait()
    assert app.proposal == "quiet"
    assert app.picker.proposal_id == "quiet"
    assert app.picker.select.value == "quiet"


def test_an_unknown_or_missing_proposal_leaves_the_page_as_it_opens(make_app) -> None:
    app = make_app()
    open_linked(app, {"QUERY_STRING": "proposal=NO-SUCH-PROPOSAL"})
    open_linked(app, {})
    assert app.proposal in ("", None)
    assert app.picker.proposal_id == ""
