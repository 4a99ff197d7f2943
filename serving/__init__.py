"""Serving the workbench's pages: Voila with the guards a shared server needs.

``python -m serving NOTEBOOK [Voila options]`` runs :class:`serving.app.WorkbenchVoila`
(what ``make serve`` runs): every request's ``Host`` is checked against the
configured names (:mod:`serving.hosts`), kernel websockets must speak the v1
kernel protocol and send well-formed frames (:mod:`serving.kernel_socket`), and a
server on a non-loopback address refuses to start without a token or a hub.
"""
