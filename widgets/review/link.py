"""The review page opened on one proposal by its address: ``?proposal=ID``.

The analyst page links each proposal to the review page with the proposal's id in
the query string. Voila gives the kernel the query string of the page's request
(``QUERY_STRING``; with preheated kernels, once a request takes the kernel);
:func:`open_linked` picks that proposal as if the reviewer had picked it. An id
that names no proposal of the folder leaves the page as it opens otherwise.

Examples
--------
>>> requested("proposal=ASPIRE-2025-D-001&x=1"), requested(""), requested(None)
('ASPIRE-2025-D-001', '', '')
>>> entries = [{"id": "f1", "proposal_id": "P-1", "error": ""}]
>>> folder_of(entries, "P-1"), folder_of(entries, "f1"), folder_of(entries, "P-2")
('f1', 'f1', None)
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Mapping, Sequence
from typing import Any
from urllib.parse import parse_qs

from widgets.common.kernel_thread import call_soon

log = logging.getLogger("widgets")


def requested(query: str | None) -> str:
    """The proposal id asked for in a query string (``proposal=ID``), or ""."""
    values = parse_qs((query or "").lstrip("?")).get("proposal", [])
    return values[0].strip() if values else ""


def folder_of(entries: Sequence[Mapping[str, Any]], wanted: str) -> str | None:
    """The folder of the proposal ``wanted`` (its id, or its folder's) among picker entries."""
    for e in entries:
        if not e.get("error") and wanted in (e.get("proposal_id"), e.get("id")):
            return str(e["id"])
    return None


def open_linked(app: Any, environ: Mapping[str, str] | None = None) -> None:
    """Open the proposal the page's address asks for (see the module text)."""
    env = os.environ if environ is None else environ
    if not hasattr(app, "picker"):  # the page shows bad settings
        return
    if env.get("VOILA_PREHEAT") == "True":  # the request comes later: wait for it aside

        def wait() -> None:
            from voila.utils import get_query_string

            query = get_query_string()  # returns once a reviewer's request takes the kernel
            app.screening.requested()  # the page's fallback counts from now
            call_soon(_open, app, requested(query))

        threading.Thread(target=wait, name="review-link", daemon=True).start()
        return
    _open(app, requested(env.get("QUERY_STRING")))


def _open(app: Any, wanted: str) -> None:
    if not wanted:
        return
    folder = folder_of(app.picker.entries, wanted)
    if folder is None:
        log.warning("the page was asked for proposal %r, which is not in the folder", wanted)
        return
    app.picker.proposal_id = folder
