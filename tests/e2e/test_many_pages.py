"""Ten reviewer pages opened at once on one server: every page works, none logs an error."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import Served, demo_proposals

pytestmark = [pytest.mark.e2e, pytest.mark.slow, pytest.mark.xdist_group("e2e")]

PAGES = 10
#: Bound for one page under the load of all ten (a hung page fails the test, not the run).
PAGE_TIMEOUT_MS = 240_000


def _loopback(url: str) -> bool:
    return url.startswith(("http://127.0.0.1:", "ws://127.0.0.1:", "data:", "blob:"))


def _problems(page, into: list[str]) -> None:
    """Collect the page's uncaught errors and failed requests to the server.

    Requests beyond the machine (Voila's lab template asks a CDN for Font Awesome)
    are stopped before they leave and not counted: nothing leaves the machine in tests.
    """
    page.route(lambda url: not _loopback(url), lambda route: route.abort())
    page.on("pageerror", lambda e: into.append(f"pageerror: {e}"))
    page.on(
        "requestfailed",
        lambda r: into.append(f"request failed: {r.url}") if _loopback(r.url) else None,
    )
    page.on(
        "console",
        lambda m: (
            into.append(f"console.error: {m.text}")
            if m.type == "error" and "Failed to load resource" not in m.text
            else None
        ),
    )


def test_ten_pages_at_once_all_work_without_page_errors(
    browser, voila_server, tmp_path: Path
) -> None:
    served: Served = voila_server(demo_proposals(tmp_path))
    problems: list[str] = []
    contexts = [
        browser.new_context(viewport={"width": 1280, "height": 900}, locale="ja-JP")
        for _ in range(PAGES)
    ]
    try:
        pages = [c.new_page() for c in contexts]
        for page in pages:
            page.set_default_timeout(PAGE_TIMEOUT_MS)
            _problems(page, problems)
            page.goto(served.url, wait_until="commit")  # all ten load at once
        for i, page in enumerate(pages):
            page.locator(".wb-picker option").nth(i % 3).wait_for(state="attached")
        for i, page in enumerate(pages):
            page.locator(".wb-picker select").select_option(index=i % 3)
        for page in pages:
            page.locator(".wb-findings .wb-count").wait_for()
            page.locator(".wb-network .js-plotly-plot").first.wait_for()
    finally:
        for c in contexts:
            c.close()
    assert problems == []
