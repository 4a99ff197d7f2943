"""The network explorer, headless: build it, set controls and traits, click, read the figure."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import numpy as np
import pytest
import traitlets

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.graph.factory import HIT, NameMatcher, author, person, proposal, work
from widgets.network.explorer import LABEL_LIMIT, NetworkExplorer
from widgets.network.style import OKABE_ITO
from workbench.graph import build_graph
from workbench.graph.synthetic import synthetic_network
from workbench.session import network_layout

HOSTILE = "<img src=x onerror=alert(1)>"
HIT_AFF = "School of Astronautics, Harbin Institute of Technology <script>alert(2)</script>"
SATO = author("Haruki Sato", "Tohoku University", orcid="0000-0001-0000-0001")
TANAKA = author("Yui Tanaka", "Tohoku University")
ZHANG = author(HOSTILE, HIT_AFF, openalex="A1")
WANG = author("Fang Wang", "National University of Defense Technology", openalex="A2")
MORI = author("Ken Mori", "Kyoto University", openalex="A3")
ITO = author("Aki Ito", "Nagoya University", openalex="A4")


def small_graph():  # type: ignore[no-untyped-def]
    works = [
        work("W1", "2024-05-14", SATO, ZHANG, title="Cryo <b>CMOS</b>"),  # flagged, inside
        work("W2", "2020-02-03", SATO, WANG),  # flagged, outside
        work("W3", "2024-07-01", SATO, MORI),  # plain, inside
        work("W4", "2016", MORI, ITO),  # plain, outside, two steps from the team
        work("W5", "2022-01-10", TANAKA, ITO),
    ]
    prop = proposal(
        person("p1", "Sato Haruki", orcid="0000-0001-0000-0001", name_local="佐藤 春樹"),
        person("p4", "Tanaka Yui", role="postdoc"),
    )
    return build_graph(prop, works, NameMatcher((HIT,)))


@pytest.fixture
def explorer() -> NetworkExplorer:
    return NetworkExplorer(small_graph())


def trace(w: NetworkExplorer, name: str):  # type: ignore[no-untyped-def]
    return w.fig.data[w._trace_index[name]]


def edge_count(w: NetworkExplorer, name: str) -> int:
    x = trace(w, name).x
    return 0 if x is None else len(x) // 3


def node_ids(w: NetworkExplorer, kind: str) -> set[str]:
    idx = w._trace_nodes[w._trace_index[kind]]
    return {w.arrays.nodes[i] for i in idx}


def test_builds_with_few_traces_and_japanese_legend(explorer: NetworkExplorer) -> None:
    names = [tr.name for tr in explorer.fig.data]
    assert len(names) == 11  # 4 link kinds, highlight, 3 person kinds, 2 own rings, selection
    assert "チームメンバー" in names and "要確認リンク（確認期間内）" in names
    assert explorer.start.value == date(2023, 6, 20) and explorer.end.value == date(2025, 6, 20)
    assert explorer.flagged_only.value is False  # a small graph opens complete
    assert "表示中: 6 人 / 全 6 人、リンク 5 本（要確認 2 本）" in explorer.status.value


def test_kinds_differ_by_colour_and_shape_from_the_okabe_ito_palette(
    explorer: NetworkExplorer,
) -> None:
    markers = [trace(explorer, k).marker for k in ("team", "coauthor", "listed-coauthor")]
    assert len({m.color for m in markers}) == 3 and len({m.symbol for m in markers}) == 3
    assert {m.color for m in markers} <= set(OKABE_ITO.values())
    assert node_ids(explorer, "team") == {"person:p1", "person:p4"}
    assert node_ids(explorer, "listed-coauthor") == {"openalex:A1", "openalex:A2"}


def test_flagged_in_window_links_are_highlighted_and_old_ones_faded(
    explorer: NetworkExplorer,
) -> None:
    assert edge_count(explorer, "flagged_in_window") == 1  # p1 – A1 (2024)
    assert edge_count(explorer, "flagged_out_of_window") == 1  # p1 – A2 (2020)
    assert edge_count(explorer, "in_window") == 1  # p1 – A3 (2024)
    assert edge_count(explorer, "out_of_window") == 2  # p4 – A4 (2022), A3 – A4 (2016)
    hot = trace(explorer, "flagged_in_window").line
    faded = trace(explorer, "out_of_window").line
    assert hot.width > faded.width and faded.dash == "dot"


def test_date_window_moves_links_between_categories_without_new_layout(
    explorer: NetworkExplorer, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[int] = []
    real = network_layout.compute_layout
    monkeypatch.setattr(network_layout, "compute_layout", lambda *a: calls.append(1) or real(*a))
    x_before = np.array(trace(explorer, "team").x)
    explorer.start.value = date(2019, 1, 1)
    assert edge_count(explorer, "flagged_in_window") == 2
    assert edge_count(explorer, "in_window") == 2
    explorer.end.value = date(2023, 12, 31)
    assert edge_count(explorer, "flagged_in_window") == 1  # only the 2020 work now
    assert calls == [] and np.array_equal(np.array(trace(explorer, "team").x), x_before)


def test_flagged_only_depth_and_focus(explorer: NetworkExplorer) -> None:
    explorer.flagged_only.value = True
    assert edge_count(explorer, "in_window") == edge_count(explorer, "out_of_window") == 0
    assert node_ids(explorer, "coauthor") == set()
    explorer.flagged_only.value = False
    explorer.focus.value = "person:p1"
    assert node_ids(explorer, "coauthor") == {"openalex:A3"}
    assert node_ids(explorer, "team") == {"person:p1"}  # p4 is not within one step of p1
    explorer.depth.value = 2
    assert node_ids(explorer, "coauthor") == {"openalex:A3", "openalex:A4"}
    explorer.depth.value = 0  # everything reachable
    assert node_ids(explorer, "team") == {"person:p1", "person:p4"}


def test_click_sets_selected_person_and_shows_works_escaped(explorer: NetworkExplorer) -> None:
    listed = explorer._trace_index["listed-coauthor"]
    i = list(explorer._trace_nodes[listed]).index(explorer.arrays.index["openalex:A1"])
    # What the browser sends on a click: the same message plotly's front end writes.
    explorer.fig._js2py_pointsCallback = {
        "event_type": "plotly_click",
        "points": {"trace_indexes": [listed], "point_indexes": [i], "xs": [0.0], "ys": [0.0]},
        "device_state": {
            "alt": False,
            "ctrl": False,
            "meta": False,
            "shift": False,
            "button": 0,
            "buttons": 1,
        },
        "selector": None,
    }
    assert explorer.selected_person == "openalex:A1"
    html = explorer.details.value
    assert "<mark>Harbin Institute of Technology</mark>" in html
    assert "&lt;script&gt;alert(2)&lt;/script&gt;" in html and "<script>" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html and "<img" not in html
    assert "Cryo &lt;b&gt;CMOS&lt;/b&gt;" in html
    assert len(trace(explorer, "selected").x) == 1


def test_click_handler_directly_and_empty_clicks(explorer: NetworkExplorer) -> None:
    class Points:
        def __init__(self, trace_index: int, inds: list[int]) -> None:
            self.trace_index, self.point_inds = trace_index, inds

    team = explorer._trace_index["team"]
    explorer._on_node_click(trace(explorer, "team"), Points(team, []), None)
    assert explorer.selected_person == ""
    explorer._on_node_click(trace(explorer, "team"), Points(team, [0]), None)
    assert explorer.selected_person.startswith("person:")


def test_hostile_names_never_reach_figure_text_unescaped() -> None:
    w = NetworkExplorer(small_graph())
    texts = [a.text for a in w.fig.layout.annotations] + [
        h for k in ("team", "coauthor", "listed-coauthor") for h in trace(w, k).hovertext
    ]
    assert any("&lt;img src=x onerror=alert(1)&gt;" in s for s in texts)
    assert not any("<img" in s or "<script" in s for s in texts)


def test_highlight_link_draws_it_and_keeps_its_ends_visible(explorer: NetworkExplorer) -> None:
    explorer.flagged_only.value = True  # A3 – A4 would not show otherwise
    explorer.highlight_link = ("openalex:A3", "openalex:A4")
    tr = trace(explorer, "highlight")
    i, j = explorer.arrays.index["openalex:A3"], explorer.arrays.index["openalex:A4"]
    assert list(tr.x) == [explorer.arrays.x[i], explorer.arrays.x[j]]
    assert {"openalex:A3", "openalex:A4"} <= node_ids(explorer, "coauthor")
    explorer.highlight_link = ()
    assert len(trace(explorer, "highlight").x) == 0
    with pytest.raises(traitlets.TraitError):
        explorer.highlight_link = ("only-one",)


def test_language_switch(explorer: NetworkExplorer) -> None:
    assert explorer.flagged_only.description == "要確認リンクのみ"
    explorer.depth.value = 2
    explorer.language = "en"
    assert explorer.flagged_only.description == "Flagged links only"
    assert explorer.depth.value == 2 and explorer.depth.options[0][0] == "1 step"
    assert "Team member" in [tr.name for tr in explorer.fig.data]
    assert explorer.focus.options[0] == ("Whole team", "")
    assert "Showing" in explorer.status.value
    explorer.language = "ja"
    assert explorer.focus.options[0][0] == "チーム全体"


def test_window_ending_before_it_starts_is_reported(explorer: NetworkExplorer) -> None:
    before = edge_count(explorer, "in_window")
    explorer.end.value = date(2020, 1, 1)
    assert "終了が開始より前" in explorer.status.value
    assert edge_count(explorer, "in_window") == before


def test_large_graph_opens_on_flagged_links_with_few_labels() -> None:
    prop, works, screening = synthetic_network(n_works=600, n_coauthors=1500, seed=3)
    g = build_graph(prop, works, NameMatcher((screening,)))
    w = NetworkExplorer(g)
    assert g.coauthors.number_of_nodes() > 150
    assert w.flagged_only.value is True
    shown = w._view.n_nodes
    assert shown < g.coauthors.number_of_nodes() / 3
    assert 0 < len(w.fig.layout.annotations) <= LABEL_LIMIT
    w.flagged_only.value = False
    assert w._view.n_nodes > shown


def test_show_another_graph_uses_the_layout_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    g = small_graph()
    w = NetworkExplorer(g)
    w.selected_person = "person:p1"
    calls: list[int] = []
    real = network_layout.compute_layout
    monkeypatch.setattr(network_layout, "compute_layout", lambda *a: calls.append(1) or real(*a))
    w.show(g)  # same proposal, same graph: cached
    assert calls == [] and w.selected_person == ""
    other = build_graph(
        proposal(person("p1", "Sato Haruki"), pid="T-2"), [work("W1", "2024", SATO, MORI)]
    )
    w.show(other)
    assert calls == [1] and w.arrays.n_nodes == 2


def test_flagged_only_keeps_team_links_and_says_when_nothing_is_flagged() -> None:
    works = [work("W1", "2024", SATO, TANAKA), work("W2", "2024", SATO, MORI)]
    prop = proposal(person("p1", "Sato Haruki", orcid="0000-0001-0000-0001"),
                    person("p4", "Tanaka Yui", role="postdoc"), pid="T-3")  # fmt: skip
    w = NetworkExplorer(build_graph(prop, works, NameMatcher((HIT,))))
    w.flagged_only.value = True
    assert edge_count(w, "in_window") == 1  # p1 – p4 stays
    assert node_ids(w, "coauthor") == set()
    assert any("要確認リンクはありません" in a.text for a in w.fig.layout.annotations)
    w.flagged_only.value = False
    assert not any("要確認リンクはありません" in a.text for a in w.fig.layout.annotations)


def own_listed_graph():  # type: ignore[no-untyped-def]
    """Sato gave a listed affiliation himself (2020: outside the window); Tanaka did not."""
    sato_at_hit = author("Haruki Sato", HIT_AFF, orcid="0000-0001-0000-0001")
    works = [
        work("W1", "2020-03-01", sato_at_hit, MORI, ITO),
        work("W2", "2024-07-01", SATO, MORI),
        work("W3", "2024-02-01", TANAKA, ITO),
    ]
    prop = proposal(
        person("p1", "Sato Haruki", orcid="0000-0001-0000-0001"),
        person("p4", "Tanaka Yui", role="postdoc"),
        pid="T-own",
    )
    return build_graph(prop, works, NameMatcher((HIT,)))


def test_own_listed_affiliation_is_a_ring_on_the_member_not_a_flagged_link() -> None:
    w = NetworkExplorer(own_listed_graph())
    assert edge_count(w, "flagged_in_window") == edge_count(w, "flagged_out_of_window") == 0
    ring = trace(w, "own_listed_out_of_window")
    i = w.arrays.index["person:p1"]
    assert list(ring.x) == [w.arrays.x[i]] and list(ring.y) == [w.arrays.y[i]]
    assert ring.showlegend is True and ring.name == "本人の所属がリスト掲載機関（期間外の論文）"
    assert len(trace(w, "own_listed_in_window").x) == 0
    assert trace(w, "own_listed_in_window").showlegend is False
    # its look differs from the selection ring and from the in-window ring
    shapes = {trace(w, n).marker.symbol for n in ("own_listed_out_of_window", "selected")}
    assert len(shapes) == 2
    assert trace(w, "own_listed_in_window").marker.line.width > ring.marker.line.width
    # hover text names the entry, says when, and that it flags no link
    team = trace(w, "team")
    hover = dict(zip([w.arrays.nodes[k] for k in w._trace_nodes[w._trace_index["team"]]],
                     team.hovertext, strict=True))  # fmt: skip
    assert "本人の所属がリスト掲載機関に該当" in hover["person:p1"]
    assert "Harbin Institute of Technology" in hover["person:p1"] and "期間外" in hover["person:p1"]
    assert "本人の所属" not in hover["person:p4"]
    # a window reaching back to 2020 puts the ring in the window
    w.start.value = date(2019, 1, 1)
    assert len(trace(w, "own_listed_in_window").x) == 1
    assert len(trace(w, "own_listed_out_of_window").x) == 0
    # the works panel says so too, escaped
    w.selected_person = "person:p1"
    assert "wb-network-own" in w.details.value and "jp-eul-541" in w.details.value
    # flagged-only: no flagged link, the member is still shown with the ring
    w.flagged_only.value = True
    assert "person:p1" in node_ids(w, "team")
    assert len(trace(w, "own_listed_in_window").x) == 1
    w.language = "en"
    assert trace(w, "own_listed_in_window").name == "Own listed affiliation (work in window)"


def test_team_labels_sit_above_the_ring() -> None:
    w = NetworkExplorer(own_listed_graph())
    labels = {a.text: a.yshift for a in w.fig.layout.annotations}
    assert labels["Sato Haruki"] > labels["Tanaka Yui"]


def test_made_in_english_from_the_start() -> None:
    w = NetworkExplorer(small_graph(), language="en")
    assert w.flagged_only.description == "Flagged links only"
    assert "Team member" in [tr.name for tr in w.fig.data]
    assert "Showing" in w.status.value
