"""The workbench's settings: one declared table, with environment overrides.

Every setting is declared once in :data:`SETTINGS` with its default, the
environment variable that overrides it and a help line; the README's settings
section is generated from that table (:func:`settings_markdown`) and a test
keeps the two in step. :meth:`Settings.from_env` reads the environment,
checks every value, and reports *all* bad values at once as an
:class:`~workbench.errors.InputError` naming the variable.

Examples
--------
>>> s = Settings.from_env({"WORKBENCH_LANG": "en", "WORKBENCH_LOOKBACK_YEARS": "3",
...                        "WORKBENCH_LISTS": "a.json"})
>>> s.language, s.lookback_years, [p.name for p in s.lists]
('en', 3, ['a.json'])
>>> Settings.from_env({"WORKBENCH_LANG": "fr", "WORKBENCH_LISTS": "a.json"})
Traceback (most recent call last):
...
workbench.errors.InputError: 1 problem(s) in input:
  - environment: WORKBENCH_LANG: field 'language': unknown language 'fr' (expected one of: ja, en)
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from workbench import setting_values as read
from workbench.errors import InputError, Problem
from workbench.setting_values import LANGUAGES as LANGUAGES  # the languages of the pages
from workbench.setting_values import ROOT
from workbench.window import DEFAULT_YEARS


def _shipped_lists() -> tuple[Path, ...]:
    """The list files in force by default: the snapshots shipped in ``data/lists``, each
    replaced by the one of its kind ``workbench lists update`` downloaded, if any."""
    from workbench.list_files import shipped_files
    from workbench.list_updates.active import active_lists

    return tuple(active_lists(shipped_files()))


@dataclass(frozen=True, slots=True)
class Setting:
    """One declared setting: its field name, default, environment variable and help line."""

    name: str
    env: str
    default: str  # as written in the documentation; parsed like an environment value
    help: str
    parse: Callable[[str], Any]
    default_factory: Callable[[], Any] | None = None  # computed default (shipped lists)


#: The one table of settings, in the order the documentation shows them.
SETTINGS: tuple[Setting, ...] = (
    Setting(
        "data_dir",
        "WORKBENCH_DATA_DIR",
        "data/demo/proposals",
        "Folder of proposals, one sub-folder per proposal holding proposal.json "
        "(or questionnaire.xlsx) and works.json / publications.csv.",
        read.path,
    ),
    Setting(
        "lists",
        "WORKBENCH_LISTS",
        "the lists shipped in data/lists",
        f"Screening list files to screen against, separated by '{os.pathsep}' "
        "(METI End User List, US Consolidated Screening List, FollowTheMoney, custom CSV).",
        read.paths,
        _shipped_lists,
    ),
    Setting(
        "db_url",
        "WORKBENCH_DB_URL",
        "sqlite:///data/workbench.db",
        "Judgments store: a SQLite file (default) or a PostgreSQL URL shared by a team "
        "of reviewers.",
        read.db_url,
    ),
    Setting(
        "language",
        "WORKBENCH_LANG",
        "ja",
        "Language the dashboard opens in: ja (Japanese) or en (English); switchable on the page.",
        read.language,
    ),
    Setting(
        "lookback_years",
        "WORKBENCH_LOOKBACK_YEARS",
        str(DEFAULT_YEARS),
        "Look-back window for co-authorship, in years before the reference date (FAQ Q3.6).",
        read.years,
    ),
    Setting(
        "reviewer",
        "WORKBENCH_REVIEWER",
        "",
        "Reviewer name recorded with every decision when JUPYTERHUB_USER is not set; "
        "empty means the reviewer types it on the page.",
        read.reviewer,
    ),
    Setting(
        "cache_dir",
        "WORKBENCH_CACHE_DIR",
        "data/cache",
        "Folder where screened proposals are kept between sessions, keyed by the content of "
        "the proposal's files, the lists, the reviewers' match verdicts, the window and the "
        "workbench version (any change means a new screening), and in `index/` the "
        "matcher's index of the lists, one per list version, built by the first session "
        "that needs it and read by the others. Entries are signed with a key kept in the "
        "folder; a folder or key other users can change or read is not "
        "used. Safe to delete.",
        read.path,
    ),
    Setting(
        "portfolio_dir",
        "WORKBENCH_PORTFOLIO_DIR",
        "data/demo/portfolio",
        "Folder of the portfolio tables (Parquet) that `workbench portfolio screen --out` "
        "writes; the analyst page reads them and screens only proposals that are new or "
        "changed since (by the same content key as the screening cache), then writes the "
        "tables back. Safe to delete.",
        read.path,
    ),
    Setting(
        "list_registry",
        "WORKBENCH_LIST_REGISTRY",
        "data/list_versions.json",
        "The register of list versions (`workbench portfolio register`, "
        "`workbench portfolio versions`); the analyst page compares two registered "
        "versions of a list from it.",
        read.path,
    ),
    Setting(
        "review_url",
        "WORKBENCH_REVIEW_URL",
        "http://127.0.0.1:8866/",
        "Address of the review page (`make serve`): the analyst page's drill-down rows link "
        "to it with `?proposal=ID`, which opens that proposal.",
        read.url,
    ),
    Setting(
        "openalex_url",
        "WORKBENCH_OPENALEX_URL",
        "https://api.openalex.org",
        "OpenAlex API that `workbench works fetch` asks for authors and works (a mirror, or "
        "a local server in tests).",
        read.url,
    ),
    Setting(
        "openalex_api_key",
        "WORKBENCH_OPENALEX_API_KEY",
        "",
        "OpenAlex API key (free; required for real use since February 2026). Sent with "
        "every request, never written to the cache or the provenance file.",
        read.text,
    ),
    Setting(
        "openalex_email",
        "WORKBENCH_OPENALEX_EMAIL",
        "",
        "Contact e-mail sent to OpenAlex with every request (its polite pool).",
        read.email,
    ),
    Setting(
        "openalex_cache_dir",
        "WORKBENCH_OPENALEX_CACHE_DIR",
        "data/openalex-cache",
        "Folder of OpenAlex answers kept on disk, so a second fetch of the same proposal "
        "makes no list calls. Safe to delete; `--refresh` asks again.",
        read.path,
    ),
    Setting(
        "meti_url",
        "WORKBENCH_METI_URL",
        "https://www.meti.go.jp/policy/anpo/law05.html",
        "Where `workbench lists update meti` downloads METI's End User List: the Excel file, "
        "or METI's page that links to it (the newest .xlsx linked is taken).",
        read.url,
    ),
    Setting(
        "csl_url",
        "WORKBENCH_CSL_URL",
        "https://data.trade.gov/downloadable_consolidated_screening_list/v1/consolidated.csv",
        "Where `workbench lists update csl` downloads the US Consolidated Screening List "
        "(CSV or JSON).",
        read.url,
    ),
    Setting(
        "lists_update_dir",
        "WORKBENCH_LISTS_UPDATE_DIR",
        "data/lists-updated",
        "Folder where `workbench lists update` keeps the downloaded lists and which of them "
        "is active; an active download replaces the shipped list of its kind.",
        read.path,
    ),
    Setting(
        "list_max_age_days",
        "WORKBENCH_LIST_MAX_AGE_DAYS",
        "90",
        "A list in use older than this many days is flagged on the pages and by "
        "`workbench lists status`, with the command that refreshes it.",
        read.days,
    ),
    Setting(
        "allowed_hosts",
        "WORKBENCH_ALLOWED_HOSTS",
        "localhost",
        "Host names the served pages answer to, separated by commas (loopback addresses and "
        "the address served on always); a request naming any other host is refused, so a "
        "page elsewhere cannot reach the server by renaming itself (DNS rebinding).",
        read.host_names,
    ),
    Setting(
        "kernel_pool",
        "WORKBENCH_KERNEL_POOL",
        "0",
        "Kernels the server keeps started and running the page ahead of the next visitor "
        "(Voila's preheating), 0 to 20; each holds the memory of an open page.",
        read.pool_size,
    ),
)


@dataclass(frozen=True, slots=True)
class Settings:
    """The settings in force: every field comes from :data:`SETTINGS`."""

    data_dir: Path
    lists: tuple[Path, ...]
    db_url: str
    language: str = "ja"
    lookback_years: int = DEFAULT_YEARS
    reviewer: str = ""
    cache_dir: Path = ROOT / "data" / "cache"
    portfolio_dir: Path = ROOT / "data" / "demo" / "portfolio"
    list_registry: Path = ROOT / "data" / "list_versions.json"
    review_url: str = "http://127.0.0.1:8866/"
    openalex_url: str = "https://api.openalex.org"
    openalex_api_key: str = ""
    openalex_email: str = ""
    openalex_cache_dir: Path = ROOT / "data" / "openalex-cache"
    meti_url: str = "https://www.meti.go.jp/policy/anpo/law05.html"
    csl_url: str = (
        "https://data.trade.gov/downloadable_consolidated_screening_list/v1/consolidated.csv"
    )
    lists_update_dir: Path = ROOT / "data" / "lists-updated"
    list_max_age_days: int = 90
    allowed_hosts: tuple[str, ...] = ("localhost",)
    kernel_pool: int = 0

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        """Read every setting from ``environ`` (default ``os.environ``), else its default.

        Raises :class:`~workbench.errors.InputError` listing every bad value.
        """
        env = os.environ if environ is None else environ
        values: dict[str, Any] = {}
        problems: list[Problem] = []
        for s in SETTINGS:
            raw = env.get(s.env)
            if raw is None or (raw == "" and s.default != ""):
                values[s.name] = s.default_factory() if s.default_factory else s.parse(s.default)
                continue
            try:
                values[s.name] = s.parse(raw)
            except read.Invalid as exc:
                problems.append(Problem("environment", s.env, s.name, str(exc), exc.expected))
        if problems:
            raise InputError(problems)
        return cls(**values)

    def replace(self, **changes: Any) -> Settings:
        """A copy with some fields changed (the values are taken as given)."""
        current = {f.name: getattr(self, f.name) for f in fields(self)}
        unknown = set(changes) - set(current)
        if unknown:
            raise TypeError(f"unknown settings: {', '.join(sorted(unknown))}")
        return Settings(**{**current, **changes})


def read_setting(name: str, environ: Mapping[str, str] | None = None) -> Any:
    """One setting from ``environ`` (default ``os.environ``), else its default.

    For commands that need only some settings (``workbench screen``): the other
    variables are not read, so a bad one does not stop them.

    >>> read_setting("lookback_years", {"WORKBENCH_LOOKBACK_YEARS": "3"})
    3
    >>> read_setting("lookback_years", {}) == DEFAULT_YEARS
    True
    """
    s = next(s for s in SETTINGS if s.name == name)
    raw = (os.environ if environ is None else environ).get(s.env)
    if raw is None or (raw == "" and s.name != "reviewer"):
        return s.default_factory() if s.default_factory else s.parse(s.default)
    try:
        return s.parse(raw)
    except read.Invalid as exc:
        raise InputError([Problem("environment", s.env, s.name, str(exc), exc.expected)]) from None


def settings_markdown() -> str:
    """The settings table as Markdown, for the README and ``docs/settings.md``.

    Examples
    --------
    >>> settings_markdown().splitlines()[0]
    '| setting | environment variable | default | meaning |'
    """
    lines = [
        "| setting | environment variable | default | meaning |",
        "| --- | --- | --- | --- |",
    ]
    for s in SETTINGS:
        default = f"`{s.default}`" if s.default else "(empty)"
        if s.default_factory is not None and " " in s.default:
            default = s.default
        lines.append(f"| `{s.name}` | `{s.env}` | {default} | {s.help} |")
    return "\n".join(lines)
