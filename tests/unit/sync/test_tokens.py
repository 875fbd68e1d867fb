"""The device's per-user tokens: valid by the injected clock, the current user's first for what belongs to
nobody, and the first release's single token taken over."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from scanapp.sync import local
from scanapp.sync.tokens import Tokens
from tests.helpers import FixedClock

NOW = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)


class Settings:
    def __init__(self, **values: Any) -> None:
        self.values = dict(values)

    def get(self, key: str, default: Any = None) -> Any:
        return self.values.get(key, default)

    def put(self, **values: Any) -> None:
        self.values.update(values)


def tokens(**values: Any) -> tuple[Tokens, Settings]:
    settings = Settings(**values)
    return Tokens(settings.get, settings.put, FixedClock(NOW)), settings


def test_each_user_keeps_a_token_and_the_latest_sign_in_is_the_current_user() -> None:
    book, _ = tokens()
    book.remember("alex", "t-alex", NOW + timedelta(hours=12))
    book.remember("sam", "t-sam", NOW + timedelta(hours=1))
    assert book.current_user() == "sam"
    assert book.valid("alex").token == "t-alex" and book.valid("sam").token == "t-sam"  # type: ignore[union-attr]
    assert book.valid("pat") is None
    assert book.fallback().user == "sam"  # type: ignore[union-attr]


def test_an_expired_token_is_not_valid_and_the_fallback_is_the_longest_lasting() -> None:
    book, _ = tokens()
    book.remember("alex", "t-alex", NOW + timedelta(hours=12))
    book.remember("sam", "t-sam", NOW - timedelta(seconds=1))  # expired by the injected clock
    assert book.valid("sam") is None
    assert book.fallback().user == "alex"  # type: ignore[union-attr]
    book.forget("alex")
    assert book.fallback() is None and set(book.all()) == {"sam"}
    book.forget()
    assert book.all() == {}


def test_the_first_releases_single_token_is_taken_over_for_its_user() -> None:
    expires = (NOW + timedelta(hours=3)).isoformat()
    book, settings = tokens(**{local.TOKEN: "old", local.TOKEN_EXPIRES: expires, local.USER: "alex"})
    assert book.valid("alex").token == "old"  # type: ignore[union-attr]
    book.remember("sam", "t-sam", NOW + timedelta(hours=1))
    assert set(book.all()) == {"alex", "sam"} and settings.values[local.TOKEN] is None


def test_damaged_entries_are_ignored() -> None:
    book, _ = tokens(**{local.TOKENS: {"alex": {"token": "t"}, "sam": "x", "pat": {"token": "", "expires_at": "z"}}})
    assert book.all() == {}
