"""PostgreSQL plans a catalog import's statements with their values: a plan kept from an empty table made a
catalog imported in batches into a new database slower with every batch (100,000 products took 174 s)."""

from __future__ import annotations

from scansync import catalog
from scansync.db import Database
from sqlalchemy import text

from scanapp.sync.wire import ProductIn
from tests.bench.bench_sync import gtin


def test_a_catalog_imports_statements_are_planned_with_their_values_every_time(pg_url: str) -> None:
    db = Database.open(pg_url)
    try:
        for batch in range(12):  # psycopg prepares a statement from its fifth run; PostgreSQL may go generic after
            products = [
                ProductIn(sku=f"P-{batch:02d}-{i:03d}", name=f"Product {i}", gtins=[gtin(batch * 1000 + i)])
                for i in range(50)
            ]
            with db.write() as tx:
                assert not catalog.import_products(tx, products)["rejected"]
        with db.read() as conn:  # the pool's one connection, the one the imports used
            # The SET itself is prepared too: a utility statement, planned by no one.
            plans = (
                "SELECT coalesce(sum(custom_plans), 0), coalesce(sum(generic_plans), 0) FROM pg_prepared_statements"
                " WHERE statement NOT LIKE 'SET %'"
            )
            custom, generic = conn.execute(text(plans)).one()
        assert custom > 0 and generic == 0
    finally:
        db.close()
