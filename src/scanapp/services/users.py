"""Local sign-in: who is signed in on this device is remembered across restarts until they sign out,
so the app reopens on the counts list for the person holding the handheld."""

from __future__ import annotations

from collections.abc import Callable

from scanapp.domain.rows import UserRow
from scanapp.services.ports import UnitOfWork
from scanapp.services.reads import Reads

LAST_USER_KEY = "gui.last_user"


def remember(uow: UnitOfWork, user_id: str | None) -> None:
    """Inside a unit of work the caller commits (the demo seeds it with its other data)."""
    uow.settings.put(LAST_USER_KEY, user_id)  # type: ignore[attr-defined]


class Users:
    """The device's users, and who of them was signed in last."""

    def __init__(self, uow: Callable[[], UnitOfWork], reads: Reads) -> None:
        self.uow = uow
        self.reads = reads

    def all(self) -> list[UserRow]:
        return self.reads.users()

    def remember(self, user_id: str | None) -> None:
        with self.uow() as uow:
            remember(uow, user_id)
            uow.commit()

    def remembered(self) -> UserRow | None:
        user_id = self.reads.setting(LAST_USER_KEY)
        return next((u for u in self.reads.users() if u.user_id == user_id), None)
