"""The review page, headless: build it on fixtures, set values, click, check traits and store."""

from __future__ import annotations

import json
import shutil
from datetime import date, timedelta
from pathlib import Path

import pytest

from widgets.review.app import App, AppState, build_app
from workbench.settings import Settings
from workbench.store.store import Store, open_store

from .conftest import FIXTURES, LIST, html_of, texts_of

EXAMPLE = "example"
EXAMPLE_ID = "ASPIRE-2025-Q-0042"


def _open(app: App, folder: str = EXAMPLE) -> None:
    app.picker.select.value = folder  # what a click on the list does
    app.wait()
    assert app.state is AppState.READY, app.status.message


def _key(app: App, check: str) -> str:
    assert app.findings.view is not None
    return next(f.key for f in app.findings.view.findings if f.check == check)


def test_picker_lists_every_proposal_with_its_status_and_searches(make_app) -> None:
    app = make_app()
    ids = [e["id"] for e in app.picker.entries]
    assert ids == ["example", "quiet"]
    assert {e["status"] for e in app.picker.entries} == {"not-reviewed"}
    assert any("未審査" in label for label in app.picker.select.options[0])
    app.picker.search.value = "photonics"
    assert [v for _, v in app.picker.select.options] == ["quiet"]
    app.picker.search.value = "q-0042"
    assert [v for _, v in app.picker.select.options] == ["example"]
    app.picker.search.value = "nothing like this"
    assert app.picker.select.options == ()
    assert "提案が見つかりません" in html_of(app.picker)


def test_state_drives_what_is_enabled(make_app) -> None:
    app = make_app()
    assert app.state is AppState.EMPTY
    assert not app.findings.enabled and not app.overview.enabled
    assert app.overview.rescreen_button.disabled
    assert not hasattr(app, "judgment")  # made with the first proposal
    _open(app)
    assert app.findings.enabled and app.judgment.enabled and app.export.enabled
    app.state = AppState.SAVING
    assert not app.findings.enabled and app.picker.select.disabled


def test_picking_a_proposal_shows_overview_findings_and_scope(make_app) -> None:
    app = make_app()
    _open(app)
    view = app.findings.view
    assert view is not None and view.proposal_id == EXAMPLE_ID
    page = html_of(app)
    assert EXAMPLE_ID in page and "Cryogenic CMOS control electronics" in page
    assert "watch-2025-06-01" in page and "2025-06-01" in page  # list and version
    assert app.overview.as_of_picker.value == date(2025, 6, 20)
    assert app.overview.years_box.value == 2
    checks = {f.check for f in view.findings}
    assert {"recent_coauthorship", "listed_affiliation", "non_resident"} <= checks
    assert len(app.findings.shown_keys()) == len(view.findings)
    # scope: the Dutch PI and the secretary are out, with reasons
    out = {s.id for s in view.scope if not s.inside}
    assert {"p6", "p7"} <= out
    assert "対象外" in html_of(app.scope)
    # the suggested outcome is labelled as a suggestion
    assert "判定は審査者が行います" in html_of(app.overview)


def test_findings_filter_by_check_and_severity_and_sort(make_app) -> None:
    app = make_app()
    _open(app)
    table = app.findings
    total = len(table.shown_keys())
    table.check_filter.value = "non_resident"
    shown = table.filtered()
    assert shown and all(f.check == "non_resident" for f in shown)
    assert len(table.shown_keys()) == len(shown) < total
    table.check_filter.value = "*"
    table.severity_filter.value = "control"
    assert {f.severity for f in table.filtered()} == {"control"}
    table.severity_filter.value = "*"
    table.sort_by.value = "subject"
    names = [f.subject_name.lower() for f in table.filtered()]
    assert names == sorted(names)
    table.descending.value = True
    assert [f.subject_name.lower() for f in table.filtered()] == sorted(names, reverse=True)


def test_opening_a_finding_shows_its_evidence_entry_and_faq(make_app) -> None:
    app = make_app()
    _open(app)
    key = _key(app, "recent_coauthorship")
    app.findings.open_buttons()[key].click()
    assert app.findings.selected_key == key and app.evidence.key == key
    body = html_of(app.evidence)
    assert "<mark>" in body  # the matched span of the affiliation string
    assert "W9000000001" in body or "W9000000004" in body  # the supporting work
    assert "Q3.6" in body and "共著" in body  # FAQ question with its Japanese text
    assert "example entry for the dashboard tests" in body  # list entry with its reason
    row = app.findings._row_widgets[key]
    assert "wb-row-selected" in row._dom_classes


def test_dismissal_needs_a_rationale_and_is_stored_with_the_reviewer(
    make_app, store: Store
) -> None:
    app = make_app()
    _open(app)
    key = _key(app, "recent_coauthorship")
    app.findings.open_buttons()[key].click()
    app.evidence.choice.value = "dismissed"
    app.evidence.save_button.click()
    assert app.status.level == "error"  # no reviewer yet
    app.reviewer_box.value = "Sato Hanako"
    app.evidence.save_button.click()
    assert app.status.level == "error" and "理由" in app.evidence.errors.value
    assert store.state(EXAMPLE_ID).dispositions == {}
    app.evidence.rationale.value = "Different institute: the medical university, not HIT"
    app.evidence.save_button.click()
    decision = store.state(EXAMPLE_ID).dispositions[key]
    assert str(decision.disposition) == "dismissed"
    assert decision.reviewer == "Sato Hanako"
    assert decision.rationale.startswith("Different institute")
    assert app.findings.dispositions[key] == "dismissed"
    assert "誤検出として却下" in html_of(app.findings)
    assert app.picker.entries[0]["status"] == "in-progress"


def test_remembered_dismissal_feeds_the_match_memory(make_app, store: Store) -> None:
    app = make_app()
    _open(app)
    key = _key(app, "recent_coauthorship")
    row = app.findings.view.finding(key)
    app.reviewer_box.value = "reviewer-1"
    app.findings.open_buttons()[key].click()
    app.evidence.choice.value = "dismissed"
    app.evidence.rationale.value = "not the listed organisation"
    assert app.evidence.remember.layout.display != "none"
    app.evidence.remember.value = True
    app.evidence.save_button.click()
    assert store.match_memory().dismissed == frozenset()  # this proposal's, by default
    memory = store.match_memory(EXAMPLE_ID)
    texts = {e.affiliation for e in row.evidence if e.affiliation}
    assert texts and len(memory.dismissed) == len(texts) and not memory.confirmed
    assert all(memory.verdict(t, row.list_name, row.entry_id) == "dismissed" for t in texts)
    # the next screening obeys the memory: the dismissed match is not raised again
    app.overview.rescreen_button.click()
    app.wait()
    assert key not in {f.key for f in app.findings.view.findings}


def test_judgment_with_a_measure_is_saved_and_its_history_shown(make_app, store: Store) -> None:
    app = make_app(reviewer="Tanaka")
    _open(app)
    assert app.reviewer_box.value == "Tanaka" and app.reviewer_box.disabled
    form = app.judgment
    form.outcome.value = "mitigation-before-start"
    form.sri.value = "Cryo-CMOS layouts and unpublished measurement data"
    form.persons.value = "Sato Haruki, 田中 結衣"
    due = date.today() + timedelta(days=60)
    form.due.value = due
    form.export_control.value = True
    form.notes.value = "Ask before adoption."
    form.save_button.click()
    assert app.status.level == "ok", app.status.message
    state = store.state(EXAMPLE_ID)
    assert str(state.judgment.outcome) == "mitigation-before-start"
    assert state.judgment.reviewer == "Tanaka" and state.judgment.notes == "Ask before adoption."
    kinds = {str(m.kind): m for m in state.measures}
    assert set(kinds) == {"specified-research-information", "export-control-consultation"}
    assert kinds["specified-research-information"].persons == ("Sato Haruki", "田中 結衣")
    assert kinds["specified-research-information"].due == due
    page = html_of(form)
    assert "Cryo-CMOS layouts" in page and "判定: 研究開始前にリスク低減措置が必要" in page
    assert app.picker.entries[0]["status"] == "judged"
    assert form.sri.value == ""  # the form is reset to what is stored
    assert form.outcome.value == "mitigation-before-start"


def test_a_past_due_date_writes_nothing(make_app, store: Store) -> None:
    app = make_app(reviewer="Tanaka")
    _open(app)
    app.judgment.outcome.value = "mitigation-as-needed"
    app.judgment.awareness.value = "Seminar"
    app.judgment.due.value = date(2020, 1, 1)
    app.judgment.save_button.click()
    assert app.status.level == "error" and "2020-01-01" in app.judgment.errors.value
    assert store.state(EXAMPLE_ID).seq == 0


def test_a_stale_write_is_refused_and_shown_plainly(make_app, store: Store, db_path: Path) -> None:
    app = make_app(reviewer="Tanaka")
    _open(app)
    other = open_store(f"sqlite:///{db_path}")
    try:
        other.start_review(EXAMPLE_ID, reviewer="Suzuki", expected_seq=0, finding_keys=[])
        other.set_judgment(
            EXAMPLE_ID, "no-concern", "looked fine", reviewer="Suzuki", expected_seq=1
        )
    finally:
        other.close()
    app.judgment.outcome.value = "mitigation-as-needed"
    app.judgment.notes.value = "my notes"
    app.judgment.save_button.click()
    assert "Suzuki" in app.judgment.conflict and "保存されていません" in app.judgment.conflict
    assert "Suzuki" in html_of(app.judgment)
    assert app.status.level == "error"
    state = store.state(EXAMPLE_ID)
    assert state.seq == 2 and str(state.judgment.outcome) == "no-concern"
    assert app.judgment.notes.value == "my notes"  # what was typed is kept
    app.judgment.save_button.click()  # saving again, on the latest state, goes through
    assert str(store.state(EXAMPLE_ID).judgment.outcome) == "mitigation-as-needed"
    assert app.judgment.conflict == ""


def _save_with_a_measure(app: App) -> int:
    form = app.judgment
    form.outcome.value = "mitigation-before-start"
    form.awareness.value = "Seminar on <b>export</b> control for the whole team"
    form.due.value = date.today() + timedelta(days=30)
    form.save_button.click()
    assert app.status.level == "ok", app.status.message
    rows = form.measure_rows()
    assert len(rows) == 1
    return next(iter(rows))


def test_a_measure_status_and_due_date_are_updated_from_its_row(make_app, store: Store) -> None:
    app = make_app(reviewer="Tanaka")
    _open(app)
    mid = _save_with_a_measure(app)
    row = app.judgment.measure_rows()[mid]
    # the drop-down speaks the store's words, in Japanese by default
    assert row.status.value == "requested"
    assert ("対応中", "in-progress") in row.status.options
    assert ("完了", "done") in row.status.options
    assert "Seminar on &lt;b&gt;export&lt;/b&gt;" in html_of(app.judgment)
    assert "<b>export</b>" not in html_of(app.judgment)
    seq = store.state(EXAMPLE_ID).seq
    row.status.value = "in-progress"
    later = date.today() + timedelta(days=90)
    row.due.value = later
    row.update.click()
    assert app.status.level == "ok", app.status.message
    state = store.state(EXAMPLE_ID)
    assert state.seq == seq + 1  # one event
    measure = state.measure(mid)
    assert measure is not None and str(measure.status) == "in-progress" and measure.due == later
    last = state.history[-1]
    assert str(last.kind) == "measure-updated" and last.reviewer == "Tanaka"
    assert last.payload["changes"]["status"] == "in-progress"
    # the page shows the new state and the change in the history, with the reviewer
    assert app.judgment.measure_rows()[mid].status.value == "in-progress"
    newest = app.judgment.record["history"][0]
    assert newest["who"] == "Tanaka" and "対応中" in newest["what"]
    assert "リスク低減措置 1 を更新" in html_of(app.judgment)  # numbered in this proposal
    # the next step: done, with the status alone
    app.judgment.measure_rows()[mid].status.value = "done"
    app.judgment.measure_rows()[mid].update.click()
    assert str(store.state(EXAMPLE_ID).measure(mid).status) == "done"
    assert store.state(EXAMPLE_ID).measure(mid).due == later
    # nothing changed: nothing is written, and the reviewer is told
    before = store.state(EXAMPLE_ID).seq
    app.judgment.measure_rows()[mid].update.click()
    assert app.status.level == "error" and "リスク低減措置 1 の" in app.judgment.errors.value
    assert store.state(EXAMPLE_ID).seq == before
    # English labels on the same rows, switched at run time
    app.language = "en"
    assert ("done", "done") in app.judgment.measure_rows()[mid].status.options
    assert app.judgment.measure_rows()[mid].update.description == "Update"


def test_a_measure_due_date_in_the_past_is_refused_and_nothing_written(
    make_app, store: Store
) -> None:
    app = make_app(reviewer="Tanaka")
    _open(app)
    mid = _save_with_a_measure(app)
    seq = store.state(EXAMPLE_ID).seq
    row = app.judgment.measure_rows()[mid]
    row.due.value = date(2020, 1, 1)
    row.update.click()
    assert app.status.level == "error" and "2020-01-01" in app.judgment.errors.value
    assert store.state(EXAMPLE_ID).seq == seq


def test_a_stale_measure_update_is_refused_and_shown_plainly(
    make_app, store: Store, db_path: Path
) -> None:
    app = make_app(reviewer="Tanaka")
    _open(app)
    mid = _save_with_a_measure(app)
    seq = store.state(EXAMPLE_ID).seq
    other = open_store(f"sqlite:///{db_path}")
    try:  # another reviewer moves the same measure on meanwhile
        other.update_measure(
            EXAMPLE_ID, mid, reviewer="Suzuki", expected_seq=seq, status="withdrawn"
        )
    finally:
        other.close()
    row = app.judgment.measure_rows()[mid]
    row.status.value = "done"
    row.update.click()
    assert "Suzuki" in app.judgment.conflict and "保存されていません" in app.judgment.conflict
    assert app.status.level == "error"
    state = store.state(EXAMPLE_ID)
    assert state.seq == seq + 1 and str(state.measure(mid).status) == "withdrawn"
    assert all(e.reviewer != "Tanaka" for e in state.history[seq:])
    # the page shows the latest state, and keeps the reviewer's choice
    assert "取り下げ" in html_of(app.judgment) and "Suzuki" in html_of(app.judgment)
    assert app.judgment.measure_rows()[mid].status.value == "done"
    app.judgment.measure_rows()[mid].update.click()  # again, on the latest state: recorded
    assert str(store.state(EXAMPLE_ID).measure(mid).status) == "done"
    assert store.state(EXAMPLE_ID).history[-1].reviewer == "Tanaka"
    assert app.judgment.conflict == ""


def test_language_switches_every_label_at_run_time(make_app) -> None:
    app = make_app()
    _open(app)
    key = _key(app, "recent_coauthorship")
    app.findings.open_buttons()[key].click()
    assert "所見" in html_of(app.findings)
    app.language_toggle.value = "en"
    assert app.language == "en"
    for part in (
        app.picker,
        app.overview,
        app.findings,
        app.evidence,
        app.judgment,
        app.export,
        app.status,
    ):
        assert part.language == "en"
    page, texts = html_of(app), texts_of(app)
    assert "Findings" in page and "Suggested outcome" in page and "Co-author" in page
    assert "Save judgment" in texts and "Record disposition" in texts
    assert "所見" not in page
    app.language = "ja"
    assert app.language_toggle.value == "ja" and "所見" in html_of(app.findings)


def test_screening_runs_in_the_background_with_progress(make_app) -> None:
    app = make_app(background=True)
    # outside a kernel the background's statuses replace the picker's entries from its own
    # thread (in a kernel, on the kernel's thread between messages): let them land first
    assert app.idle(60)
    seen: list[float] = []
    app.status.observe(lambda c: seen.append(c["new"]), names="progress")
    app.picker.select.value = EXAMPLE
    app.wait()
    assert app.state is AppState.READY
    assert len(seen) >= 3 and seen == sorted(seen) and seen[-1] == 1.0
    assert app.status.level == "ok" and EXAMPLE_ID in app.status.message


def test_window_change_screens_again(make_app) -> None:
    app = make_app()
    _open(app)
    before = {f.key for f in app.findings.view.findings if f.check == "recent_coauthorship"}
    app.overview.as_of_picker.value = date(2022, 6, 1)
    app.overview.years_box.value = 2
    app.overview.rescreen_button.click()
    app.wait()
    view = app.findings.view
    assert view.as_of == "2022-06-01" and view.window_start == "2020-06-01"
    after = {f.key for f in view.findings if f.check == "recent_coauthorship"}
    assert after != before  # the 2021 paper with NUDT is now inside, the 2024 ones are not


def test_a_broken_proposal_is_shown_in_plain_words(make_app, tmp_path: Path) -> None:
    data = tmp_path / "proposals"
    shutil.copytree(FIXTURES / "proposals" / "quiet", data / "quiet")
    (data / "broken").mkdir()
    (data / "broken" / "proposal.json").write_text(
        '{"proposal_id": "X", "people": [{"side": "XX"}]}'
    )
    app = make_app(data_dir=data)
    broken = next(e for e in app.picker.entries if e["id"] == "broken")
    assert broken["error"]
    assert any("⚠" in label for label, _ in app.picker.select.options)
    app.picker.select.value = "broken"
    app.wait()
    assert app.state is AppState.FAILED
    assert app.status.level == "error"
    assert "Traceback" not in app.status.message and "$.people[0]" in app.status.message
    _open(app, "quiet")  # the page stays usable
    assert app.findings.view.findings == () or all(
        f.check != "recent_coauthorship" for f in app.findings.view.findings
    )


def test_export_gives_an_excel_workbook_and_a_printable_page(make_app) -> None:
    app = make_app(reviewer="Tanaka")
    _open(app)
    app.export.xlsx_button.click()
    assert app.last_export[:2] == b"PK"  # a zip: the xlsx container
    assert 'download="ASPIRE-2025-Q-0042-review.xlsx"' in app.export.link
    app.export.html_button.click()
    page = app.last_export.decode("utf-8")
    assert page.startswith("<!DOCTYPE html>") and EXAMPLE_ID in page
    assert "研究セキュリティ審査記録" in page


def test_hostile_text_stays_text_everywhere(make_app) -> None:
    app = make_app(data_dir=FIXTURES / "hostile" / "proposals", reviewer="Tanaka")
    _open(app, "hostile")
    for f in app.findings.view.findings:
        app.findings.open_buttons()[f.key].click()
        page = html_of(app).replace(app.style_html.value, "")
        assert "<script" not in page and "<img" not in page
    assert "&lt;script&gt;window.__xss=1&lt;/script&gt;" in html_of(app.overview)
    app.export.html_button.click()
    printable = app.last_export.decode("utf-8")
    assert "<script" not in printable and "<img" not in printable


def test_build_app_reads_the_environment_and_shows_bad_settings(
    monkeypatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("WORKBENCH_LOOKBACK_YEARS", "many")
    page = build_app()
    assert "WORKBENCH_LOOKBACK_YEARS" in page.value and "Traceback" not in page.value
    monkeypatch.setenv("WORKBENCH_LOOKBACK_YEARS", "2")
    monkeypatch.setenv("WORKBENCH_DATA_DIR", str(FIXTURES / "proposals"))
    monkeypatch.setenv("WORKBENCH_LISTS", str(LIST))
    monkeypatch.setenv("WORKBENCH_DB_URL", f"sqlite:///{tmp_path / 'env.db'}")
    monkeypatch.setenv("WORKBENCH_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("WORKBENCH_LANG", "en")
    app = build_app()
    try:
        assert isinstance(app, App) and app.language == "en"
        assert not app.background_started  # waits for the browser to show the page
        app.page_shown.shown = True
        assert [e["id"] for e in app.picker.entries] == ["example", "quiet"]
        assert app.idle()  # the store opens and the statuses follow in the background
        assert (tmp_path / "env.db").exists()
        assert {e["status"] for e in app.picker.entries} == {"not-reviewed"}
        assert app.workspace.cached("example")
    finally:
        app.close_all()


def test_settings_type_is_the_declared_one(make_app) -> None:
    app = make_app()
    assert isinstance(app.settings, Settings)
    assert json.dumps(app.picker.entries)  # plain values only cross into widgets


def test_findings_and_network_are_linked_both_ways(make_app) -> None:
    app = make_app()
    _open(app)
    from widgets.network.explorer import NetworkExplorer

    assert isinstance(app.network, NetworkExplorer) and app.network in app.network_box.children
    key = _key(app, "recent_coauthorship")
    row = app.findings.view.finding(key)
    app.findings.open_buttons()[key].click()
    me, other = app.network.highlight_link
    assert me == f"person:{row.subject}"
    graph = app.screened.graph
    names = {c.author_name for c in graph.contributions[other]}
    assert any(e.coauthor in names for e in row.evidence)
    # the finding's link is a flagged link of the network, drawn on top
    assert graph.coauthors.edges[me, other]["flagged_in_window"] is True
    assert row.entry_id and any(
        row.entry_id in e for e in graph.coauthors.edges[me, other]["entries"]
    )
    assert len(app.network._trace("highlight").x) == 2
    # a click on a team member's node filters the findings to that person
    app.network.selected_person = "person:p8"
    assert app.findings.person_filter == "p8"
    assert {f.subject for f in app.findings.filtered()} == {"p8"}
    assert "wb-badge" in html_of(app.findings)
    # a click on a co-author's node keeps the findings that co-author supports
    app.network.selected_person = other
    shown = app.findings.filtered()
    assert key in {f.key for f in shown}
    assert all(any(e.coauthor for e in f.evidence) for f in shown)
    app.network.selected_person = ""
    assert len(app.findings.filtered()) == len(app.findings.view.findings)
    # another proposal is shown in the same explorer
    explorer = app.network
    _open(app, "quiet")
    assert app.network is explorer and app.network.graph is app.screened.graph


def test_proposals_are_screened_ahead_so_a_switch_is_immediate(make_app) -> None:
    app = make_app(background=True, prefetch=True)
    assert app.background_started
    assert app.idle()
    assert app.workspace.cached("example") and app.workspace.cached("quiet")
    screened = app.workspace.screen("quiet")
    _open(app, "quiet")
    assert app.screened is screened  # the same object: nothing was screened again


def test_background_work_starts_without_the_browser_signal_after_a_while(
    make_app, monkeypatch
) -> None:
    import widgets.review.app as app_module

    monkeypatch.setattr(app_module, "BACKGROUND_FALLBACK_S", 0.05)
    settings_app = make_app()  # builds the fixtures' settings and store
    app = App(settings_app.settings, settings_app.workspace, background=True, prefetch=False)
    try:
        assert app.idle(timeout=60)  # started by the timer: the browser never said
        assert app.background_started
        assert {e["status"] for e in app.picker.entries} == {"not-reviewed"}
    finally:
        app.stop()


def test_review_parts_and_explorer_are_made_ahead_and_shown_with_a_proposal(make_app) -> None:
    app = make_app(background=True, prefetch=False)
    assert app.idle()
    assert app.network is not None and app.network.graph.proposal_id == ""  # the sample
    # placed on the page (the browser makes their views) but of no height and unseen
    assert app.judgment in app.main.children and app.network in app.network_box.children
    for part in (app.judgment, app.evidence, app.scope, app.export, app.network_box):
        assert part.layout.visibility == "hidden" and part.layout.height == "0px"
    assert not app.judgment.enabled
    explorer, judgment, children = app.network, app.judgment, app.main.children
    _open(app)
    assert app.network is explorer and app.judgment is judgment
    assert app.main.children == children  # revealed, not made again
    for part in (app.judgment, app.evidence, app.scope, app.export, app.network_box):
        assert part.layout.visibility is None and part.layout.height is None
    assert app.judgment.enabled and app.network.graph is app.screened.graph
    assert set(app.timings) >= {"load", "screen", "graph", "layout", "show", "total"}


def test_a_hub_user_is_shown_as_a_name_not_a_field(
    make_app, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("JUPYTERHUB_USER", "alice<b>")
    app = make_app()
    assert app.reviewer == "alice<b>"
    assert app.who_box.children == (app.signed_in,)
    assert "alice&lt;b&gt;" in app.signed_in.value and "審査者" in app.signed_in.value
