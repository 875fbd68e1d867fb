"""Server revision 0003 (the supervisor's station) on SQLite and PostgreSQL: a database at 0002 with a device
upgrades to the declared tables, keeps the device (nothing reported yet), and 0003 goes down and up again."""

from __future__ import annotations

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from scansync import tables as t
from scansync.db import Database, normalise_url
from sqlalchemy import MetaData, create_engine, insert, select

from tests.integration.sync.conftest import START
from tests.integration.sync.test_server_migrations import _config, empty_url, head_revision, schema

__all__ = ["empty_url"]  # the fixture: a database with no tables, on SQLite or in its own PostgreSQL schema

NEW_TABLES = {"variance_decisions", "count_thresholds", "session_targets"}
NEW_COLUMNS = {"last_attempt_at", "clock_offset_s", "signed_in_user"}


def _migrate(url: str, up: bool, revision: str) -> None:
    engine = create_engine(normalise_url(url))
    cfg = _config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        (command.upgrade if up else command.downgrade)(cfg, revision)
    engine.dispose()


def _tables_and_device_columns(url: str) -> tuple[set[str], set[str]]:
    tables = schema(url)
    return set(tables), tables["devices"]


def test_a_0002_database_upgrades_to_0003_and_back(empty_url: str) -> None:
    _migrate(empty_url, True, "0002")
    engine = create_engine(normalise_url(empty_url))
    with engine.begin() as conn:
        released = MetaData()
        released.reflect(conn)  # the tables as 0002 made them
        conn.execute(
            insert(released.tables["devices"]).values(
                id="dev-1", name="one", enrolled_at=START, enrolled_by="sam", high_water=7, reported_seq=9
            )
        )
    engine.dispose()
    tables, columns = _tables_and_device_columns(empty_url)
    assert not NEW_TABLES & tables and not NEW_COLUMNS & columns
    db = Database.open(empty_url)  # what the server does when it starts
    try:
        with db.read() as conn:
            assert MigrationContext.configure(conn).get_current_revision() == head_revision()
            context = MigrationContext.configure(conn, opts={"compare_type": True, "compare_server_default": True})
            assert compare_metadata(context, t.metadata) == []
            row = conn.execute(select(t.devices)).one()
            assert (row.id, row.high_water, row.reported_seq) == ("dev-1", 7, 9)
            assert (row.last_attempt_at, row.clock_offset_s, row.signed_in_user) == (None, None, None)
            for name in NEW_TABLES:
                assert conn.execute(select(t.metadata.tables[name])).all() == []
    finally:
        db.close()
    _migrate(empty_url, False, "0002")
    tables, columns = _tables_and_device_columns(empty_url)
    assert not NEW_TABLES & tables and not NEW_COLUMNS & columns
    _migrate(empty_url, True, "head")
    tables, columns = _tables_and_device_columns(empty_url)
    assert tables >= NEW_TABLES and columns >= NEW_COLUMNS
