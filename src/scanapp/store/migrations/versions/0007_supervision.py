"""supervision: variance decisions, per-count thresholds and the items a recount session targets

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-06 13:40:00
"""

from alembic import op
import sqlalchemy as sa


revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # The latest supervisor decision on an item's variance (approved, rejected to recount, forced with a
    # reason), projected from variance_decided events; the journal keeps every one. Empty on an upgraded store.
    op.create_table('variance_decisions',
    sa.Column('count_id', sa.String(length=36), nullable=False),
    sa.Column('item_key', sa.String(), nullable=False),
    sa.Column('decision', sa.String(), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('counted', sa.Integer(), nullable=True),
    sa.Column('expected', sa.Float(), nullable=True),
    sa.Column('decided_by', sa.String(), nullable=False),
    sa.Column('decided_at', sa.String(), nullable=False),
    sa.Column('event_id', sa.String(length=36), nullable=False),
    sa.PrimaryKeyConstraint('count_id', 'item_key'),
    sqlite_with_rowid=False
    )
    # A count's own variance threshold (the latest variance_threshold_set); without one, the device default.
    op.create_table('count_thresholds',
    sa.Column('count_id', sa.String(length=36), nullable=False),
    sa.Column('kind', sa.String(), nullable=False),
    sa.Column('value', sa.Float(), nullable=False),
    sa.Column('set_by', sa.String(), nullable=False),
    sa.Column('set_at', sa.String(), nullable=False),
    sa.Column('event_id', sa.String(length=36), nullable=False),
    sa.PrimaryKeyConstraint('count_id')
    )
    # The items a directed recount session was made for (session_created's recount_items): its Uncounted tab
    # lists exactly these. Sessions made before this release have none: ordinary sessions, as they were.
    op.create_table('session_targets',
    sa.Column('session_id', sa.String(length=36), nullable=False),
    sa.Column('item_key', sa.String(), nullable=False),
    sa.PrimaryKeyConstraint('session_id', 'item_key'),
    sqlite_with_rowid=False
    )


def downgrade() -> None:
    op.drop_table('session_targets')
    op.drop_table('count_thresholds')
    op.drop_table('variance_decisions')
