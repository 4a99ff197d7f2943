"""Warming up the network explorer: plotly's widget machinery without jsonschema's IRI grammar."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _run(code: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_warm_up_skips_the_iri_grammar_and_the_explorer_still_works() -> None:
    out = _run(
        "import sys\n"
        "from widgets.network.explorer import warm_up, NetworkExplorer, sample_graph\n"
        "warm_up()\n"
        "print(sys.modules.get('rfc3987_syntax', 'absent'))\n"
        "print(type(NetworkExplorer(sample_graph()).fig).__name__)\n"
        "import nbformat\n"
        "nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell('1')])\n"
        "nbformat.validate(nb); print('valid')\n"
    )
    assert out.splitlines() == ["None", "FigureWidget", "valid"]


def test_a_process_that_loaded_jsonschema_first_keeps_it_whole() -> None:
    out = _run(
        "import sys, jsonschema\n"
        "from widgets.network.explorer import warm_up\n"
        "warm_up()\n"
        "print(sys.modules.get('rfc3987_syntax') is not None)\n"
    )
    assert out == "True"
