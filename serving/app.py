"""The workbench's Voila: checked ``Host``, guarded kernel websockets, no open exposure.

:class:`WorkbenchVoila` is Voila's own application with three changes:

- every request is routed through :class:`HostCheckedApplication`, which refuses
  (403) a ``Host`` that is not loopback, the served address or a name in the
  ``allowed_hosts`` setting — static files and websockets included;
- kernel websockets go through :class:`~serving.kernel_socket.GuardedKernelConnection`;
- on an address other than loopback it refuses to start unless a token
  (``--token``, ``JUPYTER_TOKEN``) or a JupyterHub is in front of it.
"""

from __future__ import annotations

import importlib.util
import os
import re
import tempfile
from pathlib import Path
from typing import Any

import tornado.web
from jupyter_server.utils import url_path_join
from tornado import httputil
from traitlets import default
from voila.app import Voila

from serving.bytecode import compile_project
from serving.hosts import host_allowed, is_loopback
from serving.kernel_socket import GuardedKernelConnection
from widgets.network.page_code import PAGE_CODE_ENV, PAGE_CODE_PATH, PLOTLY_JS_ENV, PLOTLY_JS_PATH
from workbench.errors import InputError
from workbench.settings import Settings

#: The page template: Voila's lab template with widget deadlines fit for a busy server.
TEMPLATE = "workbench"
SHARE = Path(__file__).resolve().parents[1] / "share" / "jupyter"
#: How long a page's rendering waits for the notebook's output after its cell ends (s).
IOPUB_TIMEOUT_S = 120
#: Exit status when the server refuses to start (the command line's "bad input").
REFUSED = 2


class HostCheckedApplication(tornado.web.Application):
    """A tornado application that answers 403 to a request naming a host it does not serve."""

    def __init__(self, names: tuple[str, ...], served_on: str, **settings: Any) -> None:
        super().__init__(**settings)
        self.host_names = names
        self.served_on = served_on

    def find_handler(
        self, request: httputil.HTTPServerRequest, **kwargs: Any
    ) -> tornado.web._HandlerDelegate:
        if not host_allowed(request.host, self.host_names, self.served_on):
            self.log_refusal(request)
            return self.get_handler_delegate(
                request, tornado.web.ErrorHandler, {"status_code": 403}
            )
        return super().find_handler(request, **kwargs)

    @staticmethod
    def log_refusal(request: httputil.HTTPServerRequest) -> None:
        from tornado.log import access_log

        access_log.warning(
            "Refused a request for host %r (not in WORKBENCH_ALLOWED_HOSTS): %s %s",
            request.host[:200],
            request.method,
            request.path[:200],
        )


#: Seconds between a page taking a preheated kernel and the pool starting the next one.
#: Voila's default (1 s) starts the next kernel, and the page's imports in it, while the
#: page that took the last one is still loading: on two cores that slowed the page down
#: instead of speeding it up.
POOL_REFILL_DELAY_S = 20.0


#: JupyterLab extensions installed with the project's packages that its pages never use, not
#: loaded by the pages: plotly's renders plotly output that is not a widget (its code is
#: 4.8 MB: every page fetched and compiled it), pygments' highlights code cells (hidden).
UNUSED_EXTENSIONS = ("jupyterlab-plotly", "jupyterlab_pygments")


def plotly_widget_code() -> Path:
    """plotly's widget code (its ``FigureWidget``'s JavaScript), found without importing plotly."""
    spec = importlib.util.find_spec("plotly")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("plotly is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / "package_data" / "widgetbundle.js"


def behind_hub(environ: dict[str, str] | os._Environ[str] = os.environ) -> bool:
    """Whether a JupyterHub started this server (it signs reviewers in)."""
    return bool(environ.get("JUPYTERHUB_API_TOKEN"))


def exposure_problem(ip: str, token: str | None, hub: bool) -> str | None:
    """Why serving on ``ip`` with ``token`` would expose the pages to anyone, or ``None``.

    >>> exposure_problem("127.0.0.1", None, False) is None
    True
    >>> exposure_problem("0.0.0.0", None, False)
    'serving on 0.0.0.0 needs a token (JUPYTER_TOKEN) or a JupyterHub in front'
    >>> exposure_problem("0.0.0.0", "s3cret", False) is None, exposure_problem("", None, True)
    (True, None)
    """
    if is_loopback(ip) or hub or token:
        return None
    return (
        f"serving on {ip or 'every address'} needs a token (JUPYTER_TOKEN) or a JupyterHub in front"
    )


class WorkbenchVoila(Voila):
    """Voila serving one notebook of the workbench, guarded for a shared machine."""

    name = "voila"

    def initialize(self, argv: Any = None) -> None:
        compile_project()  # before any kernel starts, preheated ones included
        # the page template (share/jupyter/voila/templates/workbench) is found on JUPYTER_PATH
        paths = [str(SHARE), *filter(None, os.environ.get("JUPYTER_PATH", "").split(os.pathsep))]
        os.environ["JUPYTER_PATH"] = os.pathsep.join(dict.fromkeys(paths))
        super().initialize(argv)
        if "iopub_timeout" not in self.config.VoilaExecutor:
            # a page's widgets are the notebook's output: on a busy server they may come
            # seconds after the cell ends, and Voila's default (4 s) would send a blank page
            self.config.VoilaExecutor.iopub_timeout = IOPUB_TIMEOUT_S
        if behind_hub():
            self._sign_in_through_hub()
        pool = Settings.from_env().kernel_pool if "WORKBENCH_KERNEL_POOL" in os.environ else 0
        if pool:
            self.voila_configuration.preheat_kernel = True
            self.voila_configuration.default_pool_size = pool
            self.config.VoilaKernelManager.fill_delay = POOL_REFILL_DELAY_S
        vc = self.voila_configuration
        if not vc.extension_denylist and not vc.extension_allowlist:
            vc.extension_denylist = list(UNUSED_EXTENSIONS)
        if self.voila_configuration.template == "lab":  # not chosen on the command line
            self.voila_configuration.template = TEMPLATE
            self.setup_template_dirs()

    @default("token")
    def _token_from_environment(self) -> str | None:
        return os.environ.get("JUPYTER_TOKEN") or None

    def _sign_in_through_hub(self) -> None:
        from jupyterhub.singleuser.extension import JupyterHubAuthorizer

        from serving.hub import HubIdentityProvider, hub_location

        self.ip, self.port, self.base_url = hub_location(os.environ)
        self.identity_provider_class = HubIdentityProvider
        self.authorizer_class = JupyterHubAuthorizer

    def init_handlers(self) -> list[Any]:
        """Voila's handlers, with the sign-in handlers under the base URL like every other,
        and plotly's widget code (:mod:`widgets.network.page_code`)."""
        own = {h[0] for h in self.identity_provider.get_handlers()}
        handlers = [
            (url_path_join(self.base_url, h[0]), *h[1:]) if h[0] in own else h
            for h in super().init_handlers()
        ]
        folder, name = PAGE_CODE_PATH.rsplit("/", 1)
        code = (
            url_path_join(self.base_url, folder, f"({re.escape(name)})"),
            tornado.web.StaticFileHandler,
            {"path": str(plotly_widget_code().parent)},
        )
        return [code, *handlers]

    def init_settings(self) -> dict[str, Any]:
        settings: dict[str, Any] = super().init_settings()
        settings["allow_remote_access"] = False
        settings["local_hostnames"] = list(self.workbench_settings.allowed_hosts)
        settings["kernel_websocket_connection_class"] = GuardedKernelConnection
        return settings

    def start(self) -> None:
        try:
            self.workbench_settings = Settings.from_env()
        except InputError as exc:
            self.log.critical("%s", exc)
            self.exit(REFUSED)
        problem = exposure_problem(self.ip, self.token, behind_hub())
        if problem is not None:
            self.log.critical("Not started: %s.", problem)
            self.exit(REFUSED)
        # where the pages' template loads plotly's widget code (review page, served by the
        # handler above) and plotly.js (analyst page, the template's static folder) from
        os.environ[PAGE_CODE_ENV] = url_path_join(self.base_url, PAGE_CODE_PATH)
        os.environ[PLOTLY_JS_ENV] = url_path_join(self.base_url, PLOTLY_JS_PATH)
        # Voila.start, with the host-checking application in place of tornado's own.
        self.connection_dir = tempfile.mkdtemp(prefix="voila_", dir=self.connection_dir_root)
        settings = self.init_settings()
        self.app = HostCheckedApplication(
            self.workbench_settings.allowed_hosts, self.ip, **settings
        )
        self.app.settings.update(self.tornado_settings)
        self.app.add_handlers(".*$", self.init_handlers())
        self.listen()


def main() -> None:
    WorkbenchVoila.launch_instance()
