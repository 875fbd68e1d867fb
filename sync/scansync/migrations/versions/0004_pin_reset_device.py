"""pin reset device: where a supervisor last reset a user's PIN, so the user's next PIN is taken from there

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-06 18:00:00
"""

from alembic import op
import sqlalchemy as sa


revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # NULL for every user: no reset was made on a device before this revision.
    with op.batch_alter_table('users') as batch:
        batch.add_column(sa.Column('pin_reset_device', sa.String(length=64), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('users') as batch:
        batch.drop_column('pin_reset_device')
