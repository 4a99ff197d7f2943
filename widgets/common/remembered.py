"""A short text the browser keeps across reloads (in its ``localStorage``): the reviewer's name.

:class:`Remembered` is an invisible widget: when shown, its front end reads
the text stored under ``key`` and sets ``value`` from it (if the kernel has
none yet); whenever ``value`` changes afterwards, the front end stores it (an
empty text forgets it). Nothing leaves the browser: the text stays in the
page's own storage, readable only by pages of the same server.
"""

from __future__ import annotations

import anywidget
import traitlets as t

_ESM = """
export default {
  render({ model, el }) {
    el.style.display = "none";
    const key = model.get("key");
    let stored = null;
    try { stored = window.localStorage.getItem(key); } catch (e) { /* storage refused */ }
    if (stored && !model.get("value")) {
      model.set("value", stored);
      model.save_changes();
    }
    const keep = () => {
      const value = model.get("value");
      try {
        if (value) window.localStorage.setItem(key, value);
        else window.localStorage.removeItem(key);
      } catch (e) { /* storage refused: nothing kept */ }
    };
    model.on("change:value", keep);
    return () => model.off("change:value", keep);
  }
};
"""


class Remembered(anywidget.AnyWidget):
    """Invisible; ``value`` is kept by the browser under ``key`` across reloads of the page."""

    _esm = _ESM
    key = t.Unicode("").tag(sync=True)
    value = t.Unicode("").tag(sync=True)
