"""The project's modules compiled ahead, so that every kernel reads them compiled.

Each page runs in a kernel of its own, a new Python process that imports the
workbench's modules. Python keeps their compiled form in ``__pycache__`` only if
it may write it there: not when ``PYTHONDONTWRITEBYTECODE`` is set (usual in
container images) and not when the kernels run as users who may not write to the
installed tree (a team's reviewers behind a hub). Every kernel then compiles the
same sources again, which on a small server adds a noticeable share of a page's
time to interactive. The server therefore compiles them once as it starts; the
compiled files are checked against their source as usual, so a changed file is
never run stale. Where the tree is not writable nothing is compiled and nothing
fails: the kernels compile in memory as before.
"""

from __future__ import annotations

import compileall
from pathlib import Path

#: The project's own packages, the ones a page's kernel imports.
PACKAGES = ("workbench", "widgets", "serving")
ROOT = Path(__file__).resolve().parents[1]


def compile_project(root: Path = ROOT, packages: tuple[str, ...] = PACKAGES) -> bool:
    """Write the compiled form of every module of ``packages`` under ``root`` that lacks
    an up-to-date one; whether every module now has one (``False`` where one could not
    be written or did not compile — never an error: the kernels then compile in memory)."""
    ok = True
    for name in packages:
        folder = root / name
        if folder.is_dir():
            ok = bool(compileall.compile_dir(folder, quiet=2, workers=1)) and ok
    return ok
