"""Every label of the review page, in Japanese and English (Japanese first).

Labels are looked up by key with :func:`translator`; the words of a review
record (dispositions, outcomes, measures, review status) come from the
store's vocabulary so the page and the Excel export say the same thing.
Data (names, titles, affiliations) is never translated: it is shown as given.

Examples
--------
>>> tr = translator("en")
>>> tr("section.findings")
'Findings'
>>> translator("ja")("section.findings")
'所見'
>>> tr("outcome.no-concern")
'no concern'
>>> tr("progress.works", n=3)
'3 works screened'
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from workbench.settings import LANGUAGES
from workbench.window import DEFAULT_YEARS

DEFAULT_LANGUAGE = LANGUAGES[0]

#: key -> (Japanese, English)
LABELS: dict[str, tuple[str, str]] = {
    # page
    "app.title": ("研究セキュリティ審査ワークベンチ", "Research-security review workbench"),
    "app.subtitle": ("ASPIRE 日蘭共同公募", "ASPIRE Japan–Netherlands"),
    "app.language": ("言語", "Language"),
    "app.reviewer": ("審査者", "Reviewer"),
    "app.reviewer_placeholder": ("氏名を入力", "your name"),
    "section.picker": ("提案", "Proposals"),
    "section.overview": ("概要", "Overview"),
    "section.outcome": ("推奨される判定", "Suggested outcome"),
    "section.scope": ("確認対象の範囲", "Scope"),
    "section.findings": ("所見", "Findings"),
    "section.evidence": ("根拠", "Evidence"),
    "section.network": ("共著ネットワーク", "Co-authorship network"),
    "section.judgment": ("判定とリスク低減措置", "Judgment and mitigation"),
    "section.history": ("履歴", "History"),
    "section.export": ("出力", "Export"),
    "tab.review": ("所見と根拠", "Findings and evidence"),
    "tab.network": ("ネットワーク", "Network"),
    "tab.scope": ("範囲", "Scope"),
    "tab.judgment": ("判定", "Judgment"),
    # picker
    "picker.search": ("検索（ID・題目）", "Search (id, title)"),
    "picker.none": ("提案が見つかりません", "No proposals found"),
    "picker.count": ("{n} 件の提案", "{n} proposals"),
    "picker.prepared": ("{n} 件は照合済み（未審査）・即時表示", "{n} matched ahead (not reviewed)"),
    "picker.invalid": ("読み込めません", "cannot be read"),
    "status.not-reviewed": ("未審査", "not reviewed"),
    "status.in-progress": ("審査中", "in progress"),
    "status.judged": ("判定済み", "judged"),
    # overview
    "overview.proposal_id": ("提案番号", "Proposal"),
    "overview.title": ("研究題目", "Title"),
    "overview.field": ("分野", "Field"),
    "overview.call": ("公募", "Call"),
    "overview.submitted": ("提出日", "Submitted"),
    "overview.window": ("確認期間", "Look-back window"),
    "overview.works": ("確認した論文数", "Works screened"),
    "overview.lists": ("照合したリストと版", "Lists and versions screened against"),
    "overview.list": ("リスト", "List"),
    "overview.version": ("版（日付）", "Version (date)"),
    "overview.entries": ("掲載数", "Entries"),
    "overview.warnings": ("注意", "Warnings"),
    "overview.disguised": (
        "所属に不可視文字・紛らわしい文字が含まれています（偽装の可能性）: {names}",
        "Affiliation contains hidden or look-alike characters (possible disguise): {names}",
    ),
    "overview.as_of": ("基準日", "Reference date"),
    "overview.years": ("遡及年数", "Years back"),
    "overview.rescreen": ("再確認", "Screen again"),
    "overview.none": ("左の一覧から提案を選んでください。", "Pick a proposal from the list."),
    "outcome.suggestion": (
        "システムによる提案（判定は審査者が行います）",
        "Suggested by the workbench — the reviewer decides",
    ),
    "outcome.screening-incomplete": (
        "確認未完了（共著の確認ができていない対象者あり）",
        "screening incomplete (co-authorship not checked for everyone)",
    ),
    "scope.in": ("対象", "in scope"),
    "scope.out": ("対象外", "out of scope"),
    "scope.scope": ("範囲", "Scope"),
    "scope.name": ("名前", "Name"),
    "scope.kind": ("種別", "Kind"),
    "scope.reason": ("理由", "Reason"),
    "scope.faq": ("FAQ", "FAQ"),
    "scope.kind.person": ("研究者", "person"),
    "scope.kind.organization": ("機関", "organization"),
    # findings
    "findings.severity": ("重要度", "Severity"),
    "findings.check": ("確認項目", "Check"),
    "findings.subject": ("対象者・機関", "Subject"),
    "findings.entry": ("リスト掲載", "List entry"),
    "findings.faq": ("FAQ", "FAQ"),
    "findings.disposition": ("判断", "Disposition"),
    "findings.summary": ("説明", "Summary"),
    "findings.filter_check": ("確認項目", "Check"),
    "findings.filter_severity": ("重要度", "Severity"),
    "findings.sort": ("並べ替え", "Sort by"),
    "findings.descending": ("降順", "Descending"),
    "findings.all": ("すべて", "all"),
    "findings.person": ("人物で絞り込み中: {name}", "Filtered to person: {name}"),
    "findings.clear_person": ("絞り込みを解除", "Clear person filter"),
    "findings.none": ("所見はありません。", "No findings."),
    "findings.count": ("{shown} / {total} 件を表示", "{shown} of {total} shown"),
    "findings.open": ("根拠", "Evidence"),
    "check.listed_affiliation": ("リスト掲載機関への所属", "Listed affiliation"),
    "check.recent_coauthorship": ("確認期間内の共著", "Co-authorship in the window"),
    "check.undeclared_listed_affiliation": (
        "未申告の掲載機関所属",
        "Undeclared listed affiliation",
    ),
    "check.past_affiliation": ("過去の所属", "Past affiliation"),
    "check.partner_listed": ("協力機関・出資者の掲載", "Listed partner or investor"),
    "check.non_resident": ("非居住者（みなし輸出）", "Non-resident (deemed export)"),
    "check.specific_category": ("特定類型（みなし輸出）", "Specific category (deemed export)"),
    "severity.report": ("要報告", "report"),
    "severity.verify": ("要確認", "verify"),
    "severity.control": ("輸出管理", "export control"),
    "severity.info": ("参考", "info"),
    "sort.severity": ("重要度", "severity"),
    "sort.check": ("確認項目", "check"),
    "sort.subject": ("対象者", "subject"),
    "sort.entry": ("リスト掲載", "list entry"),
    "sort.disposition": ("判断", "disposition"),
    # evidence
    "evidence.none": ("所見を選ぶと根拠が表示されます。", "Select a finding to see its evidence."),
    "evidence.works": ("論文", "Works"),
    "evidence.work": ("論文", "Work"),
    "evidence.date": ("日付", "Date"),
    "evidence.date_uncertain": ("日付は年のみ", "year only"),
    "evidence.disguised": (
        "所属に不可視文字・紛らわしい文字あり",
        "affiliation contains hidden or look-alike characters",
    ),
    "evidence.affiliation": (
        "共著者 — 所属（原文、一致箇所を強調）と一致度",
        "Co-author — affiliation as given (match marked) and score",
    ),
    "evidence.entry": ("リストの掲載内容", "List entry"),
    "entry.list": ("リスト", "List"),
    "entry.id": ("掲載番号", "Entry id"),
    "entry.name": ("名称", "Name"),
    "entry.aliases": ("別名", "Aliases"),
    "entry.local_names": ("現地表記", "Local-script names"),
    "entry.country": ("国・地域", "Country"),
    "entry.reasons": ("掲載理由", "Reasons"),
    "entry.programs": ("制度", "Programs"),
    "entry.source_list": ("元のリスト", "Source list"),
    "disposition.open": ("未判断", "open"),
    "disposition.label": ("この所見の判断", "Your disposition"),
    "disposition.rationale": ("理由", "Rationale"),
    "disposition.rationale_placeholder": (
        "判断の理由（却下する場合は必須）",
        "Why (required to dismiss)",
    ),
    "disposition.remember": (
        "この却下を今後の確認でも記憶する",
        "Remember this dismissal for future screenings",
    ),
    "disposition.save": ("判断を記録", "Record disposition"),
    "disposition.saved": ("判断を記録しました。", "Disposition recorded."),
    "disposition.need_rationale": (
        "却下するには理由を入力してください。",
        "Please give a rationale to dismiss a finding.",
    ),
    "disposition.current": ("現在: {what}（{who}、{when}）", "Now: {what} ({who}, {when})"),
    "disposition.scope_proposal": ("この提案のみ", "this proposal only"),
    "disposition.scope_all": (
        "すべての提案（理由が必要）",
        "all proposals (needs a rationale)",
    ),
    # remembered verdicts
    "findings.hidden": (
        "{n} 件の一致は記憶済みの却下で非表示",
        "{n} matches hidden by remembered dismissals",
    ),
    "findings.hidden_show": ("表示", "show"),
    "findings.hidden_hide": ("隠す", "hide"),
    "findings.hidden_by": (
        "記憶済みの却下: {who}、{when} — {why}",
        "Remembered dismissal: {who}, {when} — {why}",
    ),
    "section.remembered": (
        "記憶済みの判断（この提案に適用）",
        "Remembered verdicts (applying to this proposal)",
    ),
    "remembered.none": (
        "この提案に適用される記憶済みの判断はありません。",
        "No remembered verdicts apply to this proposal.",
    ),
    "remembered.text": ("所属（原文）", "Affiliation text"),
    "remembered.entry": ("リスト掲載", "List entry"),
    "remembered.verdict": ("判断", "Verdict"),
    "remembered.scope": ("適用範囲", "Applies to"),
    "remembered.who": ("審査者・日時", "Reviewer, when"),
    "remembered.why": ("理由", "Why"),
    "remembered.scope.proposal": ("この提案のみ", "this proposal"),
    "remembered.scope.all": ("すべての提案", "all proposals"),
    "remembered.verdict.dismissed": ("却下（一致ではない）", "dismissed (not a match)"),
    "remembered.verdict.confirmed": ("確認（一致）", "confirmed (a match)"),
    "remembered.revoke": ("取り消す", "Revoke"),
    "remembered.reason_placeholder": ("取り消す理由（必須）", "Why revoke (required)"),
    "remembered.revoked": (
        "記憶済みの判断を取り消しました。",
        "Remembered verdict revoked.",
    ),
    "remembered.need_reason": (
        "取り消す理由を入力してください。",
        "Please give a reason to revoke.",
    ),
    # judgment
    "judgment.outcome": ("判定", "Judgment"),
    "judgment.outcome_pick": ("判定を選択", "Choose an outcome"),
    "judgment.measures": ("リスク低減措置", "Risk mitigation measures"),
    "judgment.notes": ("メモ", "Notes"),
    "judgment.reviewer": ("審査者", "Reviewer"),
    "judgment.save": ("判定を保存", "Save judgment"),
    "judgment.saved": ("判定を保存しました。", "Judgment saved."),
    "judgment.current": (
        "現在の判定: {what}（{who}、{when}）",
        "Current judgment: {what} ({who}, {when})",
    ),
    "judgment.none": ("まだ判定されていません。", "No judgment yet."),
    "judgment.need_outcome": ("判定を選んでください。", "Please choose an outcome."),
    "judgment.need_reviewer": (
        "審査者名を入力してください（記録に残ります）。",
        "Please enter your name as reviewer (it is recorded).",
    ),
    "judgment.measure_table": ("依頼済みの措置", "Measures asked for"),
    "judgment.measure_update": ("更新", "Update"),
    "judgment.measure_updated": ("措置を更新しました。", "Measure updated."),
    "judgment.measure_unchanged": (
        "リスク低減措置 {id} の状況・期限は変わっていません。",
        "Risk mitigation measure {id}: status and due date are unchanged.",
    ),
    "measure.sri": ("特定研究情報の定義", "Definition of specified research information"),
    "measure.sri_placeholder": (
        "特定研究情報（ノウハウ等）の範囲と特定方法 (Q3.10)",
        "What counts as specified research information and how it is identified (Q3.10)",
    ),
    "measure.persons": ("アクセスできる者", "Persons with access"),
    "measure.persons_placeholder": ("氏名をカンマ区切りで", "names, separated by commas"),
    "measure.export_control": (
        "安全保障輸出管理部署へ相談する (Q3.5)",
        "Consult the export-control office (Q3.5)",
    ),
    "measure.export_control_note": ("相談内容", "What to consult on"),
    "measure.awareness": ("意識啓発の計画 (Q3.11)", "Awareness-raising plan (Q3.11)"),
    "measure.awareness_placeholder": (
        "採択後に行う研究セキュリティの意識啓発",
        "Research-security awareness activity on adoption",
    ),
    "measure.due": ("期限（研究開始前）", "Due (before research start)"),
    "measure.text": ("内容", "Text"),
    "measure.status": ("状況", "Status"),
    "measure.kind": ("措置", "Measure"),
    # history and export
    "history.empty": ("記録はまだありません。", "Nothing recorded yet."),
    "export.xlsx": ("Excel で出力", "Export Excel"),
    "export.html": ("印刷用ページ", "Printable page"),
    "export.ready": ("ダウンロード: {name}", "Download: {name}"),
    "export.open": ("新しいタブで開く: {name}", "Open in a new tab: {name}"),
    "print.title": ("研究セキュリティ審査記録", "Research-security review record"),
    # status and progress
    "status.ready": ("準備ができました。", "Ready."),
    "status.loaded": (
        "{pid}: 所見 {n} 件（{seconds:.1f} 秒）",
        "{pid}: {n} findings ({seconds:.1f} s)",
    ),
    "status.no_network": (
        "ネットワーク表示は現在利用できません。",
        "The network view is not available.",
    ),
    "progress.loading": ("提案を読み込んでいます…", "Reading the proposal…"),
    "progress.works": ("{n} 件の論文を確認しました", "{n} works screened"),
    "progress.reading_works": ("論文を読み込んでいます…", "Reading the publications…"),
    "progress.screening": ("リストと照合しています…", "Screening against the lists…"),
    "progress.graph": ("共著ネットワークを作成しています…", "Building the co-authorship network…"),
    "progress.showing": ("表示しています…", "Showing the results…"),
    "progress.lists": ("リストを読み込んでいます…", "Loading the screening lists…"),
    "error.generic": (
        "処理できませんでした: {what}。詳しくはログを参照してください。",
        "This could not be done: {what}. Details are in the log.",
    ),
    "error.input": (
        "入力ファイルに問題があります（{n} 件）: {first}",
        "The input has {n} problem(s): {first}",
    ),
    "error.store": (
        "判断を保存できませんでした: {what}",
        "The decision could not be saved: {what}",
    ),
    "error.see_form": (
        "保存できませんでした。理由は入力欄の横に表示しています。",
        "Not saved: the reason is shown beside the form.",
    ),
    "error.unavailable": (
        "この機能はまだ利用できません: {what}",
        "This part is not available yet: {what}",
    ),
}

#: Prefixes whose words come from the store's vocabulary (one source for page and export).
_VOCABULARY_PREFIXES = ("outcome.", "disposition.", "measure.", "status.", "measure_status.")


def _vocabulary(key: str, language: str) -> str | None:
    try:
        from workbench.store import vocabulary as v
    except ImportError:  # the store is optional for the page's labels
        return None
    prefix, _, value = key.partition(".")
    enums: dict[str, Any] = {
        "outcome": v.Outcome,
        "disposition": v.Disposition,
        "measure": v.MeasureKind,
        "status": v.ReviewStatus,
        "measure_status": v.MeasureStatus,
    }
    enum = enums.get(prefix)
    if enum is None:
        return None
    try:
        return str(v.label(enum(value), language))
    except ValueError:
        return None


def _glossary(key: str, language: str, years: int) -> str | None:
    """The glossary's words for the window-dependent keys, else ``None``."""
    from workbench import glossary

    if key.startswith("check.") and key.removeprefix("check.") in glossary.CHECK_LABELS:
        return glossary.check_label(key.removeprefix("check."), language, years)
    if key == "window.years":
        return glossary.window_label(years, language)
    if key == "window.notice":
        notice = glossary.window_notice(years)
        return "" if notice is None else notice[1 if language == "ja" else 0]
    return None


def text_of(pair: tuple[str, str], language: str, **values: Any) -> str:
    """The Japanese or English text of a ``(ja, en)`` label pair, formatted with ``values``.

    Every label table of the pages (review, analyst, network) is read through this.

    >>> text_of(("{n} 件", "{n} items"), "en", n=3)
    '3 items'
    """
    text = pair[0] if language == "ja" else pair[1]
    return text.format(**values) if values else text


def label(key: str, language: str = DEFAULT_LANGUAGE, **values: Any) -> str:
    """The label ``key`` in ``language``, formatted with ``values`` (an unknown key shows as is).

    Given the window ``years``, a check's label (``check.<name>``) is the glossary's for
    that window; without it, the label that holds for any window (the analyst page,
    which counts findings of many windows). The window's words (``window.years``,
    ``window.notice``) are the glossary's:

    >>> label("check.recent_coauthorship", "ja", years=7)
    '直近7年の共著'
    >>> label("check.recent_coauthorship", "en")
    'Co-authorship in the window'
    >>> label("window.years", "en", years=7)
    'the last 7 years'
    >>> label("window.notice", "en", years=2)
    ''
    """
    if "years" in values or key.startswith("window."):
        said = _glossary(key, language, int(values.get("years") or DEFAULT_YEARS))
        if said is not None:
            return said
    pair = LABELS.get(key)
    if pair is not None:
        return text_of(pair, language, **values)
    text = (_vocabulary(key, language) or key) if key.startswith(_VOCABULARY_PREFIXES) else key
    return text.format(**values) if values else text


def translator_of(
    label_fn: Callable[..., str], language: str = DEFAULT_LANGUAGE
) -> Callable[..., str]:
    """A function ``tr(key, **values)`` giving ``label_fn``'s labels in ``language``."""

    def tr(key: str, **values: Any) -> str:
        return label_fn(key, language, **values)

    return tr


def translator(language: str = DEFAULT_LANGUAGE) -> Callable[..., str]:
    """A function ``tr(key, **values)`` giving the review page's labels in ``language``."""
    return translator_of(label, language)
