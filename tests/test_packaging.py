"""The two dependency declarations agree, and the layout rules hold."""

from __future__ import annotations

import ast
import re
import tomllib
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]


def _pyproject_pins() -> set[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    pins = set(project["dependencies"]) | set(project["optional-dependencies"]["dev"])
    return {p.lower() for p in pins}


def _environment_pins() -> set[str]:
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    pip = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict) and "pip" in d)
    return {p.lower() for p in pip if not p.startswith("-e")}


def test_environment_yml_and_pyproject_list_the_same_pins() -> None:
    assert _pyproject_pins() == _environment_pins()


def test_every_dependency_is_pinned_exactly() -> None:
    for pin in _pyproject_pins():
        assert re.fullmatch(r"[a-z0-9_.\-\[\]]+==[0-9a-z.]+", pin), pin


def test_domain_package_imports_no_ui_code() -> None:
    ui = {"ipywidgets", "plotly", "widgets", "voila", "traitlets", "anywidget", "IPython"}
    offenders = []
    for path in (ROOT / "workbench").rglob("*.py"):
        tree = ast.parse(path.read_text(), str(path))
        for node in ast.walk(tree):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module]
            offenders += [f"{path.name}: {n}" for n in names if n.split(".")[0] in ui]
    assert offenders == []


def test_notebooks_are_committed_without_outputs() -> None:
    import json

    for nb in (ROOT / "notebooks").glob("*.ipynb"):
        cells = json.loads(nb.read_text())["cells"]
        for cell in cells:
            if cell["cell_type"] == "code":
                assert cell.get("outputs") == [], nb.name
                assert cell.get("execution_count") is None, nb.name


def test_constraints_agree_with_the_direct_pins() -> None:
    lines = (ROOT / "constraints.txt").read_text().splitlines()
    locked = dict(
        line.lower().split("==", 1) for line in lines if "==" in line and not line.startswith("#")
    )
    for pin in _pyproject_pins():
        name, version = pin.split("==")
        name = re.sub(r"\[.*\]", "", name).replace("_", "-")
        assert locked.get(name) == version, (
            f"{name}: pyproject {version}, constraints {locked.get(name)}"
        )
