"""Reviewer identity: JupyterHub first, then the setting, then an entered name; never empty."""

from __future__ import annotations

import pytest

from workbench.errors import InputError
from workbench.reviewer import IdentitySource, Reviewer, resolve_reviewer


def test_jupyterhub_user_wins_over_setting_and_entered_name() -> None:
    env = {"JUPYTERHUB_USER": "hub-tanaka", "WORKBENCH_REVIEWER": "setting-sato"}
    assert resolve_reviewer("typed", environ=env) == Reviewer(
        "hub-tanaka", IdentitySource.JUPYTERHUB
    )


def test_setting_is_used_without_jupyterhub_and_configured_overrides_the_environment() -> None:
    env = {"JUPYTERHUB_USER": "  ", "WORKBENCH_REVIEWER": "setting-sato"}
    assert resolve_reviewer("typed", environ=env).source is IdentitySource.SETTING
    r = resolve_reviewer("typed", configured="山田 花子", environ=env)
    assert (r.name, r.source) == ("山田 花子", IdentitySource.SETTING)


def test_entered_name_is_the_last_resort_and_is_tidied() -> None:
    r = resolve_reviewer("  Sato\t Ken \n", environ={})
    assert (r.name, r.source, str(r)) == ("Sato Ken", IdentitySource.ENTERED, "Sato Ken")


@pytest.mark.parametrize("entered", [None, "", "   "])
def test_no_name_anywhere_is_refused(entered: str | None) -> None:
    with pytest.raises(InputError, match="no reviewer name"):
        resolve_reviewer(entered, environ={"WORKBENCH_REVIEWER": ""})


def test_names_with_control_characters_or_too_long_are_refused() -> None:
    with pytest.raises(InputError, match="control characters"):
        resolve_reviewer("bad\x00name", environ={})
    with pytest.raises(InputError, match="201 characters long"):
        resolve_reviewer("x" * 201, environ={})
    with pytest.raises(InputError, match="JUPYTERHUB_USER"):
        resolve_reviewer(environ={"JUPYTERHUB_USER": "y" * 300})
