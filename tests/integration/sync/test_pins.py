"""Users, their PIN hashes and permissions come down from the server, so a user set up there signs in on any
device, offline too; the server takes a device PIN as the secret for a token; a PIN chosen on a device goes up
under that user's own sign-in; only a newer PIN from the server replaces a device's."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from scansync import tables as t
from scansync.accounts import publish_user, store_pin
from scansync.cli import main as server_main
from sqlalchemy import select

from scanapp.services.reads import Reads
from scanapp.services.users import Users
from scanapp.store.uow import SqlUnitOfWork
from scanapp.sync import local
from scanapp.sync.client import SignInNeeded
from tests.integration.sync.conftest import ROLES_BY_USER, START, LiveServer
from tests.integration.sync.device import Device


def users_of(device: Device) -> Users:
    return Users(lambda: SqlUnitOfWork(device.store), Reads(device.store), clock=device.clock)


def server_pin(server: LiveServer, user: str) -> tuple[str | None, int]:
    with server.db.read() as conn:
        row = conn.execute(select(t.users.c.pin_hash, t.users.c.pin_version).where(t.users.c.id == user)).one()
    return row.pin_hash, row.pin_version


@pytest.fixture
def devices(server: LiveServer, tmp_path: Path) -> Iterator[dict[str, Device]]:
    with server.db.write() as tx:  # the seeded users, as `user add` would have published them
        for user in ROLES_BY_USER:
            publish_user(tx, user)
    made = {name: Device(server, tmp_path / f"{name}.db", "sam") for name in ("one", "two")}
    yield made
    for d in made.values():
        d.close()


def test_a_pin_set_on_the_server_signs_the_user_in_on_every_device_and_at_the_server(
    server: LiveServer, devices: dict[str, Device], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SCANAPP_SYNC_PIN", "2468")
    assert server_main(["--db", server.db.url, "user", "set-pin", "alex"]) == 0
    monkeypatch.setenv("SCANAPP_SYNC_PIN", "97531")
    assert server_main(["--db", server.db.url, "user", "add", "casey", "--role", "associate", "--pin"]) == 0
    one = devices["one"]
    one.client.sync_once()
    users = users_of(one)
    assert users.check_pin("alex", "2468", START).ok  # offline from here on: the hash is on the device
    assert users.check_pin("casey", "97531", START).ok
    assert not users.check_pin("casey", "2468", START).ok
    assert {u.user_id: u.display_name for u in users.all()}["casey"] == "casey"
    with one.store.read() as conn:
        stored = conn.exec_driver_sql("SELECT pin_hash FROM user_pins WHERE user_id = 'alex'").scalar_one()
    assert stored.startswith("$argon2") and "2468" not in stored
    # The same PIN is the secret for a server token; casey has no password at all.
    assert one.client.sign_in("alex", "2468").user_id == "alex"
    assert one.client.sign_in("casey", "97531").permissions == ["FULFILL_INVCUNT_ADMIN"]
    with pytest.raises(SignInNeeded):
        one.client.sign_in("casey", "!")
    assert set(one.client.status()["signed_in"]) == {"sam", "alex", "casey"}


def test_roles_changed_on_the_server_change_the_devices_permissions(
    server: LiveServer, devices: dict[str, Device]
) -> None:
    one = devices["one"]
    with server.client("ada") as ada:
        ada.put("/v1/users/alex/roles", json={"roles": ["inventory_manager"]})
    one.client.sync_once()
    with SqlUnitOfWork(one.store) as uow:
        assert uow.users.get("alex", one.store.device_id).permissions == {"INV_COUNT_ADMIN"}


def test_a_pin_chosen_on_a_device_goes_up_under_the_users_own_sign_in(
    server: LiveServer, devices: dict[str, Device]
) -> None:
    one, two = devices["one"], devices["two"]
    one.client.sync_once()
    one.give_token("pat")  # pat signed in on device one (with the password): pat's own token is here
    users_of(one).choose_pin("pat", "1357", START)
    report = one.client.sync_once()
    assert report.all_pushed and report.not_applied == {}
    pin_hash, version = server_pin(server, "pat")
    assert version == 1 and pin_hash is not None and pin_hash.startswith("$argon2")
    # Device two gets it; pat signs in there with it, and at the server.
    two.client.sync_once()
    assert users_of(two).check_pin("pat", "1357", START).ok
    assert two.client.sign_in("pat", "1357").user_id == "pat"
    with server.client("sam") as sam:  # no PIN event reaches other devices' journals
        assert all(c["data"].get("kind") != "pin_set" for c in sam.get("/v1/changes").json()["changes"])


def test_a_pin_pushed_under_someone_elses_sign_in_is_not_taken(server: LiveServer, devices: dict[str, Device]) -> None:
    one = devices["one"]
    one.client.sync_once()
    users_of(one).choose_pin("pat", "1357", START)  # pat never signed in to the server here: sam's token
    report = one.client.sync_once()
    assert report.all_pushed and list(report.not_applied.values()) == [
        "recorded by pat, pushed under sam's sign-in: a supervisor decides whether it stands"
    ]
    assert server_pin(server, "pat") == (None, 0)
    assert users_of(one).check_pin("pat", "1357", START).ok, "the device keeps the PIN pat chose"


def test_only_a_newer_pin_from_the_server_replaces_the_devices(
    server: LiveServer, devices: dict[str, Device], monkeypatch: pytest.MonkeyPatch
) -> None:
    one = devices["one"]
    one.client.sync_once()
    one.give_token("pat")
    users_of(one).choose_pin("pat", "1357", START)
    # Meanwhile a supervisor sets pat a PIN on the server; the device pulls before it has pushed its own.
    monkeypatch.setenv("SCANAPP_SYNC_PIN", "8642")
    assert server_main(["--db", server.db.url, "user", "set-pin", "pat"]) == 0
    one.client.pull()
    assert users_of(one).check_pin("pat", "1357", START).ok, "pat's unpushed choice is newer than what was pulled"
    # The push puts pat's choice on the server after the supervisor's (version 2): it is the newest.
    one.client.sync_once()
    assert server_pin(server, "pat")[1] == 2
    assert one.client.sign_in("pat", "1357").user_id == "pat"
    # Pulling everything again from the start brings the older versions: none of them replaces it.
    one.client.put_setting(**{local.CURSOR: 0})
    one.client.pull()
    assert users_of(one).check_pin("pat", "1357", START).ok
    assert not users_of(one).check_pin("pat", "8642", START).ok
    # A newer one from the server does.
    monkeypatch.setenv("SCANAPP_SYNC_PIN", "0246")
    assert server_main(["--db", server.db.url, "user", "set-pin", "pat"]) == 0
    one.client.sync_once()
    assert users_of(one).check_pin("pat", "0246", START).ok


def _pat_has_a_pin_on_both(server: LiveServer, devices: dict[str, Device], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SCANAPP_SYNC_PIN", "2468")
    assert server_main(["--db", server.db.url, "user", "set-pin", "pat"]) == 0
    for device in devices.values():
        device.client.sync_once()
        assert users_of(device).check_pin("pat", "2468", START).ok


def test_a_pin_reset_on_a_device_clears_it_everywhere_and_the_pin_chosen_there_next_reaches_every_device(
    server: LiveServer, devices: dict[str, Device], monkeypatch: pytest.MonkeyPatch
) -> None:
    _pat_has_a_pin_on_both(server, devices, monkeypatch)
    one, two = devices["one"], devices["two"]
    # pat forgot it: sam resets it on device one, and pat chooses another there at once. pat has no sign-in of
    # their own on device one, so both go up under sam's.
    users_of(one).clear_pin("pat", one.actor_of("sam"))
    users_of(one).choose_pin("pat", "1357", START)
    report = one.client.sync_once()
    assert report.all_pushed and report.not_applied == {}
    pin_hash, version = server_pin(server, "pat")
    assert version == 3 and pin_hash is not None  # set at the server, reset, chosen on device one
    assert one.client.sign_in("pat", "1357").user_id == "pat"
    two.client.sync_once()
    assert users_of(two).check_pin("pat", "1357", START).ok
    assert not users_of(two).check_pin("pat", "2468", START).ok
    assert users_of(one).check_pin("pat", "1357", START).ok
    with server.client("sam") as sam:  # no PIN event reaches other devices' journals
        kinds = {c["data"].get("kind") for c in sam.get("/v1/changes").json()["changes"]}
        assert not kinds & {"pin_set", "pin_cleared"}


def test_a_reset_waits_on_the_device_until_the_server_has_it(
    server: LiveServer, devices: dict[str, Device], monkeypatch: pytest.MonkeyPatch
) -> None:
    _pat_has_a_pin_on_both(server, devices, monkeypatch)
    one, two = devices["one"], devices["two"]
    users_of(one).clear_pin("pat", one.actor_of("sam"))
    monkeypatch.setenv("SCANAPP_SYNC_PIN", "8642")  # meanwhile the PIN moves on the server
    assert server_main(["--db", server.db.url, "user", "set-pin", "pat"]) == 0
    one.client.pull()
    assert not users_of(one).has_pin("pat"), "the reset made here is newer than what was pulled"
    one.client.sync_once()  # the reset reaches the server after the PIN set there: it is the newest
    assert server_pin(server, "pat") == (None, 3)
    two.client.sync_once()
    assert not users_of(two).has_pin("pat")


def test_after_a_reset_a_pin_is_taken_from_the_device_of_the_reset_only(
    server: LiveServer, devices: dict[str, Device], monkeypatch: pytest.MonkeyPatch
) -> None:
    _pat_has_a_pin_on_both(server, devices, monkeypatch)
    one, two = devices["one"], devices["two"]
    users_of(one).clear_pin("pat", one.actor_of("sam"))
    one.client.sync_once()
    two.client.sync_once()
    assert not users_of(two).has_pin("pat")
    users_of(two).choose_pin("pat", "9753", START)  # on device two, under sam's sign-in there
    report = two.client.sync_once()
    assert list(report.not_applied.values()) == [
        "recorded by pat, pushed under sam's sign-in: a supervisor decides whether it stands"
    ]
    assert server_pin(server, "pat") == (None, 2)
    assert users_of(two).check_pin("pat", "9753", START).ok, "the device keeps the PIN pat chose"


def test_only_a_supervisor_resets_a_pin_or_merges_a_reset_from_review(
    server: LiveServer, devices: dict[str, Device]
) -> None:
    reset = {
        "id": "01a2b3c4-0000-7000-8000-000000000001",
        "kind": "pin_cleared",
        "device_id": "dev-alex",
        "seq": 1,
        "user_id": "alex",
        "session_id": None,
        "wall_time": START.isoformat(),
        "mono_ns": 1,
        "lock_epoch": None,
        "payload": {"user_id": "pat"},
    }
    with server.db.write() as tx:
        store_pin(tx.conn, "pat", "$argon2id$v=19$m=65536,t=3,p=4$pat")
    with server.client("alex") as alex:
        verdicts = alex.post("/v1/journal", json={"events": [reset]}).json()["verdicts"]
    assert [v["status"] for v in verdicts] == ["rejected"] and "reset another user's PIN" in verdicts[0]["reason"]
    assert server_pin(server, "pat") == ("$argon2id$v=19$m=65536,t=3,p=4$pat", 1)
    # It waits in review: a supervisor's merge makes it stand, on the device it was made on.
    with server.client("sam") as sam:
        assert sam.post(f"/v1/review/{reset['id']}", json={"action": "merge"}).json()["status"] == "merged"
    assert server_pin(server, "pat") == (None, 2)
    with server.db.read() as conn:
        assert conn.execute(select(t.users.c.pin_reset_device).where(t.users.c.id == "pat")).scalar() == "dev-alex"
