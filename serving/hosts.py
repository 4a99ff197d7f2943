"""Which ``Host`` a request may name, and which addresses may be served without a token.

A page on another site can make a browser send requests to a server on this
machine by pointing its own name at 127.0.0.1 (DNS rebinding); such requests
carry that site's name in ``Host``. The server answers only to loopback
addresses, the address it listens on, and the configured names.

Examples
--------
>>> names = ("localhost", "reviews.example.jp")
>>> host_allowed("127.0.0.1:8866", names), host_allowed("[::1]:8866", names)
(True, True)
>>> host_allowed("Reviews.Example.JP.:443", names), host_allowed("localhost", names)
(True, True)
>>> host_allowed("evil.example:8866", names), host_allowed("", names)
(False, False)
>>> host_allowed("10.0.0.5:8866", names), host_allowed("10.0.0.5:8866", names, "10.0.0.5")
(False, True)
>>> is_loopback("localhost"), is_loopback("127.0.0.2"), is_loopback("0.0.0.0")
(True, True, False)
"""

from __future__ import annotations

import ipaddress
import re

_HOST_PORT = re.compile(r"^(\[[^\]]*\]|[^:]*)(:\d+)?$")


def host_name(host_header: str) -> str:
    """The name or address of a ``Host`` header, without port, brackets or final dot."""
    match = _HOST_PORT.match(host_header.strip())
    name = match.group(1) if match else ""
    return name.strip("[]").lower().rstrip(".")


def is_loopback(address: str) -> bool:
    """Whether ``address`` (an IP address or ``localhost``) is only reachable from this machine."""
    if address.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(address.strip("[]")).is_loopback
    except ValueError:
        return False


def host_allowed(host_header: str, names: tuple[str, ...], served_on: str = "") -> bool:
    """Whether a request naming ``host_header`` is one the server answers."""
    name = host_name(host_header)
    if not name:
        return False
    if name in names or (served_on and name == served_on.strip("[]").lower()):
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False
