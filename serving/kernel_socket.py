"""Kernel websockets that cannot stall the server.

Voila and Jupyter server parse a binary websocket frame by reading a count of
parts from its first bytes and then looping that many times. A frame claiming
10^18 parts (or a client without the v1 subprotocol, whose legacy frames Voila
reads as v1 on the way out) blocks the event loop while memory grows until the
machine runs out. :class:`GuardedKernelConnection` refuses websockets that do
not ask for the v1 kernel protocol (HTTP 400 before the upgrade) and closes a
websocket whose frame does not fit its own length before anything parses it.

Examples
--------
>>> good = v1_frame("shell", [b"{}", b"{}", b"{}", b"{}"])
>>> frame_problem(good) is None
True
>>> frame_problem((10**18).to_bytes(8, "little") + bytes(16))
'frame claims 1000000000000000000 parts'
>>> frame_problem("{}")
'text frame on the binary v1 protocol'
"""

from __future__ import annotations

import itertools
from typing import Any

from jupyter_server.services.kernels.connection.base import serialize_msg_to_ws_v1
from jupyter_server.services.kernels.connection.channels import (
    ZMQChannelsWebsocketConnection,
)
from tornado import web

#: The one kernel websocket protocol the pages speak (JupyterLab and Voila's front-end ask for it).
KERNEL_PROTOCOL = "v1.kernel.websocket.jupyter.org"
#: Offsets in a v1 frame: the channel's start and end, then the end of header, parent
#: header, metadata, content and of each binary buffer.
MIN_OFFSETS = 6
MAX_OFFSETS = 1024
#: Closing code for a frame the server cannot accept (RFC 6455: inconsistent data).
CLOSE_BAD_FRAME = 1007


def v1_frame(channel: str, parts: list[bytes]) -> bytes:
    """A well-formed v1 frame (what the page's front-end sends)."""
    return bytes(serialize_msg_to_ws_v1(parts, channel))


def frame_problem(message: bytes | str) -> str | None:
    """Why ``message`` is not a well-formed v1 frame, or ``None`` when it is.

    Reads only the header it declares, and only after checking the header fits
    inside the frame, so the work is bounded by the frame's length.
    """
    if not isinstance(message, bytes):
        return "text frame on the binary v1 protocol"
    if len(message) < 8:
        return f"frame of {len(message)} bytes has no header"
    count = int.from_bytes(message[:8], "little")
    if not MIN_OFFSETS <= count <= MAX_OFFSETS:
        return f"frame claims {count} parts"
    header_end = 8 * (count + 1)
    if header_end > len(message):
        return f"header of {count} parts is longer than the {len(message)}-byte frame"
    offsets = [int.from_bytes(message[8 * (i + 1) : 8 * (i + 2)], "little") for i in range(count)]
    if offsets[0] != header_end:
        return "first part does not start after the header"
    if any(b < a for a, b in itertools.pairwise(offsets)) or offsets[-1] > len(message):
        return "part offsets are out of order or beyond the frame"
    return None


class GuardedKernelConnection(ZMQChannelsWebsocketConnection):
    """The kernel channels, refusing the legacy protocol and malformed frames."""

    async def prepare(self) -> None:
        asked = self.websocket_handler.request.headers.get("Sec-WebSocket-Protocol", "")
        if KERNEL_PROTOCOL not in (p.strip() for p in asked.split(",")):
            self.log.warning(
                "Refused a kernel websocket without the %s subprotocol (asked: %r)",
                KERNEL_PROTOCOL,
                asked[:200],
            )
            self.websocket_handler.set_status(400)
            raise web.Finish(f"kernel websockets must use {KERNEL_PROTOCOL}\n")
        self.kernel_ws_protocol = KERNEL_PROTOCOL  # never fall back to the legacy protocol
        await super().prepare()

    def handle_incoming_message(self, incoming_msg: Any) -> None:
        problem = frame_problem(incoming_msg)
        if problem is not None:
            self.log.warning("Closed a kernel websocket: %s", problem)
            self.websocket_handler.close(CLOSE_BAD_FRAME, "malformed kernel message")
            return
        super().handle_incoming_message(incoming_msg)
