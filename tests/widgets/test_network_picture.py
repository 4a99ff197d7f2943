"""Picture check: the network explorer's figure exported to PNG through plotly + kaleido.

The PNGs land in ``test-artifacts/network/`` to be looked at: the example
proposal (Japanese and English, with a selection and a highlighted link), the
demo proposals when generated, and a 5,000-person network with the default
filters (no hairball) and with everything one step from the team shown.
Kaleido 1.x drives a Chromium; Debian's ``/usr/bin/chromium`` is used
(``BROWSER_PATH``), and the test is skipped, saying why, when there is none.
"""

from __future__ import annotations

import os
import shutil
import struct
import sys
from collections.abc import Iterator
from pathlib import Path

import plotly.io as pio
import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.graph.factory import NameMatcher  # noqa: E402
from widgets.network.explorer import LABEL_LIMIT, NetworkExplorer  # noqa: E402
from workbench.graph import build_graph  # noqa: E402
from workbench.graph.synthetic import synthetic_network  # noqa: E402

pytestmark = pytest.mark.slow
OUT = ROOT / "test-artifacts" / "network"
FIXTURES = ROOT / "tests" / "fixtures" / "graph"
DEMO = ROOT / "data" / "demo" / "proposals"
WIDTH, HEIGHT = 1400, 900


def _chromium() -> str | None:
    for candidate in (
        os.environ.get("BROWSER_PATH"),
        shutil.which("chromium"),
        "/usr/bin/chromium",
    ):
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    return None


@pytest.fixture(scope="module")
def browser() -> Iterator[str]:
    path = _chromium()
    if path is None:
        pytest.skip(
            "no Chromium for plotly's static export: install Debian's chromium "
            "(scripts/system-deps.sh) or set BROWSER_PATH"
        )
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("BROWSER_PATH", path)
        yield path


def _png_size(path: Path) -> tuple[int, int]:
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n", path
    return struct.unpack(">II", head[16:24])


def _real_graph(proposal_path: Path, works_paths: list[Path]):  # type: ignore[no-untyped-def]
    from workbench.lists import load_list, shipped_lists
    from workbench.matching import Matcher
    from workbench.proposal import load_proposal
    from workbench.publications import load_works

    works = [w for p in works_paths for w in load_works(p).value]
    matcher = Matcher.from_lists([load_list(p).value for p in shipped_lists()])
    return build_graph(load_proposal(proposal_path), works, matcher)


@pytest.fixture(scope="module")
def pictures(browser: str) -> dict[str, Path]:
    figures: dict[str, dict[str, object]] = {}

    def snap(explorer: NetworkExplorer, name: str) -> None:
        figures[name] = explorer.fig.to_dict()

    example = _real_graph(
        FIXTURES / "proposal.json", [FIXTURES / "works.json", FIXTURES / "publications.csv"]
    )
    w = NetworkExplorer(example, height=HEIGHT)
    snap(w, "example_ja")
    w.selected_person = "openalex:A5000000101"
    w.highlight_link = ("person:p1", "openalex:A5000000101")
    w.language = "en"
    snap(w, "example_en_selected")

    if (DEMO / ".complete").exists():
        for folder in sorted(p for p in DEMO.iterdir() if (p / "proposal.json").exists()):
            files = [
                folder / n for n in ("works.json", "publications.csv") if (folder / n).exists()
            ]
            g = _real_graph(folder / "proposal.json", files)
            wd = NetworkExplorer(g, height=HEIGHT)
            snap(wd, f"demo_{folder.name}")
            if folder.name == "ASPIRE-2025-D-003":
                # Co-PI Zhang Hao was at a listed university until 2019: a ring on him,
                # and only the links to co-authors who gave a listed affiliation flagged
                ring = wd.fig.data[wd._trace_index["own_listed_out_of_window"]]
                assert len(ring.x) == 1
                flagged = (
                    wd._view.edges["flagged_in_window"] | wd._view.edges["flagged_out_of_window"]
                )
                u, v = wd.arrays.eu[flagged], wd.arrays.ev[flagged]
                zhang = wd.arrays.index[g.team["p2"]]
                partners = {int(i) for i in v[u == zhang]} | {int(i) for i in u[v == zhang]}
                assert partners and all(wd.arrays.kind[i] == 2 for i in partners)
                wd.selected_person = g.team["p2"]
                wd.language = "en"
                snap(wd, f"demo_{folder.name}_co_pi_selected_en")

    prop, works, screening = synthetic_network()
    big = build_graph(prop, works, NameMatcher((screening,)))
    wb = NetworkExplorer(big, height=HEIGHT)
    assert big.coauthors.number_of_nodes() > 4000
    assert len(wb.fig.layout.annotations) <= LABEL_LIMIT
    snap(wb, "synthetic5000_default")
    wb.flagged_only.value = False
    snap(wb, "synthetic5000_depth1_all_links")
    wb.flagged_only.value = True
    wb.focus.value = "person:p1"
    wb.depth.value = 2
    snap(wb, "synthetic5000_focus_p1_depth2")

    OUT.mkdir(parents=True, exist_ok=True)
    paths = {name: OUT / f"{name}.png" for name in figures}
    for path in paths.values():
        path.unlink(missing_ok=True)
    # One Chromium for all pictures.
    pio.write_images(list(figures.values()), list(paths.values()), width=WIDTH, height=HEIGHT)
    return paths


def test_every_view_is_exported_as_a_png_of_the_asked_size(pictures: dict[str, Path]) -> None:
    assert {"example_ja", "example_en_selected", "synthetic5000_default"} <= set(pictures)
    for path in pictures.values():
        assert _png_size(path) == (WIDTH, HEIGHT)
        assert path.stat().st_size > 20_000, f"{path.name} looks empty"


def test_default_view_of_5000_people_is_smaller_than_the_full_neighbourhood(
    pictures: dict[str, Path],
) -> None:
    # Fewer marks drawn compress better: the default picture must be the lighter one.
    default = pictures["synthetic5000_default"].stat().st_size
    full = pictures["synthetic5000_depth1_all_links"].stat().st_size
    assert default < full
