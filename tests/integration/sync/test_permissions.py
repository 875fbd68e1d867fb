"""Every route × every role, and without a token: the server enforces the seed's permissions itself."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from scansync import tables as t
from scansync.api.app import create_app
from sqlalchemy import insert

from tests.integration.sync.conftest import COLA, ROLES_BY_USER, START, LiveServer, scan, seed_catalog_and_count

ALL = frozenset(ROLES_BY_USER)
OPEN = ALL - {"lee"}  # FULFILL_INVCUNT_ADMIN or INV_COUNT_ADMIN
SUPER = frozenset({"morgan", "sam", "ada"})  # INV_COUNT_ADMIN or COMMON_ADMIN
ADMIN = frozenset({"sam", "ada"})  # COMMON_ADMIN
LAB = frozenset({"lee", "ada"})  # LAB_ACCESS
PUBLIC = frozenset({("GET", "/healthz"), ("POST", "/v1/auth/token")})

# (method, path) -> who may: written out by hand from SPEC C2, not derived from the code under test.
MATRIX: dict[tuple[str, str], frozenset[str]] = {
    ("DELETE", "/v1/auth/token"): ALL,
    ("GET", "/v1/me"): ALL,
    ("GET", "/v1/users"): ADMIN,
    ("POST", "/v1/users"): ADMIN,
    ("PUT", "/v1/users/{user_id}/roles"): ADMIN,
    ("PUT", "/v1/users/{user_id}/pin"): ADMIN,
    ("GET", "/v1/devices"): SUPER,
    ("POST", "/v1/devices"): SUPER,
    ("DELETE", "/v1/devices/{device_id}"): SUPER,
    ("POST", "/v1/catalog/products"): SUPER,
    ("GET", "/v1/catalog/products/{sku}"): ALL,
    ("DELETE", "/v1/catalog/products/{sku}"): SUPER,
    ("GET", "/v1/counts"): ALL,
    ("POST", "/v1/counts"): SUPER,
    ("GET", "/v1/counts/{count_id}"): OPEN,
    ("POST", "/v1/counts/{count_id}/sessions"): OPEN,
    ("GET", "/v1/counts/{count_id}/report"): SUPER,
    ("GET", "/v1/counts/{count_id}/progress"): SUPER,
    ("GET", "/v1/counts/{count_id}/variance"): SUPER,
    ("GET", "/v1/counts/{count_id}/attribution"): SUPER,
    ("GET", "/v1/counts/{count_id}/figures"): SUPER,
    ("PUT", "/v1/counts/{count_id}/threshold"): SUPER,
    ("POST", "/v1/counts/{count_id}/decisions"): SUPER,
    ("GET", "/v1/sessions/{session_id}"): OPEN,
    ("PATCH", "/v1/sessions/{session_id}"): OPEN,
    ("POST", "/v1/sessions/{session_id}/start"): OPEN,
    ("POST", "/v1/sessions/{session_id}/submit"): OPEN,
    ("POST", "/v1/sessions/{session_id}/reopen"): OPEN,
    ("POST", "/v1/sessions/{session_id}/discard"): OPEN,
    ("POST", "/v1/sessions/{session_id}/end"): OPEN,
    ("POST", "/v1/sessions/{session_id}/lease"): OPEN,
    ("PUT", "/v1/sessions/{session_id}/lease"): OPEN,
    ("DELETE", "/v1/sessions/{session_id}/lease"): OPEN,
    ("POST", "/v1/sessions/{session_id}/lease/force-release"): ADMIN,
    ("POST", "/v1/journal"): ALL,
    ("GET", "/v1/changes"): ALL,
    ("GET", "/v1/review"): SUPER,
    ("POST", "/v1/review/{event_id}"): SUPER,
    ("GET", "/v1/audit"): ADMIN,
    ("GET", "/v1/lab/inventory"): LAB,
    ("POST", "/v1/lab/inventory"): LAB,
    ("GET", "/v1/lab/listing-configs"): LAB,
    ("POST", "/v1/lab/listing-configs"): LAB,
}


def _routes(server: LiveServer) -> set[tuple[str, str]]:
    paths = create_app(server.db).openapi()["paths"]
    return {(method.upper(), path) for path, ops in paths.items() for method in ops}


def test_the_matrix_names_every_route(server: LiveServer) -> None:
    assert _routes(server) == set(MATRIX) | PUBLIC


def _targets(server: LiveServer) -> dict[str, str]:
    with server.client("sam") as sam:
        count = seed_catalog_and_count(sam)
        sam.post("/v1/catalog/products", json={"products": [{"sku": "SKU-DEL", "name": "Gone soon"}]})
        sid = count["sessions"][0]["id"]
        sam.post(f"/v1/sessions/{sid}/start")
        sam.post(f"/v1/sessions/{sid}/lease/force-release")
    with server.client("alex") as alex:
        fenced = scan("dev-alex", 1, sid, "alex", "SKU-COLA", COLA, epoch=0)
        alex.post("/v1/journal", json={"events": [fenced]})
    with server.db.write() as tx:
        tx.conn.execute(
            insert(t.devices).values(
                id="dev-target", name="t", enrolled_at=START, enrolled_by="x", high_water=0, reported_seq=0
            )
        )
    return {
        "count_id": count["id"],
        "session_id": sid,
        "sku": "SKU-DEL",
        "user_id": "lee",
        "device_id": "dev-target",
        "event_id": fenced["id"],
    }


def _body(method: str, path: str, role: str) -> Any:
    bodies: dict[tuple[str, str], Any] = {
        ("POST", "/v1/users"): {"id": f"new-{role}", "password": "long enough", "roles": ["associate"]},
        ("PUT", "/v1/users/{user_id}/roles"): {"roles": ["lab_tech"]},
        ("PUT", "/v1/users/{user_id}/pin"): {"pin": "7391"},
        ("POST", "/v1/devices"): {"id": f"dev-new-{role}", "name": "new"},
        ("POST", "/v1/catalog/products"): {"products": [{"sku": f"SKU-{role}", "name": "x"}]},
        ("POST", "/v1/counts"): {"name": f"c-{role}", "kind": "hard", "planned_start": START.isoformat()},
        ("POST", "/v1/counts/{count_id}/sessions"): {"name": f"s-{role}", "area": "Display"},
        ("PATCH", "/v1/sessions/{session_id}"): {"name": "renamed", "area": "Display"},
        ("POST", "/v1/sessions/{session_id}/submit"): {"confirmed_uncounted_zero": True},
        ("POST", "/v1/journal"): {"events": []},
        ("PUT", "/v1/counts/{count_id}/threshold"): {"kind": "units", "value": 2},
        ("POST", "/v1/counts/{count_id}/decisions"): {"item_key": "SKU-COLA", "decision": "approved"},
        ("POST", "/v1/review/{event_id}"): {"action": "discard"},
        ("POST", "/v1/lab/inventory"): [{"barcode": f"LAB-{role}", "ingredient": "Agarose", "lab": "Lab A"}],
        ("POST", "/v1/lab/listing-configs"): {"id": f"lc-{role}", "name": "Freezers", "columns": ["barcode"]},
    }
    return bodies.get((method, path))


@pytest.mark.parametrize("role", [None, *sorted(ROLES_BY_USER)])
def test_every_route_for_every_role(server: LiveServer, role: str | None) -> None:
    targets = _targets(server)
    failures = []
    for (method, path), allowed in sorted(MATRIX.items()):
        url = path.format(**targets)
        headers = {"Authorization": f"Bearer {server.token(role)}"} if role else {}
        with httpx.Client(base_url=server.url, headers=headers, timeout=30) as c:
            r = c.request(method, url, json=_body(method, path, role or "anon"))
        if role is None:
            expected_ok = r.status_code == 401 and r.headers.get("www-authenticate") == "Bearer"
        elif role in allowed:
            expected_ok = r.status_code not in (401, 403, 500)
        else:
            expected_ok = r.status_code == 403
        if not expected_ok:
            failures.append(f"{method} {path} as {role}: {r.status_code} {r.text[:120]}")
    assert failures == []


def test_public_routes_need_no_token(server: LiveServer) -> None:
    with server.client() as c:
        assert c.get("/healthz").json()["status"] == "ok"
        assert c.get("/openapi.json").json()["info"]["title"] == "scanapp-sync"
        assert c.post("/v1/auth/token", json={"username": "x", "password": "y", "device_id": "z"}).status_code == 401


def test_lab_sessions_are_for_lab_access(server: LiveServer) -> None:
    with server.client("lee") as lee, server.client("alex") as alex, server.client("sam") as sam:
        body = {"name": "Freezer check", "kind": "scoped", "planned_start": START.isoformat(), "lab": "Lab A"}
        assert sam.post("/v1/counts", json=body).status_code == 403
        count = lee.post("/v1/counts", json=body).json()
        sid = count["sessions"][0]["id"]
        assert alex.post(f"/v1/sessions/{sid}/start").status_code == 403
        assert lee.post(f"/v1/sessions/{sid}/start").json()["state"] == "In progress"
        assert alex.get(f"/v1/counts/{count['id']}/report").status_code == 403
        assert lee.get(f"/v1/counts/{count['id']}/report").status_code == 200
        assert [c["kind"] for c in alex.get("/v1/counts").json()] == []
        assert [c["kind"] for c in lee.get("/v1/counts").json()] == ["scoped"]
