"""Labels of the analyst dashboard, in Japanese and English (Japanese first).

The same mechanism as :mod:`widgets.common.i18n`: labels by key, formatted with
values; keys not found here (checks, outcomes, measures) come from the review
page's labels and the store's vocabulary, so both dashboards use the same words.

Examples
--------
>>> tr = translator("en")
>>> tr("chart.by_check"), translator("ja")("chart.by_check")
('Findings by check', '検出項目別の所見')
>>> tr("check.recent_coauthorship")
'Co-authorship in the window'
>>> tr("drill.title", what="Quantum", n=2)
'Proposals behind: Quantum (2)'
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from widgets.common import i18n

#: key -> (Japanese, English)
LABELS: dict[str, tuple[str, str]] = {
    "app.title": ("研究セキュリティ ポートフォリオ分析", "Research-security portfolio analysis"),
    "app.subtitle": (
        "全提案の傾向とリスト改訂の影響",
        "Patterns across proposals and list revisions",
    ),
    "app.language": ("言語", "Language"),
    "app.summary": (
        "{proposals} 件の提案（所見あり {flagged} 件）・所見 {findings} 件・"
        "読み込めなかったフォルダ {failed} 件",
        "{proposals} proposals ({flagged} with findings), {findings} findings, "
        "{failed} folders that could not be read",
    ),
    "filter.call": ("公募", "Call"),
    "filter.field": ("分野", "Field"),
    "filter.list": ("リスト", "List"),
    "filter.check": ("検出項目", "Check"),
    "filter.outcome": ("推奨判定", "Suggested outcome"),
    "filter.reset": ("絞り込み解除", "Clear filters"),
    "filter.title": ("絞り込み", "Filters"),
    "filter.none": ("（なし）", "(none)"),
    "kpi.proposals": ("提案", "proposals"),
    "kpi.flagged": ("所見のある提案", "proposals with findings"),
    "kpi.findings": ("所見", "findings"),
    "kpi.organisations": ("関係する掲載機関", "listed organisations involved"),
    "kpi.failed": ("読み込めなかったフォルダ", "folders that could not be read"),
    "load.lists": ("リストを読み込んでいます…", "Loading the lists…"),
    "load.screening": (
        "提案を確認しています… {done} / {total}",
        "Screening the proposals… {done} / {total}",
    ),
    "chart.by_organisation": ("掲載機関別の所見", "Findings by listed organisation"),
    "chart.by_country": (
        "掲載機関の国・地域別の所見",
        "Findings by country of the listed organisation",
    ),
    "chart.by_check": ("検出項目別の所見", "Findings by check"),
    "chart.by_field": ("分野別の提案と所見", "Proposals and findings by field"),
    "chart.heatmap": ("提案 × 掲載機関", "Proposals × listed organisations"),
    "chart.outcomes": ("判定（推奨と審査結果）", "Outcomes (suggested and judged)"),
    "chart.mitigation": ("リスク低減措置の種類", "Kinds of mitigation measures"),
    "chart.timeline": (
        "掲載機関との共著（年別）",
        "Co-authorship links to listed organisations by year",
    ),
    "axis.findings": ("所見数", "findings"),
    "axis.proposals": ("提案数", "proposals"),
    "axis.links": ("共著リンク数", "links"),
    "axis.measures": ("措置数", "measures"),
    "axis.year": ("年", "year"),
    "series.suggested": ("推奨", "suggested"),
    "series.judged": ("審査結果", "judged"),
    "series.with_findings": ("所見あり", "with findings"),
    "outcome.not-judged": ("未判定", "not judged"),
    "drill.title": ("対象の提案: {what}（{n} 件）", "Proposals behind: {what} ({n})"),
    "drill.more": ("{n} 件中 {shown} 件を表示", "{shown} of {n} shown"),
    "drill.none": (
        "グラフの要素をクリックすると、該当する提案が表示されます",
        "Click a chart element to see the proposals behind it",
    ),
    "drill.empty": ("該当する提案はありません", "No proposals"),
    "export.title": ("表の出力", "Export a table"),
    "export.table": ("表", "Table"),
    "export.csv": ("CSV", "CSV"),
    "export.xlsx": ("Excel", "Excel"),
    "export.ready": ("ダウンロード: {name}", "Download: {name}"),
    "table.proposals": ("提案", "Proposals"),
    "table.findings": ("所見", "Findings"),
    "table.evidence": ("根拠", "Evidence"),
    "table.problems": ("読み込みの問題", "Input problems"),
    "table.drill": ("クリックした要素の提案", "Proposals of the clicked element"),
    "col.proposal_id": ("提案番号", "Proposal"),
    "col.title": ("研究題目", "Title"),
    "col.call": ("公募", "Call"),
    "col.field": ("分野", "Field"),
    "col.submitted": ("提出日", "Submitted"),
    "col.suggested_outcome": ("推奨判定", "Suggested outcome"),
    "col.review_status": ("審査状況", "Review status"),
    "col.outcome": ("審査結果", "Judgment"),
    "col.findings": ("所見数", "Findings"),
    "status.empty": ("表示するデータがありません", "No data to show"),
    # calls over time, years of submission
    "filter.year": ("提出年", "Year submitted"),
    "chart.by_call_year": ("公募別の所見（提出年別）", "Findings per call by year of submission"),
    "axis.submitted": ("提出年", "year submitted"),
    # portfolio network
    "network.title": (
        "掲載機関と研究者のネットワーク",
        "Network of researchers and listed organisations",
    ),
    "network.chart": (
        "提案の多い掲載機関 {n} 件（全 {total} 件）と関係する研究者",
        "The {n} listed organisations reaching most proposals (of {total}) and their researchers",
    ),
    "network.persons": ("研究者", "researchers"),
    "network.organisations": ("掲載機関", "listed organisations"),
    "network.hover": (
        "{name}: 提案 {n} 件・研究者 {persons} 名・{years}",
        "{name}: {n} proposals, {persons} researchers, {years}",
    ),
    "network.click": (
        "掲載機関をクリックすると、関係する提案と研究者が表示されます",
        "Click an organisation to see the proposals and researchers behind it",
    ),
    "network.behind": (
        "{name}: 提案 {n} 件・研究者 {persons} 名（{years}）",
        "{name}: {n} proposals, {persons} researchers ({years})",
    ),
    "network.graphml": ("GraphML で出力", "Export GraphML"),
    "network.col.proposal_id": ("提案番号", "Proposal"),
    "network.col.title": ("研究題目", "Title"),
    "network.col.person": ("研究者", "Researcher"),
    "network.col.checks": ("検出項目", "Checks"),
    "network.col.years": ("年", "Years"),
    # list-revision view
    "revision.title": ("リスト改訂の影響", "Impact of a list revision"),
    "revision.list": ("リスト", "List"),
    "revision.old": ("比較元の版", "Old version"),
    "revision.new": ("比較先の版", "New version"),
    "revision.compare": ("比較する", "Compare"),
    "revision.none": (
        "版が二つ以上登録されたリストがありません（workbench portfolio register で登録）",
        "No list has two registered versions (register them with workbench portfolio register)",
    ),
    "revision.choose": ("異なる二つの版を選んでください", "Choose two different versions"),
    "revision.busy": (
        "二つの版で提案を確認しています…",
        "Screening the proposals against both versions…",
    ),
    "revision.affected": (
        "所見が増減する提案: {n} 件",
        "Proposals gaining or losing findings: {n}",
    ),
    "revision.chart": ("改訂で所見が増減する提案", "Proposals whose findings change"),
    "revision.all": ("すべての提案", "all proposals"),
    "revision.rows": ("{what} の変化（{n} 件）", "Changes for {what} ({n})"),
    "revision.empty": ("所見に変化はありません", "No finding changes"),
    "revision.gained": ("増える所見", "gained"),
    "revision.lost": ("なくなる所見", "lost"),
    "revision.renumbered": ("番号の変更", "renumbered"),
    "revision.cited": ("引用する項目の変更", "cited entries changed"),
    "revision.evidence": ("根拠の増減", "evidence changed"),
    "revision.added": ("追加", "added"),
    "revision.removed": ("削除", "removed"),
    "revision.renamed": ("名称変更", "renamed"),
    "revision.aliases": ("別名の変更", "aliases changed"),
    "revision.other": ("その他（照合の変化）", "other (matching changed)"),
    "revision.col.proposal_id": ("提案番号", "Proposal"),
    "revision.col.title": ("研究題目", "Title"),
    "revision.col.change": ("変化", "Change"),
    "revision.col.why": ("理由", "Why"),
    "revision.col.person": ("人物", "Person"),
    "revision.col.organisation": ("掲載機関", "Listed organisation"),
    "revision.col.reason": ("詳細", "Details"),
}


def label(key: str, language: str = i18n.DEFAULT_LANGUAGE, **values: Any) -> str:
    """The label ``key`` in ``language``; falls back to the review page's labels."""
    pair = LABELS.get(key)
    if pair is None:
        return i18n.label(key, language, **values)
    return i18n.text_of(pair, language, **values)


def translator(language: str = i18n.DEFAULT_LANGUAGE) -> Callable[..., str]:
    return i18n.translator_of(label, language)
