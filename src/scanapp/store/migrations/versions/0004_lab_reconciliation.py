"""lab reconciliation: frozen scope with locations, found items, progress per location, notes, resolutions

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-06 11:00:00
"""

from alembic import op
import sqlalchemy as sa


revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Reconciliations started before this release have no scope locations: they show no progress per
    # location, everything else works as before.
    op.create_table('lab_scope',
    sa.Column('count_id', sa.String(length=36), nullable=False),
    sa.Column('barcode', sa.String(), nullable=False),
    sa.Column('location', sa.String(), nullable=False),
    sa.ForeignKeyConstraint(['count_id'], ['counts.id'], ),
    sa.PrimaryKeyConstraint('count_id', 'barcode'),
    sqlite_with_rowid=False
    )
    op.create_table('lab_found',
    sa.Column('session_id', sa.String(length=36), nullable=False),
    sa.Column('item_key', sa.String(), nullable=False),
    sa.Column('location', sa.String(), nullable=True),
    sa.Column('ordinal', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('session_id', 'item_key'),
    sqlite_with_rowid=False
    )
    op.create_table('lab_progress',
    sa.Column('session_id', sa.String(length=36), nullable=False),
    sa.Column('location', sa.String(), nullable=False),
    sa.Column('expected', sa.Integer(), nullable=False),
    sa.Column('found', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('session_id', 'location'),
    sqlite_with_rowid=False
    )
    op.create_table('lab_notes',
    sa.Column('session_id', sa.String(length=36), nullable=False),
    sa.Column('code', sa.String(), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('user_id', sa.String(), nullable=False),
    sa.Column('at', sa.String(), nullable=False),
    sa.PrimaryKeyConstraint('session_id', 'code'),
    sqlite_with_rowid=False
    )
    op.create_table('lab_resolutions',
    sa.Column('session_id', sa.String(length=36), nullable=False),
    sa.Column('item_key', sa.String(), nullable=False),
    sa.Column('resolution', sa.String(), nullable=False),
    sa.Column('detail', sa.Text(), nullable=False),
    sa.Column('event_id', sa.String(length=36), nullable=False),
    sa.Column('user_id', sa.String(), nullable=False),
    sa.Column('at', sa.String(), nullable=False),
    sa.PrimaryKeyConstraint('session_id', 'item_key'),
    sqlite_with_rowid=False
    )


def downgrade() -> None:
    for table in ('lab_resolutions', 'lab_notes', 'lab_progress', 'lab_found', 'lab_scope'):
        op.drop_table(table)
