"""Fetching a team's works from OpenAlex: 30 people, 3,000 works, from a local replay server.

Targets: < 10 s wall for the first fetch (at OpenAlex's 10 requests/s, which the
client keeps to), requests ≤ persons + Σ⌈works/200⌉, no list call on the second
fetch (the on-disk cache), peak memory < 300 MB (the maximum resident set of the
fetching process; the replay server runs in a child process). The baseline, run
side by side, is the same URLs asked once each with a bare ``httpx`` loop: no
rate limit, no retries, no cache.

Run: ``.venv/bin/python bench/bench_fetch.py`` (``make bench`` runs it too).
"""

from __future__ import annotations

import math
import multiprocessing
import resource
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.openalex.conftest import (  # noqa: E402
    Answer,
    ReplayServer,
    page,
    person,
    real_author,
    works_like,
    write_proposal,
)
from workbench.openalex import OpenAlexClient, fetch_proposal_works, write_fetch  # noqa: E402
from workbench.openalex.works import WORK_FIELDS  # noqa: E402
from workbench.proposal import load_proposal  # noqa: E402

PERSONS = 30
#: 10 people with 250 works (two pages each) and 20 with 25: 3,000 works, 40 pages.
SIZES = [250] * 10 + [25] * 20


def serve(server: ReplayServer | None) -> list[dict]:
    """The persons of the proposal; with a server, the answers it gives for them."""
    people = []
    start = 0
    for i, size in enumerate(SIZES):
        aid = f"A{7000 + i}"
        people.append(person(f"P{i + 1}", f"Person {i + 1}", openalex_id=aid))
        if server is None:
            continue
        author = real_author()
        author["id"] = f"https://openalex.org/{aid}"
        server.add(f"/authors/{aid}", Answer(body=author))
        works = works_like(size, start, select=WORK_FIELDS)
        start += size
        chunks = [works[k : k + 200] for k in range(0, size, 200)]
        flt = f"authorships.author.id:{aid},from_publication_date:2022-06-20"
        for n, chunk in enumerate(chunks):
            nxt = f"{aid}-{n + 1}" if n + 1 < len(chunks) else None
            cursor = "*" if n == 0 else f"{aid}-{n}"
            server.add("/works", Answer(body=page(chunk, size, nxt)), filter=flt, cursor=cursor)
    return people


def replay(conn) -> None:  # type: ignore[no-untyped-def]
    """The child process: serve the answers until asked for the request log."""
    server = ReplayServer()
    serve(server)
    conn.send(server.url)
    conn.recv()
    conn.send(server.log)
    conn.recv()
    server.close()


def main() -> None:
    conn, child_conn = multiprocessing.Pipe()
    child = multiprocessing.get_context("fork").Process(
        target=replay, args=(child_conn,), daemon=True
    )
    child.start()
    url = conn.recv()
    try:
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            proposal = load_proposal(write_proposal(folder, *serve(None)))
            budget = PERSONS + sum(math.ceil(s / 200) for s in SIZES)
            cache = folder / "cache"

            t0 = time.perf_counter()
            with OpenAlexClient(url, cache_dir=cache) as client:
                result = fetch_proposal_works(client, proposal, date(2025, 6, 20))
                write_fetch(result, folder / "works.json")
                first = client.summary
            first_wall = time.perf_counter() - t0
            conn.send("log")
            log = conn.recv()
            urls = [f"{url}{p}" for p, _ in log]
            queries = [q for _, q in log]

            t0 = time.perf_counter()
            with OpenAlexClient(url, cache_dir=cache) as client:
                again = fetch_proposal_works(client, proposal, date(2025, 6, 20))
                second = client.summary
            second_wall = time.perf_counter() - t0

            t0 = time.perf_counter()
            with httpx.Client() as bare:
                for url, query in zip(urls, queries, strict=True):
                    bare.get(url, params=query).json()
            bare_wall = time.perf_counter() - t0
    finally:
        conn.send("stop")
        child.join(timeout=10)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"persons {PERSONS}, works {len(result.works)} (second fetch {len(again.works)})")
    print(
        f"first fetch:  {first_wall:.2f} s wall, {first.requests} requests "
        f"(budget {budget}: persons + Σ⌈works/200⌉) — target < 10 s, ≤ {budget}"
    )
    print(
        f"second fetch: {second_wall:.2f} s wall, {second.requests} requests, "
        f"{second.cached} from the cache — target 0 requests"
    )
    print(
        f"baseline, bare httpx over the same {len(urls)} URLs, no rate limit: "
        f"{bare_wall:.2f} s; ratio first fetch / baseline {first_wall / bare_wall:.1f}× "
        f"(the 10 requests/s limit alone needs ≥ {(first.requests - 1) / 10:.1f} s)"
    )
    print(f"peak memory (max RSS of the fetching process): {peak_mb:.0f} MB — target < 300 MB")
    ok = (
        first_wall < 10
        and first.requests <= budget
        and second.requests == 0
        and peak_mb < 300
        and len(result.works) == sum(SIZES)
    )
    print("OK" if ok else "TARGET MISSED")
    if not ok:
        sys.exit(1)


if __name__ == "__main__":
    main()
