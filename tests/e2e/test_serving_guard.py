"""The served page against hostile clients: kernel websockets and foreign ``Host`` names.

One server (``python -m serving``, as ``make serve`` runs it) on the real review
notebook; each test attacks it and then checks it still answers (a stalled
event loop never does) and its resident memory did not run away (a stalled
parse grows by tens of MB a second).
"""

from __future__ import annotations

import http.client
import os
import re
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from websockets.exceptions import ConnectionClosed, InvalidStatus
from websockets.sync.client import connect

from serving.kernel_socket import CLOSE_BAD_FRAME, KERNEL_PROTOCOL, v1_frame

from .conftest import ROOT, demo_proposals, free_port, start_voila, stop

pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("e2e")]

#: A server that answers at all answers a static file at once; a stalled one never does.
ANSWER_TIMEOUT_S = 5
#: Growth of the server's resident memory allowed across an attack.
MEMORY_SLACK_KB = 50_000
CONFIGURED_HOST = "reviews.example.jp"


class Server:
    def __init__(self, proc: subprocess.Popen[bytes], url: str, log: Path) -> None:
        self.proc, self.url, self.log = proc, url, log
        self.port = int(url.rstrip("/").rsplit(":", 1)[1])

    def rss_kb(self) -> int:
        status = Path(f"/proc/{self.proc.pid}/status").read_text()
        return int(re.search(r"VmRSS:\s+(\d+)", status).group(1))  # type: ignore[union-attr]

    def answers(self) -> bool:
        url = self.url + "voila/static/voila.js"
        with urllib.request.urlopen(url, timeout=ANSWER_TIMEOUT_S) as r:
            return bool(r.status == 200 and r.read(1))

    def kernel_channels(self) -> str:
        """Open the page (starting its kernel) and return its kernel channels' websocket URL."""
        with urllib.request.urlopen(self.url, timeout=120) as r:
            html = r.read().decode()
        kernel = re.search(r'"kernelId":\s*"([0-9a-f-]{36})"', html)
        assert kernel, "the page names no kernel"
        ws = self.url.replace("http://", "ws://")
        return f"{ws}api/kernels/{kernel.group(1)}/channels?session_id=guard-test"

    def upgrade_status(self, host: str, origin: str) -> int:
        """Status of a websocket upgrade to the page's kernel naming ``host`` and ``origin``."""
        path = self.kernel_channels().split(f":{self.port}", 1)[1]
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=ANSWER_TIMEOUT_S)
        conn.request(
            "GET",
            path,
            headers={
                "Host": host,
                "Origin": origin,
                "Upgrade": "websocket",
                "Connection": "Upgrade",
                "Sec-WebSocket-Key": "dGhlIHNhbXBsZSBub25jZQ==",
                "Sec-WebSocket-Version": "13",
                "Sec-WebSocket-Protocol": KERNEL_PROTOCOL,
            },
        )
        status = conn.getresponse().status
        conn.close()
        return status

    def status_for_host(self, host: str) -> int:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=ANSWER_TIMEOUT_S)
        conn.request("GET", "/voila/static/voila.js", headers={"Host": host})
        status = conn.getresponse().status
        conn.close()
        return status


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    tmp = tmp_path_factory.mktemp("guard")
    env: dict[str, str | None] = {
        "WORKBENCH_DATA_DIR": str(demo_proposals(tmp)),
        "WORKBENCH_DB_URL": f"sqlite:///{tmp / 'workbench.db'}",
        "WORKBENCH_CACHE_DIR": str(tmp / "cache"),
        "WORKBENCH_ALLOWED_HOSTS": f"localhost,{CONFIGURED_HOST}",
    }
    log = tmp / "voila-guard.log"
    proc, url = start_voila(ROOT / "notebooks" / "review.ipynb", env, log)
    yield Server(proc, url, log)
    stop(proc)


def test_a_websocket_without_the_kernel_protocol_is_refused(server: Server) -> None:
    channels = server.kernel_channels()
    before = server.rss_kb()
    with pytest.raises(InvalidStatus) as refused:
        connect(channels, open_timeout=ANSWER_TIMEOUT_S)  # a plain `new WebSocket(url)`
    assert refused.value.response.status_code == 400
    assert KERNEL_PROTOCOL in refused.value.response.body.decode()
    assert server.answers()
    assert server.rss_kb() - before < MEMORY_SLACK_KB
    assert "without the v1.kernel.websocket.jupyter.org subprotocol" in server.log.read_text()


HOSTILE_FRAMES = {
    "10^18 parts": (10**18).to_bytes(8, "little") + bytes(64),
    "legacy header of 2^31 buffers": (2**31 - 1).to_bytes(4, "big") + bytes(64),
    "offsets beyond the frame": v1_frame("shell", [b"{}"] * 4)[:-3],
    "text frame": '{"channel": "shell", "header": {}}',
}


@pytest.mark.parametrize("frame", HOSTILE_FRAMES.values(), ids=HOSTILE_FRAMES.keys())
def test_a_hostile_frame_closes_its_websocket_and_nothing_else(
    server: Server, frame: bytes | str
) -> None:
    channels = server.kernel_channels()
    before = server.rss_kb()
    with connect(channels, subprotocols=[KERNEL_PROTOCOL], open_timeout=30) as ws:  # type: ignore[list-item]
        assert ws.subprotocol == KERNEL_PROTOCOL
        ws.send(frame)
        with pytest.raises(ConnectionClosed) as closed:
            while True:  # the kernel's status messages may come first
                ws.recv(timeout=ANSWER_TIMEOUT_S)
    assert closed.value.rcvd is not None and closed.value.rcvd.code == CLOSE_BAD_FRAME
    assert server.answers()
    assert server.rss_kb() - before < MEMORY_SLACK_KB


def test_a_well_formed_kernel_message_is_still_answered(server: Server) -> None:
    import json
    import uuid

    header = {
        "msg_id": uuid.uuid4().hex,
        "msg_type": "kernel_info_request",
        "session": "guard-test",
        "username": "",
        "version": "5.3",
        "date": "2026-01-01T00:00:00Z",
    }
    parts = [json.dumps(x).encode() for x in (header, {}, {}, {})]
    with connect(server.kernel_channels(), subprotocols=[KERNEL_PROTOCOL], open_timeout=30) as ws:  # type: ignore[list-item]
        ws.send(v1_frame("shell", parts))
        replies = []
        while not any(b"kernel_info_reply" in m for m in replies):
            message = ws.recv(timeout=30)
            replies.append(message if isinstance(message, bytes) else message.encode())
    assert any(header["msg_id"].encode() in m for m in replies)


def test_only_the_configured_hosts_are_served(server: Server) -> None:
    port = server.port
    assert server.status_for_host(f"evil.example:{port}") == 403
    assert server.status_for_host(f"localhost:{port}") == 200
    assert server.status_for_host(f"127.0.0.1:{port}") == 200
    assert server.status_for_host(f"{CONFIGURED_HOST}:{port}") == 200
    # DNS rebinding: the page's websocket carries the foreign name in Host and Origin alike
    evil = f"evil.example:{port}"
    assert server.upgrade_status(evil, f"http://{evil}") == 403
    assert server.upgrade_status(f"127.0.0.1:{port}", f"http://127.0.0.1:{port}") == 101
    assert "Refused a request for host 'evil.example" in server.log.read_text()


@pytest.mark.parametrize("ip", ["0.0.0.0", "::"])
def test_serving_beyond_loopback_without_a_token_or_hub_does_not_start(ip: str) -> None:
    args = ["--no-browser", f"--port={free_port()}"]
    env = {k: v for k, v in os.environ.items() if not k.startswith(("JUPYTER", "WORKBENCH"))}
    done = subprocess.run(
        [sys.executable, "-m", "serving", "notebooks/review.ipynb", f"--Voila.ip={ip}", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 2
    assert "needs a token (JUPYTER_TOKEN) or a JupyterHub in front" in done.stderr


def test_the_kernel_of_a_closed_tab_is_culled(page, tmp_path: Path) -> None:
    env: dict[str, str | None] = {
        "WORKBENCH_DATA_DIR": str(demo_proposals(tmp_path)),
        "WORKBENCH_DB_URL": f"sqlite:///{tmp_path / 'workbench.db'}",
        "WORKBENCH_CACHE_DIR": str(tmp_path / "cache"),
    }
    # longer than a busy machine takes from running the notebook to the page connecting
    cull = ("--MappingKernelManager.cull_idle_timeout=30", "--MappingKernelManager.cull_interval=2")
    proc, url = start_voila(ROOT / "notebooks" / "review.ipynb", env, tmp_path / "cull.log", cull)
    try:
        page.route(lambda u: not u.startswith("http://127.0.0.1:"), lambda r: r.abort())
        page.goto(url)
        page.locator(".wb-picker option").first.wait_for(state="attached")
        config = "document.getElementById('jupyter-config-data').textContent"
        kernel = page.evaluate(f"() => JSON.parse({config}).kernelId")
        page.locator(".wb-picker select").select_option(index=0)
        page.locator(".wb-findings .wb-count").wait_for()
        with urllib.request.urlopen(f"{url}api/kernels/{kernel}", timeout=10) as r:
            assert r.status == 200
        page.close()
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(f"{url}api/kernels/{kernel}", timeout=10).close()
            except urllib.error.HTTPError as gone:
                assert gone.code == 404
                break
            time.sleep(0.5)  # polling the server for the cull, not waiting on a page
        else:
            raise AssertionError("the closed tab's kernel was not culled within 120 s")
    finally:
        stop(proc)


def test_the_kernel_pool_setting_preheats_the_page(page, tmp_path: Path) -> None:
    env: dict[str, str | None] = {
        "WORKBENCH_DATA_DIR": str(demo_proposals(tmp_path)),
        "WORKBENCH_DB_URL": f"sqlite:///{tmp_path / 'workbench.db'}",
        "WORKBENCH_CACHE_DIR": str(tmp_path / "cache"),
        "WORKBENCH_KERNEL_POOL": "1",
    }
    log = tmp_path / "pool.log"
    proc, url = start_voila(ROOT / "notebooks" / "review.ipynb", env, log)
    try:
        deadline = time.monotonic() + 120
        while "is filled with 1 kernel(s)" not in log.read_text():
            assert time.monotonic() < deadline, "the kernel pool was not filled within 120 s"
            time.sleep(0.5)  # polling the server's log, not waiting on a page
        page.route(lambda u: not u.startswith("http://127.0.0.1:"), lambda r: r.abort())
        page.goto(url)
        page.locator(".wb-picker select").select_option(index=0)
        page.locator(".wb-findings .wb-count").wait_for()
        page.locator(".wb-network .js-plotly-plot").first.wait_for()
    finally:
        stop(proc)
