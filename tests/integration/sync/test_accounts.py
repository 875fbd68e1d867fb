"""Sign-in with argon2 passwords, expiring tokens, rate-limited attempts, enrollment, audited role changes."""

from __future__ import annotations

from datetime import timedelta

from scansync import tables as t
from sqlalchemy import select

from tests.integration.sync.conftest import LiveServer


def test_sign_in_gives_a_token_bound_to_user_and_device_that_expires(server: LiveServer) -> None:
    r = server.sign_in("alex")
    assert r.status_code == 200, r.text
    body = r.json()
    assert (body["user_id"], body["device_id"], body["permissions"]) == ("alex", "dev-alex", ["FULFILL_INVCUNT_ADMIN"])
    with server.client() as c:
        c.headers["Authorization"] = f"Bearer {body['token']}"
        assert c.get("/v1/me").json()["roles"] == ["associate"]
        server.clock.advance(timedelta(hours=12, seconds=1))
        expired = c.get("/v1/me")
        assert expired.status_code == 401 and "expired" in expired.json()["detail"]
    with server.db.read() as conn:
        stored = conn.execute(select(t.tokens.c.token_hash)).scalars().all()
    assert body["token"] not in stored, "only a hash of the token is stored"
    with server.db.read() as conn:
        stored_hash = conn.execute(select(t.users.c.password_hash).where(t.users.c.id == "alex")).scalar_one()
    assert stored_hash.startswith("$argon2")


def test_wrong_password_unknown_user_and_unenrolled_device_are_refused_plainly(server: LiveServer) -> None:
    wrong = server.sign_in("alex", password="wrong-password")
    assert wrong.status_code == 401
    assert server.sign_in("nobody").status_code == 401
    # A right password from a device the server does not know gets the very same answer: it must not tell
    # whoever holds that device that the password was right.
    unenrolled = server.sign_in("alex", device="dev-unknown")
    assert (unenrolled.status_code, unenrolled.json(), unenrolled.headers.get("www-authenticate")) == (
        wrong.status_code,
        wrong.json(),
        wrong.headers.get("www-authenticate"),
    )
    with server.client() as c:
        r = c.get("/v1/me", headers={"Authorization": "Bearer not-a-token"})
        assert r.status_code == 401


def test_failed_sign_ins_are_rate_limited_per_user_until_the_window_passes(server: LiveServer) -> None:
    for _ in range(5):
        assert server.sign_in("alex", password="wrong-password").status_code == 401
    limited = server.sign_in("alex")  # even the right password waits now
    assert limited.status_code == 429 and int(limited.headers["retry-after"]) > 0
    assert server.sign_in("pat").status_code == 200, "other users are not locked out"
    server.clock.advance(timedelta(minutes=6))
    assert server.sign_in("alex").status_code == 200


def test_revoking_a_device_ends_its_tokens(server: LiveServer) -> None:
    with server.client("alex") as alex, server.client("sam") as sam:
        assert alex.get("/v1/me").status_code == 200
        assert sam.delete("/v1/devices/dev-alex").status_code == 204
        assert alex.get("/v1/me").status_code == 401
        assert sam.post("/v1/devices", json={"id": "dev-alex", "name": "back"}).status_code == 201
        assert sam.post("/v1/devices", json={"id": "dev-alex", "name": "again"}).status_code == 409


def test_role_changes_are_audited_and_take_effect_at_once(server: LiveServer) -> None:
    with server.client("alex") as alex, server.client("ada") as ada:
        assert alex.get("/v1/devices").status_code == 403
        r = ada.put("/v1/users/alex/roles", json={"roles": ["inventory_manager"]})
        assert r.json()["permissions"] == ["INV_COUNT_ADMIN"]
        assert alex.get("/v1/devices").status_code == 200
        assert ada.put("/v1/users/alex/roles", json={"roles": ["emperor"]}).status_code == 422
        entry = ada.get("/v1/audit").json()[0]
    assert entry["action"] == "roles_changed" and entry["user_id"] == "ada" and entry["target"] == "alex"
    assert entry["detail"] == {"before": ["associate"], "after": ["inventory_manager"]}


def test_users_added_over_the_api_can_sign_in(server: LiveServer) -> None:
    with server.client("sam") as sam:
        r = sam.post("/v1/users", json={"id": "casey", "password": "correct horse", "roles": ["associate"]})
        assert r.status_code == 201
        assert (
            sam.post("/v1/users", json={"id": "casey", "password": "correct horse", "roles": ["associate"]}).status_code
            == 409
        )
        assert (
            sam.post("/v1/users", json={"id": "shorty", "password": "short", "roles": ["associate"]}).status_code == 422
        )
    assert server.sign_in("casey", device="dev-alex", password="correct horse").status_code == 200


def test_the_device_list_shows_sync_state_for_the_shift_end_view(server: LiveServer) -> None:
    from tests.integration.sync.conftest import COLA, scan, seed_catalog_and_count

    with server.client("sam") as sam, server.client("alex") as alex:
        sid = seed_catalog_and_count(sam)["sessions"][0]["id"]
        sam.post(f"/v1/sessions/{sid}/start")
        alex.post(f"/v1/sessions/{sid}/lease")
        events = [scan("dev-alex", i, sid, "alex", "SKU-COLA", COLA, epoch=1) for i in (1, 2, 3)]
        alex.post("/v1/journal", json={"events": events, "device_last_seq": 7})
        alex.get("/v1/changes")
        device = next(d for d in sam.get("/v1/devices").json() if d["id"] == "dev-alex")
    assert (device["high_water"], device["reported_seq"], device["pending"]) == (3, 7, 4)
    assert device["sessions_held"] == [sid] and device["last_user"] == "alex"
    assert device["last_push_at"] is not None and device["last_pull_at"] is not None
