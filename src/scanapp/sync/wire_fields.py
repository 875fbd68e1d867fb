"""The field types of the wire schema (scanapp.sync.wire): ids, bounded text and numbers, UTC times, and the
check that text is storable in every database."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Any

from pydantic import AfterValidator, Field

Id = Annotated[str, Field(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9._:@-]+$")]
Text = Annotated[str, Field(max_length=512)]
Seq = Annotated[int, Field(ge=1, le=2**53)]
Epoch = Annotated[int, Field(ge=0, le=2**31)]


def _utc(value: datetime) -> datetime:
    """Naive times are taken as UTC; anything that cannot be expressed in UTC is refused (422)."""
    try:
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
    except OverflowError as err:
        raise ValueError("time out of range") from err


UtcTime = Annotated[datetime, AfterValidator(_utc)]


def storable(value: Any) -> Any:
    """Text every database can store: PostgreSQL refuses NUL, and a lone surrogate is not UTF-8."""
    if isinstance(value, str):
        if "\x00" in value:
            raise ValueError("text must not contain NUL characters")
        try:
            value.encode()
        except UnicodeEncodeError:
            raise ValueError("text must be valid Unicode (no lone surrogates)") from None
    elif isinstance(value, (list, tuple)):
        for item in value:
            storable(item)
    elif isinstance(value, dict):
        for key, item in value.items():
            storable(key)
            storable(item)
    return value


NoNul = r"^[^\x00]+$"
