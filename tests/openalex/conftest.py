"""A local OpenAlex replay server on 127.0.0.1, and small proposals to fetch for.

Routes answer by path and query parameters; each route gives its answers in
order (the last one repeats). Answers come from the real records in
tests/fixtures/openalex/ (OpenAlex data, CC0) or are made for one case.
"""

from __future__ import annotations

import copy
import json
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

FETCH_AID = "A5023888391"

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "openalex"


def real_author() -> dict[str, Any]:
    return json.loads((FIXTURES / "A5023888391.json").read_text())


def real_work() -> dict[str, Any]:
    return json.loads((FIXTURES / "W2741809807.json").read_text())


def selected(body: Any, select: str | None) -> Any:
    """What OpenAlex answers with ``select``: only those top-level fields of each record."""
    if not select or not isinstance(body, dict):
        return body
    keep = select.split(",")
    if isinstance(body.get("results"), list):
        results = [{k: r[k] for k in keep if k in r} for r in body["results"]]
        return {**body, "results": results}
    return {k: body[k] for k in keep if k in body}


def works_like(
    n: int, start: int = 0, date: str = "2024-05-01", select: str | None = None
) -> list[dict[str, Any]]:
    """``n`` copies of the real work, with their own ids and a date inside the window."""
    base = selected(real_work(), select)
    out = []
    for i in range(start, start + n):
        w = copy.deepcopy(base)
        w["id"] = f"https://openalex.org/W9{i:08d}"
        w["doi"] = None
        w["publication_date"], w["publication_year"] = date, int(date[:4])
        out.append(w)
    return out


def page(results: list[dict[str, Any]], count: int, next_cursor: str | None) -> dict[str, Any]:
    return {"meta": {"count": count, "next_cursor": next_cursor}, "results": results}


@dataclass
class Answer:
    status: int = 200
    body: Any = None
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    raw: bytes | None = None
    _encoded: dict[str | None, bytes] = field(default_factory=dict)

    def encoded(self, select: str | None) -> bytes:
        if select not in self._encoded:
            self._encoded[select] = json.dumps(selected(self.body, select)).encode()
        return self._encoded[select]


@dataclass
class Route:
    path: str
    when: dict[str, str]
    answers: list[Answer]
    served: int = 0


class ReplayServer:
    def __init__(self) -> None:
        self.routes: list[Route] = []
        self.log: list[tuple[str, dict[str, str]]] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                parts = urlsplit(self.path)
                query = {k: v[-1] for k, v in parse_qs(parts.query).items()}
                server.log.append((parts.path, query))
                answer = server.answer(parts.path, query)
                if answer.delay:
                    time.sleep(answer.delay)
                data = answer.raw
                if data is None:
                    data = answer.encoded(query.get("select"))
                try:
                    self.send_response(answer.status)
                    for k, v in answer.headers.items():
                        self.send_header(k, v)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):
                    pass

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    @property
    def url(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host!s}:{port}"

    def add(self, path: str, *answers: Answer, **when: str) -> None:
        self.routes.append(Route(path, when, list(answers)))

    def answer(self, path: str, query: dict[str, str]) -> Answer:
        for r in self.routes:
            if r.path == path and all(query.get(k) == v for k, v in r.when.items()):
                a = r.answers[min(r.served, len(r.answers) - 1)]
                r.served += 1
                return a
        return Answer(404, {"error": "not found", "path": path})

    def calls(self, path_prefix: str = "/") -> int:
        return sum(1 for p, _ in self.log if p.startswith(path_prefix))

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def openalex() -> Iterator[ReplayServer]:
    server = ReplayServer()
    yield server
    server.close()


def person(pid: str, name: str, org: str = "OurResearch", **extra: Any) -> dict[str, Any]:
    return {
        "id": pid,
        "name": name,
        "side": "JP",
        "role": "researcher",
        "residency": "resident",
        "affiliations": [{"organization": org, "country": "JP", "type": "primary"}],
        **extra,
    }


def write_proposal(folder: Path, *people: dict[str, Any]) -> Path:
    data = {
        "proposal_id": "ASPIRE-TEST-1",
        "title": "Fetch test",
        "submitted": "2025-06-20",
        "people": [{**people[0], "role": "PI"}, *people[1:]],
        "organizations": [],
    }
    path = folder / "proposal.json"
    path.write_text(json.dumps(data))
    return path


def fetch_folder(tmp_path: Path) -> Path:
    """``data/P-1``: P1 OpenAlex cannot identify by name, P2 with an author id."""
    data = tmp_path / "data"
    folder = data / "P-1"
    folder.mkdir(parents=True)
    write_proposal(
        folder,
        person("P1", "Jason Priem", "OurResearch"),
        person("P2", "Heather Piwowar", openalex_id="A5000000002"),
    )
    return folder


def serve_fetch_case(server: ReplayServer) -> None:
    """P1's two candidates (A5023888391 with 5 works, A42), P2's 3 works."""
    twin = real_author()
    twin["id"], twin["display_name"], twin["works_count"] = (
        "https://openalex.org/A42",
        "J. Priem",
        3,
    )
    server.add("/authors", Answer(body=page([real_author(), twin], 2, None)), search="Jason Priem")
    server.add(f"/authors/{FETCH_AID}", Answer(body=real_author()))
    other = {**real_author(), "id": "https://openalex.org/A5000000002"}
    server.add("/authors/A5000000002", Answer(body=other))
    server.add(
        "/works",
        Answer(body=page(works_like(3, 100), 3, None)),
        filter="authorships.author.id:A5000000002,from_publication_date:2022-06-20",
    )
    server.add(
        "/works",
        Answer(body=page(works_like(5), 5, None)),
        filter=f"authorships.author.id:{FETCH_AID},from_publication_date:2022-06-20",
    )
