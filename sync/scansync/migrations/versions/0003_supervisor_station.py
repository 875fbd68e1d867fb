"""supervisor station: variance decisions, per-count thresholds, recount targets, device sync reports

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-06 13:40:00
"""

from alembic import op
import sqlalchemy as sa


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None

_id = sa.BigInteger().with_variant(sa.Integer(), 'sqlite')


def upgrade() -> None:
    # Every decision a supervisor made on an item's variance (history kept; the latest per item wins).
    op.create_table(
        'variance_decisions',
        sa.Column('id', _id, primary_key=True, autoincrement=True),
        sa.Column('count_id', sa.String(length=64), nullable=False),
        sa.Column('item_key', sa.String(length=128), nullable=False),
        sa.Column('decision', sa.String(length=16), nullable=False),
        sa.Column('reason', sa.Text(), nullable=False),
        sa.Column('counted', sa.Integer(), nullable=True),
        sa.Column('expected', sa.Float(), nullable=True),
        sa.Column('decided_by', sa.String(length=128), nullable=False),
        sa.Column('decided_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('event_id', sa.String(length=64), nullable=False),
    )
    op.create_index('ix_variance_decisions_count', 'variance_decisions', ['count_id', 'item_key'])
    op.create_table(
        'count_thresholds',
        sa.Column('count_id', sa.String(length=64), primary_key=True),
        sa.Column('kind', sa.String(length=16), nullable=False),
        sa.Column('value', sa.Float(), nullable=False),
        sa.Column('set_by', sa.String(length=128), nullable=False),
        sa.Column('set_at', sa.DateTime(timezone=True), nullable=False),
    )
    # The items a directed recount session targets (session_created with recount_items).
    op.create_table(
        'session_targets',
        sa.Column('session_id', sa.String(length=64), primary_key=True),
        sa.Column('item_key', sa.String(length=128), primary_key=True),
    )
    # What each device last reported when it tried to sync: when, its clock against the server's, who.
    with op.batch_alter_table('devices') as batch:
        batch.add_column(sa.Column('last_attempt_at', sa.DateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column('clock_offset_s', sa.Float(), nullable=True))
        batch.add_column(sa.Column('signed_in_user', sa.String(length=128), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('devices') as batch:
        batch.drop_column('signed_in_user')
        batch.drop_column('clock_offset_s')
        batch.drop_column('last_attempt_at')
    op.drop_table('session_targets')
    op.drop_table('count_thresholds')
    op.drop_index('ix_variance_decisions_count', table_name='variance_decisions')
    op.drop_table('variance_decisions')
