"""Sign-in attempts are limited per user, also when they come all at once (each takes its place in the count
before its password is checked); a right password from a device the server has not enrolled is answered and
counted exactly like a wrong one."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from scansync import tables as t
from sqlalchemy import func, select

from tests.integration.sync.conftest import LiveServer


def _failures(server: LiveServer, user: str) -> int:
    with server.db.read() as conn:
        return int(
            conn.execute(
                select(func.count())
                .select_from(t.login_attempts)
                .where(t.login_attempts.c.username == user, t.login_attempts.c.ok.is_(False))
            ).scalar_one()
        )


def test_thirty_wrong_passwords_at_once_get_at_most_the_limit_checked(server: LiveServer) -> None:
    limit = server.settings.max_failures_per_user
    with ThreadPoolExecutor(30) as pool:
        answers = list(pool.map(lambda i: server.sign_in("alex", password=f"guess-{i:02d}"), range(30)))
    codes = sorted(r.status_code for r in answers)
    assert codes.count(401) <= limit and codes.count(401) + codes.count(429) == 30, codes
    assert all("Too many failed sign-ins" in r.json()["detail"] for r in answers if r.status_code == 429)
    assert _failures(server, "alex") <= limit
    assert server.sign_in("alex").status_code == 429, "even the right password waits now"
    assert server.sign_in("pat").status_code == 200, "other users are not held up"


def test_a_right_password_from_an_unenrolled_device_is_answered_and_counted_as_a_failure(server: LiveServer) -> None:
    wrong = server.sign_in("alex", password="not it")
    unenrolled = server.sign_in("alex", device="dev-nobody-enrolled")
    assert (
        (unenrolled.status_code, unenrolled.json())
        == (wrong.status_code, wrong.json())
        == (
            401,
            {"detail": "Wrong user name or password."},
        )
    )
    assert _failures(server, "alex") == 2
    for _ in range(server.settings.max_failures_per_user - 2):
        assert server.sign_in("alex", device="dev-nobody-enrolled").status_code == 401
    assert server.sign_in("alex").status_code == 429, "the unenrolled tries counted towards the limit"


def test_a_successful_sign_in_is_not_counted_as_a_failure(server: LiveServer) -> None:
    for _ in range(server.settings.max_failures_per_user + 2):
        assert server.sign_in("pat").status_code == 200
    assert _failures(server, "pat") == 0
