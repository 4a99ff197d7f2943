# JupyterHub for a team of reviewers on one machine: `make serve-hub` runs it on 127.0.0.1.
#
# Each signed-in reviewer gets their own workbench Voila (`python -m serving`) showing the
# review page; the hub's proxy sends them only to their own server, and the reviewer on
# every recorded decision is their hub user name (JUPYTERHUB_USER). Members of the hub
# group "analysts" may also start a server named "analyst", which shows the analyst page.
#
# Read from the environment (docs/serving.md shows a real sign-in and a larger set-up):
#   WORKBENCH_HUB_IP, WORKBENCH_HUB_PORT   where the hub listens (127.0.0.1, 8000)
#   WORKBENCH_HUB_API_PORT, WORKBENCH_HUB_PROXY_API_PORT
#                                          the hub's and the proxy's own ports (8081, 8001)
#   WORKBENCH_HUB_STATE                    the hub's own files (data/hub)
#   WORKBENCH_HUB_PASSWORD                 the shared password (made and kept in the state
#                                          folder when not given); testing and pilots only
#   WORKBENCH_HUB_USERS                    user names allowed to sign in (comma-separated;
#                                          empty: any name with the password)
#   WORKBENCH_HUB_ANALYSTS                 members of the "analysts" group
#   WORKBENCH_HUB_CULL_S                   seconds before an idle page's kernel is stopped
#   WORKBENCH_HUB_IDLE_S                   seconds before an idle reviewer's server is stopped
#                                          (jupyterhub-idle-culler; 3600)
#   WORKBENCH_*                            the workbench's settings, passed to every server
import os
import secrets
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
STATE = Path(os.environ.get("WORKBENCH_HUB_STATE") or ROOT / "data" / "hub")
STATE.mkdir(parents=True, exist_ok=True, mode=0o700)


def _names(variable):
    return {n.strip() for n in os.environ.get(variable, "").split(",") if n.strip()}


def _password():
    given = os.environ.get("WORKBENCH_HUB_PASSWORD")
    if given:
        return given
    kept = STATE / "shared-password"
    if not kept.exists():
        kept.touch(mode=0o600)
        kept.write_text(secrets.token_urlsafe(12))
        print(f"Shared password for the hub written to {kept}", file=sys.stderr)
    return kept.read_text().strip()


c = get_config()  # noqa: F821 (given by JupyterHub when it loads this file)

# ---- the hub and its proxy, on this machine only ------------------------------------------
c.JupyterHub.ip = os.environ.get("WORKBENCH_HUB_IP", "127.0.0.1")
c.JupyterHub.port = int(os.environ.get("WORKBENCH_HUB_PORT", "8000"))
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = int(os.environ.get("WORKBENCH_HUB_API_PORT", "8081"))
c.ConfigurableHTTPProxy.api_url = (
    f"http://127.0.0.1:{int(os.environ.get('WORKBENCH_HUB_PROXY_API_PORT', '8001'))}"
)
c.JupyterHub.db_url = f"sqlite:///{STATE / 'jupyterhub.sqlite'}"
c.JupyterHub.cookie_secret_file = str(STATE / "jupyterhub_cookie_secret")
c.JupyterHub.pid_file = str(STATE / "jupyterhub.pid")
c.ConfigurableHTTPProxy.command = [str(HERE / "node_modules" / ".bin" / "configurable-http-proxy")]
c.ConfigurableHTTPProxy.pid_file = str(STATE / "proxy.pid")
c.JupyterHub.cleanup_servers = True

# ---- sign-in: one shared password (tests, pilots); docs/serving.md shows OIDC and PAM -----
c.JupyterHub.authenticator_class = "shared-password"
c.SharedPasswordAuthenticator.user_password = _password()
allowed = _names("WORKBENCH_HUB_USERS")
if allowed:
    c.Authenticator.allowed_users = allowed
else:
    c.Authenticator.allow_all = True
analysts = _names("WORKBENCH_HUB_ANALYSTS")
c.JupyterHub.load_groups = {"analysts": {"users": sorted(analysts)}}

# ---- each reviewer's server: the workbench's Voila on the review page ---------------------
c.JupyterHub.spawner_class = "jupyterhub.spawner.SimpleLocalProcessSpawner"
c.SimpleLocalProcessSpawner.home_dir_template = str(STATE / "home" / "{username}")
c.JupyterHub.allow_named_servers = True
c.Spawner.cmd = [sys.executable, "-m", "serving"]
cull = os.environ.get("WORKBENCH_HUB_CULL_S", "900")
c.Spawner.args = [
    str(ROOT / "notebooks" / "review.ipynb"),
    "--no-browser",
    "--show_tracebacks=False",
    f"--MappingKernelManager.cull_idle_timeout={cull}",
    f"--MappingKernelManager.cull_interval={min(60, max(1, int(cull) // 3))}",
]
c.Spawner.environment = {k: v for k, v in os.environ.items() if k.startswith("WORKBENCH_")}
c.Spawner.env_keep = ["PATH", "PYTHONPATH", "LANG", "LC_ALL", "JUPYTER_PATH"]
c.Spawner.start_timeout = 180
c.Spawner.http_timeout = 180

# ---- servers nobody has used for WORKBENCH_HUB_IDLE_S stopped (jupyterhub-idle-culler) -----
idle = int(os.environ.get("WORKBENCH_HUB_IDLE_S", "3600"))
c.JupyterHub.services = [
    {
        "name": "idle-culler",
        "command": [
            sys.executable,
            "-m",
            "jupyterhub_idle_culler",
            f"--timeout={idle}",
            f"--cull-every={min(300, max(1, idle // 3))}",
        ],
    }
]
c.JupyterHub.load_roles = [
    {
        "name": "idle-culler",
        "scopes": ["list:users", "read:users:activity", "read:servers", "delete:servers"],
        "services": ["idle-culler"],
    }
]


def _page_for_server(spawner):
    """A server named "analyst" shows the analyst page, to members of "analysts" only."""
    if spawner.name != "analyst":
        return
    if "analysts" not in {g.name for g in spawner.user.groups}:
        raise PermissionError(f"{spawner.user.name} is not in the hub group 'analysts'")
    spawner.args = [str(ROOT / "notebooks" / "portfolio.ipynb"), *spawner.args[1:]]


c.Spawner.pre_spawn_hook = _page_for_server
