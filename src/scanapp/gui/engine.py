"""What the screens talk to: the counting use-cases, the read-side queries, who is signed in, and one
signal per kind of change so every page that shows it refreshes.

Screens never see SQL: reads go through `read(queries.something, …)`, writes through `counting`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Concatenate, ParamSpec, TypeVar

from PySide6.QtCore import QObject, Signal
from sqlalchemy import Connection

from scanapp.bootstrap import App
from scanapp.domain.permissions import Actor
from scanapp.services import users
from scanapp.services.counting import Counting
from scanapp.store.queries import UserRow

P = ParamSpec("P")
T = TypeVar("T")


class Engine(QObject):
    signed_in = Signal(object)
    """The Actor who just signed in."""
    signed_out = Signal()
    session_changed = Signal(str)
    """A session's state, lock or lines changed (its id): pages showing it refresh."""

    def __init__(self, app: App, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self._actor: Actor | None = None

    @property
    def counting(self) -> Counting:
        return self.app.counting

    @property
    def actor(self) -> Actor:
        if self._actor is None:
            raise RuntimeError("nobody is signed in")
        return self._actor

    @property
    def signed_in_actor(self) -> Actor | None:
        return self._actor

    @property
    def device_id(self) -> str:
        return self.app.store.device_id

    def now(self) -> datetime:
        return self.app.clock.now()

    def read(self, query: Callable[Concatenate[Connection, P], T], *args: P.args, **kwargs: P.kwargs) -> T:
        """Run one read-side query (a function of store.queries, or a composition of them) on its own
        connection."""
        with self.app.store.read() as conn:
            return query(conn, *args, **kwargs)

    def sign_in(self, user: UserRow) -> Actor:
        self._actor = Actor(
            user_id=user.user_id,
            device_id=self.device_id,
            permissions=user.permissions,
            display_name=user.display_name,
        )
        self._remember(user.user_id)
        self.signed_in.emit(self._actor)
        return self._actor

    def sign_out(self) -> None:
        self._actor = None
        self._remember(None)
        self.signed_out.emit()

    def remembered_user(self) -> UserRow | None:
        """Who was signed in on this device when the app last closed (signing out forgets them), so the app
        opens straight on the counts list for the person holding the handheld."""
        return self.read(users.remembered)

    def _remember(self, user_id: str | None) -> None:
        with self.app.uow() as uow:
            users.remember(uow, user_id)
            uow.commit()
