"""sync review: the server's verdict on this device's events it did not apply, and review lines

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-08 10:00:00
"""

from alembic import op
import sqlalchemy as sa


revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Events of this device the server stored but did not apply (fenced by a lost lease, refused by a rule):
    # they wait for a supervisor, so the device takes them out of its totals too. Empty on an upgraded store.
    op.create_table('event_reviews',
    sa.Column('event_id', sa.String(length=36), nullable=False),
    sa.Column('session_id', sa.String(length=36), nullable=True),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('marked_at', sa.String(), nullable=False),
    sa.PrimaryKeyConstraint('event_id')
    )
    with op.batch_alter_table('event_reviews', schema=None) as batch_op:
        batch_op.create_index('ix_event_reviews_session', ['session_id'], unique=False)
    # A line whose event waits in review stays in the scan list, marked, and counts in no total. NULL for
    # every line an older release wrote: all of them were counted. A plain ADD COLUMN: no table copy.
    op.add_column('scan_lines', sa.Column('review', sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('scan_lines', schema=None) as batch_op:
        batch_op.drop_column('review')
    with op.batch_alter_table('event_reviews', schema=None) as batch_op:
        batch_op.drop_index('ix_event_reviews_session')
    op.drop_table('event_reviews')
