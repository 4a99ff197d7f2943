"""Why a store cannot be opened, in plain words: every database problem as an InputError.

A garbage file or a folder given as the SQLite file, a database whose schema
is newer than this workbench, an unsupported URL, an unreachable PostgreSQL
server, a folder or file that cannot be written: each becomes one
:class:`~workbench.errors.Problem` naming the database (password hidden), so
the command line exits with 2 and the page shows a sentence, never a traceback.

Examples
--------
>>> err = store_error("postgresql+psycopg://u:secret@db/wb", ValueError("unsupported database 'x'"))
>>> p = err.problems[0]
>>> p.file, p.message
('postgresql+psycopg://u:***@db/wb', "unsupported database 'x'")
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError

from workbench.errors import InputError, Problem


class FutureSchemaError(Exception):
    """The database was migrated by a newer workbench than this one."""


def shown_url(url: str) -> str:
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url


def _sqlite_path(url: str) -> Path | None:
    try:
        parsed = make_url(url)
    except ArgumentError:
        return None
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return Path(parsed.database)


def _explain(url: str, exc: BaseException) -> tuple[str, str]:
    """(what is wrong, what was expected) for ``exc`` raised opening ``url``."""
    text = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0] if str(exc) else ""
    path = _sqlite_path(url)
    if isinstance(exc, FutureSchemaError):
        return str(exc), "a store made by this version of the workbench or an older one"
    if isinstance(exc, ValueError | ArgumentError) or type(exc).__name__ == "NoSuchModuleError":
        if not text or "could not parse" in text.lower():
            text = "not a database URL"
        return text, "a SQLite file path, sqlite:///FILE or postgresql://…"
    if path is not None:
        if path.is_dir():
            return "is a folder, not a database file", "a SQLite database file (or a new file name)"
        lowered = text.lower()
        if "not a database" in lowered or "malformed" in lowered:
            return "not a SQLite database (damaged, or another kind of file)", (
                "a store made by the workbench, or a new file name"
            )
        if "readonly" in lowered or "read-only" in lowered:
            return "cannot be written (a read-only file or folder)", "a writable file and folder"
        if isinstance(exc, OSError) or "unable to open" in lowered:
            return (
                f"cannot be opened or created ({text or exc.__class__.__name__}): "
                "the folder is missing, read-only or not a folder"
            ), "a writable folder"
        return text, "a usable SQLite database"
    if (isinstance(exc, DBAPIError) and exc.connection_invalidated) or "connect" in text.lower():
        return f"cannot connect to the database server: {text}", (
            "a reachable PostgreSQL server (check host, port, user and WORKBENCH_DB_URL)"
        )
    return text or exc.__class__.__name__, "a usable PostgreSQL database"


def store_error(url: str, exc: BaseException) -> InputError:
    """``exc``, raised while opening the store at ``url``, as a clear :class:`InputError`."""
    message, expected = _explain(url, exc)
    return InputError([Problem(shown_url(url), "judgments store", "database", message, expected)])
