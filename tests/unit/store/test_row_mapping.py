"""The device's sessions table through the shared session record: what is saved reads back the same, and a
session as the server sends it lands in the same columns."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from scanapp.domain.counts import CountKind, Lock, Session, SessionState
from scanapp.domain.permissions import Actor
from scanapp.domain.session_record import session_json
from scanapp.services.counting import Counting
from scanapp.store import schema as t
from scanapp.store.database import Store
from scanapp.store.row_mapping import session_columns, session_from_row
from scanapp.store.uow import SqlUnitOfWork
from tests.helpers import FixedClock

times = st.datetimes(min_value=datetime(2020, 1, 1), max_value=datetime(2040, 1, 1), timezones=st.just(UTC))
locks = st.builds(Lock, user_id=st.just("alex"), device_id=st.just("dev-1"), expires_at=st.none() | times)
counter = iter(range(10**6))


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    state=st.sampled_from(SessionState),
    started_at=st.none() | times,
    submitted_at=st.none() | times,
    lock=st.none() | locks,
    epoch=st.integers(0, 2**31),
)
def test_a_saved_session_reads_back_the_same(
    store: Store,
    counting: Counting,
    supervisor: Actor,
    clock: FixedClock,
    state: SessionState,
    started_at: datetime | None,
    submitted_at: datetime | None,
    lock: Lock | None,
    epoch: int,
) -> None:
    count, _default = counting.create_count(supervisor, "c", CountKind.HARD, clock.now() - timedelta(hours=1))
    session = Session(
        id=f"s-{next(counter)}",
        count_id=count.id,
        name="Back room",
        area="Stockroom",
        state=state,
        is_default=False,
        created_at=clock.now(),
        created_by="sam",
        started_at=started_at,
        started_by="sam" if started_at else None,
        submitted_at=submitted_at,
        lock=lock,
        epoch=epoch,
    )
    with SqlUnitOfWork(store) as uow:
        uow.sessions.add(session)
        uow.commit()
    with store.read() as conn:
        row = conn.execute(select(t.sessions).where(t.sessions.c.id == session.id)).one()
    assert session_from_row(row) == session
    stored = dict(row._mapping)
    assert stored.pop("server_seq") == 0, "a session made here has taken no state from the server"
    assert stored == session_columns(session_json(session))
