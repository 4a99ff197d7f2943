"""What the review page says about the window screened with and the store's tamper evidence."""

from __future__ import annotations

import io
import re
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from widgets.common import entries, markup, printable
from widgets.common.i18n import translator
from widgets.review.app import App, AppState
from widgets.review.findings import ALL
from workbench.errors import InputError
from workbench.messages import MESSAGES, code_of
from workbench.model import ListEntry
from workbench.store.state import ReviewState
from workbench.store.store import Store

from .conftest import html_of, texts_of

EXAMPLE = "example"
EXAMPLE_ID = "ASPIRE-2025-Q-0042"


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
    page = printable.printable_html(app.findings.view, {}, None, [], language, tr)
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


# ---- save errors beside the form ------------------------------------------------------

#: The problem codes a save on the review page can meet (the store's checks of what the
#: page sends: dispositions, judgments, measures, remembered verdicts).
PAGE_CODES = (
    "due.past",
    "due.not_a_date",
    "rationale.dismissal",
    "text.empty",
    "text.control",
    "text.too_long",
    "text.not_text",
    "persons.not_list",
    "choice.unknown",
    "review.not_started",
    "finding.unknown",
    "finding.repeated",
    "measure.unknown",
    "measure.no_change",
    "save.nothing",
)
#: What the page itself refuses before asking the store.
PAGE_REFUSALS = (
    "judgment.need_reviewer",
    "judgment.need_outcome",
    "judgment.measure_unchanged",
    "disposition.need_rationale",
    "error.see_form",
)


@pytest.mark.parametrize("code", PAGE_CODES)
def test_every_problem_the_page_can_show_has_japanese_and_english_text(code: str) -> None:
    m = MESSAGES[code]
    assert re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", m.ja), code
    assert m.en.isascii() and m.en != m.ja, code


@pytest.mark.parametrize("key", PAGE_REFUSALS)
def test_every_refusal_of_the_page_has_japanese_and_english_text(key: str) -> None:
    ja, en = translator("ja")(key, id=1), translator("en")(key, id=1)
    assert re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", ja) and en.isascii(), key


def test_the_store_refusals_the_page_meets_all_have_a_code() -> None:
    """The commands the page sends, made bad in every way a reviewer can: each problem
    is one of the page's codes (so it is said in the reviewer's language)."""
    from workbench.store.commands import AddMeasure, SetDisposition, SetJudgment

    state = ReviewState("P-1", seq=2, finding_keys=("k1",))
    today = date(2025, 6, 20)
    for command in (
        SetDisposition("k1", "dismissed", ""),
        SetDisposition("k1", "dismissed", "a\x1bb"),
        SetJudgment("no-concern", "x" * 30_000),
        AddMeasure("awareness-raising", " ", due="2020-01-01"),
    ):
        with pytest.raises(InputError) as e:
            command.payload(state, today)
        assert {code_of(p) for p in e.value.problems} <= set(PAGE_CODES)


def test_a_refused_save_is_said_once_beside_its_form_in_the_page_language(
    make_app, store: Store
) -> None:
    app = make_app(reviewer="Tanaka")
    _open(app)
    form = app.judgment
    form.outcome.value = "mitigation-as-needed"
    form.awareness.value = "Seminar"
    form.notes.value = "bad \x1b[31m notes"
    form.due.value = date(2020, 1, 1)
    form.save_button.click()
    shown = form.errors.value
    assert shown.count("期限は今日以降の日付にしてください") == 1
    assert shown.count("制御文字") == 1
    page = html_of(app)
    assert page.count("期限は今日以降の日付にしてください") == 1  # once, beside the form
    assert "2020-01-01" not in app.status.message and "due" not in app.status.message
    assert app.status.message == translator("ja")("error.see_form")
    assert store.state(EXAMPLE_ID).seq == 0
    app.language = "en"
    assert "The due date must be today or later" in form.errors.value
    assert "Control characters" in form.errors.value
    assert app.status.message == translator("en")("error.see_form")
    # a save that goes through clears the form's errors
    form.notes.value = "fine"
    form.due.value = None
    form.save_button.click()
    assert form.errors.value == "" and app.status.level == "ok"


def test_a_refused_disposition_is_said_beside_the_evidence_form(make_app, store: Store) -> None:
    app = make_app(reviewer="Tanaka")
    _open(app)
    key = next(iter(app.findings.view.findings)).key
    app.findings.selected_key = key
    app.evidence.choice.value = "dismissed"
    app.evidence.save_button.click()
    assert "却下するには理由を入力してください。" in app.evidence.errors.value
    assert app.judgment.errors.value == ""
    app.evidence.rationale.value = "not \x07 this"
    app.evidence.save_button.click()
    assert "制御文字" in app.evidence.errors.value
    assert "却下するには" not in app.evidence.errors.value
    assert store.state(EXAMPLE_ID).dispositions == {}


# ---- list entries readable ----------------------------------------------------------

LISTS = Path(__file__).resolve().parents[1] / "fixtures" / "lists"
HASH = "380d9cdaa2a955c310e28f4ad9b83be6d9e4d97bed76ecd908a125c1"


def test_listing_reasons_in_full_and_long_ids_shortened_with_the_full_value_on_hover(
    make_app,
) -> None:
    app = make_app(lists=(LISTS / "meti_eul_sample.xlsx", LISTS / "csl_sample.json"))
    _open(app)
    rows = html_of(app.findings)
    assert "大量破壊兵器等の懸念: ミサイル (M); 通常兵器 (CW)" in rows
    assert f'title="{HASH}">380d9cda…</span>' in rows
    assert f">{HASH}<" not in rows  # the long hash is never shown whole
    view = app.findings.view
    csl = next(f for f in view.findings if f.entry_id == HASH)
    app.findings.selected_key = csl.key
    evidence = html_of(app.evidence)
    assert f'title="{HASH}"' in evidence
    assert "エンティティ・リスト（米国商務省産業安全保障局）" in evidence
    meti = next(f for f in view.findings if f.entry_id == "jp-eul-541")
    app.findings.selected_key = meti.key
    assert "大量破壊兵器等の懸念: ミサイル (M); 通常兵器 (CW)" in html_of(app.evidence)
    app.language = "en"
    english = "Concerns (weapons of mass destruction etc.): missiles (M); conventional weapons (CW)"
    assert english in html_of(app.evidence) and english in html_of(app.findings)
    # the printable record keeps the full id
    page = printable.printable_html(view, {}, None, [], "en", translator("en"))
    assert HASH in page


def test_list_texts_are_escaped() -> None:
    entry = ListEntry("L", "<i>e</i>", "N", reasons=("<script>x</script>",), programs=("<b>P</b>",))
    html = entries.reasons_html(entry, "ja") + entries.entry_id_html("<i>e</i>", "<e>")
    assert "<script>" not in html and "<b>" not in html and "<i>" not in html and "<e>" not in html
    assert "&lt;script&gt;" in html


# ---- remembered verdicts in the open -------------------------------------------------


def _dismiss_remembered(app: App, check: str, scope: str = "proposal") -> str:
    view = app.findings.view
    key = next(f.key for f in view.findings if f.check == check)
    app.findings.open_buttons()[key].click()
    app.evidence.choice.value = "dismissed"
    app.evidence.rationale.value = "The <b>hospital</b>, not the university"
    app.evidence.remember.value = True
    assert app.evidence.scope.layout.display == "flex" and app.evidence.scope.value == "proposal"
    app.evidence.scope.value = scope
    app.evidence.save_button.click()
    app.wait()
    assert app.state is AppState.READY, app.status.message
    return key


def test_a_remembered_dismissal_is_counted_shown_listed_and_revoked(make_app, store: Store) -> None:
    app = make_app(reviewer="Sato Hanako")
    _open(app)
    assert app.parts.remembered.controls() == {}
    assert "適用される記憶済みの判断はありません" in html_of(app.parts.remembered)
    assert app.findings.hidden_toggle.layout is not None
    before = {f.key for f in app.findings.view.findings}
    key = _dismiss_remembered(app, "recent_coauthorship")
    # scoped to this proposal, by default
    verdicts = store.match_verdicts().entries
    assert verdicts and {v.scope for v in verdicts} == {"proposal"}
    assert {v.proposal_id for v in verdicts} == {EXAMPLE_ID}
    # the finding is hidden, and the header says so
    shown = {f.key for f in app.findings.view.findings}
    assert key not in shown and shown < before
    hidden = {h.row.key for h in app.findings.hidden}
    assert key in hidden and hidden == before - shown
    n = len(hidden)
    assert f"{n} 件の一致は記憶済みの却下で非表示" in html_of(app.findings)
    assert app.findings.hidden_toggle.description == "表示"
    assert app.findings.hidden_shown() == {}
    app.findings.hidden_toggle.click()
    row = app.findings.hidden_shown()[key]
    assert "記憶済みの却下: Sato Hanako" in row
    assert "The &lt;b&gt;hospital&lt;/b&gt;, not the university" in row
    assert app.findings.hidden_toggle.description == "隠す"
    app.language = "en"
    assert f"{n} matches hidden by remembered dismissals" in html_of(app.findings)
    assert "Remembered dismissal: Sato Hanako" in app.findings.hidden_shown()[key]
    app.language = "ja"
    # the hidden rows follow the table's filters, like the rows shown
    hidden_check = next(h.row.check for h in app.findings.hidden if h.row.key == key)
    other = next(c for _, c in app.findings.check_filter.options if c not in (ALL, hidden_check))
    app.findings.check_filter.value = other
    assert app.findings.hidden_shown() == {}
    assert "記憶済みの却下で非表示" not in html_of(app.findings)
    app.findings.check_filter.value = hidden_check
    assert key in app.findings.hidden_shown()
    app.findings.person_filter = "nobody-of-this-proposal"
    assert app.findings.hidden_shown() == {}
    app.findings.person_filter = ""
    app.findings.check_filter.value = ALL
    # the section lists the verdicts that apply, each with a revoke button
    controls = app.parts.remembered.controls()
    assert set(controls) == {v.id for v in verdicts}
    section = html_of(app.parts.remembered)
    assert "この提案のみ" in section and "却下（一致ではない）" in section
    # revoking needs a reason, said beside the section
    memory_id = next(iter(controls))
    seq = store.state(EXAMPLE_ID).seq
    controls[memory_id][1].click()
    assert "取り消す理由を入力してください" in app.parts.remembered.errors.value
    assert store.state(EXAMPLE_ID).seq == seq
    while app.parts.remembered.controls():  # each revocation shows the section anew
        reason, button = next(iter(app.parts.remembered.controls().values()))
        reason.value = "It is the university after all"
        button.click()
        app.wait()
        assert app.parts.remembered.errors.value == ""
    # each revocation an event; the finding is back, nothing hidden, nothing listed
    events = store.state(EXAMPLE_ID).history[seq:]
    assert len(events) == len(verdicts)
    assert all(e.payload.get("action") == "revoke" for e in events)
    assert {f.key for f in app.findings.view.findings} == before
    assert app.findings.hidden == () and app.parts.remembered.controls() == {}


def test_a_dismissal_remembered_for_this_proposal_leaves_the_others_alone(
    make_app, store: Store
) -> None:
    app = make_app(reviewer="Sato Hanako")
    _open(app)
    _dismiss_remembered(app, "recent_coauthorship")
    assert store.match_memory("some other proposal").dismissed == frozenset()
    assert store.match_memory(EXAMPLE_ID).dismissed


def test_a_dismissal_remembered_for_all_proposals_is_stored_so(make_app, store: Store) -> None:
    app = make_app(reviewer="Sato Hanako")
    _open(app)
    _dismiss_remembered(app, "recent_coauthorship", scope="all")
    assert {v.scope for v in store.match_verdicts().entries} == {"all"}
    assert store.match_memory("some other proposal").dismissed
    assert "すべての提案" in html_of(app.parts.remembered)


# ---- history readable -----------------------------------------------------------------


def test_the_history_names_findings_like_the_table_and_numbers_measures_per_proposal(
    make_app, store: Store
) -> None:
    app = make_app(reviewer="Tanaka")
    _open(app, "quiet")  # another proposal's measures come first in the store
    app.judgment.outcome.value = "mitigation-as-needed"
    app.judgment.awareness.value = "Seminar"
    app.judgment.save_button.click()
    _open(app)
    row = next(f for f in app.findings.view.findings if f.check == "recent_coauthorship")
    app.findings.selected_key = row.key
    app.evidence.choice.value = "confirmed"
    app.evidence.save_button.click()
    form = app.judgment
    form.outcome.value = "mitigation-before-start"
    form.awareness.value = "Seminar"
    form.export_control.value = True
    form.save_button.click()
    history = html_of(form)
    assert row.key not in history and f"{row.list_name}:{row.entry_id}" not in history
    assert f"所見「{row.subject_name}、直近2年の共著、{markup.esc(row.entry_name)}」" in history
    assert "リスク低減措置 1 を追加" in history and "リスク低減措置 2 を追加" in history
    assert "#" not in "".join(h["what"] for h in form.record["history"])
    numbers = [m["number"] for m in form.record["measures"]]
    assert numbers == [1, 2] and min(m["id"] for m in form.record["measures"]) > 2
    app.language = "en"
    assert f"finding &#x27;{row.subject_name}, Co-authorship in the last 2 years" in html_of(form)
    assert "risk mitigation measure 1 added" in html_of(form)


def test_the_excel_record_of_the_page_has_the_readable_history(make_app, store: Store) -> None:
    app = make_app(reviewer="Tanaka")
    _open(app)
    row = next(f for f in app.findings.view.findings if f.check == "recent_coauthorship")
    app.findings.selected_key = row.key
    app.evidence.choice.value = "confirmed"
    app.evidence.save_button.click()
    app.export.xlsx_button.click()
    sheet = load_workbook(io.BytesIO(app.last_export))["履歴 History"]
    said = [c.value or "" for c in sheet["E"]] + [c.value or "" for c in sheet["F"]]
    assert any(f"所見「{row.subject_name}、直近2年の共著" in s for s in said)
    assert any(f"finding '{row.subject_name}, Co-authorship in the last 2 years" in s for s in said)
    assert not any(row.key in s for s in said)


def test_a_years_value_that_is_not_a_window_is_only_formatted() -> None:
    """The analyst page passes submission years ("2023, 2024") to its own labels."""
    from widgets.common.i18n import translate

    assert translate("check.recent_coauthorship", "en", years="2023, 2024") == (
        "Co-authorship in the window"
    )
    assert translate("check.recent_coauthorship", "en", years=5) == (
        "Co-authorship in the last 5 years"
    )
    assert translate("no.such {years}", "en", years="2023, 2024") == "no.such 2023, 2024"
