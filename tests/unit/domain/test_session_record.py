"""The one session serializer: both forms read back to the same session, and the JSON form is the wire's."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from scanapp.domain.counts import Lock, Session, SessionState
from scanapp.domain.session_record import FIELDS, session_from_record, session_json, session_record
from scanapp.sync.wire import SessionOut

# Text a database can store (the wire refuses NUL and lone surrogates before it gets there).
chars = st.characters(codec="utf-8", exclude_characters="\x00")
times = st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2100, 1, 1), timezones=st.just(UTC))
locks = st.builds(
    Lock,
    user_id=st.text(chars, min_size=1, max_size=8),
    device_id=st.text(chars, min_size=1, max_size=8),
    expires_at=st.none() | times,
)
sessions = st.builds(
    Session,
    id=st.text(chars, min_size=1, max_size=8),
    count_id=st.text(chars, min_size=1, max_size=8),
    name=st.text(chars, max_size=20),
    area=st.text(chars, max_size=20),
    state=st.sampled_from(SessionState),
    is_default=st.booleans(),
    created_at=times,
    created_by=st.text(chars, min_size=1, max_size=8),
    started_at=st.none() | times,
    started_by=st.none() | st.text(chars, min_size=1, max_size=8),
    submitted_at=st.none() | times,
    ended_at=st.none() | times,
    lock=st.none() | locks,
    epoch=st.integers(0, 2**31),
)


@given(sessions)
def test_both_forms_read_back_to_the_session(session: Session) -> None:
    assert session_from_record(session_record(session)) == session
    assert session_from_record(session_json(session)) == session


@given(sessions)
def test_the_json_form_is_what_the_wire_schema_describes(session: Session) -> None:
    data = session_json(session)
    assert tuple(data) == FIELDS == tuple(SessionOut.model_fields)
    assert SessionOut.model_validate(data).lease_epoch == session.epoch


def test_a_lease_that_expires_keeps_its_time() -> None:
    at = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)
    session = Session(
        "s", "c", "n", "", SessionState.IN_PROGRESS, False, at, "u", lock=Lock("u", "d", at + timedelta(minutes=5))
    )
    assert session_json(session)["lease_expires_at"] == "2026-11-22T09:05:00+00:00"
