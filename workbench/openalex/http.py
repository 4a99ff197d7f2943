"""A polite OpenAlex client: at most N requests a second, retries, an on-disk cache.

Built on ``httpx``. Every GET goes through :meth:`OpenAlexClient.get_json`:

* answers are cached on disk by URL (the API key is never part of the key nor
  written), so a second fetch of the same proposal makes no list calls;
* at most ``rate`` requests a second leave the machine;
* 429, 5xx and timeouts are retried with exponential backoff, waiting at least
  what ``Retry-After`` asks; after ``retries`` attempts a :class:`FetchError`
  says which URL failed and why;
* redirects (OpenAlex's merged author ids) are followed;
* a 404 is returned as ``None`` (an id or ORCID OpenAlex does not know);
* an answer that is not JSON is a :class:`FetchError` naming the URL.

:class:`CallSummary` counts network calls, cache hits, retries and redirects.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import httpx

#: The public API; the setting ``WORKBENCH_OPENALEX_URL`` points elsewhere (a mirror, a test).
PUBLIC_API = "https://api.openalex.org"
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
MAX_RETRY_AFTER = 120.0  # seconds; a longer Retry-After is not waited for


class FetchError(RuntimeError):
    """A request that could not be answered usefully; the message names the URL and why."""


@dataclass
class CallSummary:
    """What a fetch cost: network requests by kind, cache hits, retries, redirects."""

    requests: int = 0
    cached: int = 0
    retries: int = 0
    redirects: int = 0
    by_kind: dict[str, int] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock, repr=False, compare=False)

    def count(self, kind: str) -> None:
        with self.lock:
            self.requests += 1
            self.by_kind[kind] = self.by_kind.get(kind, 0) + 1

    def add(self, name: str, n: int = 1) -> None:
        """Count ``n`` more cache hits, retries or redirects (thread-safe)."""
        with self.lock:
            setattr(self, name, getattr(self, name) + n)

    def to_json(self) -> dict[str, Any]:
        return {
            "requests": self.requests,
            "cached": self.cached,
            "retries": self.retries,
            "redirects": self.redirects,
            "by_kind": dict(sorted(self.by_kind.items())),
        }

    def line(self) -> str:
        kinds = ", ".join(f"{k} {v}" for k, v in sorted(self.by_kind.items())) or "none"
        return (
            f"OpenAlex calls: {self.requests} over the network ({kinds}), "
            f"{self.cached} from the cache, {self.retries} retried, "
            f"{self.redirects} redirected (merged ids)"
        )


def _write_atomic(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


class _RateLimit:
    """Spaces requests at least ``1 / rate`` seconds apart (thread-safe)."""

    def __init__(self, rate: float, clock: Callable[[], float], sleep: Callable[[float], None]):
        self.interval = 1.0 / rate if rate > 0 else 0.0
        self.clock, self.sleep = clock, sleep
        self.next_at = 0.0
        self.lock = threading.Lock()

    def wait(self) -> None:
        with self.lock:
            now = self.clock()
            if now < self.next_at:
                self.sleep(self.next_at - now)
                now = self.next_at
            self.next_at = now + self.interval


class OpenAlexClient:
    """GET JSON from OpenAlex politely; see the module's description."""

    def __init__(
        self,
        base_url: str = PUBLIC_API,
        *,
        api_key: str = "",
        email: str = "",
        cache_dir: Path | None = None,
        rate: float = 10.0,
        retries: int = 5,
        backoff: float = 1.0,
        timeout: float = 30.0,
        refresh: bool = False,
        sleep: Callable[[float], None] = time.sleep,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.api_key, self.email = api_key, email
        self.cache_dir = cache_dir
        self.retries, self.backoff, self.refresh = max(1, retries), backoff, refresh
        self.sleep = sleep
        self.summary = CallSummary()
        self._limit = _RateLimit(rate, time.monotonic, sleep)
        headers = {"User-Agent": "jst-research-security-workbench"}
        if email:
            headers["User-Agent"] += f" (mailto:{email})"
        self._http = httpx.Client(
            timeout=timeout, follow_redirects=True, headers=headers, transport=transport
        )

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> OpenAlexClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def url(self, path: str, params: Mapping[str, str] | None = None) -> str:
        """The URL of ``path`` with ``params``, without the key (as cached and reported)."""
        query = "?" + urlencode(sorted((params or {}).items()), safe=":|,") if params else ""
        return f"{self.base_url}/{path.lstrip('/')}{query}"

    def _cache_file(self, url: str) -> Path | None:
        if self.cache_dir is None:
            return None
        digest = hashlib.sha256(url.encode("utf-8")).hexdigest()
        return self.cache_dir / digest[:2] / f"{digest}.json"

    def get_json(
        self, path: str, params: Mapping[str, str] | None = None, *, kind: str = "other"
    ) -> Any:
        """The JSON answer to ``GET path?params``; ``None`` when OpenAlex answers 404."""
        url = self.url(path, params)
        cache = self._cache_file(url)
        if cache is not None and not self.refresh and cache.exists():
            try:
                head, _, cached = cache.read_text(encoding="utf-8").partition("\n")
                body = json.loads(cached)
                if json.loads(head)["url"] == url:
                    self.summary.add("cached")
                    return body
            except (OSError, ValueError, KeyError, TypeError):
                pass  # an unreadable entry is fetched again and rewritten
        body, text, final_url = self._fetch(url, kind)
        if cache is not None:
            head = json.dumps({"url": url, "final_url": final_url})
            _write_atomic(cache, f"{head}\n{'null' if text is None else text}")
        return body

    def _fetch(self, url: str, kind: str) -> tuple[Any, str | None, str]:
        """The JSON answer, its text and the URL that gave it; None and None for a 404."""
        send = url
        extra = {k: v for k, v in (("api_key", self.api_key), ("mailto", self.email)) if v}
        if extra:
            send += ("&" if "?" in url else "?") + urlencode(extra)
        last = ""
        for attempt in range(self.retries):
            if attempt:
                self.summary.add("retries")
            self._limit.wait()
            self.summary.count(kind)
            wait = self.backoff * (2**attempt)
            try:
                response = self._http.get(send)
            except httpx.TimeoutException:
                last = "timed out"
                self.sleep(wait)
                continue
            except httpx.HTTPError as exc:
                raise FetchError(f"{url}: could not connect ({exc})") from None
            self.summary.add("redirects", len(response.history))
            if response.status_code in RETRY_STATUSES:
                last = f"HTTP {response.status_code}"
                self.sleep(max(wait, _retry_after(response)))
                continue
            if response.status_code == 404:
                return None, None, _without_secrets(str(response.url))
            if response.status_code != 200:
                raise FetchError(f"{url}: HTTP {response.status_code} {response.reason_phrase}")
            try:
                body = json.loads(response.text)
            except ValueError:
                raise FetchError(
                    f"{url}: the answer is not JSON ({_head(response.text)})"
                ) from None
            return body, response.text, _without_secrets(str(response.url))
        raise FetchError(f"{url}: gave up after {self.retries} attempts (last: {last})")


def _retry_after(response: httpx.Response) -> float:
    value = response.headers.get("Retry-After", "")
    try:
        return min(max(float(value), 0.0), MAX_RETRY_AFTER)
    except ValueError:
        return 0.0


def _without_secrets(url: str) -> str:
    return httpx.URL(url).copy_remove_param("api_key").copy_remove_param("mailto").__str__()


def _head(text: str) -> str:
    text = " ".join(text.split())
    return repr(text[:60] + ("…" if len(text) > 60 else ""))
