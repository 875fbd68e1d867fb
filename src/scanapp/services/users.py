"""Local sign-in: who is signed in on this device is remembered across restarts until they sign out,
so the app reopens on the counts list for the person holding the handheld."""

from __future__ import annotations

from sqlalchemy import Connection

from scanapp.services.ports import UnitOfWork
from scanapp.store import queries
from scanapp.store.queries import UserRow

LAST_USER_KEY = "gui.last_user"


def remember(uow: UnitOfWork, user_id: str | None) -> None:
    uow.settings.put(LAST_USER_KEY, user_id)  # type: ignore[attr-defined]


def remembered(conn: Connection) -> UserRow | None:
    user_id = queries.setting(conn, LAST_USER_KEY)
    return next((u for u in queries.users(conn) if u.user_id == user_id), None)
