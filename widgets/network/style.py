"""Colours and marker shapes of the network explorer.

Colours are from the Okabe–Ito palette (safe for the common colour-vision
deficiencies) and every category also differs by shape or line style, so the
picture reads in greyscale too. The explorer's labels are the ``network.*`` entries
of the label tables (:mod:`widgets.common.i18n`).
"""

from __future__ import annotations

from dataclasses import dataclass

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
