"""Every request body has a size limit checked before anything parses it (413 at once), every list a length
limit, and big bodies are parsed off the event loop: `/healthz` answers within 1 s while a 10 MB body is sent
and refused (it took 140 s once), and while a big body within its limit is validated. Against a real
`scanapp-sync serve` process over HTTP on loopback."""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest
from scansync.config import Settings
from scansync.db import Database

from tests.integration.sync.conftest import LiveServer, start_process

MB = 1024 * 1024
SETTINGS = Settings()


@pytest.fixture
def served(db: Database) -> Iterator[tuple[str, LiveServer]]:
    """The real server in a process of its own (its own GIL, as deployed), and a LiveServer for tokens."""
    url, proc = start_process(db.url)
    try:
        yield url, LiveServer(url, db, clock=_Now(), settings=SETTINGS)
    finally:
        proc.terminate()
        proc.wait(10)


class _Now:
    def now(self) -> Any:
        from datetime import UTC, datetime

        return datetime.now(UTC)  # the process serves by the real clock: tokens are minted on it too

    def mono_ns(self) -> int:
        return time.monotonic_ns()


def _healthz_while(url: str, work: Callable[[], Any]) -> tuple[Any, float]:
    """Run `work` in a thread; poll /healthz until it ends. Returns its result and the slowest /healthz."""
    result: dict[str, Any] = {}
    thread = threading.Thread(target=lambda: result.setdefault("value", work()), daemon=True)
    slowest = 0.0
    with httpx.Client(base_url=url, timeout=10) as c:
        thread.start()
        while thread.is_alive():
            started = time.perf_counter()
            assert c.get("/healthz").status_code == 200
            slowest = max(slowest, time.perf_counter() - started)
            time.sleep(0.02)
        thread.join()
    return result["value"], slowest


def _items(n: int, size: int = 100) -> list[dict[str, Any]]:
    return [{"barcode": f"LAB-{i:07d}", "ingredient": "x" * size, "lab": "Lab A"} for i in range(n)]


def test_a_10_mb_body_is_refused_at_once_and_healthz_keeps_answering(served: tuple[str, LiveServer]) -> None:
    url, server = served
    body = json.dumps(_items(70_000)).encode()
    assert len(body) > 10 * MB
    headers = {"Authorization": f"Bearer {server.token('lee')}", "Content-Type": "application/json"}

    def send() -> httpx.Response:
        return httpx.post(f"{url}/v1/lab/inventory", content=body, headers=headers, timeout=60)

    started = time.perf_counter()
    answer, slowest = _healthz_while(url, send)
    took = time.perf_counter() - started
    assert answer.status_code == 413 and "larger than" in answer.json()["detail"]
    assert slowest < 1.0 and took < 5.0, (slowest, took)


def test_a_chunked_body_with_no_length_is_cut_off_at_the_limit(served: tuple[str, LiveServer]) -> None:
    url, server = served
    headers = {"Authorization": f"Bearer {server.token('lee')}", "Content-Type": "application/json"}
    sent = 0

    def chunks() -> Iterator[bytes]:
        nonlocal sent
        yield b"["
        while sent < 20 * MB:
            piece = json.dumps(_items(1000))[1:-1].encode() + b","
            sent += len(piece)
            yield piece
        yield b"{}]"

    def send() -> httpx.Response:
        try:
            return httpx.post(f"{url}/v1/lab/inventory", content=chunks(), headers=headers, timeout=60)
        except httpx.HTTPError as err:  # the server may close the connection while we still send
            return httpx.Response(413, json={"detail": f"closed: {err}"})

    answer, slowest = _healthz_while(url, send)
    assert answer.status_code == 413 and slowest < 1.0
    assert sent < 20 * MB or answer.json()["detail"].startswith("The request body is larger than")


def test_a_big_body_within_its_limit_is_validated_off_the_event_loop(served: tuple[str, LiveServer]) -> None:
    """A count with a directed list of 100,000 items (about 5 MB) takes a while to validate: the server still
    answers /healthz meanwhile."""
    url, server = served
    count = {
        "name": "Everything",
        "kind": "directed",
        "planned_start": "2026-11-22T08:00:00Z",
        "expected": [{"item_key": f"SKU-{i:07d}", "expected_qty": 1} for i in range(100_000)],
    }
    body = json.dumps(count).encode()
    assert 4 * MB < len(body) < SETTINGS.max_bulk_bytes
    headers = {"Authorization": f"Bearer {server.token('sam')}", "Content-Type": "application/json"}

    def send() -> httpx.Response:
        return httpx.post(f"{url}/v1/counts", content=body, headers=headers, timeout=120)

    answer, slowest = _healthz_while(url, send)
    assert answer.status_code == 201, answer.text[:300]
    assert len(answer.json()["expected"]) == 100_000
    print(f"slowest /healthz while a 100,000-item count was validated: {slowest:.3f} s")
    assert slowest < 1.0, slowest


def _routes_with_bodies(url: str) -> list[tuple[str, str]]:
    paths = httpx.get(f"{url}/openapi.json").json()["paths"]
    return sorted(
        (method.upper(), path) for path, ops in paths.items() for method, op in ops.items() if "requestBody" in op
    )


def test_every_route_with_a_body_refuses_one_over_its_limit_before_reading_it(served: tuple[str, LiveServer]) -> None:
    url, server = served
    routes = _routes_with_bodies(url)
    assert len(routes) >= 14, routes
    headers = {"Authorization": f"Bearer {server.token('ada')}", "Content-Type": "application/json"}
    big = {"/v1/journal": SETTINGS.max_push_bytes, "/v1/catalog/products": SETTINGS.max_bulk_bytes}
    big |= {"/v1/counts": SETTINGS.max_bulk_bytes, "/v1/lab/inventory": SETTINGS.max_bulk_bytes}
    host, port = url.removeprefix("http://").split(":")
    for method, path in routes:
        limit = big.get(path, SETTINGS.max_body_bytes)
        target = path.replace("{", "x").replace("}", "x")
        # Only the head is sent, announcing one byte too many: the answer must come without the body.
        with socket.create_connection((host, int(port)), timeout=5) as sock:
            sock.sendall(
                f"{method} {target} HTTP/1.1\r\nHost: {host}\r\nAuthorization: {headers['Authorization']}\r\n"
                f"Content-Type: application/json\r\nContent-Length: {limit + 1}\r\n\r\n".encode()
            )
            status = sock.recv(4096).split(b"\r\n", 1)[0]
        assert status.endswith(b"413 Request Entity Too Large") or b" 413 " in status, (method, path, status)


def test_every_list_has_a_length_limit(served: tuple[str, LiveServer]) -> None:
    url, server = served
    headers = {"Authorization": f"Bearer {server.token('ada')}"}
    cases = [
        ("/v1/lab/inventory", _items(5001, size=1)),
        ("/v1/catalog/products", {"products": [{"sku": f"S{i}", "name": "n"} for i in range(5001)]}),
        ("/v1/journal", {"events": [{"id": f"e{i}"} for i in range(1001)]}),
        ("/v1/users", {"id": "many", "password": "long enough", "roles": ["associate"] * 11}),
        ("/v1/catalog/products", {"products": [{"sku": "S", "name": "n", "gtins": ["1"] * 51}]}),
    ]
    with httpx.Client(base_url=url, headers=headers, timeout=60) as c:
        for path, body in cases:
            r = c.post(path, json=body)
            assert r.status_code == 422 and "at most" in r.text, (path, r.status_code, r.text[:200])
