"""Colours, marker shapes and UI labels of the network explorer.

Colours are from the Okabe–Ito palette (safe for the common colour-vision
deficiencies) and every category also differs by shape or line style, so the
picture reads in greyscale too. UI labels are Japanese by default, English on
request; text that came from data is never translated, only escaped.
"""

from __future__ import annotations

from dataclasses import dataclass

from widgets.common.i18n import text_of

#: Okabe & Ito (2008), "Color Universal Design".
OKABE_ITO = {
    "black": "#000000",
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
}


@dataclass(frozen=True, slots=True)
class NodeStyle:
    colour: str
    symbol: str
    size: int
    line_colour: str


@dataclass(frozen=True, slots=True)
class EdgeStyle:
    colour: str
    width: float
    dash: str


NODE_STYLES = {
    "team": NodeStyle(OKABE_ITO["blue"], "diamond", 16, "#FFFFFF"),
    "coauthor": NodeStyle(OKABE_ITO["sky_blue"], "circle", 7, "#FFFFFF"),
    "listed-coauthor": NodeStyle(OKABE_ITO["vermillion"], "triangle-up", 13, "#000000"),
}
EDGE_STYLES = {
    "out_of_window": EdgeStyle("rgba(120,120,120,0.22)", 0.8, "dot"),
    "in_window": EdgeStyle("rgba(0,0,0,0.45)", 1.2, "solid"),
    "flagged_out_of_window": EdgeStyle("rgba(230,159,0,0.55)", 1.6, "dash"),
    "flagged_in_window": EdgeStyle(OKABE_ITO["vermillion"], 3.5, "solid"),
}
HIGHLIGHT = EdgeStyle(OKABE_ITO["reddish_purple"], 7.0, "solid")
SELECTED_RING = NodeStyle("rgba(0,0,0,0)", "circle-open", 33, OKABE_ITO["black"])
#: A team member's own listed affiliation: a ring around the member's marker (a fact
#: about the member, Q3.5/Q3.9 — not a flagged link). Inside the date range: a thick
#: vermillion circle; only outside it: a thinner orange hexagon.
OWN_RINGS = {
    "own_listed_in_window": (
        NodeStyle("rgba(0,0,0,0)", "circle-open", 25, OKABE_ITO["vermillion"]),
        3.5,
    ),
    "own_listed_out_of_window": (
        NodeStyle("rgba(0,0,0,0)", "hexagon-open", 25, OKABE_ITO["orange"]),
        2.5,
    ),
}

#: UI labels: key -> (Japanese, English).
LABELS: dict[str, tuple[str, str]] = {
    "team": ("チームメンバー", "Team member"),
    "coauthor": ("共著者", "Co-author"),
    "listed-coauthor": ("リスト掲載機関の共著者", "Co-author at a listed organisation"),
    "flagged_in_window": ("要確認リンク（確認期間内）", "Flagged link (in window)"),
    "flagged_out_of_window": ("要確認リンク（期間外）", "Flagged link (outside window)"),
    "in_window": ("共著（期間内）", "Co-authorship (in window)"),
    "out_of_window": ("共著（期間外）", "Co-authorship (outside window)"),
    "own_listed_in_window": (
        "本人の所属がリスト掲載機関（期間内の論文）",
        "Own listed affiliation (work in window)",
    ),
    "own_listed_out_of_window": (
        "本人の所属がリスト掲載機関（期間外の論文）",
        "Own listed affiliation (work outside window)",
    ),
    "own_listed": ("本人の所属がリスト掲載機関に該当", "Own affiliation matches a listed body"),
    "own_listed_note": (
        "本人の所属であり、共著リンクの要確認には数えません。",
        "The person's own affiliation: it does not flag their co-authorship links.",
    ),
    "in_window_short": ("期間内", "in window"),
    "out_of_window_short": ("期間外", "outside window"),
    "highlight": ("選択中のリンク", "Selected link"),
    "selected": ("選択中の人物", "Selected person"),
    "start": ("期間 開始", "Window from"),
    "end": ("期間 終了", "Window to"),
    "depth": ("範囲", "Depth"),
    "depth_1": ("1段階", "1 step"),
    "depth_2": ("2段階", "2 steps"),
    "depth_all": ("すべて", "All"),
    "flagged_only": ("要確認リンクのみ", "Flagged links only"),
    "focus": ("中心人物", "Focus"),
    "whole_team": ("チーム全体", "Whole team"),
    "focus_selected": ("選択した人物を中心に", "Focus on selected"),
    "reset": ("初期表示に戻す", "Reset view"),
    "shown": (
        "表示中: {nodes} 人 / 全 {total} 人、リンク {edges} 本（要確認 {flagged} 本）",
        "Showing {nodes} of {total} people, {edges} links ({flagged} flagged)",
    ),
    "no_selection": (
        "人物をクリックすると、その論文と所属の記載が表示されます。",
        "Click a person to see their works and the affiliations they gave.",
    ),
    "works_of": ("{name} の論文（{n} 件）", "Works of {name} ({n})"),
    "no_works": ("論文はありません。", "No works."),
    "affiliation": ("所属の記載", "Affiliation as given"),
    "no_affiliation": ("（所属の記載なし）", "(no affiliation given)"),
    "listed_entry": ("リスト該当", "Listed"),
    "in_window_badge": ("確認期間内", "in window"),
    "undated": ("日付不明", "undated"),
    "kind": ("種別", "Kind"),
    "role": ("役割", "Role"),
    "works": ("論文", "works"),
    "no_flagged": (
        "要確認リンクはありません。「要確認リンクのみ」を外すと共著者が表示されます。",
        "No flagged links. Untick “Flagged links only” to see the co-authors.",
    ),
    "bad_range": ("期間の終了が開始より前です。", "The window ends before it starts."),
}


def t(key: str, language: str, **values: object) -> str:
    """The label ``key`` in ``language`` ('ja' or 'en'), with ``values`` filled in."""
    return text_of(LABELS[key], language, **values)
