"""PINs on the device (SPEC A1): argon2id hashes, chosen once (a supervisor clears a forgotten one), wrong tries
counted in the store and slowed down, a damaged hash refused as damaged; the idle-lock setting."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest
from argon2 import PasswordHasher, profiles
from sqlalchemy import text

from scanapp.domain.errors import PermissionDenied
from scanapp.domain.permissions import ROLES, Actor
from scanapp.services import pins
from scanapp.services.pins import Outcome, PinRejected
from scanapp.services.reads import Reads
from scanapp.services.users import DEFAULT_IDLE_LOCK_MINUTES, IDLE_LOCK_KEY, Users
from scanapp.store import pins as records
from scanapp.store.uow import SqlUnitOfWork

T0 = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
FAST = PasswordHasher.from_parameters(profiles.CHEAPEST)  # the rules, not the cost, are tested here


@pytest.fixture
def users(store) -> Users:
    with SqlUnitOfWork(store) as uow:
        for user_id, role in (("alex", "associate"), ("sam", "supervisor")):
            uow.users.upsert(user_id, user_id.title(), ROLES[role])
        uow.commit()
    return Users(lambda: SqlUnitOfWork(store), Reads(store), hasher=FAST)


def test_a_chosen_pin_is_kept_as_an_argon2id_hash_and_checked(users, store) -> None:
    assert not users.has_pin("alex")
    assert users.check_pin("alex", "1111", T0).outcome is Outcome.NOT_SET
    users.choose_pin("alex", "1111", T0)
    with store.read() as conn:
        saved = conn.execute(text("SELECT pin_hash, set_by, failures FROM user_pins")).one()
    assert saved.pin_hash.startswith("$argon2id$") and "1111" not in saved.pin_hash
    assert (saved.set_by, saved.failures) == ("alex", 0)
    assert users.check_pin("alex", "1111", T0).ok
    assert users.check_pin("alex", "1112", T0).outcome is Outcome.WRONG


def test_a_pin_is_chosen_once_and_a_supervisor_clears_it(users, store) -> None:
    users.choose_pin("alex", "1111", T0)
    with pytest.raises(PinRejected, match="already has a PIN"):
        users.choose_pin("alex", "2222", T0)  # picking someone's name does not replace their PIN
    with pytest.raises(PermissionDenied):
        users.clear_pin("alex", Actor("alex", "dev", ROLES["associate"]))
    users.clear_pin("alex", Actor("sam", "dev", ROLES["supervisor"]), T0)
    assert not users.has_pin("alex")
    users.choose_pin("alex", "2222", T0)
    assert users.check_pin("alex", "2222", T0).ok
    # The journal has the reset by the supervisor (sync clears the PIN on every device), then alex's choice.
    with store.read() as conn:
        journal = conn.execute(text("SELECT kind, user_id, payload FROM events ORDER BY seq")).all()
    assert [(kind, user) for kind, user, _ in journal] == [
        ("pin_set", "alex"),
        ("pin_cleared", "sam"),
        ("pin_set", "alex"),
    ]
    assert json.loads(journal[1].payload) == {"user_id": "alex"}


@pytest.mark.parametrize("pin", ["", "123", "x" * 65])
def test_a_pin_too_short_or_too_long_is_refused(users, pin) -> None:
    with pytest.raises(PinRejected):
        users.choose_pin("alex", pin, T0)
    assert not users.has_pin("alex")


def test_the_waits_after_wrong_tries_double_up_to_a_quarter_of_an_hour() -> None:
    assert [pins.wait_after(n) for n in range(5)] == [None] * 5
    assert [pins.wait_after(n).total_seconds() for n in range(5, 12)] == [30, 60, 120, 240, 480, 900, 900]
    assert pins.wait_after(10_000) == timedelta(minutes=15)


def test_wrong_tries_are_counted_in_the_store_and_a_try_in_the_wait_is_not_checked(users, store) -> None:
    users.choose_pin("alex", "1111", T0)
    checks = [users.check_pin("alex", "0000", T0) for _ in range(5)]
    assert [c.tries_left for c in checks] == [4, 3, 2, 1, 0]
    assert [c.outcome for c in checks] == [Outcome.WRONG] * 4 + [Outcome.WAIT]
    assert checks[-1].retry_after == T0 + timedelta(seconds=30)
    restarted = Users(lambda: SqlUnitOfWork(store), Reads(store), hasher=FAST)  # a restart resets nothing
    during = restarted.check_pin("alex", "1111", T0 + timedelta(seconds=29))
    assert during.outcome is Outcome.WAIT and during.retry_after == T0 + timedelta(seconds=30)
    assert restarted.check_pin("alex", "1111", T0 + timedelta(seconds=30)).ok
    with store.read() as conn:
        assert conn.execute(text("SELECT failures, retry_after FROM user_pins")).one() == (0, None)


@pytest.mark.parametrize(
    "damaged",
    ["not a hash", "$argon2id$v=19$m=65536,t=3,p=4$c2FsdHNhbHQ$", "$argon2id$v=19$m=8,t=1,p=1$c2FsdHNhbHQ$!!!!"],
)
def test_a_damaged_hash_is_said_to_be_damaged_not_wrong(users, store, damaged, caplog) -> None:
    users.choose_pin("alex", "1111", T0)
    with store.read() as conn:
        conn.execute(text("UPDATE user_pins SET pin_hash = :h"), {"h": damaged})
        conn.commit()
    check = users.check_pin("alex", "1111", T0)
    assert check.outcome is Outcome.DAMAGED and not check.ok
    assert "a supervisor must reset it" in caplog.text and damaged not in caplog.text


def test_a_hash_made_with_older_parameters_is_rehashed_on_a_right_pin(users, store) -> None:
    old = PasswordHasher.from_parameters(profiles.CHEAPEST)
    with SqlUnitOfWork(store) as uow:
        records.put(uow.connection, "alex", old.hash("1111"), "alex", T0)
        uow.commit()
    stronger = Users(
        lambda: SqlUnitOfWork(store), Reads(store), hasher=PasswordHasher(time_cost=2, memory_cost=32, parallelism=1)
    )
    assert stronger.check_pin("alex", "1111", T0).ok
    with store.read() as conn:
        saved = conn.execute(text("SELECT pin_hash FROM user_pins")).scalar_one()
    assert "m=32,t=2,p=1" in saved and stronger.check_pin("alex", "1111", T0).ok


def test_a_record_never_shows_its_hash() -> None:
    record = records.PinRecord("alex", "$argon2id$secret", 0, None)
    assert "argon2" not in repr(record) and "secret" not in str(record)


def test_the_idle_lock_is_five_minutes_unless_a_supervisor_sets_it(users, store) -> None:
    sam = Actor("sam", store.device_id, ROLES["supervisor"])
    assert users.idle_lock_minutes() == DEFAULT_IDLE_LOCK_MINUTES == 5
    users.set_idle_lock_minutes(2, sam)
    assert users.idle_lock_minutes() == 2
    users.set_idle_lock_minutes(0, sam)
    assert users.idle_lock_minutes() == 0
    with pytest.raises(ValueError):
        users.set_idle_lock_minutes(-1, sam)
    for role in ("associate", "inventory_manager"):
        with pytest.raises(PermissionDenied):
            users.set_idle_lock_minutes(60, Actor("alex", store.device_id, ROLES[role]))
    assert users.idle_lock_minutes() == 0
    with SqlUnitOfWork(store) as uow:
        uow.settings.put(IDLE_LOCK_KEY, "soon")  # hand-edited nonsense: the default, not a crash
        uow.commit()
    assert users.idle_lock_minutes() == 5
