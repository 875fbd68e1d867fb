"""sync versions: what the device last took from the server for a session and for a user's PIN

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-08 10:00:00
"""

from alembic import op
import sqlalchemy as sa


revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # The change-log position of the server state a session row holds (0: never taken from the server).
    # A pulled state at or below it is older than what the device has, and is not applied.
    op.add_column('sessions', sa.Column('server_seq', sa.Integer(), server_default=sa.text('0'), nullable=False))
    # The server's version of the user's PIN the device holds (0: none from the server; a PIN chosen here).
    op.add_column('users', sa.Column('pin_version', sa.Integer(), server_default=sa.text('0'), nullable=False))


def downgrade() -> None:
    op.drop_column('users', 'pin_version')
    op.drop_column('sessions', 'server_seq')
