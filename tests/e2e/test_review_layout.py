"""The review page's layout in a real Chromium: nothing clipped, nothing overlapping, no network.

One served page, opened with every request off the loopback refused: the icon
font comes from the page's own server, no request fails, and at 1280, 1440
and 1920 px, in Japanese and in English, no badge, button or column header is
clipped (``scrollWidth <= clientWidth``), the findings and the evidence stand
side by side (the evidence pane sticky within the page's scrolling box), and
the judgment form and its history do not overlap.
Screenshots go to test-artifacts/screenshots/layout-*.png.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest

from .conftest import Served, demo_proposals, full_page_shot

pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("e2e")]

WIDTHS = (1280, 1440, 1920)
LOOPBACK = {"127.0.0.1", "localhost"}

#: Every visible badge, button, column header and label whose content is wider than its box, or
#: that reaches out of its card (where the card would cut it off).
CLIPPED = """() => [...document.querySelectorAll(
    '.wb-app .wb-badge, .wb-app button, .wb-app th, .wb-app .wb-cells-head .wb-cells > *,'
    + '.wb-app .widget-label')]
  .filter(e => e.offsetParent !== null && e.getClientRects().length)
  .filter(e => {
    const r = e.getBoundingClientRect(), card = e.closest('.wb-card');
    const c = card ? card.getBoundingClientRect() : r;
    return e.scrollWidth > e.clientWidth || r.right > c.right + 1 || r.left < c.left - 1;
  })
  .map(e => `${e.tagName}.${e.className}: "${e.innerText}" ${e.scrollWidth} > ${e.clientWidth}`)"""

#: The boxes of two elements, to compare.
BOXES = """([a, b]) => [a, b].map(s => {
  const r = document.querySelector(s).getBoundingClientRect();
  return {left: r.left, right: r.right, top: r.top, bottom: r.bottom};
})"""

#: Why the evidence pane would not stay in view ("" when it does): it is not sticky, or a box
#: between it and the page's scrolling box clips without scrolling (sticky then does nothing).
NOT_STICKY = """() => {
  const pane = document.querySelector('.wb-evidence-panel');
  if (getComputedStyle(pane).position !== 'sticky') return 'not sticky';
  for (let p = pane.parentElement; p; p = p.parentElement) {
    const overflow = getComputedStyle(p).overflowY;
    if (overflow !== 'visible')
      return p.scrollHeight > p.clientHeight ? '' : `${p.className} clips (${overflow})`;
  }
  return 'nothing scrolls';
}"""

#: Font faces of the icon font the page loaded.
ICON_FACES = """async () => {
  await document.fonts.ready;
  return [...document.fonts].filter(f => f.family.includes('Font Awesome'))
    .map(f => `${f.family} ${f.weight} ${f.status}`);
}"""


def _offline(page) -> tuple[list[str], list[str]]:
    """Refuse every request that would leave the machine; return (refused, failed) as they come."""
    refused: list[str] = []
    failed: list[str] = []

    def route(r) -> None:  # type: ignore[no-untyped-def]
        if urlsplit(r.request.url).hostname in LOOPBACK or r.request.url.startswith("data:"):
            r.continue_()
        else:
            refused.append(r.request.url)
            r.abort()

    page.route("**/*", route)
    page.on("requestfailed", lambda req: failed.append(f"{req.url} {req.failure}"))
    return refused, failed


def _open_first_finding(page) -> None:
    page.locator(".wb-picker select").select_option(index=2)
    page.locator(".wb-findings .wb-count").wait_for()
    page.locator(".wb-row button").first.click()
    page.locator(".wb-evidence-panel .wb-evidence").wait_for()
    page.locator(".wb-network .js-plotly-plot").first.wait_for()


def _check_widths(page, screenshots: Path, language: str) -> None:
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 1000})
        page.wait_for_function("() => document.querySelector('.wb-app').clientWidth > 0")
        clipped = page.evaluate(CLIPPED)
        assert clipped == [], f"clipped at {width} px ({language}): {clipped}"
        findings, evidence = page.evaluate(BOXES, [".wb-findings", ".wb-evidence-panel"])
        assert findings["right"] <= evidence["left"], f"not side by side at {width} px"
        form, history = page.evaluate(BOXES, [".wb-judgment-form", ".wb-history-box"])
        assert form["right"] <= history["left"] or form["bottom"] <= history["top"], (
            f"judgment form and history overlap at {width} px ({language})"
        )
        full_page_shot(page, screenshots / f"layout-{language}-{width}.png")


def test_the_page_reads_at_three_widths_in_both_languages_offline(
    page, voila_server, tmp_path: Path, screenshots: Path
) -> None:
    refused, failed = _offline(page)
    served: Served = voila_server(demo_proposals(tmp_path))
    page.goto(served.url)
    _open_first_finding(page)

    # the icons: the font came from the page's own server, and an icon is drawn with it
    faces = page.evaluate(ICON_FACES)
    assert any(f.endswith("loaded") for f in faces), faces
    icon = page.locator(".wb-row button i.fa").first
    assert "Font Awesome" in icon.evaluate("e => getComputedStyle(e, '::before').fontFamily")
    assert icon.bounding_box()["width"] > 0

    assert page.evaluate(NOT_STICKY) == ""
    _check_widths(page, screenshots, "ja")
    page.locator(".wb-header button", has_text="English").click()
    page.locator(".wb-findings h2", has_text="Findings").wait_for()
    _check_widths(page, screenshots, "en")
    assert refused == [], f"requests that would have left the machine: {refused}"
    assert failed == [], f"failed requests: {failed}"
