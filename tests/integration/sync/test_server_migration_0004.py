"""Server revision 0004 (where a PIN was last reset) on SQLite and PostgreSQL: a database at 0003 with users
upgrades to the declared tables and keeps their PINs, with no reset device; 0004 goes down and up again."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from scansync import tables as t
from scansync.db import Database, normalise_url
from sqlalchemy import MetaData, create_engine, insert, select

from tests.integration.sync.conftest import START
from tests.integration.sync.test_server_migration_0003 import _migrate
from tests.integration.sync.test_server_migrations import empty_url, head_revision, schema

__all__ = ["empty_url"]  # the fixture: a database with no tables, on SQLite or in its own PostgreSQL schema


def test_a_0003_database_upgrades_to_0004_and_back(empty_url: str) -> None:
    _migrate(empty_url, True, "0003")
    engine = create_engine(normalise_url(empty_url))
    with engine.begin() as conn:
        released = MetaData()
        released.reflect(conn)  # the tables as 0003 made them
        users = released.tables["users"]
        for user, pin in (("alex", "$argon2id$v=19$alex"), ("pat", None)):
            conn.execute(
                insert(users).values(
                    id=user, display_name=user, password_hash="x", roles="associate", created_at=START,
                    pin_hash=pin, pin_version=3 if pin else 0,
                )
            )  # fmt: skip
    engine.dispose()
    assert "pin_reset_device" not in schema(empty_url)["users"]
    db = Database.open(empty_url)  # what the server does when it starts
    try:
        with db.read() as conn:
            assert MigrationContext.configure(conn).get_current_revision() == head_revision()
            context = MigrationContext.configure(conn, opts={"compare_type": True, "compare_server_default": True})
            assert compare_metadata(context, t.metadata) == []
            rows = conn.execute(
                select(t.users.c.id, t.users.c.pin_hash, t.users.c.pin_version, t.users.c.pin_reset_device)
            ).all()
            assert sorted(tuple(r) for r in rows) == [("alex", "$argon2id$v=19$alex", 3, None), ("pat", None, 0, None)]
    finally:
        db.close()
    _migrate(empty_url, False, "0003")
    assert "pin_reset_device" not in schema(empty_url)["users"]
    _migrate(empty_url, True, "head")
    assert "pin_reset_device" in schema(empty_url)["users"]
