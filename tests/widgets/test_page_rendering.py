"""How the server renders a page: it waits for the notebook's output on a busy machine."""

from __future__ import annotations

from pathlib import Path

import nbformat
from voila.execute import VoilaExecutor

from serving.app import IOPUB_TIMEOUT_S, WorkbenchVoila

ROOT = Path(__file__).resolve().parents[2]
REVIEW = str(ROOT / "notebooks" / "review.ipynb")


def _executor(argv: list[str]) -> VoilaExecutor:
    app = WorkbenchVoila()
    app.initialize([REVIEW, "--no-browser", "--Voila.ip=127.0.0.1", *argv])
    return VoilaExecutor(nbformat.read(REVIEW, as_version=4), config=app.config)


def test_a_page_waits_for_its_widgets_longer_than_voilas_four_seconds() -> None:
    """Voila's default (4 s) sent blank pages when ten reviewers opened the page at once."""
    executor = _executor([])
    assert executor.iopub_timeout == IOPUB_TIMEOUT_S
    assert executor.iopub_timeout > VoilaExecutor(executor.nb).iopub_timeout


def test_the_command_line_still_decides() -> None:
    assert _executor(["--VoilaExecutor.iopub_timeout=9"]).iopub_timeout == 9
