"""The device's sign-ins to the sync server: one token per user who signed in on this device (A2: the server
takes who did what from the token, so each user's events go up under that user's own token).

Kept in the local settings table (sync.local.TOKENS); a token counts as valid until its expiry by the injected
clock (the server decides by its own clock, the same time on a device set right).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from scanapp.domain.clock import Clock
from scanapp.sync import local


@dataclass(frozen=True)
class Token:
    user: str
    token: str
    expires_at: datetime


class Tokens:
    def __init__(self, get: Callable[[str, Any], Any], put: Callable[..., None], clock: Clock) -> None:
        self._get = get
        self._put = put
        self.clock = clock

    def current_user(self) -> str | None:
        """The user who signed in most recently."""
        user = self._get(local.USER, None)
        return user if isinstance(user, str) and user else None

    def all(self) -> dict[str, Token]:
        stored = self._get(local.TOKENS, None)
        found: dict[str, Token] = {}
        if isinstance(stored, dict):
            for user, entry in stored.items():
                token = _token(user, entry)
                if token is not None:
                    found[user] = token
        legacy, user = self._get(local.TOKEN, None), self.current_user()
        if legacy and user and user not in found:  # the first release kept one token, of sync.user
            token = _token(user, {"token": legacy, "expires_at": self._get(local.TOKEN_EXPIRES, None)})
            if token is not None:
                found[user] = token
        return found

    def valid(self, user: str | None) -> Token | None:
        token = self.all().get(user) if user else None
        return token if token is not None and token.expires_at > self.clock.now() else None

    def fallback(self) -> Token | None:
        """For what is not any one user's (the pull), and for a run of events whose user holds no token here:
        the current user's token, else the valid one that lasts longest."""
        current = self.valid(self.current_user())
        if current is not None:
            return current
        now = self.clock.now()
        valid = [t for t in self.all().values() if t.expires_at > now]
        return max(valid, key=lambda t: t.expires_at, default=None)

    def remember(self, user: str, token: str, expires_at: datetime, current: bool = True) -> None:
        """`user` signed in: their token is kept, and (`current`) they are the current user."""
        book = {u: _entry(t) for u, t in self.all().items()}
        book[user] = _entry(Token(user, token, expires_at))
        who = {local.USER: user} if current else {}
        self._put(**{local.TOKENS: book, **who, local.TOKEN: None, local.TOKEN_EXPIRES: None})

    def forget(self, user: str | None = None) -> None:
        """Drop `user`'s token (the server refused it), or every token (None)."""
        book = {u: _entry(t) for u, t in self.all().items() if user is not None and u != user}
        self._put(**{local.TOKENS: book, local.TOKEN: None, local.TOKEN_EXPIRES: None})


def _entry(token: Token) -> dict[str, str]:
    return {"token": token.token, "expires_at": token.expires_at.isoformat()}


def _token(user: object, entry: object) -> Token | None:
    if not isinstance(user, str) or not isinstance(entry, dict):
        return None
    token, expires = entry.get("token"), entry.get("expires_at")
    if not isinstance(token, str) or not token or not isinstance(expires, str):
        return None
    try:
        return Token(user, token, datetime.fromisoformat(expires))
    except ValueError:
        return None
