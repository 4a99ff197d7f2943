"""Export of the review record: an Excel workbook (from the store) and a printable HTML page.

Output trait: ``request`` — ``{"format": "xlsx" | "html"}`` when the reviewer
asks for a file. Input trait: ``link`` — the download link the app made.
"""

from __future__ import annotations

from typing import Any

import ipywidgets as w
import traitlets as t

from widgets.common import markup
from widgets.common.i18n import translator


class ExportPanel(w.VBox):
    language = t.Unicode("ja")
    enabled = t.Bool(True)
    link = t.Unicode("")  # input: HTML of the download link (made by markup.download_link)
    request = t.Dict()  # output

    def __init__(self, **kwargs: Any) -> None:
        self._heading = w.HTML()
        self._xlsx = w.Button(icon="file-excel-o")
        self._html = w.Button(icon="print")
        self._link = w.HTML()
        super().__init__(
            children=[
                self._heading,
                w.HBox([self._xlsx, self._html, self._link], layout=w.Layout(align_items="center")),
            ],
            **kwargs,
        )
        self.add_class("wb-card")
        self.add_class("wb-export")
        self._asked = 0
        self._xlsx.on_click(lambda _b: self._ask("xlsx"))
        self._html.on_click(lambda _b: self._ask("html"))
        self.observe(self._render, names=["language", "enabled", "link"])
        self._render()

    @property
    def xlsx_button(self) -> w.Button:
        return self._xlsx

    @property
    def html_button(self) -> w.Button:
        return self._html

    def _render(self, _change: object = None) -> None:
        tr = translator(self.language)
        self._heading.value = markup.heading_html(tr("section.export"))
        self._xlsx.description = tr("export.xlsx")
        self._html.description = tr("export.html")
        self._xlsx.disabled = self._html.disabled = not self.enabled
        self._link.value = self.link

    def _ask(self, fmt: str) -> None:
        self._asked += 1
        self.request = {"format": fmt, "n": self._asked}
