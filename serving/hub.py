"""Reviewers signed in by JupyterHub: the hub starts one workbench Voila per reviewer.

JupyterHub starts ``python -m serving`` as each reviewer's server with its
``JUPYTERHUB_*`` environment. :func:`hub_location` reads where the hub's proxy
expects the server, and :class:`HubIdentityProvider` signs requests in through
the hub's OAuth (JupyterHub's own single-user identity provider): only the
reviewer the server belongs to (and whoever the hub grants ``access:servers``
on it) gets past it, and everyone else is sent to the hub's login page or
refused.

Examples
--------
>>> hub_location({"JUPYTERHUB_SERVICE_URL": "http://127.0.0.1:41233/user/alice/",
...               "JUPYTERHUB_SERVICE_PREFIX": "/user/alice/"})
('127.0.0.1', 41233, '/user/alice/')
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit

from jupyterhub.singleuser.extension import JupyterHubIdentityProvider


def hub_location(environ: Mapping[str, str]) -> tuple[str, int, str]:
    """The address, port and URL prefix the hub's proxy sends this reviewer's requests to."""
    url = urlsplit(environ["JUPYTERHUB_SERVICE_URL"])
    prefix = environ.get("JUPYTERHUB_SERVICE_PREFIX") or url.path or "/"
    return url.hostname or "127.0.0.1", url.port or 8888, prefix


class HubIdentityProvider(JupyterHubIdentityProvider):
    """JupyterHub's identity provider, taking (and ignoring) the token Voila hands every provider.

    The hub's API token stands in for Voila's token; sign-in is the hub's OAuth.
    """

    def __init__(self, token: str | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
