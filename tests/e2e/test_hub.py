"""Two reviewers signed in through a real JupyterHub (deploy/jupyterhub), end to end.

The hub runs with the project's own config and proxy (npm, deploy/jupyterhub), the
shared-password sign-in, one workbench Voila per reviewer and one shared SQLite store.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from workbench.store import open_store

from .conftest import ROOT, demo_proposals, free_port, stop, wait_until_answers
from .test_review_page import _pick

pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("e2e")]

HUB = ROOT / "deploy" / "jupyterhub"
PROXY = HUB / "node_modules" / ".bin" / "configurable-http-proxy"
PASSWORD = "two-reviewers-test"
START_TIMEOUT_S = 120
PAGE_TIMEOUT_MS = 90_000


@dataclass
class Hub:
    url: str
    db: Path
    log: Path


def start_hub(tmp: Path, db: Path, extra: dict[str, str]) -> tuple[subprocess.Popen[bytes], Hub]:
    """Start `make serve-hub`'s hub on free 127.0.0.1 ports; wait until it answers (bounded)."""
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("JUPYTER", "WORKBENCH"))}
    env |= {
        "WORKBENCH_HUB_PORT": str(port),
        "WORKBENCH_HUB_API_PORT": str(free_port()),
        "WORKBENCH_HUB_PROXY_API_PORT": str(free_port()),
        "WORKBENCH_HUB_STATE": str(tmp / "hub"),
        "WORKBENCH_HUB_PASSWORD": PASSWORD,
        "WORKBENCH_DATA_DIR": str(demo_proposals(tmp)),
        "WORKBENCH_DB_URL": f"sqlite:///{db}",
        "WORKBENCH_CACHE_DIR": str(tmp / "cache"),
        **extra,
    }
    log = tmp / "jupyterhub.log"
    proc = subprocess.Popen(
        [str(Path(sys.executable).parent / "jupyterhub"), "-f", "jupyterhub_config.py"],
        cwd=HUB,
        env=env,
        stdout=log.open("wb"),
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    url = f"http://127.0.0.1:{port}/"
    wait_until_answers(proc, url + "hub/login", log, "jupyterhub")
    return proc, Hub(url, db, log)


@pytest.fixture
def hub(tmp_path: Path) -> Iterator[Hub]:
    if not PROXY.exists():
        pytest.skip("the hub's proxy is not installed (make hub-proxy installs it with npm)")
    proc, served = start_hub(
        tmp_path, tmp_path / "workbench.db", {"WORKBENCH_HUB_USERS": "alice,bob"}
    )
    try:
        yield served
    finally:
        stop(proc)


def sign_in(browser, hub: Hub, user: str):
    context = browser.new_context(viewport={"width": 1440, "height": 1000}, locale="ja-JP")
    context.route(lambda u: not u.startswith("http://127.0.0.1:"), lambda r: r.abort())
    page = context.new_page()
    page.set_default_timeout(PAGE_TIMEOUT_MS)
    page.goto(hub.url + "hub/login")
    page.fill("#username_input", user)
    page.fill("#password_input", PASSWORD)
    page.click("#login_submit")
    page.wait_for_url(f"**/user/{user}/**")
    page.locator(".wb-picker option").first.wait_for(state="attached")
    return context, page


def _open(page, index: int) -> str:
    pid = _pick(page, index)
    page.locator(".wb-judgment select").first.wait_for()
    return pid


def _open_one_with_findings(page) -> tuple[int, str]:
    for index in range(page.locator(".wb-picker option").count()):
        pid = _open(page, index)
        if page.locator(".wb-row").count():
            return index, pid
    raise AssertionError("no demo proposal has a finding")


def _save_judgment(page, outcome: str, note: str) -> None:
    form = page.locator(".wb-judgment")
    form.locator("select").first.select_option(label=outcome)
    form.locator("textarea").first.fill(note)
    form.locator("button", has_text="判定を保存").click()


def test_two_signed_in_reviewers_on_one_proposal(browser, hub: Hub) -> None:
    # not signed in: sent to the hub's login page
    anonymous = browser.new_context()
    page = anonymous.new_page()
    page.goto(hub.url + "user/alice/")
    assert "/hub/login" in page.url
    anonymous.close()

    a_context, a = sign_in(browser, hub, "alice")
    b_context, b = sign_in(browser, hub, "bob")
    try:
        # the reviewer is the hub user, shown as a name rather than a field to type in
        assert a.locator(".wb-header .wb-signed-in").inner_text() == "審査者 alice"
        assert b.locator(".wb-header .wb-signed-in").inner_text() == "審査者 bob"
        assert a.locator(".wb-header input").count() == 0

        index, pid = _open_one_with_findings(a)
        assert _open(b, index) == pid

        # A records a disposition of a finding and a judgment
        row = a.locator(".wb-row").first
        row.locator("button").click()
        evidence = a.locator(".wb-evidence-panel")
        evidence.locator("button", has_text="誤検出として却下").click()
        evidence.locator("textarea").fill("同名の別機関")
        evidence.locator("button", has_text="判断を記録").click()
        a.locator(".wb-status-ok", has_text="判断を記録しました").wait_for()
        _save_judgment(a, "懸念なし", "A の判定")
        a.locator(".wb-status-ok", has_text="判定を保存しました").wait_for()

        # B saves on the view loaded before: refused, naming A
        _save_judgment(b, "必要に応じてリスク低減措置", "B の判定")
        conflict = b.locator(".wb-judgment .wb-conflict")
        conflict.wait_for()
        assert "alice" in conflict.inner_text()

        # after a refresh B sees A's decisions with A's name
        b.reload()
        b.locator(".wb-picker option").first.wait_for(state="attached")
        _open(b, index)
        form = b.locator(".wb-judgment")
        form.locator(".wb-outcome", has_text="懸念なし").wait_for()
        assert "alice" in form.inner_text()
        b.locator(".wb-row .wb-badge", has_text="誤検出として却下").first.wait_for()

        # B's own save, now on the current view, goes through under B's name
        _save_judgment(b, "必要に応じてリスク低減措置", "B の判定")
        b.locator(".wb-status-ok", has_text="判定を保存しました").wait_for()

        # B cannot reach A's server: the hub refuses to sign B in to it
        response = b.goto(hub.url + "user/alice/")
        assert response is not None and response.status == 403
        assert "/hub/api/oauth2/authorize" in b.url
        assert b.locator(".wb-picker").count() == 0
    finally:
        a_context.close()
        b_context.close()

    store = open_store(f"sqlite:///{hub.db}")
    reviewers = {e.reviewer for e in store.history(pid)}
    assert reviewers == {"alice", "bob"}


def _wait_for_log(hub: Hub, text: str, timeout_s: float = 90) -> None:
    """Wait (bounded) until the hub's log holds ``text``."""
    deadline = time.monotonic() + timeout_s
    while text not in hub.log.read_text(errors="replace"):
        assert time.monotonic() < deadline, f"{text!r} not in the hub's log"
        time.sleep(0.2)


def test_the_analyst_page_is_given_to_the_analysts_group_only(browser, tmp_path: Path) -> None:
    if not PROXY.exists():
        pytest.skip("the hub's proxy is not installed (make hub-proxy installs it with npm)")
    proc, hub = start_hub(
        tmp_path,
        tmp_path / "workbench.db",
        {"WORKBENCH_HUB_USERS": "alice,bob", "WORKBENCH_HUB_ANALYSTS": "alice"},
    )
    try:
        for user, analyst in (("bob", False), ("alice", True)):
            context, page = sign_in(browser, hub, user)
            try:
                page.goto(hub.url + f"hub/spawn/{user}/analyst")
                if analyst:
                    page.wait_for_url(f"**/user/{user}/analyst/**")
                    page.locator(".wb-portfolio .wb-kpi").first.wait_for()
                else:
                    _wait_for_log(hub, "bob is not in the hub group 'analysts'")
                    assert page.locator(".wb-portfolio").count() == 0
                    page.goto(hub.url + f"user/{user}/analyst/")  # not started: no page
                    assert page.locator(".wb-portfolio").count() == 0
            finally:
                context.close()
    finally:
        stop(proc)


def test_an_idle_reviewers_server_is_stopped(browser, tmp_path: Path) -> None:
    if not PROXY.exists():
        pytest.skip("the hub's proxy is not installed (make hub-proxy installs it with npm)")
    proc, hub = start_hub(
        tmp_path,
        tmp_path / "workbench.db",
        {"WORKBENCH_HUB_USERS": "alice", "WORKBENCH_HUB_IDLE_S": "15"},
    )
    try:
        context, _page = sign_in(browser, hub, "alice")
        context.close()  # the tab closed: nothing uses alice's server any more
        _wait_for_log(hub, "Culling server alice", timeout_s=120)
        _wait_for_log(hub, "User alice server took", timeout_s=60)  # "... seconds to stop"
    finally:
        stop(proc)
