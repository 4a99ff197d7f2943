"""A page made by the kernel (the printable review record), opened by the browser in a new tab.

:class:`NewTabPage` shows a link. Each time the kernel gives it a page
(``show(html, label)``), its front end makes the page a ``blob:`` URL of this
server's origin and opens it in a new tab — the reviewer has just clicked, so
the browser lets it — and the link opens it again (or first, if the browser
refused). No request leaves the browser: the page is in memory.
"""

from __future__ import annotations

import anywidget
import traitlets as t

_ESM = """
export default {
  render({ model, el }) {
    const a = document.createElement("a");
    a.className = "wb-badge wb-ok wb-new-tab";
    a.target = "_blank";
    a.rel = "noopener";
    el.appendChild(a);
    let url = "";
    const update = () => {
      if (url) URL.revokeObjectURL(url);
      const html = model.get("html");
      url = html ? URL.createObjectURL(new Blob([html], { type: "text/html;charset=utf-8" })) : "";
      a.href = url || "#";
      a.textContent = model.get("label");
      a.style.display = html ? "" : "none";
    };
    const open = () => { update(); if (url) window.open(url, "_blank", "noopener"); };
    update();
    model.on("change:label", update);
    model.on("change:serial", open);
    return () => {
      model.off("change:label", update);
      model.off("change:serial", open);
      if (url) URL.revokeObjectURL(url);
    };
  }
};
"""


class NewTabPage(anywidget.AnyWidget):
    """A link to ``html`` (shown as ``label``); each :meth:`show` opens it in a new tab."""

    _esm = _ESM
    html = t.Unicode("").tag(sync=True)
    label = t.Unicode("").tag(sync=True)
    #: raised by each :meth:`show`: the front end opens the page when it changes
    serial = t.Int(0).tag(sync=True)

    def show(self, html: str, label: str) -> None:
        with self.hold_sync():
            self.html = html
            self.label = label
            self.serial += 1

    def clear(self) -> None:
        self.html = ""
