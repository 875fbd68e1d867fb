"""Revision 0004 (lab reconciliation) on a store of the previous revision with a reconciliation under way: the
upgrade matches the declared schema, keeps every row, and the old session keeps working (its views come from
the expected set; it just has no progress per location)."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, text

from scanapp.domain.lab_rows import View
from scanapp.domain.permissions import ROLES, Actor
from scanapp.services.counting import Counting
from scanapp.services.lab import Reconciliation
from scanapp.services.lab_reads import LabReads
from scanapp.store.database import Store, alembic_config
from scanapp.store.schema import metadata
from scanapp.store.uow import SqlUnitOfWork
from tests.helpers import FixedClock


def test_a_store_at_0002_with_a_reconciliation_upgrades(tmp_path: Path, clock: FixedClock) -> None:
    path = tmp_path / "scanapp.db"
    engine = create_engine(f"sqlite:///{path}")
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0002")
        conn.execute(text("INSERT INTO device (id, name, created_at) VALUES ('dev-1', 'bench', '2026-11-01')"))
        conn.execute(
            text(
                "INSERT INTO inventory_items (barcode, ingredient, lab, location, quantity, unit, status) VALUES"
                " ('A-1', 'Agarose', 'Lab A', 'Shelf 1', 5, 'g', 'available'),"
                " ('A-2', 'Agarose', 'Lab A', 'Shelf 1', 5, 'g', 'available')"
            )
        )
        conn.execute(
            text(
                "INSERT INTO counts (id, name, kind, planned_start, created_at, created_by, lab, expected_total)"
                " VALUES ('c1', 'Old check', 'scoped', '2026-11-01T09:00:00+00:00', '2026-11-01T09:00:00+00:00',"
                " 'lee', 'Lab A', 2)"
            )
        )
        conn.execute(text("INSERT INTO expected_items VALUES ('c1', 'A-1', 1), ('c1', 'A-2', 1)"))
        conn.execute(
            text(
                "INSERT INTO sessions (id, count_id, name, area, state, is_default, created_at, created_by, started_at,"
                " started_by, lock_epoch) VALUES ('s1', 'c1', 'Old check', 'Lab A', 'In progress', 1,"
                " '2026-11-01T09:00:00+00:00', 'lee', '2026-11-01T09:00:00+00:00', 'lee', 0)"
            )
        )
        conn.execute(text("INSERT INTO session_totals VALUES ('s1', 0, 0, 0, 0, 0, 0, 0, 0)"))
    engine.dispose()
    store = Store.open(path)
    try:
        with store.read() as conn:
            context = MigrationContext.configure(conn, opts={"compare_type": True, "compare_server_default": True})
            assert compare_metadata(context, metadata) == []
            assert conn.execute(text("SELECT count(*) FROM expected_items")).scalar() == 2
        lab = Reconciliation(Counting(lambda: SqlUnitOfWork(store), clock))
        lee = Actor("lee", store.device_id, ROLES["lab_tech"])
        lab.scan(lee, "s1", "A-1", "wedge")
        reads = LabReads(store)
        assert [r.item.barcode for r in reads.view_rows("s1", View.NOT_SCANNED)] == ["A-2"]
        assert reads.progress("s1") == []
    finally:
        store.close()
