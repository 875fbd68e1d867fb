"""the catalog keyed by its keys alone: products and product_codes become WITHOUT ROWID tables, and the two
indexes on product names go (no query reads by them: the search matches names with LIKE '%…%' and the item
lists order by a coalesce of names, neither of which an index serves). A product then writes one B-tree
instead of four and a code two instead of three: a first pull of a million-product catalog spent most of its
time writing them.

SQLite cannot change a table to WITHOUT ROWID in place: both are made anew (the new codes referring to the new
products), filled, the old ones dropped (codes first, so no code ever refers to a missing product), and the new
ones renamed over them (a rename rewrites the reference to follow it).

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-06 16:30:00
"""

from alembic import op


revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def _rebuild(with_rowid: bool, product_indexes: list[str]) -> None:
    rowid = "" if with_rowid else " WITHOUT ROWID"
    op.execute(
        "CREATE TABLE products_new (sku VARCHAR NOT NULL, name VARCHAR NOT NULL, parent_name VARCHAR NOT NULL,"
        f" PRIMARY KEY (sku)){rowid}"
    )
    op.execute(
        "CREATE TABLE product_codes_new (code VARCHAR NOT NULL, sku VARCHAR NOT NULL, source VARCHAR NOT NULL,"
        f" PRIMARY KEY (code), FOREIGN KEY(sku) REFERENCES products_new (sku)){rowid}"
    )
    op.execute("INSERT INTO products_new (sku, name, parent_name) SELECT sku, name, parent_name FROM products")
    op.execute("INSERT INTO product_codes_new (code, sku, source) SELECT code, sku, source FROM product_codes")
    op.execute("DROP TABLE product_codes")
    op.execute("DROP TABLE products")
    op.execute("ALTER TABLE products_new RENAME TO products")
    op.execute("ALTER TABLE product_codes_new RENAME TO product_codes")
    for index in ["CREATE INDEX ix_product_codes_sku ON product_codes (sku)", *product_indexes]:
        op.execute(index)


def upgrade() -> None:
    _rebuild(with_rowid=False, product_indexes=[])


def downgrade() -> None:
    _rebuild(
        with_rowid=True,
        product_indexes=[
            "CREATE INDEX ix_products_parent_name ON products (parent_name)",
            "CREATE INDEX ix_products_name ON products (name)",
        ],
    )
