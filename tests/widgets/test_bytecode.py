"""The server compiles the project's modules ahead for its kernels (serving/bytecode.py)."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

from serving.bytecode import PACKAGES, ROOT, compile_project


def _package(root: Path, body: str = "VALUE = 1\n") -> Path:
    pkg = root / "pkg"
    pkg.mkdir()
    (pkg / "__init__.py").write_text("")
    (pkg / "mod.py").write_text(body)
    return pkg


def _imported_from_cache(root: Path) -> tuple[str, str]:
    """Import pkg.mod in a fresh Python that may not write bytecode: (VALUE, origin of its code)."""
    code = (
        "import importlib.util, sys; import pkg.mod as m; "
        "spec = importlib.util.find_spec('pkg.mod'); "
        "print(m.VALUE, type(spec.loader).__name__, sys.dont_write_bytecode)"
    )
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1", "PYTHONPATH": str(root)}
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, cwd=root, capture_output=True, text=True, check=True
    ).stdout.split()
    assert out[2] == "True"
    return out[0], out[1]


def test_compiled_once_then_read_by_every_process(tmp_path: Path) -> None:
    pkg = _package(tmp_path)
    cached = Path(importlib.util.cache_from_source(str(pkg / "mod.py")))
    _imported_from_cache(tmp_path)
    assert not cached.exists()  # such a process writes nothing itself
    assert compile_project(tmp_path, ("pkg",)) is True
    assert cached.is_file()
    stamp = cached.stat().st_mtime_ns
    assert compile_project(tmp_path, ("pkg",)) is True  # up to date: left as it is
    assert cached.stat().st_mtime_ns == stamp
    assert _imported_from_cache(tmp_path)[0] == "1"


def test_a_changed_source_is_never_run_stale(tmp_path: Path) -> None:
    pkg = _package(tmp_path)
    compile_project(tmp_path, ("pkg",))
    (pkg / "mod.py").write_text("VALUE = 22\n")
    os.utime(pkg / "mod.py", ns=(10**18, 10**18))  # a later edit, whatever the clock's grain
    assert _imported_from_cache(tmp_path)[0] == "22"
    compile_project(tmp_path, ("pkg",))
    assert _imported_from_cache(tmp_path)[0] == "22"


def test_a_tree_it_may_not_write_to_is_no_error(tmp_path: Path) -> None:
    pkg = _package(tmp_path)
    (pkg / "__pycache__").write_text("")  # no folder can be made there, whoever runs it
    assert compile_project(tmp_path, ("pkg",)) is False
    assert _imported_from_cache(tmp_path)[0] == "1"


def test_a_module_that_does_not_compile_is_no_error(tmp_path: Path) -> None:
    pkg = _package(tmp_path)
    (pkg / "broken.py").write_text("def (:\n")
    assert compile_project(tmp_path, ("pkg",)) is False
    assert Path(importlib.util.cache_from_source(str(pkg / "mod.py"))).is_file()


def test_the_packages_are_the_projects_own() -> None:
    for name in PACKAGES:
        assert (ROOT / name / "__init__.py").is_file()
    assert Path(__file__).resolve().parents[2] == ROOT
