"""user pins: a PIN or password per local user (SPEC A1)

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-01 22:20:00
"""

from alembic import op
import sqlalchemy as sa


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Users who were on the device before have no row: they choose a PIN at their next sign-in.
    op.create_table('user_pins',
    sa.Column('user_id', sa.String(), nullable=False),
    sa.Column('pin_hash', sa.Text(), nullable=False),
    sa.Column('set_at', sa.String(), nullable=False),
    sa.Column('set_by', sa.String(), nullable=False),
    sa.Column('failures', sa.Integer(), nullable=False),
    sa.Column('retry_after', sa.String(), nullable=True),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], ),
    sa.PrimaryKeyConstraint('user_id')
    )


def downgrade() -> None:
    op.drop_table('user_pins')
