"""A team on one server: 1, 5 and 10 reviewers signing in at once through JupyterHub.

For each team size a fresh hub (`make serve-hub`'s config, loopback only, a
shared SQLite store and screening cache) and as many headless Chromium
contexts; every reviewer signs in at the same moment (the hub starts their
server), picks a different proposal and saves one judgment. Prints:

- time to interactive (sign-in submitted → proposal list shown, server start
  included) p50/p95, and first pick (pick → findings shown) p50/p95;
- resident memory of everything the hub started (hub, proxy, servers, kernels),
  and of one review kernel after its pick against an empty Voila kernel measured
  in the same run (target: ≤ 150 MB above it);
- errors (page errors, failed saves; must be 0) and events lost (judgments saved
  on the page but missing from the store; must be 0);
- how each figure grows from 1 to 5 to 10 reviewers.

Bounded: every wait has a deadline, every server is stopped at the end. Asserts
nothing. Needs /usr/bin/chromium, the demo data and the hub's proxy (`make hub-proxy`).
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.e2e.conftest import CHROMIUM, CHROMIUM_ARGS, start_voila, stop  # noqa: E402
from tests.e2e.test_hub import PASSWORD, PROXY, start_hub  # noqa: E402
from workbench.store import open_store  # noqa: E402

SIZES = (1, 5, 10)
TIMEOUT_MS = 300_000
KERNEL_TARGET_MB = 150


def _rss_kb(pid: int) -> int:
    try:
        text = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0
    for line in text.splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def _tree(root: int) -> list[int]:
    """``root`` and every process descended from it."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry.name))
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(children.get(pid, []))
    return found


def _kernels(root: int) -> list[int]:
    return [p for p in _tree(root) if b"ipykernel" in _cmdline(p)]


def _cmdline(pid: int) -> bytes:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return b""


def _pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def _empty_kernel_mb(browser, tmp: Path) -> float:
    notebook = tmp / "empty.ipynb"
    notebook.write_text(
        '{"cells": [{"cell_type": "code", "execution_count": null, "id": "e1", "metadata": {},'
        ' "outputs": [], "source": ["1"]}], "metadata": {"kernelspec": {"name": "python3",'
        ' "display_name": "Python 3", "language": "python"}}, "nbformat": 4, "nbformat_minor": 5}'
    )
    proc, url = start_voila(notebook, {}, tmp / "empty.log")
    try:
        context = browser.new_context()
        page = context.new_page()
        page.route(lambda u: not u.startswith("http://127.0.0.1:"), lambda r: r.abort())
        page.goto(url)
        page.locator(".jp-OutputArea-output").first.wait_for(timeout=TIMEOUT_MS)
        kernels = _kernels(proc.pid)
        mb = max(_rss_kb(k) for k in kernels) / 1024 if kernels else float("nan")
        context.close()
        return mb
    finally:
        stop(proc)


def _round(browser, n: int, tmp: Path) -> dict[str, object]:
    db = tmp / f"team-{n}.db"
    (tmp / f"round-{n}").mkdir()
    proc, hub = start_hub(tmp / f"round-{n}", db, {"WORKBENCH_CACHE_DIR": str(tmp / "cache")})
    errors: list[str] = []
    users = [f"reviewer{i:02d}" for i in range(n)]
    contexts, pages = [], []
    tti: list[float] = []
    pick: list[float] = []
    saved: dict[str, str] = {}
    try:
        for user in users:
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            context.route(lambda u: not u.startswith("http://127.0.0.1:"), lambda r: r.abort())
            page = context.new_page()
            page.set_default_timeout(TIMEOUT_MS)
            page.on("pageerror", lambda e, u=user: errors.append(f"{u}: {e}"))
            page.goto(hub.url + "hub/login")
            page.fill("#username_input", user)
            page.fill("#password_input", PASSWORD)
            contexts.append(context)
            pages.append(page)
        started = {}
        for user, page in zip(users, pages, strict=True):
            started[user] = time.perf_counter()
            page.click("#login_submit", no_wait_after=True)
        for user, page in zip(users, pages, strict=True):
            page.locator(".wb-picker option").nth(n - 1).wait_for(state="attached")
            tti.append(time.perf_counter() - started[user])
        picked = {}
        for i, (user, page) in enumerate(zip(users, pages, strict=True)):
            picked[user] = time.perf_counter()
            page.locator(".wb-picker select").select_option(index=i)
        for i, (user, page) in enumerate(zip(users, pages, strict=True)):
            pid = page.locator(".wb-picker option").nth(i).inner_text().split()[1]
            page.locator(".wb-status-ok", has_text=pid).wait_for()
            page.locator(".wb-findings .wb-count").wait_for()
            pick.append(time.perf_counter() - picked[user])
            saved[user] = pid
        for page in pages:
            form = page.locator(".wb-judgment")
            form.locator("select").first.select_option(index=1)
            form.locator("textarea").first.fill("bench")
            form.locator("button", has_text="判定を保存").click()
        for user, page in zip(users, pages, strict=True):
            try:
                page.locator(".wb-status-ok", has_text="判定を保存しました").wait_for()
            except Exception as exc:
                errors.append(f"{user}: save not confirmed ({type(exc).__name__})")
        total_mb = sum(_rss_kb(p) for p in _tree(proc.pid)) / 1024
        kernel_mb = [_rss_kb(k) / 1024 for k in _kernels(proc.pid)]
    finally:
        for context in contexts:
            context.close()
        stop(proc)
    store = open_store(f"sqlite:///{db}")
    lost = sum(
        1 for user, pid in saved.items() if user not in {e.reviewer for e in store.history(pid)}
    )
    return {
        "n": n,
        "tti": tti,
        "pick": pick,
        "total_mb": total_mb,
        "kernel_mb": kernel_mb,
        "errors": errors,
        "lost": lost,
    }


def main() -> int:
    if not CHROMIUM.exists() or not PROXY.exists():
        print("needs /usr/bin/chromium and the hub's proxy (make hub-proxy)")
        return 1
    from playwright.sync_api import sync_playwright

    os.environ.pop("JUPYTERHUB_API_TOKEN", None)
    results = []
    with tempfile.TemporaryDirectory(prefix="bench-team-") as tmp, sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        empty_mb = _empty_kernel_mb(browser, Path(tmp))
        for n in SIZES:
            results.append(_round(browser, n, Path(tmp)))
            r = results[-1]
            print(f"  {n} reviewer(s) done: {len(r['errors'])} error(s)", flush=True)  # type: ignore[arg-type]
        browser.close()
    print(
        "\nreviewers | TTI p50 / p95 s | first pick p50 / p95 s | total RSS MB | "
        "RSS per reviewer MB | review kernel MB (median) | errors | events lost"
    )
    for r in results:
        tti, pick, kernels = r["tti"], r["pick"], r["kernel_mb"]
        n = int(r["n"])  # type: ignore[call-overload]
        print(
            f"{n:9d} | {_pct(tti, 0.5):6.1f} / {_pct(tti, 0.95):5.1f} | "  # type: ignore[arg-type]
            f"{_pct(pick, 0.5):8.2f} / {_pct(pick, 0.95):5.2f}     | "  # type: ignore[arg-type]
            f"{r['total_mb']:11.0f} | {r['total_mb'] / n:19.0f} | "  # type: ignore[operator]
            f"{statistics.median(kernels) if kernels else float('nan'):25.0f} | "  # type: ignore[arg-type]
            f"{len(r['errors']):6d} | {r['lost']:11d}"  # type: ignore[arg-type]
        )
        for e in r["errors"][:5]:  # type: ignore[index]
            print("   error:", str(e)[:200])
    kernel = statistics.median(results[0]["kernel_mb"]) if results[0]["kernel_mb"] else 0.0  # type: ignore[arg-type]
    print(
        f"\nempty Voila kernel: {empty_mb:.0f} MB; review kernel after a pick: {kernel:.0f} MB "
        f"= {kernel - empty_mb:+.0f} MB above it (target ≤ {KERNEL_TARGET_MB} MB)"
    )
    first = results[0]
    for r in results[1:]:
        print(
            f"growth 1 → {r['n']}: TTI p50 ×{_pct(r['tti'], 0.5) / _pct(first['tti'], 0.5):.1f}, "  # type: ignore[arg-type]
            f"first pick p50 ×{_pct(r['pick'], 0.5) / _pct(first['pick'], 0.5):.1f}, "  # type: ignore[arg-type]
            f"total RSS ×{r['total_mb'] / first['total_mb']:.1f}"  # type: ignore[operator]
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
