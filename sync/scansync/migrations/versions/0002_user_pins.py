"""user pins: a user's device PIN (argon2 hash) kept on the server and sent to every device

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-08 10:00:00
"""

from alembic import op
import sqlalchemy as sa


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Users of the first release have no PIN: they sign in with their password, or choose a PIN on a device.
    with op.batch_alter_table('users') as batch:
        batch.add_column(sa.Column('pin_hash', sa.String(length=256), nullable=True))
        batch.add_column(sa.Column('pin_version', sa.Integer(), server_default=sa.text('0'), nullable=False))


def downgrade() -> None:
    with op.batch_alter_table('users') as batch:
        batch.drop_column('pin_version')
        batch.drop_column('pin_hash')
