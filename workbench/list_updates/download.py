"""``update_list``: download one official list, load it, register it, make it active.

The order keeps the active list intact whatever fails: the download goes to a
temporary file; the file is loaded with the list loaders (a list that does not
load is refused with the loader's problems); the version is registered through
the shrink guard (a version with more than 10% fewer entries than the previous
one is refused unless confirmed); only then is the file moved into place and
named in ``active.json``.

METI publishes the End User List as an Excel file linked from its page: when
the URL answers with HTML, the ``.xlsx`` link on it with the latest
``YYYYMMDD`` date in its address (else the first one) is downloaded.
"""

from __future__ import annotations

import os
import re
import tempfile
from datetime import UTC, date, datetime
from pathlib import Path
from urllib.parse import urljoin

import httpx

from workbench.list_updates.active import KINDS, Activation, activate, kind_of, update_dir
from workbench.list_versions import Registered, VersionRegistry
from workbench.lists import load_list
from workbench.model import Loaded, ScreeningList

XLSX_LINK = re.compile(r"""href=["']([^"']+\.xlsx)["']""", re.IGNORECASE)


class UpdateError(RuntimeError):
    """A list that could not be downloaded or used; the active list is unchanged."""


def _get(client: httpx.Client, url: str) -> httpx.Response:
    try:
        response = client.get(url)
    except httpx.HTTPError as exc:
        raise UpdateError(f"{url}: download failed ({exc.__class__.__name__}: {exc})") from None
    if response.status_code != 200:
        raise UpdateError(f"{url}: download failed (HTTP {response.status_code})")
    return response


def _xlsx_link(page: str, url: str) -> str:
    links = [urljoin(url, link) for link in XLSX_LINK.findall(page)]
    if not links:
        raise UpdateError(f"{url}: an HTML page with no link to an .xlsx file")

    def dated(link: str) -> str:
        found = re.findall(r"(20\d{6})", link)
        return max(found) if found else ""

    return max(links, key=dated) if any(dated(x) for x in links) else links[0]


def download(kind: str, url: str, client: httpx.Client) -> tuple[bytes, str, str]:
    """The bytes of list ``kind`` at ``url``, the URL they came from and a file suffix."""
    response = _get(client, url)
    data = response.content
    if kind == "meti" and data.lstrip()[:1] == b"<":
        url = _xlsx_link(response.text, url)
        data = _get(client, url).content
    if kind == "meti":
        return data, url, ".xlsx"
    return data, url, ".json" if data.lstrip()[:1] in (b"{", b"[") else ".csv"


def _free_name(folder: Path, stem: str, suffix: str) -> Path:
    """``stem + suffix`` in ``folder``, or ``stem_2 + suffix``, … when taken."""
    path, n = folder / f"{stem}{suffix}", 1
    while path.exists():
        n += 1
        path = folder / f"{stem}_{n}{suffix}"
    return path


def update_list(
    kind: str,
    url: str,
    registry: VersionRegistry,
    *,
    confirm_shrink: bool = False,
    folder: Path | None = None,
    today: date | None = None,
    timeout: float = 120.0,
) -> tuple[Loaded[ScreeningList], Registered, Activation]:
    """Download, load, register and activate list ``kind``; see the module's description.

    Raises :class:`UpdateError` for a failed download and
    :class:`~workbench.errors.InputError` for a file the loaders refuse or a
    shrink refused by the guard; the active list is unchanged then.
    """
    if kind not in KINDS:
        raise UpdateError(f"unknown list {kind!r} (expected one of: {', '.join(KINDS)})")
    folder = folder or update_dir()
    today = today or date.today()
    with httpx.Client(timeout=timeout, follow_redirects=True) as client:
        data, source_url, suffix = download(kind, url, client)
    stem = "end_user_list" if kind == "meti" else "consolidated"
    folder.mkdir(parents=True, exist_ok=True)
    target = _free_name(folder, f"{stem}_{today:%Y%m%d}", suffix)
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=".download-", suffix=suffix)
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)
    os.replace(tmp, target)  # a new name: the active file is never overwritten
    try:
        if kind_of(target) != kind:
            raise UpdateError(f"{source_url}: the file downloaded is not a {KINDS[kind]}")
        loaded = load_list(target)
        registered = registry.register(loaded.value, confirm=confirm_shrink)
    except BaseException:
        target.unlink(missing_ok=True)
        raise
    activation = Activation(kind, target, source_url, datetime.now(UTC))
    activate(activation, folder)
    return loaded, registered, activation
