"""refused scans and item lines: the device's log of refused scans (H6), per item the lines that count (C10), and
an index of the unmatched lines (the Unmatched tab)

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-08 09:00:00
"""

from alembic import op
import sqlalchemy as sa


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('refused_scans',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('session_id', sa.String(length=36), nullable=True),
    sa.Column('after_ordinal', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('at', sa.String(), nullable=False),
    sa.Column('user_id', sa.String(), nullable=True),
    sa.Column('raw', sa.Text(), nullable=False),
    sa.Column('code', sa.String(), nullable=True),
    sa.Column('reading', sa.Text(), nullable=False),
    sa.Column('source', sa.String(), nullable=False),
    sa.Column('manual', sa.Boolean(), nullable=False),
    sa.Column('reason', sa.String(), nullable=False),
    sa.Column('detail', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index('ix_refused_scans_session', 'refused_scans', ['session_id', 'after_ordinal', 'position'])
    # The Unmatched tab read every line of a session to find its few unmatched ones.
    op.create_index(
        'ix_scan_lines_unmatched', 'scan_lines', ['session_id', 'code'], sqlite_where=sa.text("category = 'Unmatched'")
    )
    # A plain ADD COLUMN: a batch rebuild would lose the table's WITHOUT ROWID.
    op.add_column('session_items', sa.Column('lines', sa.Integer(), server_default=sa.text('0'), nullable=False))
    # The lines each item has now, folded as the repository keeps them: every line with a product and a category
    # touched the item's row (so an item whose lines were all removed has one, with 0 of each); the lines not
    # removed count. Items hand-counted as 0 get the row the earlier release never made for them.
    op.execute(
        "INSERT INTO session_items (session_id, item_key, units, category, lines)"
        " SELECT session_id, item_key, 0, min(category), sum(NOT removed) FROM scan_lines"
        " WHERE item_key IS NOT NULL AND category IS NOT NULL GROUP BY session_id, item_key"
        " ON CONFLICT (session_id, item_key) DO UPDATE SET lines = excluded.lines"
    )


def downgrade() -> None:
    op.execute("ALTER TABLE session_items DROP COLUMN lines")
    op.drop_index('ix_scan_lines_unmatched', table_name='scan_lines')
    op.drop_index('ix_refused_scans_session', table_name='refused_scans')
    op.drop_table('refused_scans')
