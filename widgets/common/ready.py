"""A signal from the browser that the page is on screen.

Heavy background work (opening the store, indexing the lists, screening ahead)
competes with the kernel for the interpreter while the browser is still
fetching the page's widgets. :class:`PageShown` is an invisible widget whose
front end sets ``shown`` once it is rendered; the app starts that work then.
"""

from __future__ import annotations

import anywidget
import traitlets as t

_ESM = """
export default {
  render({ model, el }) {
    el.style.display = "none";
    // after the browser has painted the page
    requestAnimationFrame(() => setTimeout(() => {
      model.set("shown", true);
      model.save_changes();
      // for the page's own scripts (the template loads code that can wait until now)
      window.dispatchEvent(new Event("workbench:shown"));
    }, 0));
  }
};
"""


class PageShown(anywidget.AnyWidget):
    """Invisible; ``shown`` becomes true when the browser has rendered it."""

    _esm = _ESM
    shown = t.Bool(False).tag(sync=True)
