"""The network explorer: a proposal's co-authorship network as an interactive figure.

A plotly ``FigureWidget`` with WebGL traces — one per kind of person and one
per kind of link, never one per edge — over a layout computed once per
proposal (:mod:`workbench.session.network_layout`); the traces, empty, and the figure's
layout are made in :mod:`widgets.network.figure`. Filter changes only swap the data of
those few traces inside ``batch_update`` (:mod:`workbench.session.network_filter`).

Traits
------
``selected_person`` (output)
    Node id of the person last clicked (``""`` for none).
``highlight_link`` (input)
    Two node ids; that link is drawn on top and its ends kept visible.
``language``
    ``"ja"`` (default) or ``"en"`` for the UI labels.
"""

from __future__ import annotations

from typing import Any

import ipywidgets as W
import numpy as np
import traitlets

from widgets.common.i18n import translator
from widgets.network.figure import (
    LAYOUT,
    NODE_KINDS,
    OWN_RING_NAMES,
    empty_traces,
    sample_graph,
    warm_up,
)
from widgets.network.name_labels import KIND_CODE, LABEL_LIMIT, name_labels
from widgets.network.page_code import figure_widget
from widgets.network.text import hover_text, plotly_text, works_panel
from workbench.graph import CoauthorGraph, NodeKind
from workbench.session.network_filter import (
    EDGE_CATEGORIES,
    Filters,
    GraphArrays,
    View,
    apply,
    segments,
)
from workbench.session.network_layout import cached_layout

__all__ = [
    "LABEL_LIMIT",
    "LARGE_GRAPH",
    "NODE_KINDS",
    "OWN_RING_NAMES",
    "NetworkExplorer",
    "sample_graph",
    "warm_up",
]

#: Above this many people the explorer opens on flagged links only.
LARGE_GRAPH = 150


class NetworkExplorer(W.VBox):
    """Explore a :class:`~workbench.graph.CoauthorGraph`; see the module text."""

    selected_person = traitlets.Unicode("")
    highlight_link = traitlets.Tuple(default_value=())
    language = traitlets.Enum(["ja", "en"], default_value="ja")

    def __init__(
        self,
        graph: CoauthorGraph,
        *,
        language: str = "ja",
        height: int = 620,
        arrays: GraphArrays | None = None,
    ) -> None:
        self.fig = figure_widget()
        self._height = height
        self.start = W.DatePicker(layout=W.Layout(width="auto"))
        self.end = W.DatePicker(layout=W.Layout(width="auto"))
        self.depth = W.ToggleButtons(options=[("1", 1), ("2", 2), ("*", 0)], value=1)
        self.depth.style.button_width = "5.5em"
        self.flagged_only = W.Checkbox(value=False, indent=False)
        self.focus = W.Dropdown(options=[("", "")], value="")
        self.focus_selected = W.Button(icon="crosshairs")
        self.reset = W.Button(icon="undo")
        self.status = W.HTML()
        self.details = W.HTML(layout=W.Layout(max_height="360px", overflow="auto"))
        controls = W.HBox(
            [
                self.start,
                self.end,
                self.depth,
                self.flagged_only,
                self.focus,
                self.focus_selected,
                self.reset,
            ],
            layout=W.Layout(flex_flow="row wrap", align_items="center"),
        )
        super().__init__([controls, self.status, self.fig, self.details])
        self.add_class("wb-network")
        self._ready = False
        self.set_trait("language", language)
        self._init_figure()
        self._relabel()
        self.show(graph, arrays)
        for w in (self.start, self.end, self.depth, self.flagged_only, self.focus):
            w.observe(self._on_control, names="value")
        self.focus_selected.on_click(self._on_focus_selected)
        self.reset.on_click(lambda _b: self.reset_view())

    # ------------------------------------------------------------------ data

    def label(self, key: str, **values: object) -> str:
        """The explorer's label ``key`` (``network.*``) in the current language."""
        return translator(self.language, "network")(key, **values)

    def show(self, graph: CoauthorGraph, arrays: GraphArrays | None = None) -> None:
        """Show another graph (another proposal).

        ``arrays`` are the graph laid out already (``network_filter.laid_out``,
        made with the screening); without them the layout comes from the cache when known.
        """
        self.graph = graph
        if arrays is None or arrays.nodes != tuple(graph.coauthors.nodes):
            arrays = GraphArrays.build(graph, cached_layout(graph))
        self.arrays = arrays
        nodes = graph.coauthors.nodes
        self._hover = np.array(
            [hover_text(graph, n, self.language) for n in self.arrays.nodes], dtype=object
        )
        self._label_plain = [nodes[n]["label"] for n in self.arrays.nodes]
        self._label = np.array([plotly_text(x) for x in self._label_plain], dtype=object)
        self._label_order = self._labelled_nodes()
        self._trace_nodes: dict[int, np.ndarray] = {}
        self._ready = False
        with self.hold_trait_notifications():
            self.selected_person = ""
            self.highlight_link = ()
        self._set_focus_options()
        self.reset_view()

    def _labelled_nodes(self) -> list[int]:
        """Nodes that may carry a name label, in order: team, then listed co-authors by degree."""
        a = self.arrays
        degree = np.bincount(np.concatenate([a.eu, a.ev]), minlength=a.n_nodes)
        listed = sorted(np.flatnonzero(a.kind == 2), key=lambda i: (-degree[i], a.nodes[i]))
        return [int(i) for i in a.team] + [int(i) for i in listed]

    def _set_focus_options(self) -> None:
        nodes = self.graph.coauthors.nodes
        people = [n for n in self.arrays.nodes if nodes[n]["kind"] == NodeKind.TEAM]
        people += sorted(
            (n for n in self.arrays.nodes if nodes[n]["kind"] == NodeKind.LISTED_COAUTHOR),
            key=lambda n: nodes[n]["label"].casefold(),
        )
        with self.hold_trait_notifications():
            # Dropdown labels are plain text in the browser: data shown as given.
            self.focus.options = [(self.label("whole_team"), "")] + [
                (nodes[n]["label"], n) for n in people
            ]
            self.focus.value = ""

    def reset_view(self) -> None:
        """Back to the defaults: the look-back window, depth 1, flagged-only on large graphs."""
        self._ready = False
        self.start.value = self.graph.window.start
        self.end.value = self.graph.window.end
        self.depth.value = 1
        self.flagged_only.value = self.arrays.n_nodes > LARGE_GRAPH
        self.focus.value = ""
        self._ready = True
        self.refresh()

    # ------------------------------------------------------------------ figure

    def _init_figure(self) -> None:
        self.fig.add_traces(empty_traces())
        self._trace_index = {tr.name: i for i, tr in enumerate(self.fig.data)}
        self.fig.update_layout(height=self._height, **LAYOUT)
        for kind in NODE_KINDS:
            self.fig.data[self._trace_index[kind]].on_click(self._on_node_click)

    def _trace(self, name: str) -> Any:
        return self.fig.data[self._trace_index[name]]

    def filters(self) -> Filters:
        pinned = [self.selected_person, *self.highlight_link]
        return Filters(
            start=self.start.value or self.graph.window.start,
            end=self.end.value or self.graph.window.end,
            depth=int(self.depth.value),
            flagged_only=bool(self.flagged_only.value),
            focus=self.focus.value or "",
            pinned=tuple(p for p in pinned if p),
        )

    def refresh(self) -> View | None:
        """Apply the current filters to the figure (no layout work)."""
        if not self._ready:
            return None
        f = self.filters()
        if f.end < f.start:
            self.status.value = f"<p>{self.label('bad_range')}</p>"
            return None
        view = apply(self.arrays, f)
        self._view = view
        a = self.arrays
        with self.fig.batch_update():
            for cat in EDGE_CATEGORIES:
                xs, ys = segments(a, view.edges[cat])
                tr = self._trace(cat)
                tr.x, tr.y = xs, ys
                tr.name = self.label(cat)
            for kind in NODE_KINDS:
                idx = np.flatnonzero(view.nodes & (a.kind == KIND_CODE[kind]))
                self._trace_nodes[self._trace_index[kind]] = idx
                tr = self._trace(kind)
                tr.x, tr.y = a.x[idx], a.y[idx]
                tr.hovertext = self._hover[idx]
                tr.name = self.label(kind)
            for name, mask in (
                ("own_listed_in_window", view.own_in_window),
                ("own_listed_out_of_window", view.own_out_of_window),
            ):
                idx = np.flatnonzero(mask)
                tr = self._trace(name)
                tr.x, tr.y = a.x[idx], a.y[idx]
                tr.name = self.label(name)
                tr.showlegend = bool(len(idx))
            notes = name_labels(
                self.arrays, view, self._label_order, self._label_plain, self._label, self._height
            )
            flagged_any = bool(a.flagged.any())
            if f.flagged_only and not flagged_any:
                notes.append(
                    {
                        "xref": "paper", "yref": "paper", "x": 0.5, "y": 0.5,
                        "text": self.label("no_flagged"), "showarrow": False,
                        "font": {"size": 14, "color": "#333333"},
                        "bgcolor": "rgba(255,255,255,0.9)", "borderpad": 6,
                    }
                )  # fmt: skip
            self.fig.layout.annotations = notes
            self._draw_highlight()
            self._draw_selected()
        flagged = int(
            view.edges["flagged_in_window"].sum() + view.edges["flagged_out_of_window"].sum()
        )
        self.status.value = "<p>{}</p>".format(
            self.label(
                "shown",
                nodes=view.n_nodes,
                total=a.n_nodes,
                edges=view.n_edges,
                flagged=flagged,
            )
        )
        return view

    def _draw_highlight(self) -> None:
        tr = self._trace("highlight")
        tr.name = self.label("highlight")
        link = self.highlight_link
        if len(link) == 2 and all(n in self.arrays.index for n in link):
            i, j = (self.arrays.index[n] for n in link)
            tr.x = [self.arrays.x[i], self.arrays.x[j]]
            tr.y = [self.arrays.y[i], self.arrays.y[j]]
            tr.showlegend = True
        else:
            tr.x, tr.y = [], []
            tr.showlegend = False

    def _draw_selected(self) -> None:
        tr = self._trace("selected")
        tr.name = self.label("selected")
        i = self.arrays.index.get(self.selected_person)
        if i is None:
            tr.x, tr.y = [], []
            tr.showlegend = False
        else:
            tr.x, tr.y = [self.arrays.x[i]], [self.arrays.y[i]]
            tr.showlegend = True

    # ------------------------------------------------------------------ events

    def _on_control(self, _change: dict[str, Any]) -> None:
        self.refresh()

    def _on_node_click(self, trace: Any, points: Any, _state: Any) -> None:
        inds = list(getattr(points, "point_inds", []) or [])
        if not inds:
            return
        nodes = self._trace_nodes.get(getattr(points, "trace_index", -1))
        if nodes is None:
            nodes = self._trace_nodes.get(self._trace_index.get(trace.name, -1), np.array([], int))
        if inds[0] < len(nodes):
            self.selected_person = self.arrays.nodes[int(nodes[inds[0]])]

    def _on_focus_selected(self, _button: Any) -> None:
        node = self.selected_person
        if node and node not in dict((v, k) for k, v in self.focus.options):
            self.focus.options = [
                *self.focus.options,
                (self.graph.coauthors.nodes[node]["label"], node),
            ]
        self.focus.value = node

    @traitlets.observe("selected_person")
    def _selected_changed(self, change: dict[str, Any]) -> None:
        self.details.value = works_panel(self.graph, change["new"], self.language)
        if self._ready:
            self.refresh()

    @traitlets.validate("highlight_link")
    def _valid_link(self, proposal: dict[str, Any]) -> tuple[str, ...]:
        value = tuple(proposal["value"] or ())
        if value and (len(value) != 2 or not all(isinstance(v, str) for v in value)):
            raise traitlets.TraitError("highlight_link takes two node ids, or nothing")
        return value

    @traitlets.observe("highlight_link")
    def _highlight_changed(self, _change: dict[str, Any]) -> None:
        if self._ready:
            self.refresh()

    def _relabel(self) -> None:
        self.start.description = self.label("start")
        self.end.description = self.label("end")
        self.depth.description = self.label("depth")
        depth = self.depth.value
        self.depth.options = [
            (self.label("depth_1"), 1),
            (self.label("depth_2"), 2),
            (self.label("depth_all"), 0),
        ]
        self.depth.value = depth
        self.flagged_only.description = self.label("flagged_only")
        self.focus.description = self.label("focus")
        self.focus_selected.description = self.label("focus_selected")
        self.reset.description = self.label("reset")

    @traitlets.observe("language")
    def _language_changed(self, _change: dict[str, Any]) -> None:
        lang = self.language
        if not hasattr(self, "arrays"):  # set while being made: show() labels everything
            return
        was_ready, self._ready = self._ready, False
        self._relabel()
        value = self.focus.value
        self.focus.options = [(self.label("whole_team"), ""), *list(self.focus.options)[1:]]
        self.focus.value = value
        self._hover = np.array(
            [hover_text(self.graph, n, lang) for n in self.arrays.nodes], dtype=object
        )
        self.details.value = works_panel(self.graph, self.selected_person, lang)
        self._ready = was_ready
        self.refresh()
